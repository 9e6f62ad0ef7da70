"""Screenshots of two builds of the site, page by page, compared pixel by pixel: whether a
change to the pages' scripts or styles shows. Each page is shot in light and dark, on a desktop
(1280×900) and a phone (390×844), at the top and after a scroll, with animations off; the
script prints, per shot, the share of pixels that differ, and writes the pairs that differ to
--out for a look.

Usage:
    python scripts/compare_screenshots.py BEFORE_SITE AFTER_SITE [--out DIR] [--pages /a/ /b/]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PIL import Image, ImageChops

from bench_search import CHROMIUM, CHROMIUM_ARGS, serve

PAGES = ["/", "/sources/03-county-speech/", "/duties/", "/duties/cadre/", "/guide/first-week/", "/glossary/",
         "/writing/work-report/", "/changelog/", "/en/", "/en/sources/03-county-speech/", "/en/guide/first-week/",
         "/en/duties/host-unit/", "/en/roles/cadre/"]
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
SCHEMES = {"light": "default", "dark": "slate"}
# Material's key for the palette (__md_set("__palette")), scoped to the site's root.
PALETTE = """scheme => { for (const key of Object.keys(localStorage)) localStorage.removeItem(key);
  const index = scheme === "slate" ? 1 : 0;
  const input = document.querySelectorAll("[data-md-component=palette] input")[index];
  const color = {media: input.getAttribute("data-md-color-media"), scheme,
    primary: input.getAttribute("data-md-color-primary"), accent: input.getAttribute("data-md-color-accent")};
  __md_set("__palette", {index, color}); }"""
STILL = "*, *::before, *::after { transition: none !important; animation: none !important; caret-color: transparent !important; }"


def shoot(browser, base_url: str, out: Path) -> dict[str, Path]:
    shots = {}
    for view, size in VIEWPORTS.items():
        context = browser.new_context(viewport=size)
        page = context.new_page()
        for scheme_name, scheme in SCHEMES.items():
            page.goto(base_url + "/")
            page.evaluate(PALETTE, scheme)
            for path in PAGES:
                page.goto(base_url + path)
                page.add_style_tag(content=STILL)
                page.evaluate("document.fonts.ready")
                page.wait_for_timeout(150)
                for position, y in (("top", 0), ("scrolled", 1400)):
                    page.evaluate(f"window.scrollTo(0, {y})")
                    page.wait_for_timeout(150)
                    name = f"{path.strip('/').replace('/', '_') or 'home'}-{view}-{scheme_name}-{position}.png"
                    shots[name] = out / name
                    page.screenshot(path=str(shots[name]))
        context.close()
    return shots


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--out", type=Path, default=Path("/tmp/screenshots"))
    parser.add_argument("--pages", nargs="*")
    args = parser.parse_args(argv)
    if args.pages:
        PAGES[:] = args.pages
    from playwright.sync_api import sync_playwright

    shots = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for label, site in (("before", args.before), ("after", args.after)):
            folder = args.out / label
            folder.mkdir(parents=True, exist_ok=True)
            with serve(site) as base_url:
                shots[label] = shoot(browser, base_url, folder)
        browser.close()
    differing = 0
    for name, before in sorted(shots["before"].items()):
        a, b = Image.open(before).convert("RGB"), Image.open(shots["after"][name]).convert("RGB")
        if a.size != b.size:
            print(f"{name:60} size {a.size} → {b.size}")
            differing += 1
            continue
        diff = ImageChops.difference(a, b)
        changed = sum(1 for pixel in diff.getdata() if pixel != (0, 0, 0))
        share = changed / (a.size[0] * a.size[1])
        if changed:
            differing += 1
            diff.point(lambda v: 255 if v else 0).save(args.out / f"diff-{name}")
        print(f"{name:60} {share:8.4%}")
    print(f"{differing} of {len(shots['before'])} shots differ")
    return 0


if __name__ == "__main__":
    sys.exit(main())
