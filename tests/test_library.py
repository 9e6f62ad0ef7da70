"""The library's own hooks on fixture sites: generated nav, index and level pages; the document
count; the date; every empty field in one message; English twins (missing ones stop the build,
pending ones are marked lang="zh" and counted); references to deleted documents and paragraphs."""

from __future__ import annotations

import logging
import re

import pytest
import yaml
from mkdocs.exceptions import Abort

from conftest import SAMPLE_SOURCE_PAGE, build_site
from test_english import english_words
from textutil import soup_of

LIBRARY_HOOKS = ["source_pages.py", "library_nav.py", "translations.py"]


def source_page(title: str, level: str, kind: str = "讲话", date: str = "", speaker: str = "县委负责同志") -> str:
    page = SAMPLE_SOURCE_PAGE.replace("在测试会议上的讲话", title).replace("level: 县", f"level: {level}")
    page = page.replace("kind: 讲话", f"kind: {kind}").replace("speaker: 县委负责同志", f"speaker: {speaker}")
    return page.replace("source_lines", f"date: \"{date}\"\nsource_lines") if date else page


def pending_twin(title: str) -> str:
    """As the importer writes it (tests/test_importer.py checks that it does)."""
    body = SAMPLE_SOURCE_PAGE.split("---\n", 2)[2].replace("# 在测试会议上的讲话", "# Speech (translation pending)")
    notice = f'!!! note "Translation pending"\n    The English translation of 《{title}》 has not been made yet.\n\n'
    return "---\ntitle: Speech (translation pending)\npending_translation: true\n---\n" + body.replace("\n\n", f"\n\n{notice}", 1)


def library_site(fixture_site, documents: dict[str, str]):
    """A fixture site whose source pages are `documents` (name → Chinese page), each with a
    pending twin, plus an index page in both languages."""
    (fixture_site.docs / "sources" / "01-test.md").unlink()
    fixture_site.write("index.md", "# 首页\n\n本库共<!-- library:count -->篇。\n")
    fixture_site.write("index.en.md", "# Home\n\nThe library holds <!-- library:count --> documents.\n")
    fixture_site.write("sources/index.md", "# 原文库\n\n<!-- library:index -->\n")
    fixture_site.write("sources/index.en.md", "# Source library\n\n<!-- library:index -->\n")
    for name, page in documents.items():
        fixture_site.write(f"sources/{name}.md", page)
        fixture_site.write(f"sources/{name}.en.md", pending_twin(yaml.safe_load(page.split("---")[1])["title"]))
    config = fixture_site.config(LIBRARY_HOOKS)
    config.write_text(config.read_text(encoding="utf-8") + "nav:\n  - index.md\n  - 原文库:\n      - sources/index.md\n",
                      encoding="utf-8")
    return fixture_site


DOCUMENTS = {
    "01-county-speech": source_page("在全县会议上的讲话", "县", date="2023-05"),
    "02-city-notice": source_page("关于挂职干部管理的通知", "市", kind="通知", date="2024-03", speaker="市委组织部"),
    "03-city-speech": source_page("在全市会议上的讲话", "市", date="2024-09"),
    "04-city-speech": source_page("在全市座谈会上的讲话", "市"),
}


def nav_links(page) -> list[str]:
    return [a.get_text(" ", strip=True) for a in soup_of(page).select("nav.md-nav--primary a.md-nav__link")]


def test_nav_and_index_come_from_front_matter_grouped_by_level_and_ordered_by_date(fixture_site):
    library_site(fixture_site, DOCUMENTS)
    site = build_site(fixture_site.root / "mkdocs.yml", fixture_site.root / "site")
    links = nav_links(site / "index.html")
    assert links.index("市级文献") < links.index("在全市会议上的讲话") < links.index("在全市座谈会上的讲话")
    assert links.index("县级文献") > links.index("在全市座谈会上的讲话")
    city = soup_of(site / "library" / "city" / "index.html").select_one("article")
    titles = [a.get_text() for a in city.select("li a")]
    assert titles == ["在全市会议上的讲话", "在全市座谈会上的讲话", "关于挂职干部管理的通知"]  # speeches, then notices
    assert [h.get_text(strip=True).rstrip("¶") for h in city.select("h3")] == ["2024年", "日期不详", "2024年"]
    index = soup_of(site / "sources" / "index.html").select_one("article")
    assert [a.get_text() for a in index.select("h2 a:not(.headerlink)")] == ["市级文献", "县级文献"]
    assert "本库共4篇" in soup_of(site / "index.html").get_text()
    assert "holds 4 documents" in soup_of(site / "en" / "index.html").get_text()
    # English: level pages exist, pending titles are marked as Chinese
    en_city = soup_of(site / "en" / "library" / "city" / "index.html").select_one("article")
    assert en_city.select_one("h1").get_text(strip=True).startswith("City-level documents")
    assert [a.get_text() for a in en_city.select("li a")] == ["Speech (translation pending)"] * 3
    for page, expected in (("library/city", {"zh": "./", "en": "../../en/library/city/"}),
                           ("en/library/city", {"zh": "../../../library/city/", "en": "./"})):
        switch = soup_of(site / page / "index.html").select(".md-select__link")
        assert {a["hreflang"]: a["href"] for a in switch} == expected  # the language switch finds the twin
    en_links = nav_links(site / "en" / "index.html")
    assert "City" in en_links or "City-level documents" in en_links


def test_a_large_library_lists_level_pages_only(fixture_site):
    library_site(fixture_site, DOCUMENTS)
    taxonomy = fixture_site.root / "data" / "taxonomy.yml"
    taxonomy.write_text(taxonomy.read_text(encoding="utf-8").replace("nav_list_limit: 30", "nav_list_limit: 2"), encoding="utf-8")
    site = build_site(fixture_site.root / "mkdocs.yml", fixture_site.root / "site")  # strict: no omitted-file warning
    links = nav_links(site / "sources" / "03-city-speech" / "index.html")
    assert "市级文献" in links and "在全市会议上的讲话" not in links
    index = soup_of(site / "sources" / "index.html").select_one("article")
    assert [a["href"] for a in index.select("li a")][0] == "../library/city/#speech"
    city = soup_of(site / "library" / "city" / "index.html")
    assert len(city.select("article li a")) == 3


def test_titles_and_speakers_are_escaped_in_the_generated_lists(fixture_site):
    payload = '<img src=x onerror=alert(1)> *a* [b](c) | d'
    library_site(fixture_site, {"01-county-speech": source_page("在全县会议上的讲话", "县", speaker=f'"{payload}"')})
    site = build_site(fixture_site.root / "mkdocs.yml", fixture_site.root / "site")
    for page in ("sources/index.html", "library/county/index.html"):
        article = soup_of(site / page).select_one("article")
        assert not article.select("img") and not article.select("em")
        assert payload in article.get_text(), page


def test_date_is_on_the_card_and_in_the_tags(fixture_site):
    fixture_site.write("sources/01-test.md", source_page("在测试会议上的讲话", "县", date="2024-05"))
    site = fixture_site.build()
    zh = soup_of(site / "sources" / "01-test" / "index.html")
    assert "2024-05" in zh.select_one(".hb-card").get_text()
    assert "2024年" in {a.get_text(strip=True) for a in zh.select(".md-tag")}
    assert "2024" in {a.get_text(strip=True) for a in soup_of(site / "en" / "sources" / "01-test" / "index.html").select(".md-tag")}


def build_error(fixture_site, caplog, hooks=None) -> str:
    with caplog.at_level(logging.ERROR, logger="mkdocs"), pytest.raises(Abort):
        fixture_site.build(hooks)
    return " ".join(r.getMessage() for r in caplog.records)


def test_a_malformed_date_is_refused(fixture_site, caplog):
    fixture_site.write("sources/01-test.md", source_page("在测试会议上的讲话", "县", date="2024-5"))
    message = build_error(fixture_site, caplog)
    assert "01-test.md" in message and "date: 2024-5" in message and '"2024-05"' in message


def test_every_empty_field_is_named_in_one_message(fixture_site, caplog):
    page = SAMPLE_SOURCE_PAGE.replace("occasion: 测试会议", 'occasion: ""').replace("speaker: 县委负责同志", 'speaker: ""')
    fixture_site.write("sources/01-test.md", page.replace("audience: 挂职干部\n", ""))
    message = build_error(fixture_site, caplog)
    assert message.count("required metadata is empty") == 1
    assert "occasion (场合), speaker (讲话人), audience (对象)" in message and "--speaker" in message


def test_a_missing_english_twin_stops_the_build_naming_the_file_and_the_command(fixture_site, caplog):
    fixture_site.write("index.en.md", "# Home\n")
    message = build_error(fixture_site, caplog, LIBRARY_HOOKS)
    assert "docs/sources/01-test.en.md is missing" in message
    assert "python3 scripts/import_transcript.py none --force" in message  # the page's source_file


def test_an_english_twin_without_its_chinese_page_stops_the_build(fixture_site, caplog):
    fixture_site.write("index.en.md", "# Home\n")
    fixture_site.write("sources/01-test.en.md", pending_twin("在测试会议上的讲话"))
    fixture_site.write("sources/02-gone.en.md", pending_twin("已删去的讲话"))
    message = build_error(fixture_site, caplog, LIBRARY_HOOKS)
    assert "docs/sources/02-gone.en.md" in message and "delete it too" in message


def test_pending_translations_are_counted_once_and_marked_chinese(fixture_site, caplog):
    fixture_site.write("index.en.md", "# Home\n")
    fixture_site.write("sources/01-test.en.md", pending_twin("在测试会议上的讲话"))
    with caplog.at_level(logging.INFO):
        site = fixture_site.build(LIBRARY_HOOKS)
    counts = [r.getMessage() for r in caplog.records if "await an English translation" in r.getMessage()]
    assert len(counts) == 1  # once per build, not per language
    assert counts[0].endswith("Source library: 1 of 1 documents await an English translation (pending_translation: true): 01-test")
    page = site / "en" / "sources" / "01-test" / "index.html"
    en = soup_of(page).select_one("article")
    assert "Translation pending" in en.get_text()
    assert "县委负责同志" in en.select_one(".hb-card").get_text()  # metadata from the Chinese page
    assert [p["lang"] for p in en.select(".hb-para")] == ["zh"] * 3
    assert not re.search(r"[\u4e00-\u9fff]", english_words(page))  # the English-only test's own reading


def test_references_to_deleted_documents_and_paragraphs_are_all_listed(fixture_site, caplog):
    (fixture_site.root / "data" / "duties" / "02-gone.yml").write_text(
        "# Duties of a deleted page\n- id: gone-1\n  party: cadre\n  theme: role\n  paragraph: p2\n"
        "  quote: 原话\n  summary_zh: 甲\n  summary_en: A\n", encoding="utf-8")
    fixture_site.write("guide.md", "# 指南\n\n- [ ] 读原文 [[02-gone#p1]]\n    { #read }\n\n<!-- duty-refs: gone-1 -->\n\n"
                       "见 [[01-test#p9]] 和 [[01-test#p3]]。\n")
    message = build_error(fixture_site, caplog, [])  # context.py checks them before anything reads them
    assert "data/duties/02-gone.yml:5: duty gone-1 → 02-gone#p2" in message
    assert "docs/guide.md:3: checklist item [[02-gone#p1]]" in message
    assert "docs/guide.md:6: duty-refs gone-1" in message
    assert "docs/guide.md:8: citation [[01-test#p9]]" in message
    assert "01-test#p3]]" not in message
