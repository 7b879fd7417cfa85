"""Text made safe to drop into Markdown, and links between docs files: what every template and renderer escapes with."""

from __future__ import annotations

import posixpath

__all__ = ["escape", "link", "safe_markdown"]

_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", **{char: "\\" + char for char in "\\`*_[]{}#"}})
"""`&` and `<` as entities (no HTML), and a backslash before each character Markdown formats with."""


def escape(text: str) -> str:
    """Plain text made safe to drop into Markdown: no formatting, no HTML."""
    return text.translate(_ESCAPES)


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
        target = _relpath(to_uri, posixpath.dirname(from_uri) or ".")
    return f"{target}#{anchor}" if anchor else target


_UNUSUAL_PARTS = frozenset({"", ".", ".."})


def _relpath(path: str, start: str) -> str:
    """`posixpath.relpath(path, start)`, worked out on the strings when both are plain relative paths (as docs URIs are).

    relpath makes both absolute against the working folder first; on plain paths that prefix
    cancels out. Anything else (`..`, `./`, `//`, an absolute path) goes to relpath itself.
    """
    path_parts = path.split("/")
    start_parts = [] if start == "." else start.split("/")
    if _UNUSUAL_PARTS.intersection(path_parts) or _UNUSUAL_PARTS.intersection(start_parts):
        return posixpath.relpath(path, start)
    common = 0
    for path_part, start_part in zip(path_parts, start_parts, strict=False):
        if path_part != start_part:
            break
        common += 1
    return "/".join([".."] * (len(start_parts) - common) + path_parts[common:]) or "."
