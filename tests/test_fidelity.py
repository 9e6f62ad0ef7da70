"""Nothing lost: the words of each raw transcript stand, unchanged and in order, in the built
pages of every document in the library (whatever the raw file's encoding)."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest
from mkdocs.utils.meta import get_data

from conftest import ROOT
from import_transcript import read_lines
from textutil import source_words, squeeze

SOURCE_PAGES = sorted(p for p in (ROOT / "docs" / "sources").glob("[0-9]*.md") if p.name.count(".") == 1)


def page_meta(path: Path) -> dict:
    return get_data(path.read_text(encoding="utf-8"))[1]


def line_range(meta: dict) -> range:
    first, last = (int(n) for n in meta["source_lines"].split("-"))
    return range(first, last + 1)


def raw_lines(meta: dict) -> list[str]:
    lines = read_lines(ROOT / meta["source_file"])
    return [lines[n - 1] for n in line_range(meta)]


def test_the_library_is_not_empty():
    assert SOURCE_PAGES


@pytest.mark.parametrize("page", SOURCE_PAGES, ids=lambda p: p.stem)
def test_the_raw_file_is_in_the_repository(page):
    source_file = page_meta(page)["source_file"]
    assert not Path(source_file).is_absolute() and source_file.startswith("data/raw/"), source_file
    assert (ROOT / source_file).is_file()


@pytest.mark.parametrize("page", SOURCE_PAGES, ids=lambda p: p.stem)
def test_every_character_of_the_source_stands_in_the_built_page(site, page):
    expected = squeeze("".join(raw_lines(page_meta(page))))
    built = source_words(site / "sources" / page.stem / "index.html")
    assert built == expected, first_difference(expected, built)


def pages_by_raw_file() -> dict[str, list[Path]]:
    grouped = defaultdict(list)
    for page in SOURCE_PAGES:
        grouped[page_meta(page)["source_file"]].append(page)
    return grouped


@pytest.mark.parametrize("raw_file", sorted(pages_by_raw_file()), ids=lambda p: Path(p).name)
def test_the_pages_cover_every_line_of_their_raw_file_once(raw_file):
    covered: dict[int, str] = {}
    for page in pages_by_raw_file()[raw_file]:
        for n in line_range(page_meta(page)):
            assert n not in covered, f"line {n} is in both {covered[n]} and {page.name}"
            covered[n] = page.name
    lines = read_lines(ROOT / raw_file)
    content = [n for n, line in enumerate(lines, 1) if line.strip()]
    start = 0
    if lines[content[0] - 1].strip() == "目录":  # a compilation: its table of contents ends at a blank line
        start = next(n for n in range(content[0] + 1, len(lines) + 1) if not lines[n - 1].strip() and n > content[0] + 1)
    missing = [n for n in content if n > start and n not in covered]
    assert not missing, f"raw lines in no source page: {missing}"


def first_difference(expected: str, built: str) -> str:
    for index, (a, b) in enumerate(zip(expected, built)):
        if a != b:
            return f"first difference at character {index}: source …{expected[index-15:index+15]}… page …{built[index-15:index+15]}…"
    return f"lengths differ: source {len(expected)}, page {len(built)}"
