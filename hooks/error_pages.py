"""The error page in each language: 404.html (Chinese) and en/404.html (English).

static-i18n builds each language into the same site folder, so every language's 404.html lands
at the root and the last one built wins. This hook keeps each language's page and writes it
into that language's folder once all are built. In the offline bundle its links are relative
(the page is opened from file://, where root-absolute links lead nowhere); online they stay
absolute from site_url's path, as MkDocs makes them, because a server shows the page at any
depth.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

from handbook import languages
from handbook.commands import offline_bundle

ERROR_PAGE = "404.html"
PAGES = "_handbook_error_pages"  # on the config (shared by the languages' builds): folder -> HTML


def pages_of(config) -> dict[str, str]:
    """Each language folder ("" or "en/") and its error page's HTML, for this build."""
    if getattr(config, PAGES, None) is None:
        setattr(config, PAGES, {})
    return getattr(config, PAGES)


def on_template_context(context, template_name, config):
    if template_name == ERROR_PAGE and offline_bundle(config):
        folder = languages.folder(config)
        context["base_url"] = "." if not folder else "/".join(".." for _ in folder.strip("/").split("/"))
    return context


@event_priority(-100)  # the page as finished by the other hooks (csp.py adds its policy first)
def on_post_template(output_content, template_name, config):
    if template_name == ERROR_PAGE:
        pages_of(config)[languages.folder(config)] = output_content
    return output_content


@event_priority(-200)  # after static-i18n has built the other languages (its own -100)
def on_post_build(config):
    for folder, html in pages_of(config).items():
        target = Path(config.site_dir) / folder / ERROR_PAGE
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
