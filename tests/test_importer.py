"""The importer: it reproduces the curated pages from the raw seed and refuses bad input
with the file, the line and a fix."""

from __future__ import annotations

from pathlib import Path

import pytest

import import_transcript
from conftest import ROOT
from handbook.sources import parse_document

SEED = ROOT / "data" / "raw" / "000_6077559eeb52d273.txt"
CURATED = ROOT / "docs" / "sources"


def run(capsys, *args) -> tuple[int, str, str]:
    code = import_transcript.main([str(a) for a in args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def blocks(path: Path) -> list[tuple[str, str]]:
    """(paragraph id, words) of a page; metadata unchecked, as editors fill it later."""
    return [(p.pid, p.text) for p in parse_document(path, "sources/x.md").paragraphs.values()]


def test_importing_the_seed_reproduces_the_curated_pages(tmp_path, capsys):
    code, out, err = run(capsys, SEED, "--out", tmp_path)
    assert code == 0, err
    generated = sorted(tmp_path.glob("*.md"))
    curated = sorted(p for p in CURATED.glob("[0-9]*.md") if ".en." not in p.name)
    assert [p.name for p in generated] == [p.name for p in curated]
    for new, old in zip(generated, curated):
        assert blocks(new) == blocks(old), new.name
    assert "请在页首补填" in out


def test_headings_follow_the_speech_structure(tmp_path, capsys):
    run(capsys, SEED, "--out", tmp_path)
    report = (tmp_path / "04-work-report.md").read_text(encoding="utf-8")
    assert "## 一、工作感受 { #p2 }" in report
    assert "### 一是基层发展任务繁重。 { #p4 }" in report
    # a numbered point that runs on into its paragraph is split at its first sentence
    assert "### 四是统筹做好民政、文旅、妇女等工作。 { #p23 }\n\n社会救助方面。" in report
    county = (tmp_path / "03-county-speech.md").read_text(encoding="utf-8")
    assert "## 第二、要融入工作，尽快适应角色转变。 { #p9 }" in county


def test_cleaning_keeps_every_character_and_only_drops_spaces():
    assert import_transcript.clean_line("很有信 心、很有感情") == "很有信心、很有感情"
    assert import_transcript.clean_line("依托 12315 和 12345 热线") == "依托 12315 和 12345 热线"
    assert import_transcript.clean_line("出实招, 积极") == "出实招,积极"


def test_a_sentence_broken_over_two_lines_is_joined(tmp_path, capsys):
    run(capsys, SEED, "--out", tmp_path)
    speech = (tmp_path / "05-city-experience-speech.md").read_text(encoding="utf-8")
    assert "竭尽全力为市的改革与发展做贡献。\n{: #p23 }" in speech


def test_a_single_speech_without_table_of_contents(tmp_path, capsys):
    raw = tmp_path / "speech.txt"
    raw.write_text("在全县挂职干部总结会上的讲话\n\n同志们：\n一要总结经验。\n大家辛苦了。\n", encoding="utf-8")
    out_dir = tmp_path / "out"
    code, out, err = run(capsys, raw, "--out", out_dir)
    assert code == 0, err
    page = (out_dir / "01-county-speech.md").read_text(encoding="utf-8")
    assert 'occasion: "全县挂职干部总结会"' in page and "## 一要总结经验。 { #p2 }" in page


def test_gb18030_input_is_read_and_reported(tmp_path, capsys):
    raw = tmp_path / "gbk.txt"
    raw.write_bytes("在全县挂职干部总结会上的讲话\n同志们：\n大家辛苦了。\n".encode("gb18030"))
    code, out, err = run(capsys, raw, "--out", tmp_path / "out")
    assert code == 0
    assert "GB18030" in err
    assert "大家辛苦了。" in (tmp_path / "out" / "01-county-speech.md").read_text(encoding="utf-8")


BAD_INPUTS = {
    "empty": (b"", "gbk.txt:1", "文件是空的"),
    "blank lines only": (b"\n \n", "gbk.txt:1", "文件是空的"),
    "undecodable": ("标题\n正文。\n".encode() + b"\xff\xfe\xff\n", "gbk.txt:3", "iconv"),
    "toc title not in body": (
        "目录\n1在全市会议上的讲话 1\n2不存在的讲话 5\n\n在全市会议上的讲话\n同志们好。\n".encode(),
        "gbk.txt:3", "在正文中",
    ),
    "toc line malformed": ("目录\n第一篇讲话\n\n第一篇讲话\n正文。\n".encode(), "gbk.txt:2", "目录行"),
    "document without text": (
        "目录\n1甲讲话 1\n2乙讲话 2\n\n甲讲话\n正文。\n乙讲话\n\n".encode(), "gbk.txt:7", "没有正文",
    ),
}


@pytest.mark.parametrize("case", BAD_INPUTS, ids=str)
def test_bad_input_is_refused_with_line_and_fix(tmp_path, capsys, case):
    content, where, what = BAD_INPUTS[case]
    raw = tmp_path / "gbk.txt"
    raw.write_bytes(content)
    code, out, err = run(capsys, raw, "--out", tmp_path / "out")
    assert code == 1
    assert where in err and what in err
    assert not (tmp_path / "out").exists()


def test_existing_pages_are_not_overwritten_without_force(tmp_path, capsys):
    assert run(capsys, SEED, "--out", tmp_path)[0] == 0
    edited = tmp_path / "01-city-speech.md"
    edited.write_text(edited.read_text(encoding="utf-8").replace('speaker: ""', 'speaker: "市委书记"'), encoding="utf-8")
    code, out, err = run(capsys, SEED, "--out", tmp_path)
    assert code == 1 and "01-city-speech.md" in err and "--force" in err
    assert 'speaker: "市委书记"' in edited.read_text(encoding="utf-8")
    assert run(capsys, SEED, "--out", tmp_path, "--force")[0] == 0
    assert 'speaker: ""' in edited.read_text(encoding="utf-8")


def test_a_new_speech_gets_the_next_number(tmp_path, capsys):
    run(capsys, SEED, "--out", tmp_path)
    raw = tmp_path / "new.txt"
    raw.write_text("在全区挂职干部座谈会上的讲话\n同志们：\n谢谢大家。\n", encoding="utf-8")
    assert run(capsys, raw, "--out", tmp_path)[0] == 0
    assert (tmp_path / "06-district-speech.md").exists()
