"""Print handouts: the reading and the questions printed by Chromium to PDF (print media, A4), read back as text.

The reading must print as a clean handout: paragraph numbers in the margin, no navigation, and the
linked terms' short definitions as endnotes. The questions must print as a worksheet: every
question, space to write, and no teacher notes (they print only from the teacher edition).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

import pypdf
import pytest
from browser import serve
from own_thread import chromium, own_thread
from playwright.sync_api import Page

from build_tools import ContentPaths, load_library
from conftest import ROOT, BuiltSite, build_project

pytestmark = [pytest.mark.browser, pytest.mark.content]

NAVIGATION = ["Table of contents", "Skip to content", "Made with", "Back to top", "Previous", "Next"]
"""Words of Material's header, sidebars and footer that a handout must not show."""


def squeeze(text: str) -> str:
    """Text without any whitespace, so line breaks in the PDF do not matter when comparing."""
    return re.sub(r"\s+", "", text.replace("\u00ad", ""))


class Printed:
    """A page printed to PDF: its page count, its text in reading order and laid out by position."""

    def __init__(self, pdf: bytes) -> None:
        reader = pypdf.PdfReader(io.BytesIO(pdf))
        self.pages = len(reader.pages)
        self.text = "\n".join(page.extract_text() for page in reader.pages)
        self.layout = "\n".join(page.extract_text(extraction_mode="layout") for page in reader.pages)


def print_page(page: Page, url: str) -> Printed:
    page.goto(url)
    page.emulate_media(media="print")
    return Printed(page.pdf(format="A4", print_background=False))


@dataclass(frozen=True)
class Handouts:
    reading: Printed
    questions: Printed
    answer_spaces: list[float]
    """Height in CSS pixels of each question's box to write in, in print media."""


@own_thread
def print_handouts(root: Path, reading: str) -> Handouts:
    with serve(root) as url, chromium() as context:
        page = context.new_page()
        printed_reading = print_page(page, url + reading)
        printed_questions = print_page(page, url + "questions/")
        heights = page.eval_on_selector_all(".answer-space", "spaces => spaces.map(space => space.getBoundingClientRect().height)")
    return Handouts(printed_reading, printed_questions, heights)


@pytest.fixture(scope="module")
def reading_path() -> str:
    """The first reading of the content model; every unit has at least one."""
    readings = load_library(ContentPaths(ROOT)).readings
    assert readings, "a unit has at least one reading"
    return next(iter(readings.values())).src_uri.removesuffix(".md") + "/"


@pytest.fixture(scope="module")
def handouts(real_site: BuiltSite, reading_path: str) -> Handouts:
    return print_handouts(real_site.root, reading_path)


@pytest.fixture(scope="module")
def reading_pdf(handouts: Handouts) -> Printed:
    return handouts.reading


@pytest.fixture(scope="module")
def questions_pdf(handouts: Handouts) -> Printed:
    return handouts.questions


def test_reading_handout_numbers_every_paragraph_in_the_margin(reading_pdf: Printed, real_site: BuiltSite, reading_path: str) -> None:
    paragraphs = real_site.html(reading_path).select("p.reading-paragraph")
    assert paragraphs
    lines = [squeeze(line) for line in reading_pdf.layout.splitlines()]
    for paragraph in paragraphs:
        number = paragraph["data-paragraph"]
        opening = squeeze(" ".join(paragraph.get_text().split()[:3]))
        assert any(line.startswith(number + opening) for line in lines), f"paragraph {number} ('{opening}…') has no number before it"


def test_reading_handout_has_no_navigation(reading_pdf: Printed, real_site: BuiltSite, reading_path: str) -> None:
    html = real_site.html(reading_path)
    article = html.select_one("article").get_text(" ")
    labels = {a.get_text(" ", strip=True) for a in html.select(".md-nav--primary .md-nav__link, .md-header a, .md-footer a")}
    unwanted = [label for label in [*NAVIGATION, *labels] if label and label not in article]
    assert set(labels) & set(unwanted) and "Search" not in reading_pdf.text.split()
    shown = [label for label in unwanted if label in reading_pdf.text]
    assert shown == [], f"navigation text in the handout: {shown}"
    assert squeeze(html.select_one(".md-header__topic").get_text()) not in squeeze(reading_pdf.text)


def test_reading_handout_ends_with_the_terms_and_their_short_definitions(reading_pdf: Printed, real_site: BuiltSite, reading_path: str) -> None:
    html = real_site.html(reading_path)
    definitions = html.select(".term-defs dd")
    if not definitions:
        pytest.skip("the reading links no term, so the handout has no endnotes")
    assert "Terms on this page" in reading_pdf.text
    text = squeeze(reading_pdf.text)
    endnotes = text[text.index("Termsonthispage") :]
    for definition in definitions:
        term = definition.find_previous_sibling("dt").get_text()
        assert squeeze(term) in endnotes, term
        assert squeeze(definition.get_text()) in text, f"the definition of '{term}' is missing"


def test_questions_worksheet_has_every_question_and_space_to_write(handouts: Handouts, real_site: BuiltSite) -> None:
    html = real_site.html("questions/")
    questions = html.select(".question")
    text = squeeze(handouts.questions.text)
    for question in questions:
        label = question.select_one(".question__label").get_text()
        prompt = question.select_one(".question__label").find_next_sibling()
        assert squeeze(label) in text, label
        assert squeeze(prompt.get_text())[:80] in text, f"{label}: prompt missing"
    heights = handouts.answer_spaces
    assert len(heights) == len(questions), "each question needs a box to write in"
    assert all(height >= 80 for height in heights), f"boxes too small to write in: {heights}"


def test_questions_worksheet_has_no_teacher_notes(questions_pdf: Printed) -> None:
    assert "Teacher notes" not in questions_pdf.text
    assert "Teacher note" not in questions_pdf.text


def test_teacher_edition_prints_the_teacher_notes(tmp_path: Path, reading_path: str) -> None:
    site = BuiltSite(build_project(ROOT, tmp_path / "teacher", teacher=True))
    notes = site.html("questions/").select(".question .admonition.tip")
    printed = print_handouts(site.root, reading_path).questions
    assert printed.text.count("Teacher notes") == len(notes)
    for note in notes:
        assert squeeze(note.select("p")[1].get_text()) in squeeze(printed.text)

