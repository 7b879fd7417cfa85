"""Who backs whom, laid out: a deterministic layered layout of actors and their typed relationships.

Backing, command and membership run top to bottom (the backer, the commander and the whole above);
the other kinds connect nodes wherever they sit. Layers come from the longest chain above a node,
order within a layer from a few barycentre sweeps, ties broken by id: the same content always
gives the same picture. Pure geometry; `render_diagram` draws it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["Box", "DiagramLink", "DiagramNode", "Layout", "PlacedLink", "PlacedNode", "boxes_overlap", "layout_diagram"]

DOWNWARD = {"backs": False, "commands": False, "part-of": True}
"""Kinds that set the layers; True when the other actor is the one above (a part sits below its whole)."""

CHAR_WIDTH = 6.8
"""Average width of one character of a node label at the diagram's font size, with room to spare."""
LINE_HEIGHT = 15.0
WRAP = 14
"""Labels longer than this many characters are split over two lines."""
PAD_X, PAD_Y = 10.0, 9.0
GAP_X, GAP_Y = 18.0, 56.0
MARGIN = 8.0
TOP = 36.0
"""Room above the first row for curved links between nodes of one row."""
_SWEEPS = 4
MAX_ROW = 640.0
"""A layer wider than this is drawn as staggered rows, so the diagram fits a desktop column at full size."""


@dataclass(frozen=True)
class DiagramNode:
    """An actor to draw: its id, its label and its camp (an index into the camps, or None)."""

    id: str
    label: str
    camp: int | None = None


@dataclass(frozen=True)
class DiagramLink:
    """A typed relationship, as written: `source` is the actor whose file states it."""

    source: str
    target: str
    kind: str


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class PlacedNode:
    node: DiagramNode
    box: Box
    lines: tuple[str, ...]
    layer: int


@dataclass(frozen=True)
class PlacedLink:
    link: DiagramLink
    points: tuple[tuple[float, float], ...]
    """Start, optional control point (a curve between nodes of one layer), end."""
    arrow: bool
    """Whether the end has an arrowhead (backs, commands, part-of)."""


@dataclass(frozen=True)
class Layout:
    nodes: tuple[PlacedNode, ...]
    links: tuple[PlacedLink, ...]
    width: float
    height: float

    def node(self, node_id: str) -> PlacedNode:
        return next(placed for placed in self.nodes if placed.node.id == node_id)


def boxes_overlap(first: Box, second: Box, margin: float = 0.0) -> bool:
    """Whether two boxes share any area (closer than `margin`)."""
    return not (
        first.x + first.width + margin <= second.x
        or second.x + second.width + margin <= first.x
        or first.y + first.height + margin <= second.y
        or second.y + second.height + margin <= first.y
    )


def wrap_label(label: str) -> tuple[str, ...]:
    """One line, or two split at the space nearest the middle."""
    if len(label) <= WRAP or " " not in label:
        return (label,)
    middle = len(label) / 2
    spaces = [index for index, char in enumerate(label) if char == " "]
    cut = min(spaces, key=lambda index: (abs(index - middle), index))
    return (label[:cut], label[cut + 1 :])


def layout_diagram(nodes: Iterable[DiagramNode], links: Iterable[DiagramLink]) -> Layout:
    """Place every node in a layer and along it, and route every link between them."""
    nodes = sorted(nodes, key=lambda node: node.id)
    ids = {node.id for node in nodes}
    links = [link for link in links if link.source in ids and link.target in ids and link.source != link.target]
    edges = sorted({_downward(link) for link in links if link.kind in DOWNWARD})
    layer = _layers([node.id for node in nodes], edges)
    order = _order(nodes, layer, links)
    lines = {node.id: wrap_label(node.label) for node in nodes}
    sizes = {node_id: (max(len(line) for line in text) * CHAR_WIDTH + 2 * PAD_X, len(text) * LINE_HEIGHT + 2 * PAD_Y) for node_id, text in lines.items()}
    row_height = max((height for _, height in sizes.values()), default=0.0)
    order = _split_wide(order, sizes)
    widths = [_row_width(row, sizes) for row in order]
    width = max(widths, default=0.0) + 2 * MARGIN
    by_id = {node.id: node for node in nodes}
    placed: dict[str, PlacedNode] = {}
    for index, row in enumerate(order):
        x = MARGIN + (width - 2 * MARGIN - widths[index]) / 2
        y = TOP + index * (row_height + GAP_Y)
        for node_id in row:
            node_width, node_height = sizes[node_id]
            box = Box(round(x, 1), round(y + (row_height - node_height) / 2, 1), round(node_width, 1), round(node_height, 1))
            placed[node_id] = PlacedNode(by_id[node_id], box, lines[node_id], index)
            # `layer` is the drawn row from here on: links route between rows.
            x += node_width + GAP_X
    height = TOP + MARGIN + len(order) * row_height + max(0, len(order) - 1) * GAP_Y
    routed = tuple(_route(link, placed) for link in sorted(links, key=lambda link: (link.source, link.target, link.kind)))
    return Layout(tuple(placed[node_id] for row in order for node_id in row), routed, round(width, 1), round(height, 1))


def _split_wide(rows: list[list[str]], sizes: dict[str, tuple[float, float]]) -> list[list[str]]:
    """A row over MAX_ROW is dealt into staggered rows (every k-th node), keeping left-to-right order."""
    result = []
    for row in rows:
        count = 1
        while count < len(row) and max(_row_width(row[start::count], sizes) for start in range(count)) > MAX_ROW:
            count += 1
        result += [row[start::count] for start in range(count)]
    return result


def _row_width(row: list[str], sizes: dict[str, tuple[float, float]]) -> float:
    return sum(sizes[node_id][0] for node_id in row) + GAP_X * (len(row) - 1)


def _downward(link: DiagramLink) -> tuple[str, str]:
    return (link.target, link.source) if DOWNWARD[link.kind] else (link.source, link.target)


def _layers(ids: list[str], edges: list[tuple[str, str]]) -> dict[str, int]:
    """Longest chain from the top, ignoring edges that would close a cycle; then each node with
    nothing above it moves down to just above its highest child, which shortens the long links."""
    children: dict[str, list[str]] = {node_id: [] for node_id in ids}
    parents: dict[str, list[str]] = {node_id: [] for node_id in ids}
    for upper, lower in edges:
        children[upper].append(lower)
        parents[lower].append(upper)
    layer: dict[str, int] = {}
    visiting: set[str] = set()

    def depth(node_id: str) -> int:
        if node_id in layer:
            return layer[node_id]
        visiting.add(node_id)
        above = [depth(parent) + 1 for parent in sorted(parents[node_id]) if parent not in visiting]
        visiting.discard(node_id)
        layer[node_id] = max(above, default=0)
        return layer[node_id]

    for node_id in ids:
        depth(node_id)
    for node_id in ids:
        if not parents[node_id] and children[node_id]:
            layer[node_id] = max(layer[node_id], min(layer[child] for child in children[node_id]) - 1)
    return layer


def _order(nodes: list[DiagramNode], layer: dict[str, int], links: list[DiagramLink]) -> list[list[str]]:
    """Rows of ids, top to bottom; each row sorted by the mean position of its neighbours (camp, then id, on ties)."""
    count = max(layer.values(), default=-1) + 1
    camp = {node.id: (node.camp if node.camp is not None else 99) for node in nodes}
    rows = [sorted((node.id for node in nodes if layer[node.id] == index), key=lambda node_id: (camp[node_id], node_id)) for index in range(count)]
    neighbours: dict[str, set[str]] = {node.id: set() for node in nodes}
    for link in links:
        neighbours[link.source].add(link.target)
        neighbours[link.target].add(link.source)
    for sweep in range(_SWEEPS):
        position = {node_id: index / max(1, len(row) - 1) for row in rows for index, node_id in enumerate(row)}
        sequence = range(1, count) if sweep % 2 == 0 else range(count - 2, -1, -1)
        for index in sequence:
            row = rows[index]

            def centre(node_id: str, row: list[str] = row, position: dict[str, float] = position) -> tuple[float, int, str]:
                others = [position[other] for other in neighbours[node_id] if other not in row]
                mean = sum(others) / len(others) if others else position[node_id]
                return (round(mean, 6), camp[node_id], node_id)

            rows[index] = sorted(row, key=centre)
            position.update({node_id: place / max(1, len(row) - 1) for place, node_id in enumerate(rows[index])})
    return rows


def _route(link: DiagramLink, placed: dict[str, PlacedNode]) -> PlacedLink:
    source, target = placed[link.source], placed[link.target]
    arrow = link.kind in DOWNWARD
    start, end = source.box, target.box
    if source.layer == target.layer:
        left, right = (start, end) if start.x < end.x else (end, start)
        a = (left.x + left.width / 2, left.y)
        b = (right.x + right.width / 2, right.y)
        lift = min(40.0, GAP_Y * 0.6) if abs(b[0] - a[0]) > left.width else 16.0
        control = ((a[0] + b[0]) / 2, min(a[1], b[1]) - lift)
        curve = (a, control, b) if start is left else (b, control, a)
        return PlacedLink(link, tuple(_round(point) for point in curve), arrow)
    upper_is_source = source.layer < target.layer
    top, bottom = (start, end) if upper_is_source else (end, start)
    a = (top.x + top.width / 2, top.y + top.height)
    b = (bottom.x + bottom.width / 2, bottom.y)
    points = (a, b) if upper_is_source else (b, a)
    return PlacedLink(link, tuple(_round(point) for point in points), arrow)


def _round(point: tuple[float, float]) -> tuple[float, float]:
    return (round(point[0], 1), round(point[1], 1))
