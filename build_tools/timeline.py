"""The timeline's shape: events and reading dates grouped into eras, with era-compressed spacing.

Pure arithmetic over the library; `render_timeline` turns the plan into a page. Eras come from
content (`eras.yml`); without it, every event sits in one stretch from the first to the last.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from .dates import PartialDate
from .model import Era, Event, Library, Reading
from .text import slugify

__all__ = ["GAP_STEPS", "EraGroup", "TimelineItem", "day_number", "overview_geometry", "plan_timeline"]

GAP_STEPS = 4
"""Spacing classes `tl-gap-0` … `tl-gap-4`: the share of its era that separates an item from the one before."""

_GAP_SHARES = (0.03, 0.1, 0.25, 0.5)
"""Upper bounds of the shares for gap classes 0 to 3; larger shares get the widest gap."""


@dataclass(frozen=True)
class TimelineItem:
    """An event or a reading's publication, placed on the axis."""

    date: PartialDate
    event: Event | None = None
    reading: Reading | None = None
    gap: int = 0
    """0 (right after the item before) to GAP_STEPS (half its era or more later)."""

    @property
    def day(self) -> int:
        """Where the item sits on the axis. A reading known only to the year or month sits at the end of it,
        after the events it can be about."""
        return day_number(self.date, upper=self.reading is not None)


@dataclass(frozen=True)
class EraGroup:
    """A stretch of the axis: an era from the content, or the years between eras."""

    title: str
    anchor: str
    start: PartialDate
    end: PartialDate
    items: tuple[TimelineItem, ...]
    era: Era | None = None


def day_number(value: PartialDate, *, upper: bool = False) -> int:
    """Days since year 1 of the first (or, with `upper`, last) day the partial date can mean."""
    if upper:
        month = value.month or 12
        day = value.day or (date(value.year + (month == 12), month % 12 + 1, 1) - date(value.year, month, 1)).days
        return date(value.year, month, day).toordinal()
    return date(value.year, value.month or 1, value.day or 1).toordinal()


def plan_timeline(library: Library) -> tuple[EraGroup, ...]:
    """Every event and reading date in order, grouped by era, each with its gap class."""
    items = [TimelineItem(event.date, event=event) for event in library.events]
    items += [TimelineItem(reading.meta.date, reading=reading) for reading in library.readings.values()]
    items.sort(key=lambda item: (item.day, item.reading is not None, item.event.id if item.event else ""))
    buckets: list[tuple[Era | None, list[TimelineItem]]] = []
    for item in items:
        era = _era_of(library.eras, item.day)
        if buckets and buckets[-1][0] is era:
            buckets[-1][1].append(item)
        else:
            buckets.append((era, [item]))
    return tuple(_group(era, members, len(library.eras)) for era, members in buckets)


def _era_of(eras: tuple[Era, ...], day: int) -> Era | None:
    """The latest-starting era that holds the day (eras may share a boundary year)."""
    found = None
    for era in eras:
        if day_number(era.start) <= day <= day_number(era.end, upper=True):
            found = era
    return found


def _group(era: Era | None, members: list[TimelineItem], era_count: int) -> EraGroup:
    if era is not None:
        start, end = era.start, era.end
        title = f"{_span(start, end)}: {era.title}"
        anchor = f"era-{slugify(era.title)}"
    else:
        start, end = members[0].date, members[-1].date
        if members[-1].reading is not None:
            end = PartialDate(end.year, end.month)
        title = f"Between eras, {_span(start, end)}" if era_count else f"Events, {_span(start, end)}"
        anchor = f"years-{start.year}-{end.year}"
    span = max(1, day_number(end, upper=True) - day_number(start))
    placed = []
    previous = day_number(start)
    for item in members:
        day = item.day
        share = max(0, day - previous) / span
        gap = next((step for step, bound in enumerate(_GAP_SHARES) if share < bound), GAP_STEPS)
        placed.append(TimelineItem(item.date, item.event, item.reading, gap))
        previous = day
    return EraGroup(title, anchor, start, end, tuple(placed), era)


def _span(start: PartialDate, end: PartialDate) -> str:
    return str(start.year) if start.year == end.year else f"{start.year}–{end.year}"


@dataclass(frozen=True)
class OverviewSegment:
    """One era's stretch of the overview bar, in SVG user units."""

    group: EraGroup
    x: float
    width: float
    ticks: tuple[float, ...]
    """x of each event."""
    written: tuple[float, ...]
    """x of each reading's date."""


def overview_geometry(groups: tuple[EraGroup, ...], width: float, gap: float = 4.0, minimum: float = 44.0) -> tuple[OverviewSegment, ...]:
    """Lay the eras side by side: each as wide as the square root of its length (long quiet eras shrink),
    at least `minimum`; inside an era, time runs linearly."""
    if not groups:
        return ()
    weights = [math.sqrt(max(1, day_number(group.end, upper=True) - day_number(group.start))) for group in groups]
    room = width - gap * (len(groups) - 1)
    widths = [max(minimum, room * weight / sum(weights)) for weight in weights]
    scale = room / sum(widths)
    widths = [value * scale for value in widths]
    segments = []
    x = 0.0
    for group, segment_width in zip(groups, widths, strict=True):
        first, last = day_number(group.start), day_number(group.end, upper=True)

        def at(day: int, x: float = x, first: int = first, last: int = last, segment_width: float = segment_width) -> float:
            share = (day - first) / max(1, last - first)
            return round(x + 2 + min(1.0, max(0.0, share)) * (segment_width - 4), 1)

        ticks = tuple(at(item.day) for item in group.items if item.event is not None)
        written = tuple(at(item.day) for item in group.items if item.reading is not None)
        segments.append(OverviewSegment(group, round(x, 1), round(segment_width, 1), ticks, written))
        x += segment_width + gap
    return tuple(segments)
