"""The schema of every data file and of a source page's front matter, in one place.

Each file is read as UTF-8 (any other byte is refused with its line), as YAML whose mappings
never repeat a key, then checked against its model below: types, known keys only, lengths.
A failure becomes one line per problem: file, entry (number and id), field, what is wrong and
how to fix it; never a traceback. Checks that need two files (a duty's party exists, a quote
occurs in its paragraph) are made where both are known: handbook/context.py.

To add a field: add it to the model. To add a section to search.yml: add it to `Lexicon`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from mkdocs.exceptions import PluginError
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError
from pydantic import StrictBool

MAX_SUMMARY = 300  # characters of a summary or a definition: one or two sentences


def text(min_length: int = 1, max_length: int | None = None, pattern: str | None = None):
    return Annotated[str, StringConstraints(strip_whitespace=True, min_length=min_length,
                                            max_length=max_length, pattern=pattern)]


# What each pattern means, for the error message.
ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
KEY_PATTERN = r"^[a-z][a-z0-9_]*$"
PARAGRAPH_PATTERN = r"^p[1-9][0-9]*$"
LINES_PATTERN = r"^[0-9]+-[0-9]+$"
PATTERN_HINTS = {
    ID_PATTERN: "be lower-case ASCII words joined by hyphens, e.g. city-07",
    KEY_PATTERN: "be lower-case ASCII words joined by underscores, e.g. host_unit",
    PARAGRAPH_PATTERN: "be a paragraph id such as p17 (the ¶ number on the page)",
    LINES_PATTERN: "be two line numbers such as \"12-40\"",
}

Text = text()
Id = text(pattern=ID_PATTERN)
Key = text(pattern=KEY_PATTERN)
Name = text(min_length=2, max_length=40)           # a term or a party's name
Summary = text(min_length=2, max_length=MAX_SUMMARY)
Word = text(max_length=40)


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# -- data/duties/<document>.yml ------------------------------------------------------------

class DutyEntry(Model):
    id: Id
    party: Key
    theme: Key
    force: Key
    paragraph: text(pattern=PARAGRAPH_PATTERN)
    quote: text(min_length=2, max_length=MAX_SUMMARY)
    summary_zh: Summary
    summary_en: Summary


# -- data/duty_taxonomy.yml -----------------------------------------------------------------

class Party(Model):
    zh: Name
    en: Name
    other_names: tuple[Name, ...] = ()
    note: Summary | None = None


class Label(Model):
    zh: Text
    en: Text


class Force(Label):
    claimable: StrictBool  # whether "what others owe you" may list it


class DutyTaxonomy(Model):
    parties: Annotated[dict[Key, Party], Field(min_length=1)]
    themes: Annotated[dict[Key, Label], Field(min_length=1)]
    forces: Annotated[dict[Key, Force], Field(min_length=1)]


# -- data/taxonomy.yml ----------------------------------------------------------------------

class Kind(Model):
    en: Text
    slug: Id  # in a new page's file name (the importer) and the anchors of the level pages
    account: StrictBool = False  # one official's account of what was done: only the author's pledges bind


class Level(Model):
    tag: Text
    en: Text
    slug: Id  # in a new page's file name and the level page's path (library/<slug>/)


class SourceTaxonomy(Model):
    kinds: Annotated[dict[Text, Kind], Field(min_length=1)]
    levels: Annotated[dict[Text, Level], Field(min_length=1)]
    required_fields: Annotated[dict[Key, Label], Field(min_length=1)]
    optional_fields: dict[Key, Label] = {}  # shown on the card when filled
    nav_list_limit: Annotated[int, Field(strict=True, ge=0)] = 30  # beyond it, the nav lists level pages only

    def level_name(self, level: str, lang: str) -> str:
        """A level as a page in `lang` names it: its tag (区级) in Chinese, its English name else."""
        return self.levels[level].tag if lang == "zh" else self.levels[level].en

    def kind_name(self, kind: str, lang: str) -> str:
        """A kind as a page in `lang` names it: the kind itself (讲话) in Chinese, its English name else."""
        return kind if lang == "zh" else self.kinds[kind].en


# -- data/roles.yml: role → party → `all` or theme ids ---------------------------------------

Roles = dict[Key, dict[Key, Literal["all"] | Annotated[tuple[Key, ...], Field(min_length=1)]]]


# -- data/glossary.yml ------------------------------------------------------------------------

class TermEntry(Model):
    id: Id
    term: Name
    other_names: tuple[Name, ...] = ()
    guide_only: StrictBool = False  # named by the guide: need not occur in the texts
    en: text(min_length=2, max_length=80)
    definition_zh: Summary
    definition_en: Summary


class Glossary(Model):
    # how many paragraphs the glossary page lists per term; the rest are counted, not listed,
    # so that the page does not grow with the library
    occurrences_shown: Annotated[int, Field(ge=1, le=200)] = 12
    terms: tuple[TermEntry, ...]


# -- data/search.yml: the search lexicon of each language and the engine's ranking settings -----

class Lexicon(Model):
    dictionary: tuple[Word, ...] = ()
    synonyms: tuple[Annotated[tuple[Word, ...], Field(min_length=2)], ...] = ()
    expansions: dict[Word, Annotated[tuple[Word, ...], Field(min_length=1)]] = {}
    stopwords: tuple[Word, ...] = ()
    cut_note: text(min_length=0, max_length=MAX_SUMMARY) = ""  # shown when a query is cut; {max}: its limit


Weight = Annotated[float, Field(ge=0)]
Count = Annotated[int, Field(ge=1)]


class RankingWeights(Model):
    """How much each way of reaching an index word counts (see data/search.yml)."""
    word: Weight
    synonym: Weight
    expansion: Weight
    derived: Weight
    inside: Weight
    own_word_found: Weight
    typo: Weight
    characters: Weight


class RankingSegment(Model):
    longest_word: Count
    known_char: Weight
    unknown_char: Weight


class RankingLimits(Model):
    max_chars: Count
    max_words: Count
    max_marks: Count


class RankingContext(Model):
    """A source page's context: front-matter fields whose words a query may name without the
    answering passage holding them (the speaker's office, the level)."""
    fields: Annotated[tuple[Literal["speaker", "level", "kind", "occasion", "audience"], ...], Field(min_length=1)]
    weight: Weight


class Ranking(Model):
    """The search engine's knobs, passed to it through the worker's settings."""
    k1: Weight
    b: Annotated[float, Field(ge=0, le=1)]
    title_weight: Weight
    page_title_weight: Weight
    passage_sentences: Count
    coverage_floor: Weight
    together_bonus: Weight
    close_section: Weight
    page_sections: Count
    max_sections: Count
    typo_min_length: Count
    weights: RankingWeights
    segment: RankingSegment
    limits: RankingLimits
    texts_folder: text(pattern=r"^[a-z0-9-]+/$")
    entry_pages: Annotated[tuple[text(pattern=r"^[a-z0-9-]+/?$"), ...], Field(min_length=1)]
    page_boosts: dict[text(pattern=r"^[a-z0-9-]+/?$"), Weight]
    page_context: RankingContext | None = None


class SearchData(Lexicon):
    en: Lexicon = Lexicon()
    ranking: Ranking


class DerivedWords(Model):
    """data/search_vocabulary.yml, written by scripts/derive_search_vocabulary.py."""
    derived: dict[Word, Annotated[tuple[Word, ...], Field(min_length=1)]]


# -- data/ui/<lang>.yml: the interface's words, by key -------------------------------------------

UiStrings = Annotated[dict[text(pattern=r"^[a-z_]+(?:\.[a-z_]+)*$"), Annotated[str, StringConstraints(min_length=1)]],
                      Field(min_length=1)]


# -- a source page's front matter ---------------------------------------------------------------

class SourceFrontMatter(Model):
    title: Text
    short_title: text(min_length=0, max_length=40) = ""
    kind: text(min_length=0) = ""
    level: text(min_length=0) = ""
    occasion: text(min_length=0, max_length=MAX_SUMMARY) = ""
    speaker: text(min_length=0, max_length=MAX_SUMMARY) = ""
    audience: text(min_length=0, max_length=MAX_SUMMARY) = ""
    source_file: text(min_length=0) = ""
    source_lines: text(pattern=LINES_PATTERN) | Literal[""] = ""
    translation: Literal["reference"] | None = None
    date: text(min_length=0) = ""  # YYYY-MM, checked with the taxonomy (sources.check_metadata)
    pending_translation: StrictBool = False  # an English twin the importer wrote: the Chinese text


# -- every data file: its model and, where it holds numbered entries, the list that holds them --

FILES = {
    "duties/*.yml": (tuple[DutyEntry, ...], ""),
    "duty_taxonomy.yml": (DutyTaxonomy, None),
    "taxonomy.yml": (SourceTaxonomy, None),
    "roles.yml": (Roles, None),
    "glossary.yml": (Glossary, "terms"),
    "search.yml": (SearchData, None),
    "search_vocabulary.yml": (dict[Literal["zh", "en"], DerivedWords], None),
    "ui/*.yml": (UiStrings, None),
}


def load(kind: str, path: Path):
    """A data file of this kind (a key of FILES), read and checked."""
    model, entries = FILES[kind]
    default = [] if entries == "" else {}
    return validate(model, load_yaml(path, default), str(path), entries)


# -- reading ------------------------------------------------------------------------------------

class UniqueKeyLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """YAML whose mappings refuse a repeated key (PyYAML keeps the last one silently). Parsed by
    libyaml where PyYAML has it: the pure-Python parser was the build's largest own cost."""

    def construct_mapping(self, node, deep=False):
        seen = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"key '{key}' appears twice (first on line {seen[key]}); keep one",
                    key_node.start_mark)
            seen[key] = key_node.start_mark.line + 1
        return super().construct_mapping(node, deep)


def read_text(path: Path) -> str:
    """A file's text; a byte that is not UTF-8 is refused with its line."""
    if not path.exists():
        raise PluginError(f"{path}: data file is missing. Restore it from the repository.")
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig").replace("\r\n", "\n")
    except UnicodeDecodeError as error:
        line = raw[:error.start].count(b"\n") + 1
        raise PluginError(f"{path}:{line}: byte 0x{raw[error.start]:02x} is not UTF-8. "
                          "Save the file as UTF-8.") from None


def parse_yaml(content: str, where: str, first_line: int = 1) -> Any:
    try:
        return yaml.load(content, Loader=UniqueKeyLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f":{mark.line + first_line}" if mark else ""
        raise PluginError(f"{where}{line}: not valid YAML ({getattr(error, 'problem', error)}).") from None


def load_yaml(path: Path, default: Any = None) -> Any:
    """A YAML file's content (an empty file is `default`)."""
    content = parse_yaml(read_text(path), str(path))
    return default if content is None else content


def validate(model, content: Any, where: str, entries: str | None = None):
    """`content` checked against `model`; on failure one line per problem. `entries` names the
    list (e.g. "terms") whose items are numbered entries, or "" for a top-level list."""
    try:
        if isinstance(model, type) and issubclass(model, BaseModel):
            return model.model_validate(content)
        from pydantic import TypeAdapter
        return TypeAdapter(model).validate_python(content)
    except ValidationError as error:
        problems = error.errors()
        # A list whose item is wrong is not also "too short": keep the item's problem.
        deeper = {tuple(p["loc"][:i]) for p in problems for i in range(len(p["loc"]))}
        problems = [p for p in problems if not (p["type"] == "too_short" and tuple(p["loc"]) in deeper)]
        lines = [describe(problem, content, where, entries) for problem in problems]
        raise PluginError("\n".join(dict.fromkeys(lines))) from None


def describe(problem: dict, content: Any, where: str, entries: str | None) -> str:
    loc = list(problem["loc"])
    prefix = where
    if entries is not None and (entries == "" or (loc and loc[0] == entries)):
        if entries:
            loc.pop(0)
            content = content.get(entries) if isinstance(content, dict) else None
        if loc and isinstance(loc[0], int):
            number = loc.pop(0)
            entry = content[number] if isinstance(content, list) and number < len(content) else None
            entry_id = entry.get("id") if isinstance(entry, dict) else None
            prefix += f": entry {number + 1}" + (f" '{entry_id}'" if entry_id else "")
    # Pydantic adds the branch of a union (e.g. `literal['all']`) to the location: drop it.
    loc = [part for part in loc if not str(part).startswith(("literal[", "function-", "tuple["))]
    # Items of a list are numbered from 1, as an editor counts them.
    field = "".join(f" item {part + 1}" if isinstance(part, int) else f".{part}" for part in loc).lstrip(".")
    if problem["type"] == "extra_forbidden":
        return f"{prefix}: unknown field(s) {field}. Check its spelling, or remove it."
    return f"{prefix}: " + (f"field '{field}' " if field else "") + what_and_fix(problem)


TYPE_NAMES = {dict: "a mapping", list: "a list", str: "text", int: "a number", float: "a number",
              bool: "true or false", type(None): "nothing"}


def what_and_fix(problem: dict) -> str:
    kind, context, value = problem["type"], problem.get("ctx") or {}, problem.get("input")
    found = TYPE_NAMES.get(type(value), type(value).__name__)
    if kind == "missing":
        return "is missing or empty. Fill it in."
    if kind in ("string_type",):
        return f"must be text, found {found} ({value!r}). Write it as one line of text."
    if kind in ("tuple_type", "list_type"):
        return f"must be a list, found {found} ({value!r}). Write it as [a, b]."
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return f"must be a mapping of names to values, found {found} ({value!r})."
    if kind == "bool_type":
        return f"must be true or false, found {value!r}."
    if kind == "string_too_short":
        if context.get("min_length") == 1 or not str(value).strip():
            return "is missing or empty. Fill it in."
        return f"is too short ({value!r}): at least {context['min_length']} characters."
    if kind == "string_too_long":
        return f"is {len(value)} characters long; at most {context['max_length']}. Shorten it."
    if kind in ("too_short",):
        return f"needs {context.get('min_length')} or more words, found {value!r}."
    if kind == "string_pattern_mismatch":
        hint = PATTERN_HINTS.get(context.get("pattern"), f"match {context.get('pattern')}")
        return f"must {hint}; found {value!r}."
    if kind == "literal_error":
        return f"{value!r} is not allowed; use {context.get('expected')}."
    return f"{problem['msg']} (found {value!r})."
