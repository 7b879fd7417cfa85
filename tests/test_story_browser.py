"""What students see of the story in a browser: the timeline, the diagram and the map, on a phone and a desktop.

Screens are counted at 375 × 667 px (a small phone). Screenshots land in `screenshots/`.
"""

from __future__ import annotations

from typing import Any

import pytest
from browser import weigh_page
from playwright.sync_api import Browser, Page, expect

from build_tools import ContentPaths, Layout, Linker, load_library
from build_tools.mentions import find_mentions
from build_tools.pages import link_targets
from conftest import ROOT

PHONE = {"width": 375, "height": 667}
DESKTOP = {"width": 1280, "height": 900}
TIMELINE = "timeline/"
LIBRARY = load_library(ContentPaths(ROOT))
"""The repository's own content: tests take readings and entries from it, never by name."""
_FIRST = next(iter(LIBRARY.readings.values()))
READING = _FIRST.src_uri.removesuffix(".md") + "/"
_DISPUTED = sorted(
    number
    for holder in [*LIBRARY.entries, *LIBRARY.events]
    for disagreement in holder.disagreements
    for number in disagreement.paragraphs.get(_FIRST.id, [])
)
FIRST_DISPUTED = f"p{_DISPUTED[0]}" if _DISPUTED else None
"""The first paragraph of the first reading that other sources contradict, if any."""
_MENTIONED = {mention.reading_id for mentions in find_mentions(LIBRARY, Linker(link_targets(LIBRARY, Layout()))).values() for mention in mentions}
LINKED_READING = next((reading.src_uri.removesuffix(".md") + "/" for reading in LIBRARY.readings.values() if reading.id in _MENTIONED), None)
"""The first reading that links an entry, if any."""
_ANNOTATED = {note.reading for note in LIBRARY.annotations if note.audience == "student"}
ANNOTATED_READING = next((reading.src_uri.removesuffix(".md") + "/" for reading in LIBRARY.readings.values() if reading.id in _ANNOTATED), None)
"""The first reading with a note for students, if any."""
SEARCHED = [
    (name, entry.id)
    for entry in sorted(LIBRARY.entries, key=lambda entry: entry.id)[:3]
    for name in entry.names[:2]
]
"""Names and aliases of a few entries, each expected to bring its entry's page first in search."""
TIMELINE_SCREENS = 12
TIMELINE_BUDGET = 100_000
"""Bytes of gzip HTML + CSS + JS the timeline page may load."""
SCREENSHOTS = ROOT / "screenshots"


def _count_on_readings(browser: Browser, base_url: str, selector: str) -> int:
    """How many elements match `selector` on all reading pages together."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    count = 0
    for reading in LIBRARY.readings.values():
        page.goto(base_url + reading.src_uri.removesuffix(".md") + "/")
        count += page.locator(selector).count()
    context.close()
    return count


@pytest.mark.browser
def test_collapsed_timeline_fits_in_twelve_phone_screens(browser: Browser, base_url: str) -> None:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(base_url + TIMELINE)
    assert page.locator("details.tl-card[open]").count() == 0
    cards = page.locator("details.tl-card").count()
    height = page.evaluate("document.documentElement.scrollHeight")
    context.close()
    assert cards == len(LIBRARY.events), "one card per event"
    screens = height / PHONE["height"]
    # The generator's promise scales with the content: 12 phone screens for every 40 cards (the real unit has about 40).
    budget = TIMELINE_SCREENS * max(1.0, cards / 40)
    assert screens <= budget, f"the collapsed timeline is {height} px tall: {screens:.1f} screens of {PHONE['height']} px for {cards} cards"


@pytest.mark.browser
def test_timeline_card_opens_in_place_without_javascript(browser: Browser, base_url: str) -> None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + TIMELINE)
    if not LIBRARY.events:
        # A unit without events has a timeline page with no card to open.
        assert page.locator("details.tl-card").count() == 0
        context.close()
        return
    card = page.locator("details.tl-card").first
    before = page.url
    card.locator("summary").click()
    assert card.get_attribute("open") is not None
    assert card.locator("a[href^='http']").count() >= 1, "the opened card cites its sources"
    assert page.url == before
    finder = page.locator("nav.timeline-finders details").first
    finder.locator("summary").click()
    target = finder.locator("a[href^='#event-']").first
    anchor = target.get_attribute("href")
    target.click()
    assert page.url.endswith(anchor or "?")
    context.close()


@pytest.mark.browser
def test_timeline_prints_as_a_table(browser: Browser, base_url: str) -> None:
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(base_url + TIMELINE)
    page.emulate_media(media="print")
    if not LIBRARY.events:
        assert page.locator("li.tl-item").count() == 0, "no event, no row to print"
        context.close()
        return
    displays = page.locator("ol.timeline").first.evaluate(
        "list => [getComputedStyle(list).display, getComputedStyle(list.querySelector('li.tl-item')).display]"
    )
    visible = page.locator("details.tl-card .tl-gist").first.is_visible()
    overview = page.locator("svg.timeline-overview").is_visible()
    context.close()
    assert displays == ["table", "table-row"]
    assert visible and not overview


@pytest.mark.browser
def test_timeline_page_weight_is_within_budget(browser: Browser, base_url: str) -> None:
    transfers = [transfer for transfer in weigh_page(browser, base_url, TIMELINE) if transfer.counted]
    total = sum(transfer.gzipped for transfer in transfers)
    table = "\n".join(f"{transfer.kind:<5} {transfer.path} {transfer.gzipped:,}" for transfer in transfers)
    assert total <= TIMELINE_BUDGET, f"the timeline loads {total:,} bytes gzip, over {TIMELINE_BUDGET:,}:\n{table}"


@pytest.mark.browser
def test_the_other_side_of_a_paragraph_opens_in_one_tap(browser: Browser, base_url: str) -> None:
    if FIRST_DISPUTED is None:
        assert LIBRARY.readings, "a unit without disagreements has no note to open"
        return
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(base_url + READING)
    note = page.locator(f"#{FIRST_DISPUTED} ~ details.other-side").first
    before = page.url
    note.locator("summary").tap()
    assert note.get_attribute("open") is not None and page.url == before
    body = note.locator("p").first
    assert body.is_visible()
    size = float(body.evaluate("p => parseFloat(getComputedStyle(p).fontSize)"))
    text = float(page.locator(f"#{FIRST_DISPUTED}").evaluate("p => parseFloat(getComputedStyle(p).fontSize)"))
    context.close()
    assert size >= text * 0.85, f"note text is {size} px beside {text} px body text"


@pytest.mark.browser
def test_the_other_side_prints_under_its_paragraph(browser: Browser, base_url: str) -> None:
    if FIRST_DISPUTED is None:
        assert LIBRARY.readings, "a unit without disagreements has no note to open"
        return
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(base_url + READING)
    page.emulate_media(media="print")
    note = page.locator(f"#{FIRST_DISPUTED} ~ details.other-side").first
    visible = note.locator("p").first.is_visible()
    context.close()
    assert visible, "closed notes still print"


@pytest.mark.browser
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375", "1280"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("name", "path", "selector"), [("timeline", TIMELINE, ""), ("diagram", "actors/", "figure.actor-diagram-figure"), ("map", "places/", "figure.locator-map-figure")])
def test_story_screenshots(browser: Browser, base_url: str, name: str, path: str, selector: str, scheme: str, viewport: dict[str, int]) -> None:
    context = browser.new_context(viewport=viewport, color_scheme=scheme)
    page = context.new_page()
    page.goto(base_url + path)
    SCREENSHOTS.mkdir(exist_ok=True)
    shot = SCREENSHOTS / f"{name}-{viewport['width']}-{scheme}.png"
    if selector and not page.locator(selector).count():
        # A unit without typed relationships or places has no diagram or map to show: nothing to photograph.
        context.close()
        assert name in ("diagram", "map")
        return
    if selector:
        page.locator(selector).first.screenshot(path=shot)
    else:
        page.screenshot(path=shot, full_page=viewport["width"] > 400)
    context.close()
    assert shot.stat().st_size > 10_000


@pytest.mark.browser
def test_an_entry_ranks_first_for_its_name_and_aliases(browser: Browser, base_url: str) -> None:
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    for query, entry in SEARCHED:
        page.goto(base_url)
        page.locator(".md-search__input").click()
        page.keyboard.type(query)
        expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=10_000)
        hrefs = page.locator(".md-search-result__item > a").evaluate_all("links => links.map(link => link.pathname)")
        assert hrefs and hrefs[0].endswith(f"/{entry}/"), f"the entry for '{query}' comes first: {hrefs}"
    context.close()


@pytest.mark.browser
def test_preview_flips_above_near_the_bottom_stays_inside_and_closes(browser: Browser, base_url: str) -> None:
    if LINKED_READING is None:
        # No reading names an entry: no link to preview.
        assert _count_on_readings(browser, base_url, "a.term-link") == 0
        return
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(base_url + LINKED_READING)
    # Room above whatever link comes first, however short the reading: the preview needs space to open upwards.
    page.add_style_tag(content="article { padding-top: 150vh; padding-bottom: 150vh; }")
    link = page.locator("p.reading-paragraph a.term-link").first
    link.scroll_into_view_if_needed()
    # Put the link near the bottom edge of the screen.
    page.evaluate("link => window.scrollBy(0, link.getBoundingClientRect().bottom - innerHeight + 30)", link.element_handle())
    link.tap()
    preview = page.locator("#term-preview")
    expect(preview).to_be_visible()
    box, anchor = preview.bounding_box(), link.bounding_box()
    assert box and anchor
    assert box["y"] + box["height"] <= anchor["y"] + 1, "the preview opens above a link at the bottom of the screen"
    assert box["x"] >= 0 and box["y"] >= 0 and box["x"] + box["width"] <= PHONE["width"] and box["y"] + box["height"] <= PHONE["height"]
    close = preview.get_by_role("button", name="Close")
    assert (close.bounding_box() or {}).get("height", 0) >= 24
    close.tap()
    expect(preview).to_be_hidden()
    context.close()


@pytest.mark.browser
def test_tapping_a_highlight_opens_its_note(browser: Browser, base_url: str) -> None:
    if ANNOTATED_READING is None:
        # No note for students: no reading highlights any words.
        assert _count_on_readings(browser, base_url, "mark.annotated") == 0
        return
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(base_url + ANNOTATED_READING)
    mark = page.locator("mark.annotated").first
    paragraph = mark.evaluate("mark => mark.closest('.reading-paragraph').id")
    note = page.locator(f"#{paragraph} ~ details.note").first
    assert note.get_attribute("open") is None
    mark.tap()
    expect(note).to_have_attribute("open", "")
    context.close()


_NOTE_BOXES = """() => [...document.querySelectorAll("article.md-typeset > details")].map(note => {
  let paragraph = note.previousElementSibling;
  while (paragraph && !paragraph.matches(".reading-paragraph")) paragraph = paragraph.previousElementSibling;
  const box = element => { const r = element.getBoundingClientRect(); return [r.left, r.top + scrollY, r.right, r.bottom + scrollY]; };
  return {paragraph: paragraph.id, note: box(note), text: box(paragraph), first: note.previousElementSibling.tagName !== "DETAILS"};
})"""
"""Each note of the reading (a details block after a paragraph): its box, its paragraph's id and box (left, top, right, bottom in page pixels), and whether it is the paragraph's first note."""


def _overlap(a: list[float], b: list[float]) -> bool:
    return a[0] < b[2] - 1 and b[0] < a[2] - 1 and a[1] < b[3] - 1 and b[1] < a[3] - 1


def _reading_notes(page: Page) -> list[dict[str, Any]]:
    notes: list[dict[str, Any]] = page.evaluate(_NOTE_BOXES)
    return notes


@pytest.mark.browser
def test_notes_sit_in_the_margin_on_wide_screens_and_inline_on_phones(browser: Browser, base_url: str) -> None:
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(base_url + READING)
    closed = _reading_notes(page)
    if not closed:
        context.close()
        assert not any(note.reading == _FIRST.id and note.audience == "student" for note in LIBRARY.annotations) and FIRST_DISPUTED is None, (
            "the reading has notes, but none is shown"
        )
        return
    for note in closed:
        where = f"a note on #{note['paragraph']} at {DESKTOP['width']} px"
        assert note["note"][0] >= note["text"][2], f"{where} is not right of the paragraph's text: {note}"
        if note["first"]:
            assert note["note"][1] < note["text"][3] and note["note"][3] > note["text"][1], f"{where} is not level with its paragraph: {note}"
    # Open every note: still no note over another, and none over the text.
    for summary in page.locator("article.md-typeset > details > summary").all():
        summary.click()
    opened = _reading_notes(page)
    paragraphs = page.locator("article.md-typeset > .reading-paragraph").evaluate_all(
        "ps => ps.map(p => { const r = p.getBoundingClientRect(); return [r.left, r.top + scrollY, r.right, r.bottom + scrollY]; })"
    )
    context.close()
    for state, notes in (("closed", closed), ("open", opened)):
        for index, note in enumerate(notes):
            assert not any(_overlap(note["note"], other["note"]) for other in notes[index + 1 :]), f"{state} notes overlap: {note}"
    assert not any(_overlap(note["note"], text) for note in opened for text in paragraphs), "an open note covers the reading's text"
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(base_url + READING)
    inline = _reading_notes(page)
    context.close()
    for note in inline:
        assert note["note"][1] >= note["text"][3] and abs(note["note"][0] - note["text"][0]) <= 1, f"at 375 px a note sits under its paragraph: {note}"
