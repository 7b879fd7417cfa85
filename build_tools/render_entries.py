"""The page of one glossary term or one actor."""

from __future__ import annotations

from .disagreements import render_disagreement_notes
from .layout import Layout
from .mentions import Mention
from .model import ACTOR_KINDS, Actor, Event, Library, Term
from .render import escape, link, render_mentions, render_sources, safe_markdown
from .render_diagram import DIAGRAM_CLASS, KIND_LABELS, render_diagram
from .render_diagram import STYLESHEET as DIAGRAM_STYLESHEET
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


def render_entry(library: Library, layout: Layout, entry: Term | Actor, mentions: list[Mention], index: EntryIndex | None = None) -> str:
    """Markdown for a term or actor page, cross-linked to the reading, the timeline and related entries.

    Args:
        library: the unit.
        layout: where pages live.
        entry: the term or actor.
        mentions: where the readings mention it.
        index: the library's `EntryIndex`; pass one built once when rendering many entries.
    """
    index = index or EntryIndex(library)
    uri = layout.entry_uri(entry)
    # Material's search ranks a boosted page above the reading and the timeline that mention it.
    front = ["---", "search:", f"  boost: {SEARCH_BOOST}"]
    parts = [f"# {escape(entry.label)}\n", _summary(layout, entry, uri)]
    if isinstance(entry, Actor):
        when = time_of(library, entry.readings or dict.fromkeys(mention.reading_id for mention in mentions))
        profile = _actor_profile(library, layout, entry, uri, when, index)
        if DIAGRAM_CLASS in profile:
            front += ["extra_css:", f"  - {DIAGRAM_STYLESHEET}"]
        parts.append(profile)
    elif entry.explanation:
        parts.append(f"## Explanation\n\n{safe_markdown(entry.explanation)}\n")
    parts.append(render_mentions(library, uri, mentions))
    parts.append(_events(layout, entry, uri, index))
    parts.append(render_disagreement_notes(library, uri, entry.disagreements))
    parts.append(_related(library, layout, entry, uri, index))
    parts.append(render_sources(entry.sources, publishers=library.publishers))
    return "\n".join(["\n".join([*front, "---", ""]), *(part for part in parts if part)])


def _summary(layout: Layout, entry: Term | Actor, uri: str) -> str:
    """What it is first, at body size; then its other names (the spellings a student meets in texts)."""
    kind = "Glossary term" if isinstance(entry, Term) else ACTOR_KINDS[entry.kind]
    letter = entry.title[:1].upper() if isinstance(entry, Term) and layout.index_anchor(entry) != "letter-other" else "Numbers and signs"
    index = f"Glossary: {escape(letter)}" if isinstance(entry, Term) else "People and groups"
    # Entry pages are not listed in the nav (it would grow with the glossary): this leads back to the index.
    up = f"[{index}]({link(uri, layout.index_uri(entry), layout.index_anchor(entry))})"
    lines = ['<div class="entry-summary no-term-links" markdown>', "", f"{kind} · {up}", "{: .entry-kind }", ""]
    lines += [escape(entry.short), "{: .entry-short }", ""]
    if isinstance(entry, Actor) and entry.native_name:
        native = escape(entry.native_name)
        lines += [f'**In {_language_name(entry.native_language)}:** <span lang="{entry.native_language}" dir="auto">{native}</span>', ""]
    if entry.aliases:
        lines += [f"**Also written:** {', '.join(escape(alias) for alias in entry.aliases)}", "{: .entry-aliases }", ""]
    lines += ["</div>", ""]
    return "\n".join(lines)


def _language_name(code: str | None) -> str:
    names = {"ar": "Arabic", "fa": "Persian", "ku": "Kurdish", "he": "Hebrew", "tr": "Turkish", "ur": "Urdu"}
    return names.get((code or "").split("-")[0], code or "its own script")


def _actor_profile(library: Library, layout: Layout, actor: Actor, uri: str, when: str, index: EntryIndex) -> str:
    lines = [f"## Role {when}", "", safe_markdown(actor.role), "", "## What they want", ""]
    lines += [f"- {escape(interest)}" for interest in actor.interests]
    lines.append("")
    if actor.explanation:
        lines += ["## Profile", "", safe_markdown(actor.explanation), ""]
    relationships = _relationships(library, layout, actor, uri, index)
    if relationships:
        lines += ["## Relationships", "", render_diagram(library, layout, uri, focus=actor.id), *relationships, ""]
    return "\n".join(lines)


def _relationships(library: Library, layout: Layout, actor: Actor, uri: str, index: EntryIndex) -> list[str]:
    """Relationships stated in this file and those stated in the other actor's file."""
    lines = []
    for partner_id, description, kind, stated_here in index.partners.get(actor.id, []):
        partner = library.actors[partner_id]
        target = link(uri, layout.entry_uri(partner))
        phrase = f" ({_kind_phrase(kind, stated_here)})" if kind else ""
        lines.append(f"- **[{escape(partner.label)}]({target})**{phrase}: {safe_markdown(description)}")
    return lines


def _kind_phrase(kind: str, stated_here: bool) -> str:
    """`backs` seen from the backer, `backed by` from the other side."""
    if stated_here:
        return KIND_LABELS[kind]
    return {"backs": "backed by", "commands": "commanded by", "part-of": "includes"}.get(kind, KIND_LABELS[kind])


def _events(layout: Layout, entry: Term | Actor, uri: str, index: EntryIndex) -> str:
    events = index.events.get(entry.id, [])
    if not events:
        return ""
    lines = ["## On the timeline", ""]
    for event in events:
        target = link(uri, layout.timeline, layout.event_anchor(event.id))
        lines.append(f"- {event.date.human}: [{escape(event.title)}]({target})")
    return "\n".join(lines) + "\n"


def _related(library: Library, layout: Layout, entry: Term | Actor, uri: str, index: EntryIndex) -> str:
    """Related entries, both those this entry names and those that name it."""
    related = list(dict.fromkeys([*entry.related, *index.related_by.get(entry.id, [])]))
    if not related:
        return ""
    lines = ["## Related", ""]
    for related_id in related:
        other = library.entry(related_id)
        lines.append(f"- [{escape(other.label)}]({link(uri, layout.entry_uri(other))}): {escape(other.short)}")
    return "\n".join(lines) + "\n"
