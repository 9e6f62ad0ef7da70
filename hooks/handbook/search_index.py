"""The search index of one language, built once at build time and split so that the browser
loads only what a query needs (Pagefind's design):
- a dictionary: passage lengths and section boosts (BM25 needs them), and the vocabulary with
  each term's document frequency, whether the source texts use it, and its shard;
- postings shards: each term's passages (delta-coded) and term weights;
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
import re
from dataclasses import dataclass, field
from functools import lru_cache

# segment.js: HAN, NOT_WORD (JavaScript's \w is ASCII), stripTags, clean
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
NOT_WORD = re.compile(r"[^\w\u3400-\u9fff\uf900-\ufaff]+", re.ASCII)
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
FRAGMENT_SIZE = 4_000
# A compact unsigned integer code: 5 bits a character, the 6th says that more follow.
DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"


def strip_tags(value: str) -> str:
    return TAG.sub(" ", value)


def clean(value: str) -> str:
    return value.replace("\u200b", "")


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
        self.terms: dict[str, str] = {}

    def term(self, word: str) -> str:
        known = self.terms.get(word)
        if known is None:
            lower = spelling(word.lower())
            if DIGIT.search(lower):
                known = lower
            elif self.snowball:
                known = _snowball().stemWord(lower)
            else:
                known = light_stem(lower)
            self.terms[word] = known
        return known

    def tokenize(self, value: str) -> list[str]:
        return [token if is_han(token) else self.term(token)
                for token in NOT_WORD.split(strip_tags(value)) if token]


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


def encode(numbers) -> str:
    out = []
    for n in numbers:
        while n >= 32:
            out.append(DIGITS[32 | (n & 31)])
            n >>= 5
        out.append(DIGITS[n])
    return "".join(out)


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


@dataclass
class LanguageIndex:
    """What rank.js `Index.add` computed, for one language."""
    sections: list[dict] = field(default_factory=list)   # the fragment records
    boosts: list[float] = field(default_factory=list)    # per section
    lengths: list[int] = field(default_factory=list)     # per passage
    first_passage: list[int] = field(default_factory=list)  # per section
    postings: dict[str, list[tuple[int, float]]] = field(default_factory=dict)
    in_texts: set[str] = field(default_factory=set)
    average_length: float = 1.0


def belongs(location: str, prefixes: dict) -> bool:
    """The default language at the root, the others under <lang>/."""
    if prefixes["prefix"]:
        return location.startswith(prefixes["prefix"])
    return not any(location.startswith(other) for other in prefixes["otherPrefixes"])


def boost(doc: dict, prefix: str, ranking: dict) -> float:
    """rank.js `boost`: the page's own `search: boost`, else its folder's, else 1."""
    if isinstance(doc.get("boost"), (int, float)) and not isinstance(doc.get("boost"), bool):
        return doc["boost"]
    path = doc["location"][len(prefix):]
    folder = next((f for f in ranking.get("page_boosts") or {} if path.startswith(f)), None)
    return ranking["page_boosts"][folder] if folder is not None else 1


def build(docs: list[dict], prefixes: dict, ranking: dict, tokenizer: Tokenizer) -> LanguageIndex:
    """The index of the docs of one language (Material's search index entries)."""
    index = LanguageIndex()
    prefix = prefixes["prefix"]
    texts = prefix + ranking["texts_folder"]
    size = ranking["passage_sentences"]
    page_tokens_of = {doc["location"]: tokenizer.tokenize(doc.get("title") or "")
                      for doc in docs if "#" not in doc["location"]}
    kept = [doc for doc in docs if belongs(doc["location"], prefixes)
            and ("#" not in doc["location"] or js_trim(strip_tags(doc.get("text") or "")))]
    page_titles: dict[str, str] = {}
    for doc in kept:
        if "#" not in doc["location"]:
            page_titles.setdefault(doc["location"], clean(doc.get("title") or ""))
    total_length = 0
    for section, doc in enumerate(kept):
        location, raw_text = doc["location"], doc.get("text") or ""
        title, text = clean(doc.get("title") or ""), clean(raw_text)
        page = location.split("#")[0]
        record = {"l": location, "t": title, "x": text}
        if page in page_titles:
            record["p"] = page_titles[page]
        if doc.get("tags"):
            record["g"] = doc["tags"]
        passages = passages_of(raw_text, size)
        plains = [clean(strip_tags(p)) for p in passages]
        # the browser derives the passages from the cleaned text; where that differs (a part
        # of nothing but U+200B), the passages travel with the section
        if [clean(strip_tags(p)) for p in passages_of(text, size)] != plains:
            record["s"] = plains
        index.sections.append(record)
        index.boosts.append(boost(doc, prefix, ranking))
        index.first_passage.append(len(index.lengths))
        title_tokens = tokenizer.tokenize(doc.get("title") or "")
        page_tokens = page_tokens_of.get(page, []) if page != location else []
        from_texts = location.startswith(texts)
        for passage in passages:
            counts: dict[str, float] = {}
            for token in page_tokens:
                counts[token] = counts.get(token, 0) + ranking["page_title_weight"]
            for token in title_tokens:
                counts[token] = counts.get(token, 0) + ranking["title_weight"]
            tokens = tokenizer.tokenize(passage)
            for token in tokens:
                counts[token] = counts.get(token, 0) + 1
            if from_texts:
                index.in_texts.update(tokens)
            number = len(index.lengths)
            index.lengths.append(len(tokens))
            for token, count in counts.items():
                index.postings.setdefault(token, []).append((number, count))
            total_length += len(tokens)
    index.average_length = max(1, total_length / max(1, len(index.lengths)))
    return index


@dataclass
class Script:
    """One file of the split index: its name under the language's folder and its content."""
    name: str
    content: str


def script(key: str, stem: str, data) -> Script:
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    content = f"HandbookSearch.receive({json.dumps(key)},{body});\n"
    digest = hashlib.sha256(content.encode("utf-8")).hexdigest()[:10]
    return Script(f"{stem}.{digest}.js", content)


def split(index: LanguageIndex, lang: str) -> tuple[Script, list[Script]]:
    """The dictionary and the shards and fragments it names."""
    files: list[Script] = []
    tf_values: dict[float, int] = {}
    shards, current, current_size = [], [], 0
    for term in sorted(index.postings):
        numbers, previous = [], -1
        for passage, count in index.postings[term]:
            numbers += [passage - previous - 1, tf_values.setdefault(count, len(tf_values))]
            previous = passage
        code = encode(numbers)
        if current and current_size + len(code) > SHARD_SIZE:
            shards.append(current)
            current, current_size = [], 0
        current.append((term, code))
        current_size += len(code) + len(term)
    if current:
        shards.append(current)
    shard_entries = []
    for number, shard in enumerate(shards):
        file = script(f"{lang}/p{number}", f"p{number}", [code for _, code in shard])
        files.append(file)
        shard_entries.append({
            "file": file.name,
            "terms": " ".join(term for term, _ in shard),
            "counts": encode(len(index.postings[term]) * 2 + (term in index.in_texts) for term, _ in shard),
        })
    fragments, first, size = [], 0, 0
    for number, record in enumerate(index.sections):
        size += len(json.dumps(record, ensure_ascii=False).encode("utf-8"))
        if size > FRAGMENT_SIZE or number == len(index.sections) - 1:
            fragments.append((first, number + 1))
            first, size = number + 1, 0
    fragment_entries = []
    for number, (start, end) in enumerate(fragments):
        file = script(f"{lang}/f{number}", f"f{number}", index.sections[start:end])
        files.append(file)
        fragment_entries.append({"file": file.name, "first": start})
    boost_values: dict[float, int] = {}
    starts = set(index.first_passage)
    dictionary = {
        "passages": len(index.lengths),
        "sections": len(index.sections),
        "averageLength": index.average_length,
        "tf": list(tf_values),
        "lengths": encode(length * 2 + (number in starts) for number, length in enumerate(index.lengths)),
        "boosts": encode(boost_values.setdefault(value, len(boost_values)) for value in index.boosts),
        "boostValues": list(boost_values),
        "shards": shard_entries,
        "fragments": fragment_entries,
    }
    return script(f"{lang}/dictionary", "dictionary", dictionary), files
