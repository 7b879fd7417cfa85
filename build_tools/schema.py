"""JSON Schemas of the content files, generated from the model so editors can complete and check fields.

VS Code's YAML extension reads them through `.vscode/settings.json` and through the
`# yaml-language-server: $schema=...` line at the top of scaffolded files. The build itself never
uses them: pydantic validates, with messages written for teachers.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from .classroom_model import GistsFile, LessonPlan, SelfCheckQuestion
from .expectations import Expectations
from .model import Actor, Annotation, Camp, Era, Event, Place, Publisher, Question, ReadingMeta, Term

__all__ = ["SCHEMAS", "generate_schemas", "write_schemas"]

_DIALECT = "http://json-schema.org/draft-07/schema#"
"""Draft 7: the newest draft every YAML editor plugin reads; `$defs` references resolve as plain JSON pointers."""

SCHEMAS: dict[str, tuple[Any, str]] = {
    "term": (Term, "A glossary term: glossary/terms/<id>.yml"),
    "actor": (Actor, "A person, group or state: glossary/actors/<id>.yml"),
    "event": (Event, "A timeline event: glossary/events/<date>-<slug>.yml"),
    "place": (Place, "A place on the locator map: glossary/places/<id>.yml"),
    "questions": (list[Question], "Discussion questions, in order: glossary/questions.yml"),
    "annotations": (list[Annotation], "Notes on the readings: glossary/annotations.yml"),
    "publishers": (list[Publisher], "Who publishes the sources, and who owns or funds them: glossary/publishers.yml"),
    "eras": (list[Era], "Eras of the timeline, oldest first: glossary/eras.yml"),
    "camps": (list[Camp], "Sides in the story, for the who-backs-whom diagram: glossary/camps.yml"),
    "self-check": (list[SelfCheckQuestion], "Comprehension questions for the self-check: glossary/self-check.yml"),
    "gists": (GistsFile, "A plain-language gist of each paragraph: glossary/gists.yml"),
    "lesson": (LessonPlan, "The lesson plan, first page of the teacher edition: glossary/lesson.yml"),
    "expectations": (Expectations, "What this unit promises, checked by 'make check': glossary/expectations.yml"),
    "reading": (ReadingMeta, "Front matter of a reading: docs/readings/<id>.md"),
}
"""File stem (`<stem>.schema.json`) → the type the file holds, and a title naming the files it describes."""


def generate_schemas() -> dict[str, str]:
    """The text of every schema file, keyed by file name."""
    texts = {}
    for stem, (kind, title) in SCHEMAS.items():
        schema = _schema(kind, title)
        texts[f"{stem}.schema.json"] = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
    return texts


def write_schemas(folder: Path) -> list[Path]:
    """Write every schema into `folder` (created if needed) and return the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in generate_schemas().items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def _schema(kind: Any, title: str) -> dict[str, Any]:
    # Each field's `description` comes from its model, the one place a field is documented.
    generated = TypeAdapter(kind).json_schema(mode="validation")
    if getattr(kind, "id_from_file_name", False):
        generated["properties"].pop("id")
        generated["required"].remove("id")
    generated.pop("title", None)
    return {"$schema": _DIALECT, "title": title, **generated}
