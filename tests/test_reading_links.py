"""A calmer reading: an entry is linked at its first mention, and again only after several paragraphs without it."""

from __future__ import annotations

import markdown
from test_markdown_ext import TARGETS

from build_tools.markdown_ext import TermLinkExtension
from conftest import BuiltSite

WORDS_PER_LINK = 30
"""The target on the real reading: at most one link per 30 words."""


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


def test_real_reading_has_at_most_one_link_per_30_words(real_site: BuiltSite) -> None:
    html = real_site.html("readings/silliman-2020/")
    paragraphs = html.select("p.reading-paragraph")
    words = sum(len(paragraph.get_text().split()) for paragraph in paragraphs)
    links = sum(len(paragraph.select("a.term-link")) for paragraph in paragraphs)
    assert links, "entries are still linked"
    assert words / links >= WORDS_PER_LINK, f"{links} links in {words} words: one per {words / links:.1f} words"
    first = paragraphs[0].find_all_next("a", class_="term-link")
    assert len({link["aria-describedby"] for link in first}) >= 20, "every entry is still linked at its first mention"
