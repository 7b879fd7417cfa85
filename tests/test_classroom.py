"""The teacher edition: the same site with teacher notes and teacher annotations, and never linked from the student one.

The mini project is built twice, as students get it and with `teacher=True`; its questions carry
teacher notes and its annotations one note for each audience.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import MINI, BuiltSite, build_project

READING = "readings/harbour/"
STUDENT_NOTE = "The author gives no source for this figure."
TEACHER_NOTE = "Ask students what the author wants."
TEACHER_QUESTION_NOTES = ["She was harbour master; her view is an insider's.", "Ten thousand a day; no source is given."]


@pytest.fixture(scope="module")
def teacher_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return BuiltSite(build_project(MINI, tmp_path_factory.mktemp("mini-teacher"), teacher=True))


def _notes(site: BuiltSite) -> dict[str, str]:
    """Reading notes by their summary: the annotated words and who the note is for."""
    return {details.summary.get_text(): details.get_text(" ", strip=True) for details in site.html(READING).select("details.note, details.tip")}


def _teacher_note_boxes(site: BuiltSite) -> list[str]:
    html = site.html("questions/")
    return [box.get_text(" ", strip=True) for box in html.select(".admonition.tip") if box.select_one(".admonition-title").get_text() == "Teacher notes"]


def test_teacher_notes_on_questions_only_in_the_teacher_edition(mini_site: BuiltSite, teacher_site: BuiltSite) -> None:
    assert _teacher_note_boxes(mini_site) == []
    student_text = mini_site.html("questions/").get_text()
    assert not any(note in student_text for note in TEACHER_QUESTION_NOTES)
    boxes = _teacher_note_boxes(teacher_site)
    assert [box.removeprefix("Teacher notes ") for box in boxes] == TEACHER_QUESTION_NOTES
    for question_id in ("who-writes", "numbers"):
        assert teacher_site.html("questions/").find(id=f"q-{question_id}").select_one(".admonition.tip") is not None


def test_teacher_annotations_only_in_the_teacher_edition(mini_site: BuiltSite, teacher_site: BuiltSite) -> None:
    student, teacher = _notes(mini_site), _notes(teacher_site)
    assert student == {"Note on “ten thousand people a day”": f"Note on “ten thousand people a day” {STUDENT_NOTE}"}
    assert teacher == {**student, "Teacher note on “I urge the Harbour Board”": f"Teacher note on “I urge the Harbour Board” {TEACHER_NOTE}"}
    student_marks = [mark.get_text() for mark in mini_site.html(READING).select("mark.annotated")]
    teacher_marks = [mark.get_text() for mark in teacher_site.html(READING).select("mark.annotated")]
    assert student_marks == ["ten thousand people a day"]
    assert teacher_marks == ["ten thousand people a day", "I urge the Harbour Board"]
    assert TEACHER_NOTE not in (mini_site.root / READING / "index.html").read_text(encoding="utf-8")


def test_both_editions_have_the_same_pages(mini_site: BuiltSite, teacher_site: BuiltSite) -> None:
    def paths(site: BuiltSite) -> list[str]:
        return [page.relative_to(site.root).as_posix() for page in site.pages()]

    assert paths(mini_site) == paths(teacher_site)


def _links_to_teacher_edition(site: BuiltSite) -> list[str]:
    """Links that lead into a teacher edition, wherever it is published (`site-teacher/`, `/teacher/`, `teacher.`)."""
    found = []
    for page in site.pages():
        html = page.read_text(encoding="utf-8")
        for href in re.findall(r'\bhref="([^"]*)"', html):
            parts = urlsplit(href)
            segments = [segment.lower() for segment in parts.path.split("/")]
            if "site-teacher" in segments or "teacher" in segments or parts.netloc.lower().startswith("teacher."):
                found.append(f"{page.relative_to(site.root)}: {href}")
    return found


@pytest.mark.content
def test_no_student_page_links_to_the_teacher_edition(mini_site: BuiltSite, real_site: BuiltSite) -> None:
    assert _links_to_teacher_edition(mini_site) == []
    assert _links_to_teacher_edition(real_site) == []


@pytest.mark.content
def test_the_real_student_site_shows_no_teacher_notes(real_site: BuiltSite) -> None:
    assert _teacher_note_boxes(real_site) == []
    reading = next(path for path in (real_site.root / "readings").iterdir() if path.is_dir())
    summaries = [summary.get_text() for summary in real_site.html(f"readings/{reading.name}/").select("details summary")]
    assert not any(summary.startswith("Teacher note") for summary in summaries), summaries


def test_a_link_into_the_teacher_edition_is_found(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text('<a href="../site-teacher/questions/">answers</a><a href="teachers/guide/">guide</a>', encoding="utf-8")
    assert _links_to_teacher_edition(BuiltSite(tmp_path)) == ["index.html: ../site-teacher/questions/"]
