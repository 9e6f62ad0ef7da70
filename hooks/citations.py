"""Citations in guide pages: `[[03-county-speech#p19]]` becomes a link to that paragraph of the
source page, labelled with the document's short title and the paragraph number, with the
paragraph's opening words as its tooltip. A citation of a paragraph that does not exist stops
the build."""

from __future__ import annotations

import posixpath
import re

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from handbook import sources

CITATION = re.compile(r"\[\[([0-9a-z-]+)#(p\d+)\]\]")
TOOLTIP_CHARS = 40

library: dict[str, sources.SourceDocument] = {}


@event_priority(-200)  # after static-i18n has chosen this language's files
def on_files(files, config):
    global library
    library = sources.load_library(files, config)
    return files


def on_page_markdown(markdown, page, config, files):
    if "[[" not in markdown:
        return markdown
    lang = config.theme["language"]
    base = posixpath.dirname(page.file.src_uri)

    def link(match: re.Match) -> str:
        slug, pid = match.groups()
        document = library.get(slug)
        if document is None:
            raise PluginError(
                f"{page.file.src_uri}: citation {match.group(0)} names no source document. "
                f"Use one of: {', '.join(library)}."
            )
        paragraph = document.paragraphs.get(pid)
        if paragraph is None:
            raise PluginError(
                f"{page.file.src_uri}: citation {match.group(0)}: {slug} has no paragraph {pid} "
                f"(it has p1 to p{len(document.paragraphs)}). Cite the number shown as ¶N on the page."
            )
        short = document.meta.get("short_title") or document.title
        label = f"{short}¶{paragraph.number}" if lang == "zh" else f"{short}, ¶{paragraph.number}"
        tooltip = paragraph.text[:TOOLTIP_CHARS] + ("…" if len(paragraph.text) > TOOLTIP_CHARS else "")
        target = posixpath.relpath(f"sources/{slug}.md", base or ".")
        return f'[{label}]({target}#{pid} "{tooltip.replace(chr(34), chr(39))}"){{ .hb-source-link data-search-exclude="true" }}'

    return CITATION.sub(link, markdown)
