"""duties.json and duties.csv: the registry for other tools, each row with its mark's URL."""

from __future__ import annotations

import csv
import io
import json

from .duties import Registry

FIELDS = ("id", "party", "theme", "force", "summary_zh", "summary_en", "quote", "source", "paragraph", "url")
# A spreadsheet reads a cell that starts with one of these as a formula (OWASP: CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def rows(registry: Registry, url_of) -> list[dict]:
    """url_of(duty): the absolute URL of the duty's mark in its source page."""
    return [{"id": d.id, "party": d.party, "theme": d.theme, "force": d.force, "summary_zh": d.summary_zh,
             "summary_en": d.summary_en, "quote": d.quote, "source": d.source, "paragraph": d.paragraph,
             "url": url_of(d)} for d in registry.duties]


def neutralise(value: str) -> str:
    """A cell that a spreadsheet would run as a formula is prefixed with ' (it shows as text)."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def to_json(table: list[dict]) -> str:
    return json.dumps(table, ensure_ascii=False, indent=1)


def to_csv(table: list[dict]) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=FIELDS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows({key: neutralise(str(value)) for key, value in row.items()} for row in table)
    # UTF-8 with BOM so that Excel opens the Chinese correctly.
    return buffer.getvalue().encode("utf-8-sig")


def overview_script(registry: Registry, lang: str) -> str:
    """The duty index's entries for its filter, loaded only when a reader uses it: one script
    per language (a script, not JSON, so that it loads from file:// too). Each entry is
    [id, party, theme, force, source, summary, quote]; the page renders them as text."""
    entries = [[d.id, d.party, d.theme, d.force, d.source, d.summary(lang), d.quote] for d in registry.duties]
    data = json.dumps({"entries": entries}, ensure_ascii=False, separators=(",", ":"))
    # JSON is JavaScript, except for these two line separators in strings before ES2019
    return "window.hbDuties=" + data.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029") + ";\n"
