"""What the handbook counts as a Chinese character: the CJK Unified Ideographs, Extension A and
the compatibility ideographs. The search engine's class in search/segment.js is the same."""

from __future__ import annotations

import re

HAN_CLASS = "\u3400-\u9fff\uf900-\ufaff"   # inside a [...] character class
HAN = re.compile(f"[{HAN_CLASS}]")


def has_han(text: str) -> bool:
    return HAN.search(text) is not None
