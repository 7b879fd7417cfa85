"""Check references between entries in one pass, then freeze everything into a `Library`.

Every reference is reported at the line where it is written, with the nearest valid id; each item
knows its own lines (`origin`), so nothing here goes back to the YAML files.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from .content_checks import check_aliases_are_specific, check_quotes_fit
from .errors import ProblemList, closest
from .model import Actor, Basemap, Camp, Disagreement, Era, Event, Library, ParagraphRefs, Place, Question, Reading, Term
from .publishers import check_publishers
from .reading_kinds import kind_problems
from .text import fold, is_exact, name_forms
from .validate import ValidatedContent
from .yamlfile import Location, Origin

__all__ = ["build_library"]


def build_library(content: ValidatedContent, problems: ProblemList) -> Library:
    """Cross-check validated content and return the frozen library (problems are added, not raised)."""
    readings = {reading.id: reading for reading in content.readings}
    checker = _Checker(readings, problems, content.broken_ids)
    terms = {term.id: term for term in content.terms}
    actors = {actor.id: actor for actor in checker.unique_actors(content.actors, terms)}
    entry_ids = sorted({*terms, *actors})

    _check_readings(content.readings, problems)
    scoped: list[Term | Actor | Event] = [*content.terms, *content.actors, *content.events]
    for item in scoped:
        checker.scope(item.origin, item.readings)
    for entry in [*content.terms, *content.actors]:
        for index, related in enumerate(entry.related):
            checker.reference(entry.origin, ("related", index), related, entry_ids, "term or actor", entry.id)
        checker.disagreements(entry.disagreements)
    for actor in content.actors:
        checker.relationships(actor, actors)
    for event in content.events:
        for index, actor_id in enumerate(event.actors):
            checker.reference(event.origin, ("actors", index), actor_id, sorted(actors), "actor")
        for index, term_id in enumerate(event.terms):
            checker.reference(event.origin, ("terms", index), term_id, sorted(terms), "term")
        checker.paragraphs(event.origin, event.paragraphs)
        checker.paragraphs_in_scope(event)
        checker.disagreements(event.disagreements)
        if event.end_date and event.end_date < event.date:
            problems.add(event.origin.path, event.origin.line("end_date"), f"'end_date' {event.end_date} is before 'date' {event.date}. Swap them, or fix the year.")
    seen_questions: dict[str, int] = {}
    for question in content.questions:
        where = question.origin
        line = where.line("id")
        if question.id in seen_questions:
            problems.add(where.path, line, f"question id '{question.id}' is used twice (first on line {seen_questions[question.id]}). Give each question its own id.")
        seen_questions.setdefault(question.id, line)
        checker.scope(where, question.readings)
        checker.paragraphs(where, question.paragraphs)
        for index, guessed in enumerate(question.guess_terms):
            checker.reference(where, ("guess_terms", index), guessed, entry_ids, "term or actor")
        checker.paragraphs_in_scope(question)
        if question.phase != "before" and not question.paragraphs:
            problems.add(where.path, where.line(), f"question '{question.id}' is for {question.phase} reading but points to no paragraph. Add 'paragraphs:' with the paragraphs it is about.")
    for annotation in content.annotations:
        if checker.reference(annotation.origin, ("reading",), annotation.reading, sorted(readings), "reading"):
            _check_quote(readings[annotation.reading], annotation.quote, annotation.prefix, annotation.origin, problems)
    places = _check_places(content.places, checker, terms, actors)
    named: list[Term | Actor | Place] = [*content.terms, *content.actors, *(place for place in content.places if place.same_as is None)]
    _check_aliases(named, problems)
    check_quotes_fit(readings, content.annotations, problems)
    check_aliases_are_specific([*content.terms, *content.actors], readings.values(), problems)
    publishers = check_publishers(content, problems)
    eras = _check_eras(content.eras, problems)
    _check_camps(content.camps, checker, sorted(actors))

    return Library(
        terms=terms,
        actors=actors,
        events=tuple(sorted(content.events, key=lambda event: (event.date, event.id))),
        questions=tuple(content.questions),
        annotations=tuple(content.annotations),
        readings=dict(sorted(readings.items(), key=lambda item: (item[1].meta.date, item[0]))),
        publishers=publishers,
        eras=eras,
        camps=tuple(content.camps),
        places=places,
        basemap=_basemap(content.basemap),
    )


class _Checker:
    def __init__(self, readings: dict[str, Reading], problems: ProblemList, broken_ids: set[str]) -> None:
        self.readings = readings
        self.problems = problems
        self.broken_ids = broken_ids
        """Files with their own problems: a reference to one is not a second mistake."""

    def unique_actors(self, actors: Iterable[Actor], terms: dict[str, Term]) -> list[Actor]:
        """Actors whose id no term uses (term and actor files share one set of ids)."""
        found = []
        for actor in actors:
            if actor.id in terms:
                self.problems.add(actor.origin.path, 1, f"id '{actor.id}' is used by a term and an actor. Rename one of the two files; ids are shared by terms and actors.")
                continue
            found.append(actor)
        return found

    def reference(self, origin: Origin, location: Location, value: str, allowed: list[str], what: str, own_id: str = "", field: str = "") -> bool:
        """Whether `value`, written at `location` of the item from `origin`, is one of `allowed`; reported where written if not."""
        line = origin.line(*location)
        field = field or next(part for part in reversed(location) if isinstance(part, str))
        if value == own_id:
            self.problems.add(origin.path, line, f"'{value}' refers to itself in '{field}'. Remove it.")
            return False
        if value not in allowed:
            if value not in self.broken_ids:
                where = "its file name in docs/readings, without .md" if what == "reading" else "its file name without .yml"
                suggestion = closest(value, [*allowed, *sorted(self.broken_ids)])
                self.problems.add(origin.path, line, f"unknown {what} '{value}' in '{field}'{suggestion}. Use the id of an existing {what} ({where}).")
            return False
        return True

    def paragraphs(self, origin: Origin, refs: ParagraphRefs) -> None:
        for reading_id, numbers in refs.items():
            if not self.reference(origin, ("paragraphs", reading_id), reading_id, sorted(self.readings), "reading", field="paragraphs"):
                continue
            count = len(self.readings[reading_id].paragraphs)
            for index, number in enumerate(numbers):
                if number > count:
                    line = origin.line("paragraphs", reading_id, index)
                    self.problems.add(origin.path, line, f"paragraph {number} does not exist: '{reading_id}' has {count} paragraphs. Use a number from 1 to {count}.")

    def scope(self, origin: Origin, readings: list[str]) -> None:
        """Every reading named in `readings:` exists."""
        for index, reading_id in enumerate(readings):
            self.reference(origin, ("readings", index), reading_id, sorted(self.readings), "reading")

    def paragraphs_in_scope(self, item: Event | Question) -> None:
        """A scoped event or question points only to paragraphs of its own readings."""
        if not item.readings:
            return
        what = "question" if isinstance(item, Question) else "event"
        for reading_id in item.paragraphs:
            if reading_id in self.readings and reading_id not in item.readings:
                line = item.origin.line("paragraphs", reading_id)
                scope = ", ".join(f"'{r}'" for r in item.readings)
                self.problems.add(
                    item.origin.path,
                    line,
                    f"{what} '{item.id}' points to paragraphs of '{reading_id}' but belongs to {scope} (its 'readings'). "
                    f"Add '{reading_id}' to its 'readings', or remove these paragraphs.",
                )

    def disagreements(self, disagreements: list[Disagreement]) -> None:
        for disagreement in disagreements:
            self.paragraphs(disagreement.origin, disagreement.paragraphs)
            if disagreement.quote is not None:
                self.disagreement_quote(disagreement, disagreement.quote)

    def disagreement_quote(self, disagreement: Disagreement, quote: str) -> None:
        """The reading's words are copied exactly, from a paragraph the disagreement is about.

        The quote is shown beside that paragraph as "The reading says", so words the reading does not
        hold there would put a misquote in front of students. Without `paragraphs`, any reading will do.
        """
        refs = {reading_id: numbers for reading_id, numbers in disagreement.paragraphs.items() if reading_id in self.readings}
        if disagreement.paragraphs and not refs:
            return  # Only unknown readings: already reported where they are named.
        searched = [
            paragraph
            for reading_id, reading in self.readings.items()
            if not refs or reading_id in refs
            for paragraph in reading.paragraphs
            if not refs or paragraph.number in refs[reading_id]
        ]
        text = fold(" ".join(paragraph.text for paragraph in searched), lower=False)
        needle = fold(quote, lower=False)
        if not searched or needle in text:
            return
        where = " or ".join(f"paragraph{'s' if len(numbers) > 1 else ''} {', '.join(map(str, numbers))} of '{reading_id}'" for reading_id, numbers in refs.items())
        nearest = _nearest_text(text, needle)
        self.problems.add(
            disagreement.origin.path,
            disagreement.origin.line("quote"),
            f"the quote '{quote}' is not in {where or 'any reading'}. The nearest text is '{nearest}'. Copy the reading's words exactly, or fix 'paragraphs'.",
        )

    def relationships(self, actor: Actor, actors: dict[str, Actor]) -> None:
        for relationship in actor.relationships:
            if not self.reference(relationship.origin, ("actor",), relationship.actor, sorted(actors), "actor", actor.id):
                continue
            other = actors[relationship.actor]
            # Report a pair stated in both files once, from the file whose id sorts first.
            if actor.id < other.id and any(back.actor == actor.id for back in other.relationships):
                where = relationship.origin
                self.problems.add(
                    where.path, where.line("actor"), f"the relationship between '{actor.id}' and '{other.id}' is stated in both files. Keep it in one; it shows on both profiles."
                )


def _alias_key(alias: str, case_sensitive: bool | None) -> str:
    return fold(alias, lower=not is_exact(alias, case_sensitive))


def _check_aliases(entries: list[Term | Actor | Place], problems: ProblemList) -> None:
    """Every word links to one entry: no two entries share a name or alias, nor a name and an automatic plural.

    Entries scoped to readings that have none in common may share a name: each links in its own readings.
    """
    owners: dict[str, list[tuple[Term | Actor | Place, str]]] = {}
    plurals: dict[str, list[tuple[Term | Actor | Place, str, str]]] = {}
    for entry in entries:
        for index, name in enumerate(entry.names):
            for form in name_forms(name, entry.plurals)[1:]:
                plurals.setdefault(_alias_key(form, entry.case_sensitive), []).append((entry, name, f"{entry.origin.path}:{entry.name_line(index)}"))
    for entry in entries:
        path = entry.origin.path
        for index, name in enumerate(entry.names):
            key = _alias_key(name, entry.case_sensitive)
            line = entry.name_line(index)
            clash = next((owner for owner in owners.get(key, []) if owner[0].id != entry.id and _overlap(owner[0], entry)), None)
            if clash:
                problems.add(path, line, f"'{name}' already links to '{clash[0].id}' ({clash[1]}). Remove it here or there, so every word links to one entry.")
            else:
                plural = next((p for p in plurals.get(key, []) if p[0].id != entry.id and _overlap(p[0], entry)), None)
                if plural:
                    other, base, where = plural
                    problems.add(
                        path,
                        line,
                        f"'{name}' is also the automatic plural of '{base}', which links to '{other.id}' ({where}). "
                        f"Remove it here, or add 'plurals: false' to '{other.id}', so every word links to one entry.",
                    )
            owners.setdefault(key, []).append((entry, f"{path}:{line}"))


def _overlap(one: Term | Actor | Place, other: Term | Actor | Place) -> bool:
    """Whether two entries can be linked on the same page: one is unscoped, or they share a reading."""
    return not one.readings or not other.readings or not set(one.readings).isdisjoint(other.readings)


def _check_readings(readings: list[Reading], problems: ProblemList) -> None:
    """Front matter that fits the reading's kind, and a title of its own for each reading."""
    titles: dict[str, str] = {}
    for reading in readings:
        front = reading.meta.origin
        for name, message in kind_problems(reading.meta):
            # A missing field is reported at 'kind', which is what asks for it.
            problems.add(front.path, front.line(name if front.written(name) else "kind"), message)
        key = fold(reading.meta.title).strip()
        line = front.line("title")
        if key in titles:
            problems.add(
                front.path,
                line,
                f"the title '{reading.meta.title}' is also the title of {titles[key]}. Give each reading its own title, so students can tell them apart.",
            )
        titles.setdefault(key, f"{front.path}:{line}")


def _check_quote(reading: Reading, quote: str, prefix: str | None, origin: Origin, problems: ProblemList) -> None:
    text = fold(" ".join(paragraph.text for paragraph in reading.paragraphs), lower=False)
    needle = fold(quote, lower=False)
    count = text.count(needle)
    line = origin.line("quote")
    if prefix is not None:
        count = text.count(fold(prefix, lower=False).rstrip() + " " + needle) + text.count(fold(prefix, lower=False) + needle)
        if count == 0:
            problems.add(origin.path, origin.line("prefix"), f"'{prefix}' is not found just before '{quote}' in '{reading.id}'. Copy the words that come right before the quote.")
            return
    if count == 0:
        nearest = _nearest_text(text, needle)
        problems.add(origin.path, line, f"the quote '{quote}' is not in '{reading.id}'. The nearest text is '{nearest}'. Copy the words exactly.")
    elif count > 1 and prefix is None:
        problems.add(origin.path, line, f"the quote '{quote}' appears {count} times in '{reading.id}'. Add 'prefix:' with the words just before the one you mean.")


def _nearest_text(text: str, needle: str) -> str:
    words = text.split()
    size = max(1, len(needle.split()))
    windows = [" ".join(words[start : start + size]) for start in range(0, max(1, len(words) - size + 1))]
    best = difflib.get_close_matches(needle, windows, n=1, cutoff=0.0)
    return best[0].strip(".,;:!?\"'") if best else ""


def _check_eras(eras: list[Era], problems: ProblemList) -> tuple[Era, ...]:
    """Eras oldest first; each ends after it starts, and no two overlap by more than a boundary year."""
    ordered = sorted(eras, key=lambda era: era.start)
    for index, era in enumerate(ordered):
        if era.end < era.start:
            problems.add(era.origin.path, era.origin.line("end"), f"era '{era.title}' ends ({era.end}) before it starts ({era.start}). Swap 'start' and 'end', or fix the year.")
        if index:
            previous = ordered[index - 1]
            if era.start.year < previous.end.year:
                problems.add(
                    era.origin.path,
                    era.origin.line("start"),
                    f"era '{era.title}' starts in {era.start} but '{previous.title}' runs until {previous.end}. Eras may share a boundary year, not overlap.",
                )
    return tuple(ordered)


_MAX_CAMPS = 6
"""Diagrams have six camp shapes and colours."""


def _check_camps(camps: list[Camp], checker: _Checker, actor_ids: list[str]) -> None:
    """Members are actors, each in one camp at most; no more camps than diagrams can draw apart."""
    seen: dict[str, str] = {}
    for index, camp in enumerate(camps):
        where = camp.origin
        if index == _MAX_CAMPS:
            checker.problems.add(where.path, where.line(), f"there are {len(camps)} camps; diagrams can tell {_MAX_CAMPS} apart. Merge some camps.")
        for position, member in enumerate(camp.members):
            if not checker.reference(where, ("members", position), member, actor_ids, "actor"):
                continue
            if member in seen:
                checker.problems.add(where.path, where.line("members", position), f"'{member}' is already in camp '{seen[member]}'. Put each actor in one camp.")
            seen.setdefault(member, camp.title)


def _check_places(places: list[Place], checker: _Checker, terms: dict[str, Term], actors: dict[str, Actor]) -> dict[str, Place]:
    """Place ids are not term or actor ids; `same_as` names an existing term or actor."""
    found = {}
    for place in places:
        if place.id in terms or place.id in actors:
            checker.problems.add(place.origin.path, 1, f"id '{place.id}' is used by a place and a term or actor. Rename the place file, or give it 'same_as: {place.id}'.")
            continue
        if place.same_as is not None and not checker.reference(place.origin, ("same_as",), place.same_as, sorted({*terms, *actors}), "term or actor"):
            continue
        found[place.id] = place
    return found


def _basemap(data: object) -> Basemap | None:
    if not isinstance(data, dict):
        return None
    countries = tuple(
        (str(country["name"]), tuple(tuple((float(x), float(y)) for x, y in ring) for ring in country["rings"])) for country in data.get("countries", [])
    )
    west, south, east, north = (float(value) for value in data.get("bbox", (0, 0, 0, 0)))
    return Basemap(countries, (west, south, east, north), str(data.get("source", "")))
