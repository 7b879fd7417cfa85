"""The committed JSON Schemas match the model, and editors are told which files they describe."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from build_tools.classroom_model import LessonPhase
from build_tools.load import ContentPaths
from build_tools.model import Term
from build_tools.scaffold import write_new_entry
from build_tools.schema import generate_schemas, write_schemas
from conftest import MINI, ROOT, SUFFRAGE

SCHEMAS = ROOT / "schemas"
GLOBS = {
    "term": "glossary/terms/*.yml",
    "actor": "glossary/actors/*.yml",
    "event": "glossary/events/*.yml",
    "place": "glossary/places/*.yml",
    "questions": "glossary/questions.yml",
    "annotations": "glossary/annotations.yml",
    "publishers": "glossary/publishers.yml",
    "eras": "glossary/eras.yml",
    "camps": "glossary/camps.yml",
    "self-check": "glossary/self-check.yml",
    "gists": "glossary/gists.yml",
    "lesson": "glossary/lesson.yml",
    "expectations": "glossary/expectations.yml",
}


def test_committed_schemas_are_up_to_date() -> None:
    generated = generate_schemas()
    committed = {path.name: path.read_text(encoding="utf-8") for path in SCHEMAS.glob("*.json")}
    assert sorted(committed) == sorted(generated), "run 'make schemas' and commit schemas/"
    for name, text in generated.items():
        assert committed[name] == text, f"schemas/{name} is out of date: run 'make schemas' and commit it"


def test_write_schemas(tmp_path: Path) -> None:
    written = write_schemas(tmp_path / "out")
    assert sorted(path.name for path in written) == sorted(generate_schemas())
    assert all(path.read_text(encoding="utf-8") == generate_schemas()[path.name] for path in written)


@pytest.mark.parametrize("kind", ["term", "actor", "event"])
def test_id_comes_from_the_file_name(kind: str) -> None:
    schema = json.loads(generate_schemas()[f"{kind}.schema.json"])
    assert "id" not in schema["properties"]
    assert "id" not in schema["required"]
    assert schema["additionalProperties"] is False
    assert "sources" in schema["required"]


def test_lists_and_reading() -> None:
    schemas = {name: json.loads(text) for name, text in generate_schemas().items()}
    assert schemas["questions.schema.json"]["type"] == "array"
    question = schemas["questions.schema.json"]["$defs"]["Question"]
    assert {"id", "teacher_notes"} <= set(question["required"])
    assert schemas["annotations.schema.json"]["items"] == {"$ref": "#/$defs/Annotation"}
    assert set(schemas["reading.schema.json"]["required"]) == {"title", "author", "author_role", "date", "url", "kind"}


def test_fields_carry_the_descriptions_of_the_model() -> None:
    term = json.loads(generate_schemas()["term.schema.json"])
    assert term["properties"]["short"]["description"] == Term.model_fields["short"].description
    assert term["$defs"]["Source"]["properties"]["title"]["description"] == "The title of the article or page, as published."
    lesson = json.loads(generate_schemas()["lesson.schema.json"])
    assert lesson["$defs"]["LessonPhase"]["properties"]["minutes"]["description"] == LessonPhase.model_fields["minutes"].description


def _properties(schema: Any) -> list[tuple[str, Any]]:
    """Every (name, property) of a schema and of its definitions."""
    found = list(schema.get("properties", {}).items())
    for definition in schema.get("$defs", {}).values():
        found += _properties(definition)
    return found


@pytest.mark.parametrize("name", sorted(generate_schemas()))
def test_every_field_is_described_for_editors(name: str) -> None:
    schema = json.loads(generate_schemas()[name])
    assert schema["title"]
    undocumented = [key for key, field in _properties(schema) if not str(field.get("description", "")).endswith(".")]
    assert undocumented == []


def test_vscode_settings_map_every_schema() -> None:
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    mapping = settings["yaml.schemas"]
    assert mapping == {f"./schemas/{kind}.schema.json": [glob] for kind, glob in GLOBS.items()}
    for kind, glob in GLOBS.items():
        assert (SCHEMAS / f"{kind}.schema.json").is_file()
        assert list(SUFFRAGE.glob(glob)) or list(ROOT.glob(glob)), f"'{glob}' matches no file of a complete unit"


def _content_files(project: Path) -> list[tuple[str, Path]]:
    files = [(kind, path) for kind, glob in GLOBS.items() for path in sorted(project.glob(glob))]
    return files + [("reading", path) for path in sorted((project / "docs" / "readings").glob("*.md"))]


def _as_editor_reads_it(path: Path) -> Any:
    """YAML as an editor sees it (YAML 1.2: dates are strings); for readings, the front matter."""
    text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text.split("---\n")[1] if path.suffix == ".md" else text)
    return _dates_as_text(data)


def _dates_as_text(value: Any) -> Any:
    if isinstance(value, dict):
        # An editor reads every key as text: a gist's paragraph number too.
        return {str(key): _dates_as_text(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_dates_as_text(item) for item in value]
    return value.isoformat() if isinstance(value, datetime.date) else value


@pytest.mark.parametrize("project", [pytest.param(ROOT, marks=pytest.mark.content), MINI, SUFFRAGE], ids=["real", "mini", "suffrage"])
def test_real_content_passes_the_schemas(project: Path) -> None:
    schemas = {name.removesuffix(".schema.json"): json.loads(text) for name, text in generate_schemas().items()}
    failures = []
    for kind, path in _content_files(project):
        for error in jsonschema.Draft7Validator(schemas[kind]).iter_errors(_as_editor_reads_it(path)):
            failures.append(f"{path.relative_to(project)}: {list(error.path)}: {error.message}")
    assert failures == []


def test_scaffolded_blanks_are_flagged_by_the_schema(tmp_path: Path) -> None:
    written = write_new_entry(ContentPaths(tmp_path), "term", "beacon")
    schema = json.loads(generate_schemas()["term.schema.json"])
    errors = {tuple(error.path) for error in jsonschema.Draft7Validator(schema).iter_errors(_as_editor_reads_it(tmp_path / written))}
    assert {("title",), ("short",), ("explanation",), ("sources", 0, "url")} <= errors
