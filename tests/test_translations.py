"""Reference translations are aligned with the Chinese: same blocks, same ids, same heading
levels, in the same order, and English outside quoted or bracketed Chinese."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT
from handbook.sources import parse_document

TRANSLATIONS = sorted((ROOT / "docs" / "sources").glob("[0-9]*.en.md"))


@pytest.mark.parametrize("english", TRANSLATIONS, ids=lambda p: p.stem)
def test_translation_has_the_structure_of_the_original(english):
    chinese = english.with_name(english.name.replace(".en.md", ".md"))
    zh = parse_document(chinese, "sources/" + chinese.name)
    en = parse_document(english, "sources/" + english.name)
    assert [(p.pid, p.heading_level) for p in en.paragraphs.values()] == \
           [(p.pid, p.heading_level) for p in zh.paragraphs.values()]
    assert en.meta.get("translation") == "reference"
    for key in ("kind", "level", "source_file", "source_lines"):
        assert en.meta[key] == zh.meta[key], key


@pytest.mark.parametrize("english", TRANSLATIONS, ids=lambda p: p.stem)
def test_translation_is_english_outside_brackets(english):
    en = parse_document(english, "sources/" + english.name)
    for paragraph in en.paragraphs.values():
        outside = re.sub(r"\([^()]*\)", "", paragraph.text)
        assert not re.search(r"[\u4e00-\u9fff]", outside), (paragraph.pid, outside)
