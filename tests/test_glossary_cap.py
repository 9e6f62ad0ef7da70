"""The glossary page's "appears in" lists are capped: a term that occurs in many paragraphs lists
the first `occurrences_shown` (data/glossary.yml) and counts the rest, so the page does not grow
with the library."""

from __future__ import annotations

import yaml

from conftest import SAMPLE_SOURCE_PAGE
from textutil import soup_of

HOOKS = ["source_pages.py", "glossary.py"]
PARAGRAPHS = 20


def many_occurrences(fixture_site, shown) -> None:
    """A source page whose every paragraph names 挂职干部, and a glossary that lists `shown`."""
    body = "".join(f"挂职干部第{n}次到村里调研。\n{{: #p{n} }}\n\n" for n in range(4, 4 + PARAGRAPHS))
    fixture_site.write("sources/01-test.md", SAMPLE_SOURCE_PAGE + "\n" + body)
    path = fixture_site.root / "data" / "glossary.yml"
    glossary = yaml.safe_load(path.read_text(encoding="utf-8"))
    glossary["occurrences_shown"] = shown
    path.write_text(yaml.safe_dump(glossary, allow_unicode=True, sort_keys=False), encoding="utf-8")
    fixture_site.write("glossary.md", "# 术语表\n\n<!-- glossary -->\n")
    fixture_site.write("glossary.en.md", "# Glossary\n\n<!-- glossary -->\n")


def test_a_term_in_many_paragraphs_lists_the_first_and_counts_the_rest(fixture_site):
    many_occurrences(fixture_site, shown=5)
    site = fixture_site.build(HOOKS)
    total = PARAGRAPHS + 1  # and p3 of the sample page
    for prefix, more in (("", f"；另见于 {total - 5} 处（可用搜索查找）"), ("en/", f"; and {total - 5} more (search finds them)")):
        page = soup_of(site / prefix / "glossary" / "index.html")
        occurrences = page.select_one("h3#seconded-cadre").find_next(class_="hb-term-occurrences")
        links = [a["href"].rsplit("#", 1)[1] for a in occurrences.select("a")]
        assert len(links) == 5 and links[0] == "p3" and links[1:] == ["p4", "p5", "p6", "p7"]
        assert occurrences.select_one(".hb-term-occurrences__more").get_text() == more


def test_a_term_under_the_cap_lists_every_paragraph(fixture_site):
    many_occurrences(fixture_site, shown=100)
    page = soup_of(fixture_site.build(HOOKS) / "glossary" / "index.html")
    occurrences = page.select_one("h3#seconded-cadre").find_next(class_="hb-term-occurrences")
    assert len(occurrences.select("a")) == PARAGRAPHS + 1 and not occurrences.select(".hb-term-occurrences__more")


def test_a_bad_cap_stops_the_build(fixture_site, caplog):
    many_occurrences(fixture_site, shown=0)
    message = fixture_site.build_fails(caplog, HOOKS)
    assert "glossary.yml" in message and "occurrences_shown" in message
