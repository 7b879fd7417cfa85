"""Markdown building blocks shared by every generated page: sources, backlinks, paragraph links.

Their layout is in the `parts.md.j2` template; this module gathers what they show.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from itertools import groupby

from markupsafe import Markup

from .markdown_text import escape, link, safe_markdown
from .mentions import Mention
from .model import Library, ParagraphRefs, Publisher, Reading, Source, paragraph_anchor
from .templating import PageTemplates, page_templates
from .text import split_sentences

__all__ = [
    "PAGE_SCRIPT",
    "credit",
    "escape",
    "link",
    "paragraph_groups",
    "render_mentions",
    "render_paragraph_quotes",
    "render_paragraph_refs",
    "render_sources",
    "safe_markdown",
]


def render_sources(
    sources: Iterable[Source], heading: str = "## Sources", publishers: Mapping[str, Publisher] | None = None, templates: PageTemplates | None = None
) -> str:
    """A numbered list of citations, each with its publisher's label (`Example News (newspaper, Example Land)`) when the publisher is known."""
    rows = [(Markup(credit(source, publishers or {})), source) for source in sources]
    return (templates or page_templates()).call("parts.md.j2", "sources", Markup(heading), rows)


def credit(source: Source, publishers: Mapping[str, Publisher]) -> str:
    """Who a source comes from, labelled: `Wire (news agency, France)`, or `Wire report, via Host (host's label)` for a repost.

    In a repost the host's label is shown, since the host chose to carry the text; the original
    publisher's ownership is shown too when it has one (a state agency's report on a private site).
    """
    if source.via is None:
        return _labelled(source.publisher, publishers.get(source.publisher))
    original = publishers.get(source.publisher)
    owner = f" ({escape(original.ownership)})" if original is not None and original.ownership else ""
    return f"{escape(source.publisher)}{owner} report, via {_labelled(source.via, publishers.get(source.via))}"


def _labelled(name: str, publisher: Publisher | None) -> str:
    return f"{escape(name)} ({escape(publisher.label)})" if publisher is not None else escape(name)


def paragraph_groups(library: Library, page_uri: str, refs: ParagraphRefs) -> list[tuple[Reading, list[tuple[int, Markup]]]]:
    """The paragraphs `refs` names, by reading: [(reading, [(paragraph number, link from the page)])], as `parts.md.j2` lists them."""
    return [
        (reading, [(n, Markup(link(page_uri, reading.src_uri, paragraph_anchor(n)))) for n in sorted(set(numbers))])
        for reading, numbers in ((library.readings[reading_id], numbers) for reading_id, numbers in refs.items())
    ]


def render_paragraph_refs(library: Library, page_uri: str, refs: ParagraphRefs, lead: str = "In the reading", templates: PageTemplates | None = None) -> str:
    """`In the reading: ¶4, ¶5` as links to the paragraphs; empty when there are none."""
    groups = paragraph_groups(library, page_uri, refs)
    if not groups:
        return ""
    return (templates or page_templates()).call("parts.md.j2", "paragraph_refs", lead, groups, len(library.readings) > 1)


def _quote(mentions: Iterable[Mention]) -> list[list[tuple[str, bool]]]:
    """Sentences cut into (text, is_mention) pieces, for `parts.md.j2` to mark; one sentence once, even if several entries are in it."""
    spans: dict[str, set[tuple[int, int]]] = {}
    for mention in sorted(mentions, key=lambda mention: (mention.reading_id, mention.paragraph, mention.offset)):
        spans.setdefault(mention.sentence, set()).update(mention.spans)
    return [Mention("", 0, sentence, tuple(sorted(marks))).pieces() for sentence, marks in spans.items()]


def render_mentions(
    library: Library, page_uri: str, mentions: list[Mention], heading: str = "## In the reading", templates: PageTemplates | None = None
) -> str:
    """Each paragraph that mentions the entry, with its sentences quoted and the mentions marked."""
    if not mentions:
        return ""
    items = []
    for (reading_id, number), group in groupby(mentions, key=lambda mention: (mention.reading_id, mention.paragraph)):
        reading = library.readings[reading_id]
        items.append((reading, number, Markup(link(page_uri, reading.src_uri, paragraph_anchor(number))), _quote(group)))
    return (templates or page_templates()).call("parts.md.j2", "backlinks", Markup(heading), items, len(library.readings) > 1)


def render_paragraph_quotes(
    library: Library, page_uri: str, refs: ParagraphRefs, mentions: list[Mention], lead: str = "In the reading", templates: PageTemplates | None = None
) -> str:
    """The paragraphs an event or question points to, each linked and quoted like an entry's backlinks.

    Sentences that mention the item's own entries are quoted with the mentions marked;
    otherwise the paragraph's first sentence stands for it.
    """
    if not refs:
        return ""
    items = []
    for reading_id, numbers in refs.items():
        reading = library.readings[reading_id]
        for number in sorted(set(numbers)):
            relevant = [mention for mention in mentions if mention.reading_id == reading_id and mention.paragraph == number]
            if relevant:
                quote = _quote(relevant)
            else:
                text = reading.paragraphs[number - 1].text
                start, end = split_sentences(text)[0]
                quote = [[(text[start:end], False)]]
            items.append((reading, number, Markup(link(page_uri, reading.src_uri, paragraph_anchor(number))), quote))
    return (templates or page_templates()).call("parts.md.j2", "paragraph_quotes", lead, items, len(library.readings) > 1)


# Turns the hidden asset links (which MkDocs rewrites for this page's URL) into a stylesheet and a
# script; a relative path in raw HTML would break when the site is built without directory URLs.
PAGE_SCRIPT = """<script>
document.querySelectorAll(".sc-assets a").forEach(function (a) {
  var css = /\\.css$/.test(a.pathname), node = document.createElement(css ? "link" : "script");
  if (css) { node.rel = "stylesheet"; node.href = a.href; } else { node.src = a.href; }
  document.head.appendChild(node);
});
</script>"""
"""The page's one script, written by the build (not content): the sanitizer keeps it on this page only."""
