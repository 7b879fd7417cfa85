"""The page of one glossary term or one actor."""

from __future__ import annotations

from markupsafe import Markup

from .disagreements import render_disagreement_notes
from .layout import Layout
from .mentions import Mention
from .model import ACTOR_KINDS, Actor, Event, Library, Term
from .render import render_mentions, render_sources
from .render_diagram import DIAGRAM_CLASS, KIND_LABELS, render_diagram
from .render_diagram import STYLESHEET as DIAGRAM_STYLESHEET
from .templating import PageTemplates, page_templates
from .wording import time_of

__all__ = ["EntryIndex", "render_entry"]

SEARCH_BOOST = 10
"""Material `search.boost` of entry pages: a search for an entry's name or alias lists its page first."""


class EntryIndex:
    """Who points at each entry (related entries, relationships, events), gathered in one pass.

    Looking these up per entry instead would cost time in the square of the glossary's size.
    """

    def __init__(self, library: Library) -> None:
        self.related_by: dict[str, list[str]] = {}
        self.partners: dict[str, list[tuple[str, str, str | None, bool]]] = {}
        """Actor id → (partner id, description, kind, whether the relationship is stated in this actor's file)."""
        self.events: dict[str, list[Event]] = {}
        for other in library.entries:
            for related_id in other.related:
                self.related_by.setdefault(related_id, []).append(other.id)
        for actor in library.actors.values():
            for relationship in actor.relationships:
                self.partners.setdefault(actor.id, []).append((relationship.actor, relationship.description, relationship.kind, True))
                self.partners.setdefault(relationship.actor, []).append((actor.id, relationship.description, relationship.kind, False))
        for event in library.events:
            for entry_id in dict.fromkeys([*event.actors, *event.terms]):
                self.events.setdefault(entry_id, []).append(event)


def render_entry(
    library: Library, layout: Layout, entry: Term | Actor, mentions: list[Mention], index: EntryIndex | None = None, templates: PageTemplates | None = None
) -> str:
    """Markdown for a term or actor page, cross-linked to the reading, the timeline and related entries.

    Args:
        library: the unit.
        layout: where pages live.
        entry: the term or actor.
        mentions: where the readings mention it.
        index: the library's `EntryIndex`; pass one built once when rendering many entries.
        templates: the project's page templates (default: the built-in ones).
    """
    index = index or EntryIndex(library)
    uri = layout.entry_uri(entry)
    is_actor = isinstance(entry, Actor)
    context: dict[str, object] = {"when": "", "language": "", "diagram": "", "relationships": [], "diagram_stylesheet": ""}
    if isinstance(entry, Actor):
        when = time_of(library, entry.readings or dict.fromkeys(mention.reading_id for mention in mentions))
        relationships = _relationships(library, entry, index)
        diagram = render_diagram(library, layout, uri, focus=entry.id, templates=templates) if relationships else ""
        context.update(
            when=when,
            language=_language_name(entry.native_language),
            relationships=relationships,
            diagram=Markup(diagram),
            diagram_stylesheet=DIAGRAM_STYLESHEET if DIAGRAM_CLASS in diagram else "",
        )
    letter = entry.title[:1].upper() if isinstance(entry, Term) and layout.index_anchor(entry) != "letter-other" else "Numbers and signs"
    # Related entries: both those this entry names and those that name it.
    related = [library.entry(related_id) for related_id in dict.fromkeys([*entry.related, *index.related_by.get(entry.id, [])])]
    return (templates or page_templates()).render(
        "entry.md.j2",
        entry=entry,
        is_actor=is_actor,
        uri=uri,
        layout=layout,
        # Material's search ranks a boosted page above the reading and the timeline that mention it.
        search_boost=SEARCH_BOOST,
        kind="Glossary term" if isinstance(entry, Term) else ACTOR_KINDS[entry.kind],
        # Entry pages are not listed in the nav (it would grow with the glossary): the summary leads back to the index.
        index_name=f"Glossary: {letter}" if isinstance(entry, Term) else "People and groups",
        mentions=Markup(render_mentions(library, uri, mentions, templates=templates)),
        events=index.events.get(entry.id, []),
        disagreements=Markup(render_disagreement_notes(library, uri, entry.disagreements, templates)),
        related=related,
        sources=Markup(render_sources(entry.sources, publishers=library.publishers, templates=templates)),
        **context,
    )


def _language_name(code: str | None) -> str:
    names = {"ar": "Arabic", "fa": "Persian", "ku": "Kurdish", "he": "Hebrew", "tr": "Turkish", "ur": "Urdu"}
    return names.get((code or "").split("-")[0], code or "its own script")


def _relationships(library: Library, actor: Actor, index: EntryIndex) -> list[tuple[Actor, str, str]]:
    """(partner, how they relate, description): relationships stated in this file and those stated in the other actor's file."""
    return [
        (library.actors[partner_id], _kind_phrase(kind, stated_here) if kind else "", description)
        for partner_id, description, kind, stated_here in index.partners.get(actor.id, [])
    ]


def _kind_phrase(kind: str, stated_here: bool) -> str:
    """`backs` seen from the backer, `backed by` from the other side."""
    if stated_here:
        return KIND_LABELS[kind]
    return {"backs": "backed by", "commands": "commanded by", "part-of": "includes"}.get(kind, KIND_LABELS[kind])
