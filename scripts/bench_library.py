"""How the source library's generated nav scales: builds a copy of the handbook with N synthetic
texts (the curated pages recombined under new titles, levels and dates) and prints, for one
source page, its HTML size and the number of nav links, with the nav listing every text or only
the level pages (data/taxonomy.yml: nav_list_limit).

Usage:
    python3 scripts/bench_library.py [--texts 200]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LEVELS = ("省", "市", "区", "县")


def synthesise(project: Path, texts: int) -> str:
    """Write N texts beside the curated ones; return the slug of one of them."""
    sources = project / "docs" / "sources"
    seeds = sorted(p for p in sources.glob("[0-9]*.md") if p.name.count(".") == 1)
    slug = ""
    for n in range(texts):
        seed = seeds[n % len(seeds)]
        slug = f"{100 + n}-bench"
        level, date = LEVELS[n % len(LEVELS)], f"{2015 + n % 10}-{n % 12 + 1:02d}"
        for source, suffix in ((seed, ".md"), (seed.with_suffix(".en.md"), ".en.md")):
            text = source.read_text(encoding="utf-8")
            text = re.sub(r'^title: "(.*)"$', rf'title: "\1 ({n})"', text, count=1, flags=re.M)
            text = re.sub(r'^level: ".*"', f'level: "{level}"\ndate: "{date}"', text, count=1, flags=re.M)
            (sources / f"{slug}{suffix}").write_text(text, encoding="utf-8")
    return slug


def measure(project: Path, slug: str, limit: int) -> dict:
    taxonomy = project / "data" / "taxonomy.yml"
    taxonomy.write_text(re.sub(r"nav_list_limit: \d+", f"nav_list_limit: {limit}", taxonomy.read_text(encoding="utf-8")),
                        encoding="utf-8")
    site = project / "site"
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)], cwd=project,
                   check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    seconds = time.perf_counter() - started
    page = (site / "sources" / slug / "index.html").read_text(encoding="utf-8")
    # nav and table of contents (Material nests the page's toc in the nav)
    return {"build_s": seconds, "page_kib": len(page.encode()) / 1024, "nav_links": page.count('class="md-nav__link')}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Measure the library nav with N synthetic texts.")
    parser.add_argument("--texts", type=int, default=200, help="synthetic texts to add (default 200)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder) / "handbook"
        shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(".git", "site", "dist", ".venv", "__pycache__"))
        slug = synthesise(project, args.texts)
        total = args.texts + 5
        print(f"{total} texts, both languages; one source page (sources/{slug}/):")
        for label, limit in (("nav lists every text", total), ("nav lists level pages only", 30)):
            result = measure(project, slug, limit)
            print(f"  {label:28} HTML {result['page_kib']:7.1f} KiB, {result['nav_links']:5d} nav+toc links, "
                  f"build {result['build_s']:5.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
