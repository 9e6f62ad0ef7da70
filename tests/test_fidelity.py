"""Nothing lost: the words of the raw seed stand, unchanged and in order, in the built pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.utils.meta import get_data

from conftest import ROOT
from textutil import source_words, squeeze

SOURCE_PAGES = sorted(p for p in (ROOT / "docs" / "sources").glob("[0-9]*.md") if ".en." not in p.name)


def page_meta(path: Path) -> dict:
    return get_data(path.read_text(encoding="utf-8"))[1]


def raw_lines(meta: dict) -> list[str]:
    raw = (ROOT / meta["source_file"]).read_text(encoding="utf-8").split("\n")
    first, last = (int(n) for n in meta["source_lines"].split("-"))
    return raw[first - 1:last]


@pytest.mark.parametrize("page", SOURCE_PAGES, ids=lambda p: p.stem)
def test_every_character_of_the_source_stands_in_the_built_page(site, page):
    expected = squeeze("".join(raw_lines(page_meta(page))))
    built = source_words(site / "sources" / page.stem / "index.html")
    assert built == expected, first_difference(expected, built)


def test_the_pages_cover_every_line_of_the_raw_seed_once():
    covered: dict[int, str] = {}
    raw_file = None
    for page in SOURCE_PAGES:
        meta = page_meta(page)
        raw_file = raw_file or meta["source_file"]
        assert meta["source_file"] == raw_file
        first, last = (int(n) for n in meta["source_lines"].split("-"))
        for n in range(first, last + 1):
            assert n not in covered, f"line {n} is in both {covered[n]} and {page.name}"
            covered[n] = page.name
    lines = (ROOT / raw_file).read_text(encoding="utf-8").split("\n")
    toc_end = lines.index("", 1)  # the table of contents ends at the first blank line
    missing = [n for n, line in enumerate(lines, 1) if line.strip() and n > toc_end and n not in covered]
    assert not missing, f"raw lines in no source page: {missing}"


def first_difference(expected: str, built: str) -> str:
    for index, (a, b) in enumerate(zip(expected, built)):
        if a != b:
            return f"first difference at character {index}: source …{expected[index-15:index+15]}… page …{built[index-15:index+15]}…"
    return f"lengths differ: source {len(expected)}, page {len(built)}"
