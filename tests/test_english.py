"""The English edition: every page has an English twin with the same heading, paragraph and
checklist ids in the same order; English pages are English (Chinese only in quotations and
bracketed terms); the language switch lands on the twin page and paragraph, both ways."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT
from textutil import soup_of

CHINESE_PAGES = sorted(p.relative_to(ROOT / "docs") for p in (ROOT / "docs").rglob("*.md") if ".en." not in p.name)
HAN = re.compile(r"[\u3400-\u9fff]")


def built(site, source, lang: str):
    """The built page of docs/<source> (directory URLs), in a language."""
    stem = source.with_suffix("")
    folder = stem.parent if stem.name == "index" else stem
    return site / ("en" if lang == "en" else "") / folder / "index.html"


@pytest.mark.parametrize("source", CHINESE_PAGES, ids=str)
def test_every_page_has_an_english_twin(source):
    assert (ROOT / "docs" / source.with_suffix(".en.md")).exists()


def ids_in_order(page) -> list[str]:
    article = soup_of(page).select_one("article")
    selector = "h2[id], h3[id], h4[id], .hb-para[id], li.task-list-item[id], mark.hb-duty-mark[id], .hb-duty-anchor[id]"
    return [element["id"] for element in article.select(selector)]


@pytest.mark.parametrize("source", [p for p in CHINESE_PAGES if p.name != "tags.md"], ids=str)
def test_the_twin_has_the_same_ids_in_the_same_order(site, source):
    assert ids_in_order(built(site, source, "zh")) == ids_in_order(built(site, source, "en"))


def english_words(page) -> str:
    article = soup_of(page).select_one("article")
    for element in article.select('[lang="zh"], .md-tag, script, style'):
        element.decompose()
    text = article.get_text(" ")
    text = re.sub(r"[“\"][^”\"]*[”\"]", " ", text)          # quotations
    while True:                                             # bracketed terms, nested too
        text, removed = re.subn(r"[(（][^()（）]*[)）]", " ", text)
        if not removed:
            break
    text = re.sub(r"《[^》]*》", " ", text)
    return text


@pytest.mark.parametrize("source", CHINESE_PAGES, ids=str)
def test_english_pages_are_english(site, source):
    text = english_words(built(site, source, "en"))
    stray = [m.group(0) for m in re.finditer(r"\S*[\u3400-\u9fff]+\S*", text)]
    assert not stray, stray[:10]


@pytest.mark.parametrize("start, expected", [
    ("/sources/03-county-speech/", "/en/sources/03-county-speech/"),
    ("/en/guide/first-week/", "/guide/first-week/"),
    ("/", "/en/"),
])
def test_the_language_switch_lands_on_the_twin_page(page, server, context, start, expected):
    page.goto(server + start)
    link = page.locator(f'.md-select__link[hreflang={"zh" if start.startswith("/en/") else "en"}]').first
    link.dispatch_event("click")
    page.wait_for_url(server + expected + "*")
    assert page.url.split("#")[0] == server + expected
    assert context.outside_requests == []


@pytest.mark.parametrize("start, expected", [
    ("/sources/03-county-speech/#p17", "/en/sources/03-county-speech/#p17"),
    ("/en/sources/05-city-experience-speech/#p12", "/sources/05-city-experience-speech/#p12"),
])
def test_the_language_switch_keeps_the_paragraph(page, server, start, expected):
    page.goto(server + start)
    lang = "zh" if start.startswith("/en/") else "en"
    page.locator(f".md-select__link[hreflang={lang}]").first.dispatch_event("click")
    page.wait_for_url(server + expected)
    target = expected.split("#")[1]
    assert page.locator(f"#{target}").evaluate("el => el.matches(':target')")


@pytest.mark.parametrize("source", CHINESE_PAGES, ids=str)
def test_a_terms_first_use_gives_the_chinese(site, source):
    for term in soup_of(built(site, source, "en")).select("article abbr.hb-term"):
        after = "".join(str(s) for s in term.next_siblings)[:60]
        assert re.match(r'\s*(?:<span lang="zh">|[(（])', after) or re.match(r"[”’\"']?\s*[(（].*[\u4e00-\u9fff]", after), \
            (term.get_text(), after)
