"""Stylesheets and scripts that generated pages need, shipped with the core and added to the site as files.

A page names what it needs in its front matter (`extra_css`, `extra_javascript`), so only the pages
that use a stylesheet or script load it.
"""

from __future__ import annotations

import re
from importlib.resources import files

_BLOCK_COMMENT = re.compile(r"/\*.*?\*/\n?", re.DOTALL)
_LINE_COMMENT = re.compile(r"^[ \t]*//[^\n]*\n", re.MULTILINE)

__all__ = ["ASSET_DIR", "asset_files", "asset_uri", "strip_comments"]

ASSET_DIR = "assets/generated"
"""Where the assets land in the site, relative to the docs folder."""


def asset_uri(name: str) -> str:
    """Site path of a shipped asset, like `assets/generated/timeline.css`."""
    return f"{ASSET_DIR}/{name}"


def asset_files() -> dict[str, str]:
    """Site path → text of every shipped asset."""
    folder = files(__package__).joinpath("assets")
    found = sorted((item for item in folder.iterdir() if item.name.endswith((".css", ".js"))), key=lambda item: item.name)
    return {asset_uri(item.name): strip_comments(item.read_text(encoding="utf-8"), "." + item.name.rsplit(".", 1)[1]) for item in found}


def strip_comments(text: str, suffix: str) -> str:
    """A stylesheet or script without its comments, as sent to browsers (the source keeps them).

    Only whole comments go: `/* ... */` blocks, and in scripts lines that hold nothing but a `//` comment.
    """
    text = _BLOCK_COMMENT.sub("", text)
    if suffix == ".js":
        text = _LINE_COMMENT.sub("", text)
    return text
