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
import random
import re
from collections.abc import Sequence

from .classroom_model import SelfCheckQuestion
from .dates import PartialDate
from .layout import Layout
from .mentions import Mention
from .model import Event, Library, Reading, Term
from .render import PAGE_SCRIPT, escape, link, render_paragraph_refs, safe_markdown

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
_INTRO = (
    "Check what you understood of the argument, the words and the events. Choose an answer to each question, "
    "then open *Show the answer* under it to check. Nothing you choose is saved or sent anywhere: reload the page to start again."
)
"""Without JavaScript; the script replaces it with the sentence in `data-enhanced`."""
_INTRO_ENHANCED = (
    "Check what you understood of the argument, the words and the events. Choose an answer to each question, then press "
    "*Check answer*; your score is at the end. If you are stuck, open *Show the answer*. Nothing you choose is saved or sent "
    "anywhere: reload the page to start again."
)
def render_self_check(library: Library, layout: Layout, mentions: dict[str, list[Mention]] | None = None, *, teacher: bool = False) -> str:
    """Markdown for the self-check page; sections without enough content are left out.

    Args:
        mentions: where each entry is mentioned; with it, each reading's words are the entries it mentions.
        teacher: add the answer key (the teacher edition prints it).
    """
    uri = layout.self_check
    enhanced = html.escape(_INTRO_ENHANCED.replace("*", ""), quote=True)
    lines = [
        "# Self-check",
        "",
        '<div class="self-check no-term-links" markdown>',
        "",
        f'<p class="sc-intro" data-enhanced="{enhanced}">{_emphasis(_INTRO)}</p>',
        "",
    ]
    key: list[str] = []
    counter = [0]
    groups = _groups(library, mentions)
    for reading, comprehension, terms in groups:
        titled = reading if len(groups) > 1 else None
        level = "###" if titled is not None else "##"
        body = _comprehension(library, uri, comprehension, level, counter, key) + _quiz(layout, uri, terms, level, counter, key)
        # A reading with nothing to practise (no question of its own, too few words) gets no empty heading.
        if titled is not None and body:
            lines += [f"## {escape(titled.meta.title)}", ""]
        lines += body
    order = _order(library, layout, uri, counter, key)
    if counter[0] == 0:
        lines += ["There is nothing to practise yet: the glossary and the timeline are too short.", ""]
    lines += order
    if counter[0]:
        lines += ['<p class="sc-score-slot" hidden></p>', ""]
    lines += ["</div>", ""]
    if teacher and key:
        lines += ['<div class="sc-key no-term-links" markdown>', "", "## Answer key", "", *key, "", "</div>", ""]
    assets = " ".join(f"[]({link(uri, asset)})" for asset in ASSETS)
    lines += ['<div class="sc-assets" hidden markdown>', assets, "</div>", "", PAGE_SCRIPT, ""]
    return "\n".join(lines)


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


def _comprehension(library: Library, uri: str, questions: list[SelfCheckQuestion], level: str, counter: list[int], key: list[str]) -> list[str]:
    if not questions:
        return []
    lines = [f"{level} Understanding the argument", "", "Which answer fits the reading best?", ""]
    for question in questions:
        counter[0] += 1
        number = counter[0]
        name = f"sc-q-{question.id}"
        lines += [
            f'<div class="sc-item sc-choice" id="{name}" markdown>',
            "",
            f'<fieldset data-answer="{question.answer}">',
            f'<legend><span class="sc-number">{number}.</span> {html.escape(question.prompt, quote=False)}</legend>',
        ]
        for value, choice in enumerate(question.choices, start=1):
            option = f'<input type="radio" name="{name}" value="{value}"> {html.escape(choice, quote=False)}'
            lines.append(f'<div class="sc-option"><label>{option}</label></div>')
        right = escape(question.choices[question.answer - 1])
        refs = render_paragraph_refs(library, uri, question.paragraphs, "Look at")
        body = [f"**{right}**", "", *safe_markdown(question.explanation).splitlines(), "", refs]
        lines += ["</fieldset>", "", f'??? note sc-answer "Show the answer to question {number}"', ""]
        lines += [f"    {line}" if line else "" for line in body]
        lines += ["", "</div>", ""]
        key.append(f"{number}. {right} ({refs.removeprefix('**Look at:** ')})")
    return lines


def _quiz(layout: Layout, uri: str, terms: list[Term], level: str, counter: list[int], key: list[str]) -> list[str]:
    if len(terms) < 2:
        return []
    chosen = pick_quiz_terms(terms)
    if not chosen:
        return []
    lines = [f"{level} Words", "", "Which glossary term fits each description?", ""]
    for term in chosen:
        counter[0] += 1
        number = counter[0]
        name = f"sc-term-{term.id}"
        lines += [
            f'<div class="sc-item sc-choice" id="{name}" markdown>',
            "",
            f'<fieldset data-answer="{term.id}">',
            f'<legend><span class="sc-number">{number}.</span> {blanked_definition(term)}</legend>',
        ]
        for choice in pick_choices(term, terms):
            option = f'<input type="radio" name="{name}" value="{choice.id}"> {html.escape(choice.title, quote=False)}'
            lines.append(f'<div class="sc-option"><label>{option}</label></div>')
        entry = f"**[{escape(term.title)}]({link(uri, layout.entry_uri(term))})**: {escape(term.short)}"
        lines += ["</fieldset>", "", f'??? note sc-answer "Show the answer to question {number}"', "", f"    {entry}", "", "</div>", ""]
        key.append(f"{number}. {escape(term.title)}")
    return lines


def _order(library: Library, layout: Layout, uri: str, counter: list[int], key: list[str]) -> list[str]:
    events = pick_events(library.events)
    if len(events) < 2:
        return []
    counter[0] += 1
    number = counter[0]
    shown = shuffled_events(events)
    answer = " ".join(event.id for event in events)
    lines = [
        "## Events in order",
        "",
        '<div class="sc-item sc-order" markdown>',
        "",
        f'<p id="sc-order-prompt"><span class="sc-number">{number}.</span> Put these {len(events)} events in the order they happened, earliest first.</p>',
        f'<ol class="sc-order__list" data-answer="{answer}" aria-labelledby="sc-order-prompt">',
    ]
    lines += [f'<li data-event="{event.id}"><span class="sc-order__title">{html.escape(event.title, quote=False)}</span></li>' for event in shown]
    lines += ["</ol>", "", '??? note sc-answer "Show the right order"', ""]
    for position, event in enumerate(events, start=1):
        target = link(uri, layout.timeline, layout.event_anchor(event.id))
        lines.append(f"    {position}. {event.date.human}: [{escape(event.title)}]({target})")
    lines += ["", "</div>", ""]
    key.append(f"{number}. " + "; ".join(f"{event.date.human}: {escape(event.title)}" for event in events))
    return lines


def _emphasis(text: str) -> str:
    return re.sub(r"\*([^*]+)\*", r"<em>\1</em>", html.escape(text, quote=False))


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
