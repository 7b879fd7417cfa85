"""A calmer reading: an entry is linked at its first mention, and again only after several paragraphs without it."""

from __future__ import annotations

import markdown
from test_markdown_ext import TARGETS

from build_tools.adapters.markdown_ext import TermLinkExtension
from conftest import BuiltSite


def spaced(text: str, gap: int) -> str:
    extension = TermLinkExtension(frequency="spaced", gap=gap)
    extension.set_targets(TARGETS)
    extension.start_page("readings/r.md", "")
    return markdown.Markdown(extensions=[extension]).convert(text)


def test_spaced_links_again_only_after_a_gap() -> None:
    paragraphs = ["The militia moved, the militia left.", "Quiet.", "Quiet.", "The militia came back.", "Quiet.", "Quiet.", "Quiet.", "The militia again."]
    html = spaced("\n\n".join(paragraphs), gap=3)
    linked = [chunk.count("<a ") for chunk in html.split("</p>")[: len(paragraphs)]]
    # First mention linked; the paragraph-4 mention follows only two quiet paragraphs: unlinked;
    # the paragraph-8 mention follows three: linked again.
    assert linked == [1, 0, 0, 0, 0, 0, 0, 1]


def test_an_unlinked_mention_still_restarts_the_gap() -> None:
    html = spaced("\n\n".join(["The militia.", "Quiet.", "The militia.", "Quiet.", "The militia."]), gap=2)
    assert html.count("<a ") == 1


def test_real_readings_link_an_entry_at_most_once_a_paragraph(real_site: BuiltSite) -> None:
    """On every reading of the repository's content, whatever it is: no entry is linked twice in one paragraph.

    (The gap itself counts every block the page shows, notes and gists included; the tests above pin it.)
    """
    from build_tools import ContentPaths, load_library
    from conftest import ROOT

    readings = load_library(ContentPaths(ROOT)).readings.values()
    for reading in readings:
        paragraphs = real_site.html(reading.src_uri.removesuffix(".md") + "/").select("p.reading-paragraph")
        assert len(paragraphs) == len(reading.paragraphs)
        for number, paragraph in enumerate(paragraphs, start=1):
            entries = [link["aria-describedby"] for link in paragraph.select("a.term-link")]
            assert len(entries) == len(set(entries)), f"{reading.id} ¶{number}: an entry is linked twice: {entries}"
