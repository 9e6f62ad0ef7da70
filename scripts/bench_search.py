"""Measure the handbook's search as a reader meets it: type each query of a query file into the
search box in headless Chromium and score the results.

Usage:
    python scripts/bench_search.py [--queries FILE ...] [--site DIR] [--file] [--verbose]

Without --site it builds the handbook into a temporary folder first. A query is a hit at k when
one of the first k result links (as shown, in order) leads to a section whose text contains the
query's `must_contain`. Prints hit@1, hit@5 and MRR overall and per kind, and the median time
from the last keystroke to the results, per query file. A query may name its language
("lang": "en"); it is then typed on the English side, as are all the queries of a file whose
name ends in `_en.json`.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_QUERIES = ROOT / "tests" / "data" / "search_queries.json"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
TOP = 5

# Records when the result list last changed, so that a query's answer can be timed: from the
# text going into the box (its input event; captured before the page's own listener sees it),
# which also forgets the changes before it (the answer to an empty box while the engine loads).
WATCH_RESULTS = """() => {
  const watch = window.__hbResults = {first: 0, last: 0, typed: 0};
  document.addEventListener('input', () => {
    watch.first = 0;
    watch.last = 0;
    watch.typed = performance.now();
  }, true);
  const observer = new MutationObserver(() => {
    const now = performance.now();
    if (!watch.first) watch.first = now;
    watch.last = now;
  });
  for (const el of document.querySelectorAll('.md-search-result__meta, .md-search-result__list'))
    observer.observe(el, {childList: true, subtree: true, characterData: true});
}"""

VISIBLE_RESULT_LINKS = """() => [...document.querySelectorAll('.md-search-result__list a.md-search-result__link')]
  .filter(a => !a.closest('details:not([open])'))
  .map(a => a.href)"""


# The English pages name a term's Chinese original after its first use, "dual management
# (双重管理)"; an answer is matched on the text without it.
ORIGINAL_TERM = re.compile(r" \([\u3400-\u9fff\u3001\u201c\u201d·]+\)")


def split_index_data(path: Path):
    """The data of one file of the split index: `HandbookSearch.receive("<lang>/<name>", data);`."""
    text = path.read_text(encoding="utf-8")
    return json.loads(text[text.index(",") + 1:text.rindex(");")])


def split_sections(site: Path, lang: str) -> list[dict]:
    """A language's sections as the split index's fragments hold them (hooks/handbook/
    search_index.py: location `l`, title `t`, text `x`), in order."""
    fragments = sorted((site / "search" / lang).glob("f[0-9]*.js"), key=lambda path: int(path.name[1:].split(".")[0]))
    return [record for path in fragments for record in split_index_data(path)]


def section_texts(site: Path) -> dict[str, str]:
    """Text of every indexed section by location, as the search index holds it: the split
    index's fragments of each language (hooks/search.py), else Material's index."""
    docs = [{"location": record["l"], "title": record["t"], "text": record["x"]}
            for folder in sorted((site / "search").iterdir()) if folder.is_dir()
            for record in split_sections(site, folder.name)]
    if not docs:
        docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    return {doc["location"]: ORIGINAL_TERM.sub("", (doc["title"] + " " + doc["text"]).replace("\u200b", ""))
            for doc in docs}


def location_of(href: str, base_url: str) -> str:
    url = urlparse(href)
    path = url.path[len(urlparse(base_url).path):].lstrip("/")
    return path + (f"#{url.fragment}" if url.fragment else "")


def distinct_locations(links: list[str], base_url: str) -> list[str]:
    """Where the result links lead, in order; a page's heading and its first section may lead
    to the same place: that is one link."""
    shown: list[str] = []
    for href in links:
        location = location_of(href, base_url)
        if not shown or shown[-1] != location:
            shown.append(location)
    return shown


def open_search(page, url: str) -> None:
    page.goto(url)
    page.locator(".md-search__input").focus()
    page.wait_for_function(
        "() => { const m = document.querySelector('.md-search-result__meta');"
        " return m && !m.textContent.includes('初始化') && !/initializ/i.test(m.textContent); }"
    )
    page.evaluate(WATCH_RESULTS)


def run_query(page, query: str, timeout: float = 5.0) -> tuple[list[str], float]:
    """Type a query as a reader does and return the visible result links and the latency (ms)."""
    box = page.locator(".md-search__input")
    if box.input_value() == query:  # asked just before: its results are the ones shown
        return page.evaluate(VISIBLE_RESULT_LINKS), float("nan")
    box.fill(query)  # the handbook searches on its input event
    # fill() of Chinese sends no key events, and Material's own search waits for one.
    box.press("End")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        state = page.evaluate("() => [window.__hbResults.first, window.__hbResults.last, performance.now(),"
                              " window.__hbResults.typed]")
        if state[0] and state[2] - state[1] > 120:
            return page.evaluate(VISIBLE_RESULT_LINKS), state[0] - state[3]
        time.sleep(0.02)
    return page.evaluate(VISIBLE_RESULT_LINKS), float("nan")


def home_page(base_url: str, lang: str) -> str:
    """Where a reader of a language starts: / and /en/ online, index.html from file://."""
    folder = "/" if lang == "zh" else f"/{lang}/"
    return base_url + folder + ("index.html" if base_url.startswith("file:") else "")


def evaluate(page, base_url: str, queries: list[dict], texts: dict[str, str]) -> list[dict]:
    """Run every query; return one record per query with its rank of the first hit (or None)."""
    records = []
    current_lang = None
    for query in queries:
        lang = query.get("lang", "zh")
        if lang != current_lang:
            open_search(page, home_page(base_url, lang))
            current_lang = lang
        links, latency = run_query(page, query["q"])
        rank = None
        shown = distinct_locations(links, base_url)[:TOP]
        for position, location in enumerate(shown, 1):
            text = texts.get(location) or texts.get(location.split("#")[0], "")
            if rank is None and query["must_contain"] in text:
                rank = position
        records.append({**query, "rank": rank, "latency_ms": latency, "shown": shown})
    return records


def summarise(records: list[dict]) -> dict:
    def scores(group: list[dict]) -> dict:
        n = len(group)
        return {
            "n": n,
            "hit@1": sum(1 for r in group if r["rank"] == 1) / n,
            "hit@5": sum(1 for r in group if r["rank"]) / n,
            "mrr": sum(1 / r["rank"] for r in group if r["rank"]) / n,
        }

    kinds = defaultdict(list)
    for record in records:
        kinds[record["kind"]].append(record)
    latencies = [r["latency_ms"] for r in records if r["latency_ms"] == r["latency_ms"]]
    return {
        "overall": scores(records),
        "kinds": {kind: scores(group) for kind, group in kinds.items()},
        "median_latency_ms": statistics.median(latencies) if latencies else float("nan"),
    }


@contextlib.contextmanager
def serve(site: Path):
    handler = functools.partial(_QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def built_site(site: Path | None):
    """The site to measure: `site` as given, else the handbook built into a temporary folder."""
    if site is not None:
        yield site
        return
    with tempfile.TemporaryDirectory() as temp:
        site = Path(temp) / "site"
        print(f"build: {build(site):.2f} s")
        yield site


def build(site: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)], cwd=ROOT,
                   env=dict(os.environ, NO_MKDOCS_2_WARNING="1"), check=True, capture_output=True)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Score the handbook's search on a query file.")
    parser.add_argument("--queries", type=Path, nargs="+", default=[DEFAULT_QUERIES])
    parser.add_argument("--site", type=Path, help="a built site (default: build one)")
    parser.add_argument("--file", action="store_true", help="open the site from file:// (an offline bundle)")
    parser.add_argument("--verbose", action="store_true", help="print every query and what it found")
    parser.add_argument("--transfer", action="store_true",
                        help="print the bytes each language's search transfers: at page load, and up to its first result")
    args = parser.parse_args(argv)
    query_sets = {path: load_queries(path) for path in args.queries}

    from playwright.sync_api import sync_playwright

    with built_site(args.site) as site:
        texts = section_texts(site)
        with (contextlib.nullcontext(site.resolve().as_uri()) if args.file else serve(site)) as base_url, \
                sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            results = {path: evaluate(page, base_url, queries, texts) for path, queries in query_sets.items()}
            if args.transfer:
                for lang, query in (("zh", "派出单位"), ("en", "dispatching unit")):
                    print_transfer(lang, transfer(browser.new_page(), home_page(base_url, lang), query))
            browser.close()

    for path, records in results.items():
        print(f"== {path.name}")
        report(records, args.verbose)
    return 0


def transfer(page, url: str, query: str) -> dict[str, dict[str, int]]:
    """Bytes of the search's own files (and of everything) that a page transfers when it opens,
    then from the reader's focus on the search box to the first result."""
    phases: dict[str, dict[str, int]] = {"page load": {}, "first search": {}}
    phase = ["page load"]

    def record(response):
        try:
            size = len(response.body())
        except Exception:  # redirects and aborted requests have no body
            return
        path = urlparse(response.url).path
        phases[phase[0]][path] = phases[phase[0]].get(path, 0) + size

    page.on("response", record)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    phase[0] = "first search"
    page.locator(".md-search__input").focus()
    page.evaluate(WATCH_RESULTS)
    run_query(page, query)
    page.close()
    return phases


# A file of the split index (search/<lang>/, hooks/handbook/search_index.py): the dictionary, or
# a postings shard (p), fragment (f), junction shard (j) or pair shard (w), with its number.
SPLIT_FILE = re.compile(r"/search/[a-z]+/(dictionary|[pfjw])[0-9]*\.[0-9a-f]+\.js$")


def print_transfer(lang: str, phases: dict[str, dict[str, int]]) -> None:
    """The search's files of each phase: the engine's by name, the split index's by kind."""
    for phase, files in phases.items():
        search, counts = {}, {}
        for path, size in files.items():
            name = path.rsplit("/", 1)[-1]
            split = SPLIT_FILE.search(path)
            if split:
                name = split.group(1)
            elif not ("search" in name or (name.startswith(("worker.", "engine.")) and name.endswith(".js"))):
                continue
            search[name] = search.get(name, 0) + size
            counts[name] = counts.get(name, 0) + 1
        listed = ", ".join(f"{name}{' ×' + str(counts[name]) if counts[name] > 1 else ''} {size / 1024:.1f} KiB"
                           for name, size in sorted(search.items()))
        print(f"{lang} {phase}: search {sum(search.values()) / 1024:.1f} KiB ({listed}); all files {sum(files.values()) / 1024:.1f} KiB")


def load_queries(path: Path) -> list[dict]:
    """A query file; queries of a file named *_en.json are typed on the English side."""
    queries = json.loads(path.read_text(encoding="utf-8"))
    if path.name.endswith("_en.json"):
        queries = [{"lang": "en", **query} for query in queries]
    return queries


def report(records: list[dict], verbose: bool = False) -> None:
    summary = summarise(records)
    if verbose:
        for r in records:
            print(f"{'MISS' if not r['rank'] else 'hit' + str(r['rank']):6} {r['kind']:15} {r['q']}  →  {r['shown']}")
    overall = summary["overall"]
    print(f"queries: {overall['n']}  hit@1 {overall['hit@1']:.2f}  hit@5 {overall['hit@5']:.2f}  MRR {overall['mrr']:.2f}")
    for kind, s in sorted(summary["kinds"].items()):
        print(f"  {kind:23} n={s['n']:2}  hit@1 {s['hit@1']:.2f}  hit@5 {s['hit@5']:.2f}  MRR {s['mrr']:.2f}")
    if summary["median_latency_ms"] == summary["median_latency_ms"]:  # not NaN: the queries were timed
        print(f"median time from last keystroke to results: {summary['median_latency_ms']:.0f} ms")


if __name__ == "__main__":
    sys.exit(main())
