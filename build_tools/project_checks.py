"""Checks of the project around the content: `mkdocs.yml` (the plugin is listed, nav entries exist) and the
front matter options of docs pages. `check` runs them so a teacher hears of these before building.

`mkdocs.yml` is read as YAML nodes only (its `!ENV` and `!!python/name:` tags are never constructed).
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from .errors import Problem, closest
from .layout import Layout
from .linker import FREQUENCIES
from .model import unsafe_html, unsafe_links

__all__ = ["check_project"]

_REMOTE = re.compile(r"^[a-z][a-z0-9+.-]*:|^//", re.IGNORECASE)


def check_project(root: Path, config_file: str = "mkdocs.yml", generated: set[str] | None = None) -> list[Problem]:
    """Every problem in `mkdocs.yml` and in docs pages' front matter options.

    Args:
        root: The project folder.
        config_file: The MkDocs configuration, relative to `root`.
        generated: Pages the plugin adds (relative to the docs folder); nav may point to them.
    """
    path = root / config_file
    if not path.exists():
        return []  # content used without MkDocs (the extension alone, or another engine)
    try:
        node = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError):
        return [Problem(config_file, 0, f"'{config_file}' cannot be read. Restore it from the project's history.")]
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 1 if error.problem_mark else 0
        return [Problem(config_file, line, f"YAML syntax error: {error.problem}. Check the indentation and quotes on this line and the one before it.")]
    if not isinstance(node, yaml.MappingNode):
        return [Problem(config_file, 1, "the configuration must hold keys and values (like 'site_name: ...').")]
    keys = {str(key.value): (key, value) for key, value in node.value if isinstance(key, yaml.ScalarNode)}
    problems: list[Problem] = []
    plugins = keys.get("plugins")
    names = _plugin_names(plugins[1]) if plugins else []
    if "terms" not in names:
        line = plugins[0].start_mark.line + 1 if plugins else 1
        problems.append(
            Problem(config_file, line, "the 'terms' plugin is not listed under 'plugins:', so no glossary, profile or timeline page is built. Add '- terms' under 'plugins:'.")
        )
    docs_node = keys.get("docs_dir")
    docs = root / (str(docs_node[1].value) if docs_node and isinstance(docs_node[1], yaml.ScalarNode) else "docs")
    known = set(generated or ()) | _fixed_pages()
    if "nav" in keys:
        for target, line in _nav_targets(keys["nav"][1]):
            if _REMOTE.match(target) or target.split("#")[0] in known or (docs / target.split("#")[0]).is_file():
                continue
            problems.append(Problem(config_file, line, f"the nav entry '{target}' is not a page in '{docs.name}/'{closest(target, _pages(docs) | known)}. Fix the path, or remove the entry."))
    problems += _front_matter_options(root, docs)
    problems += _script_in_pages(root, docs)
    return problems


def _plugin_names(node: yaml.Node) -> list[str]:
    if not isinstance(node, yaml.SequenceNode):
        return []
    names = []
    for item in node.value:
        if isinstance(item, yaml.ScalarNode):
            names.append(str(item.value))
        elif isinstance(item, yaml.MappingNode):
            names += [str(key.value) for key, _ in item.value if isinstance(key, yaml.ScalarNode)]
    return names


def _nav_targets(node: yaml.Node) -> list[tuple[str, int]]:
    found: list[tuple[str, int]] = []
    if isinstance(node, yaml.ScalarNode):
        found.append((str(node.value), node.start_mark.line + 1))
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            found += _nav_targets(item)
    elif isinstance(node, yaml.MappingNode):
        for _, value in node.value:
            found += _nav_targets(value)
    return found


def _fixed_pages() -> set[str]:
    layout = Layout()
    return {layout.glossary_index, layout.actors_index, layout.places_index, layout.timeline, layout.questions, layout.self_check}


def _pages(docs: Path) -> set[str]:
    return {page.relative_to(docs).as_posix() for page in docs.rglob("*.md")} if docs.is_dir() else set()


def _front_matter_options(root: Path, docs: Path) -> list[Problem]:
    """A page's `term_links` must be one of FREQUENCIES (anything else used to behave like 'first-per-page')."""
    problems = []
    for page in sorted(docs.rglob("*.md")) if docs.is_dir() else []:
        try:
            lines = page.read_text(encoding="utf-8").removeprefix("\ufeff").splitlines()
        except (OSError, UnicodeDecodeError):
            continue  # the content loader reports readings it cannot read; other pages are MkDocs'
        if not lines or lines[0].strip() != "---":
            continue
        for number, line in enumerate(lines[1:], start=2):
            if line.strip() in ("---", "..."):
                break
            match = re.match(r"^term_links:\s*(.*?)\s*$", line)
            if match and match.group(1).strip("'\"") not in FREQUENCIES:
                value = match.group(1).strip("'\"")
                display = page.relative_to(root).as_posix() if page.is_relative_to(root) else page.name
                problems.append(Problem(display, number, f"'term_links' is '{value}'{closest(value, FREQUENCIES)}. Use one of: {', '.join(FREQUENCIES)}."))
    return problems


_FENCE = re.compile(r"^( {0,3})(```+|~~~+).*?^\1\2[ \t]*$", re.MULTILINE | re.DOTALL)
_CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.DOTALL)


def _script_in_pages(root: Path, docs: Path, readings: str = "readings") -> list[Problem]:
    """Script in docs pages (readings are checked with the content): the page would drop it, so say where it is."""
    problems = []
    for page in sorted(docs.rglob("*.md")) if docs.is_dir() else []:
        relative = page.relative_to(docs).as_posix()
        if relative.startswith(f"{readings}/"):
            continue
        try:
            text = page.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        # Code shows HTML and links as text: blank it out, keeping every line in its place.
        for pattern in (_FENCE, _CODE_SPAN):
            text = pattern.sub(lambda match: re.sub(r"[^\n]", " ", match.group()), text)
        display = page.relative_to(root).as_posix() if page.is_relative_to(root) else page.name
        for offset, target in unsafe_links(text):
            problems.append(Problem(display, text.count("\n", 0, offset) + 1, f"the page has a link to '{target}'; links must start with https://, or point to a page of this site. Fix or remove the link."))
        for offset, found in unsafe_html(text):
            problems.append(
                Problem(display, text.count("\n", 0, offset) + 1, f"the page holds HTML that runs script ('{found.strip()}'). Delete it: the published page would drop it anyway.")
            )
    return problems
