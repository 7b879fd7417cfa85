"""Read one YAML file into plain data plus the line of every key, so later errors can point at lines.

PyYAML's composer gives nodes with positions; we build the data ourselves from those nodes
so that duplicate keys are errors (PyYAML silently keeps the last one) and dates stay strings
(the model parses them with their precision: `2020`, `2020-01`, `2020-01-03`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import Problem

__all__ = ["MAX_FILE_BYTES", "Location", "YamlFile", "parse_yaml", "read_yaml"]

MAX_FILE_BYTES = 512 * 1024
"""Content files are small; anything bigger is almost always a mistake (a pasted dump, a binary)."""

Location = tuple[str | int, ...]
"""Path into the data: mapping keys and list indices, as pydantic reports them."""

_TAGS_AS_TEXT = {"tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:float"}


@dataclass
class YamlFile:
    """The data of one YAML file and where each part of it stands."""

    path: str
    """Path relative to the project root, for messages."""
    data: Any
    lines: dict[Location, int] = field(default_factory=dict)
    """1-based line of each key or list item."""

    def line_of(self, location: Location) -> int:
        """Line of the deepest known part of `location` (a missing key points at its parent)."""
        for end in range(len(location), -1, -1):
            line = self.lines.get(tuple(location[:end]))
            if line is not None:
                return line
        return 1


class _Builder:
    def __init__(self, path: str, offset: int) -> None:
        self.path = path
        self.offset = offset
        self.lines: dict[Location, int] = {}
        self.problems: list[Problem] = []
        self._scalars = yaml.constructor.SafeConstructor()

    def build(self, node: yaml.Node, location: Location) -> Any:
        self.lines.setdefault(location, node.start_mark.line + 1 + self.offset)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, location)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*location, index)) for index, item in enumerate(node.value)]
        if node.tag in _TAGS_AS_TEXT:
            return node.value
        return self._scalars.construct_object(node, deep=True)

    def _mapping(self, node: yaml.MappingNode, location: Location) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1 + self.offset
            if not isinstance(key_node, yaml.ScalarNode):
                self.problems.append(Problem(self.path, line, "a key must be a plain word. Write it as 'name: value'."))
                continue
            key = str(key_node.value)
            if key in result:
                first = self.lines[(*location, key)]
                self.problems.append(
                    Problem(
                        self.path,
                        line,
                        f"key '{key}' appears twice (first on line {first}). Keep one and delete the other.",
                    )
                )
                continue
            self.lines[(*location, key)] = line
            result[key] = self.build(value_node, (*location, key))
        return result


def read_yaml(file: Path, display_path: str) -> tuple[YamlFile | None, list[Problem]]:
    """Read and parse `file`; return the parsed file (or None) and the problems found."""
    raw = file.read_bytes()
    if len(raw) > MAX_FILE_BYTES:
        size_kb = len(raw) // 1024
        limit_kb = MAX_FILE_BYTES // 1024
        return None, [
            Problem(display_path, 0, f"the file is {size_kb} KB; content files must be under {limit_kb} KB. Split it into one file per entry.")
        ]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [
            Problem(display_path, line, "the file is not UTF-8 text. Save it with UTF-8 encoding (in VS Code: 'Save with Encoding', 'UTF-8').")
        ]
    if not text.strip() or all(line.lstrip().startswith("#") or not line.strip() for line in text.splitlines()):
        return None, [Problem(display_path, 1, "the file is empty. Fill in its fields, or delete the file.")]
    return parse_yaml(text, display_path)


def parse_yaml(text: str, display_path: str, first_line: int = 1) -> tuple[YamlFile | None, list[Problem]]:
    """Parse YAML text whose first line is line `first_line` of the file named `display_path`."""
    offset = first_line - 1
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        problem = _syntax_problem(display_path, error)
        return None, [Problem(problem.path, problem.line + offset if problem.line else 0, problem.message)]
    except yaml.YAMLError as error:  # pragma: no cover - PyYAML marks nearly every error
        return None, [Problem(display_path, 0, f"the YAML cannot be read: {error}")]
    builder = _Builder(display_path, offset)
    data = builder.build(node, ()) if node is not None else None
    return YamlFile(display_path, data, builder.lines), builder.problems


def _syntax_problem(path: str, error: yaml.MarkedYAMLError) -> Problem:
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else 0
    problem = error.problem or "the YAML cannot be read"
    if "'\\t'" in problem or "\t" in problem:
        return Problem(path, line, "a tab character is used for indentation; YAML needs spaces. Replace the tab with spaces.")
    if "mapping values are not allowed" in problem:
        return Problem(
            path,
            line,
            "a value contains ': ' where YAML expects a new key. Put the whole value in double quotes, or use '|' and write it on the next lines.",
        )
    if "found duplicate anchor" in problem or "found undefined alias" in problem:
        return Problem(path, line, f"{problem}. Content files do not need '&' or '*'; write the value out in full.")
    hint = "Check the indentation and quotes on this line and the one before it."
    return Problem(path, line, f"YAML syntax error: {problem}. {hint}")
