"""The source-page hook on a small fixture site, in both languages, and every kind of bad
source page it refuses."""

from __future__ import annotations

import subprocess

import pytest

from conftest import SAMPLE_SOURCE_PAGE, SAMPLE_TRANSLATION
from handbook.commands import build_command
from textutil import soup_of


def test_source_page_gets_card_tags_and_paragraph_tools_in_both_languages(fixture_site):
    site = fixture_site.build()
    zh = soup_of(site / "sources" / "01-test" / "index.html")
    card = zh.select_one(".hb-card")
    assert "县级" in card.get_text() and "县委负责同志" in card.get_text()
    assert "删去" in card.get_text()  # the note that names and figures were removed
    assert [p["id"] for p in zh.select(".hb-source-text .hb-para")] == ["p1", "p2", "p3"]
    link = zh.select_one("#p3 .hb-para-link")
    assert link["href"] == "#p3" and link["data-n"] == "3"
    assert zh.select_one("#p3 .hb-cite")["data-cite"] == "《在测试会议上的讲话》第3段，《挂职干部工作手册》，{url}"
    assert not zh.select("#p2 .headerlink"), "the numbered link replaces the toc permalink"
    assert {a.get_text(strip=True) for a in zh.select(".md-tag")} >= {"县级", "讲话"}

    en = soup_of(site / "en" / "sources" / "01-test" / "index.html")
    assert "Level" in en.select_one(".hb-card").get_text()
    assert en.select_one("#p3 .hb-cite")["data-cite"].endswith("paragraph 3, Seconded Cadre Handbook, {url}")
    assert {a.get_text(strip=True) for a in en.select(".md-tag")} >= {"County", "Speech"}



def test_library_index_marker_lists_the_documents(fixture_site):
    """The index of sources/index.md (hooks/library_nav.py; before, `<!-- source-library -->`)."""
    fixture_site.write("sources/index.md", "# 原文库\n\n<!-- library:index -->\n")
    site = fixture_site.build(["source_pages.py", "library_nav.py"])
    table = soup_of(site / "sources" / "index.html").select_one("article table")
    assert "在测试会议上的讲话" in table.get_text()
    assert table.select_one("a")["href"] == "01-test/"

BAD_PAGES = {
    "empty required field": (
        SAMPLE_SOURCE_PAGE.replace("speaker: 县委负责同志", 'speaker: ""'),
        ["01-test.md", "speaker (讲话人)", "front matter"],
    ),
    "missing required field": (
        SAMPLE_SOURCE_PAGE.replace("audience: 挂职干部\n", ""),
        ["01-test.md", "audience (对象)"],
    ),
    "unknown kind": (
        SAMPLE_SOURCE_PAGE.replace("kind: 讲话", "kind: 演讲"),
        ["01-test.md", "kind: 演讲", "data/taxonomy.yml"],
    ),
    "unknown level": (
        SAMPLE_SOURCE_PAGE.replace("level: 县", "level: 乡"),
        ["01-test.md", "level: 乡"],
    ),
    "paragraph without id": (
        SAMPLE_SOURCE_PAGE + "\n新加的一段没有编号。\n",
        ["01-test.md:", "no paragraph id", "{: #p12 }"],
    ),
    "repeated id": (
        SAMPLE_SOURCE_PAGE + "\n又一段。\n{: #p3 }\n",
        ["01-test.md:", "'p3' is used twice"],
    ),
}


@pytest.mark.parametrize("case", BAD_PAGES, ids=str)
def test_bad_source_page_stops_the_build_naming_file_and_fix(fixture_site, caplog, case):
    page, expected = BAD_PAGES[case]
    fixture_site.write("sources/01-test.md", page)
    message = fixture_site.build_fails(caplog)
    for fragment in expected:
        assert fragment in message


def test_the_command_line_build_exits_non_zero_with_the_message(fixture_site):
    fixture_site.write("sources/01-test.md", BAD_PAGES["empty required field"][0])
    result = subprocess.run(
        build_command(fixture_site.root / "site", fixture_site.config(), quiet=False),
        capture_output=True, text=True, cwd=fixture_site.root,
    )
    assert result.returncode != 0
    assert "required metadata is empty: speaker" in result.stderr


def test_english_build_reads_the_translation_and_labels_it(fixture_site):
    fixture_site.write("sources/01-test.en.md", SAMPLE_TRANSLATION)
    site = fixture_site.build()
    en = soup_of(site / "en" / "sources" / "01-test" / "index.html")
    card = en.select_one(".hb-card").get_text()
    assert "A county leader" in card and "Reference translation" in card
    assert en.select_one("#p3 .hb-cite")["data-cite"].startswith("“Speech at a test meeting”, paragraph 3")
    zh = soup_of(site / "sources" / "01-test" / "index.html")
    assert "县委负责同志" in zh.select_one(".hb-card").get_text()
    assert "Reference translation" not in zh.get_text()
