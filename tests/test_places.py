"""Places: a content kind linked like terms, and a locator map whose projection keeps places in order."""

from __future__ import annotations

import gzip
import re
import shutil
from pathlib import Path

import pytest
from test_diagram import ALLOWED_SVG_TAGS

from build_tools.locator import project_map
from build_tools.model import Basemap, Place
from conftest import MINI, BuiltSite, build_project

ALLOWED_MAP_TAGS = ALLOWED_SVG_TAGS | {"circle"}

SOURCE = {"publisher": "Atlas", "title": "Gazetteer", "date": "2020", "url": "https://example.org/gazetteer"}


def place(place_id: str, name: str, latitude: float, longitude: float) -> Place:
    return Place.model_validate({"id": place_id, "name": name, "kind": "city", "latitude": latitude, "longitude": longitude, "short": name, "description": name, "sources": [SOURCE]})


def test_projection_keeps_places_in_order() -> None:
    # Fixture coordinates: a capital, a port to its south-east, a city to its north.
    capital, port, north = place("capital", "Capital", 33.3, 44.4), place("port", "Port", 30.5, 47.8), place("north", "North", 36.3, 43.1)
    basemap = Basemap(countries=(("Land", (((38.0, 29.0), (49.0, 29.0), (49.0, 37.5), (38.0, 37.5)),)),), bbox=(37.5, 28.8, 49.5, 38.0))
    geometry = project_map(basemap, [capital, port, north])
    at = {marker.place.id: (marker.x, marker.y) for marker in geometry.markers}
    assert at["port"][0] > at["capital"][0] and at["port"][1] > at["capital"][1], "the port is south and east of the capital"
    assert at["north"][1] < at["capital"][1], "the northern city is above the capital"
    assert all(0 <= x <= geometry.width and 0 <= y <= geometry.height for x, y in at.values())
    assert geometry.home == "Land"


PLACE = """\
name: Old Lighthouse Point
kind: district
aliases: [the Point]
short: The headland where the old lighthouse stands.
description: A rocky headland north of the harbour.
latitude: 51.5
longitude: -3.2
sources:
  - publisher: Atlas
    title: Gazetteer
    date: 2020
    url: https://example.org/gazetteer
"""

SAME_AS = """\
name: Quay
same_as: quay
kind: district
short: The north quay.
description: Marker for the map.
latitude: 51.45
longitude: -3.17
sources:
  - publisher: Atlas
    title: Gazetteer
    date: 2020
    url: https://example.org/gazetteer
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    project = tmp_path_factory.mktemp("places") / "project"
    shutil.copytree(MINI, project)
    (project / "glossary/places").mkdir()
    (project / "glossary/places/lighthouse-point.yml").write_text(PLACE, encoding="utf-8")
    (project / "glossary/places/map-quay.yml").write_text(SAME_AS, encoding="utf-8")
    (project / "glossary/map").mkdir()
    outline = [[-3.5, 51.3], [-3.0, 51.3], [-3.0, 51.7], [-3.5, 51.7]]
    (project / "glossary/map/basemap.json").write_text(f'{{"bbox": [-3.6, 51.2, -2.9, 51.8], "countries": [{{"name": "Coast", "rings": [{outline!s}]}}]}}', encoding="utf-8")
    reading = project / "docs/readings/harbour.md"
    reading.write_text(reading.read_text(encoding="utf-8") + "\nShips pass the Point at night.\n", encoding="utf-8")
    return BuiltSite(build_project(project, project.parent / "site"))


def test_places_index_has_a_map_with_links_and_a_list(site: BuiltSite) -> None:
    html = site.html("places/")
    svg = html.select_one("figure.locator-map-figure svg.locator-map")
    assert svg.find("title") is not None and svg.find("desc") is not None
    assert {tag.name for tag in svg.find_all(True)} <= ALLOWED_MAP_TAGS
    assert sorted(a["href"] for a in svg.select("a")) == ["../glossary/quay/", "lighthouse-point/"], "a place explained by a term links to it"
    assert [a["href"] for a in html.select(".entry-list a")] == ["lighthouse-point/", "../glossary/quay/"]
    assert len(gzip.compress(str(svg).encode())) < 30_000


def test_place_mentions_link_and_preview_like_terms(site: BuiltSite) -> None:
    html = site.html("readings/harbour/")
    link = html.find("a", class_="term-link", string="the Point")
    assert link is not None and link["href"] == "../../places/lighthouse-point/"
    assert html.find(id=link["aria-describedby"]).get_text() == "The headland where the old lighthouse stands."


def test_place_page(site: BuiltSite) -> None:
    html = site.html("places/lighthouse-point/")
    assert html.select_one(".entry-short").get_text() == "The headland where the old lighthouse stands."
    assert "51.50° N, 3.20° W" in html.get_text()
    assert html.select_one("svg.locator-map .map-focus") is not None
    assert not (site.root / "places/map-quay/index.html").exists(), "no second page for a place a term explains"


def test_real_map_is_small_and_plain(real_site: BuiltSite) -> None:
    from build_tools import ContentPaths, load_library
    from conftest import ROOT

    library = load_library(ContentPaths(ROOT))
    if not library.places:
        # A unit without places has no places page (and nothing links to one).
        assert not (real_site.root / "places").exists()
        return
    html = real_site.html("places/")
    svg = html.select_one("svg.locator-map")
    if library.basemap is None:
        # Without glossary/map/ the places are listed, with no map.
        assert svg is None and html.select(".entry-list li")
        return
    assert svg is not None and len(gzip.compress(str(svg).encode())) <= 30_000
    assert {tag.name for tag in svg.find_all(True)} <= ALLOWED_MAP_TAGS
    assert not re.search(r'href="docs:', str(html))


def test_every_place_cites_a_source(real_site: BuiltSite) -> None:
    for path in sorted(Path(real_site.root / "places").glob("*/index.html")):
        assert "Sources" in path.read_text(encoding="utf-8")
