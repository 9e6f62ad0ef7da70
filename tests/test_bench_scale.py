"""bench_scale as a regression check: at 100 texts, the handbook's build time and peak memory
stay within a ratio of plain Material's on the same Markdown, a source page's HTML within a size, and the
glossary and the duty index within sizes that do not grow with the library. Times
themselves are not gated (the machine varies); the ratio of two builds run alternately is."""

from __future__ import annotations

import contextlib
import io
import json

import bench_scale

DOCS = 100
# At 100 texts, one run each on this 2-core machine: build ratio 1.44 (8.1 s / 5.6 s) before the
# split search index, the page-weight hook and the larger English lexicon; 1.90 and 2.13 (6.6-7.0 s
# against 3.1-3.7 s) with them. After the build lane's round (issue 16: templates compiled once
# for both languages, the purge's, whitespace and glossary patterns faster, the index's text let
# go), five alternated runs on the same project and data: 8.78 -> 8.29 s (processor 7.83 -> 7.55 s)
# against 3.48 s for plain Material, ratio 2.52 -> 2.38; bench_scale, median of 3: 2.03. About
# 0.9 s of the handbook's time is the creation of the split index's 1,570 files (0.55 ms a file on
# this machine's file system). Peak memory 171 -> 162 MiB against 132 (ratio 1.29 -> 1.22-1.23 in
# five runs). Issue 16 wants 1.25 for both ratios: these gates catch a regression with room for a
# noisy machine (runs=1; a single run under load reaches 2.4), they are not the goal.
MAX_BUILD_RATIO = 2.6
MAX_MEMORY_RATIO = 1.3
MAX_SOURCE_PAGE_BYTES = 70_000
# Pages that list the library or the registry must not grow with the library: the glossary lists
# at most `occurrences_shown` paragraphs per term (30 KB with the real texts, 58 KB at 100 and
# 59 KB at 1,000 texts; 335 KB at 100 before the cap), and the duty index loads its entries on
# demand (23 KB at 100; 171 KB when it listed every duty). Measured on the <article>: the nav
# around it is the source library's, another concern.
MAX_GLOSSARY_ARTICLE_BYTES = 90_000
MAX_DUTY_INDEX_ARTICLE_BYTES = 40_000


def test_build_and_memory_ratios_and_page_sizes_at_100_texts():
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert bench_scale.main(["--docs", str(DOCS), "--runs", "1", "--no-browser"]) == 0
    result = json.loads(out.getvalue().strip().splitlines()[-1])
    assert result["docs"] == DOCS and result["pages_per_language"] > DOCS
    assert result["build_s"]["ratio"] <= MAX_BUILD_RATIO, result
    assert result["peak_rss_mib"]["ratio"] <= MAX_MEMORY_RATIO, result
    assert result["source_page_bytes"]["handbook"] <= MAX_SOURCE_PAGE_BYTES, result
    pages = result["page_bytes"]
    assert pages["glossary"]["article"] <= MAX_GLOSSARY_ARTICLE_BYTES, pages
    assert pages["duty_index"]["article"] <= MAX_DUTY_INDEX_ARTICLE_BYTES, pages
    assert result["search_bytes"]["handbook"]["zh"] > 0 and result["search_bytes"]["handbook"]["en"] > 0
