"""The places index (a locator map drawn as inline SVG, with a list alternative) and each place's page."""

from __future__ import annotations

import html

from .assets import asset_uri
from .layout import Layout
from .locator import project_map
from .model import PLACE_KINDS, Library, Place
from .render import escape, link, render_sources, safe_markdown
from .render_diagram import DOC_LINK
from .text import fold

__all__ = ["KIND_LABELS", "STYLESHEET", "place_target", "render_place", "render_places_index"]

STYLESHEET = asset_uri("map.css")
KIND_LABELS = PLACE_KINDS
"""Each place kind's label (kept beside the kinds, in the model)."""


def place_target(library: Library, layout: Layout, place: Place) -> str:
    """The page a place's marker and list item link to: its own, or that of the entry it is the same as."""
    if place.same_as is not None:
        return layout.entry_uri(library.entry(place.same_as))
    return layout.place_uri(place)


def render_places_index(library: Library, layout: Layout) -> str:
    uri = layout.places_index
    lines = ["---", "extra_css:", f"  - {STYLESHEET}", "---", "", "# Places", "", "Where the story happens. Each name on the map opens its page.", ""]
    lines += [render_map(library, layout), ""]
    lines += ['<div class="entry-list no-term-links" markdown>', ""]
    for place in sorted(library.places.values(), key=lambda place: place.name.lower()):
        where = _coordinates(place)
        lines.append(f"- **[{escape(place.name)}]({link(uri, place_target(library, layout, place))})** ({KIND_LABELS[place.kind].lower()}, {where}): {escape(place.short)}")
    lines += ["", "</div>", ""]
    return "\n".join(lines)


def render_map(library: Library, layout: Layout, focus: str | None = None) -> str:
    """The locator map as a figure; empty without a basemap or places."""
    if library.basemap is None or not library.places:
        return ""
    geometry = project_map(library.basemap, list(library.places.values()))
    slug = f"map-{focus or 'all'}"
    names = ", ".join(marker.place.name for marker in sorted(geometry.markers, key=lambda marker: marker.place.name))
    parts = [
        '<figure class="locator-map-figure no-term-links">',
        f'<svg class="locator-map" viewBox="0 0 {geometry.width} {geometry.height}" role="group" aria-labelledby="{slug}-title {slug}-desc">',
        f'<title id="{slug}-title">Map of the places in the story</title>',
        f'<desc id="{slug}-desc">{html.escape(f"Country borders for orientation, with a dot for each place: {names}. The list below gives the same places.")}</desc>',
    ]
    for name, path, _ in geometry.countries:
        css = "map-country map-home" if name == geometry.home else "map-country"
        parts.append(f'<path class="{css}" d="{path}"/>')
    for name, _, (x, y) in geometry.countries:
        if name == geometry.home:
            continue  # the places fill it; its name is in the page's text
        parts.append(f'<text class="map-country-label" x="{x}" y="{y}" text-anchor="middle">{html.escape(name)}</text>')
    for marker in geometry.markers:
        css = "map-marker map-focus" if marker.place.id == focus else "map-marker"
        label = f'<text class="map-label" x="{marker.label_x}" y="{marker.label_y}" text-anchor="{marker.anchor}">{html.escape(marker.place.name)}</text>'
        dot = f'<circle class="{css}" cx="{marker.x}" cy="{marker.y}" r="4"/>'
        if marker.place.id == focus:
            parts.append(f"<g>{dot}{label}</g>")
        else:
            parts.append(f'<a href="{DOC_LINK}{place_target(library, layout, marker.place)}">{dot}{label}</a>')
    parts += ["</svg>", '<figcaption>Borders: Natural Earth (public domain), for orientation only.</figcaption>', "</figure>"]
    return "\n".join(parts)


def render_place(library: Library, layout: Layout, place: Place) -> str:
    uri = layout.place_uri(place)
    lines = ["---", "extra_css:", f"  - {STYLESHEET}", "search:", "  boost: 10", "---", "", f"# {escape(place.name)}", ""]
    lines += ['<div class="entry-summary no-term-links" markdown>', "", f'<p class="entry-kind">{KIND_LABELS[place.kind]}</p>', ""]
    lines += [escape(place.short), "{: .entry-short }", ""]
    if place.aliases:
        lines += [f"**Also written:** {', '.join(escape(alias) for alias in place.aliases)}", "{: .entry-aliases }", ""]
    lines += ["</div>", "", safe_markdown(place.description), "", f"**Where:** {_coordinates(place)}", ""]
    lines += [render_map(library, layout, focus=place.id), ""]
    events = [event for event in library.events if _mentions(place, f"{event.title} {event.description}")]
    if events:
        lines += ["## On the timeline", ""]
        lines += [f"- {event.date.human}: [{escape(event.title)}]({link(uri, layout.timeline, layout.event_anchor(event.id))})" for event in events]
        lines.append("")
    lines.append(render_sources(place.sources))
    return "\n".join(lines)


def _coordinates(place: Place) -> str:
    north = f"{abs(place.latitude):.2f}° {'N' if place.latitude >= 0 else 'S'}"
    east = f"{abs(place.longitude):.2f}° {'E' if place.longitude >= 0 else 'W'}"
    return f"{north}, {east}"


def _mentions(place: Place, text: str) -> bool:
    folded = fold(text)
    return any(fold(name) in folded for name in place.names)
