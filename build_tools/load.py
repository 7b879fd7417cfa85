"""Find and read the content files of a project: YAML in the content folder, readings in the docs folder.

Nothing here judges the content beyond "can it be read"; `validate` turns what is read into the model.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import Problem
from .yamlfile import YamlFile, parse_yaml, read_text, read_yaml

__all__ = ["ContentPaths", "RawContent", "RawReading", "read_content"]


@dataclass(frozen=True)
class ContentPaths:
    """Where a project keeps its content; the defaults are the documented layout."""

    root: Path
    content_dir: str = "glossary"
    docs_dir: str = "docs"
    """Relative to the root, or absolute."""
    readings_dir: str = "readings"
    """Inside the docs folder."""

    @property
    def content(self) -> Path:
        return self.root / self.content_dir

    @property
    def readings(self) -> Path:
        return self.root / self.docs_dir / self.readings_dir

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
    eras: YamlFile | None = None
    camps: YamlFile | None = None
    readings: list[RawReading] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def read_content(paths: ContentPaths) -> RawContent:
    """Read every content file; unreadable files become problems, not exceptions."""
    raw = RawContent()
    if not paths.content.is_dir():
        raw.problems.append(
            Problem(paths.content_dir, 0, f"the content folder '{paths.content_dir}' does not exist. Create it, or set 'content_dir' in mkdocs.yml.")
        )
        return raw
    for kind in ("terms", "actors", "events", "places"):
        folder = paths.content / kind
        for file in sorted(folder.glob("*")) if folder.is_dir() else []:
            if file.suffix == ".yaml":
                raw.problems.append(Problem(paths.display(file), 0, "content files end in '.yml'. Rename it to end in '.yml'."))
                continue
            if file.suffix != ".yml":
                continue
            parsed = _read(paths, file, raw.problems)
            if parsed is not None:
                getattr(raw, kind).append(parsed)
    for kind in ("questions", "annotations", "eras", "camps"):
        file = paths.content / f"{kind}.yml"
        if file.is_file():
            setattr(raw, kind, _read(paths, file, raw.problems))
    basemap = paths.content / "map" / "basemap.json"
    if basemap.is_file():
        try:
            raw.basemap = json.loads(basemap.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raw.problems.append(Problem(paths.display(basemap), 1, f"the basemap cannot be read ({error}). Cut it again with scripts/make_basemap.py."))
    if paths.readings.is_dir():
        for file in sorted(paths.readings.glob("*.md")):
            reading = _read_reading(paths, file, raw.problems)
            if reading is not None:
                raw.readings.append(reading)
    return raw


def _read(paths: ContentPaths, file: Path, problems: list[Problem]) -> YamlFile | None:
    parsed, found = read_yaml(file, paths.display(file))
    problems.extend(found)
    return parsed


def _read_reading(paths: ContentPaths, file: Path, problems: list[Problem]) -> RawReading | None:
    display = paths.display(file)
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
