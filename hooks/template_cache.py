"""Jinja templates compiled once per build, not once per language.

mkdocs-static-i18n builds each language with a new theme environment, and Jinja compiles
Material's templates and the overrides again in each (about 45 templates, 0.1–0.3 s a
language). Each theme environment gets an in-memory bytecode cache, shared by the environments
of the same settings, so the second language loads the code the first compiled. The caches
are kept on the config object, which static-i18n's languages share and `mkdocs serve` makes
anew for each rebuild; Jinja also compares each template's source with the checksum stored
beside its code. Nothing is written to disk.
"""

from __future__ import annotations

import jinja2
from mkdocs.plugins import event_priority

# Settings that change the code Jinja compiles from the same source.
SETTINGS = ("block_start_string", "block_end_string", "variable_start_string", "variable_end_string",
            "comment_start_string", "comment_end_string", "line_statement_prefix", "line_comment_prefix",
            "trim_blocks", "lstrip_blocks", "newline_sequence", "keep_trailing_newline", "optimized",
            "autoescape", "finalize", "is_async", "newstyle_gettext")


class MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates by Jinja's key (template name and file), kept in this process."""

    def __init__(self):
        self.codes: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.codes.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)  # Jinja drops it if the source's checksum differs

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.codes[bucket.key] = bucket.bytecode_to_string()


CACHES = "_handbook_template_caches"  # settings -> MemoryBytecodeCache, on the config


def settings_of(env: jinja2.Environment) -> tuple:
    return (tuple(sorted(env.extensions)), *(getattr(env, name, None) for name in SETTINGS))


@event_priority(100)  # before any plugin's on_env loads a template
def on_env(env, config, files):
    if env.bytecode_cache is None:
        if getattr(config, CACHES, None) is None:
            setattr(config, CACHES, {})
        env.bytecode_cache = getattr(config, CACHES).setdefault(settings_of(env), MemoryBytecodeCache())
    return env
