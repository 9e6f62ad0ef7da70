"""The glossary: data/glossary.yml, checked, with where each term occurs in the texts."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from mkdocs.exceptions import PluginError

from .data import check_entry, data_path, load_yaml
from .sources import SourceDocument

FIELDS = ("id", "term", "other_names", "en", "definition_zh", "definition_en")
ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass
class Term:
    id: str
    term: str
    other_names: list[str]
    en: str
    definition_zh: str
    definition_en: str
    occurrences: list[tuple[str, str]] = field(default_factory=list)  # (document slug, paragraph id)

    @property
    def names(self) -> list[str]:
        return [self.term, *self.other_names]

    def definition(self, lang: str) -> str:
        return self.definition_zh if lang == "zh" else self.definition_en


def load_glossary(config) -> list[Term]:
    path = data_path(config, "glossary.yml")
    entries = load_yaml(path).get("terms")
    if not isinstance(entries, list):
        raise PluginError(f"{path}: expected `terms:` followed by a list of entries.")
    terms, owners = [], {}
    for number, entry in enumerate(entries, 1):
        label = check_entry(path, number, entry, FIELDS, optional=("other_names",))
        if not ID.match(str(entry["id"])):
            raise PluginError(f"{label}: id '{entry['id']}' must be lower-case ASCII words joined by hyphens.")
        other_names = entry.get("other_names") or []
        if not isinstance(other_names, list):
            raise PluginError(f"{label}: other_names must be a list, e.g. [受援单位, 挂职单位].")
        term = Term(str(entry["id"]), str(entry["term"]), [str(n) for n in other_names], str(entry["en"]),
                    str(entry["definition_zh"]).strip(), str(entry["definition_en"]).strip())
        for name in [term.id, *term.names]:
            if name in owners:
                raise PluginError(f"{label}: '{name}' is already used by entry '{owners[name]}'. Each name belongs to one entry.")
            owners[name] = term.id
        terms.append(term)
    return terms


def find_occurrences(terms: list[Term], documents: dict[str, SourceDocument]) -> None:
    for term in terms:
        term.occurrences = [
            (slug, paragraph.pid)
            for slug, document in documents.items()
            for paragraph in document.paragraphs.values()
            if any(name in paragraph.text for name in term.names)
        ]
