"""The build's command line, written once for the scripts and tests that run it."""

from __future__ import annotations

import sys
from pathlib import Path


def build_command(site_dir: Path, config_file: Path | None = None, quiet: bool = True) -> list[str]:
    """`mkdocs build --strict` into site_dir (with this Python), as CI and the README run it."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site_dir)]
    if quiet:
        command.append("-q")
    if config_file is not None:
        command += ["-f", str(config_file)]
    return command


def offline_bundle(config) -> bool:
    """Whether this build is the offline bundle (Material's offline plugin switched on by
    HANDBOOK_OFFLINE=true): pages opened from file://."""
    plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
    return plugin is not None and bool(plugin.config.enabled)
