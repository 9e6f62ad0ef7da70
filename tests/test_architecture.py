"""The architecture's promises that code can check: no hook keeps module-level state."""

from __future__ import annotations

import importlib.util
import re
import sys

import pytest

from conftest import ROOT, SAMPLE_TRANSLATION

HOOKS = sorted((ROOT / "hooks").glob("*.py"))
MUTABLE = (dict, list, set, bytearray)


@pytest.mark.parametrize("path", HOOKS, ids=lambda p: p.name)
def test_a_hook_keeps_no_module_level_state(path):
    spec = importlib.util.spec_from_file_location(f"hook_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # a dataclass in the hook looks its module up there
    spec.loader.exec_module(module)
    state = [name for name, value in vars(module).items()
             if not name.startswith("__") and isinstance(value, MUTABLE)]
    assert state == [], f"{path.name} keeps {state} at module level: use the context (handbook/context.py)"
    assert not re.search(r"^\s*global\s", path.read_text(encoding="utf-8"), re.M)


def test_each_source_page_is_parsed_once_per_build(fixture_site, monkeypatch):
    """The context is built once and shared by both languages: no hook parses a page again."""
    from handbook import context, sources

    calls = []
    parse = sources.parse_document

    def counting(path, src_uri):
        calls.append(src_uri)
        return parse(path, src_uri)

    monkeypatch.setattr(sources, "parse_document", counting)
    monkeypatch.setattr(context, "parse_document", counting)
    fixture_site.write("sources/01-test.en.md", SAMPLE_TRANSLATION)
    fixture_site.build(["source_pages.py", "citations.py", "glossary.py"])
    assert sorted(calls) == ["sources/01-test.en.md", "sources/01-test.md"]
