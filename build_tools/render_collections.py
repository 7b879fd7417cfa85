"""Pages that list many entries: the glossary and actor indexes, the timeline, the questions."""

from __future__ import annotations

from itertools import groupby

from .layout import Layout
from .mentions import Mention
from .model import Actor, Library, Question, Term
from .question_order import group_questions
from .render import escape, link, render_disagreements, render_paragraph_quotes, render_sources, safe_markdown
from .render_worksheets import link_question_ids, paragraph_line, question_numbers
from .wording import the_readings, time_of

__all__ = ["render_actors_index", "render_glossary_index", "render_questions", "render_timeline"]

_PHASES = {"before": "Before reading", "during": "While reading", "after": "After reading"}
_SKILLS = {
    "comprehension": "Understanding",
    "vocabulary": "Vocabulary",
    "point-of-view": "Point of view",
    "evidence": "Evidence and opinion",
    "perspectives": "Other perspectives",
    "connections": "Connections",
}
_ACTOR_GROUPS = {
    "person": "People",
    "state": "States",
    "government": "Governments",
    "military": "Military forces",
    "armed-group": "Armed groups",
    "organisation": "Organisations",
    "movement": "Movements",
}


def render_glossary_index(library: Library, layout: Layout) -> str:
    """Every term, A to Z: the one page that lists them all (entry pages are not in the nav, to keep it short)."""
    uri = layout.glossary_index
    lines = ["# Glossary", "", f"Words and names {the_readings(library)} {'uses' if len(library.readings) <= 1 else 'use'}, explained in plain language. Each entry shows where they are used.", ""]
    terms = sorted(library.terms.values(), key=lambda term: (layout.index_anchor(term) == "letter-other", term.title.lower()))
    for anchor, group in groupby(terms, key=layout.index_anchor):
        members = list(group)
        letter = members[0].title[:1].upper() if anchor != "letter-other" else "Other"
        lines += [f"## {escape(letter)} {{ #{anchor} }}", "", '<div class="entry-list no-term-links" markdown>', ""]
        for term in members:
            lines.append(f"- **[{escape(term.title)}]({link(uri, layout.entry_uri(term))})**: {escape(term.short)}")
        lines += ["", "</div>", ""]
    return "\n".join(lines)


def render_actors_index(library: Library, layout: Layout) -> str:
    """Every actor, grouped by kind (people, states, ...)."""
    uri = layout.actors_index
    lines = ["# People and groups", "", f"Who acts in the story, what they wanted {time_of(library)}, and how they are connected.", ""]
    for kind, heading in _ACTOR_GROUPS.items():
        actors = sorted((actor for actor in library.actors.values() if actor.kind == kind), key=lambda actor: actor.name.lower())
        if not actors:
            continue
        lines += [f"## {heading} {{ #{layout.index_anchor(actors[0])} }}", "", '<div class="entry-list no-term-links" markdown>', ""]
        lines += [f"- **[{escape(actor.name)}]({link(uri, layout.entry_uri(actor))})**: {escape(actor.short)}" for actor in actors]
        lines += ["", "</div>", ""]
    return "\n".join(lines)


def render_timeline(library: Library, layout: Layout, mentions: dict[str, list[Mention]]) -> str:
    """Chronological, grouped by year; plain headings and lists, so it reads in order without JavaScript."""
    uri = layout.timeline
    lines = ["# Timeline", "", "What happened before the reading was written, oldest first. Each event links to the people, terms and paragraphs it explains.", ""]
    for year, events in groupby(library.events, key=lambda event: event.date.year):
        lines += [f"## {year}", ""]
        for event in events:
            when = event.date.human + (f" to {event.end_date.human}" if event.end_date else "")
            lines += [f"### {escape(event.title)} {{ #{layout.event_anchor(event.id)} }}", "", f'<p class="event-date"><time datetime="{event.date.iso}">{when}</time></p>', ""]
            lines += [safe_markdown(event.description), ""]
            related: list[Term | Actor] = [*(library.actors[a] for a in event.actors), *(library.terms[t] for t in event.terms)]
            if related:
                names = ", ".join(f"[{escape(entry.label)}]({link(uri, layout.entry_uri(entry))})" for entry in related)
                lines += [f"**Who and what:** {names}", ""]
            own = [mention for entry_id in (*event.actors, *event.terms) for mention in mentions.get(entry_id, [])]
            refs = render_paragraph_quotes(library, uri, event.paragraphs, own)
            if refs:
                lines += [refs, ""]
            disagreements = render_disagreements(library, uri, event.disagreements)
            if disagreements:
                lines += [disagreements, ""]
            sources = render_sources(event.sources, "", library.publishers).strip()
            lines += ['??? note "Sources"', "", *(f"    {line}" for line in sources.splitlines()), ""]
    return "\n".join(lines)


def render_questions(library: Library, layout: Layout, *, teacher: bool = False) -> str:
    """Questions by reading, then by phase; teacher notes only in the teacher edition.

    With one reading (or every question about the same one) the reading headings are left out.
    """
    uri = layout.questions
    lines = ["# Discussion questions", "", "Questions to think about before, while and after you read. Each one points to the paragraphs it is about.", ""]
    sheets = [f"[{title.lower()}]({link(uri, layout.worksheet(phase))})" for phase, title in _PHASES.items() if any(q.phase == phase for q in library.questions)]
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
        for phase, phase_title in _PHASES.items():
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
    lines = [f'<div class="question" id="{anchor}" markdown>', "", f'<p class="question__label">Question {number} · {_SKILLS[question.skill]}</p>', ""]
    # A question that asks students to guess words does not link (and so define) them.
    prompt = safe_markdown(question.prompt)
    lines += [f'<div class="no-term-links" markdown>\n\n{prompt}\n\n</div>' if question.guess_terms else prompt, ""]
    refs = render_paragraph_quotes(library, uri, question.paragraphs, [], "Look at")
    if refs:
        lines += [refs, "", f'<p class="question__refs-print">{paragraph_line(library, question)}</p>', ""]
    lines += ['<div class="answer-space" aria-hidden="true"></div>', ""]
    if teacher:
        notes = link_question_ids(question.teacher_notes, question_numbers(library), uri, layout)
        notes = "\n".join(f"    {line}" if line else "" for line in safe_markdown(notes).splitlines())
        lines += ['!!! tip "Teacher notes"', "", notes, ""]
    lines += ["</div>", ""]
    return lines
