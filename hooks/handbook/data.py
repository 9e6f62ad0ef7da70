"""Where the data files are, and reading one (kept for the search lexicon: handbook/lexicon.py)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from .schema import load_yaml as _load


def data_path(config, name: str) -> Path:
    """data/ beside mkdocs.yml, so that a fixture site can bring its own data."""
    return Path(config.config_file_path).resolve().parent / "data" / name


def load_yaml(path: Path, kind: type = dict):
    """The file's content, a mapping (or, with kind=list, a list); an empty file is empty."""
    content = _load(path, kind())
    if not isinstance(content, kind):
        raise PluginError(f"{path}: expected {'a list' if kind is list else 'a mapping'} at the top level.")
    return content
