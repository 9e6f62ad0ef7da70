"""The offline bundle: when Material's offline plugin is on (HANDBOOK_OFFLINE=true), pages load the
handbook's own Web Worker stand-in for file:// instead of one from a CDN."""

from __future__ import annotations

from mkdocs.plugins import event_priority

SHIM = "assets/javascripts/offline/iframe-worker.js"


@event_priority(100)  # before the offline plugin looks for an iframe-worker polyfill
def on_config(config):
    offline = config.plugins.get("material/offline") or config.plugins.get("offline")
    if offline is not None and offline.config.enabled:
        polyfills = config.extra.setdefault("polyfills", [])
        if SHIM not in polyfills:
            polyfills.append(SHIM)
    return config
