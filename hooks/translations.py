"""English twins: every page has one, or the build stops naming the file and how to create it
(nothing falls back to the Chinese page silently); a twin written by the importer as a pending
translation (`pending_translation: true`) shows the Chinese text marked lang="zh", and the build
logs one line counting them."""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger

from handbook import sources

log = get_plugin_logger(__name__)

DEFAULT_LANGUAGE = "zh"
TWIN = "en"
# The numbered blocks of a source page (paragraphs, headings) and its card's Chinese values.
NUMBERED_BLOCK = re.compile(r'<(p|h[2-6]) id="(p\d+)"')
CARD_VALUE = re.compile(r"<dd>([^<A-Za-z]*[\u3400-\u9fff][^<A-Za-z]*)</dd>")


@event_priority(-200)  # after static-i18n has chosen this language's files
def on_files(files, config):
    if config.theme["language"] != DEFAULT_LANGUAGE:
        return files
    docs = Path(config.docs_dir)
    missing = [fix_for(page, docs) for page in sorted(docs.rglob("*.md"))
               if page.name.count(".") == 1 and not page.with_suffix(f".{TWIN}.md").exists()]
    orphans = [f"  {twin.relative_to(docs.parent)}: its Chinese page {twin.name.replace(f'.{TWIN}.md', '.md')} "
               "is gone; delete it too." for twin in sorted(docs.rglob(f"*.{TWIN}.md"))
               if not twin.with_name(twin.name.replace(f".{TWIN}.md", ".md")).exists()]
    if missing or orphans:
        raise PluginError("Every page needs its English twin, and every twin its Chinese page:\n"
                          + "\n".join(missing + orphans))
    pending = sorted(p.name.removesuffix(f".{TWIN}.md") for p in (docs / "sources").glob(f"*.{TWIN}.md")
                     if sources.is_pending(p))
    total = sum(1 for p in (docs / "sources").glob("[0-9]*.md") if p.name.count(".") == 1)
    log.info("Source library: %d of %d documents await an English translation%s", len(pending), total,
             f" (pending_translation: true): {', '.join(pending)}" if pending else "")
    return files


def fix_for(page: Path, docs: Path) -> str:
    twin = page.with_suffix(f".{TWIN}.md").relative_to(docs.parent)
    if sources.is_source_page(page.relative_to(docs).as_posix()):
        raw = sources.parse_document(page, f"{sources.SOURCE_DIR}{page.name}").meta.get("source_file", "FILE")
        return (f"  {twin} is missing. Create it as a pending translation with: "
                f"python3 scripts/import_transcript.py {raw} --force")
    return f"  {twin} is missing. Write the English version of {page.relative_to(docs.parent)}."


def on_page_content(html, page, config, files):
    if config.theme["language"] == DEFAULT_LANGUAGE or not page.meta.get("pending_translation"):
        return html
    html = NUMBERED_BLOCK.sub(r'<\1 id="\2" lang="zh"', html)
    return CARD_VALUE.sub(r'<dd lang="zh">\1</dd>', html)
