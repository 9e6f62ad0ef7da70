"""The guide on the real site: role pages list exactly the registry's duties, the glossary
finds its terms where they are, checklists and translations share ids; and in Chromium, ticks
survive a reload (over http and from file://), reset, export and import work, and a term's
definition appears on hover."""

from __future__ import annotations

import json
import re

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT
from textutil import UI_SELECTORS, soup_of

PARTY_PAGES = {"cadre": "cadre", "host_unit": "host-unit", "dispatching_unit": "dispatching-unit",
               "org_department": "org-department", "publicity_department": "publicity-department"}
GUIDE_PAGES = sorted(p for p in (ROOT / "docs").glob("*/*.md")
                     if p.parent.name in ("guide", "roles", "writing") and ".en." not in p.name)


def registry(site) -> list[dict]:
    return json.loads((site / "duties.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("party", PARTY_PAGES)
def test_role_page_lists_exactly_the_registrys_duties(site, party):
    for prefix in ("", "en/"):
        page = soup_of(site / prefix / "roles" / PARTY_PAGES[party] / "index.html")
        duties_section = page.select_one("h2#duties").find_next("ul")
        listed = [a["href"].split("#")[1] for a in duties_section.select("a")]
        assert sorted(listed) == sorted(d["id"] for d in registry(site) if d["party"] == party)


def test_what_others_owe_the_cadre_is_every_other_partys_duty(site):
    page = soup_of(site / "roles" / "cadre" / "index.html")
    owed = page.select_one("h2#owed").find_next("ul")
    listed = sorted(a["href"].split("#")[1] for a in owed.select("a"))
    forces = yaml.safe_load((ROOT / "data/duty_taxonomy.yml").read_text(encoding="utf-8"))["forces"]
    others = [d for d in registry(site) if d["party"] != "cadre"]
    assert listed == sorted(d["id"] for d in others if forces[d["force"]]["claimable"])
    # Practices are listed after the claims under their own heading, never among them.
    done = page.select_one("h3#others-practice").find_next("ul")
    assert sorted(a["href"].split("#")[1] for a in done.select("a")) == \
        sorted(d["id"] for d in others if d["force"] == "practice")


def paragraph_words(site) -> dict[str, str]:
    """'sources/<slug>/#pN' → the words of that paragraph or heading on the built Chinese page,
    in the order of the library and of each text."""
    words = {}
    for path in sorted((site / "sources").glob("[0-9]*/index.html")):
        text = soup_of(path).select_one(".hb-source-text")
        for element in text.select(", ".join(UI_SELECTORS)):
            element.decompose()
        for element in text.find_all(id=re.compile(r"^p\d+$")):
            words[f"sources/{path.parent.name}/#{element['id']}"] = element.get_text()
    return words


def test_glossary_finds_terms_where_they_occur(site):
    """Each term lists the first paragraphs whose words hold one of its names, up to the cap, then
    counts the rest; read from the built pages, so a new text that uses a term joins its list."""
    page = soup_of(site / "glossary" / "index.html")
    glossary = yaml.safe_load((ROOT / "data/glossary.yml").read_text(encoding="utf-8"))
    cap, words = glossary["occurrences_shown"], paragraph_words(site)

    def occurrences(term_id: str) -> tuple[list[str], int]:
        listed = page.select_one(f"h3#{term_id}").find_next(class_="hb-term-occurrences")
        more = listed.select_one(".hb-term-occurrences__more")
        return ([a["href"].replace("../", "") for a in listed.select("a")],
                int(re.search(r"\d+", more.get_text()).group()) if more else 0)

    for term in glossary["terms"]:
        names = [term["term"], *term.get("other_names", [])]
        where = [link for link, text in words.items() if any(name in text for name in names)]
        assert occurrences(term["id"]) == (where[:cap], max(len(where) - cap, 0)), term["term"]
    terms = {t["term"]: t["id"] for t in glossary["terms"]}
    # paragraphs known to hold the term, whatever texts join the library
    assert "sources/04-work-report/#p13" in occurrences(terms["四不两直"])[0]
    assert "sources/04-work-report/#p14" in occurrences(terms["一岗双责"])[0]
    assert "sources/02-district-speech/#p13" in occurrences(terms["双重管理"])[0]
    assert "sources/02-district-speech/#p3" in occurrences(terms["真挂实炼"])[0]
    listed, more = occurrences(terms["挂职干部"])
    assert len(listed) == cap and more > 0  # the cap is reached and the rest counted


@pytest.mark.parametrize("chinese", GUIDE_PAGES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_guide_page_and_its_translation_share_structure(chinese):
    english = chinese.with_name(chinese.stem + ".en.md")
    assert english.exists(), f"{english.name} is missing"
    zh, en = chinese.read_text(encoding="utf-8"), english.read_text(encoding="utf-8")
    ids = re.compile(r"\{\s*#([\w-]+)\s*\}")
    citations = re.compile(r"\[\[[\w-]+#p\d+\]\]")
    assert ids.findall(zh) == ids.findall(en)
    assert citations.findall(zh) == citations.findall(en)


def test_every_guide_claim_cites_a_source_or_says_it_is_advice(site):
    checked = 0
    for page in site.glob("*/**/index.html"):
        html = page.read_text(encoding="utf-8")
        if "task-list-item" not in html:
            continue  # no checklist: not parsed (the source pages are most of the site)
        for item in BeautifulSoup(html, "html.parser").select("li.task-list-item"):
            checked += 1
            assert item.select_one("a.hb-source-link") or re.search(r"〔实用建议〕|\(practical advice\)", item.get_text()), \
                (page, item.get_text()[:40])
    assert checked > 20  # the guide's checklists in both languages


# -- in the browser ---------------------------------------------------------------------------

def tick(page, item_id):
    # the box is drawn by CSS around a zero-width indicator: click its label as a tap would
    page.locator(f"li#{item_id} label.task-list-control").evaluate("label => label.click()")


@pytest.mark.parametrize("where", ["http", "file"])
def test_ticks_survive_a_reload(page, server, site, where):
    url = server + "/guide/first-week/" if where == "http" else (site / "guide" / "first-week" / "index.html").as_uri()
    page.goto(url)
    first = page.locator("li.task-list-item").first
    item_id = first.get_attribute("id")
    assert not first.locator("input").is_checked() and not first.locator("input").is_disabled()
    tick(page, item_id)
    progress = page.locator(".hb-checklist-bar__progress").inner_text()
    page.reload()
    assert page.locator(f"li#{item_id} input").is_checked()
    assert page.locator(".hb-checklist-bar__progress").inner_text() == progress
    assert progress.startswith("已完成 1 /")


def test_reset_export_and_import(page, server, tmp_path):
    page.goto(server + "/guide/before-arrival/")
    ids = page.locator("li.task-list-item").evaluate_all("items => items.map(i => i.id)")
    tick(page, ids[0])
    tick(page, ids[1])
    with page.expect_download() as download:
        page.locator("[data-action=export]").click()
    exported = tmp_path / "progress.json"
    download.value.save_as(exported)
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert data["format"] == "hb-checklists" and data["pages"]["guide/before-arrival"] == {ids[0]: True, ids[1]: True}

    page.once("dialog", lambda dialog: dialog.accept())
    page.locator("[data-action=reset]").click()
    assert page.locator("li.task-list-item input:checked").count() == 0

    page.locator("input[data-action=import]").set_input_files(str(exported))
    page.wait_for_function("() => document.querySelectorAll('li.task-list-item input:checked').length === 2")
    assert "2" in page.locator(".hb-checklist-bar__message").inner_text()

    bad = tmp_path / "bad.json"
    bad.write_text('{"something": "else"}', encoding="utf-8")
    page.locator("input[data-action=import]").set_input_files(str(bad))
    page.wait_for_function("() => document.querySelector('.hb-checklist-bar__message').textContent.includes('不是')")


def test_ticks_are_shared_by_a_page_and_its_translation(page, server):
    page.goto(server + "/guide/first-week/")
    item_id = page.locator("li.task-list-item").first.get_attribute("id")
    tick(page, item_id)
    page.goto(server + "/en/guide/first-week/")
    assert page.locator(f"li#{item_id} input").is_checked()


def test_a_terms_definition_appears_on_hover(page, server):
    page.goto(server + "/sources/02-district-speech/")
    term = page.locator("abbr.hb-term").first
    definition = yaml.safe_load((ROOT / "data/glossary.yml").read_text(encoding="utf-8"))["terms"]
    definition = next(t["definition_zh"] for t in definition if t["id"] == term.get_attribute("data-term"))
    term.hover()
    page.wait_for_timeout(400)
    shown = page.get_by_text(definition, exact=True).filter(has_not=page.locator("abbr"))
    assert shown.count() >= 1 and shown.first.is_visible()


def test_a_writing_outline_has_a_copy_button(page, server, context):
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
    page.goto(server + "/writing/work-report/")
    outline = page.locator("#outline ~ .highlight pre").first
    outline.hover()
    outline.locator("button[data-md-type=copy]").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("挂职干部实践锻炼工作情况汇报") and "一、工作感受" in copied
