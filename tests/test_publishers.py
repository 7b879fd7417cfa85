"""Every citation says who published it: a label from the publishers file, and the host of a repost."""

from __future__ import annotations

from pathlib import Path
from typing import get_args

from build_tools.model import PUBLISHER_TYPES, Publisher, PublisherType, Source
from build_tools.render import credit, render_sources
from conftest import BuiltSite, build_project

PUBLISHERS = {
    "Wire Service": Publisher(name="Wire Service", type="wire", country="France"),
    "Army News": Publisher(name="Army News", type="state media", country="Example Land", ownership="funded by the Example Land army"),
    "State Agency": Publisher(name="State Agency", type="state media", country="Example Land", ownership="Example Land state media"),
    "Reposter": Publisher(name="Reposter", type="aggregator", country="unknown"),
}


def _source(publisher: str, via: str | None = None) -> Source:
    return Source.model_validate({"publisher": publisher, "via": via, "title": "A report", "date": "2020-09-29", "url": "https://example.org/report"})


def test_every_type_has_a_label() -> None:
    assert list(PUBLISHER_TYPES) == list(get_args(PublisherType))


def test_a_publisher_is_labelled_with_its_ownership_or_else_its_type_and_country() -> None:
    assert credit(_source("Army News"), PUBLISHERS) == "Army News (funded by the Example Land army)"
    assert credit(_source("Wire Service"), PUBLISHERS) == "Wire Service (news agency, France)"


def test_a_repost_names_the_original_and_labels_the_host() -> None:
    assert credit(_source("Wire Service", "Army News"), PUBLISHERS) == "Wire Service report, via Army News (funded by the Example Land army)"
    assert credit(_source("State Agency", "Reposter"), PUBLISHERS) == "State Agency (Example Land state media) report, via Reposter (site that reposts others' articles, country unknown)"


def test_without_a_publishers_file_citations_show_names_only() -> None:
    assert render_sources([_source("Wire Service", "Reposter")], "## Sources") == (
        "## Sources\n\n1. Wire Service report, via Reposter, “A report”, 29 September 2020. <https://example.org/report>\n"
    )


def test_entry_and_timeline_citations_carry_labels(mini_project: Path, tmp_path: Path) -> None:
    (mini_project / "glossary" / "publishers.yml").write_text(
        "- name: Example News\n  type: newspaper\n  country: Example Land\n"
        "- name: Example Encyclopedia\n  type: reference\n  country: Example Land\n  ownership: published by the Example Land government\n",
        encoding="utf-8",
    )
    site = BuiltSite(build_project(mini_project, tmp_path / "site"))
    sources = site.html("glossary/lighthouse/").find("h2", string="Sources").find_next("ol")
    assert "Example Encyclopedia (published by the Example Land government), “Lighthouse”, 2019." in sources.get_text()
    assert "Example News (newspaper, Example Land)" in site.html("timeline/").get_text()
