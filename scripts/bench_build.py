"""Measure the full build (both languages) and the size of the source pages' HTML.

Usage: python scripts/bench_build.py [--runs 5]

Prints the median wall time of `mkdocs build --strict` over the runs (each into a fresh
temporary folder, jieba's cache warm after the first), then the HTML size of every source page.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from handbook.commands import build_command  # pip install -e . (the handbook's package)

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    times = []
    with tempfile.TemporaryDirectory() as temp:
        site = Path(temp) / "site"
        for run in range(args.runs):
            start = time.perf_counter()
            subprocess.run(build_command(site),
                           cwd=ROOT, env=env, check=True, capture_output=True)
            times.append(time.perf_counter() - start)
            print(f"run {run + 1}: {times[-1]:.2f} s")
        print(f"median full build (zh + en) over {args.runs} runs: {statistics.median(times):.2f} s")
        for page in sorted((site / "sources").glob("*/index.html")):
            print(f"{page.parent.name}: {page.stat().st_size / 1024:.1f} KiB "
                  f"(en: {(site / 'en' / 'sources' / page.parent.name / 'index.html').stat().st_size / 1024:.1f} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
