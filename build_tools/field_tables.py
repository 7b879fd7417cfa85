"""The field tables of the content README, generated from the models so they cannot drift from them.

Each table sits between two marker comments, `<!-- fields: term -->` and `<!-- /fields -->`; the rest of
the README (examples, explanations) is written by hand. `python -m build_tools schema` rewrites the
tables with the schemas, and a test fails when the committed README differs from what the models say.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from pydantic.fields import FieldInfo

from .classroom_model import Differentiation, LessonPhase, LessonPlan, SelfCheckQuestion
from .expectations import AtLeast, Expectations, ReadingExpectations, Timeline
from .fielddocs import field_doc, model_fields
from .model import Actor, Annotation, Camp, Disagreement, Era, Event, OtherView, Place, Publisher, Question, ReadingMeta, Relationship, Source, Term
from .reading_kinds import kinds_needing

__all__ = ["FIELD_TABLES", "field_table", "update_field_tables", "write_field_tables"]

FIELD_TABLES: dict[str, Any] = {
    "source": Source,
    "disagreement": Disagreement,
    "other-view": OtherView,
    "term": Term,
    "actor": Actor,
    "relationship": Relationship,
    "event": Event,
    "place": Place,
    "era": Era,
    "camp": Camp,
    "question": Question,
    "publisher": Publisher,
    "annotation": Annotation,
    "self-check": SelfCheckQuestion,
    "lesson": LessonPlan,
    "lesson-phase": LessonPhase,
    "differentiation": Differentiation,
    "expectations": Expectations,
    "at-least": AtLeast,
    "timeline": Timeline,
    "reading-expectations": ReadingExpectations,
    "reading": ReadingMeta,
}
"""Name in the marker comment → the model whose fields the table lists."""

_TABLE = re.compile(r"(<!-- fields: ([a-z-]+) -->\n)(.*?)(<!-- /fields -->)", re.DOTALL)


def field_table(model: Any) -> str:
    """A Markdown table of the model's fields: required ones first, and of those the model's own before shared ones.

    A term's `title` so comes before the `short` it shares with actors, in the order the model declares them.
    """
    own = set(getattr(model, "__annotations__", {}))
    fields = [(name, field) for name, field in model_fields(model).items() if name != "id" or not getattr(model, "id_from_file_name", False)]
    fields.sort(key=lambda item: (not item[1].is_required(), item[0] not in own))
    rows = ["| Field | Required | What it holds |", "| --- | --- | --- |"]
    for name, field in fields:
        rows.append(f"| `{name}` | {_required(model, name, field)} | {field_doc(field).replace('|', '&#124;')} |")
    return "\n".join(rows) + "\n"


def _required(model: Any, name: str, field: FieldInfo) -> str:
    if field.is_required():
        return "yes"
    if model is ReadingMeta and kinds_needing(name):
        return "for " + ", ".join(kinds_needing(name))
    default = field.get_default(call_default_factory=True)
    return f"no (default: {str(default).lower()})" if isinstance(default, bool) else "no"


def update_field_tables(text: str) -> str:
    """`text` with every table between markers rewritten from its model.

    Raises:
        ValueError: a marker names no model.
    """

    def table(match: re.Match[str]) -> str:
        name = match.group(2)
        if name not in FIELD_TABLES:
            raise ValueError(f"'<!-- fields: {name} -->' names no model. Use one of: {', '.join(FIELD_TABLES)}.")
        return f"{match.group(1)}\n{field_table(FIELD_TABLES[name])}\n{match.group(4)}"

    return _TABLE.sub(table, text)


def write_field_tables(path: Path) -> bool:
    """Rewrite the tables of the README at `path`; whether the file changed (False when it does not exist)."""
    if not path.is_file():
        return False
    text = path.read_text(encoding="utf-8")
    updated = update_field_tables(text)
    if updated != text:
        path.write_text(updated, encoding="utf-8")
    return updated != text
