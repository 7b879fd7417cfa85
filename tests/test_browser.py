"""The built site the way a student's browser sees it: links, accessibility, privacy and behaviour.

The real project is built strictly, as CI publishes it (the `real_site` fixture, one build per test
run), served over HTTP on 127.0.0.1 and opened in the system Chromium (see `browser.py`). Readings
and entries come from the content model, never by name, so every check holds for any valid content.
Accessibility runs axe-core at WCAG 2.2 AA on every page in the
light and dark palettes at 1280 px, and on the pages students use most at 375 px. Pages are
split into shards so `pytest -n 2` spreads the work over both workers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from browser import PAGE_BUDGET, page_paths, weigh_page
from linkcheck import check_links
from playwright.sync_api import Browser, BrowserContext, Page, Route, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from build_tools import ContentPaths, Layout, Library, load_library
from conftest import ROOT, BuiltSite

pytestmark = pytest.mark.content

WIDE, NARROW = 1280, 375
SCHEMES = {"light": "default", "dark": "slate"}
"""`prefers-color-scheme` to emulate, and the Material scheme it must select."""

SHARDS = 4
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE = Axe()
SCREENSHOTS = ROOT / "screenshots"


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library(ContentPaths(ROOT))


def page_url(src_uri: str) -> str:
    """The URL path of a page from its path in the docs folder: `glossary/x.md` → `glossary/x/`."""
    return src_uri.removesuffix(".md").removesuffix("index") + ("/" if not src_uri.endswith("index.md") else "")


@pytest.fixture(scope="module")
def reading(library: Library) -> str:
    """The first reading's page; every unit has at least one."""
    assert library.readings, "a unit has at least one reading"
    return page_url(next(iter(library.readings.values())).src_uri)


@pytest.fixture(scope="module")
def key_pages(library: Library, reading: str) -> list[str]:
    """The pages students open on phones; checked at 375 px as well."""
    layout = Layout()
    entries = [page_url(layout.entry_uri(entry)) for entry in library.entries[:1]]
    return ["", reading, page_url(layout.glossary_index), *entries, page_url(layout.timeline), page_url(layout.questions)]


def _context(browser: Browser, *, width: int = WIDE, scheme: str = "light", **options: Any) -> BrowserContext:
    return browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme, **options)


def _shard(paths: list[str], shard: int) -> list[str]:
    return paths[shard::SHARDS]


def axe_violations(page: Page, where: str) -> list[str]:
    """Run axe-core at WCAG 2.2 AA on the page as it is now; one line per rule and element."""
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    results = AXE.run(page, options=options)
    lines = []
    for violation in results.response["violations"]:
        for node in violation["nodes"]:
            checks = node.get("any", []) + node.get("all", []) + node.get("none", [])
            detail = "; ".join(check["message"] for check in checks)
            lines.append(f"{where}: {violation['id']} on {', '.join(map(str, node['target']))}: {detail}")
    return lines


def _open(page: Page, url: str, scheme: str) -> None:
    page.goto(url)
    actual = page.locator("body").get_attribute("data-md-color-scheme")
    assert actual == SCHEMES[scheme], f"{url}: the {scheme} palette did not apply (scheme '{actual}')"


# Links


def _added_by_deploy() -> set[str]:
    """Files `make site` (the site CI publishes) writes into site/ after the MkDocs build, like the offline zip."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = makefile[makefile.index("\nsite:") :].split("\n\n")[0]
    return set(re.findall(r"-m build_tools offline site/(\S+)", recipe))


def test_no_broken_internal_links_or_fragments(real_site: BuiltSite, library: Library) -> None:
    layout = Layout()
    built = {page.relative_to(real_site.root).as_posix() for page in real_site.pages()}
    expected = [*(reading.src_uri for reading in library.readings.values()), *(layout.entry_uri(entry) for entry in library.entries)]
    assert {page_url(uri) + "index.html" for uri in expected} <= built, "the site builds a page for every reading and entry"
    broken = check_links(real_site.root, added_later=_added_by_deploy())
    assert not broken, "broken links:\n" + "\n".join(map(str, broken))


def test_link_checker_reports_broken_links(tmp_path: Path) -> None:
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "index.html").write_text('<h2 id="yes">Yes</h2>', encoding="utf-8")
    (tmp_path / "index.html").write_text(
        '<a href="other/#yes">fine</a> <a href="other/">fine</a> <a href="https://example.org/x">external</a>'
        '<a href="missing/">gone</a> <a href="other/#nope">no anchor</a> <a href="#here">no anchor here</a>'
        '<img src="img/missing.png" alt=""> <a href="downloads/copy.zip">added by a later step</a>',
        encoding="utf-8",
    )
    assert [str(link) for link in check_links(tmp_path, added_later={"downloads/copy.zip"})] == [
        "index.html: link 'missing/' points to a missing file 'missing/index.html'",
        "index.html: link 'other/#nope' points to a missing anchor '#nope' in 'other/index.html'",
        "index.html: link '#here' points to a missing anchor '#here' in 'index.html'",
        "index.html: link 'img/missing.png' points to a missing file 'img/missing.png'",
    ]


# Accessibility


@pytest.mark.browser
@pytest.mark.parametrize("shard", range(SHARDS))
@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_page_passes_axe_wide(browser: Browser, real_site: BuiltSite, base_url: str, scheme: str, shard: int) -> None:
    context = _context(browser, width=WIDE, scheme=scheme)
    _assert_pages_pass_axe(context, base_url, _shard(page_paths(real_site.root), shard), scheme, WIDE)


@pytest.mark.browser
@pytest.mark.parametrize("scheme", SCHEMES)
def test_key_pages_pass_axe_narrow(browser: Browser, base_url: str, key_pages: list[str], scheme: str) -> None:
    context = _context(browser, width=NARROW, scheme=scheme, has_touch=True, is_mobile=True)
    _assert_pages_pass_axe(context, base_url, key_pages, scheme, NARROW)


def _assert_pages_pass_axe(context: BrowserContext, base_url: str, paths: Iterable[str], scheme: str, width: int) -> None:
    """Open each page in one context, run axe, and report every violation of every page at once."""
    page = context.new_page()
    violations = []
    for path in paths:
        _open(page, base_url + path, scheme)
        violations += axe_violations(page, f"/{path} ({scheme}, {width} px)")
    context.close()
    assert not violations, "\n".join(violations)


@pytest.mark.browser
@pytest.mark.parametrize("scheme", SCHEMES)
def test_open_term_preview_passes_axe(browser: Browser, base_url: str, reading: str, scheme: str) -> None:
    context = _context(browser, scheme=scheme)
    page = context.new_page()
    _open(page, base_url + reading, scheme)
    _first_term_link(page, "article a.term-link").hover()
    expect(page.locator("#term-preview")).to_be_visible()
    violations = axe_violations(page, f"/{reading} with a preview open ({scheme})")
    context.close()
    assert not violations, "\n".join(violations)


@pytest.mark.browser
def test_axe_detects_low_contrast(browser: Browser, base_url: str) -> None:
    context = _context(browser)
    page = context.new_page()
    _open(page, base_url, "light")
    page.add_style_tag(content=".md-typeset p { color: #b4b4b4 !important; }")
    violations = axe_violations(page, "/ (injected low contrast)")
    context.close()
    assert any(" color-contrast on " in line for line in violations), violations


# Privacy and errors


@pytest.mark.browser
@pytest.mark.parametrize("shard", range(SHARDS))
def test_pages_stay_on_their_origin_without_console_errors(browser: Browser, real_site: BuiltSite, base_url: str, shard: int) -> None:
    context = _context(browser)
    current = ""
    outside: list[str] = []

    def block(route: Route) -> None:
        outside.append(f"{current} requested {route.request.url}")
        route.abort()

    context.route(lambda url: not url.startswith(base_url), block)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: errors.append(f"{current}: {message.text}") if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(f"{current}: {error}"))
    for path in _shard(page_paths(real_site.root), shard):
        current = "/" + path
        page.goto(base_url + path)
        page.evaluate("() => new Promise(requestAnimationFrame)")
    context.close()
    assert not outside, "requests outside the site:\n" + "\n".join(outside)
    assert not errors, "console errors:\n" + "\n".join(errors)


@pytest.mark.browser
def test_reading_page_weight_is_within_budget(browser: Browser, base_url: str, reading: str) -> None:
    transfers = weigh_page(browser, base_url, reading)
    counted = [transfer for transfer in transfers if transfer.counted]
    total = sum(transfer.gzipped for transfer in counted)
    table = "\n".join(f"{transfer.kind:<5} {transfer.path} {transfer.gzipped:,}" for transfer in counted)
    assert total <= PAGE_BUDGET, f"the reading page loads {total:,} bytes of gzip HTML + CSS + JS, over {PAGE_BUDGET:,}:\n{table}"


# Behaviour


@pytest.mark.browser
def test_search_finds_every_entry_by_its_name(browser: Browser, base_url: str, library: Library) -> None:
    context = _context(browser)
    page = context.new_page()
    page.goto(base_url)
    missed = []
    for entry in library.entries:
        expected = base_url + page_url(Layout().entry_uri(entry))
        if not _search_finds(page, entry.label, expected):
            missed.append(f"'{entry.label}': no result links to {expected}")
    context.close()
    assert not missed, "search misses entries:\n" + "\n".join(missed)


def _search_finds(page: Page, query: str, expected: str) -> bool:
    """Empty the search box, type `query` as a person would, and wait for a result that links to `expected`."""
    box = page.locator(".md-search__input")
    box.click()
    box.press("Control+a")
    box.press("Backspace")
    expect(page.locator(".md-search-result__item")).to_have_count(0)
    page.keyboard.type(query)
    script = "href => [...document.querySelectorAll('.md-search-result__item > a')].some(link => link.origin + link.pathname === href)"
    try:
        page.wait_for_function(script, arg=expected, timeout=10_000)
    except PlaywrightTimeoutError:
        return False
    return True


def _first_term_link(page: Page, selector: str) -> Any:
    link = page.locator(selector).first
    if not link.count():
        pytest.skip("the reading links no term")
    return link


def _expect_preview_of(page: Page, link: Any) -> None:
    definition = page.locator("#" + link.get_attribute("aria-describedby")).inner_text()
    preview = page.locator("#term-preview")
    expect(preview).to_be_visible()
    expect(preview).to_contain_text(definition.strip())
    expect(link).to_have_attribute("aria-expanded", "true")


@pytest.mark.browser
def test_term_preview_opens_on_hover_and_closes_with_escape(browser: Browser, base_url: str, reading: str) -> None:
    context = _context(browser)
    page = context.new_page()
    page.goto(base_url + reading)
    link = _first_term_link(page, "article a.term-link")
    link.hover()
    _expect_preview_of(page, link)
    page.keyboard.press("Escape")
    expect(page.locator("#term-preview")).to_be_hidden()
    expect(link).not_to_have_attribute("aria-expanded", "true")
    context.close()


@pytest.mark.browser
def test_term_preview_opens_on_keyboard_focus(browser: Browser, base_url: str, reading: str) -> None:
    context = _context(browser)
    page = context.new_page()
    page.goto(base_url + reading)
    _first_term_link(page, "article a.term-link")
    for _ in range(300):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.matches('a.term-link')"):
            break
    else:
        pytest.fail("Tab never reached a term link")
    link = page.locator("a.term-link:focus")
    _expect_preview_of(page, link)
    page.keyboard.press("Escape")
    expect(page.locator("#term-preview")).to_be_hidden()
    expect(link).to_be_focused()
    context.close()


@pytest.mark.browser
def test_term_preview_opens_on_tap_and_a_second_tap_follows(browser: Browser, base_url: str, reading: str) -> None:
    context = _context(browser, width=NARROW, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(base_url + reading)
    link = _first_term_link(page, "article .reading-paragraph a.term-link")
    href = link.evaluate("link => link.href")
    link.tap()
    _expect_preview_of(page, link)
    assert page.url == base_url + reading, "the first tap shows the preview and stays on the page"
    page.keyboard.press("Escape")
    expect(page.locator("#term-preview")).to_be_hidden()
    link.tap()
    expect(page.locator("#term-preview")).to_be_visible()
    link.tap()
    page.wait_for_url(href)
    context.close()


@pytest.mark.browser
def test_palette_toggle_switches_and_persists(browser: Browser, base_url: str, reading: str) -> None:
    context = _context(browser)
    page = context.new_page()
    page.goto(base_url)
    body = page.locator("body")
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    page.locator('label[for="__palette_1"]').click()
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    page.goto(base_url + reading)
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    page.locator('label[for="__palette_0"]').click()
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    context.close()


@pytest.mark.browser
def test_timeline_reads_in_order_without_javascript(browser: Browser, base_url: str, library: Library) -> None:
    context = _context(browser, java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "timeline/")
    times = page.locator("article ol.timeline time.tl-date")
    dates = times.evaluate_all("times => times.map(time => time.getAttribute('datetime'))")
    tops = [box["y"] for box in (times.nth(index).bounding_box() for index in range(len(dates))) if box]
    context.close()
    assert len(dates) >= len(library.events), "every event has its date"
    assert dates == sorted(dates), "events are in date order in the page"
    assert len(tops) == len(dates) and tops == sorted(tops), "every date is shown, top to bottom"


@pytest.mark.browser
@pytest.mark.parametrize("width", [NARROW, WIDE])
@pytest.mark.parametrize("scheme", SCHEMES)
def test_reading_page_fits_the_screen(browser: Browser, base_url: str, reading: str, scheme: str, width: int) -> None:
    """The reading page never scrolls sideways; its screenshot goes to screenshots/, which CI keeps as an artifact."""
    context = _context(browser, width=width, scheme=scheme)
    page = context.new_page()
    _open(page, base_url + reading, scheme)
    overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"reading-{width}-{scheme}.png", full_page=True)
    context.close()
    assert overflow <= 0, f"the reading page is {overflow} px wider than the {width} px screen ({scheme})"


SEARCH_FILES = (re.compile(r"/search/search_index\.json$"), re.compile(r"/workers/search\.[^/]*\.js$"))
"""The search index and Material's search worker, which load only when the reader opens search."""


@pytest.mark.browser
def test_search_index_and_worker_load_only_when_search_opens(browser: Browser, base_url: str, reading: str) -> None:
    context = _context(browser)
    loaded: list[str] = []
    context.on("request", lambda request: loaded.append(urlsplit(request.url).path))
    page = context.new_page()
    page.on("worker", lambda worker: loaded.append(urlsplit(worker.url).path))
    page.goto(base_url + reading, wait_until="networkidle")
    page.mouse.wheel(0, 600)
    page.locator("article a.term-link").first.hover()
    page.wait_for_timeout(300)

    def search_files() -> list[str]:
        return [path for path in loaded if any(pattern.search(path) for pattern in SEARCH_FILES)]

    early = search_files()
    word = max(page.locator("article h1").first.inner_text().split(), key=len)
    page.locator(".md-search__input").click()
    page.keyboard.type(word)
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=10_000)
    opened = search_files()
    context.close()
    assert early == [], f"search loaded before it was opened: {early}"
    assert all(any(pattern.search(path) for path in opened) for pattern in SEARCH_FILES), f"opening search loads the index and the worker: {opened}"
