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
    "&lt; 不是 < ，&amp; 不是 &",
    # what starts a block at the start of a paragraph (the importer's edge cases, issue 14)
    "# 以井号开头的一段。",
    "- 12 项任务已完成。",
    "+ 加号开头。",
    "1. 第一条。",
    "2024. 年份后的句点",
    "!!! note 不是提示框。",
]


@pytest.mark.parametrize("words", WORDS)
def test_the_parser_reads_back_what_the_importer_writes(words):
    assert escape.plain_text(escape.escape(words)) == words


@pytest.mark.parametrize("words", WORDS)
def test_a_reader_sees_the_transcripts_words(words):
    from bs4 import BeautifulSoup

    html = python_markdown.markdown(escape.escape(words))
    soup = BeautifulSoup(html, "html.parser")
    assert soup.get_text() == words and not soup.find_all(["img", "em", "strong", "code", "a", "h1", "ul", "ol", "li"])


def test_block_start_escapes_are_only_at_the_start():
    assert escape.escape("- a-b") == "\\- a-b"
    assert escape.escape("1. 第1.5条") == "1\\. 第1.5条"
    assert escape.escape("!a!") == "\\!a!"
    assert escape.plain_text("a\\-b\\.c\\+d\\!") == "a-b.c+d!"


def test_visible_spans_skip_escapes_entities_emphasis_and_line_breaks():
    markdown = "a\\*b**c**\nd&lt;e"
    spans = escape.visible_spans(markdown)
    assert [markdown[a:b] for a, b in spans] == ["a", "\\*", "b", "c", "d", "&lt;", "e"]
    assert escape.plain_text(markdown) == "a*bcd<e"


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
