"""The order students see questions in: by reading, then by phase; one numbering for every page that names them."""

from __future__ import annotations

from .model import PHASES, Library, Question, Reading

__all__ = ["PHASES", "group_questions", "question_numbers", "question_readings"]


def question_readings(question: Question) -> list[str]:
    """The readings a question is about: its scope, or else the readings its paragraphs are in."""
    return list(question.readings) or list(question.paragraphs)


def group_questions(library: Library) -> list[tuple[Reading | None, list[Question]]]:
    """Questions under the one reading each is about, in reading order; those about several or none come last (reading None)."""
    by_reading: dict[str | None, list[Question]] = {}
    only = next(iter(library.readings)) if len(library.readings) == 1 else None
    for question in library.questions:
        readings = question_readings(question)
        key = readings[0] if len(readings) == 1 else only
        by_reading.setdefault(key, []).append(question)
    order = [*library.readings, None]
    return [(library.readings[key] if key else None, by_reading[key]) for key in order if key in by_reading]


def question_numbers(library: Library) -> dict[str, int]:
    """Question id → the number students see: by reading, then before, during and after, each in file order."""
    numbers: dict[str, int] = {}
    for _, questions in group_questions(library):
        for phase in PHASES:
            for question in questions:
                if question.phase == phase:
                    numbers[question.id] = len(numbers) + 1
    return numbers
