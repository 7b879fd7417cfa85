"""What each field of the content holds, in words for a teacher, read from the models.

A field is documented once, in its model's `Field(description=...)`: a sentence ending in a full
stop. This module turns that sentence into the forms other parts need: the text of the JSON Schemas,
the field tables of the content README and the scaffold comments (`field_doc`), and the phrase an
error message ends with (`field_hint`: "'short' is missing. Add 'short:' with one or two ...").
A field with a fixed set of values gets them appended, so no list of values is written twice.
"""

from __future__ import annotations

from types import NoneType, UnionType
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

__all__ = ["allowed_values", "field_doc", "field_hint", "lower_first", "model_fields", "required_fields"]


def allowed_values(annotation: Any) -> tuple[str, ...]:
    """The values of a `Literal` field (also inside `| None` or a list), in the order written; empty for other fields."""
    origin = get_origin(annotation)
    if origin is Literal:
        return tuple(str(value) for value in get_args(annotation))
    if origin in (Union, UnionType, list):
        for argument in get_args(annotation):
            if argument is not NoneType and (values := allowed_values(argument)):
                return values
    return ()


def field_doc(field: FieldInfo) -> str:
    """The field's description as a sentence, with its allowed values when they are fixed."""
    text = (field.description or "").strip()
    values = allowed_values(field.annotation)
    if values:
        listed = ", ".join(values)
        text = f"{text.rstrip('.')}: one of {listed}." if text else f"One of {listed}."
    return text


def field_hint(model: type[BaseModel], name: str) -> str:
    """The description as a phrase to end a message with ("Fill in <hint>."); empty for an unknown field."""
    field = model_fields(model).get(name)
    if field is None:
        return ""
    return lower_first(field_doc(field).rstrip("."))


def lower_first(text: str) -> str:
    """`text` to follow other words: "The name shown..." becomes "the name shown...", but "YYYY-MM-DD" and "NATO" stay."""
    first = text.split(" ", 1)[0]
    if first[:1].isupper() and (len(first) == 1 or first[1:].islower()):
        return text[0].lower() + text[1:]
    return text


def required_fields(model: type[BaseModel]) -> list[str]:
    """The names of the fields the model cannot do without, in the order declared, for messages that list them."""
    return [name for name, field in model.model_fields.items() if field.is_required()]


def model_fields(model: Any) -> dict[str, FieldInfo]:
    """The fields of a pydantic model class; empty for anything else."""
    return dict(model.model_fields) if isinstance(model, type) and issubclass(model, BaseModel) else {}
