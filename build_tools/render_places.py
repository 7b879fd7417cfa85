"""The places index (a locator map drawn as inline SVG, with a list alternative) and each place's page."""

from __future__ import annotations

import html

from markupsafe import Markup

from .assets import asset_uri
from .layout import Layout
from .locator import project_map
from .model import PLACE_KINDS, Library, Place
from .render import render_sources
from .render_diagram import DOC_LINK
from .templating import PageTemplates, page_templates
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


def render_places_index(library: Library, layout: Layout, templates: PageTemplates | None = None) -> str:
    places = [
        (place, place_target(library, layout, place), KIND_LABELS[place.kind], _coordinates(place))
        for place in sorted(library.places.values(), key=lambda place: place.name.lower())
    ]
    return (templates or page_templates()).render(
        "places_index.md.j2", uri=layout.places_index, layout=layout, stylesheet=STYLESHEET, map=Markup(render_map(library, layout)), places=places
    )


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


def render_place(library: Library, layout: Layout, place: Place, templates: PageTemplates | None = None) -> str:
    return (templates or page_templates()).render(
        "place.md.j2",
        place=place,
        uri=layout.place_uri(place),
        layout=layout,
        stylesheet=STYLESHEET,
        kind=KIND_LABELS[place.kind],
        where=_coordinates(place),
        map=Markup(render_map(library, layout, focus=place.id)),
        events=[event for event in library.events if _mentions(place, f"{event.title} {event.description}")],
        sources=Markup(render_sources(place.sources, templates=templates)),
    )


def _coordinates(place: Place) -> str:
    north = f"{abs(place.latitude):.2f}° {'N' if place.latitude >= 0 else 'S'}"
    east = f"{abs(place.longitude):.2f}° {'E' if place.longitude >= 0 else 'W'}"
    return f"{north}, {east}"


def _mentions(place: Place, text: str) -> bool:
    folded = fold(text)
    return any(fold(name) in folded for name in place.names)
