"""Write a new, commented content file with every field ready to fill in: `python -m build_tools new term ID`.

Terms, actors and events are YAML files in the content folder; a reading is a Markdown file in
the readings folder, its front matter ready to fill in and its text to paste below.

The blanks are deliberate: until a teacher fills them in, the build reports each one as
"'title' is empty", so an unfinished entry can never be published by accident. Each comment is the
field's description from the model (see `fielddocs`); only the order of the fields and the shape of
each blank (a text block, a list, a switch to uncomment) are decided here.
"""

from __future__ import annotations

import re
import textwrap
from types import UnionType
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from .fielddocs import field_doc, lower_first
from .load import ContentPaths
from .model import ID_PATTERN, Actor, Event, Markdown, ReadingMeta, Source, Term
from .reading_kinds import kinds_needing
from .text import slugify

__all__ = ["KINDS", "write_new_entry"]

KINDS = {"term": "terms", "actor": "actors", "event": "events", "reading": "readings"}
"""Kind of entry → its folder (inside the content folder; for readings, inside the docs folder)."""

_DATE_PREFIX = re.compile(r"^(\d{4}(?:-\d{2}(?:-\d{2})?)?)-")
_WIDTH = 110
"""Comment lines wrap before this column."""

_LAYOUTS: dict[str, tuple[type[BaseModel], tuple[str, ...]]] = {
    "term": (Term, ("title", "aliases", "short", "explanation", "related", "case_sensitive", "plurals", "readings", "disagreements", "sources")),
    "actor": (
        Actor,
        (
            *("name", "kind", "aliases", "native_name", "native_language", "short", "role", "interests", "explanation", "relationships", "related"),
            *("case_sensitive", "plurals", "readings", "disagreements", "sources"),
        ),
    ),
    "event": (Event, ("date", "end_date", "title", "description", "actors", "terms", "paragraphs", "readings", "disagreements", "sources")),
    "reading": (
        ReadingMeta,
        ("title", "author", "author_role", "date", "date_note", "url", "kind", "publisher", "place", "occasion", "recipient", "byline", "credit"),
    ),
}
"""Kind → its model and the order its fields are written in. What each field means comes from the model."""

def write_new_entry(paths: ContentPaths, kind: str, entry_id: str) -> str:
    """Write `<content>/<kind>s/<entry_id>.yml` with every field blank and explained.

    Args:
        paths: where the project keeps its content.
        kind: `term`, `actor` or `event`.
        entry_id: the new id, which is also the file name (for events, `YYYY-MM-DD-<slug>` by convention).

    Returns:
        The path written, as shown in messages.

    Raises:
        ValueError: the kind or the id is not valid.
        FileExistsError: a term, actor or event already uses the id.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown kind '{kind}'. Use one of: {', '.join(KINDS)}.")
    if not re.match(ID_PATTERN, entry_id):
        suggestion = slugify(entry_id)
        like = f"'{suggestion}'" if suggestion else "'new-term'"
        raise ValueError(f"'{entry_id}' is not a valid id. Ids use lowercase letters, digits and hyphens, like {like}.")
    candidates = [paths.content / folder / f"{entry_id}{suffix}" for folder in ("terms", "actors", "events") for suffix in (".yml", ".yaml")]
    for existing in [*candidates, paths.readings / f"{entry_id}.md"]:
        if existing.exists() and (kind == "reading") == (existing.suffix == ".md"):
            raise FileExistsError(f"the id '{entry_id}' is already used by {paths.display(existing)}. Choose another id, or edit that file.")
    target = paths.readings / f"{entry_id}.md" if kind == "reading" else paths.content / KINDS[kind] / f"{entry_id}.yml"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(_render(kind, entry_id), encoding="utf-8")
    return paths.display(target)


def _render(kind: str, entry_id: str) -> str:
    model, layout = _LAYOUTS[kind]
    date = _DATE_PREFIX.match(entry_id)
    prefill = {"date": date.group(1)} if kind == "event" and date else {}
    body = "".join(_field(model, name, prefill.get(name), nested=kind != "reading") for name in layout)
    if kind == "reading":
        return (
            "---\n"
            f"# A new reading; its id is the file name, '{entry_id}'. Fill in the fields (the build lists those still empty), paste\n"
            "# the text below the second '---', one blank line between paragraphs, and add the reading to 'nav:' in mkdocs.yml.\n"
            f"{body}---\n\n"
        )
    header = (
        f"# yaml-language-server: $schema=../../schemas/{kind}.schema.json\n"
        f"# A new {kind}. Its id is the file name: '{entry_id}'.\n"
        "# Fill in every field that is not marked optional; the build lists the ones still empty.\n"
        "# glossary/README.md lists every field, and the teacher guide (docs/teachers/guide.md) has examples.\n\n"
    )
    return header + body


def _field(model: type[BaseModel], name: str, value: str | None, *, nested: bool) -> str:
    """One field: its description as a comment, then the key with a blank (or commented-out) value to fill in."""
    field = model.model_fields[name]
    text = field_doc(field)
    if not field.is_required():
        needing = kinds_needing(name) if model is ReadingMeta else []
        text = f"Needed for {', '.join(needing)}: {lower_first(text)}" if needing else f"Optional: {lower_first(text)}"
    shape = _shape(field)
    if shape == "block":
        text += f" Write it on the lines below '{name}: |', indented by two spaces."
    elif shape == "folded":
        text += f" Write it on the lines below '{name}: >-', indented by two spaces."
    elif shape == "optional-text" and _is_markdown(field):
        text += " To write it, replace the empty value with '|' and write below it, indented by two spaces."
    lines = _comment(text)
    if name == "sources" and nested:
        return lines + "sources:\n" + _source_block()
    blank = {
        "block": f"{name}: |\n\n",
        "folded": f"{name}: >-\n\n",
        "items": f"{name}:\n  -\n",
        "empty-list": f"{name}: []\n",
        "empty-map": f"{name}: {{}}\n",
        "switch": f"# {name}: {_switched(field)}\n",
    }.get(shape, f"{name}:{f' {value}' if value else ''}\n")
    return lines + blank


def _source_block() -> str:
    """One source, each of its keys under its own description (indented inside the list item)."""
    lines = []
    for index, (name, field) in enumerate(Source.model_fields.items()):
        doc = field_doc(field) if field.is_required() else f"Optional: {lower_first(field_doc(field))}"
        lines += [f"    {line}" if index else f"  {line}" for line in _comment(doc, indent=4).splitlines()]
        lines.append(f"  - {name}:" if index == 0 else f"    {name}:")
    return "\n".join(lines) + "\n"


def _shape(field: FieldInfo) -> str:
    """How a blank of this field is written, from its type: a text block, a list, a switch to uncomment..."""
    annotation = field.annotation
    origin = get_origin(annotation)
    if annotation is bool or (origin in (Union, UnionType) and bool in get_args(annotation)):
        return "switch"
    if origin is list:
        return "items" if field.is_required() and not _holds_models(annotation) else "empty-list"
    if origin is dict:
        return "empty-map"
    if annotation is str and field.is_required():
        if _is_markdown(field):
            return "block"
        if any(getattr(rule, "max_length", None) for rule in field.metadata):
            return "folded"
    if not field.is_required() and field.default is None:
        return "optional-text"
    return "text"


def _holds_models(annotation: Any) -> bool:
    return any(isinstance(argument, type) and issubclass(argument, BaseModel) for argument in get_args(annotation))


def _is_markdown(field: FieldInfo) -> bool:
    """Whether the field takes Markdown: its type is the model's `Markdown` (found by its validator)."""
    markdown = get_args(Markdown)[2]
    return any(rule == markdown for rule in field.metadata) or any(
        getattr(argument, "__metadata__", ()) and markdown in argument.__metadata__ for argument in get_args(field.annotation)
    )


def _switched(field: FieldInfo) -> str:
    """The value that changes the default of a true/false field, ready to uncomment."""
    return "false" if field.default is True else "true"


def _comment(text: str, indent: int = 0) -> str:
    return "".join(f"# {line}\n" for line in textwrap.wrap(text, width=_WIDTH - indent - 2, break_on_hyphens=False, break_long_words=False))
