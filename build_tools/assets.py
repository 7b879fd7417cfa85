"""Stylesheets and scripts that generated pages need, shipped with the core and added to the site as files.

A page names what it needs in its front matter (`extra_css`, `extra_javascript`), so only the pages
that use a stylesheet or script load it.
"""

from __future__ import annotations

from importlib.resources import files

__all__ = ["ASSET_DIR", "asset_files", "asset_uri"]

ASSET_DIR = "assets/generated"
"""Where the assets land in the site, relative to the docs folder."""


def asset_uri(name: str) -> str:
    """Site path of a shipped asset, like `assets/generated/timeline.css`."""
    return f"{ASSET_DIR}/{name}"


def asset_files() -> dict[str, str]:
    """Site path → text of every shipped asset."""
    folder = files(__package__).joinpath("assets")
    return {asset_uri(item.name): item.read_text(encoding="utf-8") for item in sorted(folder.iterdir(), key=lambda item: item.name) if item.name.endswith((".css", ".js"))}
