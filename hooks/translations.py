"""English twins: every page has one, or the build stops naming the file and how to create it
(nothing falls back to the Chinese page silently); a twin written by the importer as a pending
translation (`pending_translation: true`) shows the Chinese text marked lang="zh", and the build
logs one line counting them."""

from __future__ import annotations

import re

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger

from handbook import context, sources
from handbook.han import HAN_CLASS

log = get_plugin_logger(__name__)

DEFAULT_LANGUAGE = "zh"
TWIN = "en"
# The numbered blocks of a source page (paragraphs, headings) and its card's Chinese values.
NUMBERED_BLOCK = re.compile(r'<(p|h[2-6]) id="(p\d+)"')
CARD_VALUE = re.compile(rf"<dd>([^<A-Za-z]*[{HAN_CLASS}][^<A-Za-z]*)</dd>")


@event_priority(-200)  # after context.py's edition of this language
def on_files(files, config):
    edition = context.edition(config)
    if edition.lang == DEFAULT_LANGUAGE:
        check_twins(edition.handbook)
    else:  # the twins' edition knows which are pending: counted once per build, here
        pending = [slug for slug, document in edition.library.items() if document.meta.get("pending_translation")]
        log.info("Source library: %d of %d documents await an English translation%s", len(pending),
                 len(edition.handbook.originals), f" (pending_translation: true): {', '.join(pending)}" if pending else "")
    return files


def check_twins(handbook) -> None:
    """Every Chinese page has its English twin and every twin its Chinese page (docs/ as it is
    on disk: static-i18n has already set the other language's files aside)."""
    docs = handbook.docs_dir
    missing = [fix_for(page, handbook) for page in sorted(docs.rglob("*.md"))
               if page.name.count(".") == 1 and not page.with_suffix(f".{TWIN}.md").exists()]
    orphans = [f"  {twin.relative_to(docs.parent)}: its Chinese page {twin.name.replace(f'.{TWIN}.md', '.md')} "
               "is gone; delete it too." for twin in sorted(docs.rglob(f"*.{TWIN}.md"))
               if not twin.with_name(twin.name.replace(f".{TWIN}.md", ".md")).exists()]
    if missing or orphans:
        raise PluginError("Every page needs its English twin, and every twin its Chinese page:\n"
                          + "\n".join(missing + orphans))


def fix_for(page, handbook) -> str:
    docs = handbook.docs_dir
    twin = page.with_suffix(f".{TWIN}.md").relative_to(docs.parent)
    original = handbook.originals.get(page.stem) if sources.is_source_page(page.relative_to(docs).as_posix()) else None
    if original is not None:
        raw = original.meta.get("source_file") or "FILE"
        return (f"  {twin} is missing. Create it as a pending translation with: "
                f"python3 scripts/import_transcript.py {raw} --force")
    return f"  {twin} is missing. Write the English version of {page.relative_to(docs.parent)}."


def on_page_content(html, page, config, files):
    if not sources.is_source_page(page.file.src_uri):
        return html
    edition = context.edition(config)
    document = edition.library.get(sources.slug_of(page.file.src_uri))
    if edition.lang == DEFAULT_LANGUAGE or document is None or not document.meta.get("pending_translation"):
        return html
    html = NUMBERED_BLOCK.sub(r'<\1 id="\2" lang="zh"', html)
    return CARD_VALUE.sub(r'<dd lang="zh">\1</dd>', html)
