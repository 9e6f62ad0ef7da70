"""The print edition (scripts/build_pdf.py): both books built once per session; fidelity of
every source paragraph in print, A4, the table of contents against the pages it names,
citations with page numbers, duty marks that survive black and white, size, no network."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

import build_pdf
from conftest import ROOT
from handbook.sources import parse_document
from textutil import soup_of, squeeze

A4 = (595.28, 841.89)  # points
# The text block of book.css's @page margins, without the running header and footer and without
# the ¶ numbers in the left margin (points, as pdftotext's -x -y -W -H take them at 72 dpi).
BODY = ("-x", "68", "-y", "60", "-W", "474", "-H", "728")


def pdf_text(path: Path, *options: str) -> list[str]:
    """The text of each page."""
    result = subprocess.run(["pdftotext", "-enc", "UTF-8", *options, str(path), "-"],
                            capture_output=True, text=True, check=True)
    return result.stdout.split("\f")[:-1]


@pytest.fixture(scope="session")
def pages(print_books) -> dict[str, list[str]]:
    return {lang: pdf_text(book.path) for lang, book in print_books.items()}


def party_labels() -> re.Pattern:
    """The labels that follow each duty mark in print (〔挂职干部 · 要求〕, [seconded cadre · requirement])."""
    taxonomy = yaml.safe_load((ROOT / "data" / "duty_taxonomy.yml").read_text(encoding="utf-8"))
    parties = taxonomy["parties"]
    names = "|".join(re.escape(squeeze(names[lang])) for names in parties.values() for lang in ("zh", "en"))
    forces = "|".join(re.escape(squeeze(labels[lang])) for labels in taxonomy["forces"].values() for lang in ("zh", "en"))
    # a mark prints its party and how binding it is: 〔挂职干部 · 要求〕
    return re.compile(rf"〔(?:{names})(?:·(?:{forces}))?〕|\[(?:{names})(?:·(?:{forces}))?\]")


def body_text(book) -> str:
    """The whole book's running text in reading order (-raw: a hyphen at a line's end is kept),
    whitespace and the duty marks' party names removed."""
    return party_labels().sub("", squeeze("".join(pdf_text(book.path, "-raw", *BODY))))


def missing_in_order(paragraphs: list[str], text: str) -> list[str]:
    """The paragraphs not found in the text one after the other."""
    missing, position = [], 0
    for paragraph in paragraphs:
        found = text.find(paragraph, position)
        if found < 0:
            missing.append(paragraph[:40])
        else:
            position = found + len(paragraph)
    return missing


def test_file_names_carry_version_and_language(print_books):
    version = build_pdf.handbook_version(ROOT / "docs")
    assert {book.path.name for book in print_books.values()} == \
        {f"seconded-cadre-handbook-{version}-{lang}.pdf" for lang in ("zh", "en")}


def test_the_chinese_book_holds_every_paragraph_of_every_source_document(print_books):
    text = body_text(print_books["zh"])
    documents = sorted(p for p in (ROOT / "docs" / "sources").glob("[0-9]*.md") if p.name.count(".") == 1)
    assert documents
    for path in documents:
        document = parse_document(path, f"sources/{path.name}")
        paragraphs = [squeeze(document.title)] + [squeeze(p.text) for p in document.paragraphs.values()]
        assert not missing_in_order(paragraphs, text), f"{path.name}: not in the Chinese book"


def test_the_english_book_holds_every_paragraph_of_the_translations_as_the_site_shows_them(print_books, site):
    text = body_text(print_books["en"])
    pages = sorted((site / "en" / "sources").glob("[0-9]*/index.html"))
    assert pages
    for page in pages:
        article = soup_of(page).select_one("article")
        for tools in article.select(".hb-para-tools"):
            tools.decompose()
        paragraphs = [squeeze(p.get_text()) for p in article.select(".hb-para")]
        assert paragraphs and not missing_in_order(paragraphs, text), page


def test_every_page_is_a4(print_books):
    for book in print_books.values():
        for page in PdfReader(book.path).pages:
            width, height = float(page.mediabox.width), float(page.mediabox.height)
            assert (round(width, 1), round(height, 1)) == (round(A4[0], 1), round(A4[1], 1)), book.path


def test_each_book_is_under_10_mb_and_fetched_nothing_from_the_network(print_books):
    for book in print_books.values():
        assert book.size < 10 * 1024 * 1024
        assert all(url.startswith(("file:", "data:")) for url in book.requested), book.requested


def test_the_fetcher_refuses_other_hosts():
    from weasyprint.urls import FatalURLFetchingError

    fetcher = build_pdf.LocalOnlyFetcher()
    with pytest.raises(FatalURLFetchingError, match="fetches nothing from the network"):
        fetcher("https://fonts.example.org/font.woff2")
    assert fetcher.requested == ["https://fonts.example.org/font.woff2"]


CONTENTS_LINE = re.compile(r"^(?P<title>\S.*?)\s*\.{4,}\s*(?P<page>\d+)$")


def contents_pages(pages: list[str]) -> list[int]:
    """The indexes of the pages of the table of contents: from the second page on, while lines
    end in leader dots and a number."""
    indexes = []
    for index, text in enumerate(pages[1:], 1):
        if not any(CONTENTS_LINE.match(line.strip()) for line in text.splitlines()):
            break
        indexes.append(index)
    return indexes


def contents_entries(pages: list[str]) -> list[tuple[str, int]]:
    """(title, printed page number) of every entry of the table of contents, in order."""
    entries, pending = [], None  # pending: the first line of a title that wraps
    for index in contents_pages(pages):
        for line in filter(None, (line.strip() for line in pages[index].splitlines())):
            match = CONTENTS_LINE.match(line)
            if match:
                entries.append((f"{pending} {match['title']}" if pending else match["title"], int(match["page"])))
                pending = None
            elif entries and not line.isdigit():  # not the header above the list nor the page number
                pending = line
    return entries


def link_targets(reader: PdfReader, page_index: int) -> list[tuple[float, int]]:
    """(top, target page index) of every internal link of a page."""
    targets = []
    for annotation in reader.pages[page_index].get("/Annots") or []:
        annotation = annotation.get_object()
        if annotation.get("/Subtype") != "/Link":
            continue
        destination = annotation.get("/Dest") or (annotation.get("/A") or {}).get("/D")
        if destination is None:
            continue
        if isinstance(destination, str):
            page = reader.get_destination_page_number(reader.named_destinations[destination])
        else:
            page = reader.get_page_number(destination[0].get_object())
        targets.append((float(annotation["/Rect"][3]), page))
    return targets


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_contents_entry_names_and_links_the_page_where_its_heading_stands(print_books, pages, lang):
    book_pages = pages[lang]
    entries = contents_entries(book_pages)
    assert len(entries) >= 20, entries
    reader = PdfReader(print_books[lang].path)
    # One link per line (an entry's words, leader and number may be separate link areas), top to
    # bottom (PDF coordinates grow upwards), page after page.
    areas = [page for index in contents_pages(book_pages)
             for _, page in sorted({(round(top), page) for top, page in link_targets(reader, index)},
                                   key=lambda link: -link[0])]
    # A title over two lines has a link area on each; no two entries start on the same page.
    links = [page for i, page in enumerate(areas) if i == 0 or areas[i - 1] != page]
    assert [page + 1 for page in links] == [number for _, number in entries]
    for title, number in entries:
        heading_page = squeeze(book_pages[number - 1])
        assert squeeze(title) in heading_page, f"'{title}' is not on page {number}"


def test_the_outline_holds_parts_and_chapters(print_books):
    reader = PdfReader(print_books["zh"].path)
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert "目录" in titles and "上岗指南" in titles and "原文库" in titles and "术语表" in titles


def test_a_citation_prints_and_links_the_page_where_its_paragraph_stands(print_books, pages):
    book_pages = pages["zh"]
    citing = next(i for i, text in enumerate(book_pages) if "全县欢迎会讲话¶7（第" in squeeze(text))
    number = int(re.search(r"全县欢迎会讲话¶7（第(\d+)页）", squeeze(book_pages[citing])).group(1))
    document = parse_document(ROOT / "docs" / "sources" / "03-county-speech.md", "sources/03-county-speech.md")
    page = squeeze(book_pages[number - 1])
    assert "¶7" in page and squeeze(document.paragraphs["p7"].text)[:20] in page
    assert number - 1 in {target for _, target in link_targets(PdfReader(print_books["zh"].path), citing)}
    assert re.search(r"County welcome speech, ¶7 \(p\. \d+\)", " ".join(" ".join(pages["en"]).split()))


def test_duty_marks_print_their_party_and_no_screen_controls_remain(pages):
    text = squeeze("".join(pages["zh"]))
    assert "把县作为自己的第二故乡〔挂职干部·要求〕" in text
    for control in ("复制第", "导出进度", "重置", "筛选职责", "关键词"):
        assert control not in text
    assert "[seconded cadre · requirement]" in " ".join(pages["en"])


def test_cover_names_version_date_and_the_removed_names(print_books, pages):
    version = build_pdf.handbook_version(ROOT / "docs")
    cover = squeeze(pages["zh"][0])
    assert "挂职干部工作手册" in cover and version in cover and "已删去地名、人名和数字" in cover
    assert re.search(r"\d{4}-\d{2}-\d{2}", cover)
    english = " ".join(pages["en"][0].split())
    assert "Seconded Cadre Handbook" in english and "figures were removed" in english


# -- the download links (hooks/print_edition.py), on a fixture site --------------------------------

PRINT_HOOKS = ["build_info.py", "source_pages.py", "print_edition.py"]


@pytest.fixture
def print_site(fixture_site):
    fixture_site.write("changelog.md", "# 版本说明\n\n## 1.2.3（2026-01-01） { #v1-2-3 }\n\n第一版。\n")
    fixture_site.write("index.md", "# 首页\n\n[原文](sources/01-test.md)\n\n<!-- print-edition -->\n")
    fixture_site.write("index.en.md", "# Home\n\n<!-- print-edition -->\n")
    return fixture_site


def build_fails(site, caplog) -> str:
    import logging

    from mkdocs.exceptions import Abort

    with caplog.at_level(logging.ERROR, logger="mkdocs"), pytest.raises(Abort):
        site.build(PRINT_HOOKS)
    return caplog.text


def test_the_site_links_the_pdfs_of_its_version_with_their_size(print_site, tmp_path, monkeypatch):
    books = tmp_path / "books"
    books.mkdir()
    (books / "handbook-1.2.3-zh.pdf").write_bytes(b"%PDF" + b"0" * 1_300_000)
    (books / "handbook-1.2.3-en.pdf").write_bytes(b"%PDF" + b"0" * 200_000)
    (books / "handbook-1.2.2-zh.pdf").write_bytes(b"%PDF old")
    monkeypatch.setenv("HANDBOOK_PRINT_EDITION", str(books))
    site = print_site.build(PRINT_HOOKS)
    assert sorted(p.name for p in (site / "print").iterdir()) == ["handbook-1.2.3-en.pdf", "handbook-1.2.3-zh.pdf"]
    zh = soup_of(site / "index.html").select_one(".hb-print-edition")
    assert "下载打印版 (PDF)" in zh.get_text() and "1.2 MB" in zh.get_text()
    assert [a["href"] for a in zh.select("a")] == ["print/handbook-1.2.3-zh.pdf", "print/handbook-1.2.3-en.pdf"]
    en = soup_of(site / "en" / "index.html").select_one(".hb-print-edition")
    assert "Download the print edition (PDF)" in en.get_text() and "0.2 MB" in en.get_text()
    assert [a["href"] for a in en.select("a")] == ["../print/handbook-1.2.3-en.pdf", "../print/handbook-1.2.3-zh.pdf"]


def test_without_the_pdfs_the_site_has_no_download_links(print_site, monkeypatch):
    monkeypatch.delenv("HANDBOOK_PRINT_EDITION", raising=False)
    site = print_site.build(PRINT_HOOKS)
    assert not (site / "print").exists()
    page = (site / "index.html").read_text(encoding="utf-8")
    assert "hb-print-edition" not in page and "print-edition -->" not in page


def test_a_folder_without_this_versions_pdfs_stops_the_build(print_site, tmp_path, monkeypatch, caplog):
    (tmp_path / "books").mkdir()
    (tmp_path / "books" / "handbook-1.2.2-zh.pdf").write_bytes(b"%PDF old")
    monkeypatch.setenv("HANDBOOK_PRINT_EDITION", str(tmp_path / "books"))
    assert "no PDF of version 1.2.3" in build_fails(print_site, caplog)
    assert "python3 scripts/build_pdf.py --out" in caplog.text


def test_two_pdfs_of_one_language_stop_the_build(print_site, tmp_path, monkeypatch, caplog):
    (tmp_path / "books").mkdir()
    for name in ("a-1.2.3-zh.pdf", "b-1.2.3-zh.pdf"):
        (tmp_path / "books" / name).write_bytes(b"%PDF")
    monkeypatch.setenv("HANDBOOK_PRINT_EDITION", str(tmp_path / "books"))
    assert "two PDFs of version 1.2.3 in language 'zh'" in build_fails(print_site, caplog)


def test_a_missing_folder_stops_the_build(print_site, tmp_path, monkeypatch, caplog):
    monkeypatch.setenv("HANDBOOK_PRINT_EDITION", str(tmp_path / "nowhere"))
    assert "no such folder" in build_fails(print_site, caplog)


# -- printing a single page from the browser (docs/assets/stylesheets/print.css) -------------------

def test_printing_a_page_leaves_the_text_with_paragraph_numbers_and_party_names(page, server, context):
    page.goto(f"{server}/sources/03-county-speech/")
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-footer", ".md-tags", "#p4 .hb-cite"):
        assert not page.locator(chrome).first.is_visible(), chrome
    assert page.locator("#p4 .hb-para-link").is_visible()
    assert "¶" in page.locator("#p4 .hb-para-link").evaluate("el => getComputedStyle(el, '::before').content")
    mark = page.locator("#duty-county-01")
    assert mark.evaluate("el => getComputedStyle(el).backgroundColor") in ("rgba(0, 0, 0, 0)", "transparent")
    assert "underline" in mark.evaluate("el => getComputedStyle(el).textDecorationLine")
    label = page.locator("#p4 .hb-duty-link").first.evaluate("el => getComputedStyle(el, '::after').content")
    assert label == '"〔挂职干部 · 要求〕"'  # party and force survive black-and-white print
    assert page.errors == [] and context.outside_requests == []


def test_every_duty_entry_prints_its_force(site, pages):
    """The book takes the party pages as the site renders them: each entry carries its force."""
    forces = yaml.safe_load((ROOT / "data" / "duty_taxonomy.yml").read_text(encoding="utf-8"))["forces"]
    entries = [duty for party_page in (site / "duties").glob("*/index.html")
               for duty in soup_of(party_page).select(".hb-duty")]
    assert entries
    for duty in entries:
        [badge] = duty.select(".hb-badge--force")
        assert badge.get_text() == forces[duty["data-force"]]["zh"]
    text = squeeze("".join(pages["zh"]))
    assert all(labels["zh"] in text for labels in forces.values())


def test_a_part_that_finds_no_page_stops_the_build():
    pages = [build_pdf.NavPage("guide/", Path("guide.html"), "上岗指南")]
    with pytest.raises(SystemExit, match="part 'roles' found no page in the site's navigation"):
        build_pdf.select_parts(pages)
