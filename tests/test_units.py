"""A unit of several readings, on the two-reading fixture `tests/fixtures/units/war-1917`.

Scoped entries link only in their readings, questions are grouped by reading then phase, the
home page lists the readings from their front matter, and the sidebar does not grow with the glossary.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from build_tools import ContentPaths, load_library
from build_tools.linker import Linker, LinkTarget
from build_tools.scaffold import write_new_entry
from conftest import FIXTURES, BuiltSite, build_project, copy_unit

UNIT = FIXTURES / "units" / "war-1917"
TELEGRAM = "readings/zimmermann-1917/"
RESOLUTION = "readings/war-resolution-1917/"
MAX_SIDEBAR_LINKS = 60


@pytest.fixture(scope="module")
def unit_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    project = copy_unit(UNIT, tmp_path_factory.mktemp("unit") / "project")
    return BuiltSite(build_project(project, tmp_path_factory.mktemp("unit-site")))


def linked(site: BuiltSite, page: str, css: str = "") -> list[tuple[str, str]]:
    """(entry id, linked words) of each term link on the page, in order."""
    return [(a["aria-describedby"].removeprefix("term-def-"), a.get_text()) for a in site.html(page).select(f"{css} a.term-link".strip())]


def test_the_same_word_links_to_the_entry_of_each_reading(unit_site: BuiltSite) -> None:
    # "the President" is Mexico's president in the telegram and the American one in the resolution.
    assert {entry for entry, words in linked(unit_site, TELEGRAM, "p.reading-paragraph") if words == "President"} == {"venustiano-carranza"}
    assert {entry for entry, words in linked(unit_site, RESOLUTION, "p.reading-paragraph") if words == "President"} == {"woodrow-wilson"}


def test_scoped_entries_link_only_in_their_readings(unit_site: BuiltSite) -> None:
    telegram = {entry for entry, _ in linked(unit_site, TELEGRAM, "p.reading-paragraph")}
    resolution = {entry for entry, _ in linked(unit_site, RESOLUTION, "p.reading-paragraph")}
    assert {"unrestricted-submarine-warfare", "alliance", "venustiano-carranza"} <= telegram
    assert {"state-of-war", "imperial-german-government", "woodrow-wilson"} <= resolution
    assert telegram.isdisjoint({"state-of-war", "imperial-german-government", "woodrow-wilson"})
    assert resolution.isdisjoint({"unrestricted-submarine-warfare", "alliance", "venustiano-carranza"})
    assert "united-states" in telegram & resolution, "an unscoped entry links in every reading"


def test_scoped_entries_do_not_link_on_pages_about_no_reading(unit_site: BuiltSite) -> None:
    home = {entry for entry, _ in linked(unit_site, "")}
    assert "united-states" in home
    assert home.isdisjoint({"venustiano-carranza", "woodrow-wilson", "state-of-war", "alliance"})


def test_backlinks_come_only_from_the_entrys_readings(unit_site: BuiltSite) -> None:
    carranza = [li.a["href"] for li in unit_site.html("actors/venustiano-carranza/").select(".backlinks li")]
    assert carranza == ["../../readings/zimmermann-1917/#p3", "../../readings/zimmermann-1917/#p4"]
    wilson = [li.a["href"] for li in unit_site.html("actors/woodrow-wilson/").select(".backlinks li")]
    assert wilson == ["../../readings/war-resolution-1917/#p3"]


def test_questions_are_grouped_by_reading_then_phase(unit_site: BuiltSite) -> None:
    html = unit_site.html("questions/")
    headings = [(h.name, h.get_text()) for h in html.select("h2, h3")]
    assert headings == [
        ("h2", "The Zimmermann Telegram"),
        ("h3", "Before reading"),
        ("h3", "While reading"),
        ("h2", "Joint Resolution declaring a state of war with the Imperial German Government"),
        ("h3", "Before reading"),
        ("h3", "While reading"),
        ("h2", "Across the readings"),
        ("h3", "After reading"),
    ]
    order = [question["id"] for question in html.select(".question")]
    assert order == ["q-secret-message", "q-the-offer", "q-who-declares", "q-the-reason", "q-connect"]
    labels = [label.get_text() for label in html.select(".question__label")]
    assert [label.split(" · ")[0] for label in labels] == [f"Question {n}" for n in range(1, 6)]


def test_each_reading_has_its_own_self_check_with_wrong_choices_from_its_own_words(unit_site: BuiltSite) -> None:
    html = unit_site.html("self-check/")
    article = html.select_one("article")
    assert [h.get_text() for h in article.select("h2")] == [
        "The Zimmermann Telegram",
        "Joint Resolution declaring a state of war with the Imperial German Government",
        "Events in order",
    ]
    terms = set(load_library(ContentPaths(UNIT)).terms)
    for heading, page in zip(article.select("h2")[:2], (TELEGRAM, RESOLUTION), strict=True):
        words = {entry for entry, _ in linked(unit_site, page, "p.reading-paragraph")} & terms
        section = []
        for sibling in heading.find_next_siblings():
            if sibling.name == "h2":
                break
            section += sibling.select("fieldset") if sibling.name != "fieldset" else [sibling]
        assert len(section) == len(words) >= 2, f"{page}: one question per term the reading links"
        for fieldset in section:
            choices = {radio["value"] for radio in fieldset.select("input")}
            assert fieldset["data-answer"] in choices and choices <= words, f"{page}: the choices come from this reading's words only"
    # Scoped words never cross over: the telegram's alliance is not a wrong choice for the resolution.
    quiz = {fieldset["data-answer"]: {radio["value"] for radio in fieldset.select("input")} for fieldset in article.select("fieldset[data-answer]")}
    assert quiz["state-of-war"] == {"state-of-war", "congress"} and quiz["alliance"] == {"alliance", "unrestricted-submarine-warfare"}


def test_a_question_group_links_the_entries_of_its_reading(unit_site: BuiltSite) -> None:
    group = unit_site.html("questions/").find(id="q-the-reason")
    assert [a["aria-describedby"].removeprefix("term-def-") for a in group.select("a.term-link")] == ["congress", "state-of-war"]


def test_home_page_lists_the_readings_from_their_front_matter(unit_site: BuiltSite) -> None:
    items = unit_site.html("").select(".reading-list li")
    assert [item.a["href"] for item in items] == [TELEGRAM, RESOLUTION]
    assert [item.get_text(" ", strip=True) for item in items] == [
        "The Zimmermann Telegram : Arthur Zimmermann · Letter · 16 January 1917 · 2 min read",
        "Joint Resolution declaring a state of war with the Imperial German Government : The Congress of the United States · Primary source · 6 April 1917 · 1 min read",
    ]
    assert [time["datetime"] for time in unit_site.html("").select(".reading-list time")] == ["1917-01-16", "1917-04-06"]


def test_each_kind_shows_its_own_fields_and_credit(unit_site: BuiltSite) -> None:
    letter = unit_site.html(TELEGRAM)
    assert "To Heinrich von Eckardt, the German Minister to Mexico" in letter.select_one(".reading-meta").get_text()
    assert letter.select_one(".admonition-title").get_text() == "Letter"
    assert letter.find("em", string="In the public domain. Paragraph breaks added for teaching.") is not None
    document = unit_site.html(RESOLUTION)
    meta = document.select_one(".reading-meta").get_text()
    assert "None" not in meta and "none" not in meta
    assert "and none" not in document.get_text()


def test_wording_comes_from_the_readings_dates(unit_site: BuiltSite) -> None:
    assert unit_site.html("actors/woodrow-wilson/").find("h2", string="Role in 1917") is not None
    assert "what they wanted in 1917" in unit_site.html("actors/").get_text()
    assert "Words and names the readings use" in unit_site.html("glossary/").get_text()


def sidebar_links(site: BuiltSite, page: Path) -> int:
    from bs4 import BeautifulSoup

    html = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    return len(html.select("nav.md-nav--primary a[href], nav.md-nav--secondary a[href]"))


def test_every_sidebar_stays_bounded_whatever_the_glossary_size(unit_site: BuiltSite, tmp_path: Path) -> None:
    project = copy_unit(UNIT, tmp_path / "project")
    for number in range(150):
        (project / f"glossary/terms/extra-{number}.yml").write_text(
            f"title: Extra word {number}\nshort: A filler entry.\nexplanation: Filler.\n"
            "sources:\n  - publisher: Example\n    title: Example\n    date: 2020\n    url: https://example.org/extra\n",
            encoding="utf-8",
        )
    big = BuiltSite(build_project(project, tmp_path / "site"))
    for site in (unit_site, big):
        counts = {page.relative_to(site.root).as_posix(): sidebar_links(site, page) for page in site.pages() if page.name == "index.html"}
        assert max(counts.values()) <= MAX_SIDEBAR_LINKS, max(counts.items(), key=lambda item: item[1])
    entry = "glossary/alliance/index.html"
    assert sidebar_links(big, big.root / entry) == sidebar_links(unit_site, unit_site.root / entry), "the glossary's size does not reach the sidebar"


def test_linker_scope() -> None:
    linker = Linker(
        [
            LinkTarget("mexico-president", "Carranza", ("President",), "", "a.md", readings=("telegram",)),
            LinkTarget("us-president", "Wilson", ("President",), "", "b.md", readings=("resolution",)),
            LinkTarget("war", "war", ("war",), "", "c.md"),
        ]
    )
    text = "the President and the war"
    assert [m.target_id for m in linker.find(text, ("telegram",))] == ["mexico-president", "war"]
    assert [m.target_id for m in linker.find(text, ("resolution",))] == ["us-president", "war"]
    assert [m.target_id for m in linker.find(text, ())] == ["war"], "a page about no reading links only unscoped entries"
    assert len(linker.find(text)) == 2, "without a scope every entry can link"


def test_the_unit_checks_clean_and_reads_its_identity() -> None:
    library = load_library(ContentPaths(UNIT))
    assert list(library.readings) == ["zimmermann-1917", "war-resolution-1917"], "oldest first"
    assert library.site.name == "The Zimmermann Telegram and the road to war"
    assert library.site.copyright.startswith("Both documents are in the public domain")


def test_new_reading_is_scaffolded_and_cannot_pass_unfinished(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(UNIT, project)
    written = write_new_entry(ContentPaths(project), "reading", "telegram-reply")
    assert written == "docs/readings/telegram-reply.md"
    text = (project / written).read_text(encoding="utf-8")
    assert text.startswith("---\n") and "\nkind:\n" in text and "\nplace:\n" in text
    result = subprocess.run([sys.executable, "-m", "build_tools", "check"], cwd=project, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert "docs/readings/telegram-reply.md:5: 'title' is empty." in result.stderr
    assert "the reading has no paragraphs" in result.stderr
    with pytest.raises(FileExistsError):
        write_new_entry(ContentPaths(project), "reading", "telegram-reply")


def test_check_reads_the_site_identity_from_mkdocs_yml(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(UNIT, project)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("\nsite_description: Two documents", "\nsite_description:\n# Two documents"), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "build_tools", "check"], cwd=project, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    line = text.splitlines().index(next(line for line in text.splitlines() if line.startswith("site_description:"))) + 1
    assert result.stderr.splitlines()[0] == (
        f"mkdocs.yml:{line}: 'site_description' must be a line of text. "
        "Fill in one sentence saying what the site is about, for search engines and link previews."
    )
    config.write_text(text, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "build_tools", "check"], cwd=project, capture_output=True, text=True, timeout=120)
    assert result.stdout.splitlines()[1] == "Site: 'The Zimmermann Telegram and the road to war' (site_name, site_description and copyright in mkdocs.yml)."


def test_a_hand_written_page_names_the_readings_it_is_about(unit_site: BuiltSite) -> None:
    assert {entry for entry, _ in linked(unit_site, "about-telegram/")} == {"telegram", "alliance", "venustiano-carranza"}
