"""Search: the handbook's words for jieba, so that the index keeps 派出单位 or 四不两直 whole,
and for each language:
- worker.<lang>.js, Material's search worker: a small loader (loader.js) that Material starts
  with every page;
- engine.<lang>.js, loaded when the reader first searches: the settings (lexicon and ranking),
  then the engine's stages in docs/assets/javascripts/search/ (segment, expand, rank, shards,
  present, worker);
- search/<lang>/: the language's index split for loading on demand (the dictionary, loaded with
  the engine, and the postings shards and section fragments it names), built by
  handbook.search_index from Material's index;
- search/reference.<lang>.js, only when the environment sets HANDBOOK_SEARCH_REFERENCE: that
  language's passages as Material's index holds them (jieba's word breaks kept), from which
  tests/js/compare_index.cjs builds rank.js's in-memory index to compare the split one with;
  the engine does not load it.
Material's own search/search_index.json (and the offline bundle's search_index.js) is left
with no documents, so that no page loads both languages' passages up front."""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import posixpath
import shutil
from pathlib import Path, PurePosixPath
from types import MappingProxyType

import jieba
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File

from handbook import context, languages, sources
from handbook import derived_words, search_index
from handbook.lexicon import build_lexicons
from handbook.lexicon import ranking as ranking_settings

log = get_plugin_logger(__name__)

ENGINE = "assets/javascripts/search"
# The engine's stages, in the order the worker needs them.
STAGES = ("segment.js", "expand.js", "rank.js", "shards.js", "present.js", "worker.js")
# A language's stemmer, if it has one, comes first (English: Snowball).
STEMMERS = MappingProxyType({"en": "snowball-en.js"})
WORKER = "assets/javascripts/search/worker.{lang}.js"
ENGINE_FILE = "assets/javascripts/search/engine.{lang}.js"
REFERENCE = "search/reference.{lang}.js"
REFERENCE_SWITCH = "HANDBOOK_SEARCH_REFERENCE"
SPLIT = "search/{lang}"  # the split index's folder
MATERIAL_INDEX = "search/search_index.json"
MATERIAL_OFFLINE_INDEX = "search/search_index.js"

SETTINGS = "_handbook_search"  # this build's lexicons and ranking, kept on the config
CONFIG_HEAD = 65_536  # characters of search_index.json that hold its config
SPLIT_DONE = "_handbook_search_split"  # the passages each language's split index was built from
CONTEXTS = "_handbook_search_contexts"  # page URL -> its context words (ranking.page_context)


def search_settings(config) -> dict:
    """The lexicons and ranking, made once per build from the context (both languages' builds
    share the config object) and the handbook's words added to jieba once."""
    settings = getattr(config, SETTINGS, None)
    if settings is None:
        handbook = context.of(config)
        settings = {"lexicons": build_lexicons(handbook), "ranking": ranking_settings(handbook)}
        jieba.setLogLevel(logging.WARNING)
        for word in settings["lexicons"]["zh"]["dictionary"]:
            jieba.add_word(word)
        setattr(config, SETTINGS, settings)
    return settings


@event_priority(50)  # after hooks/context.py has built the context, before Material's search plugin
def on_config(config):
    search_settings(config)
    return config


@event_priority(-200)  # after static-i18n has chosen this language's files
def on_files(files, config):
    lang = languages.current(config)
    folder = Path(config.docs_dir) / ENGINE
    stages = ([STEMMERS[lang]] if lang in STEMMERS else []) + list(STAGES)
    missing = [stage for stage in stages if not (folder / stage).exists()]
    if missing:
        raise PluginError(f"{folder}: {', '.join(missing)} missing: the search worker is built from them.")
    lexicons, ranking = search_settings(config)["lexicons"], search_settings(config)["ranking"]
    engine = engine_script(config, lang, lexicons.get(lang, {}))
    for stage in [*STEMMERS.values(), *STAGES, "loader.js"]:  # served only inside the workers
        file = files.get_file_from_path(f"{ENGINE}/{stage}")
        if file is not None:
            files.remove(file)
    files.append(File.generated(config, ENGINE_FILE.format(lang=lang), content=engine))
    files.append(File.generated(config, WORKER.format(lang=lang), content=worker_script(config, lang)))
    config.extra["handbook_search"] = {
        "worker": WORKER.format(lang=lang),
        "max_chars": ranking["limits"]["max_chars"],
        "cut_note": lexicons[lang].get("cut_note", ""),
    }
    return files


def on_page_markdown(markdown, page, config, files):
    """A source page's context words (its speaker's office, its level), kept for its index:
    Chinese cut by jieba as Material's index is."""
    setting = search_settings(config)["ranking"].get("page_context")
    if setting and sources.is_source_page(page.file.src_uri):
        lang = languages.current(config)
        taxonomy = context.of(config).taxonomy
        names = {"level": {key: taxonomy.level_name(key, lang) for key in taxonomy.levels},
                 "kind": {key: taxonomy.kind_name(key, lang) for key in taxonomy.kinds}}
        words = search_index.page_context(page.meta, setting["fields"], names)
        contexts = getattr(config, CONTEXTS, None)
        if contexts is None:
            contexts = {}
            setattr(config, CONTEXTS, contexts)
        contexts[page.url] = "\u200b".join(jieba.cut(words)) if lang != "en" else words
    return markdown


def engine_script(config, lang: str, lexicon: dict) -> str:
    """engine.<lang>.js: the language's settings (lexicon and ranking), then the stages."""
    folder = Path(config.docs_dir) / ENGINE
    prefixes = languages.prefixes(config, lang)
    ranking = search_settings(config)["ranking"]
    settings = {
        "lang": lang,
        **prefixes,
        "entryPages": [prefixes["prefix"] + page for page in ranking["entry_pages"]],
        "ranking": ranking,
        "lexicon": lexicon,
    }
    stages = ([STEMMERS[lang]] if lang in STEMMERS else []) + list(STAGES)
    return "\n".join(
        ["/* Generated by hooks/search.py: settings, then the engine's stages. */",
         f"self.HANDBOOK_SEARCH = {json.dumps(settings, ensure_ascii=False)};"]
        + [(folder / stage).read_text(encoding="utf-8") for stage in stages]
    )


def drop_stale_derived_words(config, lang: str, built: search_index.LanguageIndex) -> None:
    """Derived Chinese words that the texts now use, or whose targets the index no longer holds
    (a text imported or retired since the derivation last ran), are left out of the engine,
    which the build wrote before it knew the pages' words; said at info level, not as a fault."""
    lexicon = search_settings(config)["lexicons"].get(lang, {})
    found = derived_words.current(lexicon.get("derived") or {}, built.in_texts, built.postings)
    note = found.note()
    if note is None:
        return
    log.info(note)
    engine = Path(config.site_dir) / ENGINE_FILE.format(lang=lang)
    if engine.exists():
        engine.write_text(engine_script(config, lang, {**lexicon, "derived": found.derived}), encoding="utf-8")


@event_priority(-200)  # after Material's search plugin, static-i18n's merge and the offline plugin
def on_post_build(config):
    """Each language's index split into search/<lang>/ (and its passages into
    search/reference.<lang>.js if asked); each worker pointed to its dictionary; Material's
    index emptied."""
    site = Path(config.site_dir)
    index_path = site / MATERIAL_INDEX
    if not index_path.exists():
        return
    passages = material_passages(config, index_path)
    # static-i18n writes the index once per language, then both merged: each language's
    # passages are written from whichever index holds them
    for lang in languages.configured(config):
        prefixes = languages.prefixes(config, lang)
        docs = [doc for doc in passages if languages.belongs(doc["location"], prefixes)]
        if not docs:
            continue
        # static-i18n's merged index holds again the passages an earlier language's build split
        digest = (site, passages_digest(docs))
        done = getattr(config, SPLIT_DONE, {})
        if done.get(lang) == digest:
            continue
        setattr(config, SPLIT_DONE, {**done, lang: digest})
        contexts = getattr(config, CONTEXTS, {})
        for doc in docs:  # the page's record carries its context (rank.js `Index.add` reads it there too)
            if doc["location"] in contexts:
                doc["context"] = contexts[doc["location"]]
        if os.environ.get(REFERENCE_SWITCH):
            reference = json.dumps(docs, ensure_ascii=False, separators=(",", ":"))
            (site / REFERENCE.format(lang=lang)).write_text(
                "/* Generated by hooks/search.py: the passages of this language's pages. */\n"
                f"self.HANDBOOK_SEARCH_DOCS = {reference};\n", encoding="utf-8")
            del reference
        ranking = search_settings(config)["ranking"]
        built = search_index.build(docs, prefixes, ranking, search_index.Tokenizer(snowball=lang in STEMMERS))
        drop_stale_derived_words(config, lang, built)
        split = site / SPLIT.format(lang=lang)
        shutil.rmtree(split, ignore_errors=True)
        split.mkdir(parents=True)
        for part in search_index.split(built, lang):  # the dictionary comes last
            (split / part.name).write_text(part.content, encoding="utf-8")
        (site / WORKER.format(lang=lang)).write_text(worker_script(config, lang, part.name), encoding="utf-8")
        if passages is live_passages(config):
            # Material's passages are spent: static-i18n's merged index, which this hook empties,
            # then holds this language's pages without their text (at 1,000 texts, tens of MB
            # less at the build's peak of memory, and a shorter JSON to write)
            for doc in docs:
                doc["text"] = ""
            setattr(config, SPLIT_DONE, {**getattr(config, SPLIT_DONE), lang: (site, passages_digest(docs))})
        del built, docs  # not held while the next language's index is built
    empty = json.dumps({"config": index_config(index_path), "docs": []}, ensure_ascii=False)
    index_path.write_text(empty, encoding="utf-8")
    offline_index = site / MATERIAL_OFFLINE_INDEX
    if offline_index.exists():
        offline_index.write_text(f"var __index = {empty}", encoding="utf-8")


def material_passages(config, index_path: Path) -> list[dict]:
    """The passages Material's search plugin has just written to search_index.json, taken from
    the plugin itself (its `search_index.entries`, as static-i18n also takes them): reading the
    file back would hold every passage twice at the build's peak of memory. Under dirty reload
    the plugin holds only the rebuilt page, and the file is read."""
    entries = live_passages(config)
    if entries is not None:
        return entries
    return json.loads(index_path.read_text(encoding="utf-8")).get("docs", [])


def live_passages(config) -> list[dict] | None:
    """Material's search plugin's own list of passages, unless under dirty reload."""
    plugin = config.plugins.get("material/search")
    entries = getattr(getattr(plugin, "search_index", None), "entries", None)
    if isinstance(entries, list) and not getattr(plugin, "is_dirty", False):
        return entries
    return None


def index_config(index_path: Path) -> dict:
    """The `config` of Material's index, which comes first in the file: read from its start."""
    with index_path.open(encoding="utf-8") as file:
        head = file.read(CONFIG_HEAD)
    prefix = '{"config":'
    if head.startswith(prefix):
        with contextlib.suppress(ValueError):
            return json.JSONDecoder().raw_decode(head, len(prefix))[0]
    return json.loads(index_path.read_text(encoding="utf-8")).get("config", {})


def passages_digest(docs: list[dict]) -> str:
    """A digest of the passages, fed one passage at a time: at 1,000 texts the passages of a
    language are tens of MB, which one JSON string of them would hold again at the build's peak."""
    digest = hashlib.sha256()
    for doc in docs:
        for value in (doc.get("location", ""), doc.get("title", ""), doc.get("text", "")):
            digest.update(value.encode("utf-8"))
            digest.update(b"\0")
    return digest.hexdigest()


def worker_script(config, lang: str, dictionary: str | None = None) -> str:
    """The loader with what it loads on the first search: the engine and, once the build has
    split the index, the language's dictionary."""
    worker_dir = PurePosixPath(WORKER.format(lang=lang)).parent
    split = relative(SPLIT.format(lang=lang), worker_dir) + "/"
    scripts = [relative(ENGINE_FILE.format(lang=lang), worker_dir)] + ([split + dictionary] if dictionary else [])
    loader = {"scripts": scripts, "folder": split}
    code = (Path(config.docs_dir) / ENGINE / "loader.js").read_text(encoding="utf-8")
    return "\n".join(["/* Generated by hooks/search.py: what to load on the first search, then the loader. */",
                      f"self.HANDBOOK_SEARCH_LOADER = {json.dumps(loader)};", code])


def relative(path: str, start: PurePosixPath) -> str:
    return posixpath.relpath(path, str(start))
