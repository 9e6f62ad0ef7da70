"""Cache-busting names for the handbook's own stylesheets and scripts: each local entry of
`extra_css` and `extra_javascript` is published as name.<content hash>.ext (handbook.css becomes
handbook.3f2a9c1e.css), so a server may let browsers keep them for a year and a new version is
still fetched at once. The source files keep their names; only the published copy is renamed."""

from __future__ import annotations

import hashlib
import os
import posixpath

from mkdocs.plugins import event_priority

# Source path -> published path, kept on the config: static-i18n builds each language with the
# same config, whose entries this hook has already renamed, so the first language's answer is
# kept; `mkdocs serve` loads a new config for each rebuild, so an edited file gets a new name.
RENAMED = "_handbook_asset_names"


def hashed_name(path: str, data: bytes) -> str:
    stem, ext = posixpath.splitext(path)
    return f"{stem}.{hashlib.sha256(data).hexdigest()[:8]}{ext}"


def entry_path(entry) -> str:
    return str(getattr(entry, "path", entry))


@event_priority(-300)  # after static-i18n has settled this language's files
def on_files(files, config):
    if getattr(config, RENAMED, None) is None:
        setattr(config, RENAMED, {})
    renamed = getattr(config, RENAMED)
    originals = {published: source for source, published in renamed.items()}
    for entry in list(config.extra_css) + list(config.extra_javascript):
        path = originals.get(entry_path(entry), entry_path(entry))
        file = files.get_file_from_path(path)
        if file is None or "://" in path or path.startswith("/"):
            continue
        if path not in renamed:
            renamed[path] = hashed_name(path, file.content_bytes)
        file.dest_uri = renamed[path]
        file.url = renamed[path]
        file.abs_dest_path = os.path.normpath(os.path.join(config.site_dir, renamed[path]))
    config.extra_css[:] = [renamed.get(path, path) for path in config.extra_css]
    for index, entry in enumerate(config.extra_javascript):
        if hasattr(entry, "path"):
            entry.path = renamed.get(entry.path, entry.path)
        else:
            config.extra_javascript[index] = renamed.get(entry, entry)
    return files
