"""The other side, in place: a disagreement's full text under its paragraph, and the same text on the timeline."""

from __future__ import annotations

import shutil

import pytest

from conftest import MINI, BuiltSite, build_project

VIEWS = """\
    quote: voted last week to close the north quay
    views:
      - says: The vote took place on **27 February**, two weeks before the op-ed.
        source:
          publisher: Example News
          title: Board votes on quay
          date: 2021-02-27
          url: https://example.org/board-vote
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    project = tmp_path_factory.mktemp("other-side") / "project"
    shutil.copytree(MINI, project)
    event = project / "glossary/events/2021-02-27-board-vote.yml"
    text = event.read_text(encoding="utf-8")
    event.write_text(text.replace("    paragraphs:\n      harbour: [1]\n", VIEWS + "    paragraphs:\n      harbour: [1]\n", 1), encoding="utf-8")
    return BuiltSite(build_project(project, project.parent / "site"))


def _text(element) -> str:  # type: ignore[no-untyped-def]
    return " ".join(element.get_text().split())


def test_the_reading_shows_the_other_side_under_its_paragraph(site: BuiltSite) -> None:
    html = site.html("readings/harbour/")
    notes = html.select("details.other-side")
    assert len(notes) == 1
    note = notes[0]
    assert note.find_previous("p", class_="reading-paragraph")["id"] == "p1"
    text = _text(note)
    assert "The reading says: “voted last week to close the north quay”" in text
    assert "The vote took place on 27 February" in text and note.find("a", href="https://example.org/board-vote")
    assert "the report dates the vote to 27 February" in text, "the summary is there, not a pointer to it"
    assert note.find("a", href="../../timeline/#event-2021-02-27-board-vote") is not None, "and where to read more"


def test_timeline_shows_the_same_text(site: BuiltSite) -> None:
    reading = _text(site.html("readings/harbour/").select_one("details.other-side"))
    timeline = site.html("timeline/").select_one("#event-2021-02-27-board-vote .admonition.warning")
    shown = _text(timeline)
    for part in ("voted last week to close the north quay", "The vote took place on 27 February", "the report dates the vote to 27 February", "Board votes on quay"):
        assert part in reading and part in shown
    assert "Sources:" in shown and "Sources and more:" in reading, "the reading links to the full list of sources"
