"""The duty registry: data/duties/<document>.yml, validated against the Chinese source pages.

Each file lists, in the order of the text, what one source document asks of a party:
id, party, theme, force (how binding), paragraph, quote (the exact words) and a summary in
Chinese and English.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

from mkdocs.exceptions import PluginError

from . import names
from .schema import DutyTaxonomy, load
from .sources import SourceDocument


@dataclass(frozen=True)
class Duty:
    id: str
    party: str
    theme: str
    force: str
    source: str  # document slug, from the registry file's name
    paragraph: str
    quote: str
    summary_zh: str
    summary_en: str
    position: int  # where the quote starts in its paragraph's words

    @property
    def anchor(self) -> str:
        """Id of the quote's mark in the source page (both languages)."""
        return f"duty-{self.id}"

    def summary(self, lang: str) -> str:
        return self.summary_zh if lang == "zh" else self.summary_en

    @property
    def order(self) -> tuple[str, int, int]:
        return (self.source, int(self.paragraph[1:]), self.position)


@dataclass(frozen=True)
class Registry:
    duties: tuple[Duty, ...]
    parties: Mapping
    themes: Mapping
    forces: Mapping
    documents: Mapping[str, SourceDocument]  # the Chinese source pages with duties, by slug

    def __post_init__(self):
        # Indexed once, so that a page's look-up (a source page's duties, a party's) does not scan
        # every duty: the build stays linear in pages and duties.
        index: dict[tuple[str, str], list[Duty]] = {}
        for duty in self.duties:
            for field in INDEXED:
                index.setdefault((field, getattr(duty, field)), []).append(duty)
        object.__setattr__(self, "_index", MappingProxyType({key: tuple(value) for key, value in index.items()}))
        object.__setattr__(self, "_ids", MappingProxyType({duty.id: duty for duty in self.duties}))

    def by(self, **criteria) -> list[Duty]:
        """The duties (in registry order) whose fields have these values."""
        if not criteria:
            return list(self.duties)
        (field, value), *rest = criteria.items()
        if field not in INDEXED:
            raise ValueError(f"Registry.by: {field} is not one of {', '.join(INDEXED)}")
        return [d for d in self._index.get((field, value), ()) if all(getattr(d, k) == v for k, v in rest)]

    def claimable(self, duty: Duty) -> bool:
        return self.forces[duty.force].claimable

    def get(self, duty_id: str) -> Duty | None:
        return self._ids.get(duty_id)


INDEXED = ("party", "theme", "force", "source")


def load_vocabulary(path: Path) -> DutyTaxonomy:
    return load("duty_taxonomy.yml", path)


def load_registry(registry_dir: Path, vocabulary: DutyTaxonomy, originals: Mapping[str, SourceDocument]) -> Registry:
    duties: list[Duty] = []
    documents: dict[str, SourceDocument] = {}
    seen: dict[str, Path] = {}
    for path in sorted(registry_dir.glob("*.yml")):
        slug = path.stem
        if slug not in originals:
            raise PluginError(
                f"{path}: there is no source page docs/{names.source_page(slug)}. A registry file is "
                "named after the source page whose duties it lists; rename it."
            )
        document = documents[slug] = originals[slug]
        duties.extend(read_entries(path, document, vocabulary, seen))
    check_overlaps(duties)
    return Registry(tuple(sorted(duties, key=lambda d: d.order)), MappingProxyType(vocabulary.parties),
                    MappingProxyType(vocabulary.themes), MappingProxyType(vocabulary.forces),
                    MappingProxyType(documents))


def read_entries(path: Path, document: SourceDocument, vocabulary: DutyTaxonomy, seen: dict[str, Path]):
    entries = load("duties/*.yml", path)
    for number, entry in enumerate(entries, 1):
        label = f"{path}: entry {number} '{entry.id}'"
        if entry.id in seen:
            raise PluginError(f"{label}: id '{entry.id}' is already used in {seen[entry.id].name}. Give this entry a new id.")
        seen[entry.id] = path
        for field, known in (("party", vocabulary.parties), ("theme", vocabulary.themes), ("force", vocabulary.forces)):
            value = getattr(entry, field)
            if value not in known:
                raise PluginError(f"{label}: unknown {field} '{value}'. Use one of {', '.join(known)} (data/duty_taxonomy.yml).")
        paragraph = document.paragraphs.get(entry.paragraph)
        if paragraph is None:
            raise PluginError(
                f"{label}: paragraph '{entry.paragraph}' does not exist in docs/{document.src_uri} "
                f"(it has p1 to p{len(document.paragraphs)}). Cite the id shown as ¶N on the page."
            )
        occurrences = paragraph.text.count(entry.quote)
        if occurrences == 0:
            raise PluginError(
                f"{label}: the quote is not found verbatim in {document.slug} {paragraph.pid}: “{entry.quote}”. "
                "Copy the exact words (same punctuation) from that paragraph."
            )
        if occurrences > 1:
            raise PluginError(f"{label}: the quote occurs {occurrences} times in {document.slug} {paragraph.pid}; lengthen it so it is unique.")
        yield Duty(entry.id, entry.party, entry.theme, entry.force, document.slug, paragraph.pid, entry.quote,
                   entry.summary_zh, entry.summary_en, paragraph.text.index(entry.quote))


def check_overlaps(duties: list[Duty]) -> None:
    """Quotes in one paragraph are marked in the page, so they must not overlap."""
    ordered = sorted(duties, key=lambda d: d.order)
    for first, second in zip(ordered, ordered[1:]):
        if (first.source, first.paragraph) == (second.source, second.paragraph) \
                and second.position < first.position + len(first.quote):
            raise PluginError(
                f"data/duties/{second.source}.yml: entry '{second.id}': its quote overlaps the quote of "
                f"'{first.id}' in {second.source} {second.paragraph}. Shorten one of them."
            )
