"""A Content-Security-Policy on every page: scripts only from the site itself, plus the inline
scripts of the page's template (Material's and overrides/main.html's), allowed by their hash.
A script inside the page's own content (which comes from Markdown, data and front matter) is
never hashed, so it cannot run even if something let one through. Left out of the offline
bundle, where pages are opened from file:// and 'self' means nothing reliable."""

from __future__ import annotations

import base64
import hashlib
import re

from mkdocs.plugins import event_priority

from handbook.commands import offline_bundle

SCRIPT = re.compile(r"<script(?P<attributes>[^>]*)>(?P<body>.*?)</script>", re.S)
POLICY = ("default-src 'self'; script-src 'self' {hashes}; style-src 'self' 'unsafe-inline'; "
          "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; "
          "object-src 'none'; base-uri 'self'; form-action 'self'")


def policy(output: str, content: str) -> str:
    hashes = []
    for script in SCRIPT.finditer(output):
        attributes, body = script.group("attributes"), script.group("body")
        if "src=" in attributes or "application/json" in attributes or not body.strip() or body in content:
            continue
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
        hashes.append(f"'sha256-{digest}'")
    return POLICY.format(hashes=" ".join(dict.fromkeys(hashes)))


@event_priority(-100)  # after every hook and plugin that changes the page
def on_post_page(output, page, config):
    if offline_bundle(config) or "<head>" not in output:
        return output
    return with_policy(output, page.content or "")


def on_post_template(output_content, template_name, config):
    """The same policy on pages made from a theme template alone (404.html): no content of the
    handbook's in them, so every inline script there is the template's."""
    if offline_bundle(config) or not template_name.endswith(".html") or "<head>" not in output_content:
        return output_content
    return with_policy(output_content, "")


def with_policy(output: str, content: str) -> str:
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(output, content)}">'
    return output.replace("<head>", "<head>\n    " + meta, 1)
