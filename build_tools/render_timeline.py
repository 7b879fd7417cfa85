"""The timeline page: an overview bar of the eras, finders by person and term, and one compact card per event.

Cards are native `<details>` in an ordered list, so the page reads in order and opens without
JavaScript; the finders are plain anchor lists. In print, the cards become a table (see site.css).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from markupsafe import Markup

from .assets import asset_uri
from .disagreements import render_disagreement_notes
from .layout import Layout
from .model import Actor, Event, Library, Reading, Term
from .render import render_paragraph_refs, render_sources
from .templating import PageTemplates, page_templates
from .text import split_sentences
from .timeline import EraGroup, TimelineItem, overview_geometry, plan_timeline

__all__ = ["event_gist", "render_timeline_page"]

_GIST_LENGTH = 80
"""Characters of a card's one-line summary before it is cut at a word."""

STYLESHEET = asset_uri("timeline.css")
"""Loaded by the timeline page only, through its front matter."""

_OVERVIEW_WIDTH = 360
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def event_gist(event: Event) -> str:
    """The first sentence of the description, as plain text, cut to about one line."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", event.description)
    text = re.sub(r"[*_`]", "", " ".join(text.split()))
    start, end = split_sentences(text)[0]
    sentence = text[start:end]
    if len(sentence) <= _GIST_LENGTH:
        return sentence
    cut = sentence[:_GIST_LENGTH].rsplit(" ", 1)[0].rstrip(",;:")
    return f"{cut}…"


def render_timeline_page(library: Library, layout: Layout, templates: PageTemplates | None = None) -> str:
    """Markdown (with HTML blocks) for the timeline page."""
    uri = layout.timeline
    groups = plan_timeline(library)
    templates = templates or page_templates()
    eras = [_Era(group, [_item(library, uri, item, templates) for item in group.items]) for group in groups]
    return templates.render(
        "timeline.md.j2", uri=uri, layout=layout, stylesheet=STYLESHEET, overview=Markup(_overview(groups)), finders=_finders(library, layout), eras=eras
    )


@dataclass(frozen=True)
class _Era:
    group: EraGroup
    items: list[_Card]


@dataclass(frozen=True)
class _Card:
    """A timeline item as the template shows it: a reading written then, or an event with its blocks."""

    gap: int
    when: str
    reading: Reading | None = None
    event: Event | None = None
    gist: str = ""
    related: list[Term | Actor] = field(default_factory=list)
    refs: Markup = field(default_factory=Markup)
    disagreements: Markup = field(default_factory=Markup)
    sources: Markup = field(default_factory=Markup)


def _item(library: Library, uri: str, item: TimelineItem, templates: PageTemplates) -> _Card:
    if item.reading is not None:
        return _Card(item.gap, _short_date(item), reading=item.reading)
    event = item.event
    assert event is not None
    return _Card(
        item.gap,
        _short_date(item) + (f" to {_short_date(TimelineItem(event.end_date))}" if event.end_date else ""),
        event=event,
        gist=event_gist(event),
        related=[*(library.actors[a] for a in event.actors), *(library.terms[t] for t in event.terms)],
        refs=Markup(render_paragraph_refs(library, uri, event.paragraphs, templates=templates)),
        disagreements=Markup(render_disagreement_notes(library, uri, event.disagreements, templates)),
        sources=Markup(render_sources(event.sources, "**Sources:**", library.publishers, templates)),
    )


def _short_date(item: TimelineItem) -> str:
    when = item.date
    if not when.month:
        return str(when.year)
    month = _MONTHS[when.month - 1]
    return f"{when.day} {month} {when.year}" if when.day else f"{month} {when.year}"


def _overview(groups: tuple[EraGroup, ...]) -> str:
    """An SVG bar: one segment per era (linking to it), a tick per event, a marker where each reading was written."""
    segments = overview_geometry(groups, _OVERVIEW_WIDTH)
    parts = [
        f'<svg class="timeline-overview" viewBox="0 0 {_OVERVIEW_WIDTH} 64" width="100%" role="group" aria-labelledby="timeline-overview-title">',
        '<title id="timeline-overview-title">The eras of the timeline, oldest on the left; each tick is an event</title>',
    ]
    for segment in segments:
        label = html.escape(segment.group.title)
        years = html.escape(_years(segment.group))
        parts.append(f'<a href="#{segment.group.anchor}" aria-label="{label}">')
        parts.append(f'<rect class="tl-ov-era" x="{segment.x}" y="18" width="{segment.width}" height="28" rx="3"/>')
        parts += [f'<line class="tl-ov-tick" x1="{x}" y1="22" x2="{x}" y2="42"/>' for x in segment.ticks]
        parts.append(f'<text class="tl-ov-label" x="{round(segment.x + segment.width / 2, 1)}" y="60" text-anchor="middle">{years}</text>')
        parts.append("</a>")
        for x in segment.written:
            parts.append(f'<path class="tl-ov-written" d="M{x} 16 l-5 -8 h10 z"/>')
            anchor = "end" if x > _OVERVIEW_WIDTH - 40 else "middle"
            parts.append(f'<text class="tl-ov-written-label" x="{x}" y="6" text-anchor="{anchor}">written</text>')
    parts.append("</svg>")
    return "\n".join(parts)


def _years(group: EraGroup) -> str:
    first, last = group.start.year, group.end.year
    return str(first) if first == last else f"{first}–{str(last)[2:]}" if first // 100 == last // 100 else f"{first}–{last}"


def _finders(library: Library, layout: Layout) -> list[tuple[str, list[tuple[Term | Actor, list[tuple[str, str]]]]]]:
    """For each actor and term, the events it takes part in, as (short date, anchor) links down the page (no JavaScript needed)."""
    finders: list[tuple[str, list[tuple[Term | Actor, list[tuple[str, str]]]]]] = []
    lists: tuple[tuple[str, list[Term | Actor], str], ...] = (
        ("Events by person or group", sorted(library.actors.values(), key=lambda actor: actor.label.lower()), "actors"),
        ("Events by term", sorted(library.terms.values(), key=lambda term: term.label.lower()), "terms"),
    )
    for heading, entries, field_name in lists:
        rows: list[tuple[Term | Actor, list[tuple[str, str]]]] = []
        for entry in entries:
            events = [event for event in library.events if entry.id in getattr(event, field_name)]
            if events:
                rows.append((entry, [(_short_date(TimelineItem(event.date)), layout.event_anchor(event.id)) for event in events]))
        finders.append((heading, rows))
    return finders
