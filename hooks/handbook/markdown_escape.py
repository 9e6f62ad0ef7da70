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


# What a reader does not see character for character, in the order visible_spans tries them at
# each position: an escape or an entity (one visible character), emphasis marks and line breaks
# (none). Everything else is one character.
_HIDDEN = re.compile("|".join([r"\\[" + re.escape(READ_SPECIALS) + "]", *map(re.escape, _SOURCE_ENTITIES),
                               *map(re.escape, _EMPHASIS), "\n"]))


def visible_spans(markdown: str) -> list[tuple[int, int]]:
    """For each character a reader sees in a source paragraph, where it stands in the Markdown
    (start, end): an escape or an entity is one character; emphasis marks and line breaks none."""
    spans = []
    index = 0
    for match in _HIDDEN.finditer(markdown):
        start, end = match.span()
        spans.extend((i, i + 1) for i in range(index, start))
        if end - start > 1 and match.group(0) not in _EMPHASIS:  # an escape or an entity
            spans.append((start, end))
        index = end
    spans.extend((i, i + 1) for i in range(index, len(markdown)))
    return spans


def plain_text(markdown: str) -> str:
    """The words a reader sees in a source paragraph's Markdown."""
    return _HIDDEN.sub(_visible, markdown)


def _visible(match: re.Match) -> str:
    token = match.group(0)
    if token in _EMPHASIS or token == "\n":
        return ""
    return _SOURCE_ENTITIES.get(token, token[-1])


def inline(value) -> str:
    """A value from data as Markdown-and-HTML-safe text: character references for every
    character Markdown or HTML reads as syntax, so that it can stand in running text, a link's
    words, a table cell, a heading or an attribute."""
    text = str(value).translate(_INLINE)
    return _LINE_START.sub(lambda m: m.group(1) + "".join(f"&#{ord(c)};" for c in m.group(2)), text)
