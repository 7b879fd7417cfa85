"""The timeline: eras from content, era-compressed spacing, the reading's date, compact cards and finders."""

from __future__ import annotations

import itertools
from pathlib import Path

from build_tools.dates import PartialDate
from build_tools.layout import Layout
from build_tools.load import ContentPaths
from build_tools.render_timeline import event_gist, render_timeline_page
from build_tools.site import load_library
from build_tools.timeline import GAP_STEPS, day_number, overview_geometry, plan_timeline
from conftest import BuiltSite, build_project

ERAS = """\
- title: Before the quay closed
  start: 2000
  end: 2015
  description: The quay is open.
- title: The closure
  start: 2020
  end: 2021
"""

EXTRA_EVENT = """\
date: 2020-06
title: The board proposes a closure
description: The board proposes closing the north quay. It cites costs, and the union objects at length to the plan, calling it rushed.
actors: [harbour-board]
sources:
  - publisher: Example News
    title: Closure proposed
    date: 2020-06
    url: https://example.org/closure
"""


def with_eras(project: Path) -> Path:
    (project / "glossary" / "eras.yml").write_text(ERAS, encoding="utf-8")
    (project / "glossary" / "events" / "2020-06-closure-proposed.yml").write_text(EXTRA_EVENT, encoding="utf-8")
    return project


def test_events_fall_into_the_eras_written_in_content(mini_project: Path) -> None:
    library = load_library(ContentPaths(with_eras(mini_project)))
    groups = plan_timeline(library)
    assert [group.title for group in groups] == ["2000–2015: Before the quay closed", "2020–2021: The closure"]
    assert [group.anchor for group in groups] == ["era-before-the-quay-closed", "era-the-closure"]
    closure = groups[1]
    kinds = [(item.event.id if item.event else f"reading:{item.reading.id}") for item in closure.items if item.event or item.reading]
    assert kinds == ["2020-06-closure-proposed", "2021-02-27-board-vote", "reading:harbour"]


def test_events_outside_every_era_are_grouped_between_eras(mini_project: Path) -> None:
    (mini_project / "glossary" / "eras.yml").write_text("- title: Late\n  start: 2021\n  end: 2021\n", encoding="utf-8")
    groups = plan_timeline(load_library(ContentPaths(mini_project)))
    assert [group.title for group in groups] == ["Between eras, 2010", "2021: Late"]


def test_without_eras_one_stretch_holds_every_event(mini_project: Path) -> None:
    groups = plan_timeline(load_library(ContentPaths(mini_project)))
    assert [group.title for group in groups] == ["Events, 2010–2021"]
    assert not any(group.title.strip().isdigit() for group in groups), "no heading is a bare number"


def test_spacing_grows_with_the_share_of_the_era_between_items(mini_project: Path) -> None:
    groups = plan_timeline(load_library(ContentPaths(with_eras(mini_project))))
    proposed, vote, reading = groups[1].items
    # June 2020 is five months into a two-year era; the vote eight months later; the reading a month after it (end of March).
    assert (proposed.gap, vote.gap, reading.gap) == (2, 3, 1)
    assert all(0 <= item.gap <= GAP_STEPS for group in groups for item in group.items)


def test_a_reading_known_to_the_month_sits_after_that_months_events() -> None:
    assert day_number(PartialDate(2021, 3), upper=True) == day_number(PartialDate(2021, 3, 31))
    assert day_number(PartialDate(2020), upper=True) == day_number(PartialDate(2020, 12, 31))
    assert day_number(PartialDate(2020, 2), upper=True) == day_number(PartialDate(2020, 2, 29))


def test_overview_segments_are_in_order_and_do_not_overlap(mini_project: Path) -> None:
    groups = plan_timeline(load_library(ContentPaths(with_eras(mini_project))))
    segments = overview_geometry(groups, 360)
    for left, right in itertools.pairwise(segments):
        assert left.x + left.width < right.x
    assert segments[-1].x + segments[-1].width <= 360.5
    for segment in segments:
        assert all(segment.x <= x <= segment.x + segment.width for x in (*segment.ticks, *segment.written))
        assert segment.width >= 24, "each era stays a usable target"
    assert segments[1].written, "the reading's date is marked"


def test_gist_is_the_first_sentence_cut_to_one_line(mini_project: Path) -> None:
    library = load_library(ContentPaths(with_eras(mini_project)))
    event = next(event for event in library.events if event.id == "2020-06-closure-proposed")
    assert event_gist(event) == "The board proposes closing the north quay."
    long = event.model_copy(update={"description": "The board, after a long and bitter meeting that went on late into the night, proposes closing the quay."})
    gist = event_gist(long)
    assert gist.endswith("…") and len(gist) <= 81


def test_timeline_page_structure(mini_project: Path, tmp_path: Path) -> None:
    page = render_timeline_page(load_library(ContentPaths(with_eras(mini_project))), Layout())
    assert page.startswith("---\nextra_css:\n  - assets/generated/timeline.css\n---\n")
    site = BuiltSite(build_project(mini_project, tmp_path / "site"))
    html = site.html("timeline/")
    cards = html.select("ol.timeline > li.tl-item > details.tl-card")
    assert len(cards) == 3
    for card in cards:
        summary = card.find("summary")
        assert summary.find("time", attrs={"datetime": True}) and summary.select_one(".tl-title") and summary.select_one(".tl-gist")
    written = html.select_one("li.tl-written")
    assert written is not None and written.find("a", href="../readings/harbour/") is not None
    assert written.find_previous("li", class_="tl-item")["id"] == "event-2021-02-27-board-vote"
    overview = html.select_one("svg.timeline-overview")
    assert [a["href"] for a in overview.select("a")] == ["#era-before-the-quay-closed", "#era-the-closure"]
    assert overview.find("title") is not None
    finders = html.select_one("nav.timeline-finders")
    board = next(li for li in finders.select("li") if li.a.get_text() == "Harbour Board")
    assert board.a["href"] == "../actors/harbour-board/"
    assert [a["href"] for a in board.select("a")[1:]] == ["#event-2020-06-closure-proposed", "#event-2021-02-27-board-vote"]
    for a in finders.select("a[href^='#']"):
        assert html.find(id=a["href"][1:]) is not None
    # The page's own stylesheet is in the page: no second render-blocking request.
    assert ".timeline-overview{" in html.head.style.get_text()
    assert (site.root / "assets/generated/timeline.css").is_file()
    assert site.html("glossary/").head.style is None, "other pages do not carry it"
