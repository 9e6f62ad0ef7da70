"""The source library's navigation, index and group pages, generated from the documents' front
matter, and the document count wherever a page writes `<!-- library:count -->`.

Adding a text never means editing the nav: the library section of `nav` in mkdocs.yml holds only
`sources/index.md`, and this hook fills in one section per level (a generated page per level,
which groups its documents by kind and year, newest first). While the library is small
(`nav_list_limit` in data/taxonomy.yml) each level's section also lists its documents; beyond
that only the level pages are in the nav, so a page's nav stays small at 1,000 texts and a
reader reaches any text in three clicks: library, level, text.
"""

from __future__ import annotations

import re
from itertools import groupby

from markupsafe import escape
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, InclusionLevel

from handbook import sources
from handbook.templates import render

COUNT = "<!-- library:count -->"
INDEX_MARKER = "<!-- library:index -->"
INDEX_PAGE = "sources/index.md"
GROUP_DIR = "library"
LANGUAGES = ("zh", "en")  # the default language first, as in mkdocs.yml
MARKDOWN_LINK_TEXT = re.compile(r"([\\`*_\[\]|])")
HAN = re.compile(r"[\u3400-\u9fff]")

library: list[sources.SourceDocument] = []
levels: list[dict] = []  # [{"level", "labels", "src_uri", "kinds": [{"kind", "labels", "years": [(year, docs)]}]}]
taxonomy: dict = {}


def language(config) -> str:
    return config.theme["language"]


def group_page(level: str) -> str:
    return f"{GROUP_DIR}/{taxonomy['levels'][level]['slug']}/index.md"


def newest_first(documents):
    """Dated documents newest first, then the undated ones in the order of their file names."""
    dated = sorted((d for d in documents if d.meta.get("date")), key=lambda d: (str(d.meta["date"]), d.slug), reverse=True)
    return dated + [d for d in documents if not d.meta.get("date")]


def group_library(documents) -> list[dict]:
    groups = []
    for level, level_labels in taxonomy["levels"].items():
        in_level = [d for d in documents if d.meta["level"] == level]
        if not in_level:
            continue
        kinds = []
        for kind, kind_labels in taxonomy["kinds"].items():
            ordered = newest_first([d for d in in_level if d.meta["kind"] == kind])
            if ordered:
                years = [(year, list(docs)) for year, docs in
                         groupby(ordered, key=lambda d: str(d.meta.get("date") or "")[:4])]
                kinds.append({"kind": kind, "labels": kind_labels, "years": years, "count": len(ordered)})
        groups.append({"level": level, "labels": level_labels, "src_uri": group_page(level),
                       "kinds": kinds, "count": len(in_level),
                       "documents": [d for k in kinds for _, docs in k["years"] for d in docs]})
    return groups


@event_priority(-200)  # after static-i18n has chosen this language's files
def on_files(files, config):
    global library, levels, taxonomy
    lang = language(config)
    taxonomy = sources.load_taxonomy(config)
    library = list(sources.load_library(files, config).values())
    levels = group_library(library)
    listed = len(library) <= int(taxonomy.get("nav_list_limit", 30))
    for group in levels:
        content = render("library_group.md.j2", group=group, lang=lang, text=inline_text)
        files.append(generated_page(config, group["src_uri"], lang, content))
    for document in library:
        if not listed:
            files.get_file_from_path(document.src_uri.replace(f".{lang}.md", ".md")).inclusion = InclusionLevel.NOT_IN_NAV
    set_nav(config, lang, listed)
    return files


def generated_page(config, src_uri: str, lang: str, content: str) -> File:
    """A page of this language's build, placed and linked to its twin as static-i18n does with
    the files it reads (its language switch needs `alternates`, or it keeps the previous page's)."""
    twins = {}
    for code in LANGUAGES:
        uri = src_uri if code == LANGUAGES[0] else src_uri.replace(".md", f".{code}.md")
        twin = File.generated(config, uri, content=content if code == lang else "")
        if code != LANGUAGES[0]:
            twin.dest_uri = f"{code}/{src_uri.removesuffix('.md')}.html"
        twin.locale = twin.locale_alternate_of = code
        twin.localization = None if code == LANGUAGES[0] else code
        twin.norm_src_uri = src_uri
        twins[code] = twin
    for twin in twins.values():
        twin.alternates = twins
    return twins[lang]


def set_nav(config, lang: str, listed: bool) -> None:
    """Replace the children of the nav section that holds sources/index.md (idempotent: each
    language's build fills it afresh)."""
    entries = [INDEX_PAGE]
    for group in levels:
        label = group["labels"]["tag"] if lang == "zh" else group["labels"]["en"]
        pages = [group["src_uri"]] + ([f"{sources.SOURCE_DIR}{d.slug}.md" for d in group["documents"]] if listed else [])
        entries.append({label: pages})
    for item in config.nav or []:
        for title, children in (item.items() if isinstance(item, dict) else []):
            if isinstance(children, list) and INDEX_PAGE in children:
                item[title] = entries
                return


def inline_text(value, lang: str) -> str:
    """A front-matter value inside generated Markdown: HTML- and Markdown-escaped; on an English
    page, Chinese (a pending translation's title, its speaker) is marked lang="zh"."""
    text = MARKDOWN_LINK_TEXT.sub(r"\\\1", str(escape(str(value))))
    if lang != "zh" and HAN.search(text):
        return f'<span lang="zh">{text}</span>'
    return text


def on_page_markdown(markdown, page, config, files):
    if COUNT in markdown:
        markdown = markdown.replace(COUNT, str(len(library)))
    if INDEX_MARKER in markdown and page.file.src_uri.startswith(sources.SOURCE_DIR):
        markdown = markdown.replace(INDEX_MARKER, render(
            "library_index.md.j2", levels=levels, lang=language(config), total=len(library),
            listed=len(library) <= int(taxonomy.get("nav_list_limit", 30)), kinds=taxonomy["kinds"],
            text=inline_text))
    return markdown
