"""The lesson plan page: the teacher edition's first page, from `lesson.yml`."""

from __future__ import annotations

from .classroom_model import LessonPhase, LessonPlan
from .layout import Layout
from .model import Library
from .render_worksheets import PHASE_TITLES, link_question_ids, question_numbers
from .templating import PageTemplates, page_templates

__all__ = ["render_lesson_plan"]


def render_lesson_plan(library: Library, layout: Layout, lesson: LessonPlan, templates: PageTemplates | None = None) -> str:
    """Markdown for the lesson plan, with links to the reading, the worksheets and the self-check."""
    uri = layout.lesson_plan
    numbers = question_numbers(library)
    phases: list[tuple[str, LessonPhase]] = [("before", lesson.before), ("during", lesson.during), ("after", lesson.after)]

    def linked(value: str) -> str:
        return link_question_ids(value, numbers, uri, layout)

    return (templates or page_templates()).render(
        "lesson_plan.md.j2",
        lesson=lesson,
        reading=library.readings[lesson.reading],
        uri=uri,
        layout=layout,
        total=sum(phase.minutes for _, phase in phases),
        phases=[(phase, PHASE_TITLES[phase], plan, any(question.phase == phase for question in library.questions)) for phase, plan in phases],
        linked=linked,
    )
