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

from build_tools.classroom import Classroom, SelfCheckQuestion
from build_tools.dates import PartialDate
from build_tools.layout import Layout
from build_tools.mentions import Mention
from build_tools.model import Event, Library, Paragraph, Reading, ReadingMeta, Source, Term
from build_tools.render_selfcheck import CHOICES, ORDER_SIZE, QUIZ_SIZE, pick_events, pick_quiz_terms, render_self_check, shuffled_events
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


def test_a_description_does_not_give_its_term_away_and_a_garbled_one_is_skipped() -> None:
    terms = [
        make_term("harbour-board", "Harbour Board (HB)", "The Harbour Board, or HB, runs the harbour; the board's members are elected.", aliases=("board",)),
        make_term("pier", "Pier", "A long platform built out into the sea; the Pier at Southwold is famous."),
        make_term("quay", "Quay", "A stone platform where ships load and unload."),
    ]
    legends = {fieldset["data-answer"]: fieldset.legend.get_text() for fieldset in page(library_of(terms, [])).select("fieldset")}
    assert "harbour-board" not in legends, "blanking four names out of a definition leaves a riddle, not a question"
    assert legends["pier"].endswith("A long platform built out into the sea; the … at Southwold is famous.")
    assert legends["quay"].endswith("A stone platform where ships load and unload.")
    assert [term.id for term in pick_quiz_terms(terms)] == sorted(legends, key=[t.id for t in pick_quiz_terms(terms)].index)


def test_each_answer_waits_in_a_neutral_closed_box_and_links_to_the_entry() -> None:
    html = page(library_of(TERMS[:3], []))
    for item in html.select(".sc-choice"):
        answer = item.fieldset["data-answer"]
        details = item.find("details")
        assert details is not None and not details.has_attr("open")
        assert "success" not in details["class"] and "sc-answer" in details["class"], "nothing looks correct before it is answered"
        assert details.summary.get_text().startswith("Show the answer to question ")
        assert details.find("a")["href"] == f"glossary/{answer}.md"
        assert f"The meaning of word {answer}." in details.get_text()


def test_instructions_name_what_is_on_the_page() -> None:
    html = page(library_of(TERMS[:3], EVENTS[:3]))
    intro = html.select_one(".sc-intro")
    assert "Show the answer" in intro.get_text() and "Check answer" not in intro.get_text(), "without the script there is no Check button"
    assert all(details.summary.get_text().startswith("Show the") for details in html.select("details"))
    assert "Check answer" in intro["data-enhanced"] and "score" in intro["data-enhanced"]


READING = Reading(
    id="harbour",
    src_uri="readings/harbour.md",
    meta=ReadingMeta(title="The harbour", author="A", author_role="B", publisher="C", date=PartialDate(2020), url="https://example.org/r", kind="opinion"),
    paragraphs=tuple(Paragraph(number, f"Paragraph {number}.") for number in range(1, 6)),
)
QUESTIONS = (
    SelfCheckQuestion(
        id="main-claim",
        prompt="What does the author want?",
        choices=["A new lighthouse", "A wider quay", "Nothing"],
        answer=2,
        explanation="She says so in paragraph 4.",
        paragraphs={"harbour": [4]},
    ),
)


def library_with_questions(terms: list[Term], readings: tuple[Reading, ...] = (READING,)) -> Library:
    return Library(terms={term.id: term for term in terms}, readings={r.id: r for r in readings}, classroom=Classroom(self_check=QUESTIONS))


def test_comprehension_questions_come_first_with_one_right_choice_and_an_explanation() -> None:
    html = page(library_with_questions(TERMS[:4]))
    first = html.select(".sc-choice")[0]
    assert first["id"] == "sc-q-main-claim"
    assert first.legend.get_text() == "1. What does the author want?"
    values = [radio["value"] for radio in first.select("input")]
    assert values == ["1", "2", "3"] and first.fieldset["data-answer"] == "2"
    details = first.find("details")
    assert not details.has_attr("open") and "sc-answer" in details["class"]
    assert "A wider quay" in details.strong.get_text() and "She says so in paragraph 4." in details.get_text()
    assert details.find("a", href="readings/harbour.md#p4") is not None
    numbers = [number.get_text() for number in html.select(".sc-number")]
    assert numbers == [f"{n}." for n in range(1, len(numbers) + 1)], "questions are numbered through the page"
    assert html.select_one(".sc-score-slot") is not None, "a slot for the total score"


def test_the_answer_key_is_in_the_teacher_edition_only() -> None:
    library = library_with_questions(TERMS[:4])
    student = BeautifulSoup(markdown.Markdown(extensions=EXTENSIONS).convert(render_self_check(library, Layout())), "html.parser")
    teacher = BeautifulSoup(markdown.Markdown(extensions=EXTENSIONS).convert(render_self_check(library, Layout(), teacher=True)), "html.parser")
    assert student.select_one(".sc-key") is None and "Answer key" not in student.get_text()
    key = teacher.select_one(".sc-key")
    items = key.select("ol > li")
    assert len(items) == len(teacher.select(".sc-choice")) and items[0].get_text().startswith("A wider quay")


def test_with_several_readings_questions_are_grouped_and_words_come_from_each_reading() -> None:
    other = Reading(id="lighthouse", src_uri="readings/lighthouse.md", meta=READING.meta.model_copy(update={"title": "The lighthouse"}), paragraphs=READING.paragraphs)
    library = library_with_questions(TERMS, (READING, other))
    mentions = {term.id: [Mention("harbour" if index < 6 else "lighthouse", 1, "s", ((0, 1),))] for index, term in enumerate(TERMS)}
    html = BeautifulSoup(markdown.Markdown(extensions=EXTENSIONS).convert(render_self_check(library, Layout(), mentions)), "html.parser")
    headings = [heading.get_text() for heading in html.select("h2, h3")]
    assert headings[:6] == ["The harbour", "Understanding the argument", "Words", "The lighthouse", "Words", "Events in order"][: len(headings[:6])]
    harbour_words = {term.id for term in TERMS[:6]}
    for fieldset in html.select(".sc-choice fieldset"):
        if fieldset.find_parent(id="sc-q-main-claim"):
            continue
        values = {radio["value"] for radio in fieldset.select("input")}
        assert values <= harbour_words or not values & harbour_words, "distractors come from the same reading"


def test_a_reading_with_nothing_to_practise_gets_no_heading() -> None:
    other = Reading(id="lighthouse", src_uri="readings/lighthouse.md", meta=READING.meta.model_copy(update={"title": "The lighthouse"}), paragraphs=READING.paragraphs)
    library = library_with_questions(TERMS, (READING, other))
    # The lighthouse mentions one word only: too few for a quiz, and no question of its own.
    mentions = {term.id: [Mention("harbour" if index else "lighthouse", 1, "s", ((0, 1),))] for index, term in enumerate(TERMS)}
    html = BeautifulSoup(markdown.Markdown(extensions=EXTENSIONS).convert(render_self_check(library, Layout(), mentions)), "html.parser")
    assert [heading.get_text() for heading in html.select("h2")] == ["The harbour"]


def test_the_order_task_never_starts_with_an_event_in_place() -> None:
    for size in range(2, 8):
        for start in range(30):
            events = [make_event(str(1900 + start + 3 * step)) for step in range(size)]
            shown = shuffled_events(events)
            assert sorted(e.id for e in shown) == sorted(e.id for e in events)
            assert all(a is not b for a, b in zip(shown, events, strict=True)), [e.id for e in shown]
            assert shuffled_events(events) == shown, "deterministic"


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
    assert sorted(shown) == sorted(answer) and all(a != b for a, b in zip(shown, answer, strict=True))
    assert "Put these 5 events in the order they happened" in html.find(id=listing["aria-labelledby"]).get_text()
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
    (project / "glossary/self-check.yml").write_text(
        "- id: what-she-wants\n  prompt: What does the author want?\n  choices: [The quay reopened, A new lighthouse]\n  answer: 1\n"
        "  explanation: She urges the board to reopen the quay.\n  paragraphs:\n    harbour: [3]\n",
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
def test_the_total_score_counts_right_answers_and_a_right_answer_opens_its_explanation(practice_site: str) -> None:
    with chromium(viewport=VIEWPORT) as context:
        page, _ = open_enhanced(context, practice_site)
        total = page.locator(".sc-choice fieldset").count() + 1
        score = page.locator(".sc-score")
        expect(score).to_have_attribute("role", "status")
        expect(score).to_have_text(f"Your score: 0 of {total} right (none checked yet).")
        expect(page.locator(".sc-intro")).to_contain_text("press Check answer")
        first = page.locator(".sc-choice").first
        explanation = first.locator("details.sc-answer")
        expect(explanation).not_to_have_attribute("open", "")
        fieldset = first.locator("fieldset")
        wrong = fieldset.locator(f"input:not([value='{fieldset.get_attribute('data-answer')}'])").first
        wrong.check()
        fieldset.get_by_role("button", name="Check answer").click()
        expect(score).to_have_text(f"Your score: 0 of {total} right (1 of {total} checked).")
        expect(explanation).not_to_have_attribute("open", "")
        fieldset.locator(f"input[value='{fieldset.get_attribute('data-answer')}']").check()
        fieldset.get_by_role("button", name="Check answer").click()
        expect(score).to_have_text(f"Your score: 1 of {total} right (1 of {total} checked).")
        expect(explanation).to_have_attribute("open", "")
        expect(explanation).to_contain_text("She urges the board to reopen the quay.")


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
