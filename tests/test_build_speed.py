"""The build's faster paths give what the plain ones gave: the whitespace collapse and the
CSS purge's patterns against the regular expressions they replace, on random text that holds
every character they treat specially; the index codes against the number-by-number code; and
Jinja compiles each theme template once for both languages (hooks/template_cache.py)."""

from __future__ import annotations

import random
import re
from collections import Counter

import jinja2
import pytest

from handbook import css_purge, search_index

import page_weight

# The expressions the faster paths replaced, as they were.
LINE_BREAK_RUN = re.compile(r"[ \t\r\n]*\n[ \t\r\n]*")
TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|`(?:[^`\\]|\\.)*`')
ATTRIBUTE_PAIR = re.compile(r"[\"']?([\w-]+)[\"']?\s*[:,]\s*[\"']([\w-]+)[\"']")


def random_texts(alphabet: str, count: int = 20_000, seed: int = 16):
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 16))) for _ in range(count)]


def test_line_breaks_collapse_as_the_regular_expression_did():
    for text in random_texts(" \t\r\nab<"):
        assert page_weight.collapse_line_breaks(text) == LINE_BREAK_RUN.sub("\n", text), repr(text)


@pytest.mark.parametrize("name, old", [("TAG", TAG), ("STRING", STRING), ("ATTRIBUTE_PAIR", ATTRIBUTE_PAIR)])
def test_purge_patterns_find_what_they_found_before(name, old):
    new = getattr(css_purge, name)
    for text in random_texts("ab-_ :,=<>\"'`\\\n"):
        assert new.findall(text) == old.findall(text), repr(text)


def test_index_codes_equal_the_number_by_number_code():
    numbers = [0, 1, 31, 32, 1023, 1024, search_index.CODES_KEPT - 1, search_index.CODES_KEPT, 2**31 + 5, 7, 7]
    assert search_index.encode(numbers) == "".join(map(search_index.code_of, numbers))
    assert search_index.decode(search_index.encode(numbers)) == numbers
    assert all(n < search_index.CODES_KEPT for n in search_index.CODES)  # large numbers are not kept


def test_each_theme_template_is_compiled_once_for_both_languages(fixture_site, monkeypatch):
    compiled = Counter()
    compile_ = jinja2.Environment.compile

    def counting(self, source, name=None, filename=None, *args, **kwargs):
        compiled[filename] += 1
        return compile_(self, source, name, filename, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    fixture_site.write("index.en.md", "# Home\n\n[Source](sources/01-test.md)\n")
    site = fixture_site.build(["template_cache.py", "source_pages.py"])
    assert (site / "index.html").exists() and (site / "en" / "index.html").exists()
    # Material's search plugin reads its words from partials/language*.html in an environment of
    # its own, made anew on each call: tiny templates, left as they are
    theme = {name: count for name, count in compiled.items() if name and "material" in name and "partials/language" not in name}
    assert theme and max(theme.values()) == 1, [name for name, count in theme.items() if count > 1]


def test_an_edited_template_is_compiled_again():
    import template_cache

    cache = template_cache.MemoryBytecodeCache()
    sources = {"page.html": "one {{ x }}"}
    env = jinja2.Environment(loader=jinja2.FunctionLoader(lambda name: (sources[name], name, lambda: False)),
                             bytecode_cache=cache)
    assert env.get_template("page.html").render(x=1) == "one 1"
    sources["page.html"] = "two {{ x }}"
    fresh = jinja2.Environment(loader=env.loader, bytecode_cache=cache)
    assert fresh.get_template("page.html").render(x=2) == "two 2"


def test_keeping_only_the_values_and_ids_selectors_ask_for_purges_the_same(site):
    from pathlib import Path

    import material

    theme = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
    pages = [path.read_text(encoding="utf-8") for path in sorted(site.rglob("*.html"))]
    for stylesheet in sorted(theme.glob("*.min.css")):
        rules = css_purge.parse(stylesheet.read_text(encoding="utf-8"))
        whole, asked = css_purge.Usage(), css_purge.Usage(asked=css_purge.asked_by(rules))
        for html in pages:
            whole.add_html(html)
            asked.add_html(html)
        assert css_purge.purge_parsed(rules, asked) == css_purge.purge_parsed(rules, whole), stylesheet.name
        assert len(asked.values) < len(whole.values) / 10 and asked.ids <= whole.ids


def test_start_tags_beyond_the_limit_are_forgotten_and_still_counted(monkeypatch):
    monkeypatch.setattr(css_purge, "SEEN_LIMIT", 3)
    usage = css_purge.Usage()
    for number in range(10):
        usage.add_html(f'<p id="p{number}" class="c{number}"><b>x</b></p>')
    assert len(usage._seen) <= 3 + 2 and usage.ids == {f"p{n}" for n in range(10)}
    assert usage.classes == {f"c{n}" for n in range(10)} and {"p", "b"} <= usage.tags


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_glossary_names_are_found_where_their_alternation_found_them(lang):
    import glossary
    from handbook.glossary import Term

    names = ["挂职干部", "挂职", "挂职单位", "派出单位", "接收单位", "组织部", "组织部门", "G20峰会"] if lang == "zh" else \
        ["host unit", "host units", "host", "seconded cadre", "second", "sending unit", "organisation department"]
    terms = tuple(Term(f"t{n}", name, (), name, "", "", False, ()) for n, name in enumerate(names))
    found, pattern = glossary.term_pattern(terms, lang)
    alternation = "|".join(re.escape(n) for n in sorted(found, key=len, reverse=True))
    old = re.compile(alternation) if lang == "zh" else re.compile(rf"\b(?:{alternation})(?:s|es)?\b", re.IGNORECASE)
    pieces = [*found, *(name[:cut] for name in found for cut in range(1, len(name))), " ", "s", "es", "-", "（", "A"]
    rng = random.Random(12)
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 6)))
        text = text.upper() if lang == "en" and rng.random() < 0.3 else text
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in old.finditer(text)], text
