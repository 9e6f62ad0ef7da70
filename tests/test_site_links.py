"""A check over the whole built site, both languages: every internal link and anchor resolves,
and nothing is loaded from another host."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from textutil import tags_of

# A link the reader follows, not something the page loads (rel values of <link> that load nothing).
FOLLOWED = {"a", "area", "form", "button", "input"}
NOT_LOADED = {"canonical", "alternate", "prev", "next", "author", "license", "help", "search", "bookmark",
              "external", "nofollow", "noopener", "noreferrer", "me"}


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def target_of(page: Path, href: str, site: Path) -> tuple[Path, str]:
    url = urlparse(href)
    path = unquote(url.path)
    if path.startswith("/"):
        target = site / path.lstrip("/")
    elif path:
        target = (page.parent / path).resolve()
    else:
        target = page
    if target.is_dir() or path.endswith("/"):
        target = target / "index.html"
    return target, unquote(url.fragment)


def test_every_internal_link_and_anchor_resolves(site):
    broken = []
    pages = html_pages(site)
    assert len(pages) > 10 and (site / "en" / "index.html").exists()
    links, ids = {}, {}  # each page read once: its links, and the ids that links may target
    for page in pages:
        tags = tags_of(page)
        links[page] = [attrs["href"] for attrs in tags.having("href", "a")]
        ids[page.resolve()] = {attrs["id"] for attrs in tags.having("id")}
    for page in pages:
        for href in links[page]:
            if urlparse(href).scheme or href.startswith(("mailto:", "javascript:")):
                continue
            target, fragment = target_of(page, href, site)
            if not target.exists():
                broken.append(f"{page.relative_to(site)}: {href} (no file)")
                continue
            if fragment:
                if target.resolve() not in ids:  # an .html file outside the pages, if any
                    ids[target.resolve()] = {attrs["id"] for attrs in tags_of(target).having("id")}
                if fragment not in ids[target.resolve()]:
                    broken.append(f"{page.relative_to(site)}: {href} (no anchor)")
    assert not broken, "\n".join(broken[:30])


def outside_loads(tags) -> list[str]:
    """The URLs on another host that a page loads: any src, srcset, poster, data, CSS url() or
    @import, <base>, and a <link> unless all its rel values (any case) load nothing."""
    outside = []
    for tag, attrs, attribute, url in tags.urls():
        if tag == "link" and attribute == "href" and set(attrs.get("rel", "").lower().split()) <= NOT_LOADED:
            continue
        if attribute in ("href", "xlink:href", "action", "formaction") and tag in FOLLOWED:
            continue
        if urlparse(url).netloc:
            outside.append(f"<{tag} {attribute}>: {url}")
    outside += ["<style>: @import" for style in tags.styles if "@import" in style]
    return outside


def test_no_page_loads_anything_from_another_host(site):
    outside = [f"{page.relative_to(site)}: {url}" for page in html_pages(site) for url in outside_loads(tags_of(page))]
    assert not outside, "\n".join(outside[:20])


# What the check must catch (the tag-by-tag list it replaced missed all but the first four) and
# what it must let be (links a reader follows, the hreflang and canonical links).
LOADED = ['<script src=https://cdn.example.com/x.js></script>', '<SCRIPT SRC="//cdn.example.com/x.js"></SCRIPT>',
          '<link rel="alternate stylesheet" href="https://x.example/a.css">', '<style>@import url(a.css);</style>',
          '<picture><source srcset="https://x.example/a.webp 2x"></picture>', '<img src="a.png" srcset="a.png, https://x.example/b.png 2x">',
          '<link rel="Stylesheet" href="https://fonts.googleapis.com/css">', '<link rel="dns-prefetch" href="https://x.example/">',
          '<div style="background:url(https://x.example/a.png)"></div>',
          "<style>@font-face{font-family:x;src:url('//fonts.gstatic.com/f.woff2')}</style>",
          '<base href="https://x.example/">', '<video poster="https://x.example/p.png"></video>',
          '<object data="https://x.example/a.pdf"></object>', '<embed src="https://x.example/a.swf">',
          '<svg><image href="https://x.example/a.png"/></svg>', '<svg><use xlink:href="https://x.example/s.svg#i"/></svg>']
FOLLOWED_ONLY = ['<a href="https://squidfunk.github.io/">Material</a>', '<svg><a xlink:href="https://x.example/">x</a></svg>',
                 '<link rel="canonical" href="https://handbook.example.org/">', '<svg xmlns="http://www.w3.org/2000/svg"></svg>',
                 '<link rel="alternate" hreflang="en" href="https://handbook.example.org/en/">',
                 '<form action="https://x.example/"></form>', '<div style="background:url(../a.png)"></div>']


@pytest.mark.parametrize("html", LOADED)
def test_the_outside_host_check_finds_every_way_a_page_loads(tmp_path, html):
    page = tmp_path / "index.html"
    page.write_text(f"<html><head></head><body>{html}</body></html>", encoding="utf-8")
    assert outside_loads(tags_of(page))


def test_the_outside_host_check_lets_links_a_reader_follows_be(tmp_path):
    page = tmp_path / "index.html"
    page.write_text(f"<html><head></head><body>{''.join(FOLLOWED_ONLY)}</body></html>", encoding="utf-8")
    assert outside_loads(tags_of(page)) == []
