"""Reading the text a reader sees out of built HTML."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from bs4 import BeautifulSoup

# Elements the handbook adds around the source text; not part of the words.
UI_SELECTORS = [".hb-para-tools", ".headerlink"]


def soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def squeeze(text: str) -> str:
    """Remove all whitespace (and the U+200B that segmentation may add)."""
    return re.sub(r"[\s\u200b]+", "", text)


def source_words(path: Path) -> str:
    """Title and body text of a built source page, without the handbook's own UI."""
    soup = soup_of(path)
    article = soup.select_one("article")
    for selector in UI_SELECTORS:
        for element in article.select(selector):
            element.decompose()
    title = article.select_one("h1").get_text()
    body = article.select_one(".hb-source-text").get_text()
    return squeeze(title + body)


@dataclass(frozen=True)
class Tags:
    """A page's start tags with their attributes, and the text of its <style> elements."""
    tags: tuple[tuple[str, dict[str, str]], ...]
    styles: tuple[str, ...]

    def having(self, attribute: str, tag: str | None = None) -> list[dict[str, str]]:
        return [attrs for name, attrs in self.tags if attribute in attrs and tag in (None, name)]

    def urls(self) -> list[tuple[str, dict[str, str], str, str]]:
        """(tag, its attributes, attribute, URL) of every URL the page names: in URL attributes,
        each candidate of a srcset, the url() and @import of inline styles and of <style>
        (attribute "text")."""
        found = []
        for name, attrs in self.tags:
            for attribute, value in attrs.items():
                if attribute in URL_ATTRIBUTES:
                    found.append((name, attrs, attribute, value.strip()))
                elif attribute in ("srcset", "imagesrcset"):
                    found += [(name, attrs, attribute, c.split()[0]) for c in value.split(",") if c.strip()]
                elif attribute == "style":
                    found += [(name, attrs, attribute, url) for url in css_urls(value)]
        return found + [("style", {}, "text", url) for style in self.styles for url in css_urls(style)]


URL_ATTRIBUTES = {"href", "src", "poster", "data", "action", "formaction", "background", "xlink:href"}
CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]*)\1\s*\)|@import\s+(['"])([^'"]*)\3""")


def css_urls(css: str) -> list[str]:
    return [(match.group(2) if match.group(2) is not None else match.group(4)).strip() for match in CSS_URL.finditer(css)]


class _TagScanner(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.styles, self.in_style = [], [], False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {name: value or "" for name, value in attrs}))
        self.in_style = tag == "style"
        if self.in_style:
            self.styles.append("")

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, {name: value or "" for name, value in attrs}))

    def handle_endtag(self, tag):
        self.in_style = False

    def handle_data(self, data):
        if self.in_style:
            self.styles[-1] += data


def tags_of(path: Path) -> Tags:
    """The tags of a built page: the checks over every page of the site need its links, ids and
    sources, not a tree (a quarter of the time of a BeautifulSoup parse)."""
    scanner = _TagScanner()
    scanner.feed(path.read_text(encoding="utf-8"))
    scanner.close()
    return Tags(tuple(scanner.tags), tuple(scanner.styles))
