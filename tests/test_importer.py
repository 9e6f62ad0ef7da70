"""The importer: it reproduces every page of the library from its raw file, adds a text with
one command (raw file kept, pending English twin, empty duty file, what is left printed),
revises a text keeping ids and metadata, and refuses bad input with the file, the line and a fix."""

from __future__ import annotations

import shutil
from collections import defaultdict
from pathlib import Path

import pytest
import yaml
from mkdocs.utils.meta import get_data

import import_transcript
from conftest import ROOT
from handbook.sources import parse_document, plain_text

CURATED = sorted(p for p in (ROOT / "docs" / "sources").glob("[0-9]*.md") if p.name.count(".") == 1)
SEED = ROOT / "data" / "raw" / "000_6077559eeb52d273.txt"


def meta_of(path: Path) -> dict:
    return get_data(path.read_text(encoding="utf-8"))[1]


def raw_files() -> dict[str, list[Path]]:
    grouped = defaultdict(list)
    for page in CURATED:
        grouped[meta_of(page)["source_file"]].append(page)
    return grouped


def new_project(tmp_path: Path) -> Path:
    """An empty handbook: the taxonomy, no pages."""
    root = tmp_path / "project"
    (root / "data").mkdir(parents=True)
    (root / "docs" / "sources").mkdir(parents=True)
    shutil.copy(ROOT / "data" / "taxonomy.yml", root / "data")
    return root


def run(capsys, root: Path, *args) -> tuple[int, str, str]:
    code = import_transcript.main([str(a) for a in args] + ["--root", str(root)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def blocks(path: Path) -> list[tuple[str, str]]:
    """(paragraph id, words) of a page; metadata unchecked, as editors fill it later."""
    return [(p.pid, p.text) for p in parse_document(path, "sources/x.md").paragraphs.values()]


def pages(root: Path) -> list[Path]:
    return sorted(p for p in (root / "docs" / "sources").glob("*.md") if p.name.count(".") == 1)


@pytest.mark.parametrize("raw_file", sorted(raw_files()), ids=lambda p: Path(p).name)
def test_importing_each_raw_file_reproduces_its_pages(tmp_path, capsys, raw_file):
    root = new_project(tmp_path)
    code, out, err = run(capsys, root, ROOT / raw_file)
    assert code == 0, err
    generated = {meta_of(p)["title"]: p for p in pages(root)}
    curated = {meta_of(p)["title"]: p for p in raw_files()[raw_file]}
    assert sorted(generated) == sorted(curated)
    for title, page in curated.items():
        assert blocks(generated[title]) == blocks(page), page.name
        assert meta_of(generated[title])["source_lines"] == meta_of(page)["source_lines"]


def test_one_command_adds_a_text_with_its_metadata(tmp_path, capsys):
    root = new_project(tmp_path)
    raw = tmp_path / "总结讲话.txt"
    raw.write_bytes("在全县挂职干部总结会上的讲话\n同志们：\n一要总结经验。\n大家辛苦了。\n".encode("gbk"))
    code, out, err = run(capsys, root, raw, "--speaker", "县委书记", "--audience", "全县挂职干部",
                         "--date", "2024-11")
    assert code == 0, err
    page = root / "docs" / "sources" / "01-county-speech.md"
    meta = meta_of(page)
    assert {k: meta[k] for k in ("kind", "level", "occasion", "speaker", "audience", "date")} == {
        "kind": "讲话", "level": "县", "occasion": "全县挂职干部总结会", "speaker": "县委书记",
        "audience": "全县挂职干部", "date": "2024-11"}
    # the file as received, under data/raw/, named relative to the repository
    assert meta["source_file"] == "data/raw/总结讲话.txt"
    assert (root / meta["source_file"]).read_bytes() == raw.read_bytes()
    # the English twin: a pending translation with the same ids
    twin = page.with_name("01-county-speech.en.md")
    assert meta_of(twin)["pending_translation"] is True
    assert [pid for pid, _ in blocks(twin)] == [pid for pid, _ in blocks(page)]
    assert "Translation pending" in twin.read_text(encoding="utf-8")
    assert meta_of(twin)["title"] == "County-level speech, 2024-11 (document 01, translation pending)"
    # an empty duty registry with instructions
    duties = root / "data" / "duties" / "01-county-speech.yml"
    assert yaml.safe_load(duties.read_text(encoding="utf-8")) == []
    assert "paragraph:" in duties.read_text(encoding="utf-8")
    assert "01-county-speech.en.md" in out and "data/duties/01-county-speech.yml" in out
    assert "元数据尚空" not in out
    # a single speech without a table of contents: its numbered point is a heading
    assert "## 一要总结经验。 { #p2 }" in page.read_text(encoding="utf-8")



def test_the_duty_file_of_an_account_says_what_may_bind(tmp_path, capsys):
    """A work report or experience speech (data/taxonomy.yml: account) tells what one official did:
    its duty file says that only the author's pledges are commitments; a speech's does not."""
    root = new_project(tmp_path)
    for name, text in (("汇报.txt", "挂职干部工作情况汇报\n我到县里挂职一年。\n我将继续努力。\n"),
                       ("讲话.txt", "在全县挂职干部总结会上的讲话\n同志们：\n一要总结经验。\n")):
        (tmp_path / name).write_text(text, encoding="utf-8")
        code, _, err = run(capsys, root, tmp_path / name, "--level", "县", "--occasion", "总结", "--speaker", "县委书记",
                           "--audience", "挂职干部")
        assert code == 0, err
    report = (root / "data" / "duties" / "01-county-work-report.yml").read_text(encoding="utf-8")
    speech = (root / "data" / "duties" / "02-county-speech.yml").read_text(encoding="utf-8")
    assert "only the author's own pledges" in report and "account" not in speech
    assert yaml.safe_load(report) == [] == yaml.safe_load(speech)

def test_missing_metadata_is_listed_at_once(tmp_path, capsys):
    root = new_project(tmp_path)
    raw = tmp_path / "notice.txt"
    raw.write_text("关于做好挂职干部管理工作的通知\n各单位：\n现将有关事项通知如下。\n", encoding="utf-8")
    code, out, err = run(capsys, root, raw)
    assert code == 0, err
    assert "元数据尚空：level, occasion, speaker, audience, date" in out
    assert meta_of(root / "docs" / "sources" / "01-notice.md")["kind"] == "通知"


def test_wrong_options_are_all_refused(tmp_path, capsys):
    root = new_project(tmp_path)
    raw = tmp_path / "a.txt"
    raw.write_text("在全县会议上的讲话\n正文。\n", encoding="utf-8")
    code, out, err = run(capsys, root, raw, "--kind", "演讲", "--level", "乡", "--date", "2024-13")
    assert code == 1
    assert "--kind 演讲" in err and "--level 乡" in err and "--date 2024-13" in err
    assert not pages(root)


def test_headings_follow_the_speech_structure(tmp_path, capsys):
    root = new_project(tmp_path)
    run(capsys, root, SEED)
    report = (root / "docs" / "sources" / "04-work-report.md").read_text(encoding="utf-8")
    assert "## 一、工作感受 { #p2 }" in report
    assert "### 一是基层发展任务繁重。 { #p4 }" in report
    # a numbered point that runs on into its paragraph is split at its first sentence
    assert "### 四是统筹做好民政、文旅、妇女等工作。 { #p23 }\n\n社会救助方面。" in report
    county = (root / "docs" / "sources" / "03-county-speech.md").read_text(encoding="utf-8")
    assert "## 第二、要融入工作，尽快适应角色转变。 { #p9 }" in county


def test_cleaning_keeps_every_character_and_only_drops_spaces():
    assert import_transcript.clean_line("很有信 心、很有感情") == "很有信心、很有感情"
    assert import_transcript.clean_line("依托 12315 和 12345 热线") == "依托 12315 和 12345 热线"
    assert import_transcript.clean_line("出实招, 积极") == "出实招,积极"


def test_a_sentence_broken_over_two_lines_is_joined(tmp_path, capsys):
    root = new_project(tmp_path)
    run(capsys, root, SEED)
    speech = (root / "docs" / "sources" / "05-city-experience-speech.md").read_text(encoding="utf-8")
    assert "竭尽全力为市的改革与发展做贡献。\n{: #p23 }" in speech


def test_a_numbered_point_broken_after_a_comma_stays_one_point(tmp_path, capsys):
    root = new_project(tmp_path)
    raw = tmp_path / "t.txt"
    raw.write_text("在全县会议上的讲话\n同志们：\n二要改进作风，\n深入调查研究。要多到村里走走。\n", encoding="utf-8")
    assert run(capsys, root, raw)[0] == 0
    page = (root / "docs" / "sources" / "01-county-speech.md").read_text(encoding="utf-8")
    assert "## 二要改进作风，深入调查研究。 { #p2 }\n\n要多到村里走走。\n{: #p3 }" in page


def test_gb18030_input_is_read_reported_and_kept_as_received(tmp_path, capsys):
    root = new_project(tmp_path)
    raw = tmp_path / "gbk.txt"
    raw.write_bytes("在全县挂职干部总结会上的讲话\n同志们：\n大家辛苦了。\n".encode("gb18030"))
    code, out, err = run(capsys, root, raw)
    assert code == 0
    assert "GB18030" in err
    assert "大家辛苦了。" in (root / "docs" / "sources" / "01-county-speech.md").read_text(encoding="utf-8")
    assert (root / "data" / "raw" / "gbk.txt").read_bytes() == raw.read_bytes()


# -- edge cases (issue 14) --------------------------------------------------------------------

@pytest.mark.parametrize("title", ['在全县"挂职"干部会上的讲话', "在全县挂职干部会上的讲话\\附件"], ids=["quote", "backslash"])
def test_a_title_with_quotes_or_backslashes_is_safe_yaml_and_guarded(tmp_path, capsys, title):
    root = new_project(tmp_path)
    raw = tmp_path / "t.txt"
    raw.write_text(f"{title}\n同志们：\n谢谢大家。\n", encoding="utf-8")
    assert run(capsys, root, raw)[0] == 0
    [page] = pages(root)
    assert meta_of(page)["title"] == title
    assert parse_document(page, "sources/x.md").paragraphs
    # the same title again: the existing page is found and not overwritten
    code, out, err = run(capsys, root, raw)
    assert code == 1 and page.name in err and "--force" in err
    assert len(pages(root)) == 1


@pytest.mark.parametrize("text", [
    "# 以井号开头的一段。", "- 12 项任务已完成。", "1. 第一条。", "!!! note 不是提示框。",
    "原文中的&lt;和&amp;照录。", "<b>不是标签</b>",
], ids=["hash", "dash", "ordered", "admonition", "entity", "html"])
def test_markdown_significant_text_is_escaped(tmp_path, capsys, text):
    root = new_project(tmp_path)
    raw = tmp_path / "t.txt"
    raw.write_text(f"在全县会议上的讲话\n同志们：\n{text}\n", encoding="utf-8")
    assert run(capsys, root, raw)[0] == 0
    [page] = pages(root)
    paragraph = parse_document(page, "sources/x.md").paragraphs["p2"]
    assert paragraph.heading_level == 0
    assert paragraph.text == import_transcript.clean_line(text)
    import markdown
    html = markdown.markdown(import_transcript.escape_markdown(text))
    assert html.startswith("<p>") and "<b>" not in html and "<li>" not in html
    if "&lt;" in text:
        assert "&amp;lt;" in html  # shown to the reader as "&lt;", not "<"


BAD_INPUTS = {
    "empty": (b"", "gbk.txt:1", "文件是空的"),
    "blank lines only": (b"\n \n", "gbk.txt:1", "文件是空的"),
    "only a BOM": (b"\xef\xbb\xbf", "gbk.txt:1", "文件是空的"),
    "only ideographic spaces": ("\u3000\u3000\n\u3000\n".encode(), "gbk.txt:1", "文件是空的"),
    "undecodable": ("标题\n正文。\n".encode() + b"\xff\xfe\xff\n", "gbk.txt:3", "iconv"),
    "GBK with a UTF-8 line": ("在全县会议上的讲话\n正文。\n".encode("gbk") + "混进来的一行。\n".encode()
                              + "又一行。\n".encode("gbk"), "gbk.txt:3", "混用"),
    "UTF-8 with a GBK line": ("在全县会议上的讲话\n正文。\n".encode() + "混进来的一行。\n".encode("gbk")
                              + "又一行。\n".encode(), "gbk.txt:3", "混用"),
    "NUL bytes": ("在全县会议上的讲话\n正文\x00。\n".encode(), "gbk.txt:2", "NUL"),
    "UTF-16": ("在全县会议上的讲话\n".encode("utf-16"), "gbk.txt:1", "NUL"),
    "control character": ("在全县会议上的讲话\n正文\x07。\n".encode(), "gbk.txt:2", "U+0007"),
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
    root = new_project(tmp_path)
    raw = tmp_path / "gbk.txt"
    raw.write_bytes(content)
    code, out, err = run(capsys, root, raw)
    assert code == 1
    assert where in err and what in err, err
    assert "Traceback" not in err
    assert not pages(root) and not (root / "data" / "raw").exists()


# -- revising ---------------------------------------------------------------------------------

def test_existing_pages_are_not_overwritten_without_force(tmp_path, capsys):
    root = new_project(tmp_path)
    assert run(capsys, root, SEED)[0] == 0
    edited = root / "docs" / "sources" / "01-city-speech.md"
    edited.write_text(edited.read_text(encoding="utf-8").replace('speaker: ""', 'speaker: "市委书记"'), encoding="utf-8")
    code, out, err = run(capsys, root, SEED)
    assert code == 1 and "01-city-speech.md" in err and "--force" in err
    assert 'speaker: "市委书记"' in edited.read_text(encoding="utf-8")



def one_imported_speech(tmp_path: Path, capsys) -> tuple[Path, Path, Path]:
    """A project with one short speech imported: (root, the raw file, its page)."""
    root = new_project(tmp_path)
    raw = tmp_path / "speech.txt"
    raw.write_text("在全区挂职干部座谈会上的讲话\n同志们：\n谢谢大家。\n", encoding="utf-8")
    assert run(capsys, root, raw)[0] == 0
    [page] = pages(root)
    return root, raw, page


@pytest.mark.parametrize("line", ["title: '在全区挂职干部座谈会上的讲话'", "title: 在全区挂职干部座谈会上的讲话",
                                  'title: "在全区\\u6302职干部座谈会上的讲话"'], ids=["single", "plain", "escape"])
def test_a_title_an_editor_rewrote_in_another_yaml_form_is_still_found(tmp_path, capsys, line):
    root, raw, page = one_imported_speech(tmp_path, capsys)
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace('title: "在全区挂职干部座谈会上的讲话"', line, 1), encoding="utf-8")
    assert meta_of(page)["title"] == "在全区挂职干部座谈会上的讲话"
    code, out, err = run(capsys, root, raw)
    assert code == 1 and page.name in err and "--force" in err
    assert len(pages(root)) == 1


def test_a_page_with_broken_front_matter_stops_the_import_with_its_line(tmp_path, capsys):
    """Broken front matter is never read as none: the text would be imported a second time,
    or a revision would drop the page's curated fields."""
    root, raw, page = one_imported_speech(tmp_path, capsys)
    text = page.read_text(encoding="utf-8")
    broken = text.replace('title: "在全区挂职干部座谈会上的讲话"', "title: '在全区挂职干部座谈会上的讲话", 1)
    page.write_text(broken, encoding="utf-8")
    for args in ([raw], [raw, "--force"]):
        code, out, err = run(capsys, root, *args)
        assert code == 1 and f"{page.name}:" in err and "not valid YAML" in err and "front matter" in err
        assert page.read_text(encoding="utf-8") == broken and len(pages(root)) == 1


def test_a_revision_keeps_metadata_and_ids_and_lists_what_cited_vanished_ids(tmp_path, capsys):
    root = new_project(tmp_path)
    first = tmp_path / "v1.txt"
    first.write_text("在全区挂职干部座谈会上的讲话\n同志们：\n第一段不变。\n第二段将被删去。\n第三段不变。\n", encoding="utf-8")
    assert run(capsys, root, first, "--speaker", "区委书记", "--audience", "全区挂职干部")[0] == 0
    page = root / "docs" / "sources" / "01-district-speech.md"
    page.write_text(page.read_text(encoding="utf-8").replace('short_title: ""', 'short_title: "座谈会讲话"'), encoding="utf-8")
    (root / "data" / "duties" / "01-district-speech.yml").write_text(
        "- id: d-1\n  party: cadre\n  theme: role\n  paragraph: p3\n  quote: 第二段\n  summary_zh: 甲\n  summary_en: A\n",
        encoding="utf-8")
    (root / "docs" / "guide.md").write_text("# 指南\n\n- [ ] 读第二段 [[01-district-speech#p3]]\n    { #read }\n\n见 [[01-district-speech#p4]]。\n", encoding="utf-8")
    revised = tmp_path / "v2.txt"
    revised.write_text("在全区挂职干部座谈会上的讲话\n同志们：\n第一段不变。\n新加的一段。\n第三段不变。\n", encoding="utf-8")
    code, out, err = run(capsys, root, revised, "--force")
    assert code == 0, err
    meta = meta_of(page)
    assert (meta["speaker"], meta["audience"], meta["short_title"]) == ("区委书记", "全区挂职干部", "座谈会讲话")
    assert blocks(page) == [("p1", "同志们："), ("p2", "第一段不变。"), ("p5", "新加的一段。"), ("p4", "第三段不变。")]
    assert "p3" in out
    assert "data/duties/01-district-speech.yml:4: duty d-1" in out
    assert "docs/guide.md:3: checklist item [[01-district-speech#p3]]" in out
    assert "guide.md:6" not in out  # p4 is still there
    # the raw files of both versions are kept; the page points at the new one
    assert meta["source_file"] == "data/raw/v2.txt" and (root / "data" / "raw" / "v1.txt").exists()
    # the pending twin follows the revision
    assert [pid for pid, _ in blocks(page.with_name("01-district-speech.en.md"))] == ["p1", "p2", "p5", "p4"]


def test_a_revised_file_of_the_same_name_never_replaces_the_kept_one(tmp_path, capsys):
    root = new_project(tmp_path)
    raw = tmp_path / "speech.txt"
    raw.write_text("在全区挂职干部座谈会上的讲话\n同志们：\n谢谢大家。\n", encoding="utf-8")
    run(capsys, root, raw)
    kept = (root / "data" / "raw" / "speech.txt").read_bytes()
    raw.write_text("在全区挂职干部座谈会上的讲话\n同志们：\n谢谢大家！\n", encoding="utf-8")
    assert run(capsys, root, raw, "--force")[0] == 0
    assert (root / "data" / "raw" / "speech.txt").read_bytes() == kept
    source_file = meta_of(pages(root)[0])["source_file"]
    assert source_file.startswith("data/raw/speech-") and (root / source_file).read_bytes() == raw.read_bytes()


def test_a_new_speech_gets_the_next_number(tmp_path, capsys):
    root = new_project(tmp_path)
    run(capsys, root, SEED)
    raw = tmp_path / "new.txt"
    raw.write_text("在全区挂职干部座谈会上的讲话\n同志们：\n谢谢大家。\n", encoding="utf-8")
    assert run(capsys, root, raw)[0] == 0
    assert (root / "docs" / "sources" / "06-district-speech.md").exists()


def test_dry_run_writes_nothing(tmp_path, capsys):
    root = new_project(tmp_path)
    code, out, err = run(capsys, root, SEED, "--dry-run")
    assert code == 0 and "01-city-speech.md" in out
    assert not pages(root) and not (root / "data" / "raw").exists()


def test_plain_text_reads_back_what_the_importer_escaped():
    for text in ("# 井号", "- 12 项", "3. 条", "!感叹", "a*b_c[d]<e>\\f", "&lt;&amp;"):
        assert plain_text(import_transcript.escape_markdown(text)) == text


def test_the_kind_is_read_from_the_title_by_the_taxonomys_kinds():
    """A kind added to data/taxonomy.yml is recognised from a title, as the seven first ones are."""
    def kind(title, kinds):
        return import_transcript.Document(title, 1, 1).kind(kinds)

    assert kind("关于加强挂职干部管理的决定", ["讲话", "决定"]) == "决定"
    assert kind("关于加强挂职干部管理的决定", ["讲话"]) == ""
    assert kind("在全市挂职干部座谈会上的致辞", ["讲话", "汇报"]) == "讲话"   # another word for a kind
    assert kind("挂职工作情况报告", ["汇报"]) == "汇报"
    assert kind("挂职一年来的体会发言", ["讲话", "体会发言"]) == "体会发言"
