"""The real site students get: the reading word for word, every required term linked, the content counts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from build_tools import ContentPaths, load_library
from build_tools.text import fold, split_sentences
from conftest import ROOT, BuiltSite

SEED = ROOT.parent / "shared" / "seed" / "article.txt"
SEED_COPY = ROOT / "tests" / "fixtures" / "seed" / "article.txt"
"""The reading as handed to us, kept beside the tests too so the check never depends on the checkout's neighbours."""
READING = "readings/silliman-2020/"


@pytest.fixture(scope="module")
def library():  # type: ignore[no-untyped-def]
    return load_library(ContentPaths(ROOT))


def _seed_text() -> str:
    copy = SEED_COPY.read_text(encoding="utf-8")
    if SEED.is_file():
        assert SEED.read_text(encoding="utf-8") == copy, "tests/fixtures/seed/article.txt differs from the shared seed"
    return copy


def test_every_sentence_of_the_reading_is_on_the_page_word_for_word(real_site: BuiltSite) -> None:
    body, byline = _seed_text().strip().split("<em>")
    page = " ".join(p.get_text() for p in real_site.html(READING).select("p.reading-paragraph"))
    sentences = [body[start:end] for start, end in split_sentences(body.strip())]
    assert len(sentences) > 50
    missing = [sentence for sentence in sentences if sentence not in page]
    assert not missing
    assert page == body.strip(), "paragraph breaks are the only change"
    assert real_site.html(READING).select_one(".reading-byline").get_text() == byline.replace("</em>", "").strip()


def test_paragraph_anchors_are_numbered_in_order(real_site: BuiltSite) -> None:
    ids = [p["id"] for p in real_site.html(READING).select("p.reading-paragraph")]
    assert ids == [f"p{number}" for number in range(1, 26)]


@pytest.mark.parametrize(
    ("words", "entry"),
    [
        ("Popular Mobilisation Forces (PMF)", "popular-mobilization-forces"),
        ("PMF", "popular-mobilization-forces"),
        ("Quds Force", "quds-force"),
        ("Iran nuclear deal", "jcpoa"),
        ("International (“Green”) Zone", "green-zone"),
        ("Qassem Suleimani", "qassem-soleimani"),
        ("Suleimani", "qassem-soleimani"),
    ],
)
def test_required_terms_are_linked_as_the_author_wrote_them(real_site: BuiltSite, library, words: str, entry: str) -> None:  # type: ignore[no-untyped-def]
    """Each spelling links to its entry; the page links it where the spaced rule allows (first mention, then after a gap)."""
    from build_tools.layout import Layout
    from build_tools.linker import Linker
    from build_tools.pages import link_targets

    matches = Linker(link_targets(library, Layout())).find(words)
    assert [(match.target_id, match.start, match.end) for match in matches] == [(entry, 0, len(words))]
    assert real_site.html(READING).select(f'a.term-link[data-term="{entry}"]'), f"{entry} is linked in the reading"


def test_required_terms_are_linked_at_their_first_mention(real_site: BuiltSite, library) -> None:  # type: ignore[no-untyped-def]
    html = real_site.html(READING)
    for entry_id in ("popular-mobilization-forces", "quds-force", "jcpoa", "green-zone"):
        pattern = "|".join(re.escape(fold(name, lower=False)) for name in library.entry(entry_id).names)
        first = next(p for p in html.select("p.reading-paragraph") if re.search(rf"(?<!\w)({pattern})(?!\w)", fold(p.get_text(), lower=False)))
        assert first.select(f'a[data-term="{entry_id}"]'), f"the first mention of {entry_id} ({first['id']}) is linked"


def test_every_actor_named_in_the_reading_is_linked(real_site: BuiltSite, library) -> None:  # type: ignore[no-untyped-def]
    html = real_site.html(READING)
    text = fold(" ".join(p.get_text() for p in html.select("p.reading-paragraph, p.reading-byline")), lower=False)
    linked = {a["data-term"] for a in html.select("a.term-link")}
    for actor in library.actors.values():
        named = any(re.search(rf"(?<!\w){re.escape(fold(name, lower=False))}(?!\w)", text) for name in actor.names)
        if named:
            assert actor.id in linked, actor.id


def test_content_counts(library) -> None:  # type: ignore[no-untyped-def]
    assert len(library.terms) >= 20
    assert len(library.actors) >= 10
    assert len(library.events) >= 25
    assert len(library.questions) >= 15
    assert {q.phase for q in library.questions} == {"before", "during", "after"}
    assert library.events[0].date.year == 1979 and library.events[-1].date.year == 2020
    for required in ("popular-mobilization-forces", "quds-force", "jcpoa", "green-zone"):
        assert required in library.terms


def test_every_entry_cites_sources(library) -> None:  # type: ignore[no-untyped-def]
    for item in [*library.entries, *library.events]:
        assert item.sources and all(source.url.startswith("https://") or source.url.startswith("http://") for source in item.sources)


def test_entry_pages_list_the_paragraphs_that_mention_them(real_site: BuiltSite) -> None:
    html = real_site.html("glossary/popular-mobilization-forces/")
    items = html.select(".backlinks li")
    assert [item.a["href"] for item in items] == ["../../readings/silliman-2020/#p3", "../../readings/silliman-2020/#p23"]
    assert items[0].mark.get_text() == "Popular Mobilisation Forces (PMF)"


def test_the_disagreement_over_the_death_toll_is_shown(real_site: BuiltSite) -> None:
    html = real_site.html("timeline/")
    warnings = [w for w in html.select(".admonition.warning") if w.find("a", href="../readings/silliman-2020/#p4")]
    assert warnings, "the rocket-strike death toll disagreement cites paragraph 4"


def test_build_tools_names_no_content(tmp_path: Path) -> None:
    code = " ".join(path.read_text(encoding="utf-8").lower() for path in (ROOT / "build_tools").glob("*.py"))
    for word in ("silliman", "kadhimi", "suleimani", "soleimani", "quds", "baghdad", "hashd", "jcpoa"):
        assert word not in code, word
