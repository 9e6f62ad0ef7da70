"""The duty index: validates data/duties/ against the sources, fills the duty pages' markers
(matrix, per party, owed to the cadre, per document, all), marks each quoted sentence in the
source pages with a link to its entry, and publishes duties.json and duties.csv."""

from __future__ import annotations

import csv
import io
import json
import posixpath
import re

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from handbook import sources
from handbook.data import data_path, load_yaml
from handbook.duties import Duty, Registry, load_registry
from handbook.templates import render


MARKER = re.compile(r"<!--\s*duty-index:\s*([\w-]+)(?:=([\w-]+))?\s*-->")
# A guide page's list of chosen duties: <!-- duty-refs: county-27 district-23 -->
REFS = re.compile(r"<!--\s*duty-refs:\s*([\w\s-]*?)\s*-->")
DUTY_PAGES = "duties/"
EXPORT_FIELDS = ("id", "party", "theme", "summary_zh", "summary_en", "quote", "source", "paragraph", "url")
OWED_TO_CADRE = ("host_unit", "dispatching_unit", "org_department", "publicity_department")

registry: Registry | None = None
titles: dict[str, str] = {}  # source document titles in this build's language
roles: dict = {}  # data/roles.yml: what other parties owe each role


@event_priority(-200)  # after static-i18n has chosen this language's files
def on_files(files, config):
    global registry, titles, roles
    registry = load_registry(config)
    roles = load_roles(config, registry)
    titles = {slug: document.title for slug, document in sources.load_library(files, config).items()}
    for name, content in exports(config).items():
        files.append(File.generated(config, name, content=content))
    for party in registry.parties:
        if files.get_file_from_path(party_page(party)) is None:
            raise PluginError(
                f"docs/{party_page(party)} is missing: every party in data/duty_taxonomy.yml has a "
                f"page with the marker <!-- duty-index: party={party} -->."
            )
    return files


def load_roles(config, registry: Registry) -> dict:
    path = data_path(config, "roles.yml")
    data = load_yaml(path)
    for role, owed_by in data.items():
        if role not in registry.parties or not isinstance(owed_by, dict):
            raise PluginError(f"{path}: '{role}' is not a party of data/duty_taxonomy.yml with a mapping of parties.")
        for party, themes in owed_by.items():
            if party not in registry.parties:
                raise PluginError(f"{path}: {role}: unknown party '{party}'.")
            if themes != "all" and not (isinstance(themes, list) and set(themes) <= set(registry.themes)):
                raise PluginError(f"{path}: {role}: {party}: give `all` or a list of theme ids from data/duty_taxonomy.yml.")
    return data


def party_page(party: str) -> str:
    return f"{DUTY_PAGES}{party.replace('_', '-')}.md"


def language(config) -> str:
    return config.theme["language"]


def url_to(page, files, src_uri: str, anchor: str = "") -> str:
    target = files.get_file_from_path(src_uri)
    if target is None:
        raise PluginError(f"{page.file.src_uri}: the duty index links to {src_uri}, which does not exist.")
    return target.url_relative_to(page.file) + (f"#{anchor}" if anchor else "")


def on_page_markdown(markdown, page, config, files):
    lang = language(config)
    if sources.is_source_page(page.file.src_uri):
        slug = page.file.src_uri.split("/")[-1].split(".")[0]
        return mark_source(markdown, page, files, slug, lang)
    markdown = MARKER.sub(lambda match: render_marker(match, page, files, lang), markdown)
    return REFS.sub(lambda match: render_refs(match, page, lang), markdown)


# -- duty pages ------------------------------------------------------------------------------

def render_marker(match: re.Match, page, files, lang: str) -> str:
    kind, argument = match.groups()
    links = EntryLinks(page, files, lang)
    if kind == "matrix":
        pages = {party: party_page(party).removeprefix(DUTY_PAGES) for party in registry.parties}
        return render("duty_matrix.md.j2", registry=registry, lang=lang, pages=pages)
    if kind == "party" and argument in registry.parties:
        groups = [(theme, registry.themes[theme], registry.by(party=argument, theme=theme))
                  for theme in registry.themes]
        return duty_list(groups, links, lang, filters=("theme", "source"))
    if kind == "owed-to-cadre":
        groups = [(theme, registry.themes[theme],
                   [d for d in registry.by(theme=theme) if d.party in OWED_TO_CADRE])
                  for theme in registry.themes]
        return duty_list(groups, links, lang, filters=("party", "theme", "source"))
    if kind == "by-source":
        groups = [(slug, {"zh": f"《{doc.title}》", "en": links.document_title(slug)}, registry.by(source=slug))
                  for slug, doc in registry.documents.items()]
        # every document, those without entries yet too (a text just imported)
        return duty_list(groups, links, lang, filters=("party", "theme"), keep_empty=True)
    if kind == "all":
        groups = [(party, registry.parties[party], registry.by(party=party)) for party in registry.parties]
        return duty_list(groups, links, lang, filters=("party", "theme", "source"))
    if kind in ("role-duties", "role-owed"):
        role = page.meta.get("role")
        if role not in registry.parties:
            raise PluginError(
                f"{page.file.src_uri}: the marker {match.group(0)} needs `role:` in the page's front matter, "
                f"one of {', '.join(registry.parties)}."
            )
        if kind == "role-duties":
            duties = registry.by(party=role)
        else:
            duties = [d for d in registry.duties if owed_to(role, d)]
        return render("duty_compact.md.j2", duties=duties, registry=registry, lang=lang,
                      href=lambda duty: relative_link(page, party_page(duty.party), duty.id),
                      by_party=kind == "role-owed")
    raise PluginError(
        f"{page.file.src_uri}: unknown marker '{match.group(0)}'. Use duty-index: matrix, all, "
        f"owed-to-cadre, by-source, or party=<{'|'.join(registry.parties)}>."
    )


def render_refs(match: re.Match, page, lang: str) -> str:
    ids = match.group(1).split()
    known = {duty.id: duty for duty in registry.duties}
    unknown = [duty_id for duty_id in ids if duty_id not in known]
    if unknown or not ids:
        raise PluginError(
            f"{page.file.src_uri}: {match.group(0)} names no duty or unknown ones ({', '.join(unknown)}). "
            "Use ids from data/duties/*.yml."
        )
    return render("duty_refs.md.j2", duties=[known[i] for i in ids], registry=registry, lang=lang,
                  href=lambda duty: relative_link(page, party_page(duty.party), duty.id))


def relative_link(page, target_src_uri: str, anchor: str) -> str:
    """A Markdown link target from this page to another page's anchor (checked by MkDocs)."""
    return posixpath.relpath(target_src_uri, posixpath.dirname(page.file.src_uri) or ".") + f"#{anchor}"


def owed_to(role: str, duty: Duty) -> bool:
    """Whether data/roles.yml counts this duty among what others owe the role."""
    themes = roles.get(role, {}).get(duty.party)
    return themes == "all" or (isinstance(themes, list) and duty.theme in themes)


def duty_list(groups, links, lang: str, filters: tuple[str, ...], keep_empty: bool = False) -> str:
    groups = [(key, names, duties) for key, names, duties in groups if duties or keep_empty]
    return render("duty_list.md.j2", groups=groups, registry=registry, links=links, lang=lang,
                  filters=filters, total=sum(len(d) for _, _, d in groups))


class EntryLinks:
    """URLs and labels of one duty page's entries, relative to that page."""

    def __init__(self, page, files, lang: str):
        self.page, self.files, self.lang = page, files, lang

    def source(self, duty: Duty) -> str:
        return url_to(self.page, self.files, f"sources/{duty.source}.md", duty.anchor)

    @staticmethod
    def document_title(slug: str) -> str:
        """Title of a source document in this language (its translation's, where there is one)."""
        return titles.get(slug) or registry.documents[slug].title

    def citation(self, duty: Duty) -> str:
        number = duty.paragraph[1:]
        if self.lang == "zh":
            return f"《{self.document_title(duty.source)}》第{number}段"
        return f"{self.document_title(duty.source)}, ¶{number}"


# -- marks in the source pages ---------------------------------------------------------------

def mark_source(markdown: str, page, files, slug: str, lang: str) -> str:
    """Highlight each quoted sentence (Chinese) or flag its paragraph (translation), with a
    link to the duty's entry on its party page; ids duty-<id> are the same in both languages."""
    for paragraph in {d.paragraph for d in registry.by(source=slug)}:
        duties = registry.in_paragraph(slug, paragraph)
        start, end = block_span(markdown, paragraph, page)
        block = markdown[start:end]
        links = [render("duty_mark_link.html", duty=d, lang=lang, registry=registry,
                        href=url_to(page, files, party_page(d.party), d.id)).strip()
                 for d in duties]
        if lang == "zh":
            spans = [(d.position, d.position + len(d.quote),
                      render("duty_mark_open.html", duty=d, lang=lang, registry=registry).strip(),
                      "</mark>" + link) for d, link in zip(duties, links)]
            block = wrap_plain_spans(block, spans, page, paragraph)
        else:
            anchors = "".join(f'<span class="hb-duty-anchor" id="{d.anchor}"></span>{link}'
                              for d, link in zip(duties, links))
            block = block + " " + anchors
        markdown = markdown[:start] + block + markdown[end:]
    return markdown


def block_span(markdown: str, paragraph: str, page) -> tuple[int, int]:
    """Start and end of the text of the block with this id (without its id syntax)."""
    heading = re.search(rf"^#{{2,6}}[ \t]+(.*?)[ \t]*\{{\s*#{paragraph}\s*\}}[ \t]*$", markdown, re.M)
    if heading:
        return heading.span(1)
    body = re.search(rf"(?:^|\n\n)((?:(?!\n[ \t]*\n).)+?)\n\{{:\s*#{paragraph}\s*\}}[ \t]*(?:\n|$)", markdown, re.S)
    if body:
        return body.span(1)
    raise PluginError(f"{page.file.src_uri}: paragraph {paragraph} cited by the duty index is not on this page.")


def wrap_plain_spans(block: str, spans, page, paragraph: str) -> str:
    """Insert HTML around spans given in reader-visible characters, skipping Markdown escapes."""
    positions = []  # markdown index of each visible character
    index = 0
    while index < len(block):
        if block[index] == "\\" and index + 1 < len(block) and block[index + 1] in "\\`*_[]<>#+-.!":
            index += 1
        elif block.startswith(("**", "__"), index):
            index += 2
            continue
        positions.append(index)
        index += 1
    for start, end, opening, closing in sorted(spans, reverse=True):
        if end > len(positions):
            raise PluginError(f"{page.file.src_uri}: a duty quote runs past the end of {paragraph}.")
        md_start, md_end = positions[start], positions[end - 1] + 1
        block = block[:md_start] + opening + block[md_start:md_end] + closing + block[md_end:]
    return block


# -- exports -----------------------------------------------------------------------------------

def exports(config) -> dict[str, str | bytes]:
    """duties.json and duties.csv at the site root (each language's build writes the same)."""
    site_url = (config.site_url or "").rstrip("/")
    rows = [
        {"id": d.id, "party": d.party, "theme": d.theme, "summary_zh": d.summary_zh,
         "summary_en": d.summary_en, "quote": d.quote, "source": d.source, "paragraph": d.paragraph,
         "url": f"{site_url}/sources/{d.source}/#{d.anchor}" if config.use_directory_urls
         else f"{site_url}/sources/{d.source}.html#{d.anchor}"}
        for d in registry.duties
    ]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=EXPORT_FIELDS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return {
        "duties.json": json.dumps(rows, ensure_ascii=False, indent=1),
        # UTF-8 with BOM so that Excel opens the Chinese correctly.
        "duties.csv": buffer.getvalue().encode("utf-8-sig"),
    }
