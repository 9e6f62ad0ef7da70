"""The search lexicon of each language: dictionary words, groups of other names, one-way
expansions and question words, from data/search.yml (checked by its schema), the parties of the
duty index, the glossary (whose Chinese terms also lead to their English names on the English
site) and the derived everyday words of data/search_vocabulary.yml; and the engine's ranking
settings. Built once per build from the build context."""

from __future__ import annotations

from . import schema
from .context import Handbook

VOCABULARY = "search_vocabulary.yml"


def build_lexicons(handbook: Handbook) -> dict[str, dict]:
    """Each language's lexicon as the engine reads it (plain lists and mappings, for JSON)."""
    search = handbook.search
    lexicons = {}
    for lang, entry in (("zh", search), ("en", search.en)):
        lexicons[lang] = {
            "dictionary": list(entry.dictionary),
            "synonyms": [list(group) for group in entry.synonyms],
            "expansions": {word: list(targets) for word, targets in entry.expansions.items()},
            "stopwords": list(entry.stopwords),
            "cut_note": entry.cut_note,
            "derived": {},
        }
    add_parties(handbook, lexicons)
    add_glossary(handbook, lexicons)
    add_derived(handbook, lexicons)
    # The texts' words that readers' words lead to are kept whole in the index, so that a
    # phrase such as 思想不够解放 can be found as one word.
    zh = lexicons["zh"]
    zh["dictionary"] += [w for group in zh["synonyms"] for w in group]
    zh["dictionary"] += [w for targets in zh["expansions"].values() for w in targets]
    return lexicons


def ranking(handbook: Handbook) -> dict:
    """The engine's weights from data/search.yml `ranking:` (the schema checked every one)."""
    return handbook.search.ranking.model_dump(mode="json")


def add_derived(handbook: Handbook, lexicons: dict) -> None:
    """Everyday words derived offline by scripts/derive_search_vocabulary.py (a reviewed data
    file; the build runs no model): word -> the page words closest to it in meaning."""
    path = handbook.data_dir / VOCABULARY
    if not path.exists():
        return
    for lang, entry in schema.load(VOCABULARY, path).items():
        lexicons[lang]["derived"].update({word: list(targets) for word, targets in entry.derived.items()})


def add_parties(handbook: Handbook, lexicons: dict) -> None:
    """A party's names are other names of each other, and words the segmenter keeps whole."""
    for party in handbook.registry.parties.values():
        names = [party.zh, *party.other_names]
        lexicons["zh"]["synonyms"].append(names)
        lexicons["zh"]["dictionary"].extend(names)
        # a Chinese name typed on the English site finds the English name
        lexicons["en"]["synonyms"].append([*names, party.en])


def add_glossary(handbook: Handbook, lexicons: dict) -> None:
    """Glossary terms stay whole; a term's other names find it."""
    for term in handbook.glossary.terms:
        lexicons["zh"]["dictionary"].extend(term.names)
        if term.other_names:
            lexicons["zh"]["synonyms"].append(term.names)
        lexicons["en"]["synonyms"].append([*term.names, term.en])
