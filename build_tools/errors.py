"""Problems found in content, reported all at once and written for the person who fixes them."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field

__all__ = ["ContentError", "Problem", "ProblemList", "closest"]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the content, pinned to a file and line."""

    path: str
    """Path of the file, relative to the project root, with forward slashes."""
    line: int
    """1-based line number; 0 when the problem concerns the file as a whole."""
    message: str
    """What is wrong and how to fix it, in plain present tense."""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


@dataclass
class ProblemList:
    """Collects problems so every stage can report everything it finds before the build stops."""

    problems: list[Problem] = field(default_factory=list)

    def add(self, path: str, line: int, message: str) -> None:
        self.problems.append(Problem(path, line, message))

    def extend(self, problems: Iterable[Problem]) -> None:
        self.problems.extend(problems)

    def __bool__(self) -> bool:
        return bool(self.problems)

    def __len__(self) -> int:
        return len(self.problems)

    def raise_if_any(self) -> None:
        """Stop the build once, with every problem collected so far."""
        if self.problems:
            raise ContentError(self.problems)


class ContentError(Exception):
    """The content cannot be built; carries every problem found, sorted by file and line."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        lines = [str(problem) for problem in self.problems]
        lines.append(f"Found {count} {noun} in the content; nothing was published. Fix them and build again.")
        return "\n".join(lines)


def closest(value: str, allowed: Iterable[str]) -> str:
    """Return ` (did you mean 'x'?)` for the nearest allowed value, or an empty string."""
    matches = difflib.get_close_matches(value, list(allowed), n=1, cutoff=0.6)
    return f" (did you mean '{matches[0]}'?)" if matches else ""
