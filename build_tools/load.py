"""Find and read the content files of a project: YAML in the content folder, readings in the docs folder.

Nothing here judges the content beyond "can it be read"; `validate` turns what is read into the model.
"""

from __future__ import annotations

import json
import os
import stat
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Protocol

from .errors import Problem
from .yamlfile import YamlFile, parse_yaml, read_text, read_yaml

__all__ = ["ContentPaths", "RawContent", "RawReading", "YamlReader", "read_content"]


@dataclass(frozen=True)
class ContentPaths:
    """Where a project keeps its content; the defaults are the documented layout."""

    root: Path
    content_dir: str = "glossary"
    docs_dir: str = "docs"
    """Relative to the root, or absolute."""
    readings_dir: str = "readings"
    """Inside the docs folder."""
    config_file: str = "mkdocs.yml"
    """The site's configuration, relative to the root: site identity and nav."""
    templates_dir: str = "templates"
    """The project's page templates, relative to the root, or absolute: each overrides the built-in one of the same name."""

    @cached_property
    def resolved_root(self) -> Path:
        """The root with links followed, worked out once: every content file is checked against it."""
        return self.root.resolve()

    @property
    def content(self) -> Path:
        return self.root / self.content_dir

    @property
    def templates(self) -> Path:
        return self.root / self.templates_dir

    @property
    def readings(self) -> Path:
        return self.root / self.docs_dir / self.readings_dir

    def display_unresolved(self, path: Path) -> str:
        """Path as shown in messages, without following links (a link's own name, never its target)."""
        prefix = self._display_prefix(path.parent)
        return path.name if prefix is None else prefix + path.name

    def folder_inside(self, folder: Path) -> bool:
        """Whether `folder`, with links followed, is the root or inside it; worked out once per folder."""
        inside = self._folders_inside.get(folder)
        if inside is None:
            inside = self._folders_inside[folder] = folder.resolve().is_relative_to(self.resolved_root)
        return inside

    def _display_prefix(self, folder: Path) -> str | None:
        """What `display_unresolved` puts before the name of a file in `folder`; None outside the root. Once per folder."""
        try:
            return self._prefixes[folder]
        except KeyError:
            pass
        try:
            relative = folder.absolute().relative_to(self.root.absolute()).as_posix()
            prefix: str | None = "" if relative == "." else relative + "/"
        except ValueError:
            prefix = None
        self._prefixes[folder] = prefix
        return prefix

    @cached_property
    def _prefixes(self) -> dict[Path, str | None]:
        return {}

    @cached_property
    def _folders_inside(self) -> dict[Path, bool]:
        return {}

    def display(self, path: Path) -> str:
        """Path as shown in messages: relative to the project root, with forward slashes."""
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()


@dataclass
class RawReading:
    """A reading's front matter (parsed YAML) and its body lines, before validation."""

    id: str
    src_uri: str
    display_path: str
    front_matter: YamlFile | None
    body: str
    body_first_line: int


@dataclass
class RawContent:
    """Everything read from disk, keyed by kind; file order is sorted for stable output."""

    terms: list[YamlFile] = field(default_factory=list)
    actors: list[YamlFile] = field(default_factory=list)
    events: list[YamlFile] = field(default_factory=list)
    places: list[YamlFile] = field(default_factory=list)
    basemap: dict[str, Any] | None = None
    """The locator map's country outlines (`map/basemap.json`), as parsed JSON."""
    questions: YamlFile | None = None
    annotations: YamlFile | None = None
    publishers: YamlFile | None = None
    """None when the project has no publishers file: then publishers are not checked."""
    eras: YamlFile | None = None
    camps: YamlFile | None = None
    readings: list[RawReading] = field(default_factory=list)
    classroom: dict[str, YamlFile] = field(default_factory=dict)
    """Optional classroom files by name: 'self-check', 'gists', 'lesson'."""
    problems: list[Problem] = field(default_factory=list)


class YamlReader(Protocol):
    """How a YAML file is read: `read_yaml`, or a cache in front of it (live preview)."""

    def __call__(self, file: Path, display_path: str, /) -> tuple[YamlFile | None, list[Problem]]: ...


def read_content(paths: ContentPaths, read: YamlReader = read_yaml) -> RawContent:
    """Read every content file; unreadable files become problems, not exceptions.

    Args:
        paths: Where the project keeps its content.
        read: Reads one YAML file; `serve` passes a `YamlCache`'s `read` so unchanged files are not parsed again.
    """
    raw = RawContent()
    if not paths.content.is_dir():
        raw.problems.append(
            Problem(paths.content_dir, 0, f"the content folder '{paths.content_dir}' does not exist. Create it, or set 'content_dir' in mkdocs.yml.")
        )
        return raw
    for kind in ("terms", "actors", "events", "places"):
        folder = paths.content / kind
        for file in _entries(folder) if folder.is_dir() else []:
            if file.suffix.lower() in (".yaml", ".yml") and file.suffix != ".yml":
                raw.problems.append(Problem(paths.display(file), 0, f"content files end in '.yml', not '{file.suffix}'. Rename it to '{file.stem}.yml'."))
                continue
            if file.suffix != ".yml":
                continue
            parsed = _read(paths, file, raw.problems, read)
            if parsed is not None:
                getattr(raw, kind).append(parsed)
    for kind in ("questions", "annotations", "publishers", "eras", "camps"):
        file = paths.content / f"{kind}.yml"
        for other in _entries(paths.content):
            if other.stem == kind and other.suffix != ".yml" and other.suffix.lower() in (".yaml", ".yml"):
                raw.problems.append(Problem(paths.display(other), 0, f"content files end in '.yml', not '{other.suffix}'. Rename it to '{kind}.yml'."))
        if file.exists() or file.is_symlink():
            setattr(raw, kind, _read(paths, file, raw.problems, read))
    basemap = paths.content / "map" / "basemap.json"
    if basemap.is_file():
        try:
            raw.basemap = json.loads(basemap.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raw.problems.append(Problem(paths.display(basemap), 1, f"the basemap cannot be read ({error}). Cut it again with scripts/make_basemap.py."))
    for name in ("self-check", "gists", "lesson"):
        file = paths.content / f"{name}.yml"
        parsed = _read(paths, file, raw.problems, read) if file.exists() or file.is_symlink() else None
        if parsed is not None:
            raw.classroom[name] = parsed
    if paths.readings.is_dir():
        for file in _entries(paths.readings):
            if file.suffix.lower() in _READING_SUFFIXES and file.suffix != ".md":
                raw.problems.append(Problem(paths.display(file), 0, f"readings end in '.md', not '{file.suffix}'. Rename it to '{file.stem}.md'."))
                continue
            if file.suffix != ".md":
                continue
            reading = _read_reading(paths, file, raw.problems)
            if reading is not None:
                raw.readings.append(reading)
    return raw


_READING_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".mkdn", ".txt")


def _entries(folder: Path) -> list[Path]:
    """What `sorted(folder.glob("*"))` gives (an unreadable folder: nothing), sorting names rather than paths."""
    try:
        names = os.listdir(folder)
    except PermissionError:
        return []
    return [folder / name for name in sorted(names)]


def _refuse(paths: ContentPaths, file: Path, display: str) -> Problem | None:
    """Why `file` (shown as `display`) cannot be read as content: a link that leaves the project or leads nowhere, or a folder.

    The target of a link is never printed: it may be outside the project, and not the teacher's to show.
    """
    try:
        # The common case, one system call: a regular file (not a link) in a folder inside the project.
        if stat.S_ISREG(os.lstat(file).st_mode) and paths.folder_inside(file.parent):
            return None
    except OSError:
        pass  # judged below, with the reason
    try:
        target = file.resolve(strict=True)
    except FileNotFoundError:
        return Problem(display, 0, "this is a link to a file that does not exist. Delete the link, or put the file itself here.")
    except (RuntimeError, OSError):
        return Problem(display, 0, "this is a link that leads back to itself (a loop). Delete the link, or put the file itself here.")
    if not target.is_relative_to(paths.resolved_root):  # the file, or a folder above it, is a link
        return Problem(display, 0, "this is a link to a file outside the project; the build reads only files inside it. Copy the file here instead of linking to it.")
    if target.is_dir():
        return Problem(display, 0, "this is a folder, but the name is that of a content file. Rename the folder, or move its files out and delete it.")
    if not target.is_file():
        return Problem(display, 0, "this is not a regular file (a pipe or a device). Delete it, and save the content as an ordinary file.")
    return None


def _read(paths: ContentPaths, file: Path, problems: list[Problem], read: YamlReader) -> YamlFile | None:
    display = paths.display_unresolved(file)
    refused = _refuse(paths, file, display)
    if refused is not None:
        problems.append(refused)
        return None
    parsed, found = read(file, display)
    problems.extend(found)
    return parsed


def _read_reading(paths: ContentPaths, file: Path, problems: list[Problem]) -> RawReading | None:
    display = paths.display_unresolved(file)
    refused = _refuse(paths, file, display)
    if refused is not None:
        problems.append(refused)
        return None
    text, found = read_text(file, display)
    problems.extend(found)
    if text is None:
        return None
    lines = text.splitlines()
    front: YamlFile | None = None
    body_start = 0
    if lines and lines[0].strip() == "---":
        end = next((index for index in range(1, len(lines)) if lines[index].strip() in ("---", "...")), None)
        if end is None:
            problems.append(Problem(display, 1, "the front matter starts with '---' but never ends. Add a line '---' after it."))
        else:
            front = _front_matter(display, lines[1:end], problems)
            body_start = end + 1
    else:
        problems.append(
            Problem(display, 1, "a reading needs front matter (title, author, author_role, publisher, date, url, kind) between two '---' lines at the top.")
        )
    return RawReading(
        id=file.stem,
        src_uri=file.relative_to(paths.root / paths.docs_dir).as_posix(),
        display_path=display,
        front_matter=front,
        body="\n".join(lines[body_start:]),
        body_first_line=body_start + 1,
    )


def _front_matter(display: str, lines: list[str], problems: list[Problem]) -> YamlFile | None:
    if not any(line.strip() for line in lines):
        problems.append(Problem(display, 2, "the front matter is empty. Add title, author, author_role, publisher, date, url and kind."))
        return None
    parsed, found = parse_yaml("\n".join(lines) + "\n", display, first_line=2)
    problems.extend(found)
    return parsed
