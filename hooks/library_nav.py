"""The source library's navigation, index and level pages, generated from the documents' front
matter, and the document count wherever a page writes `<!-- library:count -->`.

Adding a text never means editing the nav: the library section of `nav` in mkdocs.yml holds only
`sources/index.md`, and this hook fills in one section per level (a generated page per level,
which groups its documents by kind and year, newest first). While the library is small
(`nav_list_limit` in data/taxonomy.yml) each level's section also lists its documents; beyond
that only the level pages are in the nav, so a page's nav stays small at 1,000 texts and a
reader reaches any text in three clicks: library, level, text.
"""

from __future__ import annotations

from itertools import groupby

from markupsafe import Markup
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, InclusionLevel

from handbook import context, languages, names
from handbook.markdown_escape import inline
from handbook.templates import render, safe
from handbook.han import has_han

COUNT = "<!-- library:count -->"
INDEX_MARKER = "<!-- library:index -->"
INDEX_PAGE = f"{names.SOURCE_DIR}index.md"


def newest_first(documents):
    """Dated documents newest first, then the undated ones in the order of their file names."""
    dated = sorted((d for d in documents if d.meta.get("date")), key=lambda d: (str(d.meta["date"]), d.slug), reverse=True)
    return dated + [d for d in documents if not d.meta.get("date")]


def library_levels(edition) -> list[dict]:
    """This language's documents by level, then kind, then year (computed from the edition:
    cheap, and no state kept between events)."""
    taxonomy = edition.handbook.taxonomy
    documents = list(edition.library.values())
    groups = []
    for level, level_labels in taxonomy.levels.items():
        in_level = [d for d in documents if d.meta["level"] == level]
        if not in_level:
            continue
        kinds = []
        for kind, kind_labels in taxonomy.kinds.items():
            ordered = newest_first([d for d in in_level if d.meta["kind"] == kind])
            if ordered:
                years = [(year, list(docs)) for year, docs in
                         groupby(ordered, key=lambda d: str(d.meta.get("date") or "")[:4])]
                kinds.append({"kind": kind, "labels": kind_labels, "years": years, "count": len(ordered)})
        groups.append({"level": level, "labels": level_labels, "src_uri": names.library_level_page(level_labels.slug),
                       "kinds": kinds, "count": len(in_level),
                       "documents": [d for k in kinds for _, docs in k["years"] for d in docs]})
    return groups


def listed(edition) -> bool:
    """Whether the nav lists every document (a small library) or the level pages only."""
    return len(edition.library) <= edition.handbook.taxonomy.nav_list_limit


@event_priority(-200)  # after static-i18n has chosen this language's files (and context.py's edition)
def on_files(files, config):
    edition = context.edition(config)
    levels = library_levels(edition)
    for group in levels:
        content = render("library_group.md.j2", edition=edition, group=group, text=text_for(edition.lang))
        files.append(generated_page(config, group["src_uri"], edition.lang, content))
    if not listed(edition):
        for document in edition.library.values():
            # static-i18n serves a translation under its Chinese page's path
            src_uri = document.src_uri.replace(f".{edition.lang}.md", ".md")
            files.get_file_from_path(src_uri).inclusion = InclusionLevel.NOT_IN_NAV
    set_nav(config, edition, levels)
    return files


def generated_page(config, src_uri: str, lang: str, content: str) -> File:
    """A page of this language's build, placed and linked to its twin as static-i18n does with
    the files it reads (its language switch needs `alternates`, or it keeps the previous page's)."""
    twins, root = {}, languages.default(config)
    for code in languages.configured(config):
        uri = src_uri if code == root else src_uri.replace(".md", f".{code}.md")
        twin = File.generated(config, uri, content=content if code == lang else "")
        if code != root:
            twin.dest_uri = f"{code}/{src_uri.removesuffix('.md')}.html"
        twin.locale = twin.locale_alternate_of = code
        twin.localization = None if code == root else code
        twin.norm_src_uri = src_uri
        twins[code] = twin
    for twin in twins.values():
        twin.alternates = twins
    return twins[lang]


def set_nav(config, edition, levels: list[dict]) -> None:
    """Replace the children of the nav section that holds sources/index.md (idempotent: each
    language's build fills it afresh)."""
    entries = [INDEX_PAGE]
    for group in levels:
        label = group["labels"].tag if edition.lang == "zh" else group["labels"].en
        pages = [group["src_uri"]] + ([names.source_page(d.slug) for d in group["documents"]] if listed(edition) else [])
        entries.append({label: pages})
    for item in config.nav or []:
        for title, children in (item.items() if isinstance(item, dict) else []):
            if isinstance(children, list) and INDEX_PAGE in children:
                item[title] = entries
                return


def text_for(lang: str):
    """A front-matter value inside generated Markdown, escaped (markdown_escape.inline); on an
    English page, Chinese (a pending translation's title, its speaker) is marked lang="zh"."""
    def text(value) -> Markup:
        escaped = inline(value)
        if lang != "zh" and has_han(escaped):
            return Markup(f'<span lang="zh">{escaped}</span>')
        return Markup(escaped)
    return text


def on_page_markdown(markdown, page, config, files):
    if COUNT not in markdown and INDEX_MARKER not in markdown:
        return markdown
    edition = context.edition(config)
    markdown = markdown.replace(COUNT, str(len(edition.library)))
    if INDEX_MARKER in markdown and page.file.src_uri.startswith(names.SOURCE_DIR):
        levels = library_levels(edition)
        markdown = markdown.replace(INDEX_MARKER, render(
            "library_index.md.j2", edition=edition, levels=levels, listed=listed(edition),
            kinds=edition.handbook.taxonomy.kinds, text=text_for(edition.lang), safe=safe))
    return markdown
