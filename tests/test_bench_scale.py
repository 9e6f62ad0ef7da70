"""bench_scale as a regression check: at a small library, the handbook's build stays within a
ratio of plain Material's on the same Markdown, and a source page's HTML within a size. Times
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


def test_build_ratio_and_page_size_at_a_small_library():
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert bench_scale.main(["--docs", str(DOCS), "--runs", "1", "--no-browser"]) == 0
    result = json.loads(out.getvalue().strip().splitlines()[-1])
    assert result["docs"] == DOCS and result["pages_per_language"] > DOCS
    assert result["build_s"]["ratio"] <= MAX_BUILD_RATIO, result
    assert result["source_page_bytes"]["handbook"] <= MAX_SOURCE_PAGE_BYTES, result
    assert result["search_bytes"]["handbook"]["zh"] > 0 and result["search_bytes"]["handbook"]["en"] > 0
