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
# "host unit (接收单位)" or “four nots and two directs” (四不两直): the Chinese is given already.
BRACKETED_CHINESE = re.compile(r"[”’\"']?\s*[(（][^)）]*[\u4e00-\u9fff]")
VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "source", "col", "area", "base", "embed"}

terms: list[Term] = []
titles: dict[str, str] = {}
names: dict[str, Term] = {}      # each name a reader meets in this language → its term
pattern: re.Pattern | None = None


@event_priority(-200)  # after static-i18n has chosen this language's files
def on_files(files, config):
    global terms, titles, names, pattern
    terms = load_glossary(config)
    find_occurrences(terms, sources.original_documents(config))
    library = sources.load_library(files, config)
    titles = {slug: doc.meta.get("short_title") or doc.title for slug, doc in library.items()}
    names, pattern = term_pattern(terms, config.theme["language"])
    return files


def term_pattern(terms: list[Term], lang: str) -> tuple[dict[str, Term], re.Pattern]:
    """The names to find in running text: a term and its other names in Chinese; in English its
    English name, as whole words and maybe plural."""
    found = {}
    for term in terms:
        for name in (term.names if lang == "zh" else [term.en]):
            found[name if lang == "zh" else name.lower()] = term
    alternatives = "|".join(re.escape(n) for n in sorted(found, key=len, reverse=True))
    if lang == "zh":
        return found, re.compile(alternatives)
    return found, re.compile(rf"\b(?:{alternatives})(?:s|es)?\b", re.IGNORECASE)


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
    return mark_terms(html, config.theme["language"])


def term_of(text: str, lang: str) -> Term:
    if lang == "zh":
        return names[text]
    lowered = text.lower()
    return names.get(lowered) or names.get(lowered[:-1]) or names[lowered[:-2]]


def mark_terms(html: str, lang: str) -> str:
    """Wrap the first occurrence of each term in running text; on English pages, give the
    Chinese after it unless the text already does ("host unit (接收单位)")."""
    done: set[str] = set()
    stack: list[str] = []
    out, position = [], 0

    def replace(match: re.Match) -> str:
        term = term_of(match.group(0), lang)
        if term.id in done:
            return match.group(0)
        done.add(term.id)
        given = BRACKETED_CHINESE.match(match.string, match.end())
        return render("glossary_term.html", term=term, text=match.group(0), lang=lang,
                      add_chinese=lang != "zh" and not given).strip()

    for tag in TAG.finditer(html):
        text = html[position:tag.start()]
        out.append(pattern.sub(replace, text) if text and not any(t in SKIP for t in stack) else text)
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
