"""Printable worksheets, one per phase (before, during, after reading), and question numbers shared by every page.

A worksheet is made for paper: a name line, each question with the paragraphs it points to in one
short line, and a box to write in sized to the question's parts. It has no term links, so its
printed endnotes never define a word a question asks students to work out. Teacher notes print only
from the teacher edition, where ids in them become "Question N" links.
"""

from __future__ import annotations

import re

from markupsafe import Markup

from .assets import asset_uri
from .layout import Layout
from .model import PHASES, Library, Question
from .question_order import question_numbers
from .render import PAGE_SCRIPT, escape, link
from .templating import PageTemplates, page_templates

__all__ = ["ASSET", "PHASE_TITLES", "answer_parts", "link_question_ids", "paragraph_line", "question_numbers", "render_worksheet"]

PHASE_TITLES: dict[str, str] = {phase: title for phase, title in PHASES.items()}
"""Each phase's title (kept beside the phases, in the model)."""
MAX_PARTS = 4
"""Answer boxes grow with the parts of a question up to this many."""

ASSET = asset_uri("worksheet.css")
"""The worksheets' print stylesheet in the docs folder, loaded by worksheet pages only (the reading page stays light)."""

_PART = re.compile(r"^(?:[-*+]|\d+[.)])\s+\S", re.MULTILINE)
_CODE_ID = re.compile(r"`([a-z0-9]+(?:-[a-z0-9]+)*)`")


def answer_parts(question: Question) -> int:
    """How many answers the prompt asks for: its list items at the left margin, at least one."""
    return max(1, min(MAX_PARTS, len(_PART.findall(question.prompt))))


def link_question_ids(text: str, numbers: dict[str, int], page_uri: str, layout: Layout) -> str:
    """Teacher Markdown with each `question-id` in code font replaced by a link "Question N"."""

    def replace(match: re.Match[str]) -> str:
        number = numbers.get(match.group(1))
        if number is None:
            return match.group(0)
        return f"[Question {number}]({link(page_uri, layout.questions, layout.question_anchor(match.group(1)))})"

    return _CODE_ID.sub(replace, text)


def paragraph_line(library: Library, question: Question) -> str:
    """`Look at: paragraphs 4, 5 and 9.` as plain text (with the reading's title when there are several)."""
    parts = []
    for reading_id, numbers in question.paragraphs.items():
        ordered = [str(number) for number in sorted(set(numbers))]
        words = ordered[0] if len(ordered) == 1 else f"{', '.join(ordered[:-1])} and {ordered[-1]}"
        noun = "paragraph" if len(ordered) == 1 else "paragraphs"
        title = f" of “{escape(library.readings[reading_id].meta.title)}”" if len(library.readings) > 1 else ""
        parts.append(f"{noun} {words}{title}")
    return f"Look at: {'; '.join(parts)}." if parts else ""


def render_worksheet(library: Library, layout: Layout, phase: str, *, teacher: bool = False, templates: PageTemplates | None = None) -> str:
    """Markdown for the worksheet of one phase."""
    uri = layout.worksheet(phase)
    numbers = question_numbers(library)
    items = [
        (
            question,
            numbers[question.id],
            Markup(paragraph_line(library, question)),
            answer_parts(question),
            link_question_ids(question.teacher_notes, numbers, uri, layout) if teacher else "",
        )
        for question in library.questions
        if question.phase == phase
    ]
    return (templates or page_templates()).render(
        "worksheet.md.j2",
        uri=uri,
        layout=layout,
        title=f"Worksheet: {PHASE_TITLES[phase].lower()}",
        readings=list(library.readings.values()),
        teacher=teacher,
        items=items,
        asset=ASSET,
        page_script=Markup(PAGE_SCRIPT),
    )
