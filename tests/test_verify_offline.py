"""scripts/verify_offline.py on bad bundles: one clear line and exit 1 each, never a traceback;
symbolic links are not followed; `sha256sum -c` manifests are accepted."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import build_offline
from conftest import ROOT

FOLDER = "handbook-9.9.9"


def tiny_bundle(root: Path) -> Path:
    """A small bundle folder as build_offline writes it: pages, a nested file, the manifest."""
    site = root / FOLDER
    (site / "en").mkdir(parents=True)
    (site / "index.html").write_text("<h1>首页</h1>", encoding="utf-8")
    (site / "en" / "index.html").write_text("<h1>Home</h1>", encoding="utf-8")
    (site / "README.txt").write_bytes(b"read me " * 200)
    build_offline.write_manifest(site)
    return site


def zipped(site: Path, target: Path) -> Path:
    build_offline.write_zip(site, target, site.name, "2026-01-01")
    return target


def run(bundle: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "verify_offline.py"), str(bundle)],
                          capture_output=True, text=True)


# Each case turns a good bundle (folder `site`, zip `archive`) into a bad one and returns its path.
def truncated_zip(site, archive):
    archive.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    return archive


def flipped_byte_in_member(site, archive):
    data = bytearray(archive.read_bytes())
    with zipfile.ZipFile(archive) as z:
        info = z.getinfo(f"{FOLDER}/README.txt")
    offset = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra) + 3
    data[offset] ^= 0xFF
    archive.write_bytes(bytes(data))
    return archive


def not_a_zip(site, archive):
    archive.write_text("hello", encoding="utf-8")
    return archive


def missing_path(site, archive):
    return site.parent / "nowhere.zip"


def folder_without_manifest(site, archive):
    (site / "SHA256SUMS").unlink()
    return site


def manifest_not_utf8(site, archive):
    (site / "SHA256SUMS").write_bytes(b"\xff\xfe" + (site / "SHA256SUMS").read_bytes())
    return site


def zip_with_top_level_file(site, archive):
    with zipfile.ZipFile(archive, "a") as z:
        z.writestr("stray.txt", "x")
    return archive


def duplicate_manifest_line(site, archive):
    manifest = site / "SHA256SUMS"
    first = manifest.read_text(encoding="utf-8").splitlines()[0]
    manifest.write_text(manifest.read_text(encoding="utf-8") + first.replace(first[:64], "0" * 64) + "\n", encoding="utf-8")
    return site


def malformed_manifest_line(site, archive):
    (site / "SHA256SUMS").write_text("abc  index.html\n", encoding="utf-8")
    return site


def zip_without_manifest(site, archive):
    (site / "SHA256SUMS").unlink()
    archive.unlink()
    build_offline.write_zip(site, archive, FOLDER, "2026-01-01")
    return archive


def zip_with_unsafe_path(site, archive):
    with zipfile.ZipFile(archive, "a") as z:
        z.writestr(f"{FOLDER}/../evil.txt", "x")
    return archive


CASES = {
    truncated_zip: "not a readable zip",
    flipped_byte_in_member: "damaged in the zip: README.txt",
    not_a_zip: "not a readable zip",
    missing_path: "no such file or folder",
    folder_without_manifest: "no SHA256SUMS in this folder",
    manifest_not_utf8: "SHA256SUMS:1: not UTF-8",
    zip_with_top_level_file: "'stray.txt' is at the top of the zip",
    duplicate_manifest_line: "is listed twice",
    malformed_manifest_line: "SHA256SUMS:1: not a line",
    zip_without_manifest: "no SHA256SUMS in the bundle",
    zip_with_unsafe_path: "unsafe path",
}


@pytest.mark.parametrize("make_bad, expected", list(CASES.items()), ids=[f.__name__ for f in CASES])
def test_a_bad_bundle_gets_one_clear_line_and_exit_1(tmp_path, make_bad, expected):
    site = tiny_bundle(tmp_path)
    archive = zipped(site, tmp_path / "bundle.zip")
    result = run(make_bad(site, archive))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    lines = result.stdout.strip().splitlines()
    assert expected in result.stdout, result.stdout
    assert len(lines) <= 2, result.stdout  # the problem, and the count when the bundle could be read


def test_good_bundles_pass(tmp_path):
    site = tiny_bundle(tmp_path)
    for bundle in (site, site.parent, zipped(site, tmp_path / "bundle.zip")):
        result = run(bundle)
        assert result.returncode == 0 and result.stdout.startswith("ok"), result.stdout


def test_symbolic_links_are_not_followed(tmp_path):
    site = tiny_bundle(tmp_path)
    secret = tmp_path / "secret.txt"
    secret.write_text("not part of the bundle", encoding="utf-8")
    os.symlink(secret, site / "linked.txt")
    digest = hashlib.sha256(secret.read_bytes()).hexdigest()
    with (site / "SHA256SUMS").open("a", encoding="utf-8") as manifest:
        manifest.write(f"{digest}  linked.txt\n")
    shutil.copytree(site / "en", tmp_path / "elsewhere")
    os.symlink(tmp_path / "elsewhere", site / "more")
    result = run(site)
    assert result.returncode == 1
    assert "symbolic link, not followed: linked.txt" in result.stdout
    assert "symbolic link, not followed: more" in result.stdout


def test_what_sha256sum_accepts_is_accepted(tmp_path):
    site = tiny_bundle(tmp_path)
    manifest = site / "SHA256SUMS"
    lines = manifest.read_text(encoding="utf-8").splitlines()
    # binary-mode lines (`*name`) and upper-case digests, as `sha256sum -b` and some tools write
    lines = [line.replace("  ", " *", 1) if n % 2 else line[:64].upper() + line[64:] for n, line in enumerate(lines)]
    manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    if shutil.which("sha256sum"):
        assert subprocess.run(["sha256sum", "-c", "--quiet", "SHA256SUMS"], cwd=site).returncode == 0
    result = run(site)
    assert result.returncode == 0, result.stdout
