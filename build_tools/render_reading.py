"""The reading page: the text word for word, numbered paragraphs with stable anchors, and its notes."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from .disagreements import disagreement_body, indent
from .layout import Layout
from .mentions import Mention
from .model import Annotation, Disagreement, Library, Reading
from .reading_kinds import READING_KINDS, credit_line, source_line
from .render import escape, link
from .render_worksheets import link_question_ids, question_numbers
from .scaffolds import gist_block, gist_toggle, reading_time_line, vocabulary_preview
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
        text, asides = _annotate(paragraph.text, placed, counter)
        counter += len(placed)
        disagreements = _disagreements(library, layout, reading, paragraph.number)
        note_number = 0
        if disagreements:
            counter += 1
            note_number = counter
        paragraphs.append(
            _Paragraph(
                # The reading's own Markdown, word for word (the sanitizer checks the page it makes).
                Markup(text),
                paragraph.anchor,
                paragraph.number,
                note_number,
                _lines(gist_block(library, reading, paragraph.number)),
                asides,
                _lines(disagreements),
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
        preview=_lines(vocabulary_preview(library, layout, reading, mentions or {})),
        gist_toggle=_lines(gist_toggle(reading, library)),
        paragraphs=paragraphs,
    )


@dataclass(frozen=True)
class _Paragraph:
    """A paragraph as the template shows it: its text with notes marked, and the blocks that follow it."""

    text: Markup
    anchor: str
    number: int
    note_number: int
    """The number of its note on other sources, or 0 when there is none."""
    gist: Markup
    asides: list[tuple[Annotation, str, str]]
    """(annotation, admonition kind, label), in the order the notes are numbered."""
    disagreements: Markup


def _lines(lines: list[str]) -> Markup:
    """Markdown lines the build wrote, each with its line end."""
    return Markup("".join(f"{line}\n" for line in lines))


def _disagreements(library: Library, layout: Layout, reading: Reading, number: int) -> list[str]:
    """Under each paragraph that other sources contradict or nuance: every such disagreement, in one note that opens in place.

    One note per paragraph keeps the page light and gives the printed handout one numbered note there.
    """
    bodies: list[str] = []
    places: list[str] = []
    for label, target, disagreements in _holders(library, layout, reading):
        for disagreement in disagreements:
            if number not in disagreement.paragraphs.get(reading.id, []):
                continue
            bodies += [*disagreement_body(library, reading.src_uri, disagreement, in_reading=True), ""]
            place = f"[{label}]({target})"
            if place not in places:
                places.append(place)
    if not bodies:
        return []
    body = [*bodies, f"Sources and more: {'; '.join(places)}."]
    return ['??? warning other-side no-term-links "Other sources differ on this paragraph"', "", *indent(body), ""]


def _holders(library: Library, layout: Layout, reading: Reading) -> list[tuple[str, str, list[Disagreement]]]:
    """Entries and events with disagreements: their label, a link from the reading, and the disagreements."""
    found = [(escape(entry.label), link(reading.src_uri, layout.entry_uri(entry)), entry.disagreements) for entry in library.entries if entry.disagreements]
    found += [
        (f"{event.date.human}: {escape(event.title)}", link(reading.src_uri, layout.timeline, layout.event_anchor(event.id)), event.disagreements)
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


def _annotate(text: str, placed: list[tuple[int, Annotation]], counter: int = 0) -> tuple[str, list[tuple[Annotation, str, str]]]:
    """Mark each annotated passage (start offset, annotation) and return the notes to show after the paragraph.

    Notes are numbered from `counter + 1` in the order they are shown.
    """
    placed = sorted(placed, key=lambda item: item[0])
    asides = [(annotation, "tip", "Teacher note") if annotation.audience == "teacher" else (annotation, "note", "Note") for _, annotation in placed]
    # Mark from the end, so earlier offsets stay valid as tags are inserted.
    for index, (start, annotation) in reversed(list(enumerate(placed))):
        end = start + len(annotation.quote)
        text = f'{text[:start]}<mark class="annotated" data-note="{counter + index + 1}">{text[start:end]}</mark>{text[end:]}'
    return text, asides
