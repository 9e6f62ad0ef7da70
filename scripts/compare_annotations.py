"""Compare independent annotation passes with the duty registry (data/duties/*.yml).

    python3 scripts/compare_annotations.py data/annotations/pass2_docs1-3.yml data/annotations/pass2_docs4-5.yml

A pass is a YAML list of entries with `source`, `paragraph`, `party`, `force` and `quote` (the
annotators' other fields are ignored). A pass entry matches a registry entry when both stand in
the same paragraph and their quotes overlap. For the documents the passes cover, it prints how
many registry entries the passes found, how many pass entries the registry lacks, and how often
matched entries agree on force and party; --list names the entries on each side without a match.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))  # also without `pip install -e .`

from handbook.sources import parse_document  # noqa: E402


@dataclass
class Entry:
    label: str  # registry id, or the pass file and entry number
    source: str
    paragraph: str
    party: str
    force: str
    quote: str
    start: int  # where the quote starts in its paragraph; -1 if it is not found there

    @property
    def end(self) -> int:
        return self.start + len(self.quote)

    def overlaps(self, other: Entry) -> bool:
        return (self.source, self.paragraph) == (other.source, other.paragraph) and self.start >= 0 \
            and other.start >= 0 and self.start < other.end and other.start < self.end


class Texts:
    """The Chinese source pages' paragraphs, parsed as the build parses them."""

    def __init__(self, sources_dir: Path):
        self.dir = sources_dir
        self.documents = {}

    def position(self, source: str, paragraph: str, quote: str) -> int:
        if source not in self.documents:
            path = self.dir / f"{source}.md"
            if not path.exists():
                raise SystemExit(f"{path}: no such source page (entry quoting “{quote}”).")
            self.documents[source] = parse_document(path, f"sources/{source}.md")
        found = self.documents[source].paragraphs.get(str(paragraph))
        return found.text.find(quote) if found else -1


def read_entries(path: Path, texts: Texts, source: str | None = None) -> list[Entry]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    if not isinstance(data, list):
        raise SystemExit(f"{path}: expected a list of entries.")
    entries = []
    for number, item in enumerate(data, 1):
        missing = [k for k in ("paragraph", "party", "force", "quote") if not item.get(k)]
        if source is None and not item.get("source"):
            missing.append("source")
        if missing:
            raise SystemExit(f"{path}: entry {number}: field(s) {', '.join(missing)} missing.")
        doc = source or str(item["source"])
        quote = str(item["quote"])
        label = str(item["id"]) if source else f"{path.name}#{number}"
        entries.append(Entry(label, doc, str(item["paragraph"]), str(item["party"]), str(item["force"]),
                             quote, texts.position(doc, str(item["paragraph"]), quote)))
    return entries


def compare(registry: list[Entry], passes: list[Entry]) -> dict:
    covered = {e.source for e in passes}
    registry = [e for e in registry if e.source in covered]
    matches = {r.label: [p for p in passes if r.overlaps(p)] for r in registry}
    unmatched_pass = [p for p in passes if not any(p.overlaps(r) for r in registry)]
    pairs = []  # each matched registry entry with the pass entry that overlaps it most
    for r in registry:
        if matches[r.label]:
            best = max(matches[r.label], key=lambda p: min(r.end, p.end) - max(r.start, p.start))
            pairs.append((r, best))
    return {
        "documents": sorted(covered),
        "registry": registry,
        "passes": passes,
        "found": [r for r in registry if matches[r.label]],
        "missed": [r for r in registry if not matches[r.label]],
        "unmatched_pass": unmatched_pass,
        "not_verbatim": [p for p in passes if p.start < 0],
        "pairs": pairs,
        "force_agree": sum(r.force == p.force for r, p in pairs),
        "party_agree": sum(r.party == p.party for r, p in pairs),
        "kappa": kappa([(r.force, p.force) for r, p in pairs]),
        "confusion": Counter((r.force, p.force) for r, p in pairs if r.force != p.force),
    }


def kappa(pairs: list[tuple[str, str]]) -> float:
    """Cohen's kappa of two labellings of the same items."""
    if not pairs:
        return float("nan")
    n = len(pairs)
    observed = sum(a == b for a, b in pairs) / n
    first, second = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(first[k] * second[k] for k in first) / n / n
    return 1.0 if expected == 1 else (observed - expected) / (1 - expected)


def percent(part: int, whole: int) -> str:
    return f"{part}/{whole} ({100 * part / whole:.0f}%)" if whole else "0/0"


def report(result: dict, listing: bool) -> None:
    registry, passes, pairs = result["registry"], result["passes"], result["pairs"]
    print(f"documents: {', '.join(result['documents'])}")
    print(f"registry entries: {len(registry)}; pass entries: {len(passes)}"
          f" ({len(result['not_verbatim'])} quotes not found verbatim in their paragraph)")
    print(f"registry entries found by the pass: {percent(len(result['found']), len(registry))}")
    print(f"pass entries the registry lacks: {percent(len(result['unmatched_pass']), len(passes))}")
    print(f"force agreement on matched entries: {percent(result['force_agree'], len(pairs))}, "
          f"Cohen's kappa {result['kappa']:.2f}")
    print(f"party agreement on matched entries: {percent(result['party_agree'], len(pairs))}")
    print("force disagreements (registry -> pass): " + (", ".join(
        f"{a}->{b} {n}" for (a, b), n in result["confusion"].most_common()) or "none"))
    print("per document (registry found / registry, pass unmatched / pass):")
    for doc in result["documents"]:
        reg = [r for r in registry if r.source == doc]
        found = [r for r in result["found"] if r.source == doc]
        mine = [p for p in passes if p.source == doc]
        lacking = [p for p in result["unmatched_pass"] if p.source == doc]
        print(f"  {doc}: {len(found)}/{len(reg)}, {len(lacking)}/{len(mine)}")
    if listing:
        print("registry entries no pass entry overlaps:")
        for r in result["missed"]:
            print(f"  {r.label} {r.paragraph} {r.party}/{r.force}: {r.quote}")
        print("pass entries the registry lacks:")
        for p in result["unmatched_pass"]:
            print(f"  {p.label} {p.source} {p.paragraph} {p.party}/{p.force}: {p.quote}")
        print("matched entries whose force or party differs (registry / pass):")
        for r, p in pairs:
            if (r.force, r.party) != (p.force, p.party):
                print(f"  {r.label} {r.party}/{r.force} / {p.label} {p.party}/{p.force}: {r.quote}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("passes", nargs="+", type=Path, metavar="PASS.yml")
    parser.add_argument("--registry", type=Path, default=ROOT / "data" / "duties")
    parser.add_argument("--sources", type=Path, default=ROOT / "docs" / "sources")
    parser.add_argument("--list", action="store_true", help="name the unmatched and disagreeing entries")
    args = parser.parse_args(argv)
    texts = Texts(args.sources)
    registry = [e for path in sorted(args.registry.glob("*.yml")) for e in read_entries(path, texts, path.stem)]
    passes = [e for path in args.passes for e in read_entries(path, texts)]
    report(compare(registry, passes), args.list)
    return 0


if __name__ == "__main__":
    sys.exit(main())
