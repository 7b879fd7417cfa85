"""The term-linking step runs after attr_list and abbr: `{: .no-term-links }` stops linking, and an
abbreviation is never wrapped in a term link (nor a term link in an abbreviation)."""

from __future__ import annotations

import markdown
from bs4 import BeautifulSoup

from build_tools.adapters.markdown_ext import TermLinkExtension
from build_tools.linker import LinkTarget

TARGETS = [LinkTarget("pmf", "Popular Mobilisation Forces", ("Popular Mobilisation Forces", "PMF"), "Armed groups.", "glossary/pmf.md")]


def convert(text: str, *extensions: str) -> BeautifulSoup:
    extension = TermLinkExtension(frequency="every")
    extension.set_targets(TARGETS)
    extension.start_page("index.md")
    # The extension is listed first on purpose: only priorities decide the order.
    return BeautifulSoup(markdown.Markdown(extensions=[extension, *extensions]).convert(text), "html.parser")


def test_attr_list_class_stops_linking() -> None:
    html = convert("The PMF is large.\n{: .no-term-links }\n\nThe PMF again.", "attr_list")
    first, second = html.find_all("p")[:2]
    assert "no-term-links" in first["class"]
    assert first.find("a") is None
    assert second.find("a", class_="term-link") is not None


def test_abbreviation_is_not_nested_in_a_term_link() -> None:
    html = convert("The PMF is large.\n\n*[PMF]: Popular Mobilisation Forces", "abbr")
    assert html.find("abbr") is not None
    assert html.select("a abbr") == []
    assert html.select("abbr a") == []


def test_priority_is_below_attr_list_and_abbr() -> None:
    md = markdown.Markdown(extensions=["attr_list", "abbr", TermLinkExtension(targets=TARGETS)])
    order = [name for name in md.treeprocessors._priority]
    names = [item.name for item in sorted(order, key=lambda item: -item.priority)]
    assert names.index("term_links") > names.index("attr_list")
    assert names.index("term_links") > names.index("abbr")
