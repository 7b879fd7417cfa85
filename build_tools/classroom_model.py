"""Classroom content the teacher writes beside the readings: self-check questions, gists and the lesson plan.

Only the typed models live here, so the content model can hold them without importing validation.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pydantic import Field

from .model import Id, Markdown, ParagraphRefs, PlainText, _Content

__all__ = ["GIST_GRADE", "GIST_WORDS", "PHASES", "Classroom", "Differentiation", "Gist", "LessonPhase", "LessonPlan", "SelfCheckQuestion"]

GIST_WORDS = 25
"""At most this many words in a gist."""
GIST_GRADE = 7.0
"""Gists above this reading grade get a warning."""
PHASES = ("before", "during", "after")


class SelfCheckQuestion(_Content):
    """A multiple-choice question about the reading's argument, written by the teacher."""

    id: Id = Field(description="a short id of lowercase words and hyphens, unique in the file")
    prompt: PlainText = Field(description="the question students see")
    choices: list[PlainText] = Field(min_length=2, max_length=6, description="two to six possible answers")
    answer: int = Field(ge=1, description="the number of the right choice, counting from 1")
    explanation: Markdown = Field(description="why that answer is right, pointing to the paragraphs")
    paragraphs: ParagraphRefs = Field(min_length=1, description="reading ids with the paragraph numbers the explanation points to")


class LessonPhase(_Content):
    """One part of the lesson: how long it takes and what happens."""

    minutes: int = Field(ge=1, le=240, description="how many minutes this part takes")
    activities: list[Markdown] = Field(min_length=1, description="what the class does, in order")


class Differentiation(_Content):
    """Help for students who need support, and more for those who are ready."""

    support: list[Markdown] = Field(min_length=1, description="ways to support students who find the reading hard")
    extension: list[Markdown] = Field(min_length=1, description="further tasks for students who are ready for more")


class LessonPlan(_Content):
    """The lesson plan: objectives, timings for before, during and after reading, materials, differentiation."""

    title: PlainText = Field(description="the lesson's title")
    reading: Id = Field(description="the id of the reading the lesson is about")
    audience: PlainText = Field(description="who the lesson is for, like 'Ages 14-16, English or history'")
    objectives: list[PlainText] = Field(min_length=1, description="what students will be able to do by the end")
    before: LessonPhase
    during: LessonPhase
    after: LessonPhase
    materials: list[Markdown] = Field(min_length=1, description="what to prepare or print")
    differentiation: Differentiation
    homework: Markdown | None = None


@dataclass(frozen=True)
class Gist:
    """A paragraph's gist: the reading id, the paragraph number and the text."""

    reading: str
    number: int
    text: str
    path: str
    line: int


@dataclass(frozen=True)
class Classroom:
    """Validated classroom content; empty when the files are absent."""

    self_check: tuple[SelfCheckQuestion, ...] = ()
    """In the order the teacher wrote them."""
    gists: dict[tuple[str, int], Gist] = field(default_factory=dict)
    """(reading id, paragraph number) → gist."""
    lesson: LessonPlan | None = None

    def gist(self, reading: str, number: int) -> str | None:
        found = self.gists.get((reading, number))
        return found.text if found else None
