"""Checks across files that would otherwise go wrong silently: notes whose quotes overlap or cross
paragraphs, and aliases so common that they would link all over the reading.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .errors import ProblemList
from .model import Actor, Annotation, Reading, Term
from .text import fold, is_exact

__all__ = ["STOP_WORDS", "check_aliases_are_specific", "check_quotes_fit", "locate_quote"]

STOP_WORDS = frozenset(
    """a an the and or but nor so yet of to in on at by for with from into onto upon about as than then
    is are was were be been being am do does did has have had it its this that these those there here
    he she they we you i me him her them us his hers their our your my who whom whose which what when
    where why how not no yes all any some each every one two if also very can will would could should may""".split()
)
"""Words so common that linking them would put a link in most sentences."""


def locate_quote(text: str, quote: str, prefix: str | None) -> int | None:
    """Start of `quote` in one paragraph's `text`, after `prefix` when given; None when it is not there."""
    folded = fold(text, lower=False)
    needle = fold(quote, lower=False)
    if prefix:
        before = fold(prefix, lower=False)
        for lead in (before.rstrip() + " ", before):
            at = folded.find(lead + needle)
            if at >= 0:
                return at + len(lead)
        return None
    at = folded.find(needle)
    return at if at >= 0 else None


def check_quotes_fit(readings: dict[str, Reading], annotations: Iterable[Annotation], problems: ProblemList) -> None:
    """Each quote must lie inside one paragraph, and no two notes may mark the same words."""
    placed: dict[tuple[str, int], list[tuple[int, int, Annotation]]] = {}
    for annotation in annotations:
        reading = readings.get(annotation.reading)
        if reading is None:
            continue
        spots = [(paragraph.number, at) for paragraph in reading.paragraphs if (at := locate_quote(paragraph.text, annotation.quote, annotation.prefix)) is not None]
        if not spots:
            joined = fold(" ".join(paragraph.text for paragraph in reading.paragraphs), lower=False)
            within = any(locate_quote(paragraph.text, annotation.quote, None) is not None for paragraph in reading.paragraphs)
            if not within and fold(annotation.quote, lower=False) in joined:
                problems.add(
                    annotation.origin.path,
                    annotation.origin.line("quote"),
                    f"the quote '{annotation.quote}' runs across two paragraphs of '{reading.id}'. A note marks words in one paragraph; shorten the quote to end where the paragraph ends.",
                )
            continue
        number, start = spots[0]
        placed.setdefault((reading.id, number), []).append((start, start + len(annotation.quote), annotation))
    for (reading_id, number), spans in placed.items():
        spans.sort(key=lambda span: (span[0], span[1]))
        widest = spans[0]
        for span in spans[1:]:
            start, end, second = span
            _, first_end, first = widest
            if start < first_end:
                first_line = first.origin.line("quote")
                problems.add(
                    second.origin.path,
                    second.origin.line("quote"),
                    f"the quote '{second.quote}' overlaps the quote '{first.quote}' (line {first_line}) in paragraph {number} of '{reading_id}'. "
                    "Notes cannot share words; shorten one of the two quotes.",
                )
            if end > first_end:
                widest = span


def check_aliases_are_specific(entries: Iterable[Term | Actor], readings: Iterable[Reading], problems: ProblemList) -> None:
    """Refuse one-letter names and common words as aliases: they would link everywhere."""
    texts = [paragraph.text for reading in readings for paragraph in reading.paragraphs]
    for entry in entries:
        for index, name in enumerate(entry.names):
            letters = fold(name).strip()
            if len(letters) > 1 and letters not in STOP_WORDS:
                continue
            flags = 0 if is_exact(name, entry.case_sensitive) else re.IGNORECASE
            pattern = re.compile(rf"(?<!\w){re.escape(name.strip())}(?!\w)", flags)
            count = sum(len(pattern.findall(text)) for text in texts)
            kind = "a single letter" if len(letters) <= 1 else "a common word"
            times = "once" if count == 1 else f"{count} times"
            where = f"; it appears {times} in the readings, and every mention" if count else ", and every mention of it"
            problems.add(entry.origin.path, entry.name_line(index), f"'{name}' is {kind}{where} would link to '{entry.id}'. Remove it, or use a longer phrase.")
