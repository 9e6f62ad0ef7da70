"""The heading permalinks' title in the page's language: mkdocs.yml's `permalink_title` is one
string for every language (Chinese), so the English pages get theirs here."""

from __future__ import annotations

import re

TITLES = {"en": "Link to this section"}


def on_page_content(html, page, config, files):
    title = TITLES.get(config.theme["language"])
    default = config.mdx_configs.get("toc", {}).get("permalink_title")
    if not title or not default:
        return html
    # Only the toc extension's permalinks: <a class="headerlink" href="#id" title="…">.
    pattern = re.compile(r'(<a class="headerlink" href="#[^"]*" title=")' + re.escape(default) + '"')
    return pattern.sub(lambda match: match.group(1) + title + '"', html)
