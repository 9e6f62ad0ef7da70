"""The source library: the curated pages in docs/sources/, their metadata and paragraphs.

Every block of a source page carries an id stored in the Markdown: a paragraph ends with a
line `{: #p12 }`, a heading with `{ #p5 }`. Other hooks (the duty index, citations) look
paragraphs up here by document slug and id.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.utils.meta import get_data

from .data import data_path, load_yaml

SOURCE_DIR = "sources/"
PARAGRAPH_ID = re.compile(r"^\{:\s*#(p\d+)\s*\}$")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*(?:\{\s*#(p\d+)\s*\})?$")
MARKDOWN_ESCAPE = re.compile(r"\\([\\`*_\[\]<>#+\-.!])")
DATE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


@dataclass
class Paragraph:
    pid: str
    text: str  # the words as a reader sees them: Markdown escapes and emphasis removed
    heading_level: int = 0

    @property
    def number(self) -> int:
        return int(self.pid[1:])


@dataclass
class SourceDocument:
    slug: str
    src_uri: str
    path: Path
    meta: dict
    title: str
    paragraphs: dict[str, Paragraph] = field(default_factory=dict)


def is_source_page(src_uri: str) -> bool:
    """A document of the library: sources/<slug>.md or its translation, not the library's index."""
    return src_uri.startswith(SOURCE_DIR) and src_uri.endswith(".md") and \
        src_uri[len(SOURCE_DIR):].split(".")[0] != "index"


def is_pending(path: Path) -> bool:
    """A twin written by the importer: the Chinese text awaiting its translation."""
    return bool(get_data(path.read_text(encoding="utf-8"))[1].get("pending_translation"))


def plain_text(markdown: str) -> str:
    """The reader-visible words of a Markdown fragment (emphasis and escapes removed)."""
    text = re.sub(r"(?<!\\)(\*\*|__)", "", markdown)
    return MARKDOWN_ESCAPE.sub(r"\1", text).replace("&amp;", "&")


def parse_document(path: Path, src_uri: str, taxonomy: dict | None = None) -> SourceDocument:
    """Parse a source page; with a taxonomy, also check its metadata. Several hooks ask for the
    same pages in one build (and in each language's): a page is parsed once until it changes."""
    document = _parse(path, path.stat().st_mtime_ns, src_uri)
    if document.meta.get("pending_translation"):
        document = with_original_meta(document)
    if taxonomy is not None:
        check_metadata(document, taxonomy)
    return document


@lru_cache(maxsize=64)
def _parse(path: Path, _mtime: int, src_uri: str) -> SourceDocument:
    text = path.read_text(encoding="utf-8")
    body, meta = get_data(text)
    slug = Path(src_uri).stem.split(".")[0]
    document = SourceDocument(slug, src_uri, path, meta, title=str(meta.get("title") or ""))
    line_offset = text[: len(text) - len(body)].count("\n")
    for block_line, block in iter_blocks(body):
        lines = block.split("\n")
        heading = HEADING.match(lines[0]) if len(lines) == 1 else None
        if heading and heading.group(1) == "#":
            continue  # the title: checked against front matter below
        if heading and heading.group(3):
            add_paragraph(document, Paragraph(heading.group(3), plain_text(heading.group(2)),
                                              len(heading.group(1))), line_offset + block_line)
        elif len(lines) > 1 and (match := PARAGRAPH_ID.match(lines[-1].strip())):
            add_paragraph(document, Paragraph(match.group(1), plain_text("".join(lines[:-1]))),
                          line_offset + block_line)
        elif heading or not block.startswith(("<!--", "!!!", "???")):
            raise PluginError(
                f"{path}:{line_offset + block_line}: this block has no paragraph id. Every paragraph "
                "of a source page ends with a line like `{: #p12 }` and every heading with "
                "`{ #p12 }`; give it the next unused number (never renumber the others)."
            )
    if not document.paragraphs:
        raise PluginError(f"{path}: the source page has no paragraphs with ids.")
    return document


def iter_blocks(body: str):
    line = 1
    for block in re.split(r"\n\s*\n", body):
        stripped = block.strip("\n")
        if stripped.strip():
            yield line + len(block) - len(block.lstrip("\n")), stripped
        line += block.count("\n") + 2


def add_paragraph(document: SourceDocument, paragraph: Paragraph, line: int) -> None:
    if paragraph.pid in document.paragraphs:
        raise PluginError(
            f"{document.path}:{line}: paragraph id '{paragraph.pid}' is used twice. Give the later "
            "paragraph the next unused number; ids never change once published."
        )
    document.paragraphs[paragraph.pid] = paragraph


def with_original_meta(document: SourceDocument) -> SourceDocument:
    """A pending translation holds the Chinese text; its metadata is the Chinese page's, so that
    the editor fills it in once."""
    original = document.path.with_name(f"{document.slug}.md")
    if not original.exists():
        return document
    chinese = _parse(original, original.stat().st_mtime_ns, f"{SOURCE_DIR}{original.name}")
    shared = {name: value for name, value in chinese.meta.items() if name not in ("title", "short_title")}
    return replace(document, meta={**shared, **document.meta})


def check_metadata(document: SourceDocument, taxonomy: dict) -> None:
    meta = document.meta
    empty = [] if document.title else ["title (标题)"]
    empty += [f"{name} ({labels['zh']})" for name, labels in taxonomy["required_fields"].items()
              if meta.get(name) is None or not str(meta.get(name)).strip()]
    if empty:
        raise PluginError(
            f"{document.path}: required metadata is empty: {', '.join(empty)}. Fill each in the "
            "page's front matter (e.g. `speaker: \"市委书记\"`), or re-import with the options "
            "--kind --level --occasion --speaker --audience, before building."
        )
    date = meta.get("date")
    if date and not DATE.match(str(date)):
        raise PluginError(f"{document.path}: 'date: {date}' is not a year and month. Write it as `date: \"2024-05\"`.")
    for name, vocabulary in (("kind", "kinds"), ("level", "levels")):
        if meta[name] not in taxonomy[vocabulary]:
            allowed = "、".join(taxonomy[vocabulary])
            raise PluginError(
                f"{document.path}: '{name}: {meta[name]}' is not a known {name}. "
                f"Use one of {allowed}, or add it to data/taxonomy.yml."
            )


def load_library(files: Files, config) -> dict[str, SourceDocument]:
    """The source pages that this language's build will render, by slug, metadata checked."""
    taxonomy = load_taxonomy(config)
    library = {}
    for file in files.documentation_pages():
        if is_source_page(file.src_uri) and file.abs_src_path:
            document = parse_document(Path(file.abs_src_path), file.src_uri, taxonomy)
            library[document.slug] = document
    return dict(sorted(library.items()))


def original_documents(config) -> dict[str, SourceDocument]:
    """The Chinese source pages by slug, whatever the language being built: quotes and terms
    are found in the original words."""
    folder = Path(config.docs_dir) / "sources"
    return {page.stem: parse_document(page, f"sources/{page.name}")
            for page in sorted(folder.glob("[0-9]*.md")) if page.name.count(".") == 1}


def load_taxonomy(config) -> dict:
    path = data_path(config, "taxonomy.yml")
    taxonomy = load_yaml(path)
    for key in ("kinds", "levels", "required_fields"):
        if not isinstance(taxonomy.get(key), dict) or not taxonomy[key]:
            raise PluginError(f"{path}: '{key}' is missing or empty.")
    return taxonomy
