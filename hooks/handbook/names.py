"""Names that cross boundaries (folders, pages, URL prefixes, CSS hooks): written once here and
read by the hooks and templates, so that renaming one is one edit."""

from __future__ import annotations

SOURCE_DIR = "sources/"          # the source library's pages: sources/<slug>.md
DUTY_DIR = "duties/"             # the duty index: one page per party, duties/<party-id>.md
GLOSSARY_PAGE = "glossary.md"
EXPORTS = ("duties.json", "duties.csv")

# CSS classes and data attributes that hooks write and handbook.js / handbook.css read.
CSS = {
    "source_link": "hb-source-link",     # a citation of a source paragraph (citations.py)
    "duty_mark": "hb-duty-mark",         # a quoted duty in a source page (duty_index.py)
    "term": "hb-term",                   # a glossary term in running text (glossary.py)
    "tip": "data-hb-tip",                # a tooltip's text, shown by handbook.js as text
}


def source_page(slug: str) -> str:
    return f"{SOURCE_DIR}{slug}.md"


def party_page(party: str) -> str:
    return f"{DUTY_DIR}{party.replace('_', '-')}.md"


LIBRARY_DIR = "library/"         # generated pages of the source library, one per level


def library_level_page(level_slug: str) -> str:
    return f"{LIBRARY_DIR}{level_slug}/index.md"
