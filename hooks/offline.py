"""The offline bundle: when Material's offline plugin is on (HANDBOOK_OFFLINE=true), pages load the
handbook's own Web Worker stand-in for file:// instead of one from a CDN."""

from __future__ import annotations

from mkdocs.plugins import event_priority

from handbook.commands import offline_bundle

SHIM = "assets/javascripts/offline/iframe-worker.js"


@event_priority(100)  # before the offline plugin looks for an iframe-worker polyfill
def on_config(config):
    if offline_bundle(config):
        polyfills = config.extra.setdefault("polyfills", [])
        if SHIM not in polyfills:
            polyfills.append(SHIM)
    return config
