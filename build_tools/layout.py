"""Where each generated page lives in the docs tree; the one place that decides URLs."""

from __future__ import annotations

from dataclasses import dataclass

from .model import Actor, Place, Term

__all__ = ["Layout"]


@dataclass(frozen=True)
class Layout:
    """Paths of generated pages, relative to the docs folder."""

    glossary_dir: str = "glossary"
    actors_dir: str = "actors"
    places_dir: str = "places"
    timeline: str = "timeline.md"
    questions: str = "questions.md"
    self_check: str = "self-check.md"
    worksheets_dir: str = "worksheets"
    lesson_plan: str = "teachers/lesson-plan.md"
    """Generated in the teacher edition only."""
    home: str = "index.md"
    """The page that lists the readings (at its `<!-- readings -->` marker, or before its first section)."""

    @property
    def glossary_index(self) -> str:
        return f"{self.glossary_dir}/index.md"

    @property
    def actors_index(self) -> str:
        return f"{self.actors_dir}/index.md"

    @property
    def places_index(self) -> str:
        return f"{self.places_dir}/index.md"

    def place_uri(self, place: Place) -> str:
        return f"{self.places_dir}/{place.id}.md"
    def worksheet(self, phase: str) -> str:
        """The printable worksheet of one phase: before, during or after reading."""
        return f"{self.worksheets_dir}/{phase}.md"

    def entry_uri(self, entry: Term | Actor) -> str:
        folder = self.glossary_dir if isinstance(entry, Term) else self.actors_dir
        return f"{folder}/{entry.id}.md"

    @staticmethod
    def event_anchor(event_id: str) -> str:
        return f"event-{event_id}"

    @staticmethod
    def question_anchor(question_id: str) -> str:
        return f"q-{question_id}"

    @staticmethod
    def index_anchor(entry: Term | Actor) -> str:
        """The section of its index page an entry is listed in: its first letter, or its kind for actors."""
        if isinstance(entry, Term):
            letter = entry.title[:1].upper()
            return f"letter-{letter.lower()}" if letter.isalpha() else "letter-other"
        return f"kind-{entry.kind}"

    def index_uri(self, entry: Term | Actor) -> str:
        """The index page that lists the entry."""
        return self.glossary_index if isinstance(entry, Term) else self.actors_index
