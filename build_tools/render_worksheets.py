"""Printable worksheets, one per phase (before, during, after reading), and question numbers shared by every page.

A worksheet is made for paper: a name line, each question with the paragraphs it points to in one
short line, and a box to write in sized to the question's parts. It has no term links, so its
printed endnotes never define a word a question asks students to work out. Teacher notes print only
from the teacher edition, where ids in them become "Question N" links.
"""

from __future__ import annotations

import re

from .assets import asset_uri
from .layout import Layout
from .model import PHASES, Library, Question
from .question_order import question_numbers
from .render import PAGE_SCRIPT, escape, link, safe_markdown

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


def render_worksheet(library: Library, layout: Layout, phase: str, *, teacher: bool = False) -> str:
    """Markdown for the worksheet of one phase."""
    uri = layout.worksheet(phase)
    numbers = question_numbers(library)
    questions = [question for question in library.questions if question.phase == phase]
    title = f"Worksheet: {PHASE_TITLES[phase].lower()}"
    readings = " · ".join(f"*{escape(reading.meta.title)}*" for reading in library.readings.values())
    lines = [
        f"# {title}",
        "",
        '<div class="worksheet no-term-links" markdown>',
        "",
        '<p class="worksheet__name">Name: <span class="worksheet__blank"></span> Date: <span class="worksheet__blank"></span></p>',
        "",
        readings,
        "",
        f'<p class="worksheet__screen" markdown>On screen, with quotes from the reading: [discussion questions]({link(uri, layout.questions)}).</p>',
        "",
    ]
    if not questions:
        lines += ["There are no questions for this part yet.", ""]
    for question in questions:
        number = numbers[question.id]
        lines += [f'<div class="question worksheet__question" id="{layout.question_anchor(question.id)}" markdown>', ""]
        lines += [f'<p class="question__label">Question {number}</p>', "", safe_markdown(question.prompt), ""]
        refs = paragraph_line(library, question)
        if refs:
            lines += [f'<p class="worksheet__refs">{refs}</p>', ""]
        parts = answer_parts(question)
        lines += [f'<div class="answer-space answer-space--{parts}" data-parts="{parts}" aria-hidden="true"></div>', ""]
        if teacher:
            notes = safe_markdown(link_question_ids(question.teacher_notes, numbers, uri, layout))
            lines += ['!!! tip "Teacher notes"', "", *(f"    {line}" if line else "" for line in notes.splitlines()), ""]
        lines += ["</div>", ""]
    lines += ["</div>", ""]
    # The same loader as the self-check: it turns the hidden link into a stylesheet (MkDocs checks the link).
    lines += ['<div class="sc-assets" hidden markdown>', f"[]({link(uri, ASSET)})", "</div>", "", PAGE_SCRIPT, ""]
    return "\n".join(lines)
