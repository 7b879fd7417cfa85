"""Print handouts: the reading, the worksheets and the questions printed by Chromium to PDF (print media, A4), read back as text.

The reading must print as a clean handout: paragraph numbers in the margin, no navigation, its notes,
disagreements and kind label as numbered notes, term links as plain text with a marker, and the
linked terms' short definitions as endnotes. Worksheets print one per phase within a page budget,
with boxes sized to each question's parts; no endnote defines a word students are asked to guess,
and no "Paragraph N:" line dangles. Teacher notes and the self-check's answer key print only from
the teacher edition.
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
from build_tools.render_worksheets import PHASE_TITLES
from conftest import ROOT, BuiltSite, build_project

pytestmark = [pytest.mark.browser, pytest.mark.content]

NAVIGATION = ["Table of contents", "Skip to content", "Made with", "Back to top", "Previous", "Next"]
"""Words of Material's header, sidebars and footer that a handout must not show."""


def squeeze(text: str) -> str:
    """Text without whitespace or term-link markers (*), so line breaks in the PDF do not matter when comparing."""
    return re.sub(r"[\s*]+", "", text.replace("\u00ad", ""))


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


PHASES = ("before", "during", "after")
WORKSHEET_PAGES = 4
"""At most this many A4 pages per worksheet."""
WORKSHEETS_PAGES = 8
"""At most this many A4 pages for the whole set."""


@dataclass(frozen=True)
class Handouts:
    reading: Printed
    questions: Printed
    answer_spaces: list[float]
    """Height in CSS pixels of each question's box to write in, in print media."""
    worksheets: dict[str, Printed]
    worksheet_spaces: list[tuple[int, float]]
    """(parts, height in CSS pixels) of every box on every worksheet, in print media."""
    term_links: list[dict[str, str | bool]]
    """Computed print style of the reading's term links (decoration, weight, the marker after it)."""
    self_check: Printed


@own_thread
def print_handouts(root: Path, reading: str) -> Handouts:
    with serve(root) as url, chromium() as context:
        page = context.new_page()
        printed_reading = print_page(page, url + reading)
        links = page.eval_on_selector_all(
            "a.term-link",
            "links => links.map(a => { const s = getComputedStyle(a); return {decoration: s.textDecorationLine, weight: s.fontWeight === getComputedStyle(a.parentNode).fontWeight, "
            "marker: getComputedStyle(a, '::after').content}; })",
        )
        printed_questions = print_page(page, url + "questions/")
        heights = page.eval_on_selector_all(".answer-space", "spaces => spaces.map(space => space.getBoundingClientRect().height)")
        worksheets, spaces = {}, []
        for phase in [phase for phase in PHASES if (root / "worksheets" / phase / "index.html").is_file()]:
            worksheets[phase] = print_page(page, url + f"worksheets/{phase}/")
            spaces += page.eval_on_selector_all(".answer-space", "spaces => spaces.map(s => [Number(s.dataset.parts), s.getBoundingClientRect().height])")
        printed_self_check = print_page(page, url + "self-check/")
    return Handouts(printed_reading, printed_questions, heights, worksheets, [(int(p), h) for p, h in spaces], links, printed_self_check)


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
        number = paragraph["id"].removeprefix("p")
        opening = squeeze(" ".join(paragraph.get_text().split()[:2]))  # two words: a note number may follow the third
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
    if not html.select("article a.term-link"):
        # A reading that links no term has no list of terms to end with.
        assert not definitions and "Terms on this page" not in reading_pdf.text
        return
    assert definitions and "Terms on this page" in reading_pdf.text
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


@pytest.fixture(scope="module")
def teacher_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return BuiltSite(build_project(ROOT, tmp_path_factory.mktemp("teacher-print"), teacher=True))


@pytest.fixture(scope="module")
def teacher_handouts(teacher_site: BuiltSite, reading_path: str) -> Handouts:
    return print_handouts(teacher_site.root, reading_path)


def test_teacher_edition_prints_the_teacher_notes(teacher_site: BuiltSite, teacher_handouts: Handouts) -> None:
    notes = teacher_site.html("questions/").select(".question .admonition.tip")
    printed = teacher_handouts.questions
    questions = load_library(ContentPaths(ROOT)).questions
    assert printed.text.count("Teacher notes") == len(notes) == len(questions), "every question has teacher notes"
    for note in notes:
        assert squeeze(note.select("p")[1].get_text()) in squeeze(printed.text)


def test_worksheets_print_per_phase_within_the_page_budget(handouts: Handouts, real_site: BuiltSite) -> None:
    phases = {question.phase for question in load_library(ContentPaths(ROOT)).questions}
    assert set(handouts.worksheets) == phases, "a worksheet for each phase that has questions, and only those"
    counts = {phase: printed.pages for phase, printed in handouts.worksheets.items()}
    assert all(count <= WORKSHEET_PAGES for count in counts.values()), counts
    assert sum(counts.values()) <= WORKSHEETS_PAGES, counts
    for phase, printed in handouts.worksheets.items():
        labels = [label.get_text() for label in real_site.html(f"worksheets/{phase}/").select(".question__label")]
        assert labels and all(squeeze(label) in squeeze(printed.text) for label in labels), phase
        assert "Teacher notes" not in printed.text
        assert not any(label in printed.text for label in NAVIGATION[:3])


def _check_answer_spaces(spaces: list[tuple[int, float]]) -> None:
    for count, height in spaces:
        same = {round(h) for c, h in spaces if c == count}
        assert same == {round(height)}, "questions with as many parts get the same space"
        assert all(height > h for c, h in spaces if c < count), "more parts, more space"
    assert all(height >= 60 for _, height in spaces), spaces


def test_answer_space_is_sized_to_the_parts_of_each_question(handouts: Handouts) -> None:
    from build_tools.render_worksheets import answer_parts

    questions = load_library(ContentPaths(ROOT)).questions
    expected = [answer_parts(question) for phase in PHASES for question in questions if question.phase == phase]
    assert [count for count, _ in handouts.worksheet_spaces] == expected, "one box per question, sized to its parts"
    _check_answer_spaces(handouts.worksheet_spaces)


@own_thread
def _print_spaces(root: Path, phase: str) -> list[tuple[int, float]]:
    with serve(root) as url, chromium() as context:
        page = context.new_page()
        page.goto(url + f"worksheets/{phase}/")
        page.emulate_media(media="print")
        spaces = page.eval_on_selector_all(".answer-space", "spaces => spaces.map(s => [Number(s.dataset.parts), s.getBoundingClientRect().height])")
    return [(int(parts), height) for parts, height in spaces]


def test_a_prompt_with_more_parts_gets_more_space_to_write(mini_project: Path, tmp_path: Path) -> None:
    """The generator's rule on a fixture with prompts of one, two and three parts (whatever the real unit's prompts are)."""
    questions = mini_project / "glossary" / "questions.yml"
    extra = "".join(
        f"- id: parts-{count}\n  phase: after\n  skill: evidence\n  prompt: |\n    Answer each part.\n\n"
        + "".join(f"    - Part {number}?\n" for number in range(1, count + 1))
        + "  paragraphs:\n    harbour: [1]\n  teacher_notes: Any answer.\n"
        for count in (1, 2, 3)
    )
    questions.write_text(questions.read_text(encoding="utf-8") + extra, encoding="utf-8")
    spaces = _print_spaces(build_project(mini_project, tmp_path / "site"), "after")
    assert [count for count, _ in spaces] == [1, 2, 3]
    _check_answer_spaces(spaces)


def test_no_endnote_defines_a_word_students_are_asked_to_guess(handouts: Handouts) -> None:
    from build_tools import ContentPaths, load_library
    from build_tools.scaffolds import guessed_entries

    library = load_library(ContentPaths(ROOT))
    # Without words to guess, what is left to check is that no handout of questions has endnotes at all.
    guessed = [library.entry(entry_id) for entry_id in sorted(guessed_entries(library))]
    for name, printed in [("questions", handouts.questions), *handouts.worksheets.items()]:
        text = squeeze(printed.text)
        assert "Termsonthispage" not in text, name
        defined = [entry.id for entry in guessed if squeeze(entry.short)[:60] in text]
        assert defined == [], f"{name} defines words students should guess: {defined}"


def test_no_dangling_paragraph_lines(handouts: Handouts) -> None:
    for name, printed in [("questions", handouts.questions), *handouts.worksheets.items()]:
        dangling = [line for line in printed.text.splitlines() if re.fullmatch(r"\s*(Look at:\s*)?Paragraph \d+:\s*", line)]
        assert dangling == [], f"{name}: {dangling}"
    questions = load_library(ContentPaths(ROOT)).questions
    for phase, printed in handouts.worksheets.items():
        pointing = [question for question in questions if question.phase == phase and question.paragraphs]
        assert squeeze(printed.text).count("Lookat:paragraph") == len(pointing), f"{phase}: one 'Look at' line per question that points to paragraphs"


def test_reading_handout_keeps_the_notes_disagreements_and_kind_as_numbered_notes(reading_pdf: Printed, real_site: BuiltSite, reading_path: str) -> None:
    html = real_site.html(reading_path)
    text = squeeze(reading_pdf.text)
    kind = html.select_one(".admonition.info .admonition-title").get_text()
    assert squeeze(f"1. {kind}") in text, "the kind of text is note 1"
    notes = html.select("article details.note, article details.tip, article details.warning")
    for number, details in enumerate(notes, start=2):
        summary = details.summary.get_text()
        assert squeeze(f"{number}. {summary}") in text, f"note {number} ({summary}) is not printed with its number"
        body = details.find("p")
        assert squeeze(body.get_text())[:60] in text, f"the text of note {number} is missing"
    markers = [int(mark["data-note"]) for mark in html.select("mark.annotated")] + [int(p["data-notes"]) for p in html.select("p[data-notes]")]
    assert sorted(markers) == list(range(2, len(notes) + 2)), "each note has its number beside the words it is about"


def test_reading_handout_prints_term_links_as_plain_text_with_a_marker(handouts: Handouts, real_site: BuiltSite, reading_path: str) -> None:
    assert len(handouts.term_links) == len(real_site.html(reading_path).select("a.term-link"))
    for style in handouts.term_links:
        assert style["decoration"] == "none" and style["weight"] is True and style["marker"] == '"*"', style


def test_the_self_check_answer_key_prints_in_the_teacher_edition_only(handouts: Handouts, teacher_handouts: Handouts, real_site: BuiltSite) -> None:
    library = load_library(ContentPaths(ROOT))
    practice = real_site.html("self-check/").select(".sc-item")
    assert "Answer key" not in handouts.self_check.text
    assert ("Answer key" in teacher_handouts.self_check.text) == bool(practice), "a key when there is something to practise"
    assert ("Understanding the argument" in handouts.self_check.text) == bool(library.classroom.self_check)
    if not practice:
        assert "There is nothing to practise yet" in handouts.self_check.text


def test_report_page_counts(handouts: Handouts, record_property: pytest.RecordProperty) -> None:
    """Not a limit, a measurement: shown with `pytest -s` and kept in JUnit XML."""
    counts = {"reading": handouts.reading.pages, "questions": handouts.questions.pages, "self_check": handouts.self_check.pages}
    counts |= {f"worksheet_{phase}": printed.pages for phase, printed in handouts.worksheets.items()}
    for name, pages in counts.items():
        record_property(f"{name}_pages_a4", pages)
    print("\nhandouts (A4 pages): " + ", ".join(f"{name} {pages}" for name, pages in counts.items()))
    assert all(pages >= 1 for pages in counts.values())


@own_thread
def _pack(site: Path) -> tuple[Path, int]:
    from build_tools.adapters.pack import write_teacher_pack

    return write_teacher_pack(site)


def test_the_teacher_pack_holds_the_plan_the_answer_keys_and_the_worksheets(tmp_path: Path) -> None:
    from build_tools.adapters.cli import build_site
    from build_tools.adapters.pack import PACK_PAGES, PACK_PATH

    library = load_library(ContentPaths(ROOT))
    site = tmp_path / "site"
    assert build_site(ROOT, site, "mkdocs.yml") == 0
    path, pages = _pack(site)
    assert path == site / PACK_PATH
    printed = Printed(path.read_bytes())
    present = [page for page in PACK_PAGES if (site / page / "index.html").is_file()]
    assert printed.pages == pages >= len(present)
    text = squeeze(printed.text)
    # Each part the unit has, in the pack's order: the plan, the questions with teacher notes, the self-check, the worksheets.
    parts = ["Lesson plan", "Objectives"] if library.classroom.lesson is not None else []
    parts += ["Discussion questions"] + (["Teacher notes"] if library.questions else []) + ["Self-check"]
    parts += [f"Worksheet: {title.lower()}" for phase, title in PHASE_TITLES.items() if any(q.phase == phase for q in library.questions)]
    position = 0
    for words in parts:
        found = text.find(squeeze(words), position)
        assert found >= 0, f"'{words}' is missing from the pack, or out of order"
        position = found
    if BuiltSite(site).html("self-check/").select(".sc-item"):
        assert "Answerkey" in text
    assert text.startswith("Teacheredition"), "the teacher edition's banner prints"
    if library.classroom.lesson is not None:
        lesson = BuiltSite(site / "teacher").html("teachers/lesson-plan/")
        assert lesson.find("a", href="../../downloads/teacher-pack.pdf") is not None, "the lesson plan links to the pack"
    else:
        assert not (site / "teacher/teachers/lesson-plan").exists()
