"""The core's front door: from a project folder to a planned site, or every problem at once."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from .classroom import validate_classroom
from .crossref import build_library
from .errors import ContentError, ProblemList
from .layout import Layout
from .linker import LinkTarget
from .load import ContentPaths, YamlReader, read_content
from .model import Library
from .pages import Site, link_targets, plan_site
from .project import check_project
from .templating import PageTemplates, page_templates
from .validate import validate_content
from .yamlfile import read_yaml

__all__ = ["ContentError", "load_library", "load_site", "load_targets", "project_templates"]


def load_library(paths: ContentPaths, read: YamlReader = read_yaml) -> Library:
    """Read, validate and cross-check all content; `read` reads one YAML file (see `read_content`).

    Raises:
        ContentError: with every problem found, sorted by file and line.
    """
    problems = ProblemList()
    raw = read_content(paths, read)
    problems.extend(raw.problems)
    validated = validate_content(raw, problems)
    library = build_library(validated, problems)
    classroom = validate_classroom(raw.classroom, library.readings, problems, validated.broken_ids)
    library = replace(library, site=check_project(paths, library, problems), classroom=classroom)
    problems.raise_if_any()
    return library


def load_site(paths: ContentPaths, layout: Layout | None = None, *, teacher: bool = False, read: YamlReader = read_yaml) -> Site:
    """Load the content and plan every page, with the project's templates when it has any; `read` as for `read_content`.

    Raises:
        ContentError: with every content problem and every project template that does not compile, at once.
    """
    templates = project_templates(paths, check=False)
    problems = templates.problems()
    try:
        library = load_library(paths, read)
    except ContentError as error:
        raise ContentError([*error.problems, *problems]) from None
    if problems:
        raise ContentError(problems)
    return plan_site(library, layout, teacher=teacher, templates=templates)


def project_templates(paths: ContentPaths, *, check: bool = True) -> PageTemplates:
    """The page templates for a project: its templates folder first, then the built-in ones.

    Raises:
        ContentError: with `check`, when a project template does not compile or names no built-in template.
    """
    templates = page_templates(paths.templates, paths.root)
    if check:
        problems = templates.problems()
        if problems:
            raise ContentError(problems)
    return templates


def load_targets(project_dir: str | Path) -> list[LinkTarget]:
    """Link targets for the Markdown extension when it runs without the MkDocs plugin."""
    return link_targets(load_library(ContentPaths(Path(project_dir))), Layout())
