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
    """The terms with the paragraphs where each occurs, found in one pass over each paragraph."""
    data = load("glossary.yml", path)
    terms = read_terms(path, data.terms)
    owner = {name: term.id for term in terms for name in term.names}
    found: dict[str, list[tuple[str, str]]] = {term.id: [] for term in terms}
    for slug, document in documents.items():
        for paragraph in document.paragraphs.values():
            for term_id in names_in(paragraph.text, owner):
                found[term_id].append((slug, paragraph.pid))
    for number, term in enumerate(terms, 1):
        if bool(found[term.id]) == term.guide_only:
            fix = ("it occurs in the texts: remove `guide_only: true`" if term.guide_only else
                   "none of its names occurs verbatim in the Chinese source texts: correct a name to the texts' words, "
                   "or add `guide_only: true` if only the guide uses it")
            raise PluginError(f"{path}: entry {number} '{term.id}': {fix}.")
    return Glossary(tuple(Term(t.id, t.term, t.other_names, t.en, t.definition_zh, t.definition_en, t.guide_only,
                               tuple(found[t.id])) for t in terms), data.occurrences_shown)


def names_in(text: str, owner: Mapping[str, str]) -> tuple[str, ...]:
    """Ids of the terms whose names occur in the text: at each position, a look-up of the
    substring of each length a name has (names are short, so this is linear in the text)."""
    lengths = sorted({len(name) for name in owner})
    ids: dict[str, None] = {}
    for start in range(len(text)):
        for length in lengths:
            term_id = owner.get(text[start:start + length])
            if term_id is not None:
                ids[term_id] = None
    return tuple(ids)
