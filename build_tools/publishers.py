"""Check that every source names a publisher from the publishers file, so every citation can carry a label.

The publishers file is optional: a project without one is not checked, and its citations show names only.
"""

from __future__ import annotations

from collections.abc import Iterator

from .errors import ProblemList, closest
from .model import Actor, Disagreement, Event, Place, Publisher, Source, Term
from .validate import ValidatedContent
from .yamlfile import Origin

__all__ = ["check_publishers"]


def check_publishers(content: ValidatedContent, problems: ProblemList) -> dict[str, Publisher]:
    """Publishers by name; every 'publisher' and 'via' naming none of them is reported at its line."""
    if content.publishers_path is None:
        return {}
    publishers: dict[str, Publisher] = {}
    first_lines: dict[str, int] = {}
    for publisher in content.publishers:
        line = publisher.origin.line("name")
        if publisher.name in publishers:
            problems.add(publisher.origin.path, line, f"publisher '{publisher.name}' is listed twice (first on line {first_lines[publisher.name]}). Keep one.")
            continue
        publishers[publisher.name] = publisher
        first_lines[publisher.name] = line
    names = sorted(publishers)
    for origin, field, value in _publisher_names(content):
        # A publisher whose own entry is invalid is already reported there: citing it is not a second mistake.
        if value not in publishers and value not in content.publisher_names:
            problems.add(
                origin.path,
                origin.line(field),
                f"unknown publisher '{value}' in '{field}'{closest(value, names)}. Use a name listed in {content.publishers_path}, or add it there with its type and country.",
            )
    return publishers


def _publisher_names(content: ValidatedContent) -> Iterator[tuple[Origin, str, str]]:
    """Every publisher name written in the content: the source that holds it, the field and the name."""
    entries: list[Term | Actor | Event | Place] = [*content.terms, *content.actors, *content.events, *content.places]
    for entry in entries:
        yield from _in_sources(entry.sources)
        yield from _in_disagreements(entry.disagreements)
    for era in content.eras:
        yield from _in_sources(era.sources)


def _in_disagreements(disagreements: list[Disagreement]) -> Iterator[tuple[Origin, str, str]]:
    for disagreement in disagreements:
        yield from _in_sources(disagreement.sources)


def _in_sources(sources: list[Source]) -> Iterator[tuple[Origin, str, str]]:
    for source in sources:
        yield source.origin, "publisher", source.publisher
        if source.via is not None:
            yield source.origin, "via", source.via
