"""Turn a raw speech transcript into curated Markdown pages for the source library.

Usage:
    python scripts/import_transcript.py RAW_FILE [--out docs/sources] [--force] [--dry-run]

RAW_FILE is either a compilation (a line "目录", a table of contents, then the documents)
or a single speech (its first non-empty line is the title). Each document becomes one
page: PDF extraction artefacts are cleaned (spaces between Chinese characters, lines broken
in the middle of a sentence) without changing a character of the words, the speech's own
numbered points become headings, and every block gets a paragraph id that is stored in the
page and never renumbered afterwards.

The importer never overwrites a curated page unless --force is given. Metadata it cannot
infer (speaker, audience, sometimes level) is left empty; the build refuses such a page and
names the empty field, so an editor fills it in.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from handbook.markdown_escape import escape as escape_markdown  # the parser reads it back

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = Path(__file__).resolve().parent / "templates"

CHINESE_NUMERAL = "一二三四五六七八九十"
# "一、工作感受": a chapter of a report or speech.
CHAPTER_MARK = re.compile(rf"^[{CHINESE_NUMERAL}]+、")
# "一是…", "二要…", "第一，…": a numbered point inside a speech.
POINT_MARK = re.compile(rf"^(?:[{CHINESE_NUMERAL}]+[是要]|第[{CHINESE_NUMERAL}]+[，、,])")
FIRST_SENTENCE = re.compile(r"^.+?[。！？]")
MAX_HEADING_CHARS = 60
# A line that does not end like a sentence continues on the next line (a PDF line-wrap).
SENTENCE_END = tuple("。！？：；…”’」』）)!?:;")
TOC_ENTRY = re.compile(r"^\s*(\d+)\s*(\S.*?)\s*(\d+)?\s*$")
ASCII_WORD = re.compile(r"[A-Za-z0-9]")

LEVEL_SLUGS = {"省": "province", "市": "city", "区": "district", "县": "county"}
KIND_SLUGS = {"讲话": "speech", "汇报": "work-report", "体会发言": "experience-speech"}


class TranscriptError(Exception):
    """Bad input: the message names the file and line and says how to fix it."""


@dataclass
class Block:
    kind: str  # "paragraph", "chapter" or "point"
    text: str
    line: int  # first line in the raw file
    pid: str = ""
    level: int = 0


@dataclass
class Document:
    title: str
    title_line: int
    last_line: int
    blocks: list[Block] = field(default_factory=list)

    @property
    def kind(self) -> str:
        if self.title.endswith(("讲话", "致辞")):
            return "讲话"
        if self.title.endswith(("汇报", "报告")):
            return "汇报"
        if self.title.endswith("体会发言"):
            return "体会发言"
        return ""

    @property
    def level(self) -> str:
        for marker, level in (("全省", "省"), ("全市", "市"), ("全区", "区"), ("全县", "县"),
                              ("市委", "市"), ("区委", "区"), ("县委", "县"), ("省委", "省")):
            if marker in self.title:
                return level
        return ""

    @property
    def occasion(self) -> str:
        match = re.match(r"^在(.+?)上的(?:讲话|致辞|发言)$", self.title)
        return match.group(1) if match else ""

    @property
    def slug(self) -> str:
        parts = [LEVEL_SLUGS.get(self.level, ""), KIND_SLUGS.get(self.kind, "document")]
        return "-".join(p for p in parts if p)


# -- reading ---------------------------------------------------------------------------------

def read_text(path: Path) -> tuple[str, str]:
    """Return (text, encoding). Clerks' files are often GB18030/GBK: read those too."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise TranscriptError(f"{path}: 无法读取文件（{error.strerror}）。请检查路径。") from error
    if not raw.strip():
        raise TranscriptError(f"{path}:1: 文件是空的。请确认导出的文字稿已保存进这个文件。")
    try:
        return raw.decode("utf-8-sig"), "UTF-8"
    except UnicodeDecodeError as utf8_error:
        try:
            text = raw.decode("gb18030")
        except UnicodeDecodeError:
            line = raw[: utf8_error.start].count(b"\n") + 1
            raise TranscriptError(
                f"{path}:{line}: 文件既不是 UTF-8 也不是 GB18030/GBK 编码，第 {line} 行有无法识别的字节。"
                f"请在编辑器中“另存为 UTF-8”，或运行：iconv -f GBK -t UTF-8 {path.name} > utf8.txt"
            ) from None
        if not re.search(r"[\u4e00-\u9fff]", text):
            line = raw[: utf8_error.start].count(b"\n") + 1
            raise TranscriptError(
                f"{path}:{line}: 文件不是 UTF-8 编码，按 GB18030 读出来也没有汉字。"
                "请在编辑器中“另存为 UTF-8”后再导入。"
            ) from None
        return text, "GB18030"


def clean_line(line: str) -> str:
    """Drop whitespace the PDF put between characters; keep it only between Latin words/digits
    and their neighbours ("依托 12315 和 12345 热线")."""
    line = line.strip()

    def keep_or_drop(match: re.Match) -> str:
        before = line[match.start() - 1]
        after = line[match.end()]
        return " " if ASCII_WORD.match(before) or ASCII_WORD.match(after) else ""

    return re.sub(r"(?<=\S)[\s\u3000]+(?=\S)", keep_or_drop, line)


# -- parsing ---------------------------------------------------------------------------------

def split_documents(path: Path, lines: list[str]) -> list[Document]:
    """Find the documents: after a table of contents ("目录"), or the whole file as one."""
    numbered = [(n, line.strip()) for n, line in enumerate(lines, 1)]
    content = [(n, text) for n, text in numbered if text]
    if content[0][1] != "目录":
        title_line, title = content[0]
        return [Document(clean_line(title), title_line, numbered[-1][0])]

    toc_line = content[0][0]
    toc: list[tuple[int, str]] = []
    for n, text in numbered[toc_line:]:
        if not text:
            if toc:
                break
            continue
        match = TOC_ENTRY.match(text)
        if not match:
            raise TranscriptError(
                f"{path}:{n}: 目录行「{text}」的格式不对。每行应为“序号 标题 页码”，例如“1在全市挂职干部座谈会上的讲话 1”。"
            )
        toc.append((n, clean_line(match.group(2))))
    if not toc:
        raise TranscriptError(f"{path}:{toc_line}: 有“目录”二字，但下面没有目录条目。请补上目录，或删去“目录”一行。")

    body_start = toc[-1][0] + 1
    starts: list[int] = []
    search_from = body_start
    for toc_n, title in toc:
        found = next((n for n, text in numbered[search_from - 1:] if clean_line(text) == title), None)
        if found is None:
            raise TranscriptError(
                f"{path}:{toc_n}: 目录中的标题「{title}」在正文中（第 {body_start} 行以后，按目录顺序）找不到。"
                "请让正文的标题行与目录逐字一致。"
            )
        starts.append(found)
        search_from = found + 1
    ends = [s - 1 for s in starts[1:]] + [numbered[-1][0]]
    return [Document(title, s, e) for (_, title), s, e in zip(toc, starts, ends)]


def parse_blocks(path: Path, lines: list[str], document: Document) -> None:
    """Fill document.blocks: headings from the numbered points, paragraphs, merged line-wraps."""
    blocks: list[Block] = []
    last_text_line = document.title_line
    for n in range(document.title_line + 1, document.last_line + 1):
        text = clean_line(lines[n - 1])
        if not text:
            continue
        last_text_line = n
        heading, rest = split_heading(text)
        if heading:
            blocks.append(Block(heading[0], heading[1], n))
            if rest:
                blocks.append(Block("paragraph", rest, n))
            continue
        previous = blocks[-1] if blocks else None
        if previous and previous.kind == "paragraph" and not previous.text.endswith(SENTENCE_END):
            previous.text += text  # the PDF broke this sentence over two lines
        else:
            blocks.append(Block("paragraph", text, n))
    if not any(b.kind == "paragraph" for b in blocks):
        raise TranscriptError(
            f"{path}:{document.title_line}: 文档「{document.title}」只有标题，没有正文。"
            "请补上正文，或从目录和正文中删去这个标题。"
        )
    document.last_line = last_text_line
    has_chapters = any(b.kind == "chapter" for b in blocks)
    for number, block in enumerate(blocks, 1):
        block.pid = f"p{number}"
        if block.kind == "chapter":
            block.level = 2
        elif block.kind == "point":
            block.level = 3 if has_chapters else 2
    document.blocks = blocks


def split_heading(text: str) -> tuple[tuple[str, str] | None, str]:
    """A numbered point opens a line; its first sentence is the heading, the rest a paragraph."""
    if CHAPTER_MARK.match(text) and len(text) <= MAX_HEADING_CHARS and not text.endswith("。"):
        return ("chapter", text), ""
    if POINT_MARK.match(text):
        match = FIRST_SENTENCE.match(text)
        heading = match.group(0) if match else text
        if len(heading) <= MAX_HEADING_CHARS:
            return ("point", heading), text[len(heading):]
    return None, ""


def parse(path: Path) -> tuple[list[Document], str]:
    text, encoding = read_text(path)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    documents = split_documents(path, lines)
    for document in documents:
        parse_blocks(path, lines, document)
    return documents, encoding


# -- writing ---------------------------------------------------------------------------------

def render_page(document: Document, raw_path: str) -> str:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), keep_trailing_newline=True, autoescape=False
    )
    environment.filters["md_escape"] = escape_markdown
    environment.filters["yaml_str"] = lambda value: '"' + value.replace('"', '\\"') + '"'
    return environment.get_template("source_page.md.j2").render(document=document, raw_path=raw_path)


def existing_pages_by_title(out_dir: Path) -> dict[str, Path]:
    pages = {}
    for page in sorted(out_dir.glob("*.md")):
        match = re.search(r'^title:\s*"?(.+?)"?\s*$', page.read_text(encoding="utf-8"), re.M)
        if match:
            pages[match.group(1)] = page
    return pages


def next_number(out_dir: Path) -> int:
    numbers = [int(m.group(1)) for p in out_dir.glob("*.md") if (m := re.match(r"(\d+)-", p.name))]
    return max(numbers, default=0) + 1


def plan_outputs(documents: list[Document], out_dir: Path, force: bool) -> list[tuple[Document, Path]]:
    existing = existing_pages_by_title(out_dir) if out_dir.exists() else {}
    number = next_number(out_dir) if out_dir.exists() else 1
    planned, refused = [], []
    for document in documents:
        target = existing.get(document.title)
        if target is None:
            target = out_dir / f"{number:02d}-{document.slug}.md"
            number += 1
        elif not force:
            refused.append(f"  {target}（标题「{document.title}」）")
        planned.append((document, target))
    if refused:
        raise TranscriptError(
            "以下页面已经存在，可能已经人工整理过，没有覆盖：\n" + "\n".join(refused)
            + "\n如确实要用导入结果覆盖它们，请加 --force 重新运行（人工修改会丢失）。"
        )
    return planned


def display_path(path: Path) -> str:
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return path.as_posix()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Import a raw transcript into the source library.")
    parser.add_argument("raw_file", type=Path, help="the raw transcript (UTF-8 or GB18030/GBK text)")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "sources",
                        help="folder of the curated pages (default: docs/sources)")
    parser.add_argument("--force", action="store_true", help="overwrite pages that already exist")
    parser.add_argument("--dry-run", action="store_true", help="report what would be written, write nothing")
    args = parser.parse_args(argv)

    try:
        documents, encoding = parse(args.raw_file)
        planned = plan_outputs(documents, args.out, args.force)
    except TranscriptError as error:
        print(f"错误：{error}", file=sys.stderr)
        return 1

    if encoding != "UTF-8":
        print(f"提示：{args.raw_file} 不是 UTF-8，已按 {encoding} 编码读取。", file=sys.stderr)
    raw_path = display_path(args.raw_file)
    for document, target in planned:
        to_fill = [name for name in ("kind", "level", "occasion") if not getattr(document, name)]
        to_fill += ["speaker", "audience"]  # never in the transcript's own words
        print(f"{display_path(target)}: 「{document.title}」，{len(document.blocks)} 段；"
              f"请在页首补填：{', '.join(to_fill)}")
        if not args.dry_run:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(render_page(document, raw_path), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
