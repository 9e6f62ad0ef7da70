"""The build lets each page's text go once the page is written (hooks/release_pages.py), after
every hook that reads it: the pages are whole, and the content security policy still tells the
page's own scripts from the template's."""

from __future__ import annotations

import base64
import hashlib
import re

import mkdocs.commands.build

SCRIPT = "console.log('from the page itself')"


def test_pages_are_released_after_they_are_written_and_not_before(fixture_site, monkeypatch):
    built = []
    build_page = mkdocs.commands.build._build_page

    def recording(page, *args, **kwargs):
        build_page(page, *args, **kwargs)
        built.append(page)

    monkeypatch.setattr(mkdocs.commands.build, "_build_page", recording)
    fixture_site.write("about.md", f"# 关于\n\n正文一段。\n\n<script>{SCRIPT}</script>\n")
    fixture_site.write("about.en.md", f"# About\n\nA paragraph.\n\n<script>{SCRIPT}</script>\n")
    site = fixture_site.build(["source_pages.py", "csp.py", "release_pages.py"])

    assert {page.file.src_uri for page in built} >= {"about.md", "about.en.md", "sources/01-test.md"}
    assert all(page.content is None and page.markdown == "" for page in built)
    html = (site / "about" / "index.html").read_text(encoding="utf-8")
    assert "正文一段。" in html and 'id="p1"' in (site / "sources" / "01-test" / "index.html").read_text(encoding="utf-8")
    assert "<title>关于" in html  # the nav and title still have the page's title
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html).group(1)
    digest = base64.b64encode(hashlib.sha256(SCRIPT.encode("utf-8")).digest()).decode("ascii")
    assert "sha256-" in policy and digest not in policy  # csp.py read the content before it was let go
