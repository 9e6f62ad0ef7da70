"""The glossary: fills the glossary page's marker from data/glossary.yml (definition, other
names, English name, and the paragraphs where the term occurs, found by the build), and on
every other page marks the first occurrence of each term so that hovering, focusing or
tapping it shows the definition."""

from __future__ import annotations

import posixpath
import re

from handbook import context, languages, names
from handbook.glossary import Term
from handbook.templates import render, safe
from handbook.han import HAN_CLASS

MARKER = "<!-- glossary -->"
# Text inside these elements is never marked: links, code, headings, controls, existing terms.
SKIP = frozenset({"a", "abbr", "code", "pre", "script", "style", "button", "label", "select", "option",
        "textarea", "title", "h1", "h2", "h3", "h4", "h5", "h6", "summary", "output"})
TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?(/?)>")
# "host unit (接收单位)" or “four nots and two directs” (四不两直): the Chinese is given already.
BRACKETED_CHINESE = re.compile(rf"[”’\"']?\s*[(（][^)）]*[{HAN_CLASS}]")
VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "wbr", "source", "col", "area", "base", "embed"})

def term_pattern(terms: tuple[Term, ...], lang: str) -> tuple[dict[str, Term], re.Pattern]:
    """The names to find in running text: a term and its other names in Chinese; in English its
    English name, as whole words and maybe plural."""
    found = {}
    for term in terms:
        for name in (term.names if lang == "zh" else [term.en]):
            found[name if lang == "zh" else name.lower()] = term
    alternatives = trie(sorted(found, key=len, reverse=True))
    if lang == "zh":
        return found, re.compile(alternatives)
    return found, re.compile(rf"\b(?:{alternatives})(?:s|es)?\b", re.IGNORECASE)


def trie(names: list[str]) -> str:
    """The names as one regular expression that tries them longest first, as their alternation
    would, but shares their beginnings ("host (?:unit|country)"): at each character the engine
    follows one branch, not every name (the English pattern, which ignores case, three times
    faster). The English names are lower case already."""
    if len(names) == 1:
        return re.escape(names[0])
    branches: dict[str, list[str]] = {}
    ends = False
    for name in names:
        if name:
            branches.setdefault(name[0], []).append(name[1:])
        else:
            ends = True
    longest = sorted(branches.items(), key=lambda item: -max(map(len, item[1])))
    inner = "|".join(re.escape(first) + trie(rests) for first, rests in longest)
    if ends:  # a name ends here: the longer ones first, then this one
        return f"(?:{inner})?"
    return f"(?:{inner})" if len(longest) > 1 else inner


def on_page_markdown(markdown, page, config, files):
    if MARKER not in markdown:
        return markdown
    edition = context.edition(config)
    base = posixpath.dirname(page.file.src_uri) or "."
    return markdown.replace(MARKER, render(
        "glossary.md.j2", edition=edition, terms=edition.handbook.glossary.terms, titles=edition.short_title,
        shown=edition.handbook.glossary.occurrences_shown,
        source=lambda slug, pid: safe(posixpath.relpath(names.source_page(slug), base) + f"#{pid}"),
    ))


def on_page_content(html, page, config, files):
    terms = context.of(config).glossary.terms
    if page.file.src_uri.split(".")[0] == names.GLOSSARY_PAGE.split(".")[0] or not terms:
        return html
    return mark_terms(html, patterns_of(config, terms), languages.current(config))


PATTERNS = "_handbook_glossary_patterns"  # each language's term names, pattern and marks, kept on the config


def patterns_of(config, terms: tuple[Term, ...]) -> tuple[dict[str, Term], re.Pattern, dict]:
    """The names and the pattern of this language, compiled once per build, not once per page,
    and the marks rendered so far (the same words give the same mark on every page)."""
    lang = languages.current(config)
    patterns = getattr(config, PATTERNS, None)
    if patterns is None:
        patterns = {}
        setattr(config, PATTERNS, patterns)
    if lang not in patterns:
        patterns[lang] = (*term_pattern(terms, lang), {})
    return patterns[lang]


def term_of(text: str, found: dict[str, Term], lang: str) -> Term:
    if lang == "zh":
        return found[text]
    lowered = text.lower()
    return found.get(lowered) or found.get(lowered[:-1]) or found[lowered[:-2]]


def mark_terms(html: str, names_and_pattern: tuple[dict[str, Term], re.Pattern, dict], lang: str) -> str:
    """Wrap the first occurrence of each term in running text; on English pages, give the
    Chinese after it unless the text already does ("host unit (接收单位)")."""
    found, pattern, marks = names_and_pattern
    done: set[str] = set()
    stack: list[str] = []
    out, position = [], 0

    def replace(match: re.Match) -> str:
        term = term_of(match.group(0), found, lang)
        if term.id in done:
            return match.group(0)
        done.add(term.id)
        add_chinese = lang != "zh" and not BRACKETED_CHINESE.match(match.string, match.end())
        key = (term.id, match.group(0), add_chinese)
        if key not in marks:
            marks[key] = render("glossary_term.html", term=term, text=safe(match.group(0)), lang=lang,
                                add_chinese=add_chinese).strip()
        return marks[key]

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
