"""The timeline page: an overview bar of the eras, finders by person and term, and one compact card per event.

Cards are native `<details>` in an ordered list, so the page reads in order and opens without
JavaScript; the finders are plain anchor lists. In print, the cards become a table (see site.css).
"""

from __future__ import annotations

import html
import re

from .assets import asset_uri
from .disagreements import render_disagreement_notes
from .layout import Layout
from .model import Actor, Event, Library, Term
from .render import escape, link, render_paragraph_refs, render_sources, safe_markdown
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


def render_timeline_page(library: Library, layout: Layout) -> str:
    """Markdown (with HTML blocks) for the timeline page."""
    uri = layout.timeline
    groups = plan_timeline(library)
    lines = [
        "---",
        "extra_css:",
        f"  - {STYLESHEET}",
        "---",
        "",
        "# Timeline",
        "",
        "What happened before the reading was written, oldest first, grouped into eras. "
        "Open an event for the details, the people and terms involved, and its sources.",
        "",
        _overview(groups),
        "",
        *_finders(library, layout, uri),
    ]
    for group in groups:
        lines += _era(library, layout, uri, group)
    return "\n".join(lines)


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


def _finders(library: Library, layout: Layout, uri: str) -> list[str]:
    """For each actor and term, the events it takes part in, as links down the page (no JavaScript needed)."""
    lines = ['<nav class="timeline-finders no-term-links" aria-label="Find events" markdown="block">', ""]
    for heading, entries, field in (
        ("Events by person or group", sorted(library.actors.values(), key=lambda actor: actor.label.lower()), "actors"),
        ("Events by term", sorted(library.terms.values(), key=lambda term: term.label.lower()), "terms"),
    ):
        rows = []
        for entry in entries:
            events = [event for event in library.events if entry.id in getattr(event, field)]
            if not events:
                continue
            links = ", ".join(f"[{_short_date(TimelineItem(event.date))}](#{layout.event_anchor(event.id)})" for event in events)
            rows.append(f"- [{escape(entry.label)}]({link(uri, layout.entry_uri(entry))}): {links}")
        if rows:
            lines += ['<details markdown="block">', f"<summary>{heading}</summary>", "", '<div class="timeline-finder" markdown="block">', "", *rows, "", "</div>", "", "</details>", ""]
    lines += ["</nav>", ""]
    return lines


def _era(library: Library, layout: Layout, uri: str, group: EraGroup) -> list[str]:
    lines = [f'<section class="timeline-era" aria-labelledby="{group.anchor}" markdown="block">', "", f"## {escape(group.title)} {{ #{group.anchor} }}", ""]
    if group.era is not None and group.era.description:
        lines += ['<div class="timeline-era-description" markdown="block">', "", safe_markdown(group.era.description), "", "</div>", ""]
    lines += ['<ol class="timeline" markdown="block">', ""]
    for item in group.items:
        lines += _reading_item(library, layout, uri, item) if item.reading else _event_item(library, layout, uri, item)
    lines += ["</ol>", "", "</section>", ""]
    return lines


def _reading_item(library: Library, layout: Layout, uri: str, item: TimelineItem) -> list[str]:
    assert item.reading is not None
    meta = item.reading.meta
    target = link(uri, item.reading.src_uri)
    note = f" ({escape(meta.date_note)})" if meta.date_note else ""
    return [
        f'<li class="tl-item tl-written tl-gap-{item.gap}" id="written-{item.reading.id}" markdown="block">',
        "",
        f'**Written here** <time datetime="{meta.date.iso}">{_short_date(item)}</time>{note}: [*{escape(meta.title)}*]({target}), by {escape(meta.author)}',
        "",
        "</li>",
        "",
    ]


def _event_item(library: Library, layout: Layout, uri: str, item: TimelineItem) -> list[str]:
    event = item.event
    assert event is not None
    when = _short_date(item) + (f" to {_short_date(TimelineItem(event.end_date))}" if event.end_date else "")
    lines = [
        f'<li class="tl-item tl-gap-{item.gap}" id="{layout.event_anchor(event.id)}" markdown="block">',
        '<details class="tl-card" markdown="block">',
        f'<summary class="no-term-links"><time class="tl-date" datetime="{event.date.iso}">{when}</time> '
        f'<span class="tl-title">{html.escape(event.title)}</span> <span class="tl-gist">{html.escape(event_gist(event))}</span></summary>',
        "",
        safe_markdown(event.description),
        "",
    ]
    related: list[Term | Actor] = [*(library.actors[a] for a in event.actors), *(library.terms[t] for t in event.terms)]
    if related:
        names = ", ".join(f"[{escape(entry.label)}]({link(uri, layout.entry_uri(entry))})" for entry in related)
        lines += [f"**Who and what:** {names}", ""]
    refs = render_paragraph_refs(library, uri, event.paragraphs)
    if refs:
        lines += [refs, ""]
    disagreements = render_disagreement_notes(library, uri, event.disagreements)
    if disagreements:
        lines += [disagreements, ""]
    lines += [render_sources(event.sources, "**Sources:**", library.publishers), "", "</details>", "</li>", ""]
    return lines
