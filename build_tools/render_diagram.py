"""The who-backs-whom diagram as inline SVG, with its legend and the same relationships as a list.

The SVG holds only plain shapes, text, `title`/`desc` and links, styled by classes from
`assets/diagram.css` (light and dark through Material's colour variables). Links to profiles are
written `docs:<src_uri>` and turned into page-relative URLs by `resolve_doc_links` once the engine
knows each page's URL.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Callable

from markupsafe import Markup

from .assets import asset_uri
from .diagram import Box, DiagramLink, DiagramNode, Layout, PlacedLink, layout_diagram
from .layout import Layout as PageLayout
from .model import RELATIONSHIP_KINDS, Actor, Library
from .templating import PageTemplates, page_templates

__all__ = ["DIAGRAM_CLASS", "DOC_LINK", "KIND_LABELS", "STYLESHEET", "diagram_links", "render_diagram", "resolve_doc_links"]

STYLESHEET = asset_uri("diagram.css")
DIAGRAM_CLASS = "actor-diagram-figure"
"""The class of the figure; pages that contain it load the stylesheet."""
DOC_LINK = "docs:"
"""Prefix of a link to a docs file inside raw HTML, resolved per page by `resolve_doc_links`."""

KIND_LABELS: dict[str, str] = {kind: label for kind, label in RELATIONSHIP_KINDS.items()}
"""How each relationship kind reads between two names, in the legend and the list (kept beside the kinds, in the model)."""

CAMP_SHAPES = ("rectangle", "rounded", "octagon", "hexagon", "slanted", "double")
"""One shape per camp, in the order camps are written; actors in no camp get a plain box with a thin border."""

_ARROW = 7.0
_DOC_HREF = re.compile(r'href="docs:([^"#]+)(#[^"]*)?"')


def diagram_links(library: Library, actor_ids: set[str] | None = None) -> list[tuple[Actor, Actor, str]]:
    """Typed relationships (source, target, kind), optionally only those touching `actor_ids`."""
    found = []
    for actor in library.actors.values():
        for relationship in actor.relationships:
            if relationship.kind is None or relationship.actor not in library.actors:
                continue
            if actor_ids is None or actor.id in actor_ids or relationship.actor in actor_ids:
                found.append((actor, library.actors[relationship.actor], relationship.kind))
    return sorted(found, key=lambda item: (item[0].label.lower(), item[1].label.lower()))


def render_diagram(library: Library, layout: PageLayout, page_uri: str, focus: str | None = None, templates: PageTemplates | None = None) -> str:
    """A figure: the SVG (all actors, or `focus` and its neighbours), a legend and the list of relationships.

    Returns an empty string when there is nothing to connect.
    """
    links = diagram_links(library, {focus} if focus else None)
    if not links:
        return ""
    ids = {actor.id for pair in links for actor in pair[:2]} | ({focus} if focus else set(library.actors))
    camp_of = {member: index for index, camp in enumerate(library.camps) for member in camp.members}
    nodes = [DiagramNode(actor_id, library.actors[actor_id].label, camp_of.get(actor_id)) for actor_id in sorted(ids)]
    geometry = layout_diagram(nodes, [DiagramLink(source.id, target.id, kind) for source, target, kind in links])
    name = library.actors[focus].label if focus else ""
    title = f"Who {name} is connected to" if focus else "Who backs whom"
    slug = f"diagram-{focus or 'all'}"
    description = "Arrows point from the backer, the commander or the part to the other side. Each name links to its profile. The same relationships are listed after the diagram."
    return (templates or page_templates()).render(
        "diagram.md.j2",
        figure_class=DIAGRAM_CLASS,
        svg=Markup(_svg(library, layout, geometry, title, description, slug, focus)),
        legend=Markup(_legend(library, geometry, links)),
        focus=focus or "",
        links=links,
        kinds=KIND_LABELS,
        page_uri=page_uri,
        layout=layout,
    )


def resolve_doc_links(page_html: str, url_of: Callable[[str], str | None]) -> str:
    """Replace each `href="docs:<src_uri>"` with the URL `url_of` gives for that file (left as is when None)."""

    def replace(match: re.Match[str]) -> str:
        url = url_of(match.group(1))
        return match.group(0) if url is None else f'href="{html.escape(url)}{match.group(2) or ""}"'

    return _DOC_HREF.sub(replace, page_html)


def _svg(library: Library, layout: PageLayout, geometry: Layout, title: str, description: str, slug: str, focus: str | None) -> str:
    width, height = geometry.width, geometry.height
    parts = [
        f'<svg class="actor-diagram" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="group" aria-labelledby="{slug}-title {slug}-desc">',
        f'<title id="{slug}-title">{html.escape(title)}</title>',
        f'<desc id="{slug}-desc">{html.escape(description)}</desc>',
    ]
    for placed in geometry.links:
        parts += _link(library, placed)
    for node in geometry.nodes:
        actor = library.actors[node.node.id]
        camp = f"camp-{node.node.camp}" if node.node.camp is not None else "camp-none"
        shape = _shape(node.box, CAMP_SHAPES[node.node.camp % len(CAMP_SHAPES)] if node.node.camp is not None else "plain", f"node-shape {camp}")
        text = _label(node.box, node.lines)
        if node.node.id == focus:
            parts.append(f'<g class="node node-focus">{shape}{text}</g>')
        else:
            parts.append(f'<a class="node" href="{DOC_LINK}{layout.entry_uri(actor)}">{shape}{text}</a>')
    parts.append("</svg>")
    return "\n".join(parts)


def _label(box: Box, lines: tuple[str, ...]) -> str:
    first = box.y + box.height / 2 - (len(lines) - 1) * 7.5 + 4.5
    spans = "".join(f'<tspan x="{round(box.x + box.width / 2, 1)}" y="{round(first + index * 15, 1)}">{html.escape(line)}</tspan>' for index, line in enumerate(lines))
    return f'<text class="node-label" text-anchor="middle">{spans}</text>'


def _shape(box: Box, shape: str, css: str) -> str:
    x, y, w, h = box.x, box.y, box.width, box.height
    right, bottom = round(x + w, 1), round(y + h, 1)
    if shape == "rounded":
        return f'<rect class="{css}" x="{x}" y="{y}" width="{w}" height="{h}" rx="{round(h / 2, 1)}"/>'
    if shape == "octagon":
        c = 7
        return f'<path class="{css}" d="M{x + c} {y}H{right - c}L{right} {y + c}V{bottom - c}L{right - c} {bottom}H{x + c}L{x} {bottom - c}V{y + c}Z"/>'
    if shape == "hexagon":
        c = 8
        return f'<path class="{css}" d="M{x + c} {y}H{right - c}L{right} {round(y + h / 2, 1)}L{right - c} {bottom}H{x + c}L{x} {round(y + h / 2, 1)}Z"/>'
    if shape == "slanted":
        c = 7
        return f'<path class="{css}" d="M{x + c} {y}H{right}L{right - c} {bottom}H{x}Z"/>'
    if shape == "double":
        return f'<rect class="{css}" x="{x}" y="{y}" width="{w}" height="{h}"/><rect class="node-inner" x="{x + 3}" y="{y + 3}" width="{round(w - 6, 1)}" height="{round(h - 6, 1)}"/>'
    radius = 0 if shape == "rectangle" else 3
    return f'<rect class="{css}" x="{x}" y="{y}" width="{w}" height="{h}" rx="{radius}"/>'


def _link(library: Library, placed: PlacedLink) -> list[str]:
    source, target = library.actors[placed.link.source], library.actors[placed.link.target]
    points = list(placed.points)
    end = points[-1]
    before = points[-2]
    angle = math.atan2(end[1] - before[1], end[0] - before[0])
    if placed.arrow:
        points[-1] = (round(end[0] - _ARROW * math.cos(angle), 1), round(end[1] - _ARROW * math.sin(angle), 1))
    if len(points) == 3:
        d = f"M{points[0][0]} {points[0][1]}Q{points[1][0]} {points[1][1]} {points[2][0]} {points[2][1]}"
    else:
        d = f"M{points[0][0]} {points[0][1]}L{points[1][0]} {points[1][1]}"
    label = html.escape(f"{source.label} {KIND_LABELS[placed.link.kind]} {target.label}")
    parts = [f'<path class="link link-{placed.link.kind}" d="{d}"><title>{label}</title></path>']
    if placed.arrow:
        left = (end[0] - _ARROW * math.cos(angle - 0.45), end[1] - _ARROW * math.sin(angle - 0.45))
        right = (end[0] - _ARROW * math.cos(angle + 0.45), end[1] - _ARROW * math.sin(angle + 0.45))
        parts.append(f'<path class="arrow arrow-{placed.link.kind}" d="M{end[0]} {end[1]}L{left[0]:.1f} {left[1]:.1f}L{right[0]:.1f} {right[1]:.1f}Z"/>')
    return parts


def _legend(library: Library, geometry: Layout, links: list[tuple[Actor, Actor, str]]) -> str:
    used_camps = sorted({node.node.camp for node in geometry.nodes if node.node.camp is not None})
    items = []
    for index in used_camps:
        icon = _shape(Box(1, 1, 30, 16), CAMP_SHAPES[index % len(CAMP_SHAPES)], f"node-shape camp-{index}")
        items.append(f'<li><svg class="legend-icon" viewBox="0 0 32 18" width="32" height="18" aria-hidden="true">{icon}</svg> {html.escape(library.camps[index].title)}</li>')
    if any(node.node.camp is None for node in geometry.nodes):
        icon = _shape(Box(1, 1, 30, 16), "plain", "node-shape camp-none")
        items.append(f'<li><svg class="legend-icon" viewBox="0 0 32 18" width="32" height="18" aria-hidden="true">{icon}</svg> In no camp</li>')
    for kind in sorted({kind for _, _, kind in links}, key=list(KIND_LABELS).index):
        arrow = f'<path class="arrow arrow-{kind}" d="M31 9L24 5.5L24 12.5Z"/>' if kind in ("backs", "commands", "part-of") else ""
        sample = f'<path class="link link-{kind}" d="M1 9H{24 if arrow else 31}"/>{arrow}'
        items.append(f'<li><svg class="legend-icon" viewBox="0 0 32 18" width="32" height="18" aria-hidden="true">{sample}</svg> {KIND_LABELS[kind]}</li>')
    return '<figcaption><ul class="diagram-legend">' + "".join(items) + "</ul></figcaption>"
