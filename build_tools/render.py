"""Markdown building blocks shared by every generated page: escaping, links, sources, backlinks."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Mapping
from itertools import groupby

from .mentions import Mention
from .model import Library, ParagraphRefs, Publisher, Source, paragraph_anchor
from .text import split_sentences

__all__ = [
    "PAGE_SCRIPT",
    "credit",
    "escape",
    "link",
    "render_mentions",
    "render_paragraph_quotes",
    "render_paragraph_refs",
    "render_sources",
    "safe_markdown",
]

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]{}#])")


def escape(text: str) -> str:
    """Plain text made safe to drop into Markdown: no formatting, no HTML."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text.replace("&", "&amp;").replace("<", "&lt;"))


def safe_markdown(text: str) -> str:
    """Teacher-written Markdown with raw HTML and attribute lists (`{: onclick=...}`) neutralised.

    Link targets are checked when the content is validated; this keeps everything else inert.
    """
    return text.replace("<", "&lt;").replace("{", "\\{")


def link(from_uri: str, to_uri: str, anchor: str = "") -> str:
    """Relative link from one docs file to another; MkDocs checks and rewrites it."""
    if to_uri == from_uri:
        target = ""
    else:
        target = posixpath.relpath(to_uri, posixpath.dirname(from_uri) or ".")
    return f"{target}#{anchor}" if anchor else target


def render_sources(sources: Iterable[Source], heading: str = "## Sources", publishers: Mapping[str, Publisher] | None = None) -> str:
    """A numbered list of citations, each with its publisher's label (`Example News (newspaper, Example Land)`) when the publisher is known."""
    lines = [heading, ""]
    for source in sources:
        lines.append(f"1. {credit(source, publishers or {})}, “{escape(source.title)}”, {source.date.human}. <{source.url}>")
    return "\n".join(lines) + "\n"


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


def render_paragraph_refs(library: Library, page_uri: str, refs: ParagraphRefs, lead: str = "In the reading") -> str:
    """`In the reading: ¶4, ¶5` as links to the paragraphs; empty when there are none."""
    parts = []
    for reading_id, numbers in refs.items():
        reading = library.readings[reading_id]
        anchors = ", ".join(f"[¶{n}]({link(page_uri, reading.src_uri, paragraph_anchor(n))})" for n in sorted(set(numbers)))
        name = f" ({escape(reading.meta.title)})" if len(library.readings) > 1 else ""
        parts.append(f"{anchors}{name}")
    return f"**{lead}:** {'; '.join(parts)}" if parts else ""


def _quote(mentions: Iterable[Mention]) -> str:
    """Sentences with their mentions marked; one sentence once, even if several entries are in it."""
    spans: dict[str, set[tuple[int, int]]] = {}
    for mention in sorted(mentions, key=lambda mention: (mention.reading_id, mention.paragraph, mention.offset)):
        spans.setdefault(mention.sentence, set()).update(mention.spans)
    quoted = []
    for sentence, marks in spans.items():
        merged = Mention("", 0, sentence, tuple(sorted(marks)))
        quoted.append("".join(f"<mark>{escape(text)}</mark>" if marked else escape(text) for text, marked in merged.pieces()))
    return " … ".join(quoted)


def render_mentions(library: Library, page_uri: str, mentions: list[Mention], heading: str = "## In the reading") -> str:
    """Each paragraph that mentions the entry, with its sentences quoted and the mentions marked."""
    if not mentions:
        return ""
    lines = [heading, "", '<div class="backlinks no-term-links" markdown>', ""]
    for (reading_id, number), group in groupby(mentions, key=lambda mention: (mention.reading_id, mention.paragraph)):
        reading = library.readings[reading_id]
        target = link(page_uri, reading.src_uri, paragraph_anchor(number))
        source = f" of *{escape(reading.meta.title)}*" if len(library.readings) > 1 else ""
        lines.append(f"- [Paragraph {number}]({target}){source}: <span class=\"backlink-quote\">“{_quote(group)}”</span>")
    lines += ["", "</div>", ""]
    return "\n".join(lines)


def render_paragraph_quotes(library: Library, page_uri: str, refs: ParagraphRefs, mentions: list[Mention], lead: str = "In the reading") -> str:
    """The paragraphs an event or question points to, each linked and quoted like an entry's backlinks.

    Sentences that mention the item's own entries are quoted with the mentions marked;
    otherwise the paragraph's first sentence stands for it.
    """
    if not refs:
        return ""
    lines = [f"**{lead}:**", "", '<div class="backlinks no-term-links" markdown>', ""]
    for reading_id, numbers in refs.items():
        reading = library.readings[reading_id]
        for number in sorted(set(numbers)):
            relevant = [mention for mention in mentions if mention.reading_id == reading_id and mention.paragraph == number]
            if relevant:
                quote = _quote(relevant)
            else:
                text = reading.paragraphs[number - 1].text
                start, end = split_sentences(text)[0]
                quote = escape(text[start:end])
            source = f" of *{escape(reading.meta.title)}*" if len(library.readings) > 1 else ""
            lines.append(f"- [Paragraph {number}]({link(page_uri, reading.src_uri, paragraph_anchor(number))}){source}: <span class=\"backlink-quote\">“{quote}”</span>")
    lines += ["", "</div>", ""]
    return "\n".join(lines)


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
