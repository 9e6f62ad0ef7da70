"""Lighter pages: less whitespace in every page, and Material's stylesheets without the rules
that match nothing the site shows.

- on_post_page: each run of whitespace with a line break becomes one line break, outside the
  elements whose whitespace shows (pre, code, kbd, textarea) and scripts and styles, which stay
  byte for byte (csp.py hashes the inline scripts after this). A browser renders the page the
  same. The page's tags, classes, ids and attributes are noted on the way.
- on_post_build, once every language is built: Material's main and palette stylesheets are
  purged (handbook/css_purge.py) against what all pages and the site's scripts name, published
  under a name with the purged content's hash (so a cache never keeps an older purge), and the
  pages' links renamed. The rest of Material's files are untouched.
- the handbook's own stylesheets and scripts (extra_css, extra_javascript) are published
  minified, under the names asset_names.py gave them from their source's hash.
"""

from __future__ import annotations

import hashlib
import re
from itertools import chain, repeat
from pathlib import Path

from mkdocs.plugins import event_priority, get_plugin_logger

import rjsmin

from handbook import languages
from handbook.css_purge import Asked, Usage, asked_by, minify, parse, purge_parsed

log = get_plugin_logger(__name__)

STATE = "_handbook_page_weight"
# Material's own stylesheets: assets/stylesheets/<name>.<hash>.min.css.
THEME_CSS = re.compile(r"assets/stylesheets/(?P<name>[\w-]+)\.(?P<hash>[0-9a-f]{8})\.min\.css")
VERBATIM = re.compile(r"<(pre|code|kbd|textarea|script|style)\b[^>]*>.*?</\1\s*>", re.S | re.I)
SPACE = " \t\r"  # with the line break, the whitespace a run of which becomes one line break
HEAD_BYTES = 32 * 1024  # where a page's stylesheet links stand


class Weight:
    """What the pages of this build name, and how far the build has got."""

    def __init__(self):
        self.usage = Usage()
        self.stylesheets: set[str] = set()
        self.parsed: dict[str, tuple[str, list]] = {}  # stylesheet -> (its text, its rules)
        self.builds = 0


def state(config) -> Weight:
    # On the config: static-i18n builds every language with the same one.
    if getattr(config, STATE, None) is None:
        setattr(config, STATE, Weight())
    return getattr(config, STATE)


def collapse_whitespace(html: str) -> str:
    parts, position = [], 0
    for verbatim in VERBATIM.finditer(html):
        parts.append(collapse_line_breaks(html[position:verbatim.start()]))
        parts.append(verbatim.group())
        position = verbatim.end()
    parts.append(collapse_line_breaks(html[position:]))
    return "".join(parts)


def collapse_line_breaks(text: str) -> str:
    """Each run of whitespace that holds a line break, one line break: the lines stripped where
    they meet a line break, the blank ones dropped (in C, five times faster than a regular
    expression's substitution)."""
    lines = text.split("\n")
    if len(lines) == 1:
        return text
    middle = filter(None, map(str.strip, lines[1:-1], repeat(SPACE)))
    return "\n".join(chain((lines[0].rstrip(SPACE),), middle, (lines[-1].lstrip(SPACE),)))


def on_files(files, config):
    """Material's stylesheets, read before any page: the pages' attribute values and ids are
    kept only where a selector of theirs names them."""
    weight = state(config)
    for file in files:
        if THEME_CSS.fullmatch(file.dest_uri) and file.dest_uri not in weight.parsed:
            css = Path(file.abs_src_path).read_text(encoding="utf-8")
            weight.parsed[file.dest_uri] = (css, parse(css))
    weight.stylesheets.update(weight.parsed)
    asked = [asked_by(rules) for _, rules in weight.parsed.values()]
    weight.usage.asked = Asked(frozenset().union(*(a.values for a in asked)), frozenset().union(*(a.ids for a in asked)))
    return files


@event_priority(-90)  # after the hooks that change the page, before csp.py hashes its scripts
def on_post_page(output, page, config):
    output = collapse_whitespace(output)
    state(config).usage.add_html(output)
    return output


def on_post_template(output_content, template_name, config):
    if template_name.endswith(".html"):  # the error pages
        state(config).usage.add_html(output_content)
    return output_content


@event_priority(-300)  # last: after static-i18n's other languages and error_pages.py
def on_post_build(config):
    weight = state(config)
    weight.builds += 1
    if weight.builds < len(languages.built(config)):
        return  # static-i18n calls this once per language, the default language's last
    site = Path(config.site_dir)
    minify_own_assets(config, site)
    # The site's scripts (client.js, handbook.js, the search engine) also put elements in the
    # content: code copy buttons, the duty list, highlighted words.
    for script in (site / "assets" / "javascripts").rglob("*.js"):
        weight.usage.add_script(script.read_text(encoding="utf-8"), builds_content=True)
    stylesheets = {path: (site / path).read_text(encoding="utf-8") for path in sorted(weight.stylesheets)}
    others = tuple(css.read_text(encoding="utf-8") for css in (site / "assets" / "stylesheets").glob("*.css")
                   if css.relative_to(site).as_posix() not in stylesheets)
    renamed = {}
    for path, css in stylesheets.items():
        readers = others + tuple(text for other, text in stylesheets.items() if other != path)
        read, rules = weight.parsed[path]
        if css != read:  # changed since on_files: the pages' values were kept for the other text
            log.info("%s changed during the build: left unpurged", path)
            continue
        purged = purge_parsed(rules, weight.usage, readers)
        digest = hashlib.sha256(purged.encode()).hexdigest()[:8]
        new_path = f"assets/stylesheets/{THEME_CSS.fullmatch(path)['name']}.{digest}.min.css"
        (site / new_path).write_text(purged, encoding="utf-8")
        if new_path != path:
            (site / path).unlink()
        (site / (path + ".map")).unlink(missing_ok=True)  # maps the unpurged file
        renamed[path] = new_path
        log.debug("%s: %d → %d bytes", path, len(css), len(purged))
    for page in site.rglob("*.html"):
        relink(page, renamed)


def relink(page: Path, renamed: dict[str, str]) -> None:
    """The page's links to the renamed stylesheets. A new name has the length of the old (only
    the 8-digit hash changes) and the links are in the <head>, so each is patched where it
    stands: at 1,000 texts, no page is read or written whole."""
    with page.open("r+b") as file:
        head = file.read(HEAD_BYTES)
        for path, new_path in renamed.items():
            old, new = path.encode(), new_path.encode()
            if len(old) != len(new) or (old not in head and len(head) == HEAD_BYTES):
                break
            for found in re.finditer(re.escape(old), head):
                file.seek(found.start())
                file.write(new)
        else:
            return
    html = page.read_text(encoding="utf-8")
    for path, new_path in renamed.items():
        html = html.replace(path, new_path)
    page.write_text(html, encoding="utf-8")


def minify_own_assets(config, site: Path) -> None:
    entries = [*config.extra_css, *(str(getattr(entry, "path", entry)) for entry in config.extra_javascript)]
    for entry in entries:
        target = site / entry
        if "://" in entry or entry.startswith("/") or not target.is_file():
            continue
        text = target.read_text(encoding="utf-8")
        target.write_text(minify(text) if entry.endswith(".css") else rjsmin.jsmin(text), encoding="utf-8")

