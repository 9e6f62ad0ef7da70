"""hooks/page_weight.py and handbook/css_purge.py: what the purge keeps and drops, the
whitespace that may and may not go, and the published site (Material's stylesheets purged and
renamed by their content, no page linking the unpurged files). The bytes each page transfers
are measured in Chromium by test_site_faults.py."""

from __future__ import annotations

import hashlib
import re

import pytest

from handbook.css_purge import Usage, minify, purge, selector_used
from page_weight import HEAD_BYTES, collapse_whitespace, relink

PAGES = """
<html dir="ltr"><body>
<nav class="md-nav md-nav--primary" data-md-type="toc"><a class="md-nav__link">x</a></nav>
<div class="md-search-result"><ol class="md-search-result__list"></ol></div>
<article class="md-typeset"><p>text</p><details><summary>s</summary></details></article>
</body></html>
"""
# What Material's bundle says: it reads dir, sets data-md-type on copy buttons, builds search
# results with a <details>, and knows of tabs and tooltips.
SCRIPT = """
var rtl = document.documentElement.getAttribute("dir") === "rtl";
x("button", {class: "md-code__button", "data-md-type": "copy"});
x("details", {class: "md-search-result__more"}, x("summary", null));
j(".tabbed-labels"); x("div", {class: "md-tooltip2__inner"}); x("figure", {class: "md-search-result__fig"});
"""


@pytest.fixture(scope="module")
def usage() -> Usage:
    usage = Usage()
    usage.add_html(PAGES)
    usage.add_script(SCRIPT)
    usage.add_script('list.appendChild(element("blockquote", "hb-quote"));', builds_content=True)
    return usage


@pytest.mark.parametrize("selector, kept", [
    (".md-nav__link", True),
    (".md-nav--primary .md-nav__link:hover::before", True),     # states never count against a rule
    (".md-nav__link:not(.absent)", True),
    (".absent", False),
    ("#absent", False),
    (".md-search-result__more", True),          # a script's element of a component the pages have
    (".tabbed-labels", False),                  # a component the bundle knows and no page has
    (".md-tooltip2__inner", True),              # made by the bundle from any title
    ("[dir=ltr] .md-nav", True),
    ("[dir=rtl] .md-nav", False),               # the pages say ltr; the script only reads dir
    (".md-code__button[data-md-type=copy]", True),
    ("[data-md-type=select]", False),
    (".md-search-result__more>summary", True),  # a tag a script makes, outside the content
    (".md-typeset summary", True),              # … and inside it, where the pages have one
    (".md-typeset figure", False),              # the content's tags come from the pages…
    (".md-typeset blockquote", True),           # … and from the handbook's own scripts
    ("figure.md-search-result__fig", True),
    (":is(.absent, .other)", True),             # not guessed at: kept
])
def test_selectors_kept_are_those_the_site_can_match(usage, selector, kept):
    assert selector_used(selector, usage) is kept


def test_purge_keeps_used_selectors_only_and_drops_what_nothing_reads(usage):
    css = """
    :root { --used: red; --unused: blue; --read-by-handbook: green; --chain: var(--used) }
    .md-nav__link, .absent { color: var(--chain) }
    .absent { color: var(--unused) }
    @media screen and (min-width: 10em) { .absent { top: 0 } }
    @media print { .md-typeset p { animation: fade 1s } }
    @keyframes fade { from { opacity: 0 } }
    @keyframes spin { from { opacity: 0 } }
    """
    purged = purge(css, usage, readers=(".hb-x { color: var(--read-by-handbook) }",))
    assert ".md-nav__link{color:var(--chain)}" in purged and ".absent" not in purged
    assert "--used:red" in purged and "--chain:var(--used)" in purged and "--read-by-handbook:green" in purged
    assert "--unused" not in purged
    assert "min-width" not in purged, "an @media block left empty goes"
    assert "@keyframes fade" in purged and "spin" not in purged


def test_minify_keeps_every_rule_and_value():
    css = "/* note */\n@media print {\n  a , b > c { color : red !important ;\n content: \"a  b\" }\n}\n"
    assert minify(css) == '@media print{a,b > c{color:red!important;content:"a  b"}}'


def test_whitespace_goes_only_where_it_does_not_show():
    html = ('<div>\n    <p>one\n\n   two</p>\n  <pre><code>  kept\n\n    as is</code></pre>\n'
            '<script>\n  var a = 1;\n</script> <code>a\n  b</code>\n\u3000<kbd>x\n  y</kbd></div>')
    assert collapse_whitespace(html) == ('<div>\n<p>one\ntwo</p>\n<pre><code>  kept\n\n    as is</code></pre>\n'
                                         '<script>\n  var a = 1;\n</script> <code>a\n  b</code>\n\u3000<kbd>x\n  y</kbd></div>')


def test_material_stylesheets_are_published_purged_under_their_content_hash(site):
    stylesheets = site / "assets" / "stylesheets"
    published = {path.name: path for path in stylesheets.glob("*.min.css")}
    assert {re.sub(r"\.[0-9a-f]{8}\.", ".", name) for name in published} == {"main.min.css", "palette.min.css"}
    for name, path in published.items():
        assert name.split(".")[1] == hashlib.sha256(path.read_bytes()).hexdigest()[:8]
    assert not list(stylesheets.glob("*.map"))
    assert published[next(n for n in published if n.startswith("main."))].stat().st_size < 70_000, \
        "Material's main.css is 137 KB before the purge"
    for page in ("index.html", "en/sources/03-county-speech/index.html", "404.html", "en/404.html"):
        linked = re.findall(r'href="[^"]*assets/stylesheets/([^"]+\.css)"', (site / page).read_text(encoding="utf-8"))
        assert set(linked) >= set(published), page
        assert all((stylesheets / name).is_file() for name in linked), page


def test_pages_keep_no_indentation_outside_verbatim_elements(site):
    html = (site / "guide" / "first-week" / "index.html").read_text(encoding="utf-8")
    outside = re.sub(r"<(pre|code|kbd|textarea|script|style)\b.*?</\1>", "", html, flags=re.S)
    assert re.findall(r"\n[ \t]+<?[\w-]*", outside) == ["\n    <meta"], "csp.py indents the policy it adds after"


def test_fixture_site_purges_once_after_both_languages(fixture_site):
    from conftest import SAMPLE_TRANSLATION

    fixture_site.write("index.en.md", "# Home\n\n[Text](sources/01-test.md)\n")
    fixture_site.write("sources/01-test.en.md", SAMPLE_TRANSLATION)
    fixture_site.write("guide.md", "# 指南\n\n!!! note \"注意\"\n\n    一条提示。\n")
    site = fixture_site.build(["source_pages.py", "page_weight.py"])
    [main] = (site / "assets" / "stylesheets").glob("main.*.min.css")
    css = main.read_text(encoding="utf-8")
    assert ".md-typeset .admonition" in css, "the guide page's admonition keeps its rules"
    assert ".tabbed-labels" not in css and "[dir=rtl]" not in css
    for page in ("index.html", "en/index.html", "guide/index.html", "en/sources/01-test/index.html"):
        assert f"assets/stylesheets/{main.name}" in (site / page).read_text(encoding="utf-8"), page


@pytest.mark.parametrize("filler", [0, HEAD_BYTES], ids=["in the head", "past the first bytes"])
def test_relink_renames_every_link_to_a_renamed_stylesheet(tmp_path, filler):
    page = tmp_path / "index.html"
    old, new = "assets/stylesheets/main.0123abcd.min.css", "assets/stylesheets/main.fedc9876.min.css"
    html = f'<head>{" " * filler}<link href="../{old}"><link href="x/{old}"></head><p>是 {old}</p>'
    page.write_text(html, encoding="utf-8")
    relink(page, {old: new, "assets/stylesheets/palette.00000000.min.css": "assets/stylesheets/palette.11111111.min.css"})
    assert page.read_text(encoding="utf-8") == html.replace(old, new)
