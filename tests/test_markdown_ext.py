"""The Markdown extension: golden pairs (case.md → case.html) and properties of linked HTML."""

from __future__ import annotations

import difflib
import string
import xml.etree.ElementTree as etree
from pathlib import Path

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from build_tools.adapters.markdown_ext import TermLinkExtension
from build_tools.linker import LinkTarget

GOLDEN = Path(__file__).parent / "golden"
TARGETS = [
    LinkTarget("pmf", "Popular Mobilisation Forces", ("Popular Mobilisation Forces", "PMF"), "Armed groups under the state.", "glossary/pmf.md"),
    LinkTarget("quds", "Quds Force", ("Quds Force",), "An elite unit.", "glossary/quds.md"),
    LinkTarget("militia", "Militia", ("militia",), "An armed group.", "glossary/militia.md", plurals=True),
    LinkTarget("jcpoa", "JCPOA", ("JCPOA", "Iran nuclear deal"), "A 2015 deal.", "glossary/jcpoa.md"),
    LinkTarget("iran", "Iran", ("Iran",), "A country.", "actors/iran.md"),
    LinkTarget("gz", "Green Zone", ("Green Zone", "International (\u201cGreen\u201d) Zone"), "A guarded area.", "glossary/gz.md"),
]


def convert(text: str, page: str = "readings/r.md", frequency: str = "") -> str:
    extension = TermLinkExtension(frequency="first-per-section")
    extension.set_targets(TARGETS)
    extension.start_page(page, frequency)
    return markdown.Markdown(extensions=["tables", extension]).convert(text)


@pytest.mark.parametrize("case", sorted(path.stem for path in GOLDEN.glob("*.md")))
def test_golden(case: str) -> None:
    actual = convert((GOLDEN / f"{case}.md").read_text(encoding="utf-8")) + "\n"
    expected_file = GOLDEN / f"{case}.html"
    expected = expected_file.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True), "expected", "actual"))
        pytest.fail(f"{case}.html differs:\n{diff}")


def test_frequencies() -> None:
    text = "The militia moved.\n\nThe militia left, the militia came.\n"
    assert convert(text, frequency="every").count("<a ") == 3
    assert convert(text, frequency="first-per-paragraph").count("<a ") == 2
    assert convert(text, frequency="first-per-page").count("<a ") == 1


def test_an_entry_page_does_not_link_to_itself() -> None:
    html = convert("The Quds Force and the militia.", page="glossary/quds.md")
    assert 'href="../glossary/militia.md"' in html
    assert "quds.md" not in html


def test_links_are_relative_to_the_page() -> None:
    assert 'href="../glossary/pmf.md"' in convert("The PMF.", page="readings/r.md")
    assert 'href="glossary/pmf.md"' in convert("The PMF.", page="index.md")


def test_works_without_a_page_using_link_base() -> None:
    extension = TermLinkExtension(link_base="/site/")
    extension.set_targets(TARGETS)
    html = markdown.markdown("The PMF.", extensions=[extension])
    assert 'href="/site/glossary/pmf/"' in html


def test_definitions_are_listed_once_and_described_by() -> None:
    html = convert("The PMF and the PMF.", frequency="every")
    root = etree.fromstring(f"<div>{html}</div>")
    links = root.findall(".//a")
    assert {link.get("aria-describedby") for link in links} == {"term-def-pmf"}
    assert len(root.findall(".//dd[@id='term-def-pmf']")) == 1


# Properties over generated Markdown: linking only adds links.

words = st.sampled_from(["the", "militia", "militias", "PMF", "pmf", "Quds", "Force", "Iran", "Iran's", "deal", "nuclear", "Green", "Zone", "and"])
lines = st.lists(words, min_size=1, max_size=12).map(" ".join)
blocks = st.one_of(
    lines,
    lines.map(lambda line: f"# {line}"),
    lines.map(lambda line: f"- {line}"),
    lines.map(lambda line: f"`{line}` {line}"),
    lines.map(lambda line: f"[{line}](https://example.org) {line}"),
    lines.map(lambda line: f"    {line}"),
)
documents = st.lists(blocks, min_size=1, max_size=6).map("\n\n".join)
mentions = st.sampled_from(["militia", "PMF", "Quds Force", "Green Zone", "Iran nuclear deal"])
"""Names that no generated word can lengthen into a longer name."""


def _tree(html: str) -> etree.Element:
    return etree.fromstring(f"<div>{html}</div>")


def _visible(element: etree.Element) -> str:
    """Text a reader sees, without the page's definitions list (shown only as previews and in print)."""
    for aside in element.findall("aside"):
        element.remove(aside)
    return "".join(element.itertext()).rstrip()


@settings(max_examples=150, deadline=None)
@given(document=documents, mention=mentions, frequency=st.sampled_from(["every", "first-per-paragraph", "first-per-section", "first-per-page"]))
def test_linking_keeps_text_and_structure(document: str, mention: str, frequency: str) -> None:
    document = f"{mention} comes first.\n\n{document}"
    plain = markdown.markdown(document, extensions=["tables"])
    linked = convert(document, frequency=frequency)
    linked_tree = _tree(linked)
    assert _visible(linked_tree) == _visible(_tree(plain))
    for outer in linked_tree.iter():
        if outer.tag in {"a", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6"}:
            inner = [el for el in outer.iter() if el is not outer and el.tag == "a" and "term-link" in el.get("class", "")]
            assert not inner, f"term link inside <{outer.tag}>"
    first = linked_tree.find("p")
    assert first is not None and [link.text for link in first.iter("a")] == [mention], "the mention in the first paragraph is linked"
    assert convert(document, frequency=frequency) == linked


@settings(max_examples=60, deadline=None)
@given(text=st.text(alphabet=string.ascii_letters + " .,'\u2019", max_size=80), mention=mentions)
def test_any_text_round_trips(text: str, mention: str) -> None:
    text = f"{mention} {text}"
    plain = markdown.markdown(text)
    linked = _tree(convert(text))
    assert _visible(linked) == _visible(_tree(plain))
    assert [link.text for link in linked.iter("a")][:1] == [mention], "the mention that opens the text is linked"
