"""One Jinja environment for the HTML and Markdown that the hooks generate.

Escaping by construction: every value a template prints is escaped for HTML and Markdown at
once (markdown_escape.inline: character references) unless the hook marked it safe with
`Markup` (URLs it built, HTML another template rendered). A value from data or front matter
therefore cannot become markup, whichever template prints it.
"""

from __future__ import annotations

from pathlib import Path

import re

import jinja2
from markupsafe import Markup

from .markdown_escape import inline

ANCHOR = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "templates"


def finalize(value):
    if isinstance(value, (Markup, jinja2.runtime.Undefined)) or hasattr(value, "__html__"):
        return value
    return Markup(inline(value))


def md(value) -> Markup:
    """Explicit form of the same escape, for filters whose output is Markup (join)."""
    return finalize(value)


ENVIRONMENT = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATE_DIR),
    autoescape=True,
    finalize=finalize,
    undefined=jinja2.StrictUndefined,
    keep_trailing_newline=True,
    trim_blocks=True,
    lstrip_blocks=True,
)
ENVIRONMENT.filters["md"] = md


def anchor(value) -> Markup:
    """An id or key checked by the schema (lower-case ASCII, digits, - and _), printed as it is."""
    text = str(value)
    if not ANCHOR.match(text):
        raise ValueError(f"not an id: {text!r}")
    return Markup(text)


ENVIRONMENT.filters["anchor"] = anchor


def render(name: str, edition=None, **context) -> str:
    """A template with its context; with an edition, also `lang` and `t` (the interface's words)."""
    if edition is not None:
        context = {"lang": edition.lang, "t": edition.t, **context}
    return ENVIRONMENT.get_template(name).render(**context)


def safe(text: str) -> Markup:
    """Text the hook built itself (a URL, an id it checked): printed as it is."""
    return Markup(text)
