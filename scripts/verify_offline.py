"""Check an offline bundle against its SHA-256 manifest.

Usage:
    python scripts/verify_offline.py BUNDLE

BUNDLE is the zip written by scripts/build_offline.py or the folder it unzips to. Reports every
file that is missing, changed or not in the manifest; exits 0 only when all match.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import zipfile
from pathlib import Path

MANIFEST = "SHA256SUMS"


def read_bundle(bundle: Path) -> dict[str, bytes]:
    """Every file of the bundle by its path inside the bundle's folder."""
    if bundle.is_dir():
        root = bundle if (bundle / MANIFEST).exists() else next(bundle.glob(f"*/{MANIFEST}")).parent
        return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}
    with zipfile.ZipFile(bundle) as archive:
        return {name.split("/", 1)[1]: archive.read(name) for name in archive.namelist() if not name.endswith("/")}


def verify(bundle: Path) -> list[str]:
    files = read_bundle(bundle)
    if MANIFEST not in files:
        return [f"{bundle}: no {MANIFEST} in the bundle"]
    expected = {}
    for number, line in enumerate(files.pop(MANIFEST).decode("utf-8").splitlines(), 1):
        digest, _, name = line.partition("  ")
        if len(digest) != 64 or not name:
            return [f"{MANIFEST}:{number}: not a line '<sha256>  <path>': {line!r}"]
        expected[name] = digest
    problems = [f"missing: {name}" for name in sorted(set(expected) - set(files))]
    problems += [f"changed: {name}" for name in sorted(set(expected) & set(files))
                 if hashlib.sha256(files[name]).hexdigest() != expected[name]]
    problems += [f"not in the manifest: {name}" for name in sorted(set(files) - set(expected))]
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", type=Path, help="the offline zip, or the folder it unzips to")
    args = parser.parse_args(argv)
    problems = verify(args.bundle)
    for problem in problems:
        print(problem)
    print("ok: every file matches the manifest" if not problems else f"{len(problems)} problem(s)")
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main())
