"""The one Markdown escape module: what the importer writes, the parser reads back; what a
template prints from data is never markup."""

from __future__ import annotations

import markdown as python_markdown
import pytest

from handbook import markdown_escape as escape

WORDS = [
    "挂职干部要尽快融入干部群众。",
    "依托 12315 和 12345 热线",
    "a*b*c _d_ `e` [f](g) <img src=x onerror=alert(1)> #h \\i",
    "**不是强调**",
]


@pytest.mark.parametrize("words", WORDS)
def test_the_parser_reads_back_what_the_importer_writes(words):
    assert escape.plain_text(escape.escape(words)) == words


def test_visible_positions_skip_escapes_emphasis_and_line_breaks():
    markdown = "a\\*b**c**\nd"
    positions = escape.visible_positions(markdown)
    assert "".join(markdown[i] for i in positions) == "a*bcd"
    assert escape.plain_text(markdown) == "a*bcd"


INLINE = {
    "html": "<script>alert(1)</script>",
    "attribute": '" onmouseover="alert(1)',
    "link": "[x](javascript:alert(1))",
    "emphasis": "*x* _y_ **z**",
    "code": "`x`",
    "attr_list": "x { onclick=alert(1) }",
    "table": "a | b\n--- | ---",
    "list at line start": "- x",
    "numbered list at line start": "1. x",
    "heading at line start": "# x",
    "new line": "x\n- y",
    "entity": "&lt;script&gt;",
}


@pytest.mark.parametrize("case", INLINE, ids=str)
def test_a_value_from_data_is_never_markup(case):
    from bs4 import BeautifulSoup

    value = INLINE[case]
    html = python_markdown.markdown(escape.inline(value), extensions=["attr_list", "tables"])
    tags = BeautifulSoup(html, "html.parser").find_all(True)
    assert [(t.name, t.attrs) for t in tags] == [("p", {})], html
    assert BeautifulSoup(html, "html.parser").get_text() == value.replace("\n", " ")


def test_a_reader_sees_the_value_itself():
    from bs4 import BeautifulSoup

    value = "责任*共担* <b>要</b> & 1. [a]"
    html = python_markdown.markdown(escape.inline(value))
    assert BeautifulSoup(html, "html.parser").get_text() == value
