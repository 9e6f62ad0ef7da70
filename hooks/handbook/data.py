"""Load the YAML data files in data/ with errors that name the file and line."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError



def data_path(config, name: str) -> Path:
    """data/ beside mkdocs.yml, so that a fixture site can bring its own data."""
    return Path(config.config_file_path).resolve().parent / "data" / name


def load_yaml(path: Path) -> dict:
    return _load_yaml(path, path.stat().st_mtime_ns if path.exists() else 0)


@lru_cache(maxsize=32)
def _load_yaml(path: Path, _mtime: int) -> dict:
    if not path.exists():
        raise PluginError(f"{path}: data file is missing. Restore it from the repository.")
    try:
        with path.open(encoding="utf-8") as handle:
            content = yaml.safe_load(handle)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        raise PluginError(f"{path}{where}: not valid YAML ({getattr(error, 'problem', error)}).") from None
    if not isinstance(content, dict):
        raise PluginError(f"{path}: expected a mapping at the top level.")
    return content
