"""Nothing points into the void: before the duty index and the citations are built, every duty
entry (data/duties), citation `[[slug#pN]]`, checklist item and duty-refs marker must name a
source document and paragraph that exist. After a document is deleted or revised, the build stops
with the whole list, file and line, instead of the first one it meets."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from handbook import references, sources


@event_priority(-200)  # after static-i18n; listed before duty_index.py and citations.py
def on_files(files, config):
    if config.theme["language"] != "zh":
        return files  # the same references in every language's build
    root = Path(config.config_file_path).resolve().parent
    paragraphs = {slug: set(document.paragraphs) for slug, document in sources.original_documents(config).items()}
    found = references.dangling(references.all_references(root), paragraphs)
    if found:
        raise PluginError(
            "These refer to source documents or paragraphs that do not exist (deleted or revised "
            "texts). Point each at the right paragraph, or delete it (a deleted document's "
            "data/duties/<page>.yml goes too):\n" + "\n".join(r.describe(root) for r in found)
        )
    return files
