"""The duty registry: data/duties/<document>.yml, validated against the Chinese source pages.

Each file lists, in the order of the text, what one source document asks of a party:
id, party, theme, paragraph, quote (the exact words) and a summary in Chinese and English.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mkdocs.exceptions import PluginError

from .data import check_entry, data_path, load_yaml
from .sources import SourceDocument, original_documents

FIELDS = ("id", "party", "theme", "force", "paragraph", "quote", "summary_zh", "summary_en")


@dataclass(frozen=True)
class Duty:
    id: str
    party: str
    theme: str
    source: str  # document slug, from the registry file's name
    paragraph: str
    quote: str
    summary_zh: str
    summary_en: str
    position: int  # where the quote starts in its paragraph
    force: str = ""  # how binding: an id of `forces` in data/duty_taxonomy.yml

    @property
    def anchor(self) -> str:
        """Id of the quote's mark in the source page (both languages)."""
        return f"duty-{self.id}"

    def summary(self, lang: str) -> str:
        return self.summary_zh if lang == "zh" else self.summary_en

    @property
    def order(self) -> tuple[str, int, int]:
        return (self.source, int(self.paragraph[1:]), self.position)


@dataclass
class Registry:
    duties: list[Duty]
    parties: dict
    themes: dict
    documents: dict[str, SourceDocument]  # the Chinese source pages, by slug

    def by(self, **criteria) -> list[Duty]:
        return [d for d in self.duties if all(getattr(d, k) == v for k, v in criteria.items())]

    def in_paragraph(self, source: str, paragraph: str) -> list[Duty]:
        return sorted(self.by(source=source, paragraph=paragraph), key=lambda d: d.position)


def load_vocabulary(config) -> tuple[dict, dict]:
    path = data_path(config, "duty_taxonomy.yml")
    vocabulary = load_yaml(path)
    for key in ("parties", "themes", "forces"):
        if not isinstance(vocabulary.get(key), dict) or not vocabulary[key]:
            raise PluginError(f"{path}: '{key}' is missing or empty.")
    return vocabulary["parties"], vocabulary["themes"]


def load_forces(config) -> dict:
    return load_yaml(data_path(config, "duty_taxonomy.yml"))["forces"]


def load_registry(config) -> Registry:
    parties, themes = load_vocabulary(config)
    forces = load_forces(config)
    registry_dir = data_path(config, "duties")
    originals = original_documents(config)
    duties: list[Duty] = []
    documents: dict[str, SourceDocument] = {}
    seen: dict[str, Path] = {}
    for path in sorted(registry_dir.glob("*.yml")):
        slug = path.stem
        if slug not in originals:
            raise PluginError(
                f"{path}: there is no source page docs/sources/{slug}.md. A registry file is "
                "named after the source page whose duties it lists; rename it."
            )
        document = documents[slug] = originals[slug]
        for duty in read_entries(path, slug, document, parties, themes, forces, seen):
            duties.append(duty)
    check_overlaps(duties)
    return Registry(sorted(duties, key=lambda d: d.order), parties, themes, documents)


def read_entries(path: Path, slug: str, document: SourceDocument, parties: dict, themes: dict,
                 forces: dict, seen: dict[str, Path]):
    for number, entry in enumerate(load_yaml(path, kind=list), 1):
        label = check_entry(path, number, entry, FIELDS)
        duty_id = str(entry["id"])
        if duty_id in seen:
            raise PluginError(f"{label}: id '{duty_id}' is already used in {seen[duty_id].name}. Give this entry a new id.")
        seen[duty_id] = path
        if entry["party"] not in parties:
            raise PluginError(f"{label}: unknown party '{entry['party']}'. Use one of {', '.join(parties)} (data/duty_taxonomy.yml).")
        if entry["theme"] not in themes:
            raise PluginError(f"{label}: unknown theme '{entry['theme']}'. Use one of {', '.join(themes)} (data/duty_taxonomy.yml).")
        if entry["force"] not in forces:
            raise PluginError(f"{label}: unknown force '{entry['force']}'. Use one of {', '.join(forces)} (data/duty_taxonomy.yml).")
        paragraph = document.paragraphs.get(str(entry["paragraph"]))
        if paragraph is None:
            raise PluginError(
                f"{label}: paragraph '{entry['paragraph']}' does not exist in docs/sources/{slug}.md "
                f"(it has p1 to p{len(document.paragraphs)}). Cite the id shown as ¶N on the page."
            )
        quote = str(entry["quote"])
        occurrences = paragraph.text.count(quote)
        if occurrences == 0:
            raise PluginError(
                f"{label}: the quote is not found verbatim in {slug} {paragraph.pid}: “{quote}”. "
                "Copy the exact words (same punctuation) from that paragraph."
            )
        if occurrences > 1:
            raise PluginError(f"{label}: the quote occurs {occurrences} times in {slug} {paragraph.pid}; lengthen it so it is unique.")
        yield Duty(duty_id, entry["party"], entry["theme"], slug, paragraph.pid, quote,
                   str(entry["summary_zh"]).strip(), str(entry["summary_en"]).strip(), paragraph.text.index(quote), entry["force"])


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
