"""The page of one glossary term or one actor."""

from __future__ import annotations

from .disagreements import render_disagreement_notes
from .layout import Layout
from .mentions import Mention
from .model import Actor, Library, Term
from .render import escape, link, render_mentions, render_sources, safe_markdown
from .render_diagram import DIAGRAM_CLASS, KIND_LABELS, render_diagram
from .render_diagram import STYLESHEET as DIAGRAM_STYLESHEET

__all__ = ["render_entry"]

SEARCH_BOOST = 10
"""Material `search.boost` of entry pages: a search for an entry's name or alias lists its page first."""

_KIND_LABELS = {
    "person": "Person",
    "state": "State",
    "government": "Government",
    "military": "Military force",
    "armed-group": "Armed group",
    "organisation": "Organisation",
    "movement": "Movement",
}


def render_entry(library: Library, layout: Layout, entry: Term | Actor, mentions: list[Mention]) -> str:
    """Markdown for a term or actor page, cross-linked to the reading, the timeline and related entries."""
    uri = layout.entry_uri(entry)
    # Material's search ranks a boosted page above the reading and the timeline that mention it.
    front = ["---", "search:", f"  boost: {SEARCH_BOOST}"]
    parts = [f"# {escape(entry.label)}\n", _summary(entry)]
    if isinstance(entry, Actor):
        profile = _actor_profile(library, layout, entry, uri)
        if DIAGRAM_CLASS in profile:
            front += ["extra_css:", f"  - {DIAGRAM_STYLESHEET}"]
        parts.append(profile)
    elif entry.explanation:
        parts.append(f"## Explanation\n\n{safe_markdown(entry.explanation)}\n")
    parts.append(render_mentions(library, uri, mentions))
    parts.append(_events(library, layout, entry, uri))
    parts.append(render_disagreement_notes(library, uri, entry.disagreements))
    parts.append(_related(library, layout, entry, uri))
    parts.append(render_sources(entry.sources))
    return "\n".join(["\n".join([*front, "---", ""]), *(part for part in parts if part)])


def _summary(entry: Term | Actor) -> str:
    """What it is first, at body size; then its other names (the spellings a student meets in texts)."""
    kind = "Glossary term" if isinstance(entry, Term) else _KIND_LABELS[entry.kind]
    lines = ['<div class="entry-summary no-term-links" markdown>', "", f'<p class="entry-kind">{kind}</p>', ""]
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


def _actor_profile(library: Library, layout: Layout, actor: Actor, uri: str) -> str:
    lines = ["## Role in 2020", "", safe_markdown(actor.role), "", "## What they want", ""]
    lines += [f"- {escape(interest)}" for interest in actor.interests]
    lines.append("")
    if actor.explanation:
        lines += ["## Profile", "", safe_markdown(actor.explanation), ""]
    relationships = _relationships(library, layout, actor, uri)
    if relationships:
        lines += ["## Relationships", "", render_diagram(library, layout, uri, focus=actor.id), *relationships, ""]
    return "\n".join(lines)


def _relationships(library: Library, layout: Layout, actor: Actor, uri: str) -> list[str]:
    """Relationships stated in this file and those stated in the other actor's file."""
    lines = []
    for other in library.actors.values():
        for relationship in other.relationships:
            if other.id == actor.id:
                partner = library.actors[relationship.actor]
            elif relationship.actor == actor.id:
                partner = other
            else:
                continue
            target = link(uri, layout.entry_uri(partner))
            kind = f" ({_kind_phrase(relationship.kind, other.id == actor.id)})" if relationship.kind else ""
            lines.append(f"- **[{escape(partner.label)}]({target})**{kind}: {safe_markdown(relationship.description)}")
    return lines


def _kind_phrase(kind: str, stated_here: bool) -> str:
    """`backs` seen from the backer, `backed by` from the other side."""
    if stated_here:
        return KIND_LABELS[kind]
    return {"backs": "backed by", "commands": "commanded by", "part-of": "includes"}.get(kind, KIND_LABELS[kind])


def _events(library: Library, layout: Layout, entry: Term | Actor, uri: str) -> str:
    field = "terms" if isinstance(entry, Term) else "actors"
    events = [event for event in library.events if entry.id in getattr(event, field)]
    if not events:
        return ""
    lines = ["## On the timeline", ""]
    for event in events:
        target = link(uri, layout.timeline, layout.event_anchor(event.id))
        lines.append(f"- {event.date.human}: [{escape(event.title)}]({target})")
    return "\n".join(lines) + "\n"


def _related(library: Library, layout: Layout, entry: Term | Actor, uri: str) -> str:
    """Related entries, both those this entry names and those that name it."""
    related = list(dict.fromkeys([*entry.related, *(other.id for other in library.entries if entry.id in other.related)]))
    if not related:
        return ""
    lines = ["## Related", ""]
    for related_id in related:
        other = library.entry(related_id)
        lines.append(f"- [{escape(other.label)}]({link(uri, layout.entry_uri(other))}): {escape(other.short)}")
    return "\n".join(lines) + "\n"
