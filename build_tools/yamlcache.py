"""Parsed YAML files kept between live-preview rebuilds, so saving one file re-reads one file.

`mkdocs serve` reloads the whole unit after every save; at a few hundred entries, reading and parsing
every YAML file again is most of the content's share of that wait. A file is read again when its
size, modification time, change time or inode differ from the last read (an editor that saves by
renaming gives a new inode), so what the cache returns is what a cold read would return.
"""

from __future__ import annotations

from pathlib import Path

from .errors import Problem
from .yamlfile import YamlFile, read_yaml

__all__ = ["YamlCache"]

_Stamp = tuple[int, int, int, int]


class YamlCache:
    """`read_yaml` with memory: one entry per file, replaced when the file changes on disk.

    The parsed files are shared between builds, so nothing downstream may change a `YamlFile`'s
    data (nothing does: validation copies what it reads into the models).
    """

    def __init__(self) -> None:
        self._files: dict[tuple[str, str], tuple[_Stamp, YamlFile | None, tuple[Problem, ...]]] = {}
        self.reads = 0
        """How many files were parsed (not served from memory): what the tests count."""

    def read(self, file: Path, display_path: str) -> tuple[YamlFile | None, list[Problem]]:
        """Same as `read_yaml(file, display_path)`; parses only when the file changed since the last call."""
        try:
            stat = file.stat()
        except OSError:
            self._files.pop((str(file), display_path), None)
            return self._parse(file, display_path)
        stamp = (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)
        key = (str(file), display_path)
        kept = self._files.get(key)
        if kept is not None and kept[0] == stamp:
            return kept[1], list(kept[2])
        parsed, problems = self._parse(file, display_path)
        self._files[key] = (stamp, parsed, tuple(problems))
        return parsed, problems

    def _parse(self, file: Path, display_path: str) -> tuple[YamlFile | None, list[Problem]]:
        self.reads += 1
        return read_yaml(file, display_path)
