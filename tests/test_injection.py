"""Escaping by construction, in Chromium: script put into every field that data, front matter or a
transcript can carry is shown as text, never run, never turned into an element, also when a
reader hovers or focuses every tooltip; and the pages work under their Content-Security-Policy."""

from __future__ import annotations

import json
import shutil

import pytest
import yaml

import bench_search
from bench_search import serve
from conftest import ROOT, FixtureSite
from handbook.markdown_escape import escape
from test_duty_index import PARTIES

PAYLOAD = '"><img src=x onerror=alert(1)><svg onload=alert(2)>'
HOOKS = ["source_pages.py", "library_nav.py", "duty_index.py", "citations.py", "glossary.py", "checklists.py", "csp.py"]

SOURCE = f"""\
---
title: 'Title {PAYLOAD}'
short_title: '{PAYLOAD[:38]}'
kind: 讲话
level: 县
occasion: 测试会议
speaker: 'Speaker {PAYLOAD}'
audience: 挂职干部
source_file: none
source_lines: "1-4"
---

# 在测试会议上的讲话

同志们：
{{: #p1 }}

## 一要加强学习，注重调查研究。 {{ #p2 }}

挂职干部要尽快融入干部群众。{escape(PAYLOAD)}
{{: #p3 }}
"""

ENTRIES = [
    {"id": "t-01", "party": "cadre", "theme": "learning", "force": "requirement", "paragraph": "p2",
     "quote": "加强学习", "summary_zh": f"学习{PAYLOAD}", "summary_en": f"Study {PAYLOAD}"},
    {"id": "t-02", "party": "host_unit", "theme": "placement", "force": "commitment", "paragraph": "p3",
     "quote": PAYLOAD, "summary_zh": f"接收{PAYLOAD}", "summary_en": f"Host {PAYLOAD}"},
]

GLOSSARY = {"terms": [
    {"id": "cadre", "term": "挂职干部", "other_names": [], "en": f"seconded cadre {PAYLOAD}",
     "definition_zh": f"干部{PAYLOAD}", "definition_en": f"An official {PAYLOAD}"},
    {"id": "research", "term": "调查研究", "other_names": [], "en": "field research",
     "definition_zh": f"调研{PAYLOAD}", "definition_en": f"Research {PAYLOAD}"},
]}

GUIDE = """\
# 第一周

挂职干部先做调查研究。

- [ ] 尽快融入干部群众。 [[01-test#p3]]
    { #fit-in }

<!-- duty-refs: t-01 t-02 -->
"""

EXTRA = """
extra_javascript:
  - assets/javascripts/handbook.js
  - assets/javascripts/tips.js
extra_css:
  - assets/stylesheets/handbook.css
"""


def injected_site(root) -> FixtureSite:
    site = FixtureSite(root)
    site.write("sources/01-test.md", SOURCE)
    site.write("sources/index.md", "# 原文库\n\n<!-- library:index -->\n")
    for page in PARTIES:
        site.write(f"duties/{page}.md", f"# {page}\n\n<!-- duty-index:party={page.replace('-', '_')} -->\n")
    site.write("duties/index.md", "# 职责\n\n<!-- duty-index:matrix -->\n\n<!-- duty-index:all -->\n")
    site.write("duties/owed-to-cadre.md", "# 应得\n\n<!-- duty-index:owed-to-cadre -->\n")
    site.write("duties/by-source.md", "# 各篇\n\n<!-- duty-index:by-source -->\n")
    site.write("glossary.md", "# 术语表\n\n<!-- glossary -->\n")
    site.write("glossary.en.md", "# Glossary\n\n<!-- glossary -->\n")
    site.write("guide/first-week.md", GUIDE)
    site.write("roles/cadre.md", "---\nrole: cadre\n---\n\n# 我是挂职干部\n\n<!-- duty-index:role-duties -->\n\n"
               "<!-- duty-index:role-owed -->\n")
    for name in ("javascripts/handbook.js", "javascripts/tips.js", "stylesheets/handbook.css"):
        site.write(f"assets/{name}", (ROOT / "docs" / "assets" / name).read_text(encoding="utf-8"))
    (site.root / "data" / "duties" / "01-test.yml").write_text(
        yaml.safe_dump(ENTRIES, allow_unicode=True, sort_keys=False), encoding="utf-8")
    (site.root / "data" / "glossary.yml").write_text(
        yaml.safe_dump(GLOSSARY, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return site


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    site = injected_site(tmp_path_factory.mktemp("injected"))
    config = site.config(HOOKS)
    config.write_text(config.read_text(encoding="utf-8") + EXTRA, encoding="utf-8")
    from conftest import build_site
    build_site(config, site.root / "site")
    with serve(site.root / "site") as base_url:
        yield base_url


PAGES = ["/sources/01-test/", "/en/sources/01-test/", "/sources/", "/duties/cadre/", "/duties/host-unit/",
         "/duties/", "/duties/owed-to-cadre/", "/duties/by-source/", "/glossary/", "/en/glossary/",
         "/guide/first-week/", "/roles/cadre/", "/library/county/", "/en/library/county/"]


@pytest.mark.parametrize("path", PAGES)
def test_no_injected_script_runs_or_becomes_an_element(built, page, context, path):
    dialogs, violations = [], []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("console", lambda message: violations.append(message.text)
            if "Content Security Policy" in message.text else None)
    page.goto(built + path)
    assert page.locator('meta[http-equiv="Content-Security-Policy"]').count() == 1
    tips = page.locator(".md-content [data-hb-tip], .md-content [title]")
    shown = []
    for index in range(tips.count()):
        tip = tips.nth(index)
        if tip.is_visible():
            tip.hover(timeout=5000)
            if tip.get_attribute("data-hb-tip") is not None:
                shown.append(page.locator(".hb-tip").text_content())
            tip.focus()
    assert dialogs == []
    assert page.locator("img[src=x], [onerror], [onload]").count() == 0
    assert page.locator("svg[onload]").count() == 0
    assert not [s for s in shown if s is None]
    if path == "/sources/01-test/":  # the transcript's words, shown as they are, nothing added
        assert page.locator("#p3 mark").inner_text() == PAYLOAD
    if path in ("/sources/01-test/", "/guide/first-week/"):
        assert any(PAYLOAD in text for text in shown), "the payload is shown as text in a tooltip"
    assert page.errors == [] and context.outside_requests == []
    assert violations == [], violations


def test_the_pages_own_scripts_run_under_the_policy(built, page):
    violations = []
    page.on("console", lambda message: violations.append(message.text)
            if "Content Security Policy" in message.text else None)
    page.goto(built + "/duties/cadre/")
    form = page.locator("form[data-hb-filter]")
    assert form.is_visible(), "handbook.js ran"
    form.locator("select[name=force]").select_option("requirement")
    assert page.locator(".hb-duty:visible").count() == 1
    page.goto(built + "/guide/first-week/")
    assert page.locator("[data-hb-checklist-bar]").is_visible()
    page.locator(".md-search__input").click() if page.locator(".md-search__input").is_visible() else None
    assert violations == []


def test_an_id_that_is_not_an_id_is_refused(tmp_path, caplog):
    site = injected_site(tmp_path)
    entries = [dict(ENTRIES[0], id=f"t-01{PAYLOAD}")]
    (site.root / "data" / "duties" / "01-test.yml").write_text(yaml.safe_dump(entries, allow_unicode=True), encoding="utf-8")
    message = site.build_fails(caplog, ["source_pages.py", "duty_index.py"])
    assert "field 'id' must be lower-case ASCII words joined by hyphens" in message


def test_the_real_site_works_under_its_policy(server, page, context):
    violations = []
    page.on("console", lambda message: violations.append(message.text)
            if "Content Security Policy" in message.text else None)
    for path in ("/", "/404.html", "/sources/01-city-speech/", "/duties/cadre/", "/en/roles/cadre/", "/guide/first-week/"):
        page.goto(server + path)
        assert page.locator('meta[http-equiv="Content-Security-Policy"]').count() == 1
    term = page.locator("abbr.hb-term").first  # on the last page visited: its tooltip shows the definition
    term.hover()
    assert page.locator(".hb-tip").text_content() == term.get_attribute("data-hb-tip")
    term.focus()
    assert page.locator(".hb-tip").is_visible()
    page.keyboard.press("Escape")
    assert page.locator(".hb-tip").count() == 0
    bench_search.open_search(page, server + "/")  # search runs in its worker under the policy
    links, _ = bench_search.run_query(page, "派出单位")
    assert links
    assert violations == [] and page.errors == [] and context.outside_requests == []


def test_the_theme_head_escapes_what_data_and_front_matter_give_it(fixture_site):
    """MkDocs' theme templates do not escape: the search note put in a script attribute came from
    data/search.yml as it was, a page's description and author from its front matter, and a
    quote there ended the attribute."""
    from html.parser import HTMLParser

    payload = '"><img src=x onerror=alert(1)> {max}'
    data = fixture_site.root / "data" / "search.yml"
    data.write_text("cut_note: " + json.dumps(payload) + "\n" + data.read_text(encoding="utf-8"), encoding="utf-8")
    shutil.copytree(ROOT / "docs" / "assets", fixture_site.docs / "assets")
    fixture_site.write("changelog.md", "# 版本说明\n\n## 0.1.0（2026-11-30）\n\n首版。\n")
    fixture_site.write("about.md", f"---\ndescription: {json.dumps(payload)}\nauthor: {json.dumps(payload)}\n---\n\n# 关于\n")
    config = fixture_site.config(["source_pages.py", "search.py", "build_info.py"])
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  name: material\n", f"  name: material\n  custom_dir: {ROOT / 'overrides'}\n", 1), encoding="utf-8")
    from conftest import build_site
    site = build_site(config, fixture_site.root / "site")

    class Tags(HTMLParser):
        def __init__(self):
            super().__init__()
            self.found = []

        def handle_starttag(self, tag, attrs):
            self.found.append((tag, dict(attrs)))

    tags = Tags()
    tags.feed((site / "sources" / "01-test" / "index.html").read_text(encoding="utf-8"))
    notes = [attrs["data-note"] for tag, attrs in tags.found if tag == "script" and "data-note" in attrs]
    assert notes == [payload]
    assert not [tag for tag, attrs in tags.found if tag == "img" or "onerror" in attrs]
    # the same head shows a page's description and author from its front matter
    tags = Tags()
    tags.feed((site / "about" / "index.html").read_text(encoding="utf-8"))
    meta = {attrs.get("name"): attrs.get("content") for tag, attrs in tags.found if tag == "meta"}
    assert meta["description"] == payload and meta["author"] == payload
    assert not [tag for tag, attrs in tags.found if tag == "img" or "onerror" in attrs]
