"""The reading page: the text word for word, numbered paragraphs with stable anchors, and its notes."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from .dates import PartialDate
from .disagreements import DisagreementNote, disagreement_note
from .layout import Layout
from .mentions import Mention
from .model import Annotation, Disagreement, Library, Reading
from .reading_kinds import READING_KINDS, credit_line, source_line
from .render import link
from .render_worksheets import link_question_ids, question_numbers
from .scaffolds import has_gists, reading_time_line, vocabulary_preview
from .templating import PageTemplates, page_templates
from .text import fold

__all__ = ["render_reading"]


def render_reading(
    library: Library,
    layout: Layout,
    reading: Reading,
    *,
    teacher: bool = False,
    mentions: dict[str, list[Mention]] | None = None,
    templates: PageTemplates | None = None,
) -> str:
    """Markdown for a reading; paragraph text is kept exactly as written in the file.

    With `mentions`, a vocabulary preview comes before the text; gists, when written, follow each paragraph.
    """
    meta = reading.meta
    kind = READING_KINDS[meta.kind]
    notes = [a for a in library.annotations if a.reading == reading.id and (teacher or a.audience == "student")]
    if teacher:
        numbers = question_numbers(library)
        notes = [a.model_copy(update={"note": link_question_ids(a.note, numbers, reading.src_uri, layout)}) for a in notes]
    paragraphs = []
    # Notes are numbered in page order, from 2 (1 is the kind of text).
    counter = 1
    for paragraph in reading.paragraphs:
        placed = [(start, note) for note in notes if (start := _locate(paragraph.text, note)) is not None]
        pieces, asides = _annotate(paragraph.text, placed, counter)
        counter += len(placed)
        disagreements, places = _disagreements(library, layout, reading, paragraph.number)
        note_number = 0
        if disagreements:
            counter += 1
            note_number = counter
        paragraphs.append(
            _Paragraph(
                pieces,
                paragraph.anchor,
                paragraph.number,
                note_number,
                library.classroom.gist(reading.id, paragraph.number),
                asides,
                disagreements,
                places,
            )
        )
    return (templates or page_templates()).render(
        "reading.md.j2",
        reading=reading,
        kind_label=kind.label,
        kind_note=Markup(kind.note),
        source_parts=source_line(meta),
        reading_time=reading_time_line(reading),
        credit=credit_line(meta),
        preview=vocabulary_preview(library, layout, reading, mentions or {}),
        gists=has_gists(library, reading),
        paragraphs=paragraphs,
    )


@dataclass(frozen=True)
class _Paragraph:
    """A paragraph as the template shows it: its text with notes marked, and the blocks that follow it."""

    pieces: list[tuple[Markup, int]]
    """Its text cut at the annotated passages: (the reading's own Markdown, the number of the note on it or 0)."""
    anchor: str
    number: int
    note_number: int
    """The number of its note on other sources, or 0 when there is none."""
    gist: str | None
    """The paragraph in plain words, or None when it has no gist."""
    asides: list[tuple[Annotation, str, str]]
    """(annotation, admonition kind, label), in the order the notes are numbered."""
    disagreements: list[DisagreementNote]
    """The disagreements about this paragraph, shown in one note under it."""
    places: list[_Place]
    """The pages that list their sources, in the order first met."""


@dataclass(frozen=True)
class _Place:
    """An entry or event page that holds disagreements: its title (an event's date first) and a link from the reading."""

    title: str
    date: PartialDate | None
    target: Markup


def _disagreements(library: Library, layout: Layout, reading: Reading, number: int) -> tuple[list[DisagreementNote], list[_Place]]:
    """Under each paragraph that other sources contradict or nuance: every such disagreement, and the pages with their sources.

    They show in one note that opens in place: one note per paragraph keeps the page light and
    gives the printed handout one numbered note there.
    """
    notes: list[DisagreementNote] = []
    places: list[_Place] = []
    for place, disagreements in _holders(library, layout, reading):
        for disagreement in disagreements:
            if number not in disagreement.paragraphs.get(reading.id, []):
                continue
            notes.append(disagreement_note(library, reading.src_uri, disagreement))
            if place not in places:
                places.append(place)
    return notes, places


def _holders(library: Library, layout: Layout, reading: Reading) -> list[tuple[_Place, list[Disagreement]]]:
    """Entries and events with disagreements: where they are, and the disagreements."""
    found = [
        (_Place(entry.label, None, Markup(link(reading.src_uri, layout.entry_uri(entry)))), entry.disagreements)
        for entry in library.entries
        if entry.disagreements
    ]
    found += [
        (_Place(event.title, event.date, Markup(link(reading.src_uri, layout.timeline, layout.event_anchor(event.id)))), event.disagreements)
        for event in library.events
        if event.disagreements
    ]
    return found


def _locate(text: str, annotation: Annotation) -> int | None:
    """Start of the annotated words in `text`, honouring the prefix; None when they are elsewhere."""
    folded = fold(text, lower=False)
    quote = fold(annotation.quote, lower=False)
    if annotation.prefix:
        prefix = fold(annotation.prefix, lower=False)
        for joiner in (" ", ""):
            at = folded.find(prefix.rstrip() + joiner + quote) if joiner else folded.find(prefix + quote)
            if at >= 0:
                return at + len(prefix.rstrip() + joiner) if joiner else at + len(prefix)
        return None
    at = folded.find(quote)
    return at if at >= 0 else None


def _annotate(text: str, placed: list[tuple[int, Annotation]], counter: int = 0) -> tuple[list[tuple[Markup, int]], list[tuple[Annotation, str, str]]]:
    """Cut the paragraph at each annotated passage (start offset, annotation) and return the notes to show after it.

    Pieces are (text, note number), 0 between passages; the template marks the numbered ones. Notes are
    numbered from `counter + 1` in the order they are shown. Quotes never overlap (the content checks refuse that).
    """
    placed = sorted(placed, key=lambda item: item[0])
    asides = [(annotation, "tip", "Teacher note") if annotation.audience == "teacher" else (annotation, "note", "Note") for _, annotation in placed]
    pieces: list[tuple[Markup, int]] = []
    position = 0
    for index, (start, annotation) in enumerate(placed):
        end = start + len(annotation.quote)
        # The reading's own Markdown, word for word (the sanitizer checks the page it makes).
        pieces += [(Markup(text[position:start]), 0), (Markup(text[start:end]), counter + index + 1)]
        position = end
    pieces.append((Markup(text[position:]), 0))
    return [(words, note) for words, note in pieces if words or note], asides
