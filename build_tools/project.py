"""The project's own configuration, as far as content depends on it: the site's identity and its nav.

The teacher edits the site's name, description and copyright in one place, mkdocs.yml; `check`
reads them from there and reports any reading that students could not reach from the nav.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

import yaml

from .errors import ProblemList
from .load import ContentPaths
from .model import Library, SiteIdentity

__all__ = ["IDENTITY_FIELDS", "check_project"]

IDENTITY_FIELDS = {
    "site_name": "the name of the site, shown in every page's header",
    "site_description": "one sentence saying what the site is about, for search engines and link previews",
    "copyright": "who owns the reading and who wrote the notes, shown in every page's footer",
}
"""The keys of mkdocs.yml that say who the site is, and what each one holds."""


def check_project(paths: ContentPaths, library: Library, problems: ProblemList) -> SiteIdentity:
    """Read the site's identity from the configuration and check that every reading is in its nav.

    The file is read as YAML nodes only, so MkDocs' own tags (`!ENV`, `!!python/name:`) are never
    constructed. A project without a configuration file (the Markdown extension used alone) has
    nothing to check; a configuration that cannot be read is MkDocs' to report.
    """
    config_path = paths.root / paths.config_file
    if not config_path.is_file():
        return SiteIdentity()
    display = paths.display(config_path)
    try:
        node = yaml.compose(config_path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return SiteIdentity()
    if not isinstance(node, yaml.MappingNode):
        return SiteIdentity()
    keys = {str(key.value): (key, value) for key, value in node.value if isinstance(key, yaml.ScalarNode)}
    identity = _read_identity(display, keys, problems)
    if "nav" in keys:
        nav_key, nav = keys["nav"]
        listed = set(_nav_files(nav))
        docs_dir = keys.get("docs_dir")
        prefix = f"{str(docs_dir[1].value).rstrip('/')}/" if docs_dir and isinstance(docs_dir[1], yaml.ScalarNode) else f"{paths.docs_dir}/"
        for reading in library.readings.values():
            if reading.src_uri not in listed:
                problems.add(
                    display,
                    nav_key.start_mark.line + 1,
                    f"the reading '{prefix}{reading.src_uri}' is not in 'nav', so students cannot reach it. "
                    f"Add a line '  - {_quoted(reading.meta.title)}: {reading.src_uri}' under 'nav:'.",
                )
    return identity


def _read_identity(display: str, keys: Mapping[str, tuple[yaml.Node, yaml.Node]], problems: ProblemList) -> SiteIdentity:
    """The site's name, description and copyright; each one, when present, must be a line of text."""
    values = {}
    for key, hint in IDENTITY_FIELDS.items():
        found = keys.get(key)
        value = found[1].value if found and isinstance(found[1], yaml.ScalarNode) and found[1].tag == "tag:yaml.org,2002:str" else None
        if key == "site_name" and found is None:
            problems.add(display, 1, f"'site_name' is missing. Add 'site_name:' with {hint}.")
        elif found is not None and (not isinstance(value, str) or not value.strip()):
            problems.add(display, found[0].start_mark.line + 1, f"'{key}' must be a line of text. Fill in {hint}.")
        values[key] = value.strip() if isinstance(value, str) else ""
    return SiteIdentity(values["site_name"], values["site_description"], values["copyright"])


def _nav_files(nav: yaml.Node) -> Iterator[str]:
    """Every page path in a nav, however deeply nested (`- Title: path`, `- path`, sections)."""
    if isinstance(nav, yaml.ScalarNode):
        yield str(nav.value).strip()
    elif isinstance(nav, yaml.SequenceNode):
        for item in nav.value:
            yield from _nav_files(item)
    elif isinstance(nav, yaml.MappingNode):
        for _, value in nav.value:
            yield from _nav_files(value)


def _quoted(title: str) -> str:
    return f'"{title}"' if any(char in title for char in ":#'\"[]{}") else title
