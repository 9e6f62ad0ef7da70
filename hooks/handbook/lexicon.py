"""The search lexicon of each language: dictionary words, groups of other names, one-way
expansions and question words, from data/search.yml, the parties of the duty index and the
glossary (whose Chinese terms also lead to their English names on the English site); and the
ranking settings of the engine."""

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
            "cut_note": str(entry.get("cut_note") or ""),
            "derived": {},
        }
        check(path, lang, lexicon)
        lexicons[lang] = lexicon
    add_parties(config, lexicons)
    add_glossary(config, lexicons)
    add_derived(config, lexicons)
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


def add_derived(config, lexicons: dict) -> None:
    """Everyday words derived offline by scripts/derive_search_vocabulary.py (a reviewed data
    file; the build runs no model): word -> the page words closest to it in meaning."""
    path = data_path(config, "search_vocabulary.yml")
    if not path.exists():
        return
    data = load_yaml(path) or {}
    for lang, entry in data.items():
        if lang not in lexicons or not isinstance(entry, dict) or not isinstance(entry.get("derived"), dict):
            raise PluginError(f"{path}: expected `<language>: {{derived: {{word: [page words]}}}}`, found {lang!r}; "
                              "run scripts/derive_search_vocabulary.py again.")
        for word, targets in entry["derived"].items():
            if not isinstance(targets, list) or not all(isinstance(t, str) and t.strip() for t in targets):
                raise PluginError(f"{path}: derived word '{word}' needs a list of words, found {targets!r}.")
            lexicons[lang]["derived"][str(word)] = targets


def add_parties(config, lexicons: dict) -> None:
    """A party's names are other names of each other, and words the segmenter keeps whole."""
    vocabulary = load_yaml(data_path(config, "duty_taxonomy.yml"))
    for party in (vocabulary.get("parties") or {}).values():
        names = [party["zh"], *party.get("other_names", [])]
        lexicons["zh"]["synonyms"].append(names)
        lexicons["zh"]["dictionary"].extend(names)
        # a Chinese name typed on the English site finds the English name
        lexicons["en"]["synonyms"].append([*names, party["en"]])


def add_glossary(config, lexicons: dict) -> None:
    """Glossary terms stay whole; a term's other names find it."""
    for term in context.of(config).glossary.terms:
        lexicons["zh"]["dictionary"].extend(term.names)
        if term.other_names:
            lexicons["zh"]["synonyms"].append(term.names)
        lexicons["en"]["synonyms"].append([*term.names, term.en])


# The ranking settings and what each must be: a number, a list of folders, a folder: number map.
RANKING_NUMBERS = ("k1", "b", "title_weight", "page_title_weight", "passage_sentences", "coverage_floor", "together_bonus",
                   "close_section", "max_sections", "typo_min_length")
RANKING_GROUPS = {
    "weights": ("word", "synonym", "expansion", "derived", "inside", "own_word_found", "typo"),
    "segment": ("longest_word", "known_char", "unknown_char"),
    "limits": ("max_chars", "max_words", "max_marks"),
}


def load_ranking(config) -> dict:
    """The engine's weights from data/search.yml `ranking:`, checked: every one present and
    a number (page boosts: folder: number), so that a typo cannot silently change ranking."""
    path = data_path(config, "search.yml")
    ranking = load_yaml(path).get("ranking")
    where = f"{path}: ranking"
    if not isinstance(ranking, dict):
        raise PluginError(f"{where} is missing: it holds the search engine's weights (see the README).")

    def number(value, name):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            raise PluginError(f"{where}.{name} must be a number ≥ 0, found {value!r}.")

    for name in RANKING_NUMBERS:
        number(ranking.get(name), name)
    for group, names in RANKING_GROUPS.items():
        values = ranking.get(group)
        if not isinstance(values, dict):
            raise PluginError(f"{where}.{group} is missing: it needs {', '.join(names)}.")
        for name in names:
            number(values.get(name), f"{group}.{name}")
    if not isinstance(ranking.get("texts_folder"), str):
        raise PluginError(f"{where}.texts_folder must be a folder such as `sources/`.")
    entry_pages = ranking.get("entry_pages")
    if not isinstance(entry_pages, list) or not all(isinstance(p, str) for p in entry_pages):
        raise PluginError(f"{where}.entry_pages must be a list of folders, e.g. `[duties/, glossary]`.")
    boosts = ranking.get("page_boosts")
    if not isinstance(boosts, dict):
        raise PluginError(f"{where}.page_boosts must map folders to numbers, e.g. `guide/: 0.3`.")
    for folder, boost in boosts.items():
        number(boost, f"page_boosts.{folder}")
    return ranking
