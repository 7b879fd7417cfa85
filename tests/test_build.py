"""Build the tiny fixture project with MkDocs and read its HTML: pages, anchors, links both ways."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import BuiltSite, build_project


def test_generated_pages_exist(mini_site: BuiltSite) -> None:
    for page in ["glossary/", "glossary/quay/", "glossary/lighthouse/", "actors/", "actors/harbour-board/", "timeline/", "questions/", "self-check/"]:
        assert (mini_site.root / page / "index.html").is_file(), page
    assert not (Path(__file__).parent / "fixtures/mini/docs/glossary").exists(), "nothing is written into docs/"


def test_reading_paragraphs_have_stable_anchors(mini_site: BuiltSite) -> None:
    html = mini_site.html("readings/harbour/")
    paragraphs = html.select("p.reading-paragraph")
    assert [p["id"] for p in paragraphs] == ["p1", "p2", "p3"]
    assert "Ferries carry ten thousand people a day." in paragraphs[1].get_text()
    assert html.select_one(".reading-byline").get_text(strip=True) == "Ada Lovell was harbour master from 2010 to 2019."
    assert html.find("a", string="Read the original")["href"] == "https://example.org/harbour-op-ed"


def test_mentions_link_to_entries_with_a_preview(mini_site: BuiltSite) -> None:
    html = mini_site.html("readings/harbour/")
    links = {a.get_text(): a for a in html.select("p#p1 a.term-link")}
    assert set(links) == {"Harbour Board", "north quay", "ferry union"}
    assert links["north quay"]["href"] == "../../glossary/quay/"
    assert links["Harbour Board"]["href"] == "../../actors/harbour-board/"
    described = html.find(id=links["north quay"]["aria-describedby"])
    assert described.get_text() == "A stone platform where ships load and unload."


def test_acronym_alias_links_in_capitals(mini_site: BuiltSite) -> None:
    html = mini_site.html("readings/harbour/")
    assert [a.get_text() for a in html.select("p#p2 a.term-link")] == ["ferry union", "HB"]


def test_entry_pages_link_back_to_paragraphs_with_quotes(mini_site: BuiltSite) -> None:
    html = mini_site.html("actors/harbour-board/")
    backlinks = html.select(".backlinks li")
    assert [li.a["href"] for li in backlinks] == ["../../readings/harbour/#p1", "../../readings/harbour/#p2", "../../readings/harbour/#p3"]
    assert [mark.get_text() for mark in backlinks[0].select("mark")] == ["Harbour Board", "board"]
    assert "voted last week to close the north quay. … The board's decision" in backlinks[0].get_text()
    assert [mark.get_text() for mark in backlinks[1].select("mark")] == ["HB"]
    assert "Ferries carry" not in backlinks[1].get_text(), "only sentences with a mention are quoted"


def test_relationships_show_on_both_profiles(mini_site: BuiltSite) -> None:
    board = mini_site.html("actors/harbour-board/")
    union = mini_site.html("actors/ferry-union/")
    assert board.find("a", href="../ferry-union/") is not None
    assert union.find("a", href="../harbour-board/") is not None
    assert "The union opposes the board's decision." in union.get_text()


def test_timeline_is_chronological_and_cross_linked(mini_site: BuiltSite) -> None:
    html = mini_site.html("timeline/")
    assert [time["datetime"] for time in html.select("ol.timeline .tl-date")] == ["2010", "2021-02-27"]
    assert [h2.get_text() for h2 in html.select("h2")] == ["Events, 2010–2021"]
    event = html.find(id="event-2021-02-27-board-vote")
    assert event is not None
    assert html.find("a", href="../readings/harbour/#p1") is not None
    assert html.find("a", href="../actors/harbour-board/") is not None
    term = mini_site.html("glossary/quay/")
    assert term.find("a", href="../../timeline/#event-2021-02-27-board-vote") is not None


def test_disagreements_are_shown_with_both_sides(mini_site: BuiltSite) -> None:
    html = mini_site.html("timeline/")
    note = html.select_one(".admonition.warning")
    assert note.select_one(".admonition-title").get_text() == "The reading and other sources differ"
    assert note.find("a", href="../readings/harbour/#p1") is not None
    assert note.find("a", href="https://example.org/board-vote") is not None


def test_questions_point_to_paragraphs_and_hide_teacher_notes(mini_site: BuiltSite) -> None:
    html = mini_site.html("questions/")
    assert [h2.get_text() for h2 in html.select("h2")] == ["Before reading", "While reading"]
    question = html.find(id="q-numbers")
    assert question.find("a", href="../readings/harbour/#p2") is not None
    assert "no source is given" not in html.get_text()


def test_sources_are_listed_with_links(mini_site: BuiltSite) -> None:
    html = mini_site.html("glossary/lighthouse/")
    sources = html.find("h2", string="Sources").find_next("ol")
    assert "Example Encyclopedia, “Lighthouse”, 2019." in sources.get_text()
    assert sources.a["href"] == "https://example.org/lighthouse"


def test_entry_pages_lead_back_to_their_index_instead_of_filling_the_nav(mini_site: BuiltSite) -> None:
    html = mini_site.html("glossary/quay/")
    nav_links = [a["href"] for a in html.select("nav.md-nav--primary a.md-nav__link[href]")]
    assert "../lighthouse/" not in nav_links, "entry pages are reached from the glossary, not listed in the sidebar"
    assert html.select_one(".entry-kind a")["href"] == "../#letter-q"
    assert mini_site.html("glossary/").find(id="letter-q") is not None


def test_a_new_term_is_one_yaml_file(mini_project: Path, tmp_path: Path) -> None:
    (mini_project / "glossary/terms/ferry.yml").write_text(
        "title: Ferry\nshort: A boat that carries people across water.\nexplanation: Ferries run on timetables.\n"
        "plurals: true\nsources:\n  - publisher: Example\n    title: Ferry\n    date: 2020\n    url: https://example.org/ferry\n",
        encoding="utf-8",
    )
    site = BuiltSite(build_project(mini_project, tmp_path / "site"))
    assert (site.root / "glossary/ferry/index.html").is_file()
    assert site.html("readings/harbour/").find("a", string="Ferries")["href"] == "../../glossary/ferry/"


def test_cli_check_and_export(mini_project: Path, tmp_path: Path) -> None:
    check = subprocess.run([sys.executable, "-m", "build_tools", "--project", str(mini_project), "check"], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    assert check.stdout.startswith("Content is valid: 2 terms, 2 actors, 2 events, 2 questions, 2 annotations, 1 readings.")
    out = tmp_path / "export"
    export = subprocess.run([sys.executable, "-m", "build_tools", "--project", str(mini_project), "export", str(out)], capture_output=True, text=True)
    assert export.returncode == 0, export.stderr
    assert "\n# Quay\n" in (out / "glossary/quay.md").read_text(encoding="utf-8")
    assert (out / "readings/harbour.md").is_file()


def test_build_command_swaps_the_site_only_on_success(mini_project: Path) -> None:
    site = mini_project / "site"
    command = [sys.executable, "-m", "build_tools", "--project", str(mini_project), "build", "--site-dir", "site"]
    first = subprocess.run(command, capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    marker = site / "marker.txt"
    marker.write_text("last good build", encoding="utf-8")
    (mini_project / "glossary/terms/quay.yml").write_text("title: Quay\n", encoding="utf-8")
    failed = subprocess.run(command, capture_output=True, text=True)
    assert failed.returncode == 1
    assert "Traceback" not in failed.stderr
    assert "glossary/terms/quay.yml:1: 'short' is missing." in failed.stderr
    assert marker.read_text(encoding="utf-8") == "last good build"


def test_events_and_questions_quote_the_paragraphs_they_point_to(mini_site: BuiltSite) -> None:
    timeline = mini_site.html("timeline/")
    card = timeline.find("a", href="../readings/harbour/#p1").find_parent("li", class_="tl-item")
    assert card["id"] == "event-2021-02-27-board-vote", "the timeline links the paragraph from the event's card, without quoting it"
    questions = mini_site.html("questions/")
    item = questions.find(id="q-numbers").find("a", href="../readings/harbour/#p2").find_parent("li")
    assert "“Ferries carry ten thousand people a day.”" in item.get_text()


def test_reading_flags_paragraphs_that_other_sources_contradict(mini_site: BuiltSite) -> None:
    html = mini_site.html("readings/harbour/")
    flags = html.select("details.warning")
    assert len(flags) == 1
    assert flags[0].find_previous("p", class_="reading-paragraph")["id"] == "p1"
    assert flags[0].find("a", href="../../timeline/#event-2021-02-27-board-vote") is not None
