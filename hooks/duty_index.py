"""The duty index: fills the duty pages' markers (matrix, per party, owed to the cadre, per
document, all, a role's duties and what others owe it), marks each quoted sentence in the
source pages (handbook/duty_marks.py), and publishes duties.json and duties.csv
(handbook/exports.py). The registry itself is read and checked once per build, in the
context (handbook/context.py)."""

from __future__ import annotations

import json
import posixpath
import re
from types import MappingProxyType

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File

from handbook import context, languages, duty_marks, exports, names, sources
from handbook.references import DUTY_REFS  # <!-- duty-refs: county-27 district-23 -->
from handbook.duties import Duty
from handbook.templates import render, safe

log = get_plugin_logger(__name__)

MARKER = re.compile(r"<!--\s*duty-index:\s*([\w-]+)(?:=([\w-]+))?\s*-->")
# A guide page's list of chosen duties: <!-- duty-refs: county-27 district-23 -->


@event_priority(-200)  # after static-i18n has chosen this language's files
def on_files(files, config):
    registry = context.of(config).registry
    for party in registry.parties:
        if files.get_file_from_path(names.party_page(party)) is None:
            raise PluginError(
                f"docs/{names.party_page(party)} is missing: every party in data/duty_taxonomy.yml has a "
                f"page with the marker <!-- duty-index: party={party} -->."
            )
    if getattr(config, EXPORTS, None) is None:  # the same in every language: made once per build
        setattr(config, EXPORTS, export_files(config, files))
        report_unannotated(context.of(config))
    for name, content in getattr(config, EXPORTS).items():
        files.append(File.generated(config, name, content=content))
    lang = languages.current(config)
    files.append(File.generated(config, overview_script_name(lang), content=exports.overview_script(registry, lang)))
    return files


EXPORTS = "_handbook_duty_exports"  # duties.json and duties.csv, kept on the config


def report_unannotated(handbook) -> None:
    """The texts with no duty registered yet (a text just imported): not a fault, but until
    someone registers them its duties are missing from the index and the role pages."""
    waiting = [slug for slug in handbook.originals if not handbook.registry.by(source=slug)]
    if waiting:
        log.info("Duty index: %d of %d documents have no duties registered yet (data/duties/<slug>.yml): %s",
                 len(waiting), len(handbook.originals), ", ".join(waiting))


def overview_script_name(lang: str) -> str:
    """The duty index's entries in this language, loaded by its filter when a reader uses it."""
    return f"duties-{lang}.js"


def export_files(config, files) -> dict[str, str | bytes]:
    """Each language's build writes the same two files at the site root; the URLs are the
    Chinese pages' (File.url, whatever language is being built) under site_url."""
    site_url = (config.site_url or "").rstrip("/") + "/"

    def url_of(duty: Duty) -> str:
        page = File(names.source_page(duty.source), config.docs_dir, config.site_dir, config.use_directory_urls)
        return f"{site_url}{page.url}#{duty.anchor}"

    table = exports.rows(context.of(config).registry, url_of)
    return {"duties.json": exports.to_json(table), "duties.csv": exports.to_csv(table)}


@event_priority(90)  # the first to edit a source page: the marks use the parse's spans
def on_page_markdown(markdown, page, config, files):
    edition = context.edition(config)
    if sources.is_source_page(page.file.src_uri):
        document = edition.library[sources.slug_of(page.file.src_uri)]
        return duty_marks.mark_document(markdown, document, edition,
                                        lambda duty: url_to(page, files, names.party_page(duty.party), duty.id))
    if "duty-" not in markdown:
        return markdown
    markdown = MARKER.sub(lambda match: render_marker(match, page, files, edition), markdown)
    return DUTY_REFS.sub(lambda match: render_refs(match, page, edition), markdown)


def url_to(page, files, src_uri: str, anchor: str = "") -> str:
    target = files.get_file_from_path(src_uri)
    if target is None:
        raise PluginError(f"{page.file.src_uri}: the duty index links to {src_uri}, which does not exist.")
    return target.url_relative_to(page.file) + (f"#{anchor}" if anchor else "")


def relative_link(page, target_src_uri: str, anchor: str):
    """A Markdown link target from this page to another page's anchor (checked by MkDocs)."""
    return safe(posixpath.relpath(target_src_uri, posixpath.dirname(page.file.src_uri) or ".") + f"#{anchor}")


# -- markers: one renderer per kind ------------------------------------------------------------

def render_marker(match: re.Match, page, files, edition) -> str:
    kind, argument = match.groups()
    renderer = MARKERS.get(kind)
    registry = edition.handbook.registry
    if renderer is None or (kind == "party") != (argument is not None) or (kind == "party" and argument not in registry.parties):
        raise PluginError(
            f"{page.file.src_uri}: unknown marker '{match.group(0)}'. Use duty-index: "
            f"{', '.join(k for k in MARKERS if k != 'party')}, or party=<{'|'.join(registry.parties)}>."
        )
    return renderer(Listing(page, files, edition), argument)


class Listing:
    """What a marker's renderer needs: the page, its files, the language's edition."""

    def __init__(self, page, files, edition):
        self.page, self.files, self.edition = page, files, edition
        self.lang = edition.lang
        self.handbook = edition.handbook
        self.registry = edition.handbook.registry

    def source(self, duty: Duty):
        return safe(url_to(self.page, self.files, names.source_page(duty.source), duty.anchor))

    def document_title(self, slug: str) -> str:
        return self.edition.document_title(slug)

    def citation(self, duty: Duty) -> str:
        return self.edition.t("duty.citation", title=self.document_title(duty.source), number=duty.paragraph[1:])

    def entry(self, duty: Duty):
        return relative_link(self.page, names.party_page(duty.party), duty.id)

    def entry_url(self, duty: Duty):
        """The URL of the duty's entry on its party page, for HTML (entry() is for Markdown)."""
        return safe(url_to(self.page, self.files, names.party_page(duty.party), duty.id))

    def role(self, marker: str) -> str:
        role = self.page.meta.get("role")
        if role not in self.registry.parties:
            raise PluginError(
                f"{self.page.file.src_uri}: the marker <!-- duty-index:{marker} --> needs `role:` in the page's "
                f"front matter, one of {', '.join(self.registry.parties)}."
            )
        return role

    def duty_list(self, groups, filters: tuple[str, ...], level: int = 2, id_prefix: str = "",
                  omit: tuple[str, ...] = (), compact: bool = False, keep_empty: bool = False) -> str:
        """omit: the badges every entry of a group shares (the page's party, the group's theme);
        compact: an overview's entries, each linking to its full entry on the party page;
        keep_empty: list groups without entries too (a text just imported)."""
        groups = [(key, labels, duties) for key, labels, duties in groups if duties or keep_empty]
        return render("duty_list.md.j2", edition=self.edition, groups=groups, registry=self.registry, links=self,
                      filters=filters, total=sum(len(d) for _, _, d in groups), level=level, id_prefix=id_prefix,
                      omit=omit, compact=compact, sources={d.source for _, _, duties in groups for d in duties})

    def by_theme(self, duties: list[Duty]):
        return [(theme, self.registry.themes[theme], [d for d in duties if d.theme == theme])
                for theme in self.registry.themes]

    def not_claims(self, duties: list[Duty]):
        """Practices and suggestions, each kind under its own heading, after what can be claimed."""
        done, suggested = self.edition.t("duty.practices"), self.edition.t("duty.suggestions")
        return [("practice", done, [d for d in duties if d.force == "practice"]),
                ("suggestion", suggested, [d for d in duties if d.force not in ("practice",)])]


def matrix(listing: Listing, _argument) -> str:
    pages = {party: safe(names.party_page(party).removeprefix(names.DUTY_DIR)) for party in listing.registry.parties}
    return render("duty_matrix.md.j2", edition=listing.edition, registry=listing.registry, pages=pages)


def party(listing: Listing, argument: str) -> str:
    return listing.duty_list(listing.by_theme(listing.registry.by(party=argument)), filters=("force", "theme", "source"),
                             omit=("party", "theme"))


def owed_to_cadre(listing: Listing, _argument) -> str:
    claims, others = listing.handbook.owed("cadre")
    text = listing.duty_list(listing.by_theme(claims), filters=("party", "force", "theme", "source"), omit=("theme",))
    for force, heading, duties in listing.not_claims(others):
        if duties:
            text += f"\n\n## {heading} {{ #others-{force} }}\n\n" + listing.duty_list(
                [(p, listing.registry.parties[p], [d for d in duties if d.party == p]) for p in listing.registry.parties],
                filters=(), level=3, id_prefix=f"{force}-", omit=("party",))
    return text


def by_source(listing: Listing, _argument) -> str:
    groups = [(slug, {"zh": f"《{doc.title}》", "en": listing.document_title(slug)}, listing.registry.by(source=slug))
              for slug, doc in listing.registry.documents.items()]
    # every document, those without entries yet too (a text just imported)
    return listing.duty_list(groups, filters=("party", "force", "theme"), compact=True, keep_empty=True)


def all_duties(listing: Listing, _argument) -> str:
    """A filter over every duty whose entries load when a reader uses it: the page stays the
    same size however large the registry grows (the party pages list every entry)."""
    pages = {p: url_to(listing.page, listing.files, names.party_page(p)) for p in listing.registry.parties}
    return render("duty_overview.html", edition=listing.edition, registry=listing.registry, links=listing,
                  filters=("party", "force", "theme", "source"), total=len(listing.registry.duties),
                  sources=set(listing.registry.documents), pages=json.dumps(pages),
                  entries_url=safe(url_to(listing.page, listing.files, overview_script_name(listing.lang))))


def role_duties(listing: Listing, _argument) -> str:
    duties = listing.registry.by(party=listing.role("role-duties"))
    return render("duty_compact.md.j2", edition=listing.edition, duties=duties, registry=listing.registry,
                  href=listing.entry, by_party=False, not_claims=[], anchor="")


def role_owed(listing: Listing, _argument) -> str:
    role = listing.role("role-owed")
    claims, others = listing.handbook.owed(role)
    return render("duty_compact.md.j2", edition=listing.edition, duties=claims, registry=listing.registry,
                  href=listing.entry, by_party=True, not_claims=listing.not_claims(others), anchor="others")


# A new marker: a function (listing, argument) -> Markdown, added here.
MARKERS = MappingProxyType({
    "matrix": matrix,
    "party": party,
    "owed-to-cadre": owed_to_cadre,
    "by-source": by_source,
    "all": all_duties,
    "role-duties": role_duties,
    "role-owed": role_owed,
})


def render_refs(match: re.Match, page, edition) -> str:
    registry = edition.handbook.registry
    ids = match.group(1).split()
    unknown = [duty_id for duty_id in ids if registry.get(duty_id) is None]
    if unknown or not ids:
        raise PluginError(
            f"{page.file.src_uri}: {match.group(0)} names no duty or unknown ones ({', '.join(unknown)}). "
            "Use ids from data/duties/*.yml."
        )
    return render("duty_refs.md.j2", edition=edition, duties=[registry.get(i) for i in ids], registry=registry,
                  href=lambda duty: relative_link(page, names.party_page(duty.party), duty.id))
