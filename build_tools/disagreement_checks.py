"""Notes on the other side that may tell students one story twice: warnings for `check`, never errors.

The reading shows every disagreement that names a paragraph in one box beside it. A term and the
event it names are often both given the same dispute (the same source, or the same words of the
reading); in the box a student then reads one story twice. Whether two notes really repeat each
other is the teacher's call, so this only warns, at the line of the second note.
"""

from __future__ import annotations

from .errors import Problem
from .model import Disagreement, Library
from .text import fold

__all__ = ["repeated_disagreement_warnings"]


def repeated_disagreement_warnings(library: Library) -> list[Problem]:
    """A warning for each pair of disagreements beside the same paragraph that cite the same source or quote the same words."""
    beside: dict[tuple[str, int], list[Disagreement]] = {}
    for holder in [*library.entries, *library.events]:
        for disagreement in holder.disagreements:
            for reading_id, numbers in disagreement.paragraphs.items():
                for number in numbers:
                    beside.setdefault((reading_id, number), []).append(disagreement)
    warnings: list[Problem] = []
    warned: set[tuple[int, int]] = set()
    for (reading_id, number), notes in beside.items():
        for index, first in enumerate(notes):
            for second in notes[index + 1 :]:
                shared = _shared(first, second)
                if shared is None or (id(first), id(second)) in warned:
                    continue
                warned.add((id(first), id(second)))
                where = first.origin
                warnings.append(
                    Problem(
                        second.origin.path,
                        second.origin.line(),
                        f"this disagreement and the one at {where.path}:{where.line()} are both beside paragraph {number} of '{reading_id}' "
                        f"and {shared}. If they tell the same story, keep 'paragraphs' on one of them only: "
                        "the reading shows every note of a paragraph in one box, and the other still shows on its own page.",
                    )
                )
    return warnings


def _shared(first: Disagreement, second: Disagreement) -> str | None:
    """What the two have in common, said for the warning; None when nothing."""
    if first.quote and second.quote and fold(first.quote) == fold(second.quote):
        return f"quote the same words ('{first.quote}')"
    urls = {source.url for source in first.sources}
    for source in second.sources:
        if source.url in urls:
            return f"cite the same source ({source.publisher}, '{source.title}')"
    return None
