"""Text made safe to drop into Markdown, and links between docs files: what every template and renderer escapes with."""

from __future__ import annotations

import posixpath
import re

__all__ = ["escape", "link", "safe_markdown"]

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]{}#])")


def escape(text: str) -> str:
    """Plain text made safe to drop into Markdown: no formatting, no HTML."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text.replace("&", "&amp;").replace("<", "&lt;"))


def safe_markdown(text: str) -> str:
    """Teacher-written Markdown with raw HTML and attribute lists (`{: onclick=...}`) neutralised.

    Link targets are checked when the content is validated; this keeps everything else inert.
    """
    return text.replace("<", "&lt;").replace("{", "\\{")


def link(from_uri: str, to_uri: str, anchor: str = "") -> str:
    """Relative link from one docs file to another; MkDocs checks and rewrites it."""
    if to_uri == from_uri:
        target = ""
    else:
        target = posixpath.relpath(to_uri, posixpath.dirname(from_uri) or ".")
    return f"{target}#{anchor}" if anchor else target
