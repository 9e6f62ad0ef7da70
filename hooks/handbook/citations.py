"""What a page cites: recorded on the page by the citations hook, read by the checklist hook."""

from __future__ import annotations

from dataclasses import dataclass

ATTRIBUTE = "handbook_citations"


@dataclass(frozen=True)
class Citation:
    slug: str
    pid: str

    @property
    def key(self) -> str:
        """The value of the citation link's data-hb-cite attribute."""
        return f"{self.slug}#{self.pid}"


def record(page, cited: list[Citation]) -> None:
    setattr(page, ATTRIBUTE, tuple(cited))


def recorded(page) -> tuple[Citation, ...]:
    return getattr(page, ATTRIBUTE, ())
