"""Readability warnings: grade levels and long sentences, reported with file and line, never blocking a build."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from build_tools.load import ContentPaths
from build_tools.readability import check_readability, grade, sentences
from build_tools.site import load_library

HARD_SHORT = (
    "An intergovernmental organisational infrastructure facilitating multilateral maritime "
    "administration, characterised by institutionalised bureaucratic accountability mechanisms."
)
LONG_SENTENCE = " ".join(["The ferry"] + ["and the boat"] * 10 + ["sailed home."])  # 34 words


def _write_term(project: Path, short: str, explanation: str) -> Path:
    path = project / "glossary/terms/harbour-office.yml"
    path.write_text(
        "title: Harbour office\n"
        f"short: >-\n  {short}\n"
        f"explanation: |\n  Ships stop here.\n\n  {explanation}\n"
        "sources:\n  - publisher: Example\n    title: Office\n    date: 2020\n    url: https://example.org/office\n",
        encoding="utf-8",
    )
    return path


def test_easy_fixture_has_no_warnings(mini_project: Path) -> None:
    report = check_readability(load_library(ContentPaths(mini_project)))
    assert report.warnings == []
    assert report.short_grades and report.median_short_grade <= 8


def test_hard_short_and_long_sentence_are_reported_at_their_lines(mini_project: Path) -> None:
    _write_term(mini_project, HARD_SHORT, LONG_SENTENCE)
    report = check_readability(load_library(ContentPaths(mini_project)))
    messages = [str(problem) for problem in report.warnings]
    assert any(message.startswith("glossary/terms/harbour-office.yml:2: 'short' reads at grade") for message in messages), messages
    assert "glossary/terms/harbour-office.yml:7: a sentence of 34 words ('The ferry and the boat and ...'); keep sentences to 30 words or fewer. Split it in two." in messages
    assert report.longest == (34, "glossary/terms/harbour-office.yml:7")


def test_grade_levels_order_easy_below_hard() -> None:
    assert grade("The cat sat on the mat.") < 4 < 12 < grade(HARD_SHORT)


def test_sentences_split_on_full_stops_and_list_items_not_abbreviations() -> None:
    text = "The U.S. embassy is in Baghdad. Dr. Smith left! *Targeted* sanctions hit people.\n\n- first item\n- second item"
    assert sentences(text) == ["The U.S. embassy is in Baghdad.", "Dr. Smith left!", "*Targeted* sanctions hit people.", "first item", "second item"]


def test_syllables_come_from_the_packaged_dictionary_without_downloading(monkeypatch: pytest.MonkeyPatch) -> None:
    import nltk
    import textstat

    def no_download(*args: object, **kwargs: object) -> None:
        raise AssertionError("textstat tried to download NLTK data")

    monkeypatch.setattr(nltk, "download", no_download)
    # The CMU dictionary says FIRE (F AY1 ER0) and HIERARCHY have 2 and 4 syllables; the hyphenation fallback says 1 and 2.
    assert textstat.syllable_count("fire") == 2
    assert textstat.syllable_count("hierarchy") == 4


def test_check_prints_warnings_and_still_succeeds(mini_project: Path) -> None:
    _write_term(mini_project, HARD_SHORT, LONG_SENTENCE)
    check = subprocess.run([sys.executable, "-m", "build_tools", "--project", str(mini_project), "check"], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    assert "warning: glossary/terms/harbour-office.yml:7: a sentence of 34 words" in check.stderr
    assert "Readability: 2 warnings; median grade of short definitions" in check.stdout


def test_interests_are_graded_together_not_phrase_by_phrase(mini_project: Path) -> None:
    actor = mini_project / "glossary/actors/ferry-union.yml"
    easy = "  - fighting Israel\n  - jobs\n"  # 'fighting Israel' alone scores above grade 14
    actor.write_text(actor.read_text(encoding="utf-8").replace("  - jobs\n", easy), encoding="utf-8")
    assert check_readability(load_library(ContentPaths(mini_project))).warnings == []
    hard = "  - institutionalised intergovernmental accountability\n  - multilateral organisational modernisation\n"
    actor.write_text(actor.read_text(encoding="utf-8").replace(easy, hard), encoding="utf-8")
    messages = [str(problem) for problem in check_readability(load_library(ContentPaths(mini_project))).warnings]
    assert len(messages) == 1 and messages[0].startswith("glossary/actors/ferry-union.yml:5: 'interests' (read together) reads at grade"), messages
