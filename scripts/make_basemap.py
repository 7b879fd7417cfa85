"""Cut a small basemap from world-atlas (Natural Earth 1:50m countries, TopoJSON) for the locator map.

Usage: python scripts/make_basemap.py countries-50m.json WEST SOUTH EAST NORTH OUT.json

Get the input with `npm pack world-atlas` and unpack it. Countries are clipped to the box,
simplified (Douglas-Peucker, 0.02 degrees) and rounded to 0.01 degrees; the output is committed,
so builds need neither npm nor the network.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

Point = tuple[float, float]
TOLERANCE = 0.02


def decode_arcs(topology: dict) -> list[list[Point]]:
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(arcs: list[list[Point]], indexes: list[int]) -> list[Point]:
    points: list[Point] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def clip(points: list[Point], west: float, south: float, east: float, north: float) -> list[Point]:
    """Sutherland-Hodgman against each side of the box."""
    edges = [
        (lambda p: p[0] >= west, lambda a, b: (west, a[1] + (b[1] - a[1]) * (west - a[0]) / (b[0] - a[0]))),
        (lambda p: p[0] <= east, lambda a, b: (east, a[1] + (b[1] - a[1]) * (east - a[0]) / (b[0] - a[0]))),
        (lambda p: p[1] >= south, lambda a, b: (a[0] + (b[0] - a[0]) * (south - a[1]) / (b[1] - a[1]), south)),
        (lambda p: p[1] <= north, lambda a, b: (a[0] + (b[0] - a[0]) * (north - a[1]) / (b[1] - a[1]), north)),
    ]
    for inside, cross in edges:
        if not points:
            break
        result = []
        for index, current in enumerate(points):
            previous = points[index - 1]
            if inside(current):
                if not inside(previous):
                    result.append(cross(previous, current))
                result.append(current)
            elif inside(previous):
                result.append(cross(previous, current))
        points = result
    return points


def simplify(points: list[Point], tolerance: float) -> list[Point]:
    if len(points) < 3:
        return points
    first, last = points[0], points[-1]
    best, index = 0.0, 0
    for position, point in enumerate(points[1:-1], start=1):
        distance = _distance(point, first, last)
        if distance > best:
            best, index = distance, position
    if best <= tolerance:
        return [first, last]
    return simplify(points[: index + 1], tolerance)[:-1] + simplify(points[index:], tolerance)


def _distance(point: Point, start: Point, end: Point) -> float:
    (x, y), (x1, y1), (x2, y2) = point, start, end
    if (x1, y1) == (x2, y2):
        return ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
    return abs((y2 - y1) * x - (x2 - x1) * y + x2 * y1 - y2 * x1) / ((y2 - y1) ** 2 + (x2 - x1) ** 2) ** 0.5


def main(source: str, west: float, south: float, east: float, north: float, out: str) -> None:
    topology = json.loads(Path(source).read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]] if geometry["type"] == "Polygon" else []
        rings = []
        for polygon in polygons:
            for indexes in polygon:
                clipped = clip(ring(arcs, indexes), west, south, east, north)
                simple = [(round(x, 2), round(y, 2)) for x, y in simplify(clipped, TOLERANCE)]
                if len(simple) >= 4:
                    rings.append(simple)
        if rings:
            countries.append({"name": geometry["properties"]["name"], "rings": rings})
    data = {
        "source": "Natural Earth 1:50m admin 0 countries (public domain), via the world-atlas package 2.0.2; clipped and simplified by scripts/make_basemap.py",
        "bbox": [west, south, east, north],
        "countries": sorted(countries, key=lambda country: country["name"]),
    }
    Path(out).write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1], *(float(value) for value in sys.argv[2:6]), sys.argv[6])
