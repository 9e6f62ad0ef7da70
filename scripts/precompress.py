"""Write precompressed copies (.gz and .br) next to the large text files of a built site, for a
server that serves them as they are (nginx `gzip_static on; brotli_static on;`, Caddy
`file_server { precompressed br gzip }`).

Usage:
    python scripts/precompress.py SITE [--min-bytes 1024] [--brotli-quality 9]

Run it after `mkdocs build`, before publishing SITE. Only text files (HTML, CSS, JavaScript,
JSON, XML, CSV, SVG, text) of at least --min-bytes are compressed, and a copy is kept only
when it is smaller than the file. Copies are reproducible (no timestamps) and rewritten on each
run; a copy whose file is gone is removed. Prints the bytes before and after, and the time.
"""

from __future__ import annotations

import argparse
import gzip
import sys
import time
from pathlib import Path

import brotli

TEXT = {".html", ".css", ".js", ".json", ".xml", ".csv", ".svg", ".txt"}
SUFFIXES = (".gz", ".br")


def compressors(quality: int):
    return {
        ".gz": lambda data: gzip.compress(data, compresslevel=9, mtime=0),
        ".br": lambda data: brotli.compress(data, quality=quality,
                                            mode=brotli.MODE_TEXT),
    }


def precompress(site: Path, min_bytes: int = 1024, quality: int = 9) -> dict:
    totals = {"files": 0, "bytes": 0, ".gz": 0, ".br": 0}
    for stale in [p for p in site.rglob("*") if p.suffix in SUFFIXES and p.with_suffix("").suffix in TEXT
                  and not p.with_suffix("").exists()]:
        stale.unlink()
    make = compressors(quality)
    for path in sorted(site.rglob("*")):
        if path.suffix not in TEXT or not path.is_file() or path.is_symlink() or path.stat().st_size < min_bytes:
            continue
        data = path.read_bytes()
        totals["files"] += 1
        totals["bytes"] += len(data)
        for suffix, compress in make.items():
            packed = compress(data)
            target = path.with_name(path.name + suffix)
            if len(packed) < len(data):
                target.write_bytes(packed)
                totals[suffix] += len(packed)
            else:
                target.unlink(missing_ok=True)
                totals[suffix] += len(data)
    return totals


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="the built site folder")
    parser.add_argument("--min-bytes", type=int, default=1024, help="smaller files are left as they are")
    parser.add_argument("--brotli-quality", type=int, default=9, choices=range(0, 12), metavar="0-11",
                        help="11 is about 10 %% smaller and 20 times slower (default 9)")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        print(f"error: {args.site}: not a built site (no index.html). Run `mkdocs build` first.")
        return 1
    start = time.perf_counter()
    totals = precompress(args.site, args.min_bytes, args.brotli_quality)
    seconds = time.perf_counter() - start
    mib = 1024 * 1024
    print(f"{totals['files']} files, {totals['bytes'] / mib:.2f} MiB: gzip {totals['.gz'] / mib:.2f} MiB, "
          f"brotli {totals['.br'] / mib:.2f} MiB, in {seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
