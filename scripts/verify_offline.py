"""Check an offline bundle against its SHA-256 manifest.

Usage:
    python scripts/verify_offline.py BUNDLE

BUNDLE is the zip written by scripts/build_offline.py or the folder it unzips to. Reports every
file that is missing, changed or not in the manifest; exits 0 only when all match. A bundle
that cannot be checked at all (not a zip, a damaged zip, no manifest...) gets one line saying
why, and exit 1. Symbolic links are never followed: a link in the bundle is a problem of its
own. The manifest is read as `sha256sum -c` reads it: `<sha256>  <path>` or `<sha256> *<path>`.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import stat
import sys
import zipfile
import zlib
from pathlib import Path

MANIFEST = "SHA256SUMS"
# sha256sum's output: the digest, a space, then a space (text mode) or * (binary mode), the path.
MANIFEST_LINE = re.compile(r"^([0-9a-fA-F]{64}) ([ *])(.+)$")


class BundleError(Exception):
    """The bundle cannot be checked; the message is the one line the user sees."""


# -- reading a bundle: {path inside the bundle's folder: sha256 hex, or a problem} -------------

class Entry:
    def __init__(self, digest: str | None = None, problem: str | None = None, data: bytes | None = None):
        self.digest, self.problem, self.data = digest, problem, data


def read_folder(bundle: Path) -> dict[str, Entry]:
    root = bundle
    if not (bundle / MANIFEST).exists() and not (bundle / MANIFEST).is_symlink():
        inner = [p.parent for p in bundle.glob(f"*/{MANIFEST}") if not p.parent.is_symlink()]
        if len(inner) != 1:
            raise BundleError(f"{bundle}: no {MANIFEST} in this folder"
                              + (" or in one folder inside it" if not inner else f", and {len(inner)} folders inside it have one")
                              + ": not an offline bundle (unzip the bundle's zip and give its folder).")
        root = inner[0]
    entries: dict[str, Entry] = {}
    for folder, dirs, files in os.walk(root, followlinks=False):
        for name in dirs + files:
            path = Path(folder) / name
            relative = path.relative_to(root).as_posix()
            if path.is_symlink():
                entries[relative] = Entry(problem=f"symbolic link, not followed: {relative} -> {os.readlink(path)}")
            elif name in files:
                try:
                    data = path.read_bytes()
                except OSError as error:
                    entries[relative] = Entry(problem=f"unreadable: {relative} ({error.strerror})")
                    continue
                entries[relative] = Entry(hashlib.sha256(data).hexdigest(), data=data if relative == MANIFEST else None)
    return entries


def read_zip(bundle: Path) -> dict[str, Entry]:
    try:
        archive = zipfile.ZipFile(bundle)
    except (zipfile.BadZipFile, EOFError, OSError, ValueError) as error:
        raise BundleError(f"{bundle}: not a readable zip ({error}); it may be truncated or not a zip at all."
                          " Copy the bundle again.") from None
    entries: dict[str, Entry] = {}
    with archive:
        infos = [info for info in archive.infolist() if not info.is_dir()]
        tops = {info.filename.split("/", 1)[0] for info in archive.infolist()}
        loose = [info.filename for info in infos if "/" not in info.filename]
        if loose:
            raise BundleError(f"{bundle}: '{loose[0]}' is at the top of the zip; an offline bundle holds one folder"
                              " and nothing beside it. Use the zip written by scripts/build_offline.py.")
        if len(tops) != 1:
            raise BundleError(f"{bundle}: the zip holds {len(tops)} folders ({', '.join(sorted(tops)[:3])}…);"
                              " an offline bundle holds one.")
        for info in infos:
            relative = info.filename.split("/", 1)[1]
            if relative.startswith("/") or ".." in relative.split("/"):
                raise BundleError(f"{bundle}: unsafe path in the zip: {info.filename!r}. Do not unzip this file.")
            if stat.S_ISLNK(info.external_attr >> 16):
                entries[relative] = Entry(problem=f"symbolic link, not followed: {relative}")
                continue
            try:
                data = archive.read(info)
            except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as error:
                entries[relative] = Entry(problem=f"damaged in the zip: {relative} ({error})")
                continue
            entries[relative] = Entry(hashlib.sha256(data).hexdigest(), data=data if relative == MANIFEST else None)
    return entries


def read_bundle(bundle: Path) -> dict[str, Entry]:
    if bundle.is_symlink():
        raise BundleError(f"{bundle}: a symbolic link; give the bundle itself (links are not followed).")
    if bundle.is_dir():
        return read_folder(bundle)
    if bundle.is_file():
        return read_zip(bundle)
    raise BundleError(f"{bundle}: no such file or folder. Give the offline zip or the folder it unzips to.")


# -- the manifest -----------------------------------------------------------------------------

def parse_manifest(data: bytes) -> dict[str, str]:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise BundleError(f"{MANIFEST}:{line}: not UTF-8 text (byte {error.start}); the manifest is damaged."
                          " Copy the bundle again.") from None
    expected: dict[str, str] = {}
    seen_at: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        match = MANIFEST_LINE.match(line)
        if not match:
            raise BundleError(f"{MANIFEST}:{number}: not a line '<sha256>  <path>' or '<sha256> *<path>': {line[:80]!r}")
        digest, _, name = match.groups()
        if name in seen_at:
            raise BundleError(f"{MANIFEST}:{number}: '{name}' is listed twice (also on line {seen_at[name]});"
                              " the manifest is damaged.")
        seen_at[name] = number
        expected[name] = digest.lower()
    return expected


def verify(bundle: Path) -> list[str]:
    """Every problem, one line each. Raises BundleError when the bundle cannot be checked."""
    entries = read_bundle(bundle)
    manifest = entries.pop(MANIFEST, None)
    if manifest is None or manifest.problem:
        raise BundleError(manifest.problem if manifest else f"{bundle}: no {MANIFEST} in the bundle; it cannot be checked.")
    expected = parse_manifest(manifest.data)
    problems = [entry.problem for _, entry in sorted(entries.items()) if entry.problem]
    problems += [f"missing: {name}" for name in sorted(set(expected) - set(entries))]
    problems += [f"changed: {name}" for name in sorted(set(expected) & set(entries))
                 if entries[name].digest is not None and entries[name].digest != expected[name]]
    problems += [f"not in the manifest: {name}" for name in sorted(set(entries) - set(expected))
                 if entries[name].digest is not None]
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", type=Path, help="the offline zip, or the folder it unzips to")
    args = parser.parse_args(argv)
    try:
        problems = verify(args.bundle)
    except BundleError as error:
        print(f"error: {error}")
        return 1
    for problem in problems:
        print(problem)
    print("ok: every file matches the manifest" if not problems else f"{len(problems)} problem(s)")
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main())
