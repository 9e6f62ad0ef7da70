"""The derived everyday Chinese words (data/search_vocabulary.yml) that still hold for the pages.

scripts/derive_search_vocabulary.py maps only words that the Chinese pages do not use, not even
inside a longer word, to words of the texts. A text imported since it last ran may use such a
word (the reader's word is then found as it is, and leading it elsewhere would only add noise),
and a retired text may take a target word with it. The build leaves those out of what the
engine receives and says so at info level: adding a text must not wait for the model, and
running the derivation again brings the data up to date."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

from .han import HAN


@dataclass
class Current:
    derived: dict[str, list[str]]                        # what the engine receives
    used: list[str] = field(default_factory=list)        # words the texts now use
    targets_gone: list[str] = field(default_factory=list)  # targets no text holds any more

    def note(self) -> str | None:
        """One line for the build's log, or None when the data holds as derived."""
        if not self.used and not self.targets_gone:
            return None
        parts = []
        if self.used:
            parts.append(f"{len(self.used)} derived words that the texts now use are left out ({sample(self.used)})")
        if self.targets_gone:
            parts.append(f"{len(self.targets_gone)} targets the index lacks are left out ({sample(self.targets_gone)})")
        return ("data/search_vocabulary.yml: " + "; ".join(parts)
                + ". Run scripts/derive_search_vocabulary.py again to derive them for the texts as they are.")


def sample(words: list[str], shown: int = 8) -> str:
    return "、".join(words[:shown]) + ("…" if len(words) > shown else "")


def current(derived: dict[str, list[str]], text_tokens: Iterable[str], index_tokens: Collection[str]) -> Current:
    """`derived` without the Chinese words that a word of the texts holds (as itself or inside
    a longer word, as the derivation reads them) and without targets that the index no longer
    holds (the engine could not reach them); a word left with no target goes too."""
    longest = max((len(word) for word in derived if HAN.search(word)), default=0)
    inside: set[str] = set()  # only derived words: a set of every part of every text word took 24 MiB at 1,000 texts
    for token in text_tokens:
        if not HAN.search(token):
            continue
        for start in range(len(token) - 1):
            for end in range(start + 2, min(len(token), start + longest) + 1):
                if token[start:end] in derived:
                    inside.add(token[start:end])
    result = Current({})
    gone: set[str] = set()
    for word, targets in derived.items():
        if not HAN.search(word):  # English words lead to stems of words the pages may well use
            result.derived[word] = targets
            continue
        if word in inside:
            result.used.append(word)
            continue
        kept = [target for target in targets if target in index_tokens]
        gone.update(target for target in targets if target not in index_tokens)
        if kept:
            result.derived[word] = kept
    result.targets_gone = sorted(gone)
    return result
