"""The self-check page: a quiz from the glossary, events to put in order, plain content without JavaScript.

Unit tests render a made-up library and parse the Markdown with Python-Markdown; browser tests
answer a question and reorder events by keyboard only, and check what is announced.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import markdown
import pytest
from axe_playwright_python.sync_playwright import Axe
from browser import serve
from bs4 import BeautifulSoup
from own_thread import chromium, own_thread
from playwright.sync_api import BrowserContext, Page, expect

from build_tools.dates import PartialDate
from build_tools.layout import Layout
from build_tools.model import Event, Library, Source, Term
from build_tools.render_selfcheck import CHOICES, ORDER_SIZE, QUIZ_SIZE, pick_events, render_self_check
from conftest import MINI, BuiltSite, build_project

SOURCE = Source(publisher="Example", title="Example", date=PartialDate(2020), url="https://example.org/source")
VIEWPORT = {"width": 1280, "height": 900}
EXTENSIONS = ["attr_list", "md_in_html", "admonition", "pymdownx.details", "toc"]


def make_term(term_id: str, title: str, short: str = "", aliases: tuple[str, ...] = ()) -> Term:
    return Term(id=term_id, title=title, aliases=list(aliases), short=short or f"The meaning of word {term_id}.", explanation="More.", sources=[SOURCE])


def make_event(date: str, title: str = "") -> Event:
    event_id = f"{date}-event"
    return Event(id=event_id, date=PartialDate.parse(date), title=title or f"Event of {date}", description="Something happened.", sources=[SOURCE])


def library_of(terms: list[Term], events: list[Event]) -> Library:
    return Library(terms={term.id: term for term in terms}, events=tuple(sorted(events, key=lambda event: event.date)))


def page(library: Library) -> BeautifulSoup:
    html = markdown.Markdown(extensions=EXTENSIONS).convert(render_self_check(library, Layout()))
    return BeautifulSoup(html, "html.parser")


TERMS = [make_term(f"word-{index:02d}", f"Word {index:02d}") for index in range(14)]
DATES = ["1990", "1995-05", "2001-03-04", "2003", "2003-06-01", "2008-01", "2012-12-12", "2015", "2019-09-01", "2020-02-02"]
EVENTS = [make_event(date) for date in DATES]


def test_quiz_asks_about_up_to_ten_terms_with_one_right_choice_each() -> None:
    html = page(library_of(TERMS, EVENTS))
    questions = html.select(".sc-choice fieldset")
    assert len(questions) == QUIZ_SIZE
    for fieldset in questions:
        values = [radio["value"] for radio in fieldset.select("input[type=radio]")]
        assert len(values) == CHOICES == len(set(values))
        assert values.count(fieldset["data-answer"]) == 1
        assert {radio["name"] for radio in fieldset.select("input")} == {f"sc-term-{fieldset['data-answer']}"}
        assert fieldset.legend.get_text().split(" ", 1)[1] == f"The meaning of word {fieldset['data-answer']}."


def test_choices_are_deterministic_and_mixed() -> None:
    first = render_self_check(library_of(TERMS, EVENTS), Layout())
    again = render_self_check(library_of(list(reversed(TERMS)), list(reversed(EVENTS))), Layout())
    assert first == again, "the page must not depend on file order or on the run"
    positions = [
        [radio["value"] for radio in fieldset.select("input")].index(fieldset["data-answer"]) for fieldset in page(library_of(TERMS, EVENTS)).select("fieldset")
    ]
    assert len(set(positions)) > 1, "the right answer is not always in the same place"


def test_adding_a_term_changes_at_most_one_question() -> None:
    before = [fieldset["data-answer"] for fieldset in page(library_of(TERMS, EVENTS)).select("fieldset")]
    after = [fieldset["data-answer"] for fieldset in page(library_of([*TERMS, make_term("zebra", "Zebra")], EVENTS)).select("fieldset")]
    assert len(set(before) - set(after)) <= 1


def test_a_description_does_not_give_its_term_away() -> None:
    terms = [
        make_term("harbour-board", "Harbour Board (HB)", "The Harbour Board, or HB, runs the harbour; the board's members are elected.", aliases=("board",)),
        make_term("quay", "Quay", "A stone platform where ships load and unload."),
    ]
    legends = {fieldset["data-answer"]: fieldset.legend.get_text() for fieldset in page(library_of(terms, [])).select("fieldset")}
    assert legends["harbour-board"] == "2. The …, or …, runs the …; the …'s members are elected."
    assert legends["quay"] == "1. A stone platform where ships load and unload."


def test_each_answer_waits_in_a_box_and_links_to_the_entry() -> None:
    html = page(library_of(TERMS[:3], []))
    for item in html.select(".sc-choice"):
        answer = item.fieldset["data-answer"]
        details = item.find("details")
        assert details is not None and not details.has_attr("open")
        assert details.summary.get_text().startswith("Answer to question ")
        assert details.find("a")["href"] == f"glossary/{answer}.md"
        assert f"The meaning of word {answer}." in details.get_text()


def test_events_to_order_are_spread_out_and_never_ambiguous() -> None:
    chosen = pick_events(EVENTS)
    assert len(chosen) == ORDER_SIZE
    assert [event.date.iso for event in chosen] == ["1990", "2001-03-04", "2008-01", "2015", "2020-02-02"]
    ambiguous = [make_event("2003"), make_event("2003-06-01"), make_event("2003-06")]
    assert [event.date.iso for event in pick_events(ambiguous)] == ["2003"], "dates inside 2003 cannot be ordered against '2003'"


def test_events_are_shown_shuffled_with_the_right_order_in_a_box() -> None:
    html = page(library_of(TERMS, EVENTS))
    listing = html.select_one("ol.sc-order__list")
    answer = listing["data-answer"].split()
    shown = [item["data-event"] for item in listing.select("li")]
    assert sorted(shown) == sorted(answer) and shown != answer
    assert html.find(id=listing["aria-labelledby"]).get_text().startswith("Put these 5 events in the order they happened")
    solution = listing.find_next("details")
    assert [a["href"] for a in solution.select("li a")] == [f"timeline.md#event-{event_id}" for event_id in answer]
    assert solution.select("li")[0].get_text().startswith("1990: Event of 1990")


def test_small_libraries_leave_sections_out() -> None:
    html = page(library_of(TERMS[:1], EVENTS[:1]))
    assert not html.select("fieldset") and not html.select(".sc-order")
    assert "nothing to practise yet" in html.get_text()
    only_events = page(library_of([], EVENTS[:2]))
    assert only_events.select(".sc-order li") and not only_events.select("fieldset")


def test_practice_text_is_never_term_linked() -> None:
    html = page(library_of(TERMS, EVENTS))
    assert "no-term-links" in html.select_one(".self-check")["class"]


def test_assets_load_on_the_self_check_page_only(mini_site: BuiltSite) -> None:
    html = mini_site.html("self-check/")
    assert [a["href"] for a in html.select(".sc-assets a")] == ["../assets/self-check.css", "../assets/self-check.js"]
    assert html.select_one(".sc-assets").has_attr("hidden")
    for other in mini_site.pages():
        if other.parent.name != "self-check":
            text = other.read_text(encoding="utf-8")
            assert "self-check.js" not in text and "self-check.css" not in text, other


@pytest.fixture(scope="module")
def practice_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The mini project with four more events (six in all), served over HTTP; yields the self-check URL."""
    project = tmp_path_factory.mktemp("practice") / "project"
    shutil.copytree(MINI, project)
    for year in (2012, 2014, 2016, 2018):
        (project / f"glossary/events/{year}-step.yml").write_text(
            f"date: {year}\ntitle: Step taken in {year}\ndescription: A step.\n"
            "sources:\n  - publisher: Example\n    title: Step\n    date: 2020\n    url: https://example.org/step\n",
            encoding="utf-8",
        )
    site = build_project(project, project.parent / "site")
    with serve(site) as url:
        yield url + "self-check/"


def open_enhanced(context: BrowserContext, url: str) -> tuple[Page, list[str]]:
    """Open the page, wait for the script, then record every request made from then on."""
    page = context.new_page()
    page.goto(url)
    page.wait_for_selector(".sc-move")
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    return page, requests


@pytest.mark.browser
@own_thread
def test_answer_a_question_by_keyboard(practice_site: str) -> None:
    with chromium(viewport=VIEWPORT) as context:
        page, requests = open_enhanced(context, practice_site)
        fieldset = page.locator(".sc-choice fieldset").first
        answer = fieldset.get_attribute("data-answer")
        values = [radio.get_attribute("value") for radio in fieldset.locator("input").all()]
        feedback = fieldset.get_by_role("status")
        expect(feedback).to_have_attribute("aria-live", "polite")

        def label(value: str | None) -> str:
            return str(fieldset.locator(f"input[value='{value}']").evaluate("input => input.parentNode.textContent.trim()"))

        def checked() -> int:
            return values.index(fieldset.locator("input:checked").get_attribute("value"))

        check = fieldset.get_by_role("button", name="Check answer")
        check.focus()
        page.keyboard.press("Enter")
        expect(feedback).to_have_text("Choose an answer first.")

        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Space")
        if values[checked()] == answer:
            page.keyboard.press("ArrowDown")
        wrong = values[checked()]
        assert wrong != answer
        page.keyboard.press("Tab")
        expect(check).to_be_focused()
        page.keyboard.press("Enter")
        expect(feedback).to_have_text(f"Not quite: it is not {label(wrong)}. Try another answer.")
        expect(feedback).to_have_attribute("data-state", "wrong")

        page.keyboard.press("Shift+Tab")
        for _ in range((values.index(answer) - checked()) % len(values)):
            page.keyboard.press("ArrowDown")
        expect(fieldset.locator(f"input[value='{answer}']")).to_be_checked()
        page.keyboard.press("Tab")
        page.keyboard.press("Enter")
        expect(feedback).to_have_text(f"Right: {label(answer)}.")
        expect(feedback).to_have_attribute("data-state", "right")
        assert requests == [], "checking an answer sends nothing"


@pytest.mark.browser
@own_thread
def test_put_events_in_order_by_keyboard(practice_site: str) -> None:
    with chromium(viewport=VIEWPORT) as context:
        page, requests = open_enhanced(context, practice_site)
        listing = page.locator("ol.sc-order__list")
        answer = (listing.get_attribute("data-answer") or "").split()
        assert len(answer) == ORDER_SIZE
        status = page.locator(".sc-order").get_by_role("status")
        check = page.get_by_role("button", name="Check the order")

        def shown() -> list[str]:
            return [item.get_attribute("data-event") or "" for item in listing.locator("li").all()]

        check.focus()
        page.keyboard.press("Enter")
        right = sum(a == b for a, b in zip(shown(), answer, strict=True))
        expect(status).to_have_text(f"{right} of {ORDER_SIZE} events are in the right place. Move the others and check again.")
        expect(listing.locator("li[data-state=wrong] .sc-order__mark").first).to_have_text("not yet")

        first = listing.locator("li .sc-order__title").first.inner_text()
        page.get_by_role("button", name=f"Move up: {first}").focus()
        page.keyboard.press("Enter")
        expect(status).to_have_text(f"“{first}” is already first.")

        for position, event_id in enumerate(answer):
            title = listing.locator(f"li[data-event='{event_id}'] .sc-order__title").inner_text()
            up = page.get_by_role("button", name=f"Move up: {title}")
            up.focus()
            while shown().index(event_id) > position:
                page.keyboard.press("Enter")
                expect(up).to_be_focused()
        assert shown() == answer
        expect(listing.locator("li[data-state]")).to_have_count(0)
        check.focus()
        page.keyboard.press("Enter")
        expect(status).to_have_text(f"All {ORDER_SIZE} events are in the right order.")
        expect(listing.locator("li[data-state=right]")).to_have_count(ORDER_SIZE)
        assert requests == [], "reordering sends nothing"


@pytest.mark.browser
@own_thread
def test_moving_an_event_is_announced_and_keeps_focus(practice_site: str) -> None:
    with chromium(viewport=VIEWPORT) as context:
        page, _ = open_enhanced(context, practice_site)
        title = page.locator("ol.sc-order__list li .sc-order__title").first.inner_text()
        down = page.get_by_role("button", name=f"Move down: {title}")
        down.focus()
        page.keyboard.press("Enter")
        expect(page.locator(".sc-order").get_by_role("status")).to_have_text(f"“{title}” is now number 2 of {ORDER_SIZE}.")
        expect(down).to_be_focused()
        expect(page.locator("ol.sc-order__list li").nth(1)).to_contain_text(title)


@pytest.mark.browser
@own_thread
def test_enhanced_page_passes_axe_and_stores_nothing(practice_site: str) -> None:
    with chromium(viewport=VIEWPORT) as context:
        page, requests = open_enhanced(context, practice_site)
        storage = "() => [Object.keys(localStorage), Object.keys(sessionStorage), document.cookie]"
        before = page.evaluate(storage)
        page.locator(".sc-choice input").first.check()
        page.locator(".sc-choice .sc-check").first.click()
        page.get_by_role("button", name="Check the order").click()
        expect(page.locator(".sc-order").get_by_role("status")).not_to_be_empty()
        options = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}, "resultTypes": ["violations"]}
        # The page's own content; the theme's footer is checked by the site-wide accessibility tests.
        violations = Axe().run(page, context={"include": [[".md-content"]]}, options=options).response["violations"]
        assert not violations, [(violation["id"], [node["target"] for node in violation["nodes"]]) for violation in violations]
        assert page.evaluate(storage) == before
        assert requests == []


@pytest.mark.browser
@own_thread
def test_without_javascript_the_page_is_plain_content(practice_site: str) -> None:
    with chromium(java_script_enabled=False) as plain:
        page = plain.new_page()
        page.goto(practice_site)
        expect(page.locator(".self-check button")).to_have_count(0)
        expect(page.locator(".sc-choice input[type=radio]").first).to_be_visible()
        answer = page.locator(".sc-choice details").first
        expect(answer.locator("a")).to_be_hidden()
        answer.locator("summary").click()
        expect(answer.locator("a")).to_be_visible()
        expect(page.locator(".sc-order details li")).to_have_count(ORDER_SIZE)
