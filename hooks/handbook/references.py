"""Where the handbook points at a paragraph of a source document: duty entries
(data/duties/<slug>.yml), citations `[[slug#pN]]` in docs/ (checklist items among them) and the
duty ids of `<!-- duty-refs: … -->` markers. Read as text with file and line, so that the
importer (re-import with --force) and the build (a deleted document) can list every reference
a revision leaves dangling."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

CITATION = re.compile(r"\[\[([0-9a-z-]+)#(p\d+)\]\]")
CHECKLIST_ITEM = re.compile(r"^\s*[-*+] \[[ xX]\]")
DUTY_ID = re.compile(r"^-\s+id:\s*[\"']?([^\"'#\s]+)")
DUTY_PARAGRAPH = re.compile(r"^\s+paragraph:\s*[\"']?(p\d+)")
DUTY_REFS = re.compile(r"<!--\s*duty-refs:\s*([\w\s-]*?)\s*-->")


@dataclass(frozen=True)
class Reference:
    path: Path
    line: int
    slug: str
    pid: str
    kind: str  # "duty", "citation", "checklist item" or "duty-refs"
    label: str  # the duty id, or the citation as written

    def describe(self, root: Path, paragraphs: dict[str, set[str]] | None = None) -> str:
        """File and line, what refers, to what; with the library's paragraphs, also why it is dangling."""
        try:
            where = self.path.relative_to(root).as_posix()
        except ValueError:
            where = self.path.as_posix()
        line = f"  {where}:{self.line}: {self.kind} {self.label} → {self.slug}#{self.pid}"
        if paragraphs is None:
            return line
        if self.slug not in paragraphs:
            return f"{line}: names no source document (there is no docs/sources/{self.slug}.md)"
        numbers = sorted(int(pid[1:]) for pid in paragraphs[self.slug])
        return f"{line}: paragraph '{self.pid}' does not exist in {self.slug} (it has p{numbers[0]} to p{numbers[-1]})"


def duty_entries(duties_dir: Path) -> list[Reference]:
    found = []
    for path in sorted(duties_dir.glob("*.yml")):
        duty_id = "?"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if match := DUTY_ID.match(line):
                duty_id = match.group(1)
            elif match := DUTY_PARAGRAPH.match(line):
                found.append(Reference(path, number, path.stem, match.group(1), "duty", duty_id))
    return found


def page_references(docs_dir: Path, duties: list[Reference]) -> list[Reference]:
    """Citations in every page (both languages), and duty-refs markers naming these duties."""
    by_id = {duty.label: duty for duty in duties}
    found = []
    for path in sorted(docs_dir.rglob("*.md")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            kind = "checklist item" if CHECKLIST_ITEM.match(line) else "citation"
            for match in CITATION.finditer(line):
                found.append(Reference(path, number, match.group(1), match.group(2), kind, match.group(0)))
            for match in DUTY_REFS.finditer(line):
                for duty_id in match.group(1).split():
                    if duty := by_id.get(duty_id):
                        found.append(Reference(path, number, duty.slug, duty.pid, "duty-refs", duty_id))
    return found


def all_references(root: Path) -> list[Reference]:
    """Every reference in a project (docs/ and data/ under root)."""
    duties = duty_entries(root / "data" / "duties")
    return duties + page_references(root / "docs", duties)


def dangling(references: list[Reference], paragraphs: dict[str, set[str]]) -> list[Reference]:
    """The references whose document (slug) or paragraph is not in `paragraphs`."""
    return [r for r in references if r.pid not in paragraphs.get(r.slug, ())]
