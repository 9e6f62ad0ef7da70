"""The print edition's download links. scripts/build_pdf.py writes the PDFs (to dist/ by
default); a build with HANDBOOK_PRINT_EDITION=<that folder> copies this version's PDFs into the
site (print/) and fills the marker <!-- print-edition --> (home page, source library) with a
link to each and its size. Without the variable the marker is dropped: a site built without
the PDFs links to none. Nothing is written into docs/."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from handbook import context, languages
from handbook.templates import render

ENV = "HANDBOOK_PRINT_EDITION"
MARKER = "<!-- print-edition -->"
SITE_FOLDER = "print"


@dataclass
class PrintBook:
    lang: str
    file: File
    size: int


BOOKS = "_handbook_print_books"  # this language build's books, kept on the config


@event_priority(-200)  # after static-i18n; each language's build copies the same files
def on_files(files, config):
    books: list[PrintBook] = []
    setattr(config, BOOKS, books)
    folder = os.environ.get(ENV)
    if not folder:
        return files
    for lang, path in find_books(Path(config.config_file_path).parent / folder, config.extra["build"]["version"]):
        file = File.generated(config, f"{SITE_FOLDER}/{path.name}", abs_src_path=str(path))
        files.append(file)
        books.append(PrintBook(lang, file, path.stat().st_size))
    return files


def find_books(folder: Path, version: str) -> list[tuple[str, Path]]:
    """This version's PDFs in the folder, by language (…-0.6.0-zh.pdf)."""
    if not folder.is_dir():
        raise PluginError(f"{ENV}={folder}: no such folder. Build the PDFs first: "
                          f"python3 scripts/build_pdf.py --out {folder}")
    name = re.compile(rf".+-{re.escape(version)}-([a-z]{{2}})\.pdf")
    found: dict[str, Path] = {}
    for path in sorted(folder.glob("*.pdf")):
        match = name.fullmatch(path.name)
        if not match:
            continue
        if match.group(1) in found:
            raise PluginError(f"{ENV}={folder}: two PDFs of version {version} in language '{match.group(1)}' "
                              f"({found[match.group(1)].name}, {path.name}). Keep one.")
        found[match.group(1)] = path
    if not found:
        raise PluginError(f"{ENV}={folder}: no PDF of version {version} (…-{version}-zh.pdf). Build them "
                          f"first: python3 scripts/build_pdf.py --out {folder}")
    return sorted(found.items())


def on_page_markdown(markdown, page, config, files):
    if MARKER not in markdown:
        return markdown
    books = getattr(config, BOOKS, None)
    if not books:
        return markdown.replace(MARKER, "")
    lang = languages.current(config)
    # The reader's language first.
    ordered = sorted(books, key=lambda book: book.lang != lang)
    links = [{"lang": book.lang, "href": book.file.url_relative_to(page.file),
              "size": f"{book.size / 1024 / 1024:.1f} MB"} for book in ordered]
    return markdown.replace(MARKER, render("print_edition.html", edition=context.edition(config), books=links))
