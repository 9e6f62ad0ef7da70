"""bench_scale as a regression check: at a small library, the handbook's build stays within a
ratio of plain Material's on the same Markdown, a source page's HTML within a size, and the
glossary and the duty index within sizes that do not grow with the library. Times
themselves are not gated (the machine varies); the ratio of two builds run alternately is."""

from __future__ import annotations

import contextlib
import io
import json

import bench_scale

DOCS = 30
# At 30 texts on the build machine: ratio 1.5-1.7, source page about 60 KB (issue 16 wants
# 1.25 and 100 KB at 1,000 texts; these gates catch a regression, not the goal).
MAX_BUILD_RATIO = 2.2  # runs=1 on a shared machine: room for noise
MAX_SOURCE_PAGE_BYTES = 100_000
# Pages that list the library or the registry must not grow with the library: the glossary lists
# at most `occurrences_shown` paragraphs per term (about 30 KB with the real texts, 60 KB at any
# size; 123 KB at 30 texts and 335 KB at 100 before the cap), and the duty index loads its
# entries on demand (13 KB; 171 KB when it listed every duty). Measured on the <article>: the
# nav around it is the source library's, another concern.
MAX_GLOSSARY_ARTICLE_BYTES = 90_000
MAX_DUTY_INDEX_ARTICLE_BYTES = 40_000


def test_build_ratio_and_page_size_at_a_small_library():
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert bench_scale.main(["--docs", str(DOCS), "--runs", "1", "--no-browser"]) == 0
    result = json.loads(out.getvalue().strip().splitlines()[-1])
    assert result["docs"] == DOCS and result["pages_per_language"] > DOCS
    assert result["build_s"]["ratio"] <= MAX_BUILD_RATIO, result
    assert result["source_page_bytes"]["handbook"] <= MAX_SOURCE_PAGE_BYTES, result
    pages = result["page_bytes"]
    assert pages["glossary"]["article"] <= MAX_GLOSSARY_ARTICLE_BYTES, pages
    assert pages["duty_index"]["article"] <= MAX_DUTY_INDEX_ARTICLE_BYTES, pages
    assert result["search_bytes"]["handbook"]["zh"] > 0 and result["search_bytes"]["handbook"]["en"] > 0
