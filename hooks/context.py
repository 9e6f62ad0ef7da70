"""The build context (handbook/context.py): made once per build in on_config, before any other
hook reads it, and this language's edition in on_files, after static-i18n has chosen the
language's files and before the other hooks' on_files (priority -200)."""

from __future__ import annotations

import html

from markupsafe import escape
from mkdocs.plugins import event_priority

from handbook import context, languages


@event_priority(100)
def on_config(config):
    if getattr(config, context.HANDBOOK, None) is None:  # the first language of this build
        setattr(config, context.HANDBOOK, context.build(config))
    return config


@event_priority(-190)
def on_files(files, config):
    edition = context.build_edition(context.of(config), files, languages.current(config))
    setattr(config, context.EDITION, edition)
    # Heading permalinks are titled in the page's language (Markdown is set up per page, later).
    if isinstance(config.mdx_configs.get("toc"), dict):
        config.mdx_configs["toc"]["permalink_title"] = edition.t("permalink")
    return files


def on_env(env, config, files):
    """The interface's words for the theme's templates (overrides/), escaped: MkDocs' theme
    environment does not escape, and data/ui is edited by people who must not inject script."""
    edition = context.edition(config)
    env.globals["ui"] = lambda key, **values: escape(edition.t(key, **values))
    return env


@event_priority(100)  # before any template or plugin reads page.title
def on_page_markdown(markdown, page, config, files):
    """MkDocs and Material print a page's title as HTML (a title taken from the first heading is
    rendered HTML), so a title from front matter is escaped once, here."""
    if isinstance(page.meta.get("title"), str):
        page.meta["title"] = html.escape(page.meta["title"], quote=True)
    return markdown
