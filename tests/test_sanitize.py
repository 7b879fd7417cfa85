"""The allow-list keeps everything our pages legitimately render and removes what runs script."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from build_tools.sanitize import sanitize_html
from conftest import BuiltSite

KEPT = [
    '<a href="../glossary/quay/" class="term-link" aria-describedby="term-def-quay">quay</a>',
    '<details class="note" open=""><summary>Note on “ten”</summary><p>Why?</p></details>',
    '<p id="p2" class="reading-paragraph" data-paragraph="2">A <mark class="annotated">day</mark>.</p>',
    '<time datetime="2021-03">March 2021</time>',
    '<div class="admonition info"><p class="admonition-title">Opinion piece</p><p>Read it as an argument.</p></div>',
    '<table><thead><tr><th align="left">A</th></tr></thead><tbody><tr><td colspan="2">1</td></tr></tbody></table>',
    '<h2 id="sources">Sources</h2>',
    '<abbr title="Harbour Board">HB</abbr>',
    '<aside class="term-defs no-term-links" aria-label="Definitions"><dl><dt>Quay</dt><dd id="term-def-quay">A platform.</dd></dl></aside>',
    '<img src="../assets/map.png" alt="A map" width="300" height="200">',
    '<a href="https://example.org/a_(b)">source</a>',
    '<a href="mailto:teacher@example.org">mail</a>',
    '<fieldset data-answer="quay"><legend>1.</legend><label><input type="radio" name="q" value="quay"> Quay</label></fieldset>',
    '<svg viewBox="0 0 100 50" role="img" aria-labelledby="t"><title id="t">Map</title><desc>Ports</desc>'
    '<defs><marker id="arrow" markerWidth="6" markerHeight="6" refX="3" refY="3" orient="auto"><path d="M0,0 L6,3 L0,6 z"></path></marker>'
    '<pattern id="hatch" width="4" height="4" patternUnits="userSpaceOnUse"><line x1="0" y1="0" x2="4" y2="4" stroke="#000"></line></pattern></defs>'
    '<g transform="translate(1,1)" class="layer"><rect x="0" y="0" width="10" height="10" fill="url(#hatch)"></rect>'
    '<circle cx="5" cy="5" r="2" stroke="red" stroke-width="1" stroke-dasharray="2 1"></circle><ellipse cx="1" cy="1" rx="2" ry="1"></ellipse>'
    '<polyline points="0,0 1,1" marker-end="url(#arrow)"></polyline><polygon points="0,0 1,1 1,0"></polygon>'
    '<text x="5" y="5" font-size="4" text-anchor="middle">Port<tspan dx="1">s</tspan></text>'
    '<use href="#arrow"></use><a href="../timeline/#event-x"><text x="1" y="1">event</text></a></g></svg>',
]


@pytest.mark.parametrize("html", KEPT)
def test_legitimate_html_is_kept(html: str) -> None:
    before = BeautifulSoup(html, "html.parser")
    after = BeautifulSoup(sanitize_html(html), "html.parser")
    assert [(tag.name, tag.attrs) for tag in after.find_all(True)] == [(tag.name, tag.attrs) for tag in before.find_all(True)]
    assert after.get_text() == before.get_text()


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<p onclick="alert(1)" style="color:red">x</p>', "<p>x</p>"),
        ("<script>alert(1)</script>text", "text"),
        ('<a href="javascript:alert(1)">x</a>', "<a>x</a>"),
        ('<a href="java&#10;script:alert(1)">x</a>', "<a>x</a>"),
        ('<img src="data:image/svg+xml,x">', "<img>"),
        ('<svg><use href="https://example.org/x.svg#a"></use></svg>', "<svg><use></use></svg>"),
        ('<SVG><USE HREF="https://example.org/x.svg#a"></USE></SVG>', "<svg><use></use></svg>"),
        ('<svg><Use\nhref="https://example.org/x.svg#a"/></svg>', "<svg><use></use></svg>"),
        ('<svg><foreignObject><p>x</p></foreignObject></svg>', "<svg></svg>"),
        ('<input type="image" src="x">', "<input>"),
        ('<iframe srcdoc="x">y</iframe>z', "z"),
    ],
)
def test_script_is_removed(html: str, expected: str) -> None:
    assert sanitize_html(html) == expected


def test_a_trusted_script_is_kept_only_where_it_is_passed() -> None:
    script = "<script>var x = 1;</script>"
    assert sanitize_html(f"<p>a</p>{script}", trusted=(script,)) == f"<p>a</p>{script}"
    assert sanitize_html(f"<p>a</p>{script}") == "<p>a</p>"


def test_real_pages_keep_their_words(real_site: BuiltSite) -> None:
    """The real site, sanitized as it is built, still holds its readings, their links and their notes."""
    from build_tools import ContentPaths, plan_site
    from build_tools.site import load_library
    from conftest import ROOT

    library = load_library(ContentPaths(ROOT))
    site = plan_site(library)
    assert library.readings
    for reading in library.readings.values():
        article = real_site.html(reading.src_uri.removesuffix(".md") + "/").select_one("article")
        assert article is not None
        assert len(article.select("p.reading-paragraph[id^=p]")) == len(reading.paragraphs), reading.id
        assert article.select(f"time[datetime='{reading.meta.date.iso}']"), reading.id
        mentioned = any(mention.reading_id == reading.id for mentions in site.mentions.values() for mention in mentions)
        assert bool(article.select("a.term-link[aria-describedby]")) == mentioned, reading.id
        notes = [note for note in library.annotations if note.reading == reading.id and note.audience == "student"]
        assert len(article.select("mark.annotated")) == len(notes), reading.id
        assert len(article.select("details")) >= len(notes), reading.id


def test_whitespace_only_line_separates_paragraphs(mini_project: Path) -> None:
    from build_tools.load import ContentPaths
    from build_tools.site import load_library

    reading = mini_project / "docs/readings/harbour.md"
    before = load_library(ContentPaths(mini_project)).readings["harbour"].paragraphs
    reading.write_text(reading.read_text(encoding="utf-8").replace("ferry union.\n\n", "ferry union.\n \t\n"), encoding="utf-8")
    after = load_library(ContentPaths(mini_project)).readings["harbour"].paragraphs
    assert after == before


def test_table_alignment_is_kept_and_other_styles_are_not() -> None:
    html = sanitize_html('<table><tr><th style="text-align: right;">a</th><td style="text-align: left; background: url(x.png)">b</td></tr></table>')
    cells = BeautifulSoup(html, "html.parser").find_all(["th", "td"])
    assert [cell["style"] for cell in cells] == ["text-align:right", "text-align:left"]
