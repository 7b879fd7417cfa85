"""Pages that list many entries: the glossary and actor indexes, the timeline, the questions."""

from __future__ import annotations

from itertools import groupby

from markupsafe import Markup

from .layout import Layout
from .mentions import Mention
from .model import ACTOR_GROUPS, PHASES, SKILLS, Actor, Library, Question
from .question_order import group_questions
from .render import render_paragraph_quotes
from .render_diagram import STYLESHEET as DIAGRAM_STYLESHEET
from .render_diagram import render_diagram
from .render_timeline import render_timeline_page
from .render_worksheets import link_question_ids, paragraph_line, question_numbers
from .templating import PageTemplates, page_templates
from .wording import the_readings, time_of

__all__ = ["family_name", "render_actors_index", "render_glossary_index", "render_questions", "render_timeline"]


def render_glossary_index(library: Library, layout: Layout, templates: PageTemplates | None = None) -> str:
    """Every term, A to Z: the one page that lists them all (entry pages are not in the nav, to keep it short)."""
    terms = sorted(library.terms.values(), key=lambda term: (layout.index_anchor(term) == "letter-other", term.title.lower()))
    groups = []
    for anchor, group in groupby(terms, key=layout.index_anchor):
        members = list(group)
        # Never a bare digit as a heading: titles that start with a number or a sign file under one heading.
        letter = members[0].title[:1].upper() if anchor != "letter-other" else "Numbers and signs"
        groups.append((anchor, letter, members))
    verb = "uses" if len(library.readings) <= 1 else "use"
    return (templates or page_templates()).render(
        "glossary_index.md.j2", uri=layout.glossary_index, layout=layout, the_readings=the_readings(library), verb=verb, groups=groups
    )


def render_actors_index(library: Library, layout: Layout, templates: PageTemplates | None = None) -> str:
    """Every actor, grouped by kind (people, states, ...)."""
    uri = layout.actors_index
    groups = []
    for heading, kinds in ACTOR_GROUPS.items():
        actors = sorted((actor for actor in library.actors.values() if actor.kind in kinds), key=_sort_key)
        if actors:
            groups.append((heading, list(dict.fromkeys(layout.index_anchor(actor) for actor in actors)), actors))
    return (templates or page_templates()).render(
        "actors_index.md.j2",
        uri=uri,
        layout=layout,
        stylesheet=DIAGRAM_STYLESHEET,
        when=time_of(library),
        diagram=Markup(render_diagram(library, layout, uri, templates=templates)),
        groups=groups,
    )


_NAME_PARTICLES = ("al-", "el-", "al ", "de ", "van ", "von ")
_FAMILY_PREFIXES = {"abdul", "abd", "abu", "bin", "ibn", "bint", "van", "von", "de", "del", "da"}


def family_name(name: str) -> str:
    """The part of a person's name a list sorts by: the last word without 'al-', keeping a joined prefix ('Abdul Rahman')."""
    words = name.split()
    if len(words) < 2:
        return name.lower()
    family = words[-1:]
    if len(words) > 2 and words[-2].lower() in _FAMILY_PREFIXES:
        family = words[-2:]
    text = " ".join(family).lower()
    for particle in _NAME_PARTICLES:
        text = text.removeprefix(particle)
    return text


def _sort_key(actor: Actor) -> tuple[str, str]:
    return (family_name(actor.name), actor.name.lower()) if actor.kind == "person" else (actor.name.lower(), "")


def render_timeline(library: Library, layout: Layout, mentions: dict[str, list[Mention]], templates: PageTemplates | None = None) -> str:
    """Eras on an axis, each event a compact card that opens in place; reads in order without JavaScript."""
    return render_timeline_page(library, layout, templates)


def render_questions(library: Library, layout: Layout, *, teacher: bool = False, templates: PageTemplates | None = None) -> str:
    """Questions by reading, then by phase; teacher notes only in the teacher edition.

    With one reading (or every question about the same one) the reading headings are left out.
    """
    uri = layout.questions
    numbers = question_numbers(library) if teacher else {}
    sheets = [(phase, title) for phase, title in PHASES.items() if any(q.phase == phase for q in library.questions)]
    groups = group_questions(library)
    planned = []
    number = 0
    for reading, questions in groups:
        phases = []
        for phase, phase_title in PHASES.items():
            items = []
            for question in (question for question in questions if question.phase == phase):
                number += 1
                items.append(_QuestionItem(question, number, SKILLS[question.skill], library, uri, layout, numbers, templates))
            if items:
                phases.append((phase_title, items))
        planned.append((reading, reading.id if reading else " ".join(library.readings), phases))
    return (templates or page_templates()).render(
        "questions.md.j2", uri=uri, layout=layout, teacher=teacher, sheets=sheets, groups=planned, several=len(groups) > 1
    )


class _QuestionItem:
    """A question as the template shows it: its number, skill, quoted paragraphs and, for the teacher, linked notes."""

    def __init__(
        self, question: Question, number: int, skill: str, library: Library, uri: str, layout: Layout, numbers: dict[str, int], templates: PageTemplates | None
    ) -> None:
        self.question = question
        self.number = number
        self.skill = skill
        self.refs = Markup(render_paragraph_quotes(library, uri, question.paragraphs, [], "Look at", templates))
        self.refs_print = Markup(paragraph_line(library, question))
        self.notes = link_question_ids(question.teacher_notes, numbers, uri, layout) if numbers else ""
