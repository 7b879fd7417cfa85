"""Dates known to a year, a month or a day: history is rarely known to the day, and we never pretend."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from typing import Any

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

__all__ = ["PartialDate"]

FIRST_YEAR = 1000
LAST_YEAR = 2100
"""Plausible years: a year 0 or 2999 is a typo (four digits cannot write earlier years anyway)."""
_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_JSON_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
_MONTH_NAMES = tuple(calendar.month_name)
"""Month names, index 1 to 12: `calendar.month_name` formats a date with strftime on every lookup."""


@dataclass(frozen=True, order=True)
class PartialDate:
    """A calendar date with year, month or day precision; orders earliest first."""

    year: int
    month: int = 0
    """0 when only the year is known."""
    day: int = 0
    """0 when only the year or month is known."""

    @classmethod
    def parse(cls, value: object) -> PartialDate:
        """Parse `2020`, `2020-01` or `2020-01-03`; raise ValueError with a fix otherwise."""
        text = str(value).strip()
        match = _PATTERN.match(text)
        if not match:
            raise ValueError(f"'{text}' is not a date. Write YYYY-MM-DD, or YYYY-MM or YYYY when only that is known")
        year, month, day = (int(part) if part else 0 for part in match.groups())
        if not FIRST_YEAR <= year <= LAST_YEAR:
            raise ValueError(f"'{text}' has year {year}; years run from {FIRST_YEAR} to {LAST_YEAR}. Check the year for a typo")
        if match.group(2) and not 1 <= month <= 12:
            raise ValueError(f"'{text}' has month {month}; months run from 01 to 12")
        if match.group(3) and not 1 <= day <= calendar.monthrange(year, month)[1]:
            raise ValueError(f"'{text}' has day {day}, which {_MONTH_NAMES[month]} {year} does not have")
        return cls(year, month, day)

    @property
    def iso(self) -> str:
        """The date as written in content files, at its own precision."""
        if not self.month:
            return f"{self.year:04d}"
        if not self.day:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    @property
    def human(self) -> str:
        """The date as a reader says it: `3 January 2020`, `January 2020`, `2020`."""
        if not self.month:
            return str(self.year)
        month = _MONTH_NAMES[self.month]
        return f"{self.day} {month} {self.year}" if self.day else f"{month} {self.year}"

    def __str__(self) -> str:
        return self.iso

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            _validate, serialization=core_schema.to_string_ser_schema()
        )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {
            "type": ["string", "integer"],
            "pattern": _JSON_PATTERN,
            "description": "YYYY-MM-DD, or YYYY-MM or YYYY when only that is known.",
        }


def _validate(value: object) -> PartialDate:
    if isinstance(value, PartialDate):
        return value
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise PydanticCustomError("date", "'{value}' is not a date. Write YYYY-MM-DD, or YYYY-MM or YYYY", {"value": str(value).lower() if isinstance(value, bool) else str(value)})
    try:
        return PartialDate.parse(value)
    except ValueError as error:
        raise PydanticCustomError("date", str(error)) from None
