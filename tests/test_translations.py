"""English twins are aligned with the Chinese: same blocks, same ids, same heading levels, in the
same order. A reference translation is English outside quoted or bracketed Chinese; a pending
one (written by the importer) holds the Chinese text until it is translated."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT
from handbook.sources import parse_document, with_original_meta

TRANSLATIONS = sorted((ROOT / "docs" / "sources").glob("[0-9]*.en.md"))


def twins(english):
    """The Chinese page and its twin as the build reads them (a pending twin takes the Chinese
    page's metadata: handbook.context.build_edition)."""
    chinese = english.with_name(english.name.replace(".en.md", ".md"))
    zh, en = parse_document(chinese, "sources/" + chinese.name), parse_document(english, "sources/" + english.name)
    return zh, with_original_meta(en, zh) if en.meta.get("pending_translation") else en


@pytest.mark.parametrize("english", TRANSLATIONS, ids=lambda p: p.stem)
def test_translation_has_the_structure_of_the_original(english):
    zh, en = twins(english)
    assert [(p.pid, p.heading_level) for p in en.paragraphs.values()] == \
           [(p.pid, p.heading_level) for p in zh.paragraphs.values()]
    assert en.meta.get("translation") == "reference" or en.meta.get("pending_translation") is True
    for key in ("kind", "level", "source_file", "source_lines"):
        assert en.meta[key] == zh.meta[key], key


@pytest.mark.parametrize("english", TRANSLATIONS, ids=lambda p: p.stem)
def test_translation_is_english_outside_brackets(english):
    _, en = twins(english)
    if en.meta.get("pending_translation"):
        pytest.skip("pending translation: the Chinese text, marked lang=zh (tests/test_english.py)")
    for paragraph in en.paragraphs.values():
        outside = re.sub(r"\([^()]*\)", "", paragraph.text)
        assert not re.search(r"[\u4e00-\u9fff]", outside), (paragraph.pid, outside)
