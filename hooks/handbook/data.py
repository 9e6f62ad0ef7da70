"""Load the YAML data files in data/ with errors that name the file and line."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError



def data_path(config, name: str) -> Path:
    """data/ beside mkdocs.yml, so that a fixture site can bring its own data."""
    return Path(config.config_file_path).resolve().parent / "data" / name


def load_yaml(path: Path, kind: type = dict):
    """The file's content, a mapping (or, with kind=list, a list); an empty file is empty."""
    return _load_yaml(path, path.stat().st_mtime_ns if path.exists() else 0, kind)


@lru_cache(maxsize=32)
def _load_yaml(path: Path, _mtime: int, kind: type):
    if not path.exists():
        raise PluginError(f"{path}: data file is missing. Restore it from the repository.")
    try:
        with path.open(encoding="utf-8") as handle:
            content = yaml.safe_load(handle)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        raise PluginError(f"{path}{where}: not valid YAML ({getattr(error, 'problem', error)}).") from None
    content = kind() if content is None else content
    if not isinstance(content, kind):
        expected = "a list of entries (each starting with '- id: …')" if kind is list else "a mapping"
        raise PluginError(f"{path}: expected {expected} at the top level.")
    return content


def check_entry(path: Path, number: int, entry, fields: tuple[str, ...], optional: tuple[str, ...] = ()) -> str:
    """Check one entry of a data list: a mapping with exactly these fields, none empty unless
    optional. Returns the entry's label for further messages: file, number and id."""
    label = f"{path}: entry {number}" + (f" '{entry.get('id')}'" if isinstance(entry, dict) and entry.get("id") else "")
    if not isinstance(entry, dict):
        raise PluginError(f"{label}: expected a mapping with the fields {', '.join(fields)}.")
    unknown = sorted(set(entry) - set(fields))
    if unknown:
        raise PluginError(f"{label}: unknown field(s) {', '.join(unknown)}. The fields are {', '.join(fields)}.")
    for name in fields:
        if name not in optional and not str(entry.get(name) or "").strip():
            raise PluginError(f"{label}: field '{name}' is missing or empty. Fill it in.")
    return label
