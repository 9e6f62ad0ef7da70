"""The search index of one language, built once at build time and split so that the browser
loads only what a query needs (Pagefind's design):
- a dictionary: passage lengths and section boosts (BM25 needs them), the vocabulary with
  each term's document frequency, whether the source texts use it, and its shard, and each
  section's page context (a source's speaker's office and level: rank.js `contextMatches`);
- postings shards: each term's passages (delta-coded) and term weights;
- junction shards: for buckets of two-character strings (hashed), the sections whose passages
  hold one; the words-together bonus of two Chinese words needs their junction in the text, so
  that sections without it need no text;
- pair shards: for buckets of two index terms (hashed) standing in a row or with one word
  between, the first not Chinese, the passages that hold them so; the bonus of two English
  words needs them so, so that passages without the pair need no text;
- content fragments: consecutive sections (location, title, text, tags, page title), fetched
  only for the results that can still be shown.

Every number is what the in-browser engine computed before (docs/assets/javascripts/search/
rank.js, `Index.add`), from the same tokens (segment.js `tokenize`, ported here exactly:
tests/test_search_index.py checks both on every passage of the built site). All files are
classic scripts (`HandbookSearch.receive(key, data)`), so that they load with importScripts
in a worker and with script elements from file://."""

from __future__ import annotations

import hashlib
import json
import math
import re
from array import array
from dataclasses import dataclass, field
from collections.abc import Iterator
from functools import lru_cache

from . import languages
from .han import HAN, HAN_CLASS

# segment.js: HAN, NOT_WORD (JavaScript's \w is ASCII), stripTags, clean
NOT_WORD = re.compile(rf"[^\w{HAN_CLASS}]+", re.ASCII)
TAG = re.compile(r"<[^>]*>")
DIGIT = re.compile(r"\d", re.ASCII)
# rank.js passagesOf: paragraphs and list items, then sentences
BLOCK = re.compile(r"</?(?:p|li|ol|ul)>")
SENTENCE = re.compile(r"[^。！？!?]+[。！？!?]*")
# What JavaScript's String.prototype.trim removes (Python's strip differs on a few characters).
JS_SPACE = ("\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
            "\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff")

# The files' target sizes, in bytes: small enough that a query loads little, large enough
# that a query does not need hundreds of requests.
SHARD_SIZE = 8_000
# A query needs one bucket of a pair shard for each pair of its words' terms (a word has many
# terms once expanded): small files, so that it loads little beyond those buckets (at 1,000
# texts, 1 KB: 4,096 files, the worst English public query 768 KB; 2 KB: 2,048 and 897 KB).
PAIR_SHARD_SIZE = 1_000
FRAGMENT_SIZE = 1_500
# A compact unsigned integer code: 5 bits a character, the 6th says that more follow.
DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"


def strip_tags(value: str) -> str:
    return TAG.sub(" ", value)


def clean(value: str) -> str:
    return value.replace("\u200b", "")


# A paragraph or list item that opens on a colon: the citation before it is kept out of search
# (data-search-exclude), and its excerpt should not start on the colon.
ORPHAN_COLON = re.compile(r"(<(?:p|li)>) *[：:] *")


def tidy_text(value: str) -> str:
    """segment.js `tidy`: the colon a left-out citation leaves at an item's start, dropped."""
    return ORPHAN_COLON.sub(r"\1", value)


def is_han(value: str) -> bool:
    return HAN.search(value) is not None


def spelling(word: str) -> str:
    """segment.js `spelling`: American -ize/-yze endings meet the translations' British ones."""
    word = re.sub(r"([a-z]{3,})iz(e|es|ed|ing|ation|ations|er|ers)$", r"\1is\2", word, count=1)
    return re.sub(r"([a-z]{2,})yz(e|es|ed|ing)$", r"\1ys\2", word, count=1)


@lru_cache(maxsize=None)
def _snowball():
    import snowballstemmer  # Snowball 3.1.1, the same algorithm as snowball-en.js

    return snowballstemmer.stemmer("english")


def light_stem(word: str) -> str:
    """segment.js `stem` without Snowball (the Chinese site's Latin words)."""
    if len(word) <= 3:
        return word
    word = re.sub(r"'s$", "", word, count=1)
    word = re.sub(r"ies$", "y", word, count=1)
    word = re.sub(r"(ss|us)$", r"\1", word, count=1)
    word = re.sub(r"([^s])s$", r"\1", word, count=1)
    return re.sub(r"(.{3,})(ing|ed)$", r"\1", word, count=1)


class Tokenizer:
    """segment.js `tokenize` for one language: Snowball stems English where the language's
    worker loads it (`snowball`), else the light stemmer."""

    def __init__(self, snowball: bool):
        self.snowball = snowball
        self.terms: dict[str, str] = Terms(self)

    def term(self, word: str) -> str:
        lower = spelling(word.lower())
        if DIGIT.search(lower):
            return lower
        return _snowball().stemWord(lower) if self.snowball else light_stem(lower)

    def tokenize(self, value: str) -> list[str]:
        return list(map(self.terms.__getitem__, filter(None, NOT_WORD.split(strip_tags(value)))))


class Terms(dict):
    """Word -> its term, each word looked at once per build (then a lookup in C)."""

    def __init__(self, tokenizer: Tokenizer):
        super().__init__()
        self.tokenizer = tokenizer

    def __missing__(self, word: str) -> str:
        token = self[word] = word if is_han(word) else self.tokenizer.term(word)
        return token


def js_trim(value: str) -> str:
    return value.strip(JS_SPACE)


def passages_of(html: str, size: int) -> list[str]:
    """rank.js `passagesOf`: windows of `size` sentences inside each paragraph or list item."""
    passages = []
    for part in BLOCK.split(html):
        if not js_trim(strip_tags(part)):
            continue
        sentences = SENTENCE.findall(part) or [part]
        if len(sentences) <= size:
            passages.append(part)
            continue
        passages += ["".join(sentences[i:i + size]) for i in range(len(sentences) - size + 1)]
    return passages or [""]


def code_of(n: int) -> str:
    """One number's code."""
    out = []
    while n >= 32:
        out.append(DIGITS[32 | (n & 31)])
        n >>= 5
    out.append(DIGITS[n])
    return "".join(out)


class Codes(dict):
    """Number -> its code, computed once: the numbers are mostly small and repeat, so that
    encoding is a lookup in C (twice as fast). Numbers from CODES_KEPT on are computed each time,
    so that the table stays small."""

    def __missing__(self, n: int) -> str:
        code = code_of(n)
        if n < CODES_KEPT:
            self[n] = code
        return code


CODES_KEPT = 1 << 15  # up to three characters
CODES = Codes()


def encode(numbers) -> str:
    return "".join(map(CODES.__getitem__, numbers))


def decode(text: str) -> list[int]:
    numbers, value, shift = [], 0, 0
    for char in text:
        digit = DIGITS.index(char)
        value |= (digit & 31) << shift
        shift += 5
        if digit < 32:
            numbers.append(value)
            value, shift = 0, 0
    return numbers


class Sections:
    """The sections' fragment records (location, title, text, page title, tags, passages if
    they travel), each made when it is read: a record holds the section's text without U+200B,
    a copy of Material's passage that, kept for every section, would add the language's whole
    text to the build's memory (tens of MB at 1,000 texts)."""

    def __init__(self):
        self.parts: list[tuple[dict, str | None, list[str] | None]] = []

    def append(self, doc: dict, page_title: str | None, passages: list[str] | None) -> None:
        self.parts.append((doc, page_title, passages))

    def __len__(self) -> int:
        return len(self.parts)

    def __getitem__(self, number):
        if isinstance(number, slice):
            return [record(*part) for part in self.parts[number]]
        return record(*self.parts[number])

    def __iter__(self) -> Iterator[dict]:
        return (record(*part) for part in self.parts)


def record(doc: dict, page_title: str | None, passages: list[str] | None) -> dict:
    """A section's fragment record: l(ocation), t(itle), (te)x(t), p(age title), (ta)g(s), s(passages)."""
    made = {"l": doc["location"], "t": clean(doc.get("title") or ""), "x": clean(doc.get("text") or "")}
    if page_title is not None:
        made["p"] = page_title
    if doc.get("tags"):
        made["g"] = doc["tags"]
    if passages is not None:
        made["s"] = passages
    return made


@dataclass
class LanguageIndex:
    """What rank.js `Index.add` computed, for one language."""
    sections: Sections = field(default_factory=Sections)   # the fragment records
    boosts: list[float] = field(default_factory=list)    # per section
    lengths: list[int] = field(default_factory=list)     # per passage
    first_passage: list[int] = field(default_factory=list)  # per section
    # term -> passage, weight, passage, weight... (a weight is its number in `weights`)
    postings: dict[str, array] = field(default_factory=dict)
    weights: dict[float, int] = field(default_factory=dict)
    in_texts: set[str] = field(default_factory=set)
    average_length: float = 1.0
    # the buckets of the two-character strings each section's passages hold, section after
    # section (`junction_ends`: where each section's end), and how many buckets there are
    junction_buckets: array = field(default_factory=lambda: array("i"))
    junction_ends: array = field(default_factory=lambda: array("i"))
    buckets: int = 1
    # the same for the buckets of the term pairs each passage holds, passage after passage
    pair_buckets: array = field(default_factory=lambda: array("i"))
    pair_ends: array = field(default_factory=lambda: array("i"))
    pair_bucket_count: int = 1
    # the page contexts' terms (space-separated), and per section its context's number + 1 (0: none)
    contexts: dict[str, int] = field(default_factory=dict)
    section_contexts: list[int] = field(default_factory=list)

    def junctions(self) -> Iterator[array]:
        """Bucket -> the sections whose passages hold one of its strings."""
        return bucket_lists(self.junction_buckets, self.junction_ends, self.buckets)

    def pairs(self) -> Iterator[array]:
        """Bucket -> the passages that hold one of its term pairs."""
        return bucket_lists(self.pair_buckets, self.pair_ends, self.pair_bucket_count)


def bucket_lists(numbers: array, ends: array, buckets: int) -> Iterator[array]:
    """Bucket -> the items that hold it, from each item's buckets listed item after item
    (`ends`: where each item's end); a counting sort: one flat array, not an array per bucket."""
    starts = array("i", bytes(4 * (buckets + 1)))
    for number in numbers:
        starts[number + 1] += 1
    for number in range(buckets):
        starts[number + 1] += starts[number]
    items = array("i", bytes(4 * len(numbers)))
    place = array("i", starts)
    start = 0
    for item, end in enumerate(ends):
        for number in numbers[start:end]:
            items[place[number]] = item
            place[number] += 1
        start = end
    for number in range(buckets):
        yield items[starts[number]:starts[number + 1]]


def utf16(text: str) -> str:
    """The text as JavaScript indexes it: characters beyond U+FFFF as two surrogates."""
    if not text or max(text) < "\U00010000":
        return text
    data = text.encode("utf-16-le", "surrogatepass")
    return "".join(chr(int.from_bytes(data[i:i + 2], "little")) for i in range(0, len(data), 2))


def bucket_count(docs: list[dict]) -> int:
    """Buckets for the two-character strings: about one for every 8 characters of text, so that
    a rare pair seldom shares its bucket with a common one."""
    size = sum(len(doc.get("text") or "") for doc in docs) // 8
    return 1 << max(10, size.bit_length())


def pair_bucket_count(docs: list[dict]) -> int:
    """Buckets for the term pairs: about one for every 32 characters of text (4 or 5 English
    words), so that a rare pair seldom shares its bucket with a common one."""
    size = sum(len(doc.get("text") or "") for doc in docs) // 32
    return 1 << max(10, size.bit_length())


def term_pairs(tokens: list[str]) -> set[str]:
    """rank.js `adjacent`: the terms in a row or with one word between, the first not
    Chinese (the bonus of two Chinese words is found in the text), as "first second"."""
    pairs = set()
    for i, first in enumerate(tokens[:-1]):
        if first.isascii():  # the tokens are ASCII words or Chinese runs (NOT_WORD)
            pairs.add(first + " " + tokens[i + 1])
            if i + 2 < len(tokens):
                pairs.add(first + " " + tokens[i + 2])
    return pairs


def bucket(pair: str, buckets: int) -> int:
    """FNV-1a over the string's UTF-16 units (shards.js computes the same; the strings are
    two characters, or two terms, all within the Basic Multilingual Plane)."""
    value = 2166136261
    for char in pair:
        value = ((value ^ ord(char)) * 16777619) & 0xFFFFFFFF
    return value & (buckets - 1)


class Buckets(dict):
    """Two-character string -> its bucket, computed once."""

    def __init__(self, buckets: int):
        super().__init__()
        self.buckets = buckets

    def __missing__(self, pair: str) -> int:
        value = self[pair] = bucket(pair, self.buckets)
        return value


def directory_form(location: str) -> str:
    """rank.js `directoryForm`: a location as the online site names it. The offline bundle
    (use_directory_urls off) names about/ about.html and guide/ guide/index.html, and the
    settings name pages and folders the online way (`page_boosts`: about/)."""
    page, mark, anchor = location.partition("#")
    page = re.sub(r"(^|/)index\.html$", r"\1", page)
    return re.sub(r"\.html$", "/", page) + mark + anchor


def boost(doc: dict, prefix: str, ranking: dict) -> float:
    """rank.js `boost`: the page's own `search: boost`, else its folder's, else 1."""
    if isinstance(doc.get("boost"), (int, float)) and not isinstance(doc.get("boost"), bool):
        return doc["boost"]
    path = directory_form(doc["location"][len(prefix):])
    folder = next((f for f in ranking.get("page_boosts") or {} if path.startswith(f)), None)
    return ranking["page_boosts"][folder] if folder is not None else 1


# A source's speaker description names its office in brackets where it gives one
# ("Seconded cadre (serving as deputy district head)", "挂职干部（挂任副区长）").
BRACKETED = re.compile(r"[（(]([^（）()]+)[）)]")


def role_of(speaker: str) -> str:
    """The office a speaker held: the last bracketed part of the description, else all of it
    (the description's other words, "leader", "cadre", would match passages of every page)."""
    found = BRACKETED.findall(speaker or "")
    return found[-1] if found else (speaker or "")


def page_context(meta: dict, fields, names: dict) -> str:
    """A source page's context words (`ranking.page_context.fields` of its front matter): the
    speaker's office, and the other fields' values, a value named in `names` (field -> value
    -> its name in the page's language: the taxonomy's levels and kinds) by its name."""
    parts = []
    for name in fields:
        value = meta.get(name)
        if not isinstance(value, str) or not value:
            continue
        parts.append(role_of(value) if name == "speaker" else names.get(name, {}).get(value, value))
    return " ".join(parts)


def context_number(index: LanguageIndex, terms: list[str]) -> int:
    """The number + 1 of a context's terms in `index.contexts` (0: none), added if new."""
    if not terms:
        return 0
    key = " ".join(sorted(set(terms)))
    return index.contexts.setdefault(key, len(index.contexts)) + 1


def build(docs: list[dict], prefixes: dict, ranking: dict, tokenizer: Tokenizer) -> LanguageIndex:
    """The index of the docs of one language (Material's search index entries)."""
    index = LanguageIndex()
    prefix = prefixes["prefix"]
    texts = prefix + ranking["texts_folder"]
    size = ranking["passage_sentences"]
    page_tokens_of = {doc["location"]: tokenizer.tokenize(doc.get("title") or "")
                      for doc in docs if "#" not in doc["location"]}
    # a page's context (its `context`, hooks/search.py), when the ranking uses one
    context_of = {doc["location"]: tokenizer.tokenize(doc.get("context") or "")
                  for doc in docs if "#" not in doc["location"]} if ranking.get("page_context") else {}
    docs = [dict(doc, text=tidy_text(doc["text"])) if doc.get("text") else doc for doc in docs]
    kept = [doc for doc in docs if languages.belongs(doc["location"], prefixes)
            and ("#" not in doc["location"] or js_trim(strip_tags(doc.get("text") or "")))]
    page_titles: dict[str, str] = {}
    for doc in kept:
        if "#" not in doc["location"]:
            page_titles.setdefault(doc["location"], clean(doc.get("title") or ""))
    total_length = 0
    buckets = bucket_count(kept)
    index.buckets = buckets
    bucket_of = Buckets(buckets)
    index.pair_bucket_count = pair_bucket_count(kept)
    pair_of = Buckets(index.pair_bucket_count)
    for doc in kept:
        location, raw_text = doc["location"], doc.get("text") or ""
        page = location.split("#")[0]
        passages = passages_of(raw_text, size)
        plains = [clean(strip_tags(p)) for p in passages]
        # the browser derives the passages from the cleaned text; where that differs (a part
        # of nothing but U+200B), the passages travel with the section
        differ = [clean(strip_tags(p)) for p in passages_of(clean(raw_text), size)] != plains
        index.sections.append(doc, page_titles.get(page), plains if differ else None)
        index.boosts.append(boost(doc, prefix, ranking))
        index.section_contexts.append(context_number(index, context_of.get(page, [])))
        index.first_passage.append(len(index.lengths))
        # the titles' words count in each passage, added first (rank.js adds in this order)
        titles: dict[str, float] = {}
        for token in page_tokens_of.get(page, []) if page != location else []:
            titles[token] = titles.get(token, 0) + ranking["page_title_weight"]
        for token in tokenizer.tokenize(doc.get("title") or ""):
            titles[token] = titles.get(token, 0) + ranking["title_weight"]
        from_texts = location.startswith(texts)
        pairs: set[str] = set()
        for passage, plain in zip(passages, plains):
            number = len(index.lengths)
            units = utf16(plain)
            pairs.update(map(str.__add__, units[:-1], units[1:]))
            counts = dict(titles)
            tokens = tokenizer.tokenize(passage)
            # rank.js `together` compares the terms of the passage's plain text: the same
            # unless jieba's U+200B alone parted two words
            plain_tokens = tokens if "\u200b" not in passage else tokenizer.tokenize(plain)
            index.pair_buckets.extend(set(map(pair_of.__getitem__, term_pairs(plain_tokens))))
            index.pair_ends.append(len(index.pair_buckets))
            for token in tokens:
                counts[token] = counts.get(token, 0) + 1
            if from_texts:
                index.in_texts.update(tokens)
            index.lengths.append(len(tokens))
            for token, count in counts.items():
                postings = index.postings.get(token)
                if postings is None:
                    postings = index.postings[token] = array("i")
                postings.append(number)
                postings.append(index.weights.setdefault(count, len(index.weights)))
            total_length += len(tokens)
        index.junction_buckets.extend(set(map(bucket_of.__getitem__, pairs)))
        index.junction_ends.append(len(index.junction_buckets))
    index.average_length = max(1, total_length / max(1, len(index.lengths)))
    return index


@dataclass
class Script:
    """One file of the split index: its name under the language's folder and its content."""
    name: str
    content: str


DIGEST = 10  # hexadecimal digits of a file's content hash in its name


def script(key: str, stem: str, data) -> Script:
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    content = f"HandbookSearch.receive({json.dumps(key)},{body});\n"
    digest = hashlib.sha256(content.encode("utf-8")).hexdigest()[:DIGEST]
    return Script(f"{stem}.{digest}.js", content)


def digest(file: Script) -> str:
    return file.name.split(".")[1]


def deltas(numbers) -> str:
    if not numbers:  # most buckets are empty
        return ""
    return encode(b - a for a, b in zip([0, *numbers], numbers))


def junction_shards(index: LanguageIndex, lang: str, firsts: list[int]) -> Iterator[Script]:
    """The junction buckets' sections, delta-coded, in files of about SHARD_SIZE bytes (each
    file's codes in one comma-separated string: most buckets are small); each file's first
    bucket is added to `firsts`."""
    current, current_size = [], 0
    for number, sections in enumerate(index.junctions()):
        current.append(deltas(sections))
        current_size += len(current[-1]) + 1
        if current_size > SHARD_SIZE or number == index.buckets - 1:
            yield script(f"{lang}/j{len(firsts)}", f"j{len(firsts)}", ",".join(current))
            firsts.append(number + 1 - len(current))
            current, current_size = [], 0


def pairs_per_file(codes: list[str]) -> int:
    """Buckets in each pair shard, a power of two, so that the shards hold about
    PAIR_SHARD_SIZE bytes each; a bucket's shard is its number divided by it."""
    size = sum(map(len, codes)) + len(codes)
    files = max(1, round(size / PAIR_SHARD_SIZE))
    return 1 << max(0, round(math.log2(max(1, len(codes) / files))))


def pair_shards(codes: list[str], per_file: int, lang: str) -> Iterator[Script]:
    """The pair buckets' passages (`codes`, delta-coded), `per_file` buckets a file, named
    w<n> (the digest of them all is added)."""
    for file in range(0, len(codes) // per_file):
        content = script(f"{lang}/w{file}", f"w{file}", ",".join(codes[file * per_file:(file + 1) * per_file])).content
        yield Script(f"w{file}", content)


def split(index: LanguageIndex, lang: str) -> Iterator[Script]:
    """The shards and fragments, then the dictionary that names them, one at a time (the
    postings are delta-coded in place: the index is spent)."""
    shards, current, current_size = [], [], 0
    for term in sorted(index.postings):
        numbers, previous = index.postings[term], -1
        for i in range(0, len(numbers), 2):
            numbers[i], previous = numbers[i] - previous - 1, numbers[i]
        code = encode(numbers)
        if current and current_size + len(code) > SHARD_SIZE:
            shards.append(current)
            current, current_size = [], 0
        current.append((term, code))
        current_size += len(code) + len(term)
    if current:
        shards.append(current)
    # the files of each kind are named p<n>, f<n>, j<n>, w<n> and their digests, listed in order
    digests = {"p": [], "f": [], "j": [], "w": []}
    terms, counts = [], []
    for number, shard in enumerate(shards):
        file = script(f"{lang}/p{number}", f"p{number}", [code for _, code in shard])
        yield file
        digests["p"].append(digest(file))
        terms.append(" ".join(term for term, _ in shard))
        counts.append(encode(len(index.postings[term]) + (term in index.in_texts) for term, _ in shard))
    fragment_firsts, records, size = [], [], 0
    for number, made in enumerate(index.sections):  # one fragment's records at a time
        records.append(made)
        size += len(json.dumps(made, ensure_ascii=False).encode("utf-8"))
        if size > FRAGMENT_SIZE or number == len(index.sections) - 1:
            file = script(f"{lang}/f{len(fragment_firsts)}", f"f{len(fragment_firsts)}", records)
            yield file
            digests["f"].append(digest(file))
            fragment_firsts.append(number + 1 - len(records))
            records, size = [], 0
    junction_firsts = []
    for file in junction_shards(index, lang, junction_firsts):
        yield file
        digests["j"].append(digest(file))
    # one digest for all the pair shards: many small files, each named in the dictionary,
    # would weigh on it
    pair_codes = [deltas(passages) for passages in index.pairs()]
    per_file = pairs_per_file(pair_codes)
    pair_files = list(pair_shards(pair_codes, per_file, lang))
    pairs_digest = hashlib.sha256("".join(file.content for file in pair_files).encode("utf-8")).hexdigest()[:DIGEST]
    for file in pair_files:
        yield Script(f"{file.name}.{pairs_digest}.js", file.content)
    digests["w"] = [pairs_digest]
    boost_values: dict[float, int] = {}
    starts = set(index.first_passage)
    dictionary = {
        "passages": len(index.lengths),
        "sections": len(index.sections),
        "averageLength": index.average_length,
        "tf": list(index.weights),
        "lengths": encode(length * 2 + (number in starts) for number, length in enumerate(index.lengths)),
        "boosts": encode(boost_values.setdefault(value, len(boost_values)) for value in index.boosts),
        "boostValues": list(boost_values),
        "terms": terms,   # per postings shard, its terms (space-separated)
        "counts": counts,  # and for each, document frequency × 2 + 1 if the source texts use it
        "fragmentFirsts": deltas(fragment_firsts),
        "buckets": index.buckets,
        "junctionFirsts": deltas(junction_firsts),
        "pairBuckets": index.pair_bucket_count,
        "contexts": list(index.contexts),  # each page context's terms
        "sectionContexts": encode(index.section_contexts),  # per section, its context's number + 1
        "pairsPerFile": per_file,
        "files": {kind: "".join(values) for kind, values in digests.items()},
    }
    yield script(f"{lang}/dictionary", "dictionary", dictionary)
