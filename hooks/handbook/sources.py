"""The source library: the curated pages in docs/sources/, their metadata and paragraphs.

Every block of a source page carries an id stored in the Markdown: a paragraph ends with a
line `{: #p12 }`, a heading with `{ #p5 }`. Each paragraph keeps where its words stand in the
page's Markdown (`span`), so that the duty marks edit that span without finding it again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

from mkdocs.exceptions import PluginError
from mkdocs.utils.meta import YAML_RE

from . import names
from .markdown_escape import plain_text
from .schema import SourceFrontMatter, SourceTaxonomy, parse_yaml, read_text, validate

PARAGRAPH_ID = re.compile(r"^\{:\s*#(p\d+)\s*\}$")
HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*(?:\{\s*#(p\d+)\s*\})?[ \t]*$")
DATE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


@dataclass(frozen=True)
class Paragraph:
    pid: str
    text: str  # the words as a reader sees them: Markdown escapes and emphasis removed
    heading_level: int = 0
    span: tuple[int, int] = (0, 0)  # start and end of its words in the page's Markdown body

    @property
    def number(self) -> int:
        return int(self.pid[1:])


@dataclass(frozen=True)
class SourceDocument:
    slug: str
    src_uri: str
    path: Path
    meta: Mapping  # the front matter, checked against schema.SourceFrontMatter
    title: str
    # A fingerprint of the Markdown after the front matter, as MkDocs hands it to
    # on_page_markdown (the spans point into it): the Markdown itself is not kept, since the
    # context holds every document of the library for the whole build.
    body_fingerprint: tuple[int, int]
    paragraphs: Mapping[str, Paragraph]

    def is_body(self, markdown: str) -> bool:
        """Whether `markdown` is the body this document was parsed from."""
        return fingerprint(markdown) == self.body_fingerprint

    @property
    def short_title(self) -> str:
        return self.meta.get("short_title") or self.title


def is_source_page(src_uri: str) -> bool:
    """A document of the library: sources/<slug>.md or its translation, not the library's index."""
    return src_uri.startswith(names.SOURCE_DIR) and src_uri.endswith(".md") and \
        src_uri[len(names.SOURCE_DIR):].split(".")[0] != "index"


def slug_of(src_uri: str) -> str:
    return src_uri.split("/")[-1].split(".")[0]


def parse_document(path: Path, src_uri: str) -> SourceDocument:
    """Parse a source page: front matter (types checked) and every block with its id."""
    text = read_text(path)
    raw_meta, body = split_front_matter(text, path)
    meta = validate(SourceFrontMatter, raw_meta, f"{path}: front matter").model_dump(exclude_none=True)
    body = body.lstrip("\n")
    line_offset = text[: len(text) - len(body)].count("\n")
    paragraphs: dict[str, Paragraph] = {}
    for block_line, start, block in iter_blocks(body):
        lines = block.split("\n")
        heading = HEADING.match(lines[0]) if len(lines) == 1 else None
        if heading and heading.group(1) == "#":
            continue  # the title: checked against front matter elsewhere
        if heading and heading.group(3):
            span = (start + heading.start(2), start + heading.end(2))
            add(paragraphs, Paragraph(heading.group(3), plain_text(heading.group(2)), len(heading.group(1)), span),
                path, line_offset + block_line)
        elif len(lines) > 1 and (match := PARAGRAPH_ID.match(lines[-1].strip())):
            words = block[: block.rindex("\n")]
            add(paragraphs, Paragraph(match.group(1), plain_text(words.replace("\n", "")), 0,
                                      (start, start + len(words))), path, line_offset + block_line)
        elif heading or not block.startswith(("<!--", "!!!", "???")):
            raise PluginError(
                f"{path}:{line_offset + block_line}: this block has no paragraph id. Every paragraph "
                "of a source page ends with a line like `{: #p12 }` and every heading with "
                "`{ #p12 }`; give it the next unused number (never renumber the others)."
            )
    if not paragraphs:
        raise PluginError(f"{path}: the source page has no paragraphs with ids.")
    return SourceDocument(slug_of(src_uri), src_uri, path, MappingProxyType(meta), meta["title"], fingerprint(body),
                          MappingProxyType(paragraphs))


def split_front_matter(text: str, path: Path) -> tuple[dict, str]:
    """A page's front matter (parsed, not yet checked) and the Markdown after it. The importer
    reads pages with this too, so that it never takes broken front matter for none."""
    match = YAML_RE.match(text)
    if not match:
        raise PluginError(f"{path}: a source page starts with front matter between two lines `---`.")
    raw_meta = parse_yaml(match.group(1), f"{path}", first_line=2)
    if not isinstance(raw_meta, dict):
        raise PluginError(f"{path}: the front matter must be a mapping of fields (title: …).")
    return raw_meta, text[match.end():]


def fingerprint(text: str) -> tuple[int, int]:
    """Length and hash: within one build, equal fingerprints mean equal texts."""
    return len(text), hash(text)


def iter_blocks(body: str):
    """(line number, offset in body, text) of each block between blank lines."""
    for match in re.finditer(r"(?:[^\n]|\n(?![ \t]*\n))+", body):
        block = match.group(0)
        if block.strip():
            lead = len(block) - len(block.lstrip("\n"))
            stripped = block.strip("\n")
            yield body.count("\n", 0, match.start() + lead) + 1, match.start() + lead, stripped


def add(paragraphs: dict, paragraph: Paragraph, path: Path, line: int) -> None:
    if paragraph.pid in paragraphs:
        raise PluginError(
            f"{path}:{line}: paragraph id '{paragraph.pid}' is used twice. Give the later "
            "paragraph the next unused number; ids never change once published."
        )
    paragraphs[paragraph.pid] = paragraph


def with_original_meta(document: SourceDocument, original: SourceDocument) -> SourceDocument:
    """A pending translation (written by the importer) holds the Chinese text; its metadata is the
    Chinese page's, so that the editor fills it in once. Its own title and filled fields win."""
    shared = {name: value for name, value in original.meta.items() if name not in ("title", "short_title")}
    own = {name: value for name, value in document.meta.items() if value not in ("", None)}
    return replace(document, meta=MappingProxyType({**shared, **own}))


def check_metadata(document: SourceDocument, taxonomy: SourceTaxonomy) -> None:
    """Every empty required field named in one message; the date's form; kind and level known."""
    meta = document.meta
    empty = [f"{name} ({labels.zh})" for name, labels in taxonomy.required_fields.items()
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
    for name, vocabulary in (("kind", taxonomy.kinds), ("level", taxonomy.levels)):
        if meta[name] not in vocabulary:
            raise PluginError(
                f"{document.path}: '{name}: {meta[name]}' is not a known {name}. "
                f"Use one of {'、'.join(vocabulary)}, or add it to data/taxonomy.yml."
            )


def original_documents(docs_dir: Path) -> dict[str, SourceDocument]:
    """The Chinese source pages by slug: quotes and terms are found in the original words."""
    folder = docs_dir / names.SOURCE_DIR
    return {page.stem: parse_document(page, f"{names.SOURCE_DIR}{page.name}")
            for page in sorted(folder.glob("[0-9]*.md")) if page.name.count(".") == 1}
