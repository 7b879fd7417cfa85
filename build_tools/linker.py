"""Find mentions of curated entries in text: pure, fast, and independent of Markdown.

One Aho-Corasick automaton holds every name and its simple plurals, folded (lower case,
plain quotes and hyphens), so matching costs about the same at 10 or 3,000 entries.
Candidates are then filtered (word boundaries, case for acronyms) and resolved
leftmost-longest without overlaps: "Popular Mobilisation Forces" beats "Forces".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick

from .text import fold, is_exact, is_word_char

__all__ = ["LinkTarget", "Linker", "Match", "name_forms"]


@dataclass(frozen=True)
class LinkTarget:
    """Something a mention can link to: a term or an actor, reduced to what linking needs."""

    id: str
    label: str
    """The title or name, shown in previews."""
    names: tuple[str, ...]
    """Label and aliases: every form that links here."""
    short: str
    """The one- or two-sentence definition shown in the preview."""
    src_uri: str
    """The entry's page in the docs folder, like `glossary/<id>.md`."""
    case_sensitive: bool | None = None
    plurals: bool = False


@dataclass(frozen=True, order=True)
class Match:
    """A mention: `text[start:end]` names the target `target_id`."""

    start: int
    end: int
    target_id: str


def name_forms(name: str, plurals: bool) -> list[str]:
    """The name and, when allowed, its simple English plurals (militia → militias, proxy → proxies)."""
    forms = [name]
    if not plurals or not name[-1:].isalpha():
        return forms
    lower = name.lower()
    if lower.endswith(("s", "x", "z", "ch", "sh")):
        forms.append(name + "es")
    elif lower.endswith("y") and len(lower) > 1 and lower[-2] not in "aeiou":
        forms.append(name[:-1] + "ies")
    else:
        forms.append(name + "s")
    return forms


class Linker:
    """Finds leftmost-longest, non-overlapping mentions of many targets in one pass over a text."""

    def __init__(self, targets: Iterable[LinkTarget]) -> None:
        self.targets = {target.id: target for target in targets}
        self._automaton = ahocorasick.Automaton()
        options: dict[str, list[tuple[str, str | None]]] = {}
        for target in self.targets.values():
            for name in target.names:
                exact = is_exact(name, target.case_sensitive)
                for form in name_forms(name, target.plurals):
                    folded = fold(form, lower=False)
                    options.setdefault(folded.lower(), []).append((target.id, folded if exact else None))
        for key, choices in options.items():
            # Exact (case-sensitive) forms are tried first: "US" the country before "us" the word.
            choices.sort(key=lambda choice: choice[1] is None)
            self._automaton.add_word(key, (len(key), tuple(choices)))
        self._empty = not options
        if not self._empty:
            self._automaton.make_automaton()

    def find(self, text: str) -> list[Match]:
        """Every mention in `text`, left to right."""
        if self._empty or not text:
            return []
        folded = fold(text)
        candidates: list[tuple[int, int, str]] = []
        for last, (length, choices) in self._automaton.iter(folded):
            start, end = last - length + 1, last + 1
            if not _at_boundaries(folded, start, end):
                continue
            for target_id, exact in choices:
                if exact is None or fold(text[start:end], lower=False) == exact:
                    candidates.append((start, -end, target_id))
                    break
        candidates.sort()
        matches: list[Match] = []
        reached = 0
        for start, negative_end, target_id in candidates:
            if start >= reached:
                matches.append(Match(start, -negative_end, target_id))
                reached = -negative_end
        return matches


def _at_boundaries(text: str, start: int, end: int) -> bool:
    """A match must not start or end inside a word ("Iran" is not in "Irani", but is in "Iran's")."""
    if start > 0 and is_word_char(text[start]) and is_word_char(text[start - 1]):
        return False
    return not (end < len(text) and is_word_char(text[end - 1]) and is_word_char(text[end]))
