"""Source pages: metadata card, level and kind tags, a permalink and "copy citation" on every
paragraph. (The library's index and nav: hooks/library_nav.py.)"""

from __future__ import annotations

import re

from mkdocs.plugins import get_plugin_logger

from handbook import context, languages, sources
from handbook.templates import render

log = get_plugin_logger(__name__)

BLOCK_WITH_ID = re.compile(r'<(p|h[2-6]) id="(p\d+)"([^>]*)>(.*?)</\1>', re.S)
# The toc extension's own permalink; a numbered paragraph link replaces it on source headings.
HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
TITLE = re.compile(r"(<h1[^>]*>.*?</h1>)", re.S)

def document_for(page, config) -> sources.SourceDocument | None:
    if not sources.is_source_page(page.file.src_uri):
        return None
    return context.edition(config).library.get(sources.slug_of(page.file.src_uri))


def on_page_markdown(markdown, page, config, files):
    document = document_for(page, config)
    taxonomy = context.of(config).taxonomy
    if document:
        # Before Material's tags plugin (priority -50) reads page.meta["tags"].
        page.meta["tags"] = tags_for(document, taxonomy, languages.current(config))
    return markdown


def tags_for(document: sources.SourceDocument, taxonomy, lang: str) -> list[str]:
    year = str(document.meta.get("date") or "")[:4]
    names = [taxonomy.level_name(document.meta["level"], lang), taxonomy.kind_name(document.meta["kind"], lang)]
    return names + ([f"{year}年" if lang == "zh" else year] if year else [])


def on_page_content(html, page, config, files):
    document = document_for(page, config)
    if not document:
        return html
    edition = context.edition(config)
    taxonomy = edition.handbook.taxonomy
    title = document.title

    def add_tools(match: re.Match) -> str:
        tag, pid, attributes, inner = match.groups()
        inner = HEADERLINK.sub("", inner)
        tools = render("paragraph_tools.html", edition=edition, pid=pid, number=pid[1:], title=title)
        return f'<{tag} id="{pid}"{attributes} class="hb-para">{inner}{tools}</{tag}>'

    body = BLOCK_WITH_ID.sub(add_tools, html)
    card = render("metadata_card.html", edition=edition, document=document, taxonomy=taxonomy)
    parts = TITLE.split(body, maxsplit=1)
    if len(parts) != 3:
        log.warning("%s: a source page needs its title as a level-1 heading ('# …').", page.file.src_uri)
        return body
    before, heading, rest = parts
    return f'{before}{heading}{card}<div class="hb-source-text">{rest}</div>'
