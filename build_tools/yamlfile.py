"""Read one YAML file into plain data plus the line of every key, so later errors can point at lines.

Validation hands each item its `Origin` (the file and those lines), which the item carries from then on.

PyYAML's composer gives nodes with positions; we build the data ourselves from those nodes
so that duplicate keys are errors (PyYAML silently keeps the last one) and dates stay strings
(the model parses them with their precision: `2020`, `2020-01`, `2020-01-03`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from .errors import Problem

__all__ = ["MAX_ALIAS_VALUES", "MAX_DEPTH", "MAX_FILE_BYTES", "NO_ORIGIN", "Location", "Origin", "YamlFile", "parse_yaml", "read_text", "read_yaml"]

MAX_FILE_BYTES = 512 * 1024
"""Content files are small; anything bigger is almost always a mistake (a pasted dump, a binary)."""
MAX_DEPTH = 40
"""Lists and mappings inside each other; content files need fewer than ten levels."""
MAX_ALIAS_VALUES = 1000
"""Values that aliases (`*name`) may add in one file: enough for any real use, far too few for an alias bomb."""

Location = tuple[str | int, ...]
"""Path into the data: mapping keys and list indices, as pydantic reports them."""

_TAGS_AS_TEXT = {"tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:float"}
_KNOWN_TAGS = {f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")}
_INT = "tag:yaml.org,2002:int"
_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
_ALLOWED_TAGS = frozenset(_KNOWN_TAGS | _TAGS_AS_TEXT)
_DECIMAL = re.compile(r"^[-+]?(0|[1-9][0-9]*)$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_ANY_START: tuple[tuple[str, re.Pattern[str]], ...] = tuple(yaml.SafeLoader.yaml_implicit_resolvers.get(None, []))
_RESOLVERS: dict[str, tuple[tuple[str, re.Pattern[str]], ...]] = {first: (*resolvers, *_ANY_START) for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items() if first is not None}
"""The safe loader's implicit resolvers by a plain scalar's first character, each list with the any-start ones after it."""


class _FastLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """libyaml's safe loader (when present), with PyYAML's tag resolution done in fewer steps.

    libyaml calls back into Python for the tag of every node. The stock resolver looks up the
    resolvers for a scalar's first character, adds the wildcard ones to them and checks for path
    resolvers each time; here the two lists are joined once, and the path-resolver steps, which
    a safe loader never has, are left out. The tags are exactly the stock ones.
    """

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode:
            if implicit[0]:
                for tag, regexp in _RESOLVERS.get(value[:1], _ANY_START):
                    if regexp.match(value):
                        return tag
            return _STR
        return _SEQ if kind is yaml.SequenceNode else _MAP

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass


assert not yaml.SafeLoader.yaml_path_resolvers, "_FastLoader assumes the safe loader has no path resolvers"
_FAST_LOADER = _FastLoader


@dataclass(frozen=True, eq=False)
class Origin:
    """Where one validated item was written: its file, and the line of each of its fields.

    Validation hands it to the item (`entry.origin`), so later checks and reports ask the item for a
    line (`entry.origin.line("aliases", 2)`) and never go back to the YAML file. Origins never make two
    items differ: where something was written is not part of what it says.
    """

    path: str
    """Path relative to the project root, for messages; empty for an item made in code."""
    base: Location = ()
    """Where the item sits in its file: `()` for a file of its own, `(3,)` for the fourth item of a list."""
    lines: Mapping[Location, int] = field(default_factory=dict, repr=False)
    """The line of each key and list item of the whole file."""
    source: tuple[str, ...] = field(default=(), repr=False)
    """The file's lines of text, from line `first_line` on: to find the line a sentence of a long text starts on."""
    first_line: int = 1

    def line(self, *location: str | int) -> int:
        """The line of the field at `location` inside the item; a field not written points at the nearest part that is."""
        full = (*self.base, *location)
        for end in range(len(full), -1, -1):
            found = self.lines.get(full[:end])
            if found is not None:
                return found
        return 1 if self.path else 0

    def written(self, *location: str | int) -> bool:
        """Whether the field at `location` is written in the file."""
        return (*self.base, *location) in self.lines

    def at(self, *location: str | int) -> Origin:
        """The origin of a part of the item: a source of an entry is `entry.origin.at("sources", 0)`."""
        return replace(self, base=(*self.base, *location))

    def line_of_words(self, location: Location, words: list[str]) -> int:
        """The line where `words` start in the text of the field at `location`, which may span lines; else the field's line."""
        key_line = self.line(*location)
        if not words or not self.source:
            return key_line
        start = max(0, key_line - self.first_line)
        text = "\n".join(self.source[start:])
        pattern = r"\s+(?:[>|-]\s*)?".join(re.escape(word) for word in words)
        match = re.search(pattern, text)
        return key_line + text.count("\n", 0, match.start()) if match else key_line

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Origin)

    def __hash__(self) -> int:
        return 0


NO_ORIGIN = Origin("")
"""The origin of an item made in code rather than read from a file."""


@dataclass
class YamlFile:
    """The data of one YAML file and where each part of it stands."""

    path: str
    """Path relative to the project root, for messages."""
    data: Any
    lines: dict[Location, int] = field(default_factory=dict)
    """1-based line of each key or list item."""
    source: tuple[str, ...] = ()
    """The lines of text the data was read from (for a reading's front matter, only those)."""
    first_line: int = 1
    """The line of the file that `source` starts on."""

    def line_of(self, location: Location) -> int:
        """Line of the deepest known part of `location` (a missing key points at its parent)."""
        return self.origin().line(*location)

    def origin(self, base: Location = ()) -> Origin:
        """Where the item at `base` was written, to hand to the item once it is validated."""
        return Origin(self.path, base, self.lines, self.source, self.first_line)


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
        if node.tag == _STR or node.tag in _TAGS_AS_TEXT or (node.tag == _INT and not _DECIMAL.match(node.value)):
            # `0700` (octal in YAML 1.1), `0x1F`, `1_000`: keep the text as written, so messages quote it back.
            # A string is its text too (what the constructor would return, without its bookkeeping).
            return node.value
        try:
            return self._scalars.construct_object(node, deep=True)
        except (yaml.YAMLError, ArithmeticError, LookupError, ValueError, TypeError):
            tag = _short_tag(node.tag)
            self.problems.append(Problem(self.path, node.start_mark.line + 1 + self.offset, f"'{node.value}' cannot be read as '{tag}'. Remove '{tag}' and write the value plainly."))
            return node.value

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


class _LimitError(Exception):
    def __init__(self, problem: Problem) -> None:
        self.problem = problem


def _short_tag(tag: str) -> str:
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org,2002:") else tag


class _Measure:
    """Check the node graph before building data from it: tags, depth, alias cycles and how far aliases expand."""

    def __init__(self, path: str, offset: int) -> None:
        self.path = path
        self.offset = offset
        self.sizes: dict[int, int] = {}
        self.on_path: set[int] = set()
        self.alias_values = 0

    def line(self, node: yaml.Node) -> int:
        return node.start_mark.line + 1 + self.offset

    def size(self, node: yaml.Node, parent: yaml.Node | None, depth: int) -> int:
        key = id(node)
        where = parent if parent is not None else node
        if key in self.on_path:
            raise _LimitError(Problem(self.path, self.line(where), "an alias here ('*') points to the value that holds it, so it never ends. Write the value out in full, without '&' and '*'."))
        if key in self.sizes:
            self.alias_values += self.sizes[key]
            if self.alias_values > MAX_ALIAS_VALUES:
                raise _LimitError(
                    Problem(self.path, self.line(where), f"aliases here expand to more than {MAX_ALIAS_VALUES} values. Content files do not need '&' or '*'; write the values out in full.")
                )
            return self.sizes[key]
        if depth > MAX_DEPTH:
            raise _LimitError(Problem(self.path, self.line(node), f"the YAML nests more than {MAX_DEPTH} levels deep here. Check the brackets and the indentation."))
        if node.tag == "tag:yaml.org,2002:merge":
            raise _LimitError(Problem(self.path, self.line(node), "'<<' (a YAML merge) is not used in content files. Write the keys out in full."))
        if node.tag not in _KNOWN_TAGS and node.tag not in _TAGS_AS_TEXT:
            tag = _short_tag(node.tag)
            raise _LimitError(Problem(self.path, self.line(node), f"unknown tag '{tag}'. Content files use no tags; remove '{tag}' and write the value plainly."))
        self.on_path.add(key)
        total = 1
        if isinstance(node, yaml.MappingNode):
            children = [child for pair in node.value for child in pair]
        else:
            children = node.value if isinstance(node, yaml.SequenceNode) else []
        for child in children:
            # Most nodes are scalars met for the first time: counted here, as `size` would, without the call.
            if type(child) is yaml.ScalarNode and depth < MAX_DEPTH and child.tag in _ALLOWED_TAGS and id(child) not in self.sizes:
                self.sizes[id(child)] = 1
                total += 1
            else:
                total += self.size(child, node, depth + 1)
        self.on_path.discard(key)
        self.sizes[key] = total
        return total


def _deepest(text: str, path: str, offset: int) -> Problem:
    """Where the nesting first goes past MAX_DEPTH, from the event stream (which needs no recursion)."""
    depth = 0
    try:
        # The pure-Python parser: libyaml stops at its own depth limit before reporting events.
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    line = event.start_mark.line + 1 if event.start_mark else 1
                    return Problem(path, line + offset, f"the YAML nests more than {MAX_DEPTH} levels deep here. Check the brackets and the indentation.")
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    except yaml.YAMLError:
        pass
    return Problem(path, offset + 1, f"the YAML nests more than {MAX_DEPTH} levels deep. Check the brackets and the indentation.")


def read_text(file: Path, display_path: str) -> tuple[str | None, list[Problem]]:
    """Read a content file (YAML or a reading) as UTF-8, refusing huge, wrongly encoded or unreadable files."""
    try:
        raw = file.read_bytes()
    except PermissionError:
        return None, [Problem(display_path, 0, "the file cannot be read: permission denied. Give yourself read permission (chmod u+r), or delete the file.")]
    except IsADirectoryError:
        return None, [Problem(display_path, 0, "this is a folder, but the name is that of a content file. Rename the folder, or move its files out and delete it.")]
    except OSError as error:
        return None, [Problem(display_path, 0, f"the file cannot be read ({error.strerror or 'input/output error'}). Check the file, or delete it.")]
    if len(raw) > MAX_FILE_BYTES:
        size_kb = len(raw) // 1024
        limit_kb = MAX_FILE_BYTES // 1024
        return None, [
            Problem(display_path, 0, f"the file is {size_kb} KB; content files must be under {limit_kb} KB. Look for text pasted by mistake and remove it.")
        ]
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [
            Problem(display_path, line, "the file is not UTF-8 text. Save it with UTF-8 encoding (in VS Code: 'Save with Encoding', 'UTF-8').")
        ]
    control = _CONTROL.search(text)
    if control:
        line = text.count("\n", 0, control.start()) + 1
        code = f"U+{ord(control.group()):04X}"
        return None, [
            Problem(display_path, line, f"this line holds an invisible control character ({code}), often left by copying from a PDF or a word processor. Retype the line.")
        ]
    return text, []


def read_yaml(file: Path, display_path: str) -> tuple[YamlFile | None, list[Problem]]:
    """Read and parse `file`; return the parsed file (or None) and the problems found."""
    text, problems = read_text(file, display_path)
    if text is None:
        return None, problems
    if not text.strip():
        return None, [Problem(display_path, 1, "the file is empty. Fill in its fields, or delete the file.")]
    if all(line.lstrip().startswith("#") or not line.strip() for line in text.splitlines()):
        return None, [Problem(display_path, 1, "the file holds only comments (lines starting with '#'). Fill in its fields, or delete the file.")]
    return parse_yaml(text, display_path)


def parse_yaml(text: str, display_path: str, first_line: int = 1) -> tuple[YamlFile | None, list[Problem]]:
    """Parse YAML text whose first line is line `first_line` of the file named `display_path`."""
    offset = first_line - 1
    try:
        node = _compose(text)
    except RecursionError:
        return None, [_deepest(text, display_path, offset)]
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) + 1 + offset
        return None, [Problem(display_path, line, f"this line holds a character YAML does not allow (U+{error.character if isinstance(error.character, int) else ord(error.character):04X}). Retype the line.")]
    except yaml.MarkedYAMLError as error:
        problem = _syntax_problem(display_path, error, text)
        return None, [Problem(problem.path, problem.line + offset if problem.line else 0, problem.message)]
    except yaml.YAMLError as error:  # pragma: no cover - PyYAML marks nearly every error
        return None, [Problem(display_path, 0, f"the YAML cannot be read: {error}")]
    if node is not None:
        try:
            _Measure(display_path, offset).size(node, None, 0)
        except _LimitError as limit:
            return None, [limit.problem]
    builder = _Builder(display_path, offset)
    data = builder.build(node, ()) if node is not None else None
    return YamlFile(display_path, data, builder.lines, tuple(text.split("\n")), first_line), builder.problems


def _compose(text: str) -> yaml.Node | None:
    """Compose with libyaml when present (several times faster: it keeps live preview quick).

    On a syntax error, parse again in pure Python: its messages are the ones `_syntax_problem` knows.
    """
    try:
        return yaml.compose(text, Loader=_FAST_LOADER)
    except yaml.YAMLError:
        return yaml.compose(text, Loader=yaml.SafeLoader)


def _syntax_problem(path: str, error: yaml.MarkedYAMLError, text: str) -> Problem:
    """Translate PyYAML's parser words into what to change, at the line where the change goes."""
    problem = error.problem or "the YAML cannot be read"
    context = error.context or ""
    found_at = error.problem_mark.line + 1 if error.problem_mark else 0
    opened_at = error.context_mark.line + 1 if error.context_mark else found_at
    lines = text.splitlines()
    found_line = lines[found_at - 1] if 0 < found_at <= len(lines) else ""
    if "'\\t'" in problem or "\t" in problem:
        return Problem(path, found_at, "a tab character is used for indentation; YAML needs spaces. Replace the tab with spaces.")
    if "quoted scalar" in context and "end of stream" in problem:
        return Problem(path, opened_at, "a quote opened on this line is never closed. Add the closing quote at the end of the value.")
    if "block scalar" in context:
        return Problem(path, found_at, "text after '|' or '>-' goes on the lines below it, indented by two spaces. Move it down a line.")
    if "escape character" in problem:
        return Problem(path, found_at, "a backslash inside double quotes starts an escape YAML does not know. Use single quotes around the value instead.")
    if "could not find expected ':'" in problem:
        return Problem(path, opened_at, "this line has no ':'. Write it as 'key: value', or indent it under the key it belongs to.")
    if "mapping values are not allowed" in problem:
        return Problem(
            path,
            found_at,
            "': ' here starts a key where YAML expects none. If the value holds ': ', put it all in double quotes; otherwise check this line's indentation and the line before for a missing ':'.",
        )
    if "flow sequence" in context or "flow mapping" in context:
        opener, closer = ("[", "]") if "sequence" in context else ("{", "}")
        return Problem(
            path,
            opened_at,
            f"the '{opener}' opened on this line is not closed. End it with '{closer}', and put items holding ',', ':' or brackets in double quotes.",
        )
    if "cannot start any token" in problem or "scanning an alias" in context or "scanning an anchor" in context or "directive" in context:
        mark = error.problem_mark if "cannot start any token" in problem else error.context_mark
        source = lines[mark.line] if mark and mark.line < len(lines) else ""
        char = source[mark.column : mark.column + 1] if mark else ""
        return Problem(path, found_at, f"a value cannot start with '{char}' in YAML. Put the whole value in double quotes.")
    if "another document" in problem:
        return Problem(path, found_at, "a line '---' starts a second document; a content file holds one. Delete the '---' line.")
    if "found duplicate anchor" in problem or "found undefined alias" in problem:
        return Problem(path, found_at, f"{problem}. Content files do not need '&' or '*'; write the value out in full.")
    if "expected <block end>" in problem and "'<scalar>'" in problem and ('"' in found_line or "'" in found_line):
        return Problem(
            path,
            found_at,
            "the value on this line goes on after its closing quote. Put the whole value in double quotes (an apostrophe inside them is fine: \"It's\").",
        )
    if "expected <block end>" in problem or "expected key" in problem or "'-' indicator" in problem:
        return Problem(
            path,
            found_at,
            "this line is indented differently from the lines it belongs with. Line it up with the keys (or the '- ' items) above it, using spaces.",
        )
    return Problem(path, found_at, f"YAML syntax error: {problem}. Check the indentation and quotes on this line and the one before it.")
