"""Markdown escapes, in one place: how the importer writes a transcript's words into a source
page, how the parser reads them back, how duty marks find a quote's characters, and how the
templates put a value from data into Markdown.

Two directions:
- source pages keep the words readable in Markdown: a backslash before each character that
  Markdown would read as syntax (`escape`); `plain_text` and `visible_spans` undo it;
- values from data or front matter that reach generated Markdown are escaped for Markdown and
  HTML at once, as character references (`inline`), which neither Markdown nor HTML reads as
  syntax, and which a reader sees as the character itself.
"""

from __future__ import annotations

import re

# Characters a source page escapes with a backslash (Python-Markdown's escapable set, of which
# these occur or could occur in a transcript), and the two it writes as entities: `<` has no
# backslash escape in Python-Markdown, and `&` would start an entity.
SOURCE_SPECIALS = "\\`*_[]>#"
_SOURCE_SPECIAL = re.compile("([" + re.escape(SOURCE_SPECIALS) + "])")
# What starts a block only at the start of a paragraph (a list item, an admonition, a numbered
# item "1."): escaped there only, so these are read back as escapes too.
_BLOCK_START = re.compile(r"^(?:([-+!])|\d+(?=\.))")
READ_SPECIALS = SOURCE_SPECIALS + "-+.!"
_SOURCE_ENTITIES = {"&amp;": "&", "&lt;": "<"}
_EMPHASIS = ("**", "__")

# Characters that HTML or inline Markdown (with attr_list and tables) reads as syntax.
_INLINE = {ord(c): f"&#{ord(c)};" for c in "\\`*_{}[]()<>#|!~^&\"'"}
_INLINE.update({ord("&"): "&amp;", ord("<"): "&lt;", ord(">"): "&gt;", ord('"'): "&quot;",
                ord("\n"): " ", ord("\r"): " "})  # a value never starts a new line
# What makes a block of its own at the start of a line: a list item, a numbered item, a setext
# underline or a heading.
_LINE_START = re.compile(r"^(\s*)([-+=]|\d+(?=[.)]))")


def escape(text: str) -> str:
    """A transcript's words as source-page Markdown (the words a reader sees are unchanged)."""
    text = _SOURCE_SPECIAL.sub(r"\\\1", text.replace("&", "&amp;").replace("<", "&lt;"))
    match = _BLOCK_START.match(text)
    if match is None:
        return text
    if match.group(1):  # "-", "+", "!"
        return "\\" + text
    return text[: match.end()] + "\\" + text[match.end():]  # "1." → "1\."


def visible_spans(markdown: str) -> list[tuple[int, int]]:
    """For each character a reader sees in a source paragraph, where it stands in the Markdown
    (start, end): an escape or an entity is one character; emphasis marks and line breaks none."""
    spans = []
    index = 0
    while index < len(markdown):
        if markdown[index] == "\\" and index + 1 < len(markdown) and markdown[index + 1] in READ_SPECIALS:
            spans.append((index, index + 2))
            index += 2
        elif entity := next((e for e in _SOURCE_ENTITIES if markdown.startswith(e, index)), None):
            spans.append((index, index + len(entity)))
            index += len(entity)
        elif markdown.startswith(_EMPHASIS, index):
            index += 2
        elif markdown[index] == "\n":  # a line break inside a paragraph joins its lines
            index += 1
        else:
            spans.append((index, index + 1))
            index += 1
    return spans


def plain_text(markdown: str) -> str:
    """The words a reader sees in a source paragraph's Markdown."""
    return "".join(_SOURCE_ENTITIES.get(markdown[a:b], markdown[b - 1]) for a, b in visible_spans(markdown))


def inline(value) -> str:
    """A value from data as Markdown-and-HTML-safe text: character references for every
    character Markdown or HTML reads as syntax, so that it can stand in running text, a link's
    words, a table cell, a heading or an attribute."""
    text = str(value).translate(_INLINE)
    return _LINE_START.sub(lambda m: m.group(1) + "".join(f"&#{ord(c)};" for c in m.group(2)), text)
