"""The project's own configuration, as far as content depends on it: the site's identity and its nav.

The teacher edits the site's name, description and copyright in one place, mkdocs.yml; `check`
reads them from there and reports any reading that students could not reach from the nav.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import yaml

from .errors import ProblemList
from .load import ContentPaths
from .model import Library, SiteIdentity
from .yamlfile import YamlFile, read_yaml

__all__ = ["IDENTITY_FIELDS", "check_project", "read_identity"]

IDENTITY_FIELDS = {
    "site_name": "the name of the site, shown in every page's header",
    "site_description": "one sentence saying what the site is about, for search engines and link previews",
    "copyright": "who owns the reading and who wrote the notes, shown in every page's footer",
}
"""The keys of mkdocs.yml that say who the site is, and what each one holds."""


def check_project(paths: ContentPaths, library: Library, problems: ProblemList) -> SiteIdentity:
    """Read the site's identity from the configuration and check that every reading is in its nav.

    A project without a configuration file (the Markdown extension used alone) has nothing to check.
    """
    config_path = paths.root / paths.config_file
    if not config_path.is_file():
        return SiteIdentity()
    try:
        config, found = read_yaml(config_path, paths.display(config_path))
    except yaml.YAMLError:  # tags only MkDocs knows (like !!python/name): MkDocs reports those itself
        return SiteIdentity()
    if config is None or not isinstance(config.data, dict) or found:
        return SiteIdentity()
    identity = read_identity(config, problems)
    if "nav" in config.data:
        listed = set(_nav_files(config.data["nav"]))
        prefix = _docs_prefix(paths, config.data)
        for reading in library.readings.values():
            if reading.src_uri not in listed:
                line = config.line_of(("nav",))
                problems.add(
                    config.path,
                    line,
                    f"the reading '{prefix}{reading.src_uri}' is not in 'nav', so students cannot reach it. "
                    f"Add a line '  - {_quoted(reading.meta.title)}: {reading.src_uri}' under 'nav:'.",
                )
    return identity


def read_identity(config: YamlFile, problems: ProblemList) -> SiteIdentity:
    """The site's name, description and copyright; each one, when present, must be a line of text."""
    values = {}
    for key, hint in IDENTITY_FIELDS.items():
        value = config.data.get(key)
        if key == "site_name" and key not in config.data:
            problems.add(config.path, 1, f"'site_name' is missing. Add 'site_name:' with {hint}.")
        elif key in config.data and (not isinstance(value, str) or not value.strip()):
            problems.add(config.path, config.line_of((key,)), f"'{key}' must be a line of text. Fill in {hint}.")
        values[key] = value.strip() if isinstance(value, str) else ""
    return SiteIdentity(values["site_name"], values["site_description"], values["copyright"])


def _nav_files(nav: Any) -> Iterator[str]:
    """Every page path in a nav, however deeply nested (`- Title: path`, `- path`, sections)."""
    if isinstance(nav, str):
        yield nav.strip()
    elif isinstance(nav, list):
        for item in nav:
            yield from _nav_files(item)
    elif isinstance(nav, dict):
        for value in nav.values():
            yield from _nav_files(value)


def _docs_prefix(paths: ContentPaths, data: dict[str, Any]) -> str:
    docs_dir = data.get("docs_dir", paths.docs_dir)
    return f"{str(docs_dir).rstrip('/')}/" if isinstance(docs_dir, str) else ""


def _quoted(title: str) -> str:
    return f'"{title}"' if any(char in title for char in ":#'\"[]{}") else title
