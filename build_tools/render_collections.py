"""Pages that list many entries: the glossary and actor indexes, the timeline, the questions."""

from __future__ import annotations

from itertools import groupby

from .layout import Layout
from .mentions import Mention
from .model import ACTOR_GROUPS, PHASES, SKILLS, Actor, Library, Question
from .question_order import group_questions
from .render import escape, link, render_paragraph_quotes, safe_markdown
from .render_diagram import STYLESHEET as DIAGRAM_STYLESHEET
from .render_diagram import render_diagram
from .render_timeline import render_timeline_page
from .render_worksheets import link_question_ids, paragraph_line, question_numbers
from .wording import the_readings, time_of

__all__ = ["family_name", "render_actors_index", "render_glossary_index", "render_questions", "render_timeline"]


def render_glossary_index(library: Library, layout: Layout) -> str:
    """Every term, A to Z: the one page that lists them all (entry pages are not in the nav, to keep it short)."""
    uri = layout.glossary_index
    lines = ["# Glossary", "", f"Words and names {the_readings(library)} {'uses' if len(library.readings) <= 1 else 'use'}, explained in plain language. Each entry shows where they are used.", ""]
    terms = sorted(library.terms.values(), key=lambda term: (layout.index_anchor(term) == "letter-other", term.title.lower()))
    for anchor, group in groupby(terms, key=layout.index_anchor):
        members = list(group)
        # Never a bare digit as a heading: titles that start with a number or a sign file under one heading.
        letter = members[0].title[:1].upper() if anchor != "letter-other" else "Numbers and signs"
        lines += [f"## {escape(letter)} {{ #{anchor} }}", "", '<div class="entry-list no-term-links" markdown>', ""]
        for term in members:
            lines.append(f"- **[{escape(term.title)}]({link(uri, layout.entry_uri(term))})**: {escape(term.short)}")
        lines += ["", "</div>", ""]
    return "\n".join(lines)


def render_actors_index(library: Library, layout: Layout) -> str:
    """Every actor, grouped by kind (people, states, ...)."""
    uri = layout.actors_index
    lines = ["---", "extra_css:", f"  - {DIAGRAM_STYLESHEET}", "---", "", "# People and groups", "", f"Who acts in the story, what they wanted {time_of(library)}, and how they are connected.", ""]
    diagram = render_diagram(library, layout, uri)
    if diagram:
        lines += ["## Who backs whom", "", diagram, ""]
    for heading, kinds in ACTOR_GROUPS.items():
        actors = sorted((actor for actor in library.actors.values() if actor.kind in kinds), key=_sort_key)
        if not actors:
            continue
        # Entry pages link back to their kind's anchor: the heading carries the first, empty spans the others.
        anchors = list(dict.fromkeys(layout.index_anchor(actor) for actor in actors))
        lines += [f"## {heading} {{ #{anchors[0]} }}", ""]
        lines += [f'<span id="{anchor}"></span>' for anchor in anchors[1:]]
        lines += ["", '<div class="entry-list no-term-links" markdown>', ""]
        lines += [f"- **[{escape(actor.name)}]({link(uri, layout.entry_uri(actor))})**: {escape(actor.short)}" for actor in actors]
        lines += ["", "</div>", ""]
    return "\n".join(lines)


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


def render_timeline(library: Library, layout: Layout, mentions: dict[str, list[Mention]]) -> str:
    """Eras on an axis, each event a compact card that opens in place; reads in order without JavaScript."""
    return render_timeline_page(library, layout)


def render_questions(library: Library, layout: Layout, *, teacher: bool = False) -> str:
    """Questions by reading, then by phase; teacher notes only in the teacher edition.

    With one reading (or every question about the same one) the reading headings are left out.
    """
    uri = layout.questions
    lines = ["# Discussion questions", "", "Questions to think about before, while and after you read. Each one points to the paragraphs it is about.", ""]
    sheets = [f"[{title.lower()}]({link(uri, layout.worksheet(phase))})" for phase, title in PHASES.items() if any(q.phase == phase for q in library.questions)]
    if sheets:
        lines += [f'<p class="worksheet-links">To print, use a worksheet: {" · ".join(sheets)}.</p>', ""]
    groups = group_questions(library)
    number = 0
    for reading, questions in groups:
        level = "##"
        if len(groups) > 1:
            title = escape(reading.meta.title) if reading else "Across the readings"
            scope = reading.id if reading else " ".join(library.readings)
            lines += [f'<div class="question-group" data-readings="{scope}" markdown>', ""]
            lines += [f"## {title}", ""]
            if reading:
                lines += [f"[Read it]({link(uri, reading.src_uri)}) · {escape(reading.meta.author)}, {reading.meta.date.human}", "{: .question-group__reading }", ""]
            level = "###"
        for phase, phase_title in PHASES.items():
            in_phase = [question for question in questions if question.phase == phase]
            if not in_phase:
                continue
            lines += [f"{level} {phase_title}", ""]
            for question in in_phase:
                number += 1
                lines += _question(library, uri, layout, question, number, teacher)
        if len(groups) > 1:
            lines += ["</div>", ""]
    return "\n".join(lines)


def _question(library: Library, uri: str, layout: Layout, question: Question, number: int, teacher: bool) -> list[str]:
    anchor = layout.question_anchor(question.id)
    lines = [f'<div class="question" id="{anchor}" markdown>', "", f'<p class="question__label">Question {number} · {SKILLS[question.skill]}</p>', ""]
    # A question that asks students to guess words does not link (and so define) them.
    prompt = safe_markdown(question.prompt)
    lines += [f'<div class="no-term-links" markdown>\n\n{prompt}\n\n</div>' if question.guess_terms else prompt, ""]
    refs = render_paragraph_quotes(library, uri, question.paragraphs, [], "Look at")
    if refs:
        lines += [refs, "", f'<p class="question__refs-print no-term-links">{paragraph_line(library, question)}</p>', ""]
    lines += ['<div class="answer-space" aria-hidden="true"></div>', ""]
    if teacher:
        notes = link_question_ids(question.teacher_notes, question_numbers(library), uri, layout)
        notes = "\n".join(f"    {line}" if line else "" for line in safe_markdown(notes).splitlines())
        lines += ['!!! tip "Teacher notes"', "", notes, ""]
    lines += ["</div>", ""]
    return lines
