"""The real site students get, checked for what holds for any valid content.

Readings, entries and events come from the content model, never by name: swap in another unit
(tests/test_content_swap.py does) and these tests still apply. What a teacher expects of this
particular unit (counts, terms that must be linked, the timeline's range) lives in
`glossary/expectations.yml` and is checked by `python -m build_tools check`.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from build_tools import ContentPaths, Layout, Library, Linker, load_library
from build_tools.mentions import find_mentions
from build_tools.pages import link_targets
from build_tools.text import split_sentences
from conftest import ROOT, BuiltSite

pytestmark = pytest.mark.content


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library(ContentPaths(ROOT))


def reading_url(reading_id: str) -> str:
    return f"readings/{reading_id}/"


def _squash(text: str) -> str:
    return " ".join(text.split())


def _source_paragraphs(path: Path) -> tuple[list[str], str]:
    """The paragraphs of a reading's Markdown file as written (front matter removed), and its byline."""
    text = path.read_text(encoding="utf-8")
    front, body = re.match(r"^---\n(.*?)\n---\n(.*)$", text, re.DOTALL).groups()  # type: ignore[union-attr]
    paragraphs = [_squash(block) for block in re.split(r"\n\s*\n", body) if block.strip()]
    return paragraphs, str(yaml.safe_load(front).get("byline") or "")


def _paragraphs(site: BuiltSite, reading_id: str) -> list[BeautifulSoup]:
    return site.html(reading_url(reading_id)).select("p.reading-paragraph")


def test_every_sentence_of_each_reading_is_on_its_page_word_for_word(real_site: BuiltSite, library: Library) -> None:
    assert library.readings, "a unit has at least one reading"
    for reading in library.readings.values():
        written, byline = _source_paragraphs(ROOT / "docs" / reading.src_uri)
        shown = [_squash(p.get_text()) for p in _paragraphs(real_site, reading.id)]
        page = " ".join(shown)
        sentences = [paragraph[start:end] for paragraph in written for start, end in split_sentences(paragraph)]
        assert sentences, reading.id
        missing = [sentence for sentence in sentences if sentence not in page]
        assert not missing, f"{reading.src_uri}: sentences missing from the page: {missing}"
        assert shown == written, f"{reading.src_uri}: paragraph breaks are the only change"
        if byline:
            assert _squash(real_site.html(reading_url(reading.id)).select_one(".reading-byline").get_text()) == _squash(byline)


def test_paragraph_anchors_are_numbered_in_order(real_site: BuiltSite, library: Library) -> None:
    for reading in library.readings.values():
        ids = [p["id"] for p in _paragraphs(real_site, reading.id)]
        assert ids == [f"p{number}" for number in range(1, len(reading.paragraphs) + 1)], reading.id


def test_every_entry_the_linker_finds_is_linked_at_its_first_mention(real_site: BuiltSite, library: Library) -> None:
    """The reading links an entry where it first appears (and again only after a gap, #13); never what the linker did not find.

    The linker is asked as the reading page asks it: about that reading, so entries scoped to other readings are not found.
    """
    linker = Linker(link_targets(library, Layout()))
    found = 0
    for reading in library.readings.values():
        seen: set[str] = set()
        for paragraph, html in zip(reading.paragraphs, _paragraphs(real_site, reading.id), strict=True):
            expected = {(paragraph.text[m.start : m.end], m.target_id) for m in linker.find(paragraph.text, (reading.id,))}
            linked = {(a.get_text(), a["aria-describedby"].removeprefix("term-def-")) for a in html.select("a.term-link")}
            where = f"{reading.id} {paragraph.anchor}"
            first = {entry for _, entry in expected} - seen
            assert first <= {entry for _, entry in linked}, f"{where}: entries first named here are linked"
            assert linked <= expected, f"{where}: links the linker did not find: {linked - expected}"
            seen |= {entry for _, entry in expected}
            found += len(expected)
    assert found or not library.entries, "with entries, some mention is expected somewhere"


def test_entry_pages_list_the_paragraphs_that_mention_them(real_site: BuiltSite, library: Library) -> None:
    layout = Layout()
    mentions = find_mentions(library, Linker(link_targets(library, layout)))
    for entry in library.entries:
        page = layout.entry_uri(entry).removesuffix(".md") + "/"
        hrefs = [item.a["href"] for item in real_site.html(page).select(".backlinks li")]
        expected = [f"../../{reading_url(m.reading_id)}#p{m.paragraph}" for m in mentions.get(entry.id, [])]
        assert sorted(set(hrefs)) == sorted(set(expected)), entry.id
        marks = [mark.get_text() for mark in real_site.html(page).select(".backlinks li mark")]
        assert sorted(marks) == sorted(m.sentence[s:e] for m in mentions.get(entry.id, []) for s, e in m.spans), entry.id


def test_every_disagreement_with_the_reading_is_shown_on_the_timeline(real_site: BuiltSite, library: Library) -> None:
    warnings = real_site.html("timeline/").select(".admonition.warning")
    for event in library.events:
        for disagreement in event.disagreements:
            for reading_id, numbers in disagreement.paragraphs.items():
                for number in numbers:
                    href = f"../{reading_url(reading_id)}#p{number}"
                    assert any(w.find("a", href=href) for w in warnings), f"{event.id}: no warning on the timeline cites {href}"


def test_build_tools_names_no_content(library: Library) -> None:
    code = " ".join(path.read_text(encoding="utf-8").lower() for path in (ROOT / "build_tools").glob("*.py"))
    names = {*library.readings, *(reading.meta.author for reading in library.readings.values())}
    names |= {name for actor in library.actors.values() for name in [actor.id, *actor.names]}
    for name in sorted(names):
        assert not re.search(rf"(?<![\w-]){re.escape(name.lower())}(?![\w-])", code), name
