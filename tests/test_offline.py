"""The offline bundle: one zip, one folder, README and manifest; from file:// with every other
request refused, the handbook works as online (navigation, permalinks, citations, search in
both languages with the online scores, language switch, duty filter)."""

from __future__ import annotations

import json
import re
import zipfile
from urllib.parse import urlparse

import pytest

import bench_search
import build_offline
import verify_offline
from handbook.search_index import directory_form
from conftest import ROOT
from textutil import soup_of

QUERIES = json.loads((ROOT / "tests" / "data" / "search_queries.json").read_text(encoding="utf-8"))


def version() -> str:
    return build_offline.handbook_version(ROOT / "docs")


def test_zip_holds_one_folder_with_index_readme_and_manifest(bundle):
    assert bundle.name == f"seconded-cadre-handbook-{version()}-offline.zip"
    with zipfile.ZipFile(bundle) as archive:
        names = archive.namelist()
        assert {name.split("/")[0] for name in names} == {f"seconded-cadre-handbook-{version()}"}
        top = {name.split("/", 1)[1] for name in names}
        assert {"index.html", "README.txt", "SHA256SUMS", "en/index.html", "duties.csv"} <= top
        readme = archive.read(f"seconded-cadre-handbook-{version()}/README.txt").decode("utf-8-sig")
    assert version() in readme and re.search(r"\d{4}-\d{2}-\d{2}", readme)
    assert "怎样打开" in readme and "How to open it" in readme and "sha256sum -c SHA256SUMS" in readme
    assert not [n for n in top if n.endswith(".map") or n.startswith("assets/javascripts/lunr/")]


def test_manifest_verifies_and_catches_a_changed_file(bundle, unpacked, capsys):
    assert verify_offline.main([str(bundle)]) == 0
    assert verify_offline.main([str(unpacked)]) == 0
    page = unpacked / "about.html"
    original = page.read_bytes()
    page.write_bytes(original + b"<!-- changed -->")
    try:
        assert verify_offline.main([str(unpacked)]) == 1
        assert "changed: about.html" in capsys.readouterr().out
    finally:
        page.write_bytes(original)


def test_online_build_keeps_directory_urls_and_no_offline_shim(site):
    assert (site / "sources" / "01-city-speech" / "index.html").exists()
    assert "iframe-worker" not in (site / "index.html").read_text(encoding="utf-8")


def test_every_page_shows_version_and_build_date(site, unpacked):
    for root in (site, unpacked):
        for page in root.rglob("*.html"):
            build = soup_of(page).select_one(".hb-build")
            assert build is not None and version() in build.get_text(), page
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", build["data-build-date"])


def every_result(page, base_url: str, queries: list[str]) -> dict[str, tuple[str, list[str]]]:
    """Each query's count line and every result link (page, anchor, ?h=), in the online form
    (about.html -> about/), as the reader sees them."""
    bench_search.open_search(page, bench_search.home_page(base_url, "zh"))
    found = {}
    for query in queries:
        links, _ = bench_search.run_query(page, query)
        locations = []
        for href in page.evaluate("() => [...document.querySelectorAll('.md-search-result__list a')].map(a => a.href)"):
            url = urlparse(href)
            path = directory_form(url.path[len(urlparse(base_url).path):])
            locations.append(f"{path}?{url.query}#{url.fragment}")
        found[query] = (page.locator(".md-search-result__meta").first.inner_text(), locations)
    return found


def test_search_from_file_lists_the_same_results_as_online(page, server, unpacked, context):
    """Every result link and the count, online and from file://, for one query of each kind and
    every question, synonym and phrase typed without spaces (the online gates score the whole
    set, so the same lists rank the same). The bundle's about.html once missed the page boost of
    about/: 9 of the 20 public queries listed other results from file:// (挂职干部家属怎么安心:
    41 results online, 40 offline)."""
    sample = {query["kind"]: query["q"] for query in QUERIES}.values()
    queries = list(dict.fromkeys([*sample, *(query["q"] for query in QUERIES
                                            if query["kind"] in ("question", "synonym", "phrase_nospace"))]))
    online = every_result(page, server, queries)
    offline_page = context.new_page()
    offline = every_result(offline_page, unpacked.as_uri(), queries)
    assert {q: found for q, found in offline.items() if found != online[q]} == {}
    assert all(links for _, links in offline.values()), offline
    # the English edition's search from file:// finds English pages only
    english = bench_search.evaluate(offline_page, unpacked.as_uri(),
                                    [{"q": "dispatching unit", "must_contain": "dispatching unit", "kind": "en", "lang": "en"}],
                                    bench_search.section_texts(unpacked))
    assert english[0]["rank"] and all(link.startswith("en/") for link in english[0]["shown"])
    assert context.outside_requests == []


def test_navigation_permalinks_citation_language_switch_and_filter_from_file(page, unpacked, context):
    page.goto((unpacked / "index.html").as_uri())
    page.locator("article a", has_text="原文库").first.click()
    assert page.url.endswith("sources/index.html")
    page.locator("article a", has_text="在全县挂职干部欢迎会议上的讲话").first.click()
    assert page.url.endswith("sources/03-county-speech.html")
    page.locator(".md-sidebar--secondary a", has_text="第二、要融入工作").first.click()
    assert page.url.endswith("03-county-speech.html#p9")

    page.locator("#p17 .hb-para-link").click()
    assert page.locator("#p17").evaluate("el => el.matches(':target')")
    page.locator("#p17 .hb-cite").click()
    page.wait_for_selector("#p17 .hb-cite[data-citation]")
    citation = page.locator("#p17 .hb-cite").get_attribute("data-citation")
    assert citation.startswith("《在全县挂职干部欢迎会议上的讲话》第17段，《挂职干部工作手册》，file://")
    assert citation.endswith("sources/03-county-speech.html#p17")

    page.locator(".md-select__link[hreflang=en]").first.dispatch_event("click")
    page.wait_for_url("**/en/sources/03-county-speech.html*")
    assert "Reference translation" in page.locator(".hb-card").inner_text()

    # nothing found on the English side for a Chinese word: the link to the Chinese edition
    bench_search.open_search(page, (unpacked / "en" / "index.html").as_uri())
    page.evaluate(bench_search.WATCH_RESULTS)
    assert bench_search.run_query(page, "住房")[0] == []
    page.locator(".hb-search-note--elsewhere a").click()
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__list a').length > 0")
    assert urlparse(page.url).path.endswith("/index.html") and "/en/" not in page.url

    page.goto((unpacked / "duties" / "index.html").as_uri())
    page.locator("form[data-hb-filter] select[name=party]").select_option("org_department")
    page.locator("form[data-hb-ready]").wait_for()  # the entries load from file:// when first filtered
    shown = page.locator(".hb-duty:visible").count()
    assert 0 < shown < page.locator(".hb-duty").count()
    assert page.locator(".hb-duty:visible[data-party=org_department]").count() == shown
    assert page.errors == [] and context.outside_requests == []


def test_changelog_lists_the_same_versions_in_both_languages():
    zh = re.findall(r"^## (\d+\.\d+\.\d+)", (ROOT / "docs" / "changelog.md").read_text(encoding="utf-8"), re.M)
    en = re.findall(r"^## (\d+\.\d+\.\d+)", (ROOT / "docs" / "changelog.en.md").read_text(encoding="utf-8"), re.M)
    assert zh == en and zh[0] == version()
    assert zh == sorted(zh, key=lambda v: tuple(int(n) for n in v.split(".")), reverse=True)


def test_a_changelog_without_release_stops_the_build(fixture_site, caplog):
    import logging

    from mkdocs.exceptions import Abort

    fixture_site.write("changelog.md", "# 版本说明\n\n还没有版本。\n")
    with caplog.at_level(logging.ERROR, logger="mkdocs"), pytest.raises(Abort):
        fixture_site.build(["build_info.py", "source_pages.py"])
    assert "changelog.md: no release heading" in caplog.text


def test_zip_carries_both_print_editions_linked_from_home_and_library(unpacked, print_books):
    for book in print_books.values():
        copy = unpacked / "print" / book.path.name
        assert copy.read_bytes() == book.path.read_bytes()
    for page, prefix in (("index.html", ""), ("sources/index.html", "../"), ("en/index.html", "../")):
        links = soup_of(unpacked / page).select(".hb-print-edition a[href$='.pdf']")
        assert [link["href"].removeprefix(prefix) for link in links] == \
            sorted((f"print/{book.path.name}" for book in print_books.values()),
                   key=lambda href: not href.endswith(("-en.pdf" if page.startswith("en/") else "-zh.pdf")))
        assert all(re.search(r"\d+\.\d MB", link.next_sibling) for link in links)
