"""Pages that list many entries: the glossary and actor indexes, the timeline, the questions."""

from __future__ import annotations

from itertools import groupby

from .layout import Layout
from .mentions import Mention
from .model import Actor, Library, Question, Term
from .render import escape, link, render_disagreements, render_paragraph_quotes, render_sources, safe_markdown
from .render_worksheets import link_question_ids, paragraph_line, question_numbers

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
    uri = layout.glossary_index
    lines = ["# Glossary", "", "Words and names the reading uses, explained in plain language. Each entry shows where the reading uses it.", ""]
    terms = sorted(library.terms.values(), key=lambda term: term.title.lower())
    for letter, group in groupby(terms, key=lambda term: term.title[:1].upper()):
        lines += [f"## {letter}", "", '<div class="entry-list no-term-links" markdown>', ""]
        for term in group:
            lines.append(f"- **[{escape(term.title)}]({link(uri, layout.entry_uri(term))})**: {escape(term.short)}")
        lines += ["", "</div>", ""]
    return "\n".join(lines)


def render_actors_index(library: Library, layout: Layout) -> str:
    uri = layout.actors_index
    lines = ["# People and groups", "", "Who acts in the story, what they wanted in 2020, and how they are connected.", ""]
    for kind, heading in _ACTOR_GROUPS.items():
        actors = sorted((actor for actor in library.actors.values() if actor.kind == kind), key=lambda actor: actor.name.lower())
        if not actors:
            continue
        lines += [f"## {heading}", "", '<div class="entry-list no-term-links" markdown>', ""]
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
    """Questions by phase; teacher notes only in the teacher edition."""
    uri = layout.questions
    lines = ["# Discussion questions", "", "Questions to think about before, while and after you read. Each one points to the paragraphs it is about.", ""]
    sheets = [f"[{title.lower()}]({link(uri, layout.worksheet(phase))})" for phase, title in _PHASES.items() if any(q.phase == phase for q in library.questions)]
    if sheets:
        lines += [f'<p class="worksheet-links">To print, use a worksheet: {" · ".join(sheets)}.</p>', ""]
    number = 0
    for phase, title in _PHASES.items():
        questions = [question for question in library.questions if question.phase == phase]
        if not questions:
            continue
        lines += [f"## {title}", ""]
        for question in questions:
            number += 1
            lines += _question(library, uri, layout, question, number, teacher)
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
