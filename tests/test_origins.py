"""Validated items carry their origin: the file and the line of each field, so later stages never reopen the YAML."""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

from build_tools.load import ContentPaths
from build_tools.model import Source, Term
from build_tools.readability import check_readability
from build_tools.site import load_library
from build_tools.yamlfile import NO_ORIGIN
from conftest import ROOT


def _line_of(path: Path, start: str, after: int = 0) -> int:
    """1-based number of the first line at or after line `after` that starts with `start` (indentation ignored)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if number > after and line.strip().startswith(start))


def test_entries_know_the_line_of_each_field(mini_project: Path) -> None:
    library = load_library(ContentPaths(mini_project))
    for term in library.terms.values():
        path = mini_project / term.origin.path
        assert term.origin.path == f"glossary/terms/{term.id}.yml"
        assert term.origin.line("short") == _line_of(path, "short:")
        sources = _line_of(path, "sources:")
        source = term.sources[0]
        assert source.origin.path == term.origin.path
        assert source.origin.line("url") == _line_of(path, "url:", after=sources)
        assert source.origin.line("url") == term.origin.line("sources", 0, "url")


def test_items_of_a_list_file_know_their_own_lines(mini_project: Path) -> None:
    library = load_library(ContentPaths(mini_project))
    path = mini_project / "glossary/questions.yml"
    lines = path.read_text(encoding="utf-8").splitlines()
    for question in library.questions:
        assert question.origin.path == "glossary/questions.yml"
        assert lines[question.origin.line("id") - 1].strip() == f"- id: {question.id}"


def test_a_field_not_written_points_at_its_item(mini_project: Path) -> None:
    library = load_library(ContentPaths(mini_project))
    question = library.questions[-1]
    assert not question.origin.written("no-such-field")
    assert question.origin.line("no-such-field") == question.origin.line()
    reading = next(iter(library.readings.values()))
    assert reading.meta.origin.path == f"docs/readings/{reading.id}.md"
    assert reading.meta.origin.line("title") >= 2  # after the opening '---'


def test_origin_is_not_part_of_what_an_item_says(mini_project: Path) -> None:
    term = next(iter(load_library(ContentPaths(mini_project)).terms.values()))
    copy = Term.model_validate(term.model_dump())
    assert copy.origin == NO_ORIGIN and copy.origin.path == "" and term.origin.path
    assert copy == term
    assert "origin" not in term.model_dump() and "_origin" not in term.model_dump_json()
    assert Source.model_validate(term.sources[0].model_dump()).origin.line("url") == 0


def test_readability_needs_no_file_once_the_library_is_loaded(mini_project: Path) -> None:
    term = mini_project / "glossary/terms/quay.yml"
    term.write_text(term.read_text(encoding="utf-8").replace("short:", "short: >-\n  " + "word " * 35 + "end.\nold_short:", 1), encoding="utf-8")
    text = term.read_text(encoding="utf-8")
    term.write_text("\n".join(line for line in text.splitlines() if not line.startswith("old_short:")) + "\n", encoding="utf-8")
    library = load_library(ContentPaths(mini_project))
    before = check_readability(library).warnings
    shutil.rmtree(mini_project / "glossary")
    assert check_readability(library).warnings == before
    assert any(problem.path == "glossary/terms/quay.yml" and "a sentence of 36 words" in problem.message for problem in before), before


def test_cross_checks_never_reach_back_into_yaml_files() -> None:
    for name in ("crossref", "content_checks", "publishers", "readability"):
        tree = ast.parse((ROOT / "build_tools" / f"{name}.py").read_text(encoding="utf-8"))
        names = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)} | {node.attr for node in ast.walk(tree) if isinstance(node, ast.Attribute)}
        imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) for alias in node.names}
        assert not {"YamlFile", "line_of", "read_yaml", "read_content"} & (names | imported), name
