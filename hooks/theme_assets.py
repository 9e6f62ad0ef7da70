"""Material's scripts that no page of this site runs are not published:
- its bundle (assets/javascripts/bundle.<hash>.min.js) and source map: overrides/main.html
  loads client.js in its place. Unpublished, it no longer keeps alive, in Material's purged
  stylesheet, the rules of components only it names (page_weight.py reads the published scripts);
- its search worker (assets/javascripts/workers/) and lunr's language files
  (assets/javascripts/lunr/): the handbook's search engine answers in their place
  (hooks/search.py writes it). They were 1.2 MB of every site folder."""

from __future__ import annotations

import re

from mkdocs.plugins import event_priority

UNUSED = re.compile(r"assets/javascripts/(bundle\.[0-9a-f]{8}\.min\.js(\.map)?|workers/search\.[0-9a-f]{8}\.min\.js(\.map)?|lunr/.+)")


@event_priority(-300)  # after static-i18n has settled this language's files
def on_files(files, config):
    for file in [file for file in files if UNUSED.fullmatch(file.src_uri)]:
        files.remove(file)
    return files
