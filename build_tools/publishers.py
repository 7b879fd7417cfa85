"""Check that every source names a publisher from the publishers file, so every citation can carry a label.

The publishers file is optional: a project without one is not checked, and its citations show names only.
"""

from __future__ import annotations

from collections.abc import Iterator

from .errors import ProblemList, closest
from .model import Actor, Disagreement, Event, Place, Publisher, Source, Term
from .validate import ValidatedContent
from .yamlfile import Location, YamlFile

__all__ = ["check_publishers"]


def check_publishers(content: ValidatedContent, problems: ProblemList) -> dict[str, Publisher]:
    """Publishers by name; every 'publisher' and 'via' naming none of them is reported at its line."""
    listing = content.publishers_file
    if listing is None or not isinstance(listing.data, list):
        return {}
    publishers: dict[str, Publisher] = {}
    first_lines: dict[str, int] = {}
    for publisher, file, location in content.publishers:
        line = file.line_of((*location, "name"))
        if publisher.name in publishers:
            problems.add(file.path, line, f"publisher '{publisher.name}' is listed twice (first on line {first_lines[publisher.name]}). Keep one.")
            continue
        publishers[publisher.name] = publisher
        first_lines[publisher.name] = line
    names = sorted(publishers)
    # A publisher whose own entry is invalid is already reported there: citing it is not a second mistake.
    written = {str(item["name"]) for item in listing.data if isinstance(item, dict) and "name" in item}
    for file, location, value in _publisher_names(content):
        if value not in publishers and value not in written:
            field = str(location[-1])
            problems.add(
                file.path,
                file.line_of(location),
                f"unknown publisher '{value}' in '{field}'{closest(value, names)}. Use a name listed in {listing.path}, or add it there with its type and country.",
            )
    return publishers


def _publisher_names(content: ValidatedContent) -> Iterator[tuple[YamlFile, Location, str]]:
    """Every publisher name written in the content, with the file and place it is written."""
    entries: list[tuple[Term | Actor | Event | Place, YamlFile]] = [*content.terms, *content.actors, *content.events, *content.places]
    for entry, file in entries:
        yield from _in_sources(file, (), entry.sources)
        yield from _in_disagreements(file, entry.disagreements)
    for era, file, location in content.eras:
        yield from _in_sources(file, location, era.sources)


def _in_disagreements(file: YamlFile, disagreements: list[Disagreement]) -> Iterator[tuple[YamlFile, Location, str]]:
    for index, disagreement in enumerate(disagreements):
        yield from _in_sources(file, ("disagreements", index), disagreement.sources)


def _in_sources(file: YamlFile, base: Location, sources: list[Source]) -> Iterator[tuple[YamlFile, Location, str]]:
    for index, source in enumerate(sources):
        yield file, (*base, "sources", index, "publisher"), source.publisher
        if source.via is not None:
            yield file, (*base, "sources", index, "via"), source.via
