"""Turn a raw speech transcript into curated Markdown pages for the source library.

Usage:
    python3 scripts/import_transcript.py FILE [--kind K] [--level L] [--occasion O]
        [--speaker S] [--audience A] [--date YYYY-MM] [--force] [--dry-run] [--root DIR]

FILE is either a compilation (a line "目录", a table of contents, then the documents)
or a single speech (its first non-empty line is the title). Each document becomes one
page: PDF extraction artefacts are cleaned (spaces between Chinese characters, lines broken
in the middle of a sentence) without changing a character of the words, the speech's own
numbered points become headings, and every block gets a paragraph id that is stored in the
page and never renumbered afterwards.

One command adds a text: the file is kept as received under data/raw/, the Chinese page is
written with its metadata (options, else what the title says), the English twin as a pending
translation, data/duties/<page>.yml as an empty list; what is left for the editor is printed.
Metadata left empty is listed all at once, and the build refuses the page until it is filled.

The importer never overwrites a curated page unless --force is given. With --force it revises:
hand-filled metadata and the ids of unchanged paragraphs are kept, new paragraphs get new ids,
and every duty, citation and checklist item that cites a vanished id is listed.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))  # this copy's code, also without `pip install -e .`

from handbook import references, schema, sources  # noqa: E402  (the build's own reading and schema)
from handbook.han import has_han  # noqa: E402
from handbook.markdown_escape import escape as escape_markdown  # noqa: E402  (the parser reads it back)
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
MID_SENTENCE = tuple("，、,")
TOC_ENTRY = re.compile(r"^\s*(\d+)\s*(\S.*?)\s*(\d+)?\s*$")
ASCII_WORD = re.compile(r"[A-Za-z0-9]")

CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
METADATA = ("kind", "level", "occasion", "speaker", "audience", "date")
DATE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
# A title ends on its kind (data/taxonomy.yml's kinds), or on one of these other words for one.
KIND_SYNONYMS = {"致辞": "讲话", "报告": "汇报"}


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

    def kind(self, kinds) -> str:
        """The kind the title ends on: one of `kinds` (the taxonomy's), or a synonym of one."""
        endings = {**{word: kind for word, kind in KIND_SYNONYMS.items() if kind in kinds}, **{kind: kind for kind in kinds}}
        return next((endings[ending] for ending in sorted(endings, key=len, reverse=True)
                     if self.title.endswith(ending)), "")

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

    def inferred(self, kinds) -> dict[str, str]:
        """What the title says about the metadata (never speaker, audience or date)."""
        return {"kind": self.kind(kinds), "level": self.level, "occasion": self.occasion}


# -- reading ---------------------------------------------------------------------------------

def read_text(path: Path) -> tuple[str, str]:
    """Return (text, encoding). Clerks' files are often GB18030/GBK: read those too, but refuse
    a file that mixes encodings or holds control characters, with the line to fix."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise TranscriptError(f"{path}: 无法读取文件（{error.strerror}）。请检查路径。") from error
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise TranscriptError(f"{path}:1: 文件是 UTF-16 编码（含 NUL 字节）。请在编辑器中“另存为 UTF-8 纯文本（.txt）”后再导入。")
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        raise TranscriptError(
            f"{path}:{line}: 文件含有 NUL 字节（可能是 UTF-16 或 Word 文件，不是纯文本）。"
            "请在编辑器中“另存为 UTF-8 纯文本（.txt）”后再导入。"
        )
    try:
        text, encoding = raw.decode("utf-8-sig"), "UTF-8"
    except UnicodeDecodeError as utf8_error:
        text, encoding = decode_gb18030(path, raw, utf8_error), "GB18030"
    if not text.replace("\ufeff", "").strip():
        raise TranscriptError(f"{path}:1: 文件是空的（只有空白或 BOM）。请确认导出的文字稿已保存进这个文件。")
    if control := CONTROL.search(text):
        line = text[: control.start()].count("\n") + 1
        raise TranscriptError(
            f"{path}:{line}: 第 {line} 行有控制字符 U+{ord(control.group()):04X}，文字稿中不应出现。"
            "请在编辑器中删去这个字符（它通常不可见）后再导入。"
        )
    return text, encoding


def decode_gb18030(path: Path, raw: bytes, utf8_error: UnicodeDecodeError) -> str:
    """Not UTF-8 as a whole: GB18030/GBK, unless its lines mix the two (a fragment pasted in)."""
    lines = [(n, line) for n, line in enumerate(raw.split(b"\n"), 1) if not line.isascii()]
    utf8 = [n for n, line in lines if is_utf8(line)]
    other = [n for n, line in lines if not is_utf8(line)]
    if utf8 and len(utf8) >= len(other) and is_gb18030(dict(lines)[other[0]]):
        odd, majority, minority = other[0], "UTF-8", "不是 UTF-8（多半是 GBK）"
    elif utf8 and len(utf8) < len(other):
        odd, majority, minority = utf8[0], "GBK/GB18030", "是 UTF-8"
    else:
        odd = 0
    if odd:
        raise TranscriptError(
            f"{path}:{odd}: 文件混用了两种编码：大部分是 {majority}，第 {odd} 行{minority}。"
            "这样的文件会读成乱码。请把这几行在编辑器中改用同一种编码（整个文件“另存为 UTF-8”），"
            "核对文字后再导入。"
        )
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError:
        line = raw[: utf8_error.start].count(b"\n") + 1
        raise TranscriptError(
            f"{path}:{line}: 文件既不是 UTF-8 也不是 GB18030/GBK 编码，第 {line} 行有无法识别的字节。"
            f"请在编辑器中“另存为 UTF-8”，或运行：iconv -f GBK -t UTF-8 {path.name} > utf8.txt"
        ) from None
    if not has_han(text):
        line = raw[: utf8_error.start].count(b"\n") + 1
        raise TranscriptError(
            f"{path}:{line}: 文件不是 UTF-8 编码，按 GB18030 读出来也没有汉字。"
            "请在编辑器中“另存为 UTF-8”后再导入。"
        ) from None
    return text


def is_gb18030(data: bytes) -> bool:
    try:
        return has_han(data.decode("gb18030"))
    except UnicodeDecodeError:
        return False


def is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def read_lines(path: Path) -> list[str]:
    """The file's lines as the importer numbers them (source_lines in the pages)."""
    text, _ = read_text(path)
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


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
    carried: tuple[int, str] | None = None  # a numbered point broken after a comma
    for n in range(document.title_line + 1, document.last_line + 1):
        text = clean_line(lines[n - 1])
        if not text:
            continue
        last_text_line = n
        start = n
        if carried:
            (start, head), carried = carried, None
            text = head + text
        if POINT_MARK.match(text) and text.endswith(MID_SENTENCE) and not FIRST_SENTENCE.match(text):
            carried = (start, text)  # "二要改进作风，" / "深入调查研究。": one point
            continue
        add_line(blocks, start, text)
    if carried:
        add_line(blocks, *carried)
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


def add_line(blocks: list[Block], n: int, text: str) -> None:
    heading, rest = split_heading(text)
    if heading:
        blocks.append(Block(heading[0], heading[1], n))
        if rest:
            blocks.append(Block("paragraph", rest, n))
        return
    previous = blocks[-1] if blocks else None
    if previous and previous.kind == "paragraph" and not previous.text.endswith(SENTENCE_END):
        previous.text += text  # the PDF broke this sentence over two lines
    else:
        blocks.append(Block("paragraph", text, n))


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

def yaml_str(value: str) -> str:
    """A YAML double-quoted scalar (JSON's escaping is valid YAML): safe for `\\` and `"`."""
    return json.dumps(str(value), ensure_ascii=False)


def environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), keep_trailing_newline=True,
                             autoescape=False, undefined=jinja2.StrictUndefined)
    env.filters["md_escape"] = escape_markdown
    env.filters["yaml_str"] = yaml_str
    return env


class Project:
    """The folders of the handbook the importer writes to (a copy of it in the tests)."""

    def __init__(self, root: Path):
        self.root = root.resolve()
        self.sources = self.root / "docs" / "sources"
        self.raw = self.root / "data" / "raw"
        self.duties = self.root / "data" / "duties"
        taxonomy = self.root / "data" / "taxonomy.yml"
        if not taxonomy.is_file():
            raise TranscriptError(f"{taxonomy}: 找不到。--root 应指向手册的根目录（有 docs/ 和 data/ 的那一层）。")
        try:  # the build's own schema: the importer writes only what the build accepts
            self.taxonomy = schema.load("taxonomy.yml", taxonomy).model_dump()
        except PluginError as error:
            raise TranscriptError(str(error)) from error

    def relative(self, path: Path) -> str:
        try:
            return path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    def chinese_pages(self) -> list[Path]:
        return sorted(p for p in self.sources.glob("[0-9]*.md") if p.name.count(".") == 1)

    def slug(self, meta: dict) -> str:
        parts = [self.taxonomy["levels"].get(meta["level"], {}).get("slug", ""),
                 self.taxonomy["kinds"].get(meta["kind"], {}).get("slug", "document")]
        return "-".join(p for p in parts if p)


FRONT_MATTER = re.compile(r"^---\n(.*?)\n---\n", re.S)
# The title as the importer writes it: one line, a double-quoted scalar (JSON is valid YAML).
QUOTED_TITLE = re.compile(r'^title: ("(?:[^"\\\n]|\\.)*")[ \t]*$', re.M)


def front_matter(path: Path) -> dict:
    """A page's front matter, read as the build reads it: broken front matter is an error here
    too, never taken for none (that would lose the curated fields of a revised page)."""
    try:
        return sources.split_front_matter(schema.read_text(path), path)[0]
    except PluginError as error:
        raise TranscriptError(f"{error}\n请先修好这个页面的 front matter（两行 --- 之间的元数据），再运行导入。") from None


def title_of(path: Path) -> str:
    """The page's title; the importer's own one-line form is read without a YAML parser (a
    run reads every page's title), any other form with the build's reader."""
    text = path.read_text(encoding="utf-8")
    match = FRONT_MATTER.match(text)
    title = QUOTED_TITLE.search(match.group(1)) if match else None
    if title:
        with contextlib.suppress(ValueError):
            return str(json.loads(title.group(1)))
    return str(front_matter(path).get("title", ""))


@dataclass
class Plan:
    document: Document
    target: Path
    meta: dict
    existing: dict | None = None  # front matter of the page being revised
    vanished: list[str] = field(default_factory=list)  # ids of the old page no longer in the text


def check_options(options: dict, taxonomy: dict) -> None:
    """Every wrong option at once, with the values allowed."""
    errors = []
    for name, vocabulary in (("kind", "kinds"), ("level", "levels")):
        if options.get(name) and options[name] not in taxonomy[vocabulary]:
            errors.append(f"--{name} {options[name]}：只能是 {'、'.join(taxonomy[vocabulary])} 之一"
                          "（或先在 data/taxonomy.yml 中增加）")
    if options.get("date") and not DATE.match(options["date"]):
        errors.append(f"--date {options['date']}：请写成年-月，如 --date 2024-05")
    if errors:
        raise TranscriptError("选项有误：\n  " + "\n  ".join(errors))


def plan_outputs(documents: list[Document], project: Project, options: dict, force: bool) -> list[Plan]:
    # One scan of the library: each page's title (to revise a text already imported) and the
    # next free number (from the file names).
    pages = project.chinese_pages()
    existing = {title_of(page): page for page in pages}
    numbers = [int(m.group(1)) for p in pages if (m := re.match(r"(\d+)-", p.name))]
    number = max(numbers, default=0) + 1
    plans, refused = [], []
    for document in documents:
        target = existing.get(document.title)
        old_meta = front_matter(target) if target else None
        meta = {name: options.get(name) or (old_meta or {}).get(name) or document.inferred(project.taxonomy["kinds"]).get(name, "")
                for name in METADATA}
        meta = {name: str(value) for name, value in meta.items()}
        if target is None:
            target = project.sources / f"{number:02d}-{project.slug(meta)}.md"
            number += 1
        elif not force:
            refused.append(f"  {project.relative(target)}（标题「{document.title}」）")
        plans.append(Plan(document, target, meta, old_meta))
    if refused:
        raise TranscriptError(
            "以下页面已经存在，可能已经人工整理过，没有覆盖：\n" + "\n".join(refused)
            + "\n如要用修订后的文字稿更新它们，请加 --force 重新运行：已填写的元数据和未改动段落的编号都会保留。"
        )
    return plans


def keep_ids(plan: Plan) -> None:
    """A revised text keeps the ids of its unchanged blocks; new blocks get unused numbers."""
    try:
        old = sources.parse_document(plan.target, f"sources/{plan.target.name}").paragraphs
    except PluginError as error:
        raise TranscriptError(f"{plan.target}: 原页面无法读取，不能保留段落编号：{error}") from None
    by_text: dict[str, list[str]] = {}
    for paragraph in old.values():
        by_text.setdefault(paragraph.text, []).append(paragraph.pid)
    unused = max((p.number for p in old.values()), default=0) + 1
    kept = set()
    for block in plan.document.blocks:
        if by_text.get(block.text):
            block.pid = by_text[block.text].pop(0)
            kept.add(block.pid)
        else:
            block.pid, unused = f"p{unused}", unused + 1
    plan.vanished = [pid for pid in old if pid not in kept]


def store_raw(source: Path, project: Project, dry_run: bool) -> Path:
    """Keep the file as received (bytes unchanged) under data/raw/; a different file of the same
    name gets its hash in the name, so a revision never alters the record of an earlier text."""
    if source.resolve().parent == project.raw:
        return source.resolve()
    data = source.read_bytes()
    target = project.raw / source.name
    if target.exists() and target.read_bytes() != data:
        target = project.raw / f"{source.stem}-{hashlib.sha256(data).hexdigest()[:8]}{source.suffix}"
    if not dry_run:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return target


def write_plan(plan: Plan, project: Project, raw_path: str, env: jinja2.Environment) -> list[str]:
    """Write the page, its English twin (unless translated) and its duty file; return notes."""
    notes = []
    context = {"document": plan.document, "meta": plan.meta, "raw_path": raw_path,
               "short_title": str((plan.existing or {}).get("short_title") or ""),
               "kinds": " / ".join(project.taxonomy["kinds"]), "levels": " / ".join(project.taxonomy["levels"])}
    context["english_title"] = english_title(plan, project.taxonomy)
    plan.target.parent.mkdir(parents=True, exist_ok=True)
    plan.target.write_text(env.get_template("source_page.md.j2").render(**context), encoding="utf-8")
    twin = plan.target.with_name(plan.target.stem + ".en.md")
    if not twin.exists() or front_matter(twin).get("pending_translation"):
        twin.write_text(env.get_template("pending_translation.md.j2").render(**context), encoding="utf-8")
        notes.append(f"英文版 {project.relative(twin)} 暂为“译文待补”页（显示中文原文）；"
                     "翻译后删去其中的 pending_translation 一行，改为 translation: reference。")
    else:
        notes.append(f"英文译文 {project.relative(twin)} 未改动：请按新的中文页更新它"
                     f"（段落编号须与中文一致，共 {len(plan.document.blocks)} 段）。")
    duties = project.duties / f"{plan.target.stem}.yml"
    if not duties.exists():
        duties.parent.mkdir(parents=True, exist_ok=True)
        account = project.taxonomy["kinds"].get(plan.meta["kind"], {}).get("account", False)
        duties.write_text(env.get_template("duties.yml.j2").render(**context, page=project.relative(plan.target),
                                                                   account=account), encoding="utf-8")
    notes.append(f"职责登记 {project.relative(duties)}：逐条登记本文提出的职责（文件开头有填写说明）。")
    return notes


def english_title(plan: Plan, taxonomy: dict) -> str:
    """A pending translation's title, in English from the metadata, until a translator gives one:
    "District-level speech, 2025-07 (document 06, translation pending)"."""
    kind = taxonomy["kinds"].get(plan.meta["kind"], {}).get("en", "Document")
    level = taxonomy["levels"].get(plan.meta["level"], {}).get("en")
    title = f"{level}-level {kind.lower()}" if level else kind
    date = f", {plan.meta['date']}" if plan.meta["date"] else ""
    return f"{title}{date} (document {plan.target.name.split('-')[0]}, translation pending)"


def vanished_references(plan: Plan, project: Project) -> list[str]:
    slug = plan.target.stem
    found = [r for r in references.all_references(project.root)
             if r.slug == slug and r.pid in plan.vanished]
    return [r.describe(project.root) for r in found]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Add a raw transcript to the source library (or revise one).")
    parser.add_argument("raw_file", type=Path, help="the raw transcript (UTF-8 or GB18030/GBK text)")
    for name, example in (("kind", "讲话"), ("level", "市"), ("occasion", "全市挂职干部座谈会"),
                          ("speaker", "市委书记"), ("audience", "在本市挂职的全体干部"), ("date", "2024-05")):
        parser.add_argument(f"--{name}", help=f"front matter '{name}', e.g. {example}")
    parser.add_argument("--force", action="store_true",
                        help="revise pages that exist: keeps filled metadata and the ids of unchanged paragraphs")
    parser.add_argument("--dry-run", action="store_true", help="report what would be written, write nothing")
    parser.add_argument("--root", type=Path, default=ROOT, help="the handbook's folder (default: this repository)")
    args = parser.parse_args(argv)
    options = {name: (getattr(args, name) or "").strip() for name in METADATA}

    try:
        project = Project(args.root)
        check_options(options, project.taxonomy)
        documents, encoding = parse(args.raw_file)
        plans = plan_outputs(documents, project, options, args.force)
        for plan in plans:
            if plan.existing is not None:
                keep_ids(plan)
    except TranscriptError as error:
        print(f"错误：{error}", file=sys.stderr)
        return 1

    if encoding != "UTF-8":
        print(f"提示：{args.raw_file} 不是 UTF-8，已按 {encoding} 编码读取（原文件照原样保存）。", file=sys.stderr)
    raw = store_raw(args.raw_file, project, args.dry_run)
    print(f"原文：{project.relative(raw)}")
    env = environment()
    for plan in plans:
        action = "更新" if plan.existing is not None else "新增"
        print(f"\n{action} {project.relative(plan.target)}：「{plan.document.title}」，{len(plan.document.blocks)} 段")
        todo = [f"{name}" for name in METADATA if not plan.meta[name]]
        notes = [] if args.dry_run else write_plan(plan, project, project.relative(raw), env)
        if plan.vanished:
            cited = vanished_references(plan, project)
            print(f"  修订后不再有的段落：{', '.join(plan.vanished)}"
                  + ("；引用它们的地方（请改指新的段落或删去）：\n" + "\n".join(cited) if cited else "；没有地方引用它们。"))
        print("  还需编辑完成：")
        if todo:
            print(f"  - 页首元数据尚空：{', '.join(todo)}（构建会拒绝必填项为空的页面；date 不详可留空）。"
                  f"可直接编辑页首，或加上 --{' --'.join(todo)} 选项用 --force 重新导入。")
        for note in notes:
            print(f"  - {note}")
    if plans and not args.dry_run:
        # the derived everyday words are checked against the texts' words (tests/test_search.py)
        print("\n文库用词变了：请运行 python scripts/derive_search_vocabulary.py 重新推导搜索词汇"
              "（需 requirements-derive.txt，约五分钟），审阅 data/search_vocabulary.yml 的改动后一并提交。")
    return 0


if __name__ == "__main__":
    sys.exit(main())
