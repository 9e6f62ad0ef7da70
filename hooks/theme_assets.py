"""Material's bundle (assets/javascripts/bundle.<hash>.min.js and its source map) is not
published: no page loads it (overrides/main.html loads client.js in its place), so it would only
weigh on the offline bundle and keep alive, in Material's purged stylesheet, the rules of
components that only it names (page_weight.py reads the published scripts)."""

from __future__ import annotations

import re

from mkdocs.plugins import event_priority

BUNDLE = re.compile(r"assets/javascripts/bundle\.[0-9a-f]{8}\.min\.js(\.map)?")


@event_priority(-300)  # after static-i18n has settled this language's files
def on_files(files, config):
    for file in [file for file in files if BUNDLE.fullmatch(file.src_uri)]:
        files.remove(file)
    return files
