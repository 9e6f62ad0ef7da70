"""Marks in the source pages: each quoted duty highlighted in the Chinese text (or flagged at the
end of its paragraph in a translation), with a link to its entry. The paragraph's span comes
from the parse (handbook/sources.py): a mark never looks for its paragraph again."""

from __future__ import annotations

from mkdocs.exceptions import PluginError

from .duties import Duty
from .markdown_escape import visible_spans
from .sources import SourceDocument
from .templates import render, safe


def mark_document(markdown: str, document: SourceDocument, edition, href) -> str:
    """The page's Markdown with its duties marked; href(duty) is the URL of the duty's entry."""
    if not document.is_body(markdown):
        raise PluginError(
            f"{document.src_uri}: the page's Markdown changed before the duty marks were added; the "
            "duty index must be the first hook to edit a source page (hooks/duty_index.py priority)."
        )
    registry = edition.handbook.registry
    marked = edition.lang == "zh"  # the quotes are the Chinese words: only the original marks them
    by_paragraph: dict[str, list[Duty]] = {}
    for duty in registry.by(source=document.slug):
        by_paragraph.setdefault(duty.paragraph, []).append(duty)
    missing = [pid for pid in by_paragraph if pid not in document.paragraphs]
    if missing:
        raise PluginError(f"{document.path}: paragraph(s) {', '.join(missing)}, which the duty index cites, are not "
                          "on this page. A translation keeps every paragraph id of its original.")
    paragraphs = sorted((document.paragraphs[pid] for pid in by_paragraph), key=lambda p: p.span[0], reverse=True)
    for paragraph in paragraphs:  # from the end, so that earlier spans stay valid
        duties = sorted(by_paragraph[paragraph.pid], key=lambda d: d.position)
        start, end = paragraph.span
        block = markdown[start:end]
        links = [render("duty_mark_link.html", edition=edition, duty=d, registry=registry, href=safe(href(d)),
                        marked=marked).strip() for d in duties]
        if marked:
            spans = [(d.position, d.position + len(d.quote),
                      render("duty_mark_open.html", edition=edition, duty=d, registry=registry).strip(),
                      "</mark>" + link) for d, link in zip(duties, links)]
            block = wrap_visible_spans(block, spans, document, paragraph.pid)
        else:
            block += " " + "".join(f'<span class="hb-duty-anchor" id="{d.anchor}"></span>{link}'
                                   for d, link in zip(duties, links))
        markdown = markdown[:start] + block + markdown[end:]
    return markdown


def wrap_visible_spans(block: str, spans, document: SourceDocument, pid: str) -> str:
    """Insert HTML around spans given in reader-visible characters (markdown_escape decides
    which characters of the Markdown a reader sees)."""
    characters = visible_spans(block)
    for start, end, opening, closing in sorted(spans, reverse=True):
        if end > len(characters):
            raise PluginError(f"{document.src_uri}: a duty quote runs past the end of {pid}.")
        md_start, md_end = characters[start][0], characters[end - 1][1]
        block = block[:md_start] + opening + block[md_start:md_end] + closing + block[md_end:]
    return block
