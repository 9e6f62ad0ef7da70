"""The duty index hook on a fixture site (both languages), every kind of bad registry entry,
and the real site's exports and marks."""

from __future__ import annotations

import logging

import csv
import io
import json
from urllib.parse import urlparse

import pytest
import yaml

from conftest import ROOT, SAMPLE_SOURCE_PAGE
from textutil import soup_of, source_words

HOOKS = ["source_pages.py", "duty_index.py"]
PARTIES = ["cadre", "host-unit", "dispatching-unit", "org-department", "publicity-department"]

ENTRIES = [
    {"id": "t-01", "party": "cadre", "theme": "learning", "force": "requirement", "paragraph": "p2", "quote": "加强学习",
     "summary_zh": "加强学习", "summary_en": "Study hard"},
    {"id": "t-02", "party": "cadre", "theme": "unity", "force": "requirement", "paragraph": "p3", "quote": "尽快融入干部群众",
     "summary_zh": "尽快融入干部群众", "summary_en": "Fit in with local cadres and people quickly"},
    {"id": "t-03", "party": "host_unit", "theme": "placement", "force": "commitment", "paragraph": "p3", "quote": "在工作实践中增长才干",
     "summary_zh": "让干部在实践中增长才干", "summary_en": "Let the cadre grow through practical work"},
]


def with_duty_pages(site, entries=ENTRIES, english=True):
    site.write("duties/index.md", "# 职责索引\n\n<!-- duty-index:matrix -->\n\n<!-- duty-index:all -->\n")
    for page in PARTIES:
        site.write(f"duties/{page}.md", f"# {page}\n\n<!-- duty-index:party={page.replace('-', '_')} -->\n")
    site.write("duties/owed-to-cadre.md", "# 各方对挂职干部的责任\n\n<!-- duty-index:owed-to-cadre -->\n")
    site.write("duties/by-source.md", "# 各篇文献中的职责\n\n<!-- duty-index:by-source -->\n")
    if english:
        site.write("duties/cadre.en.md", "# Duties of the seconded cadre\n\n<!-- duty-index:party=cadre -->\n")
    write_registry(site, entries)
    return site


def write_registry(site, entries):
    (site.root / "data" / "duties" / "01-test.yml").write_text(
        yaml.safe_dump(entries, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_duty_pages_marks_and_exports_in_both_languages(fixture_site):
    site = with_duty_pages(fixture_site).build(HOOKS)

    cadre = soup_of(site / "duties" / "cadre" / "index.html")
    assert [e["id"] for e in cadre.select(".hb-duty h3")] == ["t-01", "t-02"]
    assert cadre.select_one("h2#learning") and cadre.select_one("h2#unity")
    entry = cadre.select_one("#t-02").find_parent(class_="hb-duty")
    assert entry.select_one(".hb-duty__quote").get_text() == "尽快融入干部群众"
    assert entry.select_one(".hb-duty__meta a")["href"] == "../../sources/01-test/#duty-t-02"
    assert cadre.select_one("form[data-hb-filter] select[name=theme]")

    owed = soup_of(site / "duties" / "owed-to-cadre" / "index.html")
    assert [e["id"] for e in owed.select(".hb-duty h3")] == ["t-03"]
    # The overviews (by document, all duties) are compact: each entry links to its full entry.
    by_source = soup_of(site / "duties" / "by-source" / "index.html")
    assert [a["href"] for a in by_source.select(".hb-duty--compact .hb-duty__summary a")] == \
        ["../cadre/#t-01", "../cadre/#t-02", "../host-unit/#t-03"]
    # The duty index lists no entry in its HTML: its filter loads them when the reader uses it.
    overview = soup_of(site / "duties" / "index.html")
    form = overview.select_one("form[data-hb-filter]")
    assert not overview.select(".hb-duty") and form["data-hb-entries"] == "../duties-zh.js"
    assert json.loads(form["data-hb-pages"])["host_unit"] == "host-unit/"
    for lang, summary in (("zh", "让干部在实践中增长才干"), ("en", "Let the cadre grow through practical work")):
        script = (site / f"duties-{lang}.js").read_text(encoding="utf-8")
        assert script.startswith("window.hbDuties={") and script.endswith(";\n")
        assert json.loads(script.removeprefix("window.hbDuties=").removesuffix(";\n"))["entries"][2] == \
            ["t-03", "host_unit", "placement", "commitment", "01-test", summary, "在工作实践中增长才干"]
    assert soup_of(site / "en" / "duties" / "index.html").select_one("form[data-hb-filter]")["data-hb-entries"] == "../../duties-en.js"
    # A party page's entries show what varies on it: not the party, nor the theme of their section.
    assert [b.get_text() for b in entry.select(".hb-badge")] == ["要求"]

    matrix = soup_of(site / "duties" / "index.html").select_one("article table")
    cadre_row = [row for row in matrix.select("tr") if "挂职干部" in row.get_text()][0]
    assert cadre_row.select_one('a[href="cadre/#learning"]').get_text() == "1"
    # force is a dimension of the matrix, a badge of every entry and a facet of the filter
    forces = soup_of(site / "duties" / "index.html").select("article table")[1]
    assert [th.get_text() for th in forces.select("th")] == ["职责方", "要求", "承诺", "经验做法", "建议", "合计"]
    host_row = [row for row in forces.select("tr") if "接收单位" in row.get_text()][0]
    assert [td.get_text() for td in host_row.select("td")][1:] == ["·", "1", "·", "·", "1"]
    assert entry.select_one(".hb-badge--force").get_text() == "要求"
    assert [o["value"] for o in cadre.select("select[name=force] option")] == ["", "requirement", "commitment", "practice", "suggestion"]

    source = site / "sources" / "01-test" / "index.html"
    mark = soup_of(source).select_one("mark#duty-t-03")
    assert mark.get_text() == "在工作实践中增长才干" and mark["data-party"] == "host_unit"
    assert mark.find_next_sibling("a")["href"] == "../../duties/host-unit/#t-03"
    assert mark.find_next_sibling("a")["data-label"] == "接收单位 · 承诺" and mark["data-force"] == "commitment"
    assert "增长才干" in source_words(source)  # the marks change no word

    english = soup_of(site / "en" / "duties" / "cadre" / "index.html")
    assert english.select_one("#t-02").get_text() == "Fit in with local cadres and people quickly"
    assert english.select_one("#t-02").find_parent(class_="hb-duty").select_one(".hb-duty__quote").get_text() == "尽快融入干部群众"
    assert english.select_one("h2#learning").get_text(strip=True).startswith("Learning and research")
    en_source = soup_of(site / "en" / "sources" / "01-test" / "index.html")
    assert en_source.select_one("#p3 #duty-t-03") is not None
    assert [a["href"] for a in en_source.select("#p3 a.hb-duty-link")] == \
        ["../../duties/cadre/#t-02", "../../duties/host-unit/#t-03"]
    assert [a["data-label"] for a in en_source.select("#p3 a.hb-duty-link")] == \
        ["seconded cadre · requirement", "host unit · commitment"]

    rows = json.loads((site / "duties.json").read_text(encoding="utf-8"))
    assert [r["id"] for r in rows] == ["t-01", "t-02", "t-03"]
    assert rows[2]["url"] == "https://fixture.invalid/sources/01-test/#duty-t-03"
    assert [r["force"] for r in rows] == ["requirement", "requirement", "commitment"]
    raw_csv = (site / "duties.csv").read_bytes()
    assert raw_csv.startswith(b"\xef\xbb\xbf")
    assert list(csv.DictReader(io.StringIO(raw_csv.decode("utf-8-sig"))))[1]["quote"] == "尽快融入干部群众"


def replace(entry_index, **changes):
    entries = [dict(e) for e in ENTRIES]
    entries[entry_index].update(changes)
    return [{k: v for k, v in e.items() if v is not None} for e in entries]


BAD_REGISTRIES = {
    "quote not verbatim": (replace(1, quote="尽快融入群众"), ["01-test.yml", "'t-02'", "not found verbatim", "p3"]),
    "unknown party": (replace(0, party="township"), ["'t-01'", "unknown party 'township'", "duty_taxonomy.yml"]),
    "unknown theme": (replace(0, theme="money"), ["'t-01'", "unknown theme 'money'"]),
    "unknown force": (replace(0, force="wish"), ["'t-01'", "unknown force 'wish'", "requirement, commitment"]),
    "repeated id": (replace(2, id="t-01"), ["entry 3", "id 't-01' is already used"]),
    "missing field": (replace(1, summary_en=None), ["'t-02'", "field 'summary_en' is missing or empty"]),
    "empty field": (replace(1, summary_zh=" "), ["'t-02'", "field 'summary_zh'"]),
    "unknown field": (replace(1, summry="x"), ["'t-02'", "unknown field(s) summry"]),
    "paragraph does not exist": (replace(0, paragraph="p9"), ["duty t-01", "paragraph 'p9' does not exist", "p1 to p3"]),
    "quote occurs twice": (replace(0, paragraph="p3", quote="干部"), ["'t-01'", "occurs 2 times"]),
    "overlapping quotes": (replace(2, quote="融入干部群众，在工作实践中"), ["'t-03'", "overlaps the quote of 't-02'"]),
}


@pytest.mark.parametrize("case", BAD_REGISTRIES, ids=str)
def test_bad_registry_entry_stops_the_build_naming_entry_and_fix(fixture_site, caplog, case):
    entries, expected = BAD_REGISTRIES[case]
    with_duty_pages(fixture_site, entries, english=False)
    message = fixture_site.build_fails(caplog, HOOKS)
    for fragment in expected:
        assert fragment in message, message


def test_registry_for_a_document_that_does_not_exist(fixture_site, caplog):
    with_duty_pages(fixture_site, english=False)
    (fixture_site.root / "data" / "duties" / "09-missing.yml").write_text("[]\n", encoding="utf-8")
    assert "09-missing.yml: there is no source page docs/sources/09-missing.md" in fixture_site.build_fails(caplog, HOOKS)


def test_registry_that_is_not_valid_yaml(fixture_site, caplog):
    with_duty_pages(fixture_site, english=False)
    (fixture_site.root / "data" / "duties" / "01-test.yml").write_text("- id: t-01\n  party: [cadre\n", encoding="utf-8")
    message = fixture_site.build_fails(caplog, HOOKS)
    assert "01-test.yml:" in message and "not valid YAML" in message


def test_a_translation_without_a_cited_paragraph(fixture_site, caplog):
    with_duty_pages(fixture_site)
    fixture_site.write("sources/01-test.en.md", SAMPLE_SOURCE_PAGE.replace("挂职干部要尽快融入干部群众，在工作实践中增长才干。\n{: #p3 }\n", ""))
    message = fixture_site.build_fails(caplog, HOOKS)
    assert "01-test.en.md: paragraph(s) p3, which the duty index cites, are not on this page" in message


def test_unknown_marker_and_missing_party_page(fixture_site, caplog):
    with_duty_pages(fixture_site, english=False)
    fixture_site.write("duties/by-source.md", "# x\n\n<!-- duty-index:by-party -->\n")
    assert "duties/by-source.md: unknown marker" in fixture_site.build_fails(caplog, HOOKS)
    caplog.clear()
    fixture_site.write("duties/by-source.md", "# x\n")
    (fixture_site.docs / "duties" / "publicity-department.md").unlink()
    assert "docs/duties/publicity-department.md is missing" in fixture_site.build_fails(caplog, HOOKS)



EDITING_HOOK = """\
from mkdocs.plugins import event_priority


@event_priority(95)  # before the duty index (90)
def on_page_markdown(markdown, page, config, files):
    return markdown.replace("加强学习", "加强学习和锻炼") if page.file.src_uri.startswith("sources/") else markdown
"""


def test_a_hook_that_edits_a_source_page_before_the_duty_marks_stops_the_build(fixture_site, caplog, tmp_path):
    """The marks edit the spans of the parse: the page's Markdown must be the one parsed."""
    with_duty_pages(fixture_site)
    editing = tmp_path / "editing_hook.py"
    editing.write_text(EDITING_HOOK, encoding="utf-8")
    message = fixture_site.build_fails(caplog, [*HOOKS, str(editing)])
    assert "01-test" in message and "changed before the duty marks were added" in message

# -- the real site ---------------------------------------------------------------------------

EXPORT_FIELDS = ["id", "party", "theme", "force", "summary_zh", "summary_en", "quote", "source", "paragraph", "url"]


def test_exports_have_the_schema_and_every_url_resolves(site):
    rows = json.loads((site / "duties.json").read_text(encoding="utf-8"))
    assert len(rows) >= 100
    with (site / "duties.csv").open(encoding="utf-8-sig", newline="") as handle:
        csv_rows = list(csv.DictReader(handle))
    assert csv_rows == rows
    vocabulary = yaml.safe_load((ROOT / "data" / "duty_taxonomy.yml").read_text(encoding="utf-8"))
    marks = {}  # page → its marks' words by id, each page parsed once
    for row in rows:
        assert list(row) == EXPORT_FIELDS and all(row.values()), row
        assert row["party"] in vocabulary["parties"] and row["theme"] in vocabulary["themes"]
        assert row["force"] in vocabulary["forces"]
        url = urlparse(row["url"])
        page = site / url.path.lstrip("/") / "index.html"
        if page not in marks:
            marks[page] = {mark["id"]: mark.get_text() for mark in soup_of(page).select("mark[id]")}
        assert marks[page].get(url.fragment) == row["quote"], row["id"]


def test_every_mark_links_to_its_entry_and_every_entry_back(site):
    marks = 0
    targets = {}  # each party page parsed once, not once per mark
    for page in sorted((site / "sources").glob("*/index.html")):
        soup = soup_of(page)
        for mark in soup.select("mark.hb-duty-mark"):
            marks += 1
            link = mark.find_next_sibling("a")
            assert "hb-duty-link" in link["class"]
            target_path, fragment = link["href"].split("#")
            target = (page.parent / target_path / "index.html").resolve()
            if target not in targets:
                targets[target] = soup_of(target)
            heading = targets[target].select_one(f"#{fragment}")
            entry = heading.find_parent(class_="hb-duty") if heading else None
            assert entry is not None, link["href"]
            back = entry.select_one(".hb-duty__meta a")["href"]
            assert back.endswith(f"/sources/{page.parent.name}/#{mark['id']}")
    assert marks == len(json.loads((site / "duties.json").read_text(encoding="utf-8")))


def test_every_entry_of_the_registry_is_on_its_party_page_in_both_languages(site):
    rows = json.loads((site / "duties.json").read_text(encoding="utf-8"))
    for prefix in ("", "en/"):
        listed = set()
        for party in PARTIES:
            listed |= {e["id"] for e in soup_of(site / prefix / "duties" / party / "index.html").select(".hb-duty h3")}
        assert listed == {r["id"] for r in rows}


def test_a_text_without_registered_duties_is_named_once_at_info(fixture_site, caplog):
    """A text just imported has an empty duty file: not a fault, but the build says so, once."""
    with_duty_pages(fixture_site, entries=[], english=False)
    with caplog.at_level(logging.INFO):
        fixture_site.build(HOOKS)
    said = [r for r in caplog.records if "no duties registered yet" in r.getMessage()]
    assert len(said) == 1 and said[0].levelno == logging.INFO
    assert said[0].getMessage().endswith("1 of 1 documents have no duties registered yet (data/duties/<slug>.yml): 01-test")
    caplog.clear()
    with_duty_pages(fixture_site, english=False)
    with caplog.at_level(logging.INFO):
        fixture_site.build(HOOKS)
    assert not [r for r in caplog.records if "no duties registered yet" in r.getMessage()]
