"""Classroom content a teacher writes beside the reading: self-check questions, gists and a lesson plan.

Three optional files in the content folder:

- `self-check.yml`: comprehension questions for the self-check (a list);
- `gists.yml`: a plain-language gist per paragraph, keyed by reading id and paragraph number;
- `lesson.yml`: the lesson plan, shown first in the teacher edition.

This module holds their typed models, validates them (every problem with file and line) and checks
their references to readings and paragraphs. It runs between `validate` and `crossref`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .classroom_model import GIST_GRADE, GIST_WORDS, Classroom, Gist, LessonPhase, LessonPlan, SelfCheckQuestion
from .errors import Problem, ProblemList, closest
from .fielddocs import required_fields
from .model import ParagraphRefs, Reading
from .validate import validate_model
from .yamlfile import Origin, YamlFile

__all__ = [
    "GIST_GRADE",
    "GIST_WORDS",
    "Classroom",
    "LessonPhase",
    "LessonPlan",
    "SelfCheckQuestion",
    "gist_warnings",
    "validate_classroom",
]


def validate_classroom(files: dict[str, YamlFile], readings: dict[str, Reading], problems: ProblemList, broken: set[str]) -> Classroom:
    """Validate the classroom files (keyed 'self-check', 'gists', 'lesson') against the readings."""
    questions = _self_check(files["self-check"], readings, problems, broken) if "self-check" in files else ()
    gists = _gists(files["gists"], readings, problems, broken) if "gists" in files else {}
    lesson = _lesson(files["lesson"], readings, problems, broken) if "lesson" in files else None
    return Classroom(tuple(questions), gists, lesson)


def _self_check(file: YamlFile, readings: dict[str, Reading], problems: ProblemList, broken: set[str]) -> list[SelfCheckQuestion]:
    if not isinstance(file.data, list):
        problems.add(file.path, 1, "the file must be a list of questions, each starting with '- '.")
        return []
    found: list[SelfCheckQuestion] = []
    seen: dict[str, int] = {}
    for index, item in enumerate(file.data):
        if not isinstance(item, dict):
            problems.add(file.path, file.line_of((index,)), f"question {index + 1} must hold keys and values ({', '.join(required_fields(SelfCheckQuestion))}).")
            continue
        question = validate_model(SelfCheckQuestion, item, file, (index,), problems)
        if question is None:
            continue
        where = question.origin
        line = where.line("id")
        if question.id in seen:
            problems.add(where.path, line, f"question id '{question.id}' is used twice (first on line {seen[question.id]}). Give each question its own id.")
        seen.setdefault(question.id, line)
        if question.answer > len(question.choices):
            problems.add(
                where.path,
                where.line("answer"),
                f"'answer' is {question.answer} but question '{question.id}' has {len(question.choices)} choices. Use the number of the right choice, from 1 to {len(question.choices)}.",
            )
        if len(set(question.choices)) < len(question.choices):
            problems.add(where.path, where.line("choices"), f"question '{question.id}' lists the same choice twice. Make every choice different.")
        _paragraphs(where.at("paragraphs"), question.paragraphs, readings, problems, broken)
        found.append(question)
    return found


def _paragraphs(origin: Origin, refs: ParagraphRefs, readings: dict[str, Reading], problems: ProblemList, broken: set[str]) -> None:
    for reading_id, numbers in refs.items():
        if not _known_reading(origin, (reading_id,), reading_id, readings, problems, broken):
            continue
        count = len(readings[reading_id].paragraphs)
        for position, number in enumerate(numbers):
            if number > count:
                problems.add(origin.path, origin.line(reading_id, position), f"paragraph {number} does not exist: '{reading_id}' has {count} paragraphs. Use a number from 1 to {count}.")


def _known_reading(origin: Origin, location: tuple[str | int, ...], reading_id: str, readings: dict[str, Reading], problems: ProblemList, broken: set[str]) -> bool:
    if reading_id in readings:
        return True
    if reading_id not in broken:
        problems.add(
            origin.path,
            origin.line(*location),
            f"unknown reading '{reading_id}'{closest(reading_id, readings)}. Use the id of a reading (its file name in docs/readings, without .md).",
        )
    return False


def _gists(file: YamlFile, readings: dict[str, Reading], problems: ProblemList, broken: set[str]) -> dict[tuple[str, int], Gist]:
    if not isinstance(file.data, dict):
        problems.add(file.path, 1, "the file must hold reading ids, each with paragraph numbers and their gists, like 'reading-id:' then '  1: The gist.'.")
        return {}
    found: dict[tuple[str, int], Gist] = {}
    for reading_id, gists in file.data.items():
        if not _known_reading(file.origin(), (reading_id,), reading_id, readings, problems, broken):
            continue
        if not isinstance(gists, dict):
            problems.add(file.path, file.line_of((reading_id,)), f"'{reading_id}' must hold paragraph numbers with their gists, like '  1: The gist.'.")
            continue
        count = len(readings[reading_id].paragraphs)
        for key, text in gists.items():
            line = file.line_of((reading_id, key))
            if not re.fullmatch(r"[1-9][0-9]*", key) or int(key) > count:
                problems.add(file.path, line, f"'{key}' is not a paragraph of '{reading_id}'. Use a paragraph number from 1 to {count}.")
                continue
            if not isinstance(text, str) or not text.strip():
                problems.add(file.path, line, f"the gist of paragraph {key} is empty. Write it in one plain sentence, at most {GIST_WORDS} words.")
                continue
            text = " ".join(text.split())
            words = len(text.split())
            if "<" in text or ">" in text:
                problems.add(file.path, line, f"the gist of paragraph {key} is plain text and cannot hold '<' or '>'; remove them.")
            elif words > GIST_WORDS:
                problems.add(file.path, line, f"the gist of paragraph {key} has {words} words; keep it to {GIST_WORDS} or fewer.")
            else:
                found[(reading_id, int(key))] = Gist(reading_id, int(key), text, file.origin((reading_id, key)))
    return found


def _lesson(file: YamlFile, readings: dict[str, Reading], problems: ProblemList, broken: set[str]) -> LessonPlan | None:
    if not isinstance(file.data, dict):
        problems.add(file.path, 1, f"the lesson plan must hold keys and values ({', '.join(required_fields(LessonPlan))}).")
        return None
    lesson = validate_model(LessonPlan, file.data, file, (), problems)
    if lesson is not None and not _known_reading(lesson.origin, ("reading",), lesson.reading, readings, problems, broken):
        return None
    return lesson


def gist_warnings(classroom: Classroom) -> list[Problem]:
    """Gists that read above GIST_GRADE, as problems to log as warnings (the build goes on)."""
    grade = _grade_function()
    if grade is None:
        return []
    warnings = []
    for gist in classroom.gists.values():
        level = grade(gist.text)
        if level > GIST_GRADE:
            warnings.append(Problem(gist.origin.path, gist.origin.line(), f"the gist of paragraph {gist.number} reads at grade {level:.1f} (Flesch–Kincaid); aim for {GIST_GRADE:.0f} or lower with shorter words and sentences."))
    return warnings


def _grade_function() -> Callable[[str], float] | None:
    """The readability module's grade, imported late: `check` needs it, page builds never do."""
    from .readability import grade

    return grade
