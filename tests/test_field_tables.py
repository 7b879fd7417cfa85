"""The field tables of the content README are the models' own descriptions, and fail when they drift."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import BaseModel

from build_tools.field_tables import FIELD_TABLES, field_table, update_field_tables
from build_tools.fielddocs import field_doc, field_hint
from build_tools.model import Actor, Entry, Located, Term
from conftest import ROOT

README = ROOT / "glossary" / "README.md"
CONTENT_MODELS: list[type[BaseModel]] = list(FIELD_TABLES.values())
"""Every model a teacher writes: each one has its table."""


def test_committed_readme_tables_match_the_models() -> None:
    text = README.read_text(encoding="utf-8")
    assert update_field_tables(text) == text, "the field tables in glossary/README.md are out of date: run 'make schemas' and commit it"


def _subclasses(model: type[BaseModel]) -> set[type[BaseModel]]:
    return {sub for child in model.__subclasses__() for sub in {child, *_subclasses(child)}}


def test_every_content_model_has_a_table() -> None:
    shared = {Entry, *(model for model in _subclasses(Located) if model.__name__.startswith("_"))}
    assert _subclasses(Located) - shared == set(FIELD_TABLES.values())


def test_every_model_has_its_table_in_the_readme() -> None:
    names = re.findall(r"<!-- fields: ([a-z-]+) -->", README.read_text(encoding="utf-8"))
    assert sorted(names) == sorted(FIELD_TABLES)


@pytest.mark.parametrize("model", CONTENT_MODELS, ids=lambda model: model.__name__)
def test_every_field_is_described_in_a_sentence(model: type[BaseModel]) -> None:
    undocumented = [name for name, field in model.model_fields.items() if not (field.description or "").endswith(".")]
    assert undocumented == []


def test_a_changed_description_shows_as_drift(monkeypatch: pytest.MonkeyPatch) -> None:
    text = README.read_text(encoding="utf-8")
    monkeypatch.setattr(Term.model_fields["explanation"], "description", "Something else entirely.")
    updated = update_field_tables(text)
    assert updated != text
    assert "| `explanation` | yes | Something else entirely. |" in updated


def test_table_rows_say_what_is_required_and_the_allowed_values() -> None:
    table = field_table(Actor)
    assert "| `name` | yes | The name shown as the page title. |" in table
    assert "| `kind` | yes | What the actor is: one of person, state, government, military, armed-group, organisation, movement. |" in table
    assert "| `plurals` | no (default: false) |" in table
    assert "`id`" not in table  # the file name is the id


def test_hints_are_the_descriptions_as_phrases() -> None:
    assert field_doc(Term.model_fields["title"]) == "The name shown as the page title."
    assert field_hint(Term, "title") == "the name shown as the page title"
    assert field_hint(Actor, "kind").startswith("what the actor is: one of person, state")
    assert field_hint(Term, "nothing-like-this") == ""


def test_unknown_marker_is_refused() -> None:
    with pytest.raises(ValueError, match="'<!-- fields: widget -->' names no model"):
        update_field_tables("<!-- fields: widget -->\n<!-- /fields -->\n")


def test_schema_command_rewrites_the_tables(tmp_path: Path) -> None:
    glossary = tmp_path / "glossary"
    glossary.mkdir()
    (glossary / "README.md").write_text("# Fields\n\n<!-- fields: camp -->\nold table\n<!-- /fields -->\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "build_tools", "--project", str(tmp_path), "schema", "schemas"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Updated the field tables" in result.stdout
    text = (glossary / "README.md").read_text(encoding="utf-8")
    assert "old table" not in text
    assert "| `members` | yes |" in text
