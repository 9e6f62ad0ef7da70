"""A check over the whole built site, both languages: every internal link and anchor resolves,
and nothing is loaded from another host."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlparse

from textutil import soup_of

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
    links, ids = {}, {}  # each page parsed once: its links, and the ids that links may target
    for page in pages:
        soup = soup_of(page)
        links[page] = [anchor["href"] for anchor in soup.select("a[href]")]
        ids[page.resolve()] = {e["id"] for e in soup.select("[id]")}
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
                    ids[target.resolve()] = {e["id"] for e in soup_of(target).select("[id]")}
                if fragment not in ids[target.resolve()]:
                    broken.append(f"{page.relative_to(site)}: {href} (no anchor)")
    assert not broken, "\n".join(broken[:30])


def test_no_page_loads_anything_from_another_host(site):
    outside = []
    for page in html_pages(site):
        soup = soup_of(page)
        for tag, attribute in LOADING.items():
            for element in soup.select(f"{tag}[{attribute}]"):
                if urlparse(element[attribute]).scheme in ("http", "https", ""):
                    if urlparse(element[attribute]).netloc:
                        outside.append(f"{page.relative_to(site)}: {element[attribute]}")
        for link in soup.select("link[href]"):
            relations = set(link.get("rel", []))
            if relations & {"stylesheet", "preload", "preconnect", "icon", "modulepreload", "manifest"}:
                if urlparse(link["href"]).netloc:
                    outside.append(f"{page.relative_to(site)}: {link['href']}")
        for style in soup.select("style"):
            if "@import" in style.get_text() or "//fonts." in style.get_text():
                outside.append(f"{page.relative_to(site)}: <style> imports")
    assert not outside, "\n".join(outside[:20])
