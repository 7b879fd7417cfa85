"""The locator map's geometry: an equirectangular projection of the basemap box, and where each place lands.

Pure arithmetic; `render_places` draws it. Longitude is scaled by the cosine of the box's middle
latitude, so shapes keep their proportions at these latitudes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .model import Basemap, Place

__all__ = ["MapGeometry", "PlacedMarker", "project_map"]


@dataclass(frozen=True)
class PlacedMarker:
    place: Place
    x: float
    y: float
    label_x: float
    anchor: str
    """'start' (label to the right) or 'end' (to the left)."""
    label_y: float


@dataclass(frozen=True)
class MapGeometry:
    width: float
    height: float
    countries: tuple[tuple[str, str, tuple[float, float]], ...]
    """Name, SVG path, label position."""
    markers: tuple[PlacedMarker, ...]
    home: str
    """The country that holds the most places, drawn stronger."""


def project_map(basemap: Basemap, places: list[Place], width: float = 360.0) -> MapGeometry:
    west, south, east, north = basemap.bbox
    scale_x = math.cos(math.radians((south + north) / 2))
    k = width / ((east - west) * scale_x)
    height = round((north - south) * k, 1)

    def project(lon: float, lat: float) -> tuple[float, float]:
        return (round((lon - west) * scale_x * k, 1), round((north - lat) * k, 1))

    countries = []
    home_counts: dict[str, int] = {}
    for name, rings in basemap.countries:
        path = "".join("M" + "L".join(f"{x} {y}" for x, y in (project(*point) for point in ring)) + "Z" for ring in rings)
        biggest = max(rings, key=len)
        centre = project(sum(p[0] for p in biggest) / len(biggest), sum(p[1] for p in biggest) / len(biggest))
        countries.append((name, path, centre))
        home_counts[name] = sum(any(_inside((place.longitude, place.latitude), ring) for ring in rings) for place in places)
    home = max(home_counts, key=lambda name: (home_counts[name], name)) if home_counts else ""
    markers = []
    taken: list[tuple[float, float, float, float]] = []
    dots = [project(place.longitude, place.latitude) for place in places]
    for place in sorted(places, key=lambda place: (-place.latitude, place.longitude, place.id)):
        x, y = project(place.longitude, place.latitude)
        label_width = len(place.name) * 6.2
        choice = None
        for dy in (0.0, 11.0, -11.0, 22.0):
            for anchor in ("start", "end"):
                left = x + 6 if anchor == "start" else x - 6 - label_width
                box = (left, y + dy - 8, label_width, 11.0)
                if left < 0 or left + label_width > width:
                    continue
                if any(_overlap(box, other) for other in taken) or any(_overlap(box, (dx - 4, ddy - 4, 8.0, 8.0)) for dx, ddy in dots):
                    continue
                choice = (anchor, dy, box)
                break
            if choice:
                break
        anchor, dy, box = choice or ("start", 0.0, (x + 6, y - 8, label_width, 11.0))
        taken.append(box)
        markers.append(PlacedMarker(place, x, y, round(x + 6 if anchor == "start" else x - 6, 1), anchor, round(y + dy + 4, 1)))
    return MapGeometry(round(width, 1), height, tuple(countries), tuple(markers), home)


def _inside(point: tuple[float, float], ring: tuple[tuple[float, float], ...]) -> bool:
    """Ray casting: whether the point lies inside the ring."""
    x, y = point
    inside = False
    for index, (x1, y1) in enumerate(ring):
        x2, y2 = ring[index - 1]
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def _overlap(first: tuple[float, float, float, float], second: tuple[float, float, float, float]) -> bool:
    (x1, y1, w1, h1), (x2, y2, w2, h2) = first, second
    return x1 < x2 + w2 and x2 < x1 + w1 and y1 < y2 + h2 and y2 < y1 + h1
