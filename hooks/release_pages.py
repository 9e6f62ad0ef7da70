"""A page's Markdown and HTML are let go as soon as its file is written. MkDocs keeps every page
of a build until the build ends, and static-i18n builds the next language inside the first
one's post_build: without this, the text of every Chinese page stays in memory through the
whole English build (issue 16: the build's peak memory at 1,000 texts)."""

from __future__ import annotations

from mkdocs.plugins import event_priority


@event_priority(-1000)  # after every hook and plugin that reads the page (csp.py reads its content at -100)
def on_post_page(output, page, config):
    page.content = None
    # "" rather than None: MkDocs reads a page whose Markdown is None as never read, and a
    # later page's nav still asks this page for its title (kept in page.meta or from the render).
    page.markdown = ""
    return output
