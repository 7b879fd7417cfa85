"""A unit's own expectations, kept by the teacher in `glossary/expectations.yml` and checked by `check`.

The generator's tests hold for any valid content; what one unit promises beyond that (at least so
many entries, these words linked in this reading, the timeline's years, the reading equal to the
text it was copied from) is written down here instead, and each gap is reported as `file:line`.
The file is optional: without it there is nothing to check.
"""

from __future__ import annotations

import re

from pydantic import ConfigDict, Field

from .errors import Problem, ProblemList, closest
from .layout import Layout
from .linker import Linker, Match
from .load import ContentPaths
from .model import Id, Library, Located, Phase, PlainText, Reading
from .pages import link_targets
from .text import fold
from .validate import validate_model
from .yamlfile import Origin, read_text, read_yaml

__all__ = ["EXPECTATIONS_FILE", "AtLeast", "Expectations", "ReadingExpectations", "Timeline", "check_expectations"]

EXPECTATIONS_FILE = "expectations.yml"
"""In the content folder, beside `questions.yml`."""


class _Strict(Located):
    model_config = ConfigDict(extra="forbid", frozen=True)


class AtLeast(_Strict):
    """Minimum counts; leave one out to expect nothing of it."""

    terms: int | None = Field(default=None, ge=0, description="At least this many glossary terms.")
    actors: int | None = Field(default=None, ge=0, description="At least this many people and groups.")
    events: int | None = Field(default=None, ge=0, description="At least this many timeline events.")
    questions: int | None = Field(default=None, ge=0, description="At least this many discussion questions.")
    annotations: int | None = Field(default=None, ge=0, description="At least this many notes on the readings.")
    readings: int | None = Field(default=None, ge=0, description="At least this many readings.")


class Timeline(_Strict):
    """The years the timeline runs over: its first event is in `first_year`, its last in `last_year`."""

    first_year: int | None = Field(default=None, description="The year of the earliest event.")
    last_year: int | None = Field(default=None, description="The year of the latest event.")


class ReadingExpectations(_Strict):
    """What one reading must keep."""

    text: str | None = Field(default=None, description="A file, relative to the project folder, holding the text as handed over; the reading must have the same words.")
    paragraphs: int | None = Field(default=None, ge=1, description="The number of paragraphs.")
    linked: dict[Id, list[PlainText]] = Field(
        default={}, description="Entry id → words of the reading that must link to it; every other mention of its names must link to it too."
    )


class Expectations(_Strict):
    """Everything `glossary/expectations.yml` may hold."""

    at_least: AtLeast = Field(default=AtLeast(), description="Minimum counts of terms, actors, events, questions, annotations and readings.")
    question_phases: list[Phase] = Field(default=[], description="Phases that each need at least one question.")
    timeline: Timeline = Field(default=Timeline(), description="The years of the earliest and the latest event: 'first_year' and 'last_year'.")
    readings: dict[Id, ReadingExpectations] = Field(default={}, description="Reading id → what that reading must keep: 'text', 'paragraphs' and 'linked'.")


def check_expectations(paths: ContentPaths, library: Library) -> list[Problem]:
    """Every way the content falls short of `glossary/expectations.yml`; none when the file is absent."""
    path = paths.content / EXPECTATIONS_FILE
    if not path.is_file():
        return []
    file, found = read_yaml(path, paths.display(path))
    problems = ProblemList(list(found))
    if file is None or file.data is None:
        return problems.problems
    if not isinstance(file.data, dict):
        problems.add(file.path, 1, "expectations are keys like 'at_least:' and 'readings:', not a list or a single value.")
        return problems.problems
    expected = validate_model(Expectations, file.data, file, (), problems)
    if expected is not None:
        origin = expected.origin
        _check_counts(expected, library, origin, problems)
        _check_timeline(expected, library, origin, problems)
        linker = Linker(link_targets(library, Layout()))
        for reading_id, wanted in expected.readings.items():
            reading = library.readings.get(reading_id)
            if reading is None:
                problems.add(
                    origin.path,
                    origin.line(*("readings", reading_id)),
                    f"unknown reading '{reading_id}'{closest(reading_id, library.readings)}. Use the file name of a reading in the readings folder, without .md.",
                )
                continue
            _check_reading(paths, library, linker, reading, wanted, origin, problems)
    return problems.problems


def _check_counts(expected: Expectations, library: Library, origin: Origin, problems: ProblemList) -> None:
    have = {
        "terms": len(library.terms),
        "actors": len(library.actors),
        "events": len(library.events),
        "questions": len(library.questions),
        "annotations": len(library.annotations),
        "readings": len(library.readings),
    }
    for kind, count in have.items():
        minimum = getattr(expected.at_least, kind)
        if minimum is not None and count < minimum:
            problems.add(
                origin.path,
                origin.line(*("at_least", kind)),
                f"the unit should have at least {minimum} {kind}, but it has {count}. Add {kind}, or lower the number in 'at_least'.",
            )
    phases = {question.phase for question in library.questions}
    for index, phase in enumerate(expected.question_phases):
        if phase not in phases:
            problems.add(
                origin.path,
                origin.line(*("question_phases", index)),
                f"no question has the phase '{phase}'. Add one to questions.yml, or remove '{phase}' from 'question_phases'.",
            )


def _check_timeline(expected: Expectations, library: Library, origin: Origin, problems: ProblemList) -> None:
    for key, event in (("first_year", library.events[:1]), ("last_year", library.events[-1:])):
        year = getattr(expected.timeline, key)
        if year is None:
            continue
        line = origin.line(*("timeline", key))
        if not event:
            problems.add(origin.path, line, f"the timeline should reach {year}, but it has no events. Add events, or remove '{key}'.")
        elif event[0].date.year != year:
            which = "earliest" if key == "first_year" else "latest"
            problems.add(
                origin.path,
                line,
                f"the {which} event, '{event[0].id}', is from {event[0].date.year}, not {year}. Fix its date, or change '{key}' to {event[0].date.year}.",
            )


def _check_reading(
    paths: ContentPaths, library: Library, linker: Linker, reading: Reading, wanted: ReadingExpectations, origin: Origin, problems: ProblemList
) -> None:
    base = ("readings", reading.id)
    if wanted.paragraphs is not None and len(reading.paragraphs) != wanted.paragraphs:
        problems.add(
            origin.path,
            origin.line(*(*base, "paragraphs")),
            f"the reading '{reading.id}' has {len(reading.paragraphs)} paragraphs, not {wanted.paragraphs}. "
            "Check the blank lines between paragraphs, or change the number.",
        )
    if wanted.text is not None:
        _check_text(paths, reading, wanted.text, origin, problems)
    matches = {paragraph.number: linker.find(paragraph.text) for paragraph in reading.paragraphs}
    for entry_id, phrases in wanted.linked.items():
        line = origin.line(*(*base, "linked", entry_id))
        if entry_id not in library.terms and entry_id not in library.actors:
            known = [*library.terms, *library.actors]
            problems.add(origin.path, line, f"unknown term or actor '{entry_id}'{closest(entry_id, known)}. Use the id of an existing term or actor.")
            continue
        linked = {paragraph.text[m.start : m.end] for paragraph in reading.paragraphs for m in matches[paragraph.number] if m.target_id == entry_id}
        unlinked = [phrase for phrase in phrases if phrase not in linked]
        for index, phrase in enumerate(phrases):
            if phrase in unlinked:
                problems.add(
                    origin.path,
                    origin.line(*(*base, "linked", entry_id, index)),
                    f"'{phrase}' in the reading '{reading.id}' does not link to '{entry_id}'. "
                    "Copy the words exactly from the reading, or add them to the entry's aliases.",
                )
        for number, name in _unlinked_mentions(library, reading, entry_id, matches):
            if name in unlinked:
                continue  # already reported as a phrase that does not link
            problems.add(
                origin.path,
                line,
                f"'{name}' in paragraph {number} of '{reading.id}' does not link to '{entry_id}': another entry or the letter case wins. "
                "Adjust the aliases so every mention links.",
            )


def _unlinked_mentions(library: Library, reading: Reading, entry_id: str, matches: dict[int, list[Match]]) -> list[tuple[int, str]]:
    """(paragraph, name) for each place a name of the entry appears, as written, without linking to it."""
    missed = []
    for paragraph in reading.paragraphs:
        text = fold(paragraph.text, lower=False)
        spans = [(m.start, m.end) for m in matches[paragraph.number] if m.target_id == entry_id]
        for name in library.entry(entry_id).names:
            for found in re.finditer(rf"(?<!\w){re.escape(fold(name, lower=False))}(?!\w)", text):
                if not any(start <= found.start() and found.end() <= end for start, end in spans):
                    missed.append((paragraph.number, name))
    return missed


def _check_text(paths: ContentPaths, reading: Reading, text_path: str, origin: Origin, problems: ProblemList) -> None:
    """The reading's paragraphs and byline have the words of the file, in order (markup and line breaks aside)."""
    line = origin.line(*("readings", reading.id, "text"))
    source = paths.root / text_path
    if not source.is_file():
        problems.add(origin.path, line, f"the file '{text_path}' does not exist. Give its path from the project folder.")
        return
    original, found = read_text(source, paths.display(source))
    problems.extend(found)
    if original is None:
        return
    words = re.sub(r"<[^>]*>", " ", original).split()
    own = " ".join([*(paragraph.text for paragraph in reading.paragraphs), reading.meta.byline or ""]).split()
    if words == own:
        return
    at = next((index for index, pair in enumerate(zip(words, own, strict=False)) if pair[0] != pair[1]), min(len(words), len(own)))
    theirs = " ".join(words[at : at + 6]) or "(the end)"
    ours = " ".join(own[at : at + 6]) or "(the end)"
    problems.add(
        origin.path,
        line,
        f"the reading '{reading.id}' differs from '{text_path}' at word {at + 1}: the file has '{theirs}', the reading '{ours}'. "
        "Copy the text again from the file.",
    )
