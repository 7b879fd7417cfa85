"""Turn what was read into typed models, reporting every problem with its file and line.

Each pydantic error becomes one sentence for a teacher: what is wrong, where, and how to fix it.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .errors import ProblemList, closest
from .fielddocs import field_hint
from .load import RawContent, RawReading
from .model import (
    ID_PATTERN,
    Actor,
    Annotation,
    Camp,
    Era,
    Event,
    Located,
    Paragraph,
    Place,
    Publisher,
    Question,
    Reading,
    ReadingMeta,
    Term,
    unsafe_html,
    unsafe_links,
)
from .text import slugify
from .yamlfile import Location, YamlFile

__all__ = ["ValidatedContent", "validate_content", "validate_model"]

ModelT = TypeVar("ModelT", bound=BaseModel)


class ValidatedContent:
    """Typed models per kind, each knowing where it was written (its `origin`), for the cross-checks that follow."""

    def __init__(self) -> None:
        self.terms: list[Term] = []
        self.actors: list[Actor] = []
        self.events: list[Event] = []
        self.places: list[Place] = []
        self.basemap: object = None
        """Parsed JSON of the locator map's outlines, checked when the library is built."""
        self.questions: list[Question] = []
        self.annotations: list[Annotation] = []
        self.eras: list[Era] = []
        self.camps: list[Camp] = []
        self.readings: list[Reading] = []
        self.publishers: list[Publisher] = []
        self.publishers_path: str | None = None
        """The publishers file, for messages; None when the project has none: then sources are not checked against it."""
        self.publisher_names: set[str] = set()
        """Every name the publishers file lists, valid entry or not: citing one whose entry is invalid is not a second mistake."""
        self.broken_ids: set[str] = set()
        """Ids of files that exist but could not be read or validated: references to them are not reported again."""


def validate_content(raw: RawContent, problems: ProblemList) -> ValidatedContent:
    """Validate each file on its own; cross-references are checked afterwards, in `crossref`."""
    result = ValidatedContent()
    result.terms = _validate_entry_files(raw.terms, Term, problems)
    result.actors = _validate_entry_files(raw.actors, Actor, problems)
    result.events = _validate_entry_files(raw.events, Event, problems)
    result.places = _validate_entry_files(raw.places, Place, problems)
    result.basemap = raw.basemap
    if raw.questions is not None:
        result.questions = _validate_list_file(raw.questions, Question, problems)
    if raw.annotations is not None:
        result.annotations = _validate_list_file(raw.annotations, Annotation, problems)
    if raw.publishers is not None and isinstance(raw.publishers.data, list):
        result.publishers = _validate_list_file(raw.publishers, Publisher, problems)
        result.publishers_path = raw.publishers.path
        result.publisher_names = {str(item["name"]) for item in raw.publishers.data if isinstance(item, dict) and "name" in item}
    elif raw.publishers is not None:
        _validate_list_file(raw.publishers, Publisher, problems)
    if raw.eras is not None:
        result.eras = _validate_list_file(raw.eras, Era, problems)
    if raw.camps is not None:
        result.camps = _validate_list_file(raw.camps, Camp, problems)
    for reading in raw.readings:
        parsed = _validate_reading(reading, problems)
        if parsed is not None:
            result.readings.append(parsed)
    # One mistake, one message: a broken file's id still exists for the files that refer to it.
    unreadable = (PurePosixPath(problem.path) for problem in raw.problems)
    result.broken_ids = {path.stem for path in unreadable if path.parent.name in ("terms", "actors", "events") or path.suffix == ".md"}
    kinds: list[tuple[list[YamlFile], list[Term] | list[Actor] | list[Event]]] = [(raw.terms, result.terms), (raw.actors, result.actors), (raw.events, result.events)]
    for files, valid in kinds:
        result.broken_ids |= {_stem(file) for file in files} - {item.id for item in valid}
    result.broken_ids |= {reading.id for reading in raw.readings} - {reading.id for reading in result.readings}
    return result


def _stem(file: YamlFile) -> str:
    """`PurePosixPath(file.path).stem`, read off the string: a path object per file costs more than the rest of this check.

    `file.path` always ends in a file's own name (never `/`, `.` or `..`), where both agree.
    """
    name = file.path.rpartition("/")[2]
    dot = name.rfind(".")
    return name[:dot] if 0 < dot < len(name) - 1 else name


def _validate_entry_files(files: list[YamlFile], model: type[ModelT], problems: ProblemList) -> list[ModelT]:
    found = []
    for file in files:
        entry = _validate_entry_file(file, model, problems)
        if entry is not None:
            found.append(entry)
    return found


def _validate_entry_file(file: YamlFile, model: type[ModelT], problems: ProblemList) -> ModelT | None:
    if not isinstance(file.data, dict):
        problems.add(file.path, 1, f"the file must hold keys and values (like 'title: ...'), not {_kind_of(file.data)}.")
        return None
    stem = _stem(file)
    if "id" in file.data:
        problems.add(file.path, file.line_of(("id",)), f"remove 'id': the file name is the id ('{stem}').")
        return None
    if not re.match(ID_PATTERN, stem):
        suggestion = slugify(stem) or "new-entry"
        problems.add(file.path, 1, f"the file name '{stem}' is not a valid id. Rename the file to '{suggestion}.yml': lowercase letters, digits and hyphens.")
        return None
    if stem == "index":
        problems.add(file.path, 1, "the file name 'index' is taken by the list page of this folder. Rename the file to a more specific id, like 'price-index.yml'.")
        return None
    return validate_model(model, {**file.data, "id": stem}, file, (), problems)


def _validate_list_file(file: YamlFile, model: type[ModelT], problems: ProblemList) -> list[ModelT]:
    if not isinstance(file.data, list):
        problems.add(file.path, 1, f"the file must be a list of entries, each starting with '- ', not {_kind_of(file.data)}.")
        return []
    found = []
    for index, item in enumerate(file.data):
        location: Location = (index,)
        if not isinstance(item, dict):
            problems.add(file.path, file.line_of(location), f"entry {index + 1} must hold keys and values, not {_kind_of(item)}.")
            continue
        parsed = validate_model(model, item, file, location, problems)
        if parsed is not None:
            found.append(parsed)
    return found


def _validate_reading(raw: RawReading, problems: ProblemList) -> Reading | None:
    if raw.front_matter is None:
        return None
    if not isinstance(raw.front_matter.data, dict):
        problems.add(raw.display_path, 2, "the front matter must hold keys and values (like 'title: ...').")
        return None
    meta = validate_model(ReadingMeta, raw.front_matter.data, raw.front_matter, (), problems)
    _check_reading_body(raw, problems)
    # A line of spaces is a blank line, as in Markdown: it separates paragraphs.
    blocks = [block.strip() for block in re.split(r"\n[ \t]*\n", raw.body)]
    paragraphs = tuple(Paragraph(number, " ".join(block.split("\n"))) for number, block in enumerate((b for b in blocks if b), start=1))
    if not paragraphs:
        problems.add(raw.display_path, raw.body_first_line, "the reading has no paragraphs. Paste its text below the front matter, one blank line between paragraphs.")
    if meta is None or not paragraphs:
        return None
    return Reading(id=raw.id, src_uri=raw.src_uri, meta=meta, paragraphs=paragraphs)


def _check_reading_body(raw: RawReading, problems: ProblemList) -> None:
    """Readings are pasted from other sites: report what would run script, at its line (the sanitizer removes it too)."""

    def line(offset: int) -> int:
        return raw.body_first_line + raw.body.count("\n", 0, offset)

    for offset, target in unsafe_links(raw.body):
        problems.add(raw.display_path, line(offset), f"the reading has a link to '{target}'; links must start with https://, or point to a page of this site. Fix or remove the link.")
    for offset, found in unsafe_html(raw.body):
        problems.add(raw.display_path, line(offset), f"the reading holds HTML that runs script ('{found.strip()}'). Delete it: a reading is text, and the page would drop it anyway.")


def validate_model(model: type[ModelT], data: dict[str, Any], file: YamlFile, base: Location, problems: ProblemList) -> ModelT | None:
    """Validate `data` as `model`; add one problem per error, at the line of the offending key.

    A valid item is handed its origin (its file and the line of each field, see `Origin`), so no later
    stage needs the YAML file to report on it.
    """
    try:
        parsed = model.model_validate(data)
    except ValidationError as error:
        details = error.errors()
        for detail in details:
            if detail["type"] == "missing" and _misspelled(model, detail["loc"], details):
                continue
            location = (*base, *detail["loc"])
            problems.add(file.path, file.line_of(location), _message(model, detail, data))
        return None
    if isinstance(parsed, Located):
        parsed.locate(file.origin(base))
    return parsed


def _misspelled(model: type[BaseModel], missing: tuple[Any, ...], details: list[Any]) -> bool:
    """Whether an unknown key beside the missing one is its misspelling (one mistake, one message)."""
    for detail in details:
        loc = detail["loc"]
        if detail["type"] == "extra_forbidden" and loc[:-1] == missing[:-1]:
            if closest(str(loc[-1]), _allowed_keys(model, loc)) == f" (did you mean '{missing[-1]}'?)":
                return True
    return False


def _message(model: type[BaseModel], detail: Any, data: dict[str, Any]) -> str:
    loc = detail["loc"]
    kind = detail["type"]
    name = next((str(part) for part in reversed(loc) if isinstance(part, str)), "value")
    where = _describe(loc)
    value = detail.get("input")
    hint = _hint(model, loc)
    if kind == "missing":
        return f"'{name}' is missing{where}. Add '{name}:'" + (f" with {hint}." if hint else ".")
    if value is None or (isinstance(value, (str, list)) and not value and kind != "too_short") or kind == "string_too_short":
        return f"'{name}' is empty{where}. Fill in {hint}." if hint else f"'{name}' is empty{where}. Fill it in, or delete the line."
    if kind == "extra_forbidden":
        allowed = _allowed_keys(model, loc)
        return f"unknown key '{name}'{where}{closest(name, allowed)}. Allowed keys: {', '.join(allowed)}."
    if kind in ("literal_error", "enum"):
        expected = detail.get("ctx", {}).get("expected", "")
        options = [option.strip(" '") for option in expected.replace(" or ", ", ").split(",") if option.strip()]
        return f"'{value}' is not a valid '{name}'{closest(str(value), options)}. Use one of: {', '.join(options)}."
    if kind == "string_pattern_mismatch":
        return f"'{value}' is not a valid id{where}. Ids use lowercase letters, digits and hyphens, like 'new-term'."
    if kind in ("too_short",) and isinstance(value, list):
        return f"'{name}' is empty{where}. Add {hint or 'at least one item'}."
    if kind == "string_too_long":
        limit = detail.get("ctx", {}).get("max_length")
        return f"'{name}' is {len(str(value))} characters{where}; keep it under {limit}. Move detail to 'explanation'."
    if kind.endswith("_type") or kind in ("bool_parsing", "int_parsing"):
        quote_it = " Put it in double quotes to use it as text." if kind == "string_type" and isinstance(value, (int, float, bool)) else ""
        return f"'{name}'{where} must be {_expected(kind)}, not {_kind_of(value)}.{quote_it}"
    if kind == "greater_than_equal" and "paragraphs" in loc:
        return f"'paragraphs' for '{name}'{where} has {value}; paragraph numbers start at 1. Use the numbers in the reading's margin."
    if kind in ("value_error", "date", "greater_than_equal"):
        message = str(detail["msg"]).removeprefix("Value error, ")
        return f"'{name}'{where}: {message}." if message.startswith("'") else f"'{name}'{where} {message}."
    return f"'{name}'{where}: {detail['msg']}."


def _describe(loc: tuple[Any, ...]) -> str:
    """` in sources 2` for nested places; empty at the top level of a file."""
    parts = []
    for index, part in enumerate(loc[:-1]):
        if isinstance(part, int) and index > 0:
            parts.append(f"{loc[index - 1]} {part + 1}")
    return f" in {', '.join(parts)}" if parts else ""


def _owner(model: type[BaseModel], loc: tuple[Any, ...]) -> Any:
    """The model class that holds the last key of `loc` (a source's 'title' is held by `Source`)."""
    current: Any = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        annotation = current.model_fields[part].annotation if part in getattr(current, "model_fields", {}) else None
        args = getattr(annotation, "__args__", ())
        current = next((arg for arg in (annotation, *args) if isinstance(arg, type) and issubclass(arg, BaseModel)), current)
    return current


def _allowed_keys(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    current = _owner(model, loc)
    return [key for key in current.model_fields if key != "id" or not getattr(current, "id_from_file_name", False)]


def _hint(model: type[BaseModel], loc: tuple[Any, ...]) -> str:
    """What the field at `loc` holds, in words: its model's description, with its allowed values."""
    keys = [part for part in loc if isinstance(part, str)]
    return field_hint(_owner(model, loc), keys[-1]) if keys else ""


def _expected(kind: str) -> str:
    return {
        "string_type": "text",
        "list_type": "a list (items on lines starting with '- ', or [a, b])",
        "dict_type": "keys and values",
        "bool_type": "true or false",
        "bool_parsing": "true or false",
        "int_type": "a whole number",
        "int_parsing": "a whole number",
        "model_type": "keys and values",
    }.get(kind, kind.removesuffix("_type"))


def _kind_of(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"'{str(value).lower()}'"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "keys and values"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    return f"the text '{value}'"
