"""The handbook's build context: every data file and source page read, checked and linked once,
then read by every hook.

- `Handbook` (language-independent): the Chinese originals, the source taxonomy, the duty
  registry, the roles, the glossary with its occurrences, the search data. Built by
  hooks/context.py in `on_config`, the first event of a build, and kept on the MkDocs config
  object. mkdocs-static-i18n builds every language with that same config object, so the
  second language reuses it; `mkdocs serve` loads a new config object for every rebuild, so
  the context is never stale, and nothing is kept at module level.
- `Edition` (one language): the source pages this language's build renders (translations where
  they exist), their metadata checked. Built by hooks/context.py in `on_files`, after
  static-i18n has chosen the language's files, and replaced for each language.

Every object is frozen: dataclasses with tuples and read-only mappings.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from . import languages, references
from .duties import Duty, Registry, load_registry, load_vocabulary
from .glossary import Glossary, load_glossary
from . import schema
from .schema import SearchData, SourceTaxonomy
from .sources import (SourceDocument, check_metadata, is_source_page, original_documents, parse_document, slug_of,
                      with_original_meta)

HANDBOOK = "_handbook"
EDITION = "_handbook_edition"
CONTEXT_HOOK = "hooks/context.py"


@dataclass(frozen=True)
class Handbook:
    data_dir: Path
    docs_dir: Path
    taxonomy: SourceTaxonomy
    originals: Mapping[str, SourceDocument]  # the Chinese source pages, by slug
    registry: Registry
    roles: Mapping[str, Mapping[str, object]]  # role → party → "all" or theme ids (data/roles.yml)
    glossary: Glossary
    search: SearchData

    def owed_to(self, role: str, duty: Duty) -> bool:
        """Whether data/roles.yml counts this duty among what others do for the role."""
        themes = self.roles.get(role, {}).get(duty.party)
        return themes == "all" or (isinstance(themes, tuple) and duty.theme in themes)

    def owed(self, role: str) -> tuple[list[Duty], list[Duty]]:
        """What others owe the role (requirements, commitments), and what others have done or
        suggest for it (practices, suggestions): never a claim."""
        duties = [d for d in self.registry.duties if self.owed_to(role, d)]
        return ([d for d in duties if self.registry.claimable(d)],
                [d for d in duties if not self.registry.claimable(d)])


@dataclass(frozen=True)
class Edition:
    lang: str
    handbook: Handbook
    library: Mapping[str, SourceDocument]  # this language's source pages, by slug
    ui: Mapping[str, str]  # data/ui/<lang>.yml: the interface's words

    def t(self, key: str, **values) -> str:
        """The interface's words for `key` in this language, with {name} filled from values."""
        text = self.ui[key]
        return text.format(**values) if values else text

    def document_title(self, slug: str) -> str:
        document = self.library.get(slug) or self.handbook.originals[slug]
        return document.title

    def short_title(self, slug: str) -> str:
        document = self.library.get(slug) or self.handbook.originals[slug]
        return document.short_title


def build(config) -> Handbook:
    data_dir = Path(config.config_file_path).resolve().parent / "data"
    docs_dir = Path(config.docs_dir)
    taxonomy = schema.load("taxonomy.yml", data_dir / "taxonomy.yml")
    originals = original_documents(docs_dir)
    for document in originals.values():
        check_metadata(document, taxonomy)
    check_references(data_dir.parent, originals)
    vocabulary = load_vocabulary(data_dir / "duty_taxonomy.yml")
    registry = load_registry(data_dir / "duties", vocabulary, originals)
    roles = load_roles(data_dir / "roles.yml", registry)
    glossary = load_glossary(data_dir / "glossary.yml", originals)
    search = schema.load("search.yml", data_dir / "search.yml")
    check_search_words(data_dir / "search.yml", search, originals)
    return Handbook(data_dir, docs_dir, taxonomy, MappingProxyType(originals), registry, roles, glossary, search)


def check_references(root: Path, originals: Mapping[str, SourceDocument]) -> None:
    """Nothing points into the void: every duty entry, citation `[[slug#pN]]`, checklist item and
    duty-refs marker names a document and paragraph that exist. After a document is deleted or
    revised, the build stops with the whole list, file and line, not the first one it meets."""
    paragraphs = {slug: set(document.paragraphs) for slug, document in originals.items()}
    found = references.dangling(references.all_references(root), paragraphs)
    if found:
        raise PluginError(
            "These refer to source documents or paragraphs that do not exist (deleted or revised "
            "texts). Point each at the right paragraph, or delete it (a deleted document's "
            "data/duties/<page>.yml goes too):\n" + "\n".join(r.describe(root, paragraphs) for r in found)
        )


def check_search_words(path: Path, search: SearchData, originals: Mapping[str, SourceDocument]) -> None:
    """The promise of data/search.yml's header: dictionary words and expansion values occur in
    the texts verbatim; every synonyms group has a member that does."""
    text = "\n".join(p.text for document in originals.values() for p in document.paragraphs.values())
    for word in search.dictionary:
        if word not in text:
            raise PluginError(f"{path}: dictionary word '{word}' does not occur in the Chinese source texts. "
                              "Use the texts' own words, or remove it.")
    for key, targets in search.expansions.items():
        for word in targets:
            if word not in text:
                raise PluginError(f"{path}: expansion '{key}': '{word}' does not occur in the Chinese source texts. "
                                  "An expansion leads to the texts' own words.")
    for number, group in enumerate(search.synonyms, 1):
        if not any(word in text for word in group):
            raise PluginError(f"{path}: synonyms group {number} {list(group)}: no word of it occurs in the "
                              "Chinese source texts; add the texts' word to the group.")


def load_roles(path: Path, registry: Registry) -> Mapping:
    roles = schema.load("roles.yml", path)
    for role, owed_by in roles.items():
        for party in [role, *owed_by]:
            if party not in registry.parties:
                raise PluginError(f"{path}: '{party}' is not a party of data/duty_taxonomy.yml. "
                                  f"Use one of {', '.join(registry.parties)}.")
        for party, themes in owed_by.items():
            unknown = [t for t in themes if t not in registry.themes] if themes != "all" else []
            if unknown:
                raise PluginError(f"{path}: {role}: {party}: unknown theme(s) {', '.join(unknown)}. "
                                  f"Give `all` or theme ids from data/duty_taxonomy.yml.")
    return MappingProxyType({role: MappingProxyType(owed_by) for role, owed_by in roles.items()})


def build_edition(handbook: Handbook, files: Files, lang: str) -> Edition:
    library = {}
    for file in files.documentation_pages():
        if is_source_page(file.src_uri) and file.abs_src_path:
            path = Path(file.abs_src_path)
            original = handbook.originals.get(slug_of(file.src_uri))
            document = original if original is not None and original.path == path else parse_document(path, file.src_uri)
            if document.meta.get("pending_translation") and original is not None:
                document = with_original_meta(document, original)
            check_metadata(document, handbook.taxonomy)
            library[document.slug] = document
    return Edition(lang, handbook, MappingProxyType(dict(sorted(library.items()))), load_ui(handbook, lang))


def load_ui(handbook: Handbook, lang: str) -> Mapping[str, str]:
    """data/ui/<lang>.yml, with exactly the keys of the Chinese file."""
    folder = handbook.data_dir / "ui"
    path = folder / f"{lang}.yml"
    if not path.exists():
        raise PluginError(f"{path} is missing: every language of the site has its interface words there. "
                          f"Copy {folder / 'en.yml'} and translate its values.")
    ui = schema.load("ui/*.yml", path)
    reference = ui if lang == "zh" else schema.load("ui/*.yml", folder / "zh.yml")
    missing, unknown = sorted(set(reference) - set(ui)), sorted(set(ui) - set(reference))
    if missing or unknown:
        raise PluginError(f"{path}: " + "; ".join(part for part in (
            f"missing key(s) {', '.join(missing)} (see zh.yml)" if missing else "",
            f"unknown key(s) {', '.join(unknown)}" if unknown else "") if part) + ".")
    return MappingProxyType(ui)


def of(config) -> Handbook:
    """The build's context (hooks/context.py makes it in on_config)."""
    handbook = getattr(config, HANDBOOK, None)
    if handbook is None:
        raise PluginError(f"The handbook's context is missing: list {CONTEXT_HOOK} first under `hooks:` in mkdocs.yml.")
    return handbook


def edition(config) -> Edition:
    """This language's edition (hooks/context.py makes it in on_files)."""
    current = getattr(config, EDITION, None)
    if current is None or current.lang != languages.current(config):
        raise PluginError(f"The handbook's edition is missing: list {CONTEXT_HOOK} first under `hooks:` in mkdocs.yml.")
    return current
