"""Write the offline bundle: the whole handbook in one zip that works from file://.

Usage:
    python scripts/build_offline.py [--out dist]

Builds the site with Material's offline plugin on (HANDBOOK_OFFLINE=true: .html links, the
search index as a script, the handbook's own worker stand-in), adds README.txt (how to open
it, version and build date, in Chinese and English) and SHA256SUMS (a manifest of every
file), and writes dist/seconded-cadre-handbook-<version>-offline.zip, whose top level is one
folder holding index.html. It carries the print edition (both PDFs, built by
scripts/build_pdf.py unless --pdf-dir names a folder holding them), linked from the home page.
Prints the zip's size and what takes the space. Check a copy with scripts/verify_offline.py.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import os
import subprocess
import sys
import tempfile
import zipfile
from collections import Counter
from pathlib import Path

import jinja2

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from build_info import build_date, handbook_version  # noqa: E402  (a hook module, reused)

NAME = "seconded-cadre-handbook"
MANIFEST = "SHA256SUMS"
README = "README.txt"
# Not needed on a laptop: sitemaps are for web crawlers; source maps for debugging.
LEFT_OUT_FILES = {"sitemap.xml", "sitemap.xml.gz"}


def left_out(relative: str) -> bool:
    return relative in LEFT_OUT_FILES or relative.endswith(".map")


def build_site(site: Path, date: str, print_edition: Path) -> None:
    epoch = int(datetime.datetime.fromisoformat(date).replace(tzinfo=datetime.timezone.utc).timestamp())
    env = dict(os.environ, HANDBOOK_OFFLINE="true", NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=str(epoch),
               HANDBOOK_PRINT_EDITION=str(print_edition))  # hooks/print_edition.py
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
                            cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"the offline build failed (exit {result.returncode}); see the messages above")


def bundle_files(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*") if p.is_file() and not left_out(p.relative_to(site).as_posix()))


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_readme(site: Path, version: str, date: str, files: int) -> None:
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(ROOT / "scripts" / "templates"),
                                     keep_trailing_newline=True)
    text = environment.get_template("offline_readme.txt.j2").render(
        name=NAME, version=version, date=date, files=files, folder=f"{NAME}-{version}", manifest=MANIFEST)
    # CRLF so that Notepad on an old Windows laptop shows the lines.
    (site / README).write_bytes(text.replace("\n", "\r\n").encode("utf-8-sig"))


def write_manifest(site: Path) -> None:
    lines = [f"{sha256(path)}  {path.relative_to(site).as_posix()}" for path in bundle_files(site)
             if path.name != MANIFEST]
    (site / MANIFEST).write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_zip(site: Path, target: Path, folder: str, date: str) -> None:
    stamp = datetime.date.fromisoformat(date).timetuple()[:3] + (0, 0, 0)
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in bundle_files(site):
            info = zipfile.ZipInfo(f"{folder}/{path.relative_to(site).as_posix()}", date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())


def space_report(target: Path) -> list[str]:
    """What takes the space in the zip, by kind of file."""
    by_kind: Counter = Counter()
    with zipfile.ZipFile(target) as archive:
        for info in archive.infolist():
            by_kind[kind_of(info.filename)] += info.compress_size
    total = sum(by_kind.values())
    return [f"  {kind:32} {size / 1024:8.0f} KiB  {100 * size / total:5.1f} %" for kind, size in by_kind.most_common()]


def kind_of(name: str) -> str:
    path = name.split("/", 1)[1]
    if path.startswith("print/"):
        return "print edition (PDF)"
    if path.startswith("search/"):
        return "search index (both languages)"
    if path.startswith("assets/javascripts/"):
        return "JavaScript"
    if path.startswith("assets/stylesheets/"):
        return "stylesheets"
    if path.startswith("assets/"):
        return "images and icons"
    if path.endswith(".html"):
        return "pages (" + ("English" if path.startswith("en/") else "Chinese") + ")"
    return "other (exports, README, manifest)"


def build_print_edition(folder: Path, date: str) -> Path:
    import build_pdf  # scripts/build_pdf.py

    build_pdf.build_books(folder, date=date)
    return folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "dist", help="folder for the zip (default: dist)")
    parser.add_argument("--pdf-dir", type=Path, help="take this version's PDFs from this folder instead of building them")
    args = parser.parse_args(argv)

    version = handbook_version(ROOT / "docs")
    date = build_date()
    folder = f"{NAME}-{version}"
    target = args.out / f"{folder}-offline.zip"
    with tempfile.TemporaryDirectory() as temp:
        site = Path(temp) / folder
        build_site(site, date, args.pdf_dir.resolve() if args.pdf_dir else build_print_edition(Path(temp) / "print", date))
        write_readme(site, version, date, len(bundle_files(site)) + 2)
        write_manifest(site)
        write_zip(site, target, folder, date)
    print(f"{target}: {target.stat().st_size / 1024 / 1024:.2f} MiB, version {version}, built {date}")
    print("\n".join(space_report(target)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
