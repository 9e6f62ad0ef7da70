"""The glossary: fills the glossary page's marker from data/glossary.yml (definition, other
names, English name, and the paragraphs where the term occurs, found by the build), and on
every other page marks the first occurrence of each term so that hovering, focusing or
tapping it shows the definition."""

from __future__ import annotations

import posixpath
import re

from mkdocs.plugins import event_priority

from handbook import sources
from handbook.glossary import Term, find_occurrences, load_glossary
from handbook.templates import render

MARKER = "<!-- glossary -->"
GLOSSARY_PAGE = "glossary.md"
# Text inside these elements is never marked: links, code, headings, controls, existing terms.
SKIP = {"a", "abbr", "code", "pre", "script", "style", "button", "label", "select", "option",
        "textarea", "title", "h1", "h2", "h3", "h4", "h5", "h6", "summary", "output"}
TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?(/?)>")
VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "source", "col", "area", "base", "embed"}

terms: list[Term] = []
titles: dict[str, str] = {}


@event_priority(-200)  # after static-i18n has chosen this language's files
def on_files(files, config):
    global terms, titles
    terms = load_glossary(config)
    find_occurrences(terms, sources.original_documents(config))
    library = sources.load_library(files, config)
    titles = {slug: doc.meta.get("short_title") or doc.title for slug, doc in library.items()}
    return files


def on_page_markdown(markdown, page, config, files):
    if MARKER not in markdown:
        return markdown
    base = posixpath.dirname(page.file.src_uri) or "."
    return markdown.replace(MARKER, render(
        "glossary.md.j2", terms=terms, lang=config.theme["language"], titles=titles,
        source=lambda slug, pid: posixpath.relpath(f"sources/{slug}.md", base) + f"#{pid}",
    ))


def on_page_content(html, page, config, files):
    if page.file.src_uri.split(".")[0] == GLOSSARY_PAGE.split(".")[0] or not terms:
        return html
    lang = config.theme["language"]
    glossary_url = files.get_file_from_path(GLOSSARY_PAGE)
    link = glossary_url.url_relative_to(page.file) if glossary_url else ""
    return mark_terms(html, lang, link)


def mark_terms(html: str, lang: str, glossary_link: str) -> str:
    """Wrap the first occurrence of each term (or other name) in running text."""
    names = {}
    for term in terms:
        for name in (term.names if lang == "zh" else [term.en]):
            names[name.lower() if lang != "zh" else name] = term
    pattern = re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)),
                         re.IGNORECASE if lang != "zh" else 0)
    done: set[str] = set()
    stack: list[str] = []
    out, position = [], 0

    def mark_text(text: str) -> str:
        def replace(match: re.Match) -> str:
            term = names[match.group(0).lower() if lang != "zh" else match.group(0)]
            if term.id in done:
                return match.group(0)
            done.add(term.id)
            return render("glossary_term.html", term=term, text=match.group(0), lang=lang,
                          href=f"{glossary_link}#{term.id}").strip()
        return pattern.sub(replace, text)

    for tag in TAG.finditer(html):
        text = html[position:tag.start()]
        out.append(mark_text(text) if text and not any(t in SKIP for t in stack) else text)
        closing, name, self_closing = tag.group(1), tag.group(2).lower(), tag.group(3)
        if closing:
            if name in stack:
                del stack[len(stack) - 1 - stack[::-1].index(name):]
        elif name not in VOID and not self_closing:
            stack.append(name)
        out.append(tag.group(0))
        position = tag.end()
    out.append(html[position:])
    return "".join(out)
