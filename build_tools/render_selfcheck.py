"""The self-check page: the teacher's comprehension questions, a word quiz from the glossary, events to order.

Everything is plain content first: the choices are on the page and each answer waits in a neutral
box to open. A small script, loaded only on this page, adds check buttons, up and down buttons to
reorder events, a total score and feedback that screen readers announce. Nothing is stored or sent.
Choices are deterministic (seeded by ids), so the page is the same on every build. With several
readings, questions are grouped by reading: its words are the entries it mentions, and the wrong
choices come from the same reading. The teacher edition adds an answer key that prints.
"""

from __future__ import annotations

import hashlib
import html
import itertools
import random
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from markupsafe import Markup

from .classroom_model import SelfCheckQuestion
from .dates import PartialDate
from .layout import Layout
from .mentions import Mention
from .model import Event, Library, Reading, Term
from .render import PAGE_SCRIPT, paragraph_groups
from .templating import PageTemplates, page_templates

__all__ = [
    "ASSETS",
    "CHOICES",
    "ORDER_SIZE",
    "QUIZ_SIZE",
    "blanked_definition",
    "pick_choices",
    "pick_events",
    "pick_quiz_terms",
    "render_self_check",
    "shuffled_events",
]

ASSETS = ("assets/self-check.css", "assets/self-check.js")
"""Files in the docs folder that make the page interactive; only this page loads them.

The page links to them, so the engine checks they exist (a strict build stops without them)."""
QUIZ_SIZE = 10
"""At most this many quiz questions."""
CHOICES = 4
"""Choices per quiz question (fewer when the glossary is smaller)."""
ORDER_SIZE = 5
"""Events to put in order."""

_BLANK = "…"


def render_self_check(
    library: Library, layout: Layout, mentions: dict[str, list[Mention]] | None = None, *, teacher: bool = False, templates: PageTemplates | None = None
) -> str:
    """Markdown for the self-check page; sections without enough content are left out.

    Args:
        mentions: where each entry is mentioned; with it, each reading's words are the entries it mentions.
        teacher: add the answer key (the teacher edition prints it).
        templates: the project's page templates (default: the built-in ones).
    """
    uri = layout.self_check
    counter = itertools.count(1)
    groups = _groups(library, mentions)
    planned = [
        _Group(
            reading.meta.title if len(groups) > 1 and reading is not None else "",
            _comprehension(library, uri, comprehension, counter),
            _quiz(terms, counter),
        )
        for reading, comprehension, terms in groups
    ]
    order = _order(library, counter)
    return (templates or page_templates()).render(
        "self_check.md.j2",
        uri=uri,
        layout=layout,
        teacher=teacher,
        count=next(counter) - 1,
        groups=planned,
        several=len(library.readings) > 1,
        order=order,
        assets=ASSETS,
        page_script=Markup(PAGE_SCRIPT),
    )


@dataclass(frozen=True)
class _Choice:
    """A comprehension question as the template shows it."""

    number: int
    name: str
    question: SelfCheckQuestion
    right: str
    paragraphs: list[tuple[Reading, list[tuple[int, Markup]]]]
    """The paragraphs it is about, linked from the page (as `paragraph_links` in parts.md.j2 takes them)."""


@dataclass(frozen=True)
class _Word:
    """A quiz question: a definition with its term blanked, and terms to choose from."""

    number: int
    name: str
    term: Term
    blanked: Markup
    choices: list[Term]


@dataclass(frozen=True)
class _Order:
    """The events to put in order: right order, shown order, and the answer the script checks."""

    number: int
    events: list[Event]
    shown: list[Event]
    answer: str


@dataclass(frozen=True)
class _Group:
    heading: str
    """The reading's title when there are several readings; empty otherwise."""
    comprehension: list[_Choice]
    quiz: list[_Word]


def pick_quiz_terms(terms: Sequence[Term]) -> list[Term]:
    """Up to QUIZ_SIZE terms in a fixed mixed order, skipping those whose blanked definition would be garbled.

    Adding one term changes at most one question.
    """
    usable = [term for term in terms if blanked_definition(term) is not None]
    return sorted(usable, key=lambda term: _rank(term.id))[:QUIZ_SIZE]


def pick_choices(term: Term, terms: Sequence[Term]) -> list[Term]:
    """The right term and up to CHOICES - 1 others, in an order seeded by the term's id."""
    rng = random.Random(f"choices:{term.id}")
    others = sorted((other for other in terms if other.id != term.id), key=lambda other: other.id)
    choices = [*rng.sample(others, min(CHOICES - 1, len(others))), term]
    rng.shuffle(choices)
    return choices


def pick_events(events: Sequence[Event]) -> list[Event]:
    """Up to ORDER_SIZE events spread over the timeline, none of whose dates could overlap.

    `2019` and `2019-06` cannot be told apart in order, so only events whose dates are clearly
    apart are candidates; from those, evenly spaced ones are chosen, oldest first.
    """
    candidates: list[Event] = []
    for event in sorted(events, key=lambda event: event.date):
        if not candidates or _last_day(candidates[-1].date) < _first_day(event.date):
            candidates.append(event)
    if len(candidates) <= ORDER_SIZE:
        return candidates
    last = len(candidates) - 1
    return [candidates[round(step * last / (ORDER_SIZE - 1))] for step in range(ORDER_SIZE)]


def shuffled_events(events: Sequence[Event]) -> list[Event]:
    """The events in a seeded order where none stands in its right place, so the task never starts solved."""
    shown = list(events)
    if len(shown) < 2:
        return shown
    rng = random.Random("order:" + " ".join(event.id for event in events))
    while any(a is b for a, b in zip(shown, events, strict=True)):
        rng.shuffle(shown)
    return shown


def _groups(library: Library, mentions: dict[str, list[Mention]] | None) -> list[tuple[Reading | None, list[SelfCheckQuestion], list[Term]]]:
    """(reading, its comprehension questions, its words) per reading; one group for all when there is no reading."""
    questions = list(library.classroom.self_check)
    terms = list(library.terms.values())
    if not library.readings:
        return [(None, questions, terms)]
    groups: list[tuple[Reading | None, list[SelfCheckQuestion], list[Term]]] = []
    for reading in library.readings.values():
        own = [question for question in questions if next(iter(question.paragraphs)) == reading.id]
        scope = terms
        if mentions is not None:
            scope = [term for term in terms if any(m.reading_id == reading.id for m in mentions.get(term.id, []))]
        groups.append((reading, own, scope))
    return groups


def _comprehension(library: Library, uri: str, questions: list[SelfCheckQuestion], counter: Iterator[int]) -> list[_Choice]:
    items = []
    for question in questions:
        number = next(counter)
        right = question.choices[question.answer - 1]
        items.append(_Choice(number, f"sc-q-{question.id}", question, right, paragraph_groups(library, uri, question.paragraphs)))
    return items


def _quiz(terms: list[Term], counter: Iterator[int]) -> list[_Word]:
    if len(terms) < 2:
        return []
    return [_Word(next(counter), f"sc-term-{term.id}", term, Markup(blanked_definition(term)), pick_choices(term, terms)) for term in pick_quiz_terms(terms)]


def _order(library: Library, counter: Iterator[int]) -> _Order | None:
    events = pick_events(library.events)
    if len(events) < 2:
        return None
    return _Order(next(counter), events, shuffled_events(events), " ".join(event.id for event in events))


def blanked_definition(term: Term) -> str | None:
    """The short definition as HTML with the term's names blanked out; None when that garbles it.

    One blank reads as a gap to fill; two or more (a name used again and again) leave a riddle.
    """
    blanked = _blanked(term)
    return None if blanked.count(_BLANK) > 1 else blanked


def _blanked(term: Term) -> str:
    """The short definition as HTML, with the term's own names blanked out so it does not give itself away."""
    names = sorted(_give_aways(term), key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(name) for name in names) + r")(?:e?s)?(?!\w)", re.IGNORECASE)
    pieces = pattern.split(term.short)
    return _BLANK.join(html.escape(piece, quote=False) for piece in pieces)


def _give_aways(term: Term) -> set[str]:
    """Words that would name the answer: each name, its parts around brackets, its long capitalised words."""
    words = set(term.names)
    for name in term.names:
        base, _, rest = name.partition(" (")
        words.add(base)
        if rest.endswith(")") and " " not in rest:
            words.add(rest[:-1])
    base = term.title.partition(" (")[0]
    words.update(word for word in re.findall(r"\w+", base) if word[0].isupper() and len(word) >= 5)
    return {word for word in words if word}


def _rank(entry_id: str) -> str:
    return hashlib.sha256(entry_id.encode("utf-8")).hexdigest()


def _first_day(date: PartialDate) -> tuple[int, int, int]:
    return (date.year, date.month or 1, date.day or 1)


def _last_day(date: PartialDate) -> tuple[int, int, int]:
    return (date.year, date.month or 12, date.day or 31)
