"""The self-check page: a short quiz from the glossary and a put-in-order task from the timeline.

Everything is plain content first: the choices are on the page and each answer waits in a box to
open. A small script, loaded only on this page, adds check buttons, up and down buttons to reorder
events, and feedback that screen readers announce. Nothing is stored or sent anywhere.
Choices are deterministic (seeded by ids), so the page is the same on every build.
"""

from __future__ import annotations

import hashlib
import html
import random
import re
from collections.abc import Sequence

from .dates import PartialDate
from .layout import Layout
from .model import Event, Library, Term
from .render import escape, link

__all__ = ["ASSETS", "CHOICES", "ORDER_SIZE", "QUIZ_SIZE", "pick_choices", "pick_events", "pick_quiz_terms", "render_self_check"]

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
# Turns the hidden asset links (which MkDocs rewrites for this page's URL) into a stylesheet and a
# script; a relative path in raw HTML would break when the site is built without directory URLs.
_LOADER = """<script>
document.querySelectorAll(".sc-assets a").forEach(function (a) {
  var css = /\\.css$/.test(a.pathname), node = document.createElement(css ? "link" : "script");
  if (css) { node.rel = "stylesheet"; node.href = a.href; } else { node.src = a.href; }
  document.head.appendChild(node);
});
</script>"""
PAGE_SCRIPT = _LOADER
"""The page's one script, written by the build (not content): the sanitizer keeps it on this page only."""


def render_self_check(library: Library, layout: Layout) -> str:
    """Markdown for the self-check page; sections without enough content are left out."""
    uri = layout.self_check
    lines = [
        "# Self-check",
        "",
        '<div class="self-check no-term-links" markdown>',
        "",
        "Practise the words and the events behind the reading. Choose your answers, then open *Answer* to check them. "
        "Nothing you choose is saved or sent anywhere: reload the page to start again.",
        "",
    ]
    quiz = _quiz(library, layout, uri)
    order = _order(library, layout, uri)
    if not quiz and not order:
        lines += ["There is nothing to practise yet: the glossary and the timeline are too short.", ""]
    lines += [*quiz, *order, "</div>", ""]
    assets = " ".join(f"[]({link(uri, asset)})" for asset in ASSETS)
    lines += ['<div class="sc-assets" hidden markdown>', assets, "</div>", "", _LOADER, ""]
    return "\n".join(lines)


def pick_quiz_terms(terms: Sequence[Term]) -> list[Term]:
    """Up to QUIZ_SIZE terms in a fixed mixed order; adding one term changes at most one question."""
    return sorted(terms, key=lambda term: _rank(term.id))[:QUIZ_SIZE]


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


def _quiz(library: Library, layout: Layout, uri: str) -> list[str]:
    terms = list(library.terms.values())
    if len(terms) < 2:
        return []
    lines = ["## Words", "", "Which glossary term fits each description?", ""]
    for number, term in enumerate(pick_quiz_terms(terms), start=1):
        name = f"sc-term-{term.id}"
        lines += [
            f'<div class="sc-item sc-choice" id="{name}" markdown>',
            "",
            f'<fieldset data-answer="{term.id}">',
            f'<legend><span class="sc-number">{number}.</span> {_blanked(term)}</legend>',
        ]
        for choice in pick_choices(term, terms):
            option = f'<input type="radio" name="{name}" value="{choice.id}"> {html.escape(choice.title, quote=False)}'
            lines.append(f'<div class="sc-option"><label>{option}</label></div>')
        entry = f"**[{escape(term.title)}]({link(uri, layout.entry_uri(term))})**: {escape(term.short)}"
        lines += ["</fieldset>", "", f'??? success "Answer to question {number}"', "", f"    {entry}", "", "</div>", ""]
    return lines


def _order(library: Library, layout: Layout, uri: str) -> list[str]:
    events = pick_events(library.events)
    if len(events) < 2:
        return []
    shown = list(events)
    rng = random.Random("order:" + " ".join(event.id for event in events))
    while shown == events:
        rng.shuffle(shown)
    answer = " ".join(event.id for event in events)
    lines = [
        "## Events in order",
        "",
        '<div class="sc-item sc-order" markdown>',
        "",
        f'<p id="sc-order-prompt">Put these {len(events)} events in the order they happened, earliest first.</p>',
        f'<ol class="sc-order__list" data-answer="{answer}" aria-labelledby="sc-order-prompt">',
    ]
    lines += [f'<li data-event="{event.id}"><span class="sc-order__title">{html.escape(event.title, quote=False)}</span></li>' for event in shown]
    lines += ["</ol>", "", '??? success "Answer: the right order"', ""]
    for number, event in enumerate(events, start=1):
        target = link(uri, layout.timeline, layout.event_anchor(event.id))
        lines.append(f"    {number}. {event.date.human}: [{escape(event.title)}]({target})")
    lines += ["", "</div>", ""]
    return lines


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
