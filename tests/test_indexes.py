"""Indexes and entry pages a student scans: family-name order, no bare-number headings, definition first, search boost."""

from __future__ import annotations

import pytest

from build_tools.render_collections import family_name
from conftest import BuiltSite


@pytest.mark.parametrize(
    ("name", "family"),
    [("Ada Lovell", "lovell"), ("Ali al-Sadr", "sadr"), ("Adel Abdul Rahman", "abdul rahman"), ("Abu Omar al-Harbi", "harbi"), ("Plato", "plato")],
)
def test_family_name(name: str, family: str) -> None:
    assert family_name(name) == family


def test_glossary_headings_are_never_bare_numbers(mini_project, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from build_tools.layout import Layout
    from build_tools.load import ContentPaths
    from build_tools.render_collections import render_glossary_index
    from build_tools.site import load_library

    term = mini_project / "glossary/terms/1990-flood.yml"
    term.write_text("title: 1990 flood\nshort: A flood.\nexplanation: It rained.\nsources:\n  - publisher: P\n    title: T\n    date: 1990\n    url: https://example.org/f\n", encoding="utf-8")
    page = render_glossary_index(load_library(ContentPaths(mini_project)), Layout())
    headings = [line[3:].split(" { #")[0] for line in page.splitlines() if line.startswith("## ")]
    assert "Numbers and signs {" + " #letter-other }" in page
    assert "Numbers and signs" in headings and not any(heading.strip().isdigit() for heading in headings)


def test_entry_page_opens_with_its_definition_then_its_spellings(mini_site: BuiltSite) -> None:
    html = mini_site.html("actors/harbour-board/")
    summary = html.select_one(".entry-summary")
    short, aliases = summary.select_one(".entry-short"), summary.select_one(".entry-aliases")
    assert short.get_text() == "The body that runs the harbour."
    assert short.find_next("p", class_="entry-aliases") is aliases, "spellings come after the definition"
    assert not html.select(".admonition.abstract"), "no small-type 'In short' box"


def test_actors_index_groups_kinds_and_sorts_people_by_family_name(real_site: BuiltSite) -> None:
    html = real_site.html("actors/")
    headings = [h2.get_text() for h2 in html.select("article h2")]
    assert headings[-4:][0] in ("People", "States") or "People" in headings
    people = [a.get_text() for a in html.find("h2", string="People").find_next("div").select("strong a")]
    assert people == sorted(people, key=family_name)
