"""The reading page: the text word for word, numbered paragraphs with stable anchors, and its notes."""

from __future__ import annotations

from .disagreements import disagreement_body, indent
from .layout import Layout
from .model import Annotation, Disagreement, Library, Reading
from .render import escape, link, safe_markdown
from .text import fold

__all__ = ["render_reading"]

_KIND_NOTES = {
    "opinion": ("Opinion piece", "This is an **op-ed**: the author argues for a point of view. Read it as an argument, and check its claims against the glossary, the timeline and other sources."),
    "news": ("News report", "This is a **news report**: it tells what happened, as the reporter could establish it at the time."),
    "analysis": ("Analysis", "This is an **analysis**: the author explains and interprets events. Notice where explanation turns into opinion."),
    "speech": ("Speech", "This is a **speech**: it was written to be heard, and to persuade its audience."),
    "report": ("Report", "This is a **report** by an organisation: notice who wrote it and why."),
    "interview": ("Interview", "This is an **interview**: the answers are the speaker's own view."),
    "primary-source": ("Primary source", "This is a **primary source**: a document from the time itself."),
}


def render_reading(library: Library, layout: Layout, reading: Reading, *, teacher: bool = False) -> str:
    """Markdown for a reading; paragraph text is kept exactly as written in the file."""
    meta = reading.meta
    title, note = _KIND_NOTES[meta.kind]
    lines = [
        f"# {escape(meta.title)}",
        "",
        '<div class="reading-meta no-term-links" markdown>',
        "",
        f"By **{escape(meta.author)}**, {escape(meta.author_role)}  ",
        f"*{escape(meta.publisher)}*, <time datetime=\"{meta.date.iso}\">{meta.date.human}</time>"
        + (f" ({escape(meta.date_note)})" if meta.date_note else "")
        + f" · [Read the original](<{meta.url}>)",
        "",
        "</div>",
        "",
        f'!!! info "{title}"',
        "",
        f"    {note}",
        "",
    ]
    notes = [a for a in library.annotations if a.reading == reading.id and (teacher or a.audience == "student")]
    for paragraph in reading.paragraphs:
        placed = [(start, note) for note in notes if (start := _locate(paragraph.text, note)) is not None]
        text, asides = _annotate(paragraph.text, placed)
        lines += [text, f'{{: #{paragraph.anchor} .reading-paragraph data-paragraph="{paragraph.number}" }}', ""]
        lines += asides
        lines += _disagreements(library, layout, reading, paragraph.number)
    if meta.byline:
        lines += [f"*{escape(meta.byline)}*", "{: .reading-byline }", ""]
    lines += [f"*Reproduced for teaching, with credit to {escape(meta.author)} and {escape(meta.publisher)}.*", ""]
    return "\n".join(lines)


def _disagreements(library: Library, layout: Layout, reading: Reading, number: int) -> list[str]:
    """Under each paragraph that other sources contradict or nuance: the whole disagreement, opening in place."""
    lines: list[str] = []
    for label, target, disagreements in _holders(library, layout, reading):
        for disagreement in disagreements:
            if number not in disagreement.paragraphs.get(reading.id, []):
                continue
            body = [*disagreement_body(library, reading.src_uri, disagreement, in_reading=True), "", f"Sources and more: [{label}]({target})."]
            lines += ['??? warning other-side no-term-links "Other sources differ on this paragraph"', "", *indent(body), ""]
    return lines


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


def _annotate(text: str, placed: list[tuple[int, Annotation]]) -> tuple[str, list[str]]:
    """Mark each annotated passage (start offset, annotation) and return the notes to show after the paragraph."""
    placed = sorted(placed, key=lambda item: item[0])
    asides: list[str] = []
    for _, annotation in placed:
        label = "Teacher note" if annotation.audience == "teacher" else "Note"
        body = "\n".join(f"    {line}" if line else "" for line in safe_markdown(annotation.note).splitlines())
        kind = "tip" if annotation.audience == "teacher" else "note"
        quote = escape(annotation.quote).replace('"', "'")
        asides += [f'??? {kind} "{label} on “{quote}”"', "", body, ""]
    # Mark from the end, so earlier offsets stay valid as tags are inserted.
    for start, annotation in reversed(placed):
        end = start + len(annotation.quote)
        text = f'{text[:start]}<mark class="annotated">{text[start:end]}</mark>{text[end:]}'
    return text, asides
