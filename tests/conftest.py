"""Shared fixtures: the built site (once per session), fixture sites, a local web server and
headless Chromium that refuses and records every request to another host."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from urllib.parse import urlparse

import pytest

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
# the passages of each language, that tests/js/compare_index.cjs compares the split index with
os.environ.setdefault("HANDBOOK_SEARCH_REFERENCE", "1")

from bench_search import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402  (scripts/: pytest.ini pythonpath)


def build_site(config_file: Path, site_dir: Path) -> Path:
    """Build a site in-process, strictly, as `mkdocs build` would."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(config_file=str(config_file), site_dir=str(site_dir), strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return site_dir


# Markers from what a test needs, so that tests/test_growth.py can run every test of the library's
# content over a grown copy and leave out the browser, fixture sites (their own pages, not the
# library's) and the print and offline editions (half a minute to build).
NEEDS = {"browser": "browser", "fixture_site": "fixture_site", "print_books": "print_edition"}


def pytest_configure(config):
    for marker in NEEDS.values():
        config.addinivalue_line("markers", f"{marker}: the test needs the {marker.replace('_', ' ')} (set by conftest)")


def pytest_collection_modifyitems(items):
    for item in items:
        for fixture, marker in NEEDS.items():
            if fixture in getattr(item, "fixturenames", ()):
                item.add_marker(marker)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real handbook, built once for the whole session."""
    return build_site(ROOT / "mkdocs.yml", tmp_path_factory.mktemp("site") / "site")


@pytest.fixture(scope="session")
def print_books(tmp_path_factory) -> dict:
    """Both print editions (scripts/build_pdf.py), built once for the session, by language."""
    import build_pdf

    books = build_pdf.build_books(tmp_path_factory.mktemp("print"))
    return {book.lang: book for book in books}


@pytest.fixture(scope="session")
def bundle(tmp_path_factory, print_books) -> Path:
    """The offline zip with both print editions, built once for the whole session."""
    import build_offline

    out = tmp_path_factory.mktemp("dist")
    assert build_offline.main(["--out", str(out), "--pdf-dir", str(print_books["zh"].path.parent)]) == 0
    [zip_path] = out.glob("*.zip")
    return zip_path


@pytest.fixture(scope="session")
def unpacked(bundle, tmp_path_factory) -> Path:
    """The offline bundle's folder, unzipped."""
    import zipfile

    target = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(bundle) as archive:
        archive.extractall(target)
    [folder] = list(target.iterdir())
    return folder


@pytest.fixture
def fixture_site(tmp_path):
    """A small site with the real hooks and data, whose pages a test writes itself."""
    return FixtureSite(tmp_path)


class FixtureSite:
    def __init__(self, root: Path):
        self.root = root
        self.docs = root / "docs"
        (self.docs / "sources").mkdir(parents=True)
        shutil.copytree(ROOT / "data", root / "data", ignore=shutil.ignore_patterns("raw", "duties"))
        (root / "data" / "duties").mkdir()
        # The real glossary and search words promise to occur in the real texts; the fixture's
        # text is one small page, so it brings words of its own.
        (root / "data" / "glossary.yml").write_text(FIXTURE_GLOSSARY, encoding="utf-8")
        (root / "data" / "search.yml").write_text(FIXTURE_SEARCH + real_ranking(), encoding="utf-8")
        self.write("index.md", "# 首页\n\n[原文](sources/01-test.md)\n")
        self.write("sources/01-test.md", SAMPLE_SOURCE_PAGE)

    def write(self, path: str, text: str) -> None:
        target = self.docs / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")

    def config(self, hooks: list[str] | None = None) -> Path:
        hooks = ["context.py", *(hooks or ["source_pages.py"])]
        hook_lines = "\n".join(f"  - {ROOT / 'hooks' / name}" for name in hooks)
        config_file = self.root / "mkdocs.yml"
        config_file.write_text(FIXTURE_CONFIG.format(hooks=hook_lines), encoding="utf-8")
        return config_file

    def build(self, hooks: list[str] | None = None) -> Path:
        return build_site(self.config(hooks), self.root / "site")

    def build_fails(self, caplog, hooks: list[str] | None = None) -> str:
        """Build, expect the build to stop, and return what it logged as errors."""
        import logging

        from mkdocs.exceptions import Abort

        with caplog.at_level(logging.ERROR, logger="mkdocs"), pytest.raises(Abort):
            self.build(hooks)
        return " ".join(record.getMessage() for record in caplog.records)


FIXTURE_GLOSSARY = """\
terms:
  - {id: seconded-cadre, term: 挂职干部, en: seconded cadre, definition_zh: 到另一单位临时任职锻炼的干部。,
     definition_en: An official posted temporarily to another unit.}
"""

def real_ranking() -> str:
    """The real `ranking:` section of data/search.yml: the engine's settings are not the fixture's concern."""
    text = (ROOT / "data" / "search.yml").read_text(encoding="utf-8")
    start = text.index("\nranking:\n") + 1
    end = text.index("\n\n", start)
    return text[start:end] + "\n"


FIXTURE_SEARCH = """\
dictionary: [挂职干部, 调查研究]
synonyms:
  - [挂职干部, 挂职人员]
expansions:
  学习: [加强学习]
stopwords: [什么]
en:
  stopwords: [what]
"""

FIXTURE_CONFIG = """\
site_name: Fixture
site_url: https://fixture.invalid/
strict: true
validation:
  unrecognized_links: warn
  anchors: warn
theme:
  name: material
  language: zh
  font: false
markdown_extensions:
  - attr_list
  - md_in_html
  - admonition
  - toc:
      permalink: true
  - pymdownx.tasklist:
      custom_checkbox: true
plugins:
  - search:
      lang: en
  - tags
  - i18n:
      docs_structure: suffix
      fallback_to_default: true
      reconfigure_search: false
      languages:
        - {{locale: zh, name: 中文, default: true}}
        - {{locale: en, name: English}}
hooks:
{hooks}
"""

SAMPLE_SOURCE_PAGE = """\
---
title: 在测试会议上的讲话
kind: 讲话
level: 县
occasion: 测试会议
speaker: 县委负责同志
audience: 挂职干部
source_file: none
source_lines: "1-4"
---

# 在测试会议上的讲话

同志们：
{: #p1 }

## 一要加强学习，注重调查研究。 { #p2 }

挂职干部要尽快融入干部群众，在工作实践中增长才干。
{: #p3 }
"""


# -- serving and browsing ---------------------------------------------------------------------

@pytest.fixture(scope="session")
def server(site):
    """Serve the built site on 127.0.0.1; yields the base URL."""
    with serve(site) as base_url:
        yield base_url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class OutsideRequests(list):
    """Every request a page made to a host other than the local one (refused)."""


def local_context(browser):
    """A browser context that refuses, and records in `outside_requests`, every request to a
    host other than the local one."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.outside_requests = OutsideRequests()

    def route(route):
        url = urlparse(route.request.url)
        if url.scheme in ("file", "data", "blob") or url.hostname in ("127.0.0.1", "localhost"):
            route.continue_()
        else:
            context.outside_requests.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    return context


def watched_page(context):
    """A page of the context that records its script errors in `errors`."""
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    return page


@pytest.fixture
def context(browser):
    context = local_context(browser)
    yield context
    context.close()


@pytest.fixture
def page(context):
    return watched_page(context)


# The sample page's reference translation: same ids, in the same order.
SAMPLE_TRANSLATION = """\
---
title: Speech at a test meeting
kind: 讲话
level: 县
occasion: A test meeting
speaker: A county leader
audience: Seconded cadres
translation: reference
---

# Speech at a test meeting

Comrades,
{: #p1 }

## First, study hard. { #p2 }

Seconded cadres should get to know local cadres and people quickly.
{: #p3 }
"""
