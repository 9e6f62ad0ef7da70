"""A check over the whole built site, both languages: every internal link and anchor resolves,
and nothing is loaded from another host."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlparse

from textutil import tags_of

LOADING = {"script": "src", "img": "src", "iframe": "src", "source": "src", "audio": "src", "video": "src"}


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


def test_no_page_loads_anything_from_another_host(site):
    outside = []
    for page in html_pages(site):
        tags = tags_of(page)
        for tag, attribute in LOADING.items():
            for attrs in tags.having(attribute, tag):
                if urlparse(attrs[attribute]).scheme in ("http", "https", ""):
                    if urlparse(attrs[attribute]).netloc:
                        outside.append(f"{page.relative_to(site)}: {attrs[attribute]}")
        for link in tags.having("href", "link"):
            relations = set(link.get("rel", "").split())
            if relations & {"stylesheet", "preload", "preconnect", "icon", "modulepreload", "manifest"}:
                if urlparse(link["href"]).netloc:
                    outside.append(f"{page.relative_to(site)}: {link['href']}")
        for style in tags.styles:
            if "@import" in style or "//fonts." in style:
                outside.append(f"{page.relative_to(site)}: <style> imports")
    assert not outside, "\n".join(outside[:20])
