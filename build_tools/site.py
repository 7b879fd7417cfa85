"""The core's front door: from a project folder to a planned site, or every problem at once."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from .classroom import validate_classroom
from .crossref import build_library
from .errors import ContentError, ProblemList
from .layout import Layout
from .linker import LinkTarget
from .load import ContentPaths, read_content
from .model import Library
from .pages import Site, link_targets, plan_site
from .validate import validate_content

__all__ = ["ContentError", "load_library", "load_site", "load_targets"]


def load_library(paths: ContentPaths) -> Library:
    """Read, validate and cross-check all content.

    Raises:
        ContentError: with every problem found, sorted by file and line.
    """
    problems = ProblemList()
    raw = read_content(paths)
    problems.extend(raw.problems)
    validated = validate_content(raw, problems)
    library = build_library(validated, problems)
    classroom = validate_classroom(raw.classroom, library.readings, problems, validated.broken_ids)
    problems.raise_if_any()
    return dataclasses.replace(library, classroom=classroom)


def load_site(paths: ContentPaths, layout: Layout | None = None, *, teacher: bool = False) -> Site:
    """Load the content and plan every page."""
    return plan_site(load_library(paths), layout, teacher=teacher)


def load_targets(project_dir: str | Path) -> list[LinkTarget]:
    """Link targets for the Markdown extension when it runs without the MkDocs plugin."""
    return link_targets(load_library(ContentPaths(Path(project_dir))), Layout())

