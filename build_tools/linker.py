"""Find mentions of curated entries in text: pure, fast, and independent of Markdown.

One Aho-Corasick automaton holds every name and its simple plurals, folded (lower case,
plain quotes and hyphens), so matching costs about the same at 10 or 3,000 entries.
Candidates are then filtered (word boundaries, case for acronyms, the page's readings) and
resolved leftmost-longest without overlaps: "United Nations Security Council" beats "Security Council".
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass

import ahocorasick

from .text import fold, is_exact, name_forms

__all__ = ["FREQUENCIES", "LinkTarget", "Linker", "Match", "name_forms"]

FREQUENCIES = ("every", "first-per-paragraph", "first-per-section", "first-per-page", "spaced")
"""How often one entry is linked on a page. `spaced`: at its first mention, and again only after
`gap` paragraphs (or list items) in a row without it."""


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
    readings: tuple[str, ...] = ()
    """The readings it belongs to; empty: every reading."""


@dataclass(frozen=True, order=True)
class Match:
    """A mention: `text[start:end]` names the target `target_id`."""

    start: int
    end: int
    target_id: str


class Linker:
    """Finds leftmost-longest, non-overlapping mentions of many targets in one pass over a text."""

    def __init__(self, targets: Iterable[LinkTarget]) -> None:
        self.targets = {target.id: target for target in targets}
        self._automaton = ahocorasick.Automaton()
        choices: dict[str, list[_Form]] = {}
        for target in self.targets.values():
            for name in target.names:
                exact = is_exact(name, target.case_sensitive)
                for form in name_forms(name, target.plurals):
                    folded = fold(form, lower=False)
                    spaced = _spaced(folded.lower())
                    core = spaced.strip()
                    if not core:
                        continue
                    lead = len(spaced) - len(spaced.lstrip())
                    choice = _Form(target.id, folded.lower(), folded if exact else None, lead, frozenset(target.readings))
                    choices.setdefault(f" {core} ", []).append(choice)
        for key, forms in choices.items():
            # Exact (case-sensitive) forms are tried first: "US" the country before "us" the word.
            forms.sort(key=lambda form: form.exact is None)
            self._automaton.add_word(key, (len(key), tuple(forms)))
        self._empty = not choices
        if not self._empty:
            self._automaton.make_automaton()

    def find(self, text: str, scope: Collection[str] | None = None) -> list[Match]:
        """Every mention in `text`, left to right.

        Args:
            text: the text to search.
            scope: the readings the text is about. Targets scoped to other readings are not
                found; None finds every target, an empty collection only the unscoped ones.
        """
        # Most texts of a page's tree are the line breaks between its blocks: they hold no word, so no mention.
        if self._empty or not text or text.isspace():
            return []
        folded = fold(text)
        # Keys are padded with spaces and the text's non-word characters become spaces, so the
        # automaton itself only reports matches that start and end on word boundaries.
        spaced = f" {_spaced(folded)} "
        candidates: list[tuple[int, int, str]] = []
        for last, (length, forms) in self._automaton.iter(spaced):
            core_start = last - length + 1  # index in `folded` of the key's first word character
            for form in forms:
                start = core_start - form.lead
                end = start + len(form.folded)
                if start < 0 or folded[start:end] != form.folded:
                    continue
                if form.exact is not None and fold(text[start:end], lower=False) != form.exact:
                    continue
                if scope is not None and form.readings and form.readings.isdisjoint(scope):
                    continue
                candidates.append((start, -end, form.target_id))
                break
        candidates.sort()
        matches: list[Match] = []
        reached = 0
        for start, negative_end, target_id in candidates:
            if start >= reached:
                matches.append(Match(start, -negative_end, target_id))
                reached = -negative_end
        return matches


@dataclass(frozen=True)
class _Form:
    target_id: str
    folded: str
    """The form folded to lower case, as it must appear in the folded text."""
    exact: str | None
    """The form with its case, when only that case matches."""
    lead: int
    """Non-word characters before the form's first word character."""
    readings: frozenset[str] = frozenset()
    """The target's readings; empty: every reading."""


_NON_WORD = re.compile(r"[^\w]")
_ASCII_SPACED = str.maketrans({chr(code): " " for code in range(128) if not (chr(code).isalnum() or chr(code) == "_")})


def _spaced(text: str) -> str:
    """`text` with every non-word character turned into a space (same length)."""
    spaced = text.translate(_ASCII_SPACED)
    return spaced if spaced.isascii() else _NON_WORD.sub(" ", spaced)
