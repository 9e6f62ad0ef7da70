"""Write the print edition: the handbook as an A4 book per language, in PDF.

Usage:
    python scripts/build_pdf.py [--lang zh|en|all] [--out dist]

Builds the site (both languages) into a temporary folder, takes each page's <article> in the
order of the site's navigation, keeps the parts a book needs (onboarding guide, role pages,
every text of the source library, the duty index by party, glossary, writing templates),
turns links between pages into links inside the book and renders it with WeasyPrint (CSS
Paged Media: table of contents and citations with page numbers, running headers, ¶ numbers in
the margin). Writes dist/<name>-<version>-<lang>.pdf and prints each book's pages, size and
build time. Nothing is fetched from the network.
"""

from __future__ import annotations

import argparse
import logging
import re
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

import jinja2
from bs4 import BeautifulSoup, NavigableString
from mkdocs.plugins import BasePlugin, event_priority

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "scripts"))

from build_info import build_date, handbook_version  # noqa: E402  (hook modules, reused)
from build_offline import NAME  # noqa: E402  (the books are named like the offline bundle)
from handbook.names import party_page  # noqa: E402
from handbook import schema  # noqa: E402

LANGUAGES = ("zh", "en")
DEFAULT_LANGUAGE = "zh"  # at the site's root; the others under /<lang>/
TEMPLATES = ROOT / "scripts" / "templates"
STYLESHEET = TEMPLATES / "book.css"
MAX_BYTES = 10 * 1024 * 1024

# What a reader of paper cannot use: the site's chrome inside an article, buttons, forms, tags.
SCREEN_ONLY = (".md-tags", ".headerlink", ".hb-cite", ".md-content__button", "form", "button",
               ".hb-checklist-bar", "script", ".md-source-file", ".hb-print-edition",
               ".task-list-control input")
# Links to another chapter get its page number printed after them, except the duty marks'
# party labels, the ¶ numbers and the glossary's long lists of occurrences.
NO_PAGE_NUMBER_CLASSES = {"hb-duty-link", "hb-para-link"}
NO_PAGE_NUMBER_WITHIN = "hb-term-occurrences"


def book_file_name(version: str, lang: str) -> str:
    return f"{NAME}-{version}-{lang}.pdf"


# -- the site, built once, and the order of its pages ------------------------------------------

@dataclass
class NavPage:
    path: str  # the page's site path without the language prefix, e.g. "sources/03-county-speech/"
    html: Path  # the built file
    section: str | None  # the top-level navigation section it stands in


@dataclass
class SiteBuild:
    pages: dict[str, list[NavPage]] = field(default_factory=dict)  # by language
    site_names: dict[str, str] = field(default_factory=dict)


class NavCollector(BasePlugin):
    """Records each language's navigation while the site builds (static-i18n builds once per
    language and calls every plugin each time)."""

    def __init__(self, site_dir: Path):
        super().__init__()
        self.site_dir = site_dir
        self.build = SiteBuild()

    @event_priority(-300)  # after static-i18n and the hooks have settled the navigation
    def on_nav(self, nav, config, files):
        lang = config.theme["language"]
        prefix = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
        pages = []

        def walk(items, section):
            for item in items:
                if item.is_section:
                    walk(item.children, section or item.title)
                elif item.is_page:
                    pages.append(NavPage(item.url.removeprefix(prefix), self.site_dir / item.file.dest_uri, section))

        walk(nav.items, None)
        self.build.pages[lang] = pages
        self.build.site_names[lang] = config.site_name
        return nav


def build_site(site_dir: Path) -> SiteBuild:
    """Build the handbook strictly, in-process, as `mkdocs build` would, and return its nav."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    collector = NavCollector(site_dir)
    logger = logging.getLogger("mkdocs")
    level = logger.level
    logger.setLevel(logging.WARNING)  # the site's build is a step here: its warnings only
    try:
        config = load_config(config_file=str(ROOT / "mkdocs.yml"), site_dir=str(site_dir), strict=True)
        config.plugins["handbook-print-nav"] = collector
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    finally:
        logger.setLevel(level)
    return collector.build


# -- the book's structure -----------------------------------------------------------------------

@dataclass
class Chapter:
    key: str  # its id in the book
    path: str
    html_file: Path
    is_source: bool
    title: str = ""
    html: str = ""


@dataclass
class Part:
    key: str
    title: str | None  # None: a part of one chapter, listed in the contents by that chapter's title
    chapters: list[Chapter]


def book_parts() -> list[tuple[str, callable]]:
    """The book's parts in print order, each with the site paths it takes (in nav order)."""
    parties = schema.load("duty_taxonomy.yml", ROOT / "data" / "duty_taxonomy.yml").parties
    party_pages = {party_page(party).removesuffix(".md") + "/" for party in parties}
    return [
        ("guide", lambda path: path.startswith("guide/")),
        ("roles", lambda path: path.startswith("roles/")),
        # The library's index (the list of texts) and every text, however many.
        ("sources", lambda path: path.startswith("sources/")),
        ("duties", lambda path: path in party_pages),
        ("glossary", lambda path: path == "glossary/"),
        ("writing", lambda path: path.startswith("writing/")),
    ]


def chapter_key(path: str) -> str:
    return path.strip("/").replace("/", "-") or "home"


def select_parts(pages: list[NavPage]) -> list[Part]:
    parts = []
    for key, wanted in book_parts():
        chosen = [page for page in pages if wanted(page.path)]
        if not chosen:
            raise SystemExit(f"the book's part '{key}' found no page in the site's navigation; "
                             f"check mkdocs.yml's nav and book_parts() in {Path(__file__).name}")
        chapters = [Chapter(chapter_key(page.path), page.path, page.html,
                            is_source=page.path.startswith("sources/") and page.path != "sources/")
                    for page in chosen]
        parts.append(Part(f"part-{key}", chosen[0].section if len(chosen) > 1 else None, chapters))
    return parts


# -- pages into chapters ------------------------------------------------------------------------

def article_of(chapter: Chapter) -> BeautifulSoup:
    page = chapter.html_file.read_text(encoding="utf-8")
    # Only the article is parsed: the rest of the page (the site's whole nav) is most of its bytes.
    start, end = page.find("<article"), page.rfind("</article>")
    if start < 0 or end < 0:
        raise SystemExit(f"{chapter.html_file}: no <article> in the built page")
    article = BeautifulSoup(page[start:end + len("</article>")], "html.parser").article
    for selector in SCREEN_ONLY:
        for element in article.select(selector):
            element.decompose()
    for element in article.select("[title]"):
        del element["title"]  # tooltips: nothing to hover on paper
    for element in article.select("[hidden]"):
        del element["hidden"]
    for tools in article.select(".hb-para > .hb-para-tools"):
        tools.parent.insert(0, tools.extract())  # the ¶ number beside the paragraph's first line
    heading = article.find("h1")
    chapter.title = heading.get_text(" ", strip=True) if heading else chapter.path
    return article


# Chinese characters and full-width punctuation: in an English chapter they are marked lang="zh",
# so that the Latin quotes' proportional widths (book.css) leave the Chinese punctuation alone.
CJK_RUN = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]+")


def mark_chinese(article) -> None:
    factory = BeautifulSoup("", "html.parser")
    for text in list(article.find_all(string=CJK_RUN)):
        if text.find_parent(attrs={"lang": "zh"}) is not None:
            continue
        nodes, position = [], 0
        for match in CJK_RUN.finditer(text):
            if match.start() > position:
                nodes.append(NavigableString(text[position:match.start()]))
            span = factory.new_tag("span", attrs={"lang": "zh"})
            span.string = match.group(0)
            nodes.append(span)
            position = match.end()
        if position < len(text):
            nodes.append(NavigableString(text[position:]))
        text.replace_with(*nodes)


def assemble(parts: list[Part], lang: str) -> None:
    """Every chapter's HTML with ids made unique in the book and links pointing inside it."""
    chapters = [chapter for part in parts for chapter in part.chapters]
    by_path = {chapter.path: chapter for chapter in chapters}
    articles = {chapter.key: article_of(chapter) for chapter in chapters}
    for article in articles.values():
        if lang != "zh":
            mark_chinese(article)
    ids: set[str] = set()
    for chapter in chapters:
        article = articles[chapter.key]
        for element in article.select("[id]"):
            element["id"] = f"{chapter.key}--{element['id']}"
            ids.add(element["id"])
        heading = article.find("h1")
        if heading is not None:
            heading["class"] = heading.get("class", []) + ["chapter-title"]
    for chapter in chapters:
        article = articles[chapter.key]
        for link in article.select("a[href]"):
            relink(link, chapter, by_path, ids)
        chapter.html = "".join(str(child) for child in article.children)


def relink(link, chapter: Chapter, by_path: dict[str, Chapter], ids: set[str]) -> None:
    href = link["href"]
    if urlsplit(href).scheme:
        return  # another site: printed as a link, never fetched
    target_url, fragment = urldefrag(urljoin("/" + chapter.path, href))
    target = by_path.get(target_url.lstrip("/"))
    if target is None:
        link.unwrap()  # a page the book leaves out (tags, changelog, downloads): keep the words
        return
    anchor = f"{target.key}--{fragment}" if fragment else target.key
    link["href"] = "#" + (anchor if anchor in ids else target.key)
    if target is not chapter and not NO_PAGE_NUMBER_CLASSES & set(link.get("class", [])) \
            and link.find_parent(class_=NO_PAGE_NUMBER_WITHIN) is None:
        link["class"] = link.get("class", []) + ["book-ref"]


# -- rendering -----------------------------------------------------------------------------------

class LocalOnlyFetcher:
    """WeasyPrint's fetcher, refusing every URL that is not a local file or data: the book
    never reaches the network. Records what was asked for."""

    def __init__(self):
        from weasyprint.urls import URLFetcher

        self.fetcher = URLFetcher()
        self.requested: list[str] = []

    def __call__(self, url: str, *args, **kwargs):
        from weasyprint.urls import FatalURLFetchingError

        self.requested.append(url)
        if urlsplit(url).scheme not in ("file", "data"):
            raise FatalURLFetchingError(f"the print edition fetches nothing from the network: {url}")
        return self.fetcher.fetch(url)


def render_html(parts: list[Part], lang: str, title: str, version: str, date: str) -> str:
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                                     undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    return environment.get_template("book.html.j2").render(
        parts=parts, lang=lang, title=title, version=version, date=date)


@dataclass
class Book:
    lang: str
    path: Path
    pages: int
    seconds: float
    requested: list[str]

    @property
    def size(self) -> int:
        return self.path.stat().st_size


def write_book(site: SiteBuild, lang: str, out: Path, version: str, date: str) -> Book:
    import weasyprint

    started = time.perf_counter()
    parts = select_parts(site.pages[lang])
    assemble(parts, lang)
    html = render_html(parts, lang, site.site_names[lang], version, date)
    fetcher = LocalOnlyFetcher()
    document = weasyprint.HTML(string=html, base_url=str(TEMPLATES) + "/", url_fetcher=fetcher).render(
        stylesheets=[weasyprint.CSS(filename=str(STYLESHEET), url_fetcher=fetcher)])
    target = out / book_file_name(version, lang)
    out.mkdir(parents=True, exist_ok=True)
    document.write_pdf(target, uncompressed_pdf=False)
    return Book(lang, target, len(document.pages), time.perf_counter() - started, fetcher.requested)


def build_books(out: Path, languages: tuple[str, ...] = LANGUAGES, date: str | None = None) -> list[Book]:
    """Build the books; `date` (ISO) is the cover's build date, today or SOURCE_DATE_EPOCH's by default."""
    version = handbook_version(ROOT / "docs")
    date = date or build_date()
    with tempfile.TemporaryDirectory() as temp:
        site = build_site(Path(temp) / "site")
        books = [write_book(site, lang, out, version, date) for lang in languages]
    for book in books:
        if book.size > MAX_BYTES:
            raise SystemExit(f"{book.path}: {book.size / 1024 / 1024:.1f} MB, over the 10 MB a print edition may weigh")
    return books


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=(*LANGUAGES, "all"), default="all", help="which book (default: all)")
    parser.add_argument("--out", type=Path, default=ROOT / "dist", help="folder for the PDFs (default: dist)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    books = build_books(args.out, LANGUAGES if args.lang == "all" else (args.lang,))
    for book in books:
        print(f"{book.path}: {book.pages} pages, {book.size / 1024 / 1024:.2f} MB, rendered in {book.seconds:.1f} s")
    print(f"total (site build included): {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
