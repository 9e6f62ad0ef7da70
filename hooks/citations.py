"""Citations in guide pages: `[[03-county-speech#p19]]` becomes a link to that paragraph of the
source page, labelled with the document's short title and the paragraph number, with the
paragraph's opening words as its tooltip (text, shown by handbook's tips.js). A citation of a
paragraph that does not exist stops the build. What a page cites is recorded on the page
(handbook.citations), for the checklist hook."""

from __future__ import annotations

import html as html_lib
import posixpath
import re

from mkdocs.exceptions import PluginError

from handbook import citations, context, names
from handbook.references import CITATION  # the one syntax of a citation
from handbook.markdown_escape import inline

CITE_ATTRIBUTE = re.compile(r'data-hb-cite="([0-9a-z-]+#p\d+)"')
TOOLTIP_CHARS = 40


def on_page_markdown(markdown, page, config, files):
    if "[[" not in markdown:
        return markdown
    edition = context.edition(config)
    base = posixpath.dirname(page.file.src_uri)
    cited = []

    def link(match: re.Match) -> str:
        slug, pid = match.groups()
        document = edition.library.get(slug)
        if document is None:
            raise PluginError(
                f"{page.file.src_uri}: citation {match.group(0)} names no source document. "
                f"Use one of: {', '.join(edition.library)}."
            )
        paragraph = document.paragraphs.get(pid)
        if paragraph is None:
            raise PluginError(
                f"{page.file.src_uri}: citation {match.group(0)}: {slug} has no paragraph {pid} "
                f"(it has p1 to p{len(document.paragraphs)}). Cite the number shown as ¶N on the page."
            )
        cited.append(citations.Citation(slug, pid))
        label = inline(edition.t("source.cited", title=document.short_title, number=paragraph.number))
        target = posixpath.relpath(names.source_page(slug), base or ".")
        return (f'[{label}]({target}#{pid}){{ .{names.CSS["source_link"]} data-hb-cite="{slug}#{pid}" '
                f'data-search-exclude="true" }}')

    markdown = CITATION.sub(link, markdown)
    citations.record(page, cited)
    return markdown


def on_page_content(html, page, config, files):
    """The tooltip of each citation: the paragraph's opening words, escaped as an attribute."""
    if not citations.recorded(page):
        return html
    edition = context.edition(config)

    def tip(match: re.Match) -> str:
        slug, pid = match.group(1).split("#")
        text = edition.library[slug].paragraphs[pid].text
        text = text[:TOOLTIP_CHARS] + ("…" if len(text) > TOOLTIP_CHARS else "")
        return f'{match.group(0)} {names.CSS["tip"]}="{html_lib.escape(text, quote=True)}"'

    return CITE_ATTRIBUTE.sub(tip, html)
