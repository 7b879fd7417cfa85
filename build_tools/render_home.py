"""The list of readings on the home page, from each reading's front matter.

A teacher places it with the marker `<!-- readings -->`; without one, it goes before the home
page's first section heading (or at its end), so a new reading is listed at the next build.
"""

from __future__ import annotations

from .layout import Layout
from .model import Library
from .reading_kinds import READING_KINDS
from .scaffolds import reading_minutes
from .templating import PageTemplates, page_templates

__all__ = ["READINGS_MARKER", "place_reading_list", "render_reading_list"]

READINGS_MARKER = "<!-- readings -->"
"""Where the list of readings goes on the home page."""


def render_reading_list(library: Library, layout: Layout, page_uri: str, templates: PageTemplates | None = None) -> str:
    """Title, author, kind, date and reading time of each reading, oldest first, each linked."""
    if not library.readings:
        return ""
    readings = [(reading, READING_KINDS[reading.meta.kind].label, reading_minutes(reading)) for reading in library.readings.values()]
    return (templates or page_templates()).render("reading_list.md.j2", page_uri=page_uri, readings=readings)


def place_reading_list(markdown: str, listing: str) -> str:
    """The home page with the list at its marker, or before its first `## ` heading, or at its end."""
    if not listing:
        return markdown.replace(READINGS_MARKER, "")
    if READINGS_MARKER in markdown:
        return markdown.replace(READINGS_MARKER, listing, 1)
    lines = markdown.split("\n")
    in_fence = False
    for index, line in enumerate(lines):
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
        if not in_fence and line.startswith("## "):
            return "\n".join([*lines[:index], listing, *lines[index:]])
    return markdown.rstrip("\n") + "\n\n" + listing
