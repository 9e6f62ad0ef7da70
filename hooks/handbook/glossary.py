"""The glossary: data/glossary.yml, checked, with where each term occurs in the texts."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

from mkdocs.exceptions import PluginError

from .schema import load
from .sources import SourceDocument


@dataclass(frozen=True)
class Term:
    id: str
    term: str
    other_names: tuple[str, ...]
    en: str
    definition_zh: str
    definition_en: str
    guide_only: bool = False
    occurrences: tuple[tuple[str, str], ...] = ()  # (document slug, paragraph id)

    @property
    def names(self) -> list[str]:
        return [self.term, *self.other_names]

    def definition(self, lang: str) -> str:
        return self.definition_zh if lang == "zh" else self.definition_en


@dataclass(frozen=True)
class Glossary:
    terms: tuple[Term, ...]  # each with the paragraphs where it occurs
    occurrences_shown: int = 12  # data/glossary.yml: paragraphs listed per term on the glossary page


def read_terms(path: Path, entries) -> list[Term]:
    """The entries of data/glossary.yml, checked, without occurrences."""
    terms, owners = [], {}
    for number, entry in enumerate(entries, 1):
        term = Term(entry.id, entry.term, entry.other_names, entry.en, entry.definition_zh, entry.definition_en,
                    entry.guide_only)
        for name in [term.id, *term.names]:
            if name in owners:
                raise PluginError(f"{path}: entry {number} '{entry.id}': '{name}' is already used by entry "
                                  f"'{owners[name]}'. Each name belongs to one entry.")
            owners[name] = term.id
        terms.append(term)
    return terms


def load_glossary(path: Path, documents: Mapping[str, SourceDocument]) -> Glossary:
    """The terms with the paragraphs where each occurs."""
    data = load("glossary.yml", path)
    terms = read_terms(path, data.terms)
    found = occurrences(documents, {name: term.id for term in terms for name in term.names})
    for number, term in enumerate(terms, 1):
        # A guide-only term that a new text comes to use is simply listed where it occurs: a work
        # report that says 工作情况汇报 must not stop the build until someone edits the glossary.
        if not found.get(term.id) and not term.guide_only:
            raise PluginError(f"{path}: entry {number} '{term.id}': none of its names occurs verbatim in the Chinese "
                              "source texts: correct a name to the texts' words, or add `guide_only: true` if only "
                              "the guide uses it.")
    return Glossary(tuple(Term(t.id, t.term, t.other_names, t.en, t.definition_zh, t.definition_en, t.guide_only,
                               tuple(found.get(t.id, ()))) for t in terms), data.occurrences_shown)


def occurrences(documents: Mapping[str, SourceDocument], owner: Mapping[str, str]) -> dict[str, list[tuple[str, str]]]:
    """Term id -> (document slug, paragraph id) of each paragraph where one of its names occurs,
    in the order of the documents and their paragraphs. Each name is looked for in a document's
    whole text first (a scan in C), and in its paragraphs only if it is there: linear in the
    library, whatever the number of terms and paragraphs."""
    found: dict[str, list[tuple[str, str]]] = {}
    for slug, document in documents.items():
        paragraphs = list(document.paragraphs.values())
        whole = "\n".join(p.text for p in paragraphs)  # no name holds a line break
        present = [name for name in owner if name in whole]
        for paragraph in paragraphs:
            for term_id in dict.fromkeys(owner[name] for name in present if name in paragraph.text):
                found.setdefault(term_id, []).append((slug, paragraph.pid))
    return found
