"""One text for each disagreement, wherever it shows: beside the paragraph in the reading, on entry pages, on the timeline.

What the reading says (its words and paragraph), what other sources say (each cited), and the summary.
Their layout is the `disagreement` macro of `parts.md.j2`; this module gathers what they show.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from .model import Disagreement, Library, OtherView, Reading, Source
from .render import credit, paragraph_groups
from .templating import PageTemplates, page_templates

__all__ = ["DisagreementNote", "disagreement_note", "render_disagreement_notes"]


@dataclass(frozen=True)
class DisagreementNote:
    """A disagreement as the `disagreement` macro shows it, with each source's publisher labelled."""

    quote: str | None
    """The reading's own words that other sources contradict or nuance."""
    summary: str
    """What differs (the teacher's Markdown)."""
    groups: list[tuple[Reading, list[tuple[int, Markup]]]]
    """The paragraphs it is about, linked from the page it shows on."""
    views: list[tuple[OtherView, Markup]]
    """What each other source says, with the source's publisher labelled."""
    sources: list[tuple[Markup, Source]]
    """The sources, each with its publisher labelled."""


def disagreement_note(library: Library, page_uri: str, disagreement: Disagreement) -> DisagreementNote:
    """What the note on `disagreement` shows on the page at `page_uri`."""
    return DisagreementNote(
        quote=disagreement.quote,
        summary=disagreement.summary,
        groups=paragraph_groups(library, page_uri, disagreement.paragraphs),
        views=[(view, Markup(credit(view.source, library.publishers))) for view in disagreement.views],
        sources=[(Markup(credit(source, library.publishers)), source) for source in disagreement.sources],
    )


def render_disagreement_notes(library: Library, page_uri: str, disagreements: list[Disagreement], templates: PageTemplates | None = None) -> str:
    """Each disagreement as a visible warning on an entry page or the timeline, with the same text as in the reading."""
    notes = [disagreement_note(library, page_uri, disagreement) for disagreement in disagreements]
    return (templates or page_templates()).call("parts.md.j2", "disagreement_notes", notes, len(library.readings) > 1)
