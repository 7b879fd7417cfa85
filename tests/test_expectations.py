"""A unit's own expectations (`glossary/expectations.yml`): optional, validated with file:line, and reported by `check`.

Every test runs on a copy of the suffrage fixture unit, whose expectations all hold; each test
breaks one of them, or the file itself, and pins the exact lines `check` prints.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from build_tools import ContentPaths, load_library
from build_tools.expectations import check_expectations
from conftest import SUFFRAGE

EXPECTATIONS = "glossary/expectations.yml"
GOOD = (SUFFRAGE / EXPECTATIONS).read_text(encoding="utf-8")


@pytest.fixture
def unit(tmp_path: Path) -> Path:
    project = tmp_path / "unit"
    shutil.copytree(SUFFRAGE, project)
    return project


def check(project: Path) -> tuple[int, list[str]]:
    result = subprocess.run([sys.executable, "-m", "build_tools", "--project", str(project), "check"], capture_output=True, text=True, check=False)
    assert "Traceback" not in result.stderr
    # Readability warnings never block a build; only problems count here.
    return result.returncode, [line for line in result.stderr.splitlines()[:-1] if not line.startswith("warning: ")]


def expect(project: Path, text: str) -> list[str]:
    (project / EXPECTATIONS).write_text(text, encoding="utf-8")
    code, lines = check(project)
    assert code == 1 and lines, "check fails on unmet expectations"
    return lines


def test_the_fixture_meets_its_expectations(unit: Path) -> None:
    assert check(unit) == (0, [])
    assert check_expectations(ContentPaths(unit), load_library(ContentPaths(unit))) == []


def test_the_file_is_optional(unit: Path) -> None:
    (unit / EXPECTATIONS).unlink()
    assert check(unit) == (0, [])


def test_counts_phases_and_years_are_reported_at_their_lines(unit: Path) -> None:
    text = GOOD.replace("terms: 3", "terms: 30").replace("events: 2", "events: 5").replace("first_year: 1872", "first_year: 1863\n  last_year: 1920")
    (unit / "glossary/questions.yml").write_text(
        (unit / "glossary/questions.yml").read_text(encoding="utf-8").replace("phase: after", "phase: during"), encoding="utf-8"
    )
    assert expect(unit, text) == [
        f"{EXPECTATIONS}:3: the unit should have at least 30 terms, but it has 3. Add terms, or lower the number in 'at_least'.",
        f"{EXPECTATIONS}:5: the unit should have at least 5 events, but it has 2. Add events, or lower the number in 'at_least'.",
        f"{EXPECTATIONS}:8: no question has the phase 'after'. Add one to questions.yml, or remove 'after' from 'question_phases'.",
        f"{EXPECTATIONS}:10: the earliest event, '1872-11-05-anthony-votes', is from 1872, not 1863. Fix its date, or change 'first_year' to 1872.",
        f"{EXPECTATIONS}:11: the latest event, '1873-06-17-anthony-trial', is from 1873, not 1920. Fix its date, or change 'last_year' to 1873.",
    ]


def test_an_empty_timeline_cannot_reach_its_years(unit: Path) -> None:
    for event in (unit / "glossary/events").glob("*.yml"):
        event.unlink()
    lines = expect(unit, GOOD.replace("  events: 2\n", "").replace("first_year: 1872", "first_year: 1872\n  last_year: 1873"))
    assert lines == [
        f"{EXPECTATIONS}:9: the timeline should reach 1872, but it has no events. Add events, or remove 'first_year'.",
        f"{EXPECTATIONS}:10: the timeline should reach 1873, but it has no events. Add events, or remove 'last_year'.",
    ]


def test_words_that_must_link_and_unknown_ids(unit: Path) -> None:
    text = GOOD.replace("indictment: [indictment]", "indictment: [indictments, indictment]").replace("preamble: [preamble]", "preambel: [preamble]")
    text = text.replace("anthony-1873:", "anthony-1837:")
    lines = expect(unit, text)
    assert lines == [f"{EXPECTATIONS}:12: unknown reading 'anthony-1837' (did you mean 'anthony-1873'?). Use the file name of a reading in the readings folder, without .md."]
    lines = expect(unit, text.replace("anthony-1837:", "anthony-1873:"))
    assert lines == [
        f"{EXPECTATIONS}:15: 'indictments' in the reading 'anthony-1873' does not link to 'indictment'. "
        "Copy the words exactly from the reading, or add them to the entry's aliases.",
        f"{EXPECTATIONS}:17: unknown term or actor 'preambel' (did you mean 'preamble'?). Use the id of an existing term or actor.",
    ]


def test_every_mention_of_a_required_entry_must_link(unit: Path) -> None:
    term = unit / "glossary/terms/preamble.yml"
    term.write_text(term.read_text(encoding="utf-8").replace("title: Preamble\n", "title: Preamble\naliases: [preamble of the Federal Constitution]\n"), encoding="utf-8")
    assert expect(unit, GOOD) == [
        f"{EXPECTATIONS}:16: 'Constitution' in paragraph 2 of 'anthony-1873' does not link to 'us-constitution': another entry or the letter case wins. "
        "Adjust the aliases so every mention links.",
        f"{EXPECTATIONS}:16: 'Federal Constitution' in the reading 'anthony-1873' does not link to 'us-constitution'. "
        "Copy the words exactly from the reading, or add them to the entry's aliases.",
        f"{EXPECTATIONS}:17: 'preamble' in the reading 'anthony-1873' does not link to 'preamble'. "
        "Copy the words exactly from the reading, or add them to the entry's aliases.",
    ]


def test_the_reading_keeps_the_words_of_its_source_text(unit: Path) -> None:
    reading = load_library(ContentPaths(unit)).readings["anthony-1873"]
    words = "\n\n".join(paragraph.text for paragraph in reading.paragraphs)
    (unit / "source.html").write_text(f"<p>{words}</p>", encoding="utf-8")
    with_text = GOOD.replace("    paragraphs: 3\n", "    paragraphs: 3\n    text: source.html\n")
    (unit / EXPECTATIONS).write_text(with_text, encoding="utf-8")
    assert check(unit) == (0, [])
    (unit / "source.html").write_text(f"<p>{words.replace('to-night', 'tonight')}</p>", encoding="utf-8")
    assert expect(unit, with_text) == [
        f"{EXPECTATIONS}:14: the reading 'anthony-1873' differs from 'source.html' at word 9: the file has 'tonight under indictment for the alleged', "
        "the reading 'to-night under indictment for the alleged'. Copy the text again from the file."
    ]
    (unit / "source.html").write_text(f"<p>{words}</p>", encoding="utf-8")
    assert expect(unit, with_text.replace("text: source.html", "text: missing.txt")) == [
        f"{EXPECTATIONS}:14: the file 'missing.txt' does not exist. Give its path from the project folder."
    ]
    assert expect(unit, with_text.replace("paragraphs: 3", "paragraphs: 4")) == [
        f"{EXPECTATIONS}:13: the reading 'anthony-1873' has 3 paragraphs, not 4. Check the blank lines between paragraphs, or change the number."
    ]


def test_mistakes_in_the_file_are_reported_like_any_content(unit: Path) -> None:
    assert expect(unit, GOOD.replace("  terms: 3", "  term: 3").replace("  actors: 2", "  actors: two")) == [
        f"{EXPECTATIONS}:3: unknown key 'term' (did you mean 'terms'?). Allowed keys: terms, actors, events, questions, annotations, readings.",
        f"{EXPECTATIONS}:4: 'actors' must be a whole number, not the text 'two'.",
    ]
    assert expect(unit, "- terms: 3\n") == [f"{EXPECTATIONS}:1: expectations are keys like 'at_least:' and 'readings:', not a list or a single value."]
