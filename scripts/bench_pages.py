"""Page weight as a reader on a slow line meets it: serve the built site over plain HTTP on
127.0.0.1 (no compression), open each of the eight pages of issue 16's goal in headless
Chromium with an empty cache, and print the bytes transferred until the network is idle
(search excluded: it loads when the reader opens it), the console errors and any request to
another host. With --lighthouse N, also run Lighthouse (mobile preset) N times per page and
print the median of each of its four scores.

Usage:
    python scripts/bench_pages.py [--site DIR] [--lighthouse N] [--json]

Without --site it builds the handbook into a temporary folder first. Lighthouse is a
measuring tool, not a dependency of the build or the tests; install it outside the repository
once (12.2.3 runs on Node 20; 13.x needs Node 22):

    npm install --prefix /tmp/lh lighthouse@12.2.3
    LIGHTHOUSE=/tmp/lh/node_modules/.bin/lighthouse python scripts/bench_pages.py --lighthouse 3

Each run is `lighthouse URL --form-factor=mobile` with its default (mobile, simulated slow 4G)
settings, `CHROME_PATH=/usr/bin/chromium` and
`--chrome-flags="--headless=new --no-sandbox --disable-gpu"`.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlparse

from bench_search import CHROMIUM, CHROMIUM_ARGS, build, serve

BUDGET = 200 * 1024
# Issue 16's pages: home, a source page, the duty index and a guide page, in both languages.
PAGES = ["/", "/sources/03-county-speech/", "/duties/", "/guide/first-week/",
         "/en/", "/en/sources/03-county-speech/", "/en/duties/", "/en/guide/first-week/"]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
LIGHTHOUSE_FLAGS = ["--form-factor=mobile", "--output=json", "--quiet",
                    "--only-categories=" + ",".join(CATEGORIES),
                    "--chrome-flags=--headless=new --no-sandbox --disable-gpu"]


def is_search(url: str) -> bool:
    """The search box's worker, engine and index: loaded apart from the page."""
    return "/search/" in urlparse(url).path


class PageLoad:
    """What one page transferred until the network was idle, and what went wrong."""

    def __init__(self):
        self.bytes: dict[str, int] = {}
        self.search_bytes = 0
        self.errors: list[str] = []
        self.outside: list[str] = []

    @property
    def total(self) -> int:
        return sum(self.bytes.values())


def load(context, url: str) -> PageLoad:
    """Open url in a fresh page with the cache off; count encoded bytes (headers included) per
    response from the DevTools protocol, as Lighthouse's "total byte weight" does."""
    result = PageLoad()
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    urls: dict[str, str] = {}
    cdp.on("Network.requestWillBeSent", lambda e: urls.__setitem__(e["requestId"], e["request"]["url"]))

    def finished(event):
        name = urls.get(event["requestId"], "")
        if name.startswith("data:"):
            return
        if is_search(name):
            result.search_bytes += int(event["encodedDataLength"])
        else:
            result.bytes[name] = result.bytes.get(name, 0) + int(event["encodedDataLength"])

    cdp.on("Network.loadingFinished", finished)
    page.on("console", lambda m: m.type == "error" and result.errors.append(m.text))
    page.on("pageerror", lambda e: result.errors.append(str(e)))
    page.on("requestfailed", lambda r: result.errors.append(f"failed: {r.url} ({r.failure})"))

    def route(route):
        host = urlparse(route.request.url).hostname
        if urlparse(route.request.url).scheme in ("data", "blob") or host in ("127.0.0.1", "localhost"):
            route.continue_()
        else:
            result.outside.append(route.request.url)
            route.abort()

    page.route("**/*", route)
    page.goto(url, wait_until="networkidle")
    page.close()
    return result


def measure_bytes(base_url: str) -> dict[str, PageLoad]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 412, "height": 823}, is_mobile=True)
        loads = {path: load(context, base_url + path) for path in PAGES}
        browser.close()
    return loads


def lighthouse(url: str, runs: int) -> dict[str, float]:
    """Median of each category's score (0-100) over `runs` runs of Lighthouse."""
    command = os.environ.get("LIGHTHOUSE", "lighthouse")
    env = dict(os.environ, CHROME_PATH=os.environ.get("CHROME_PATH", CHROMIUM))
    scores: dict[str, list[float]] = {category: [] for category in CATEGORIES}
    for _ in range(runs):
        done = subprocess.run([command, url, *LIGHTHOUSE_FLAGS], env=env, capture_output=True, text=True, check=True)
        report = json.loads(done.stdout)
        for category in CATEGORIES:
            scores[category].append(round(report["categories"][category]["score"] * 100))
    return {category: statistics.median(values) for category, values in scores.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Bytes, console errors and Lighthouse scores of issue 16's eight pages.")
    parser.add_argument("--site", type=Path, help="a built site (default: build one)")
    parser.add_argument("--lighthouse", type=int, default=0, metavar="N", help="run Lighthouse N times per page (median)")
    parser.add_argument("--json", action="store_true", help="print one JSON line instead of a table")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        site = args.site or Path(tmp) / "site"
        if args.site is None:
            build(site)
        with serve(site) as base_url:
            loads = measure_bytes(base_url)
            scores = {path: lighthouse(base_url + path, args.lighthouse) for path in PAGES} if args.lighthouse else {}

    rows = {path: {"bytes": loads[path].total, "search_bytes": loads[path].search_bytes,
                   "console_errors": loads[path].errors, "outside_requests": loads[path].outside,
                   **({"lighthouse": scores[path]} if scores else {})} for path in PAGES}
    if args.json:
        print(json.dumps(rows, ensure_ascii=False))
        return 0
    header = f"{'page':34} {'KiB':>6} {'budget':>6} {'errors':>6}"
    print(header + ("  perf a11y  bp  seo" if scores else ""))
    for path, row in rows.items():
        line = (f"{path:34} {row['bytes'] / 1024:6.1f} {'ok' if row['bytes'] <= BUDGET else 'OVER':>6} "
                f"{len(row['console_errors']) + len(row['outside_requests']):6}")
        if scores:
            line += "  " + " ".join(f"{scores[path][c]:4.0f}" for c in CATEGORIES)
        print(line)
    for path, load in loads.items():
        for name, size in sorted(load.bytes.items(), key=lambda item: -item[1]):
            print(f"  {path:32} {size / 1024:6.1f} KiB  {name.replace(base_url, '')}", file=sys.stderr)
        for error in load.errors + load.outside:
            print(f"  {path:32} ERROR {error}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
