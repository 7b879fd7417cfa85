"""`check` warns when two notes beside one paragraph look like one story told twice; the build is not stopped."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

NOTE = """disagreements:
  - summary: The reading says the vote was last week; the report dates it to 27 February.
    quote: {quote}
    paragraphs:
      harbour: [1]
    sources:
      - publisher: Example News
        title: Board votes on quay
        date: 2021-02-27
        url: {url}
"""


def _check(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "build_tools", "--project", str(project), "check"], capture_output=True, text=True)


def _add_note_to_the_term(project: Path, url: str, quote: str) -> None:
    term = project / "glossary/terms/quay.yml"
    text = term.read_text(encoding="utf-8")
    term.write_text(text.replace("sources:\n", NOTE.format(url=url, quote=quote) + "sources:\n", 1), encoding="utf-8")


def _quote_the_events_note(project: Path, quote: str) -> None:
    event = project / "glossary/events/2021-02-27-board-vote.yml"
    text = event.read_text(encoding="utf-8")
    event.write_text(text.replace("    paragraphs:\n      harbour: [1]\n", f"    quote: {quote}\n    paragraphs:\n      harbour: [1]\n", 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("url", "quote", "shared"),
    [
        ("https://example.org/board-vote", "The Harbour Board voted", "cite the same source (Example News, 'Board votes on quay')"),
        ("https://example.org/another-report", "voted last week", "quote the same words ('voted last week')"),
    ],
)
def test_two_notes_beside_one_paragraph_with_a_source_or_quote_in_common_are_flagged(mini_project: Path, url: str, quote: str, shared: str) -> None:
    _quote_the_events_note(mini_project, "voted last week")
    _add_note_to_the_term(mini_project, url, quote)
    check = _check(mini_project)
    assert check.returncode == 0, check.stderr
    warning = next(line for line in check.stderr.splitlines() if "beside paragraph" in line)
    assert warning.startswith("warning: glossary/events/2021-02-27-board-vote.yml:9: this disagreement and the one at glossary/terms/quay.yml:")
    assert f"are both beside paragraph 1 of 'harbour' and {shared}. If they tell the same story, keep 'paragraphs' on one of them only" in warning


def test_notes_with_nothing_in_common_are_left_alone(mini_project: Path) -> None:
    _quote_the_events_note(mini_project, "voted last week")
    _add_note_to_the_term(mini_project, "https://example.org/another-report", "The Harbour Board voted")
    check = _check(mini_project)
    assert check.returncode == 0, check.stderr
    assert "beside paragraph" not in check.stderr
