"""The lesson plan page: the teacher edition's first page, from `lesson.yml`."""

from __future__ import annotations

from .classroom_model import LessonPhase, LessonPlan
from .layout import Layout
from .model import Library
from .render import escape, link, safe_markdown
from .render_worksheets import PHASE_TITLES, link_question_ids, question_numbers

__all__ = ["render_lesson_plan"]


def render_lesson_plan(library: Library, layout: Layout, lesson: LessonPlan) -> str:
    """Markdown for the lesson plan, with links to the reading, the worksheets and the self-check."""
    uri = layout.lesson_plan
    numbers = question_numbers(library)
    reading = library.readings[lesson.reading]
    phases: list[tuple[str, LessonPhase]] = [("before", lesson.before), ("during", lesson.during), ("after", lesson.after)]
    total = sum(phase.minutes for _, phase in phases)

    def text(value: str) -> str:
        return safe_markdown(link_question_ids(value, numbers, uri, layout))

    lines = [
        "---",
        "title: Lesson plan",
        "---",
        "",
        f"# Lesson plan: {escape(lesson.title)}",
        "",
        '<div class="lesson-plan no-term-links" markdown>',
        "",
        f"**Reading:** [{escape(reading.meta.title)}]({link(uri, reading.src_uri)}) · **For:** {escape(lesson.audience)} · **Time:** {total} minutes",
        "",
        "## Objectives",
        "",
        "By the end of the lesson, students can:",
        "",
        *(f"- {escape(objective)}" for objective in lesson.objectives),
        "",
        "## Timings",
        "",
    ]
    for phase, plan in phases:
        sheet = layout.worksheet(phase)
        has_sheet = any(question.phase == phase for question in library.questions)
        extra = f" · [worksheet]({link(uri, sheet)})" if has_sheet else ""
        lines += [f"### {PHASE_TITLES[phase]} ({plan.minutes} minutes){extra}", ""]
        lines += [f"{number}. {text(activity)}" for number, activity in enumerate(plan.activities, start=1)]
        lines.append("")
    lines += ["## Materials", "", *(f"- {text(item)}" for item in lesson.materials), ""]
    lines += ["## Differentiation", "", "**Support**", "", *(f"- {text(item)}" for item in lesson.differentiation.support), ""]
    lines += ["**Extension**", "", *(f"- {text(item)}" for item in lesson.differentiation.extension), ""]
    if lesson.homework:
        lines += ["## Homework", "", text(lesson.homework), ""]
    lines += [
        "## Answers and printing",
        "",
        f"- [Discussion questions with teacher notes]({link(uri, layout.questions)}): the notes are the answer key.",
        f"- [Self-check with its answer key]({link(uri, layout.self_check)}) at the end of the page.",
        "- Worksheets with teacher notes: " + " · ".join(f"[{PHASE_TITLES[p].lower()}]({link(uri, layout.worksheet(p))})" for p, _ in phases) + ".",
        "",
        "To print any page, use the browser's *Print* command; navigation and buttons are left out on paper.",
        "",
        # Raw HTML: the pack is printed after the build (`python -m build_tools pack`), so MkDocs cannot check or
        # rewrite the link; "../" is the extra level of directory URLs (the page is served as teachers/lesson-plan/).
        f'<a href="../{link(uri, "downloads/teacher-pack.pdf")}" download>Download the teacher pack (PDF)</a>: this plan, the answer keys and the three worksheets, ready to print.',
        "",
        "</div>",
        "",
    ]
    return "\n".join(lines)
