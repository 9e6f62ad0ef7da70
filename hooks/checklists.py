"""Checklists: task lists whose ticks the reader keeps in the browser (handbook.js). Every item
carries a stable id (`{ #id }` on the line after it), the same in both languages, and rests on a
source paragraph (a citation) or says it is practical advice; the build refuses anything else.
The lists get the page's key and a bar with progress, reset, export and import."""

from __future__ import annotations

import html as html_lib
import re

from mkdocs.exceptions import PluginError

from handbook import citations, context, names
from handbook.templates import render

ITEM = re.compile(r'<li class="task-list-item"(?: id="([^"]*)")?>(.*?)</li>', re.S)
LIST = re.compile(r'<ul class="task-list">')
ADVICE_MARKS = ("〔实用建议〕", "(practical advice)")


def page_key(src_uri: str) -> str:
    """The page's checklist key, the same for a page and its translation: guide/first-week."""
    return re.sub(r"(\.[a-z]{2})?\.md$", "", src_uri)


def label_checkbox(match: re.Match) -> str:
    """The checkbox's accessible name is its item's words (the label element holds only the box)."""
    text = re.sub(rf'<a class="{names.CSS["source_link"]}".*?</a>', "", match.group(2), flags=re.S)
    words = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", text)).strip()
    return match.group(0).replace('<input type="checkbox"', f'<input type="checkbox" aria-label="{html_lib.escape(words)}"', 1)


def on_page_content(html, page, config, files):
    if 'class="task-list-item"' not in html:
        return html
    seen = set()
    cited = {f'data-hb-cite="{citation.key}"' for citation in citations.recorded(page)}
    for item_id, content in ITEM.findall(html):
        words = re.sub(r"<[^>]+>", "", content).strip()[:30]
        if not item_id:
            raise PluginError(
                f"{page.file.src_uri}: checklist item “{words}…” has no id. Put `{{ #a-short-id }}` on the "
                "line after it, indented by four spaces; use the same id in the translation."
            )
        if item_id in seen:
            raise PluginError(f"{page.file.src_uri}: checklist id '{item_id}' is used twice on the page.")
        seen.add(item_id)
        if not any(attribute in content for attribute in cited) and not any(mark in content for mark in ADVICE_MARKS):
            raise PluginError(
                f"{page.file.src_uri}: checklist item '{item_id}' (“{words}…”) cites no source. Add a citation "
                "such as [[03-county-speech#p19]], or mark it 〔实用建议〕 / (practical advice)."
            )
    key = page_key(page.file.src_uri)
    html = LIST.sub(f'<ul class="task-list" data-hb-checklist="{key}">', html)
    html = ITEM.sub(label_checkbox, html)
    bar = render("checklist_bar.html", edition=context.edition(config))
    first = html.find('<ul class="task-list"')
    return html[:first] + bar + html[first:]
