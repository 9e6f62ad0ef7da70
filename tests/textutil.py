"""Reading the text a reader sees out of built HTML."""

from __future__ import annotations

import re
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
