"""Kinds of reading: their labels, the note shown above the text, and the front matter each one needs.

One place for everything that depends on `kind`: the reading page, the home page's list of readings,
`check` and the scaffold all read it from here.
"""

from __future__ import annotations

from dataclasses import dataclass

from .fielddocs import field_hint
from .model import ReadingKindName, ReadingMeta

__all__ = ["READING_KINDS", "ReadingKind", "credit_line", "kind_problems", "kinds_needing", "source_line"]


@dataclass(frozen=True)
class ReadingKind:
    """What a kind of reading is called, how students are told to read it, and which fields it takes."""

    label: str
    note: str
    """Markdown, shown in a box above the text."""
    needs: tuple[str, ...] = ()
    """Front matter fields this kind must have, besides the ones every reading has."""
    refuses: tuple[str, ...] = ()
    """Front matter fields that make no sense for this kind."""


READING_KINDS: dict[ReadingKindName, ReadingKind] = {
    "opinion": ReadingKind(
        "Opinion piece",
        "This is an **op-ed**: the author argues for a point of view. Read it as an argument, and check its claims against the glossary, the timeline and other sources.",
        needs=("publisher",),
    ),
    "news": ReadingKind("News report", "This is a **news report**: it tells what happened, as the reporter could establish it at the time.", needs=("publisher",)),
    "analysis": ReadingKind(
        "Analysis", "This is an **analysis**: the author explains and interprets events. Notice where explanation turns into opinion.", needs=("publisher",)
    ),
    "speech": ReadingKind(
        "Speech", "This is a **speech**: it was written to be heard, and to persuade its audience.", needs=("place", "occasion"), refuses=("publisher",)
    ),
    "report": ReadingKind("Report", "This is a **report** by an organisation: notice who wrote it and why.", needs=("publisher",)),
    "interview": ReadingKind("Interview", "This is an **interview**: the answers are the speaker's own view.", needs=("publisher",)),
    "letter": ReadingKind(
        "Letter", "This is a **letter**: it was written to one reader, not to the public. Ask what the writer wanted that reader to do.", needs=("recipient",)
    ),
    "primary-source": ReadingKind("Primary source", "This is a **primary source**: a document from the time itself."),
}
"""Every value of `ReadingMeta.kind`, in the order they are offered."""


def kinds_needing(name: str) -> list[str]:
    """The kinds of reading whose front matter must have the field `name`, in the order they are offered."""
    return [kind for kind, details in READING_KINDS.items() if name in details.needs]


def kind_problems(meta: ReadingMeta) -> list[tuple[str, str]]:
    """(field, message) for each field this reading's kind needs but lacks, or has but refuses."""
    kind = READING_KINDS[meta.kind]
    label = kind.label.lower()
    problems = []
    for name in kind.needs:
        if getattr(meta, name) is None:
            problems.append((name, f"a {label} needs '{name}'. Add '{name}:' with {field_hint(ReadingMeta, name)}."))
    for name in kind.refuses:
        if getattr(meta, name) is not None:
            problems.append((name, f"a {label} has no '{name}'. Remove the line, and give {' and '.join(repr(n) for n in kind.needs)} instead."))
    return problems


def source_line(meta: ReadingMeta) -> list[str]:
    """Where the reading comes from, in the words its kind uses: publisher, or place and occasion, or recipient."""
    parts = []
    if meta.recipient:
        parts.append(f"To {meta.recipient}")
    if meta.occasion:
        parts.append(meta.occasion)
    if meta.place:
        parts.append(meta.place)
    if meta.publisher:
        parts.append(meta.publisher)
    return parts


def credit_line(meta: ReadingMeta) -> str:
    """The credit under the reading: the front matter's own, or the author and the publisher when there is one."""
    if meta.credit:
        return meta.credit
    if meta.publisher:
        return f"Reproduced for teaching, with credit to {meta.author} and {meta.publisher}."
    return f"Reproduced for teaching, with credit to {meta.author}."
