"""Search: the public query set in headless Chromium, results in the reader's language only,
no segmentation marks, landing highlights, duty entries as answers, and the hook's data."""

from __future__ import annotations

import json
import logging
import re
import shutil

import pytest
from mkdocs.exceptions import Abort

import bench_search
from conftest import ROOT

QUERIES = json.loads((ROOT / "tests" / "data" / "search_queries.json").read_text(encoding="utf-8"))


@pytest.fixture
def search_page(page, server):
    def open_and_query(query: str, lang: str = "zh") -> list[str]:
        if getattr(page, "search_lang", None) != lang:
            bench_search.open_search(page, server + ("/" if lang == "zh" else f"/{lang}/"))
            page.search_lang = lang
        links, _ = bench_search.run_query(page, query)
        return bench_search.distinct_locations(links, server)
    return open_and_query


def test_public_query_set_meets_the_thresholds(page, server, site, context):
    records = bench_search.evaluate(page, server, QUERIES, bench_search.section_texts(site))
    summary = bench_search.summarise(records)
    misses = [(r["q"], r["shown"]) for r in records if not r["rank"]]
    assert summary["overall"]["hit@5"] >= 0.9, misses
    for kind, scores in summary["kinds"].items():
        assert scores["hit@5"] >= 0.8, (kind, misses)
    assert context.outside_requests == []


def test_results_come_from_the_readers_language_only(search_page):
    chinese = search_page("挂职干部")
    assert chinese and not [link for link in chinese if link.startswith("en/")]
    english = search_page("host unit", lang="en")
    assert english and all(link.startswith("en/") for link in english)
    assert search_page("accommodation", lang="en")
    assert search_page("accommodation") == []


def test_results_and_pages_carry_no_segmentation_marks(search_page, page, site):
    search_page("派出单位跟踪管理")
    shown = page.locator(".md-search-result").inner_text()
    assert "跟踪" in shown and "\u200b" not in shown
    for html in site.rglob("*.html"):
        assert "\u200b" not in html.read_text(encoding="utf-8"), html


def test_landing_page_highlights_the_words_not_whole_paragraphs(search_page, page):
    search_page("班子 团结")
    page.locator(".md-search-result__list a").first.click()
    page.wait_for_selector("mark[data-md-highlight]")
    marks = page.locator("mark[data-md-highlight]").all_inner_texts()
    assert {"班子", "团结"} & set(marks)
    assert all(len(mark) <= 8 for mark in marks), marks  # words (or other names), never paragraphs


def test_a_duty_summary_finds_its_entry(search_page, site):
    duty = next(d for d in json.loads((site / "duties.json").read_text(encoding="utf-8")) if d["id"] == "district-06")
    assert f"duties/host-unit/#{duty['id']}" in search_page(duty["summary_zh"])[:5]


def test_other_names_lead_to_the_same_passages(search_page):
    by_text_name = search_page("派出单位")[:5]
    by_other_name = search_page("选派单位")[:5]
    assert set(by_text_name) & set(by_other_name)


def test_the_index_keeps_the_handbooks_terms_whole(site):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    tokens = {token for doc in index["docs"] for token in re.split(r"[\s\u200b]+", doc["text"])}
    assert {"派出单位", "四不两直", "真挂实炼", "接收单位"} <= tokens


def test_each_language_has_its_worker_and_lexicon(site):
    zh = (site / "assets/javascripts/search/worker.zh.js").read_text(encoding="utf-8")
    settings = json.loads(re.search(r"self\.HANDBOOK_SEARCH = (.*?);\n", zh).group(1))
    assert settings["prefix"] == "" and settings["otherPrefixes"] == ["en/"]
    assert ["挂职干部", "挂职人员", "选派干部", "援派干部"] in settings["lexicon"]["synonyms"]
    en = (site / "assets/javascripts/search/worker.en.js").read_text(encoding="utf-8")
    assert json.loads(re.search(r"self\.HANDBOOK_SEARCH = (.*?);\n", en).group(1))["prefix"] == "en/"
    assert 'assets/javascripts/search/worker.zh.js' in (site / "index.html").read_text(encoding="utf-8")


BAD_LEXICONS = {
    "one-word group": ("synonyms:\n  - [派出单位]\n", "synonyms group 1"),
    "expansion without list": ("expansions:\n  吃住: 食宿\n", "expansion '吃住' needs a list"),
    "yaml boolean as a word": ("stopwords: [的, yes]\n", "dictionary and stopwords hold words"),
    "number as a value": ("expansions:\n  百年: [100]\n", "every value is a word"),
    "not yaml": ("synonyms: [[派出单位\n", "not valid YAML"),
}


@pytest.mark.parametrize("case", BAD_LEXICONS, ids=str)
def test_bad_search_data_stops_the_build(fixture_site, caplog, case):
    content, message = BAD_LEXICONS[case]
    shutil.copytree(ROOT / "docs" / "assets", fixture_site.docs / "assets")
    (fixture_site.root / "data" / "search.yml").write_text(content, encoding="utf-8")
    with caplog.at_level(logging.ERROR, logger="mkdocs"), pytest.raises(Abort):
        fixture_site.build(["source_pages.py", "search.py"])
    assert "search.yml" in caplog.text and message in caplog.text


def test_a_glossary_term_finds_its_entry(search_page):
    assert "glossary/#dual-management" in search_page("双重管理")[:5]
    assert "en/glossary/#dual-management" in search_page("dual management", lang="en")[:5]
