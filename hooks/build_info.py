"""Version and build date on every page. The version is the newest entry of the changelog
(docs/changelog.md, kept by hand); the date is today, or SOURCE_DATE_EPOCH for a
reproducible build."""

from __future__ import annotations

import datetime
import os
import re
from pathlib import Path

from mkdocs.exceptions import PluginError

CHANGELOG = "changelog.md"
RELEASE_HEADING = re.compile(r"^##\s+(\d+\.\d+\.\d+)\b", re.M)


def on_config(config):
    config.extra["build"] = {"version": handbook_version(Path(config.docs_dir)), "date": build_date()}
    return config


def handbook_version(docs_dir: Path) -> str:
    path = docs_dir / CHANGELOG
    if not path.exists():
        raise PluginError(f"{path} is missing: the handbook's version is the newest entry of its changelog.")
    match = RELEASE_HEADING.search(path.read_text(encoding="utf-8"))
    if not match:
        raise PluginError(f"{path}: no release heading such as '## 1.0.0（2026-11-27）'. Add one for this release.")
    return match.group(1)


def build_date() -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc) if epoch else \
        datetime.datetime.now(datetime.timezone.utc)
    return moment.date().isoformat()
