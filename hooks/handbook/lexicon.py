"""The search lexicon of each language: dictionary words, groups of other names, one-way
expansions and question words, from data/search.yml and the parties of the duty index."""

from __future__ import annotations

from mkdocs.exceptions import PluginError

from .data import data_path, load_yaml
from . import context

SECTIONS = ("dictionary", "synonyms", "expansions", "stopwords")


def build_lexicon(config) -> dict[str, dict]:
    path = data_path(config, "search.yml")
    data = load_yaml(path)
    lexicons = {}
    for lang, entry in (("zh", data), ("en", data.get("en") or {})):
        lexicon = {
            "dictionary": list(entry.get("dictionary") or []),
            "synonyms": [list(group) for group in entry.get("synonyms") or []],
            "expansions": dict(entry.get("expansions") or {}),
            "stopwords": list(entry.get("stopwords") or []),
        }
        check(path, lang, lexicon)
        lexicons[lang] = lexicon
    add_parties(config, lexicons)
    add_glossary(config, lexicons)
    # The texts' words that readers' words lead to are kept whole in the index, so that a
    # phrase such as 思想不够解放 can be found as one word.
    zh = lexicons["zh"]
    zh["dictionary"] += [w for group in zh["synonyms"] for w in group]
    zh["dictionary"] += [w for targets in zh["expansions"].values() for w in targets]
    return lexicons


def check(path, lang: str, lexicon: dict) -> None:
    where = f"{path}" + ("" if lang == "zh" else " (en)")
    for word in lexicon["dictionary"] + lexicon["stopwords"]:
        if not isinstance(word, str) or not word.strip():
            raise PluginError(f"{where}: dictionary and stopwords hold words, found {word!r}.")
    for number, group in enumerate(lexicon["synonyms"], 1):
        if len(group) < 2 or not all(isinstance(w, str) and w.strip() for w in group):
            raise PluginError(f"{where}: synonyms group {number} {group!r} needs two or more words.")
    for word, targets in lexicon["expansions"].items():
        if not isinstance(targets, list) or not targets:
            raise PluginError(f"{where}: expansion '{word}' needs a list of words, e.g. `{word}: [词一, 词二]`.")
        if not all(isinstance(t, str) and t.strip() for t in targets):
            raise PluginError(f"{where}: expansion '{word}' holds {targets!r}: every value is a word (quote numbers: \"100\").")


def add_parties(config, lexicons: dict) -> None:
    """A party's names are other names of each other, and words the segmenter keeps whole."""
    vocabulary = load_yaml(data_path(config, "duty_taxonomy.yml"))
    for party in (vocabulary.get("parties") or {}).values():
        names = [party["zh"], *party.get("other_names", [])]
        lexicons["zh"]["synonyms"].append(names)
        lexicons["zh"]["dictionary"].extend(names)


def add_glossary(config, lexicons: dict) -> None:
    """Glossary terms stay whole; a term's other names find it."""
    for term in context.of(config).glossary.terms:
        lexicons["zh"]["dictionary"].extend(term.names)
        if term.other_names:
            lexicons["zh"]["synonyms"].append(term.names)
