"""Page text that depends on the unit: how many readings it has and when they were written.

Generated pages never name a year or a unit; they say "in 1999" or "at the time of the readings"
from the readings' own dates.
"""

from __future__ import annotations

from collections.abc import Iterable

from .model import Library

__all__ = ["the_readings", "time_of"]


def the_readings(library: Library) -> str:
    """`the reading` or `the readings`, as the unit has one or several."""
    return "the reading" if len(library.readings) <= 1 else "the readings"


def time_of(library: Library, reading_ids: Iterable[str] = ()) -> str:
    """When the given readings (default: all of them) were written: `in 1999`, or `at the time of the readings`.

    Args:
        library: the unit.
        reading_ids: the readings that matter here; unknown ids are ignored, and none means every reading.
    """
    readings = [library.readings[reading_id] for reading_id in reading_ids if reading_id in library.readings] or list(library.readings.values())
    years = {reading.meta.date.year for reading in readings}
    if len(years) == 1:
        return f"in {years.pop()}"
    return "at the time of the reading" if len(readings) == 1 else "at the time of the readings"
