"""Classroom content the teacher writes beside the readings: self-check questions, gists and the lesson plan.

Only the typed models live here, so the content model can hold them without importing validation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated

from pydantic import Field, StringConstraints

from .model import Id, Markdown, ParagraphRefs, PlainText, _Content
from .yamlfile import NO_ORIGIN, Origin

__all__ = ["GIST_GRADE", "GIST_WORDS", "Classroom", "Differentiation", "Gist", "GistsFile", "LessonPhase", "LessonPlan", "SelfCheckQuestion"]

GIST_WORDS = 25
"""At most this many words in a gist."""
GIST_GRADE = 7.0
"""Gists above this reading grade get a warning."""


class SelfCheckQuestion(_Content):
    """A multiple-choice question about the reading's argument, written by the teacher."""

    id: Id = Field(description="A short id of lowercase words and hyphens, unique in the file, like 'real-target'.")
    prompt: PlainText = Field(description="The question students see, in plain text.")
    choices: list[PlainText] = Field(min_length=2, max_length=6, description="Two to six possible answers, one per line starting with '- '.")
    answer: int = Field(ge=1, description="The number of the right choice, counting from 1.")
    explanation: Markdown = Field(description="Why that answer is right, in Markdown, pointing to the paragraphs; shown after answering.")
    paragraphs: ParagraphRefs = Field(
        min_length=1, description="The paragraphs the explanation points to: reading ids with paragraph numbers, like 'reading-id: [4, 5]'."
    )


class LessonPhase(_Content):
    """One part of the lesson: how long it takes and what happens."""

    minutes: int = Field(ge=1, le=240, description="How many minutes this part of the lesson takes.")
    activities: list[Markdown] = Field(min_length=1, description="What the class does, in order, one per line starting with '- '.")


class Differentiation(_Content):
    """Help for students who need support, and more for those who are ready."""

    support: list[Markdown] = Field(min_length=1, description="Ways to support students who find the reading hard, one per line.")
    extension: list[Markdown] = Field(min_length=1, description="Further tasks for students who are ready for more, one per line.")


class LessonPlan(_Content):
    """The lesson plan: objectives, timings for before, during and after reading, materials, differentiation."""

    title: PlainText = Field(description="The lesson's title.")
    reading: Id = Field(description="The id of the reading the lesson is about (its file name in docs/readings, without .md).")
    audience: PlainText = Field(description="Who the lesson is for, like 'Ages 14-16, English or history'.")
    objectives: list[PlainText] = Field(min_length=1, description="What students will be able to do by the end, one per line.")
    before: LessonPhase = Field(description="Before reading: 'minutes' and 'activities'.")
    during: LessonPhase = Field(description="While reading: 'minutes' and 'activities'.")
    after: LessonPhase = Field(description="After reading: 'minutes' and 'activities'.")
    materials: list[Markdown] = Field(min_length=1, description="What to prepare or print, one per line.")
    differentiation: Differentiation = Field(description="Help for students who need it ('support') and more for those who are ready ('extension').")
    homework: Markdown | None = Field(default=None, description="A task for after the lesson, in Markdown.")


GistText = Annotated[PlainText, Field(description=f"The paragraph in plain words: one sentence of at most {GIST_WORDS} words.")]
ParagraphNumber = Annotated[str, StringConstraints(pattern=r"^[1-9][0-9]*$"), Field(description="A paragraph number, as in the reading's margin.")]
GistsFile = Annotated[
    dict[Id, dict[ParagraphNumber, GistText]],
    Field(description="Reading ids, each with its paragraph numbers and their gists, like 'reading-id:' then '  1: The gist.'."),
]
"""What `gists.yml` holds. The file is validated by `classroom`; this type documents it for editors."""


@dataclass(frozen=True)
class Gist:
    """A paragraph's gist: the reading id, the paragraph number, the text and where it was written."""

    reading: str
    number: int
    text: str
    origin: Origin = field(default=NO_ORIGIN, compare=False, repr=False)


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
