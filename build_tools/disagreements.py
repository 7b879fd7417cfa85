"""One text for each disagreement, wherever it shows: beside the paragraph in the reading, on entry pages, on the timeline.

What the reading says (its words and paragraph), what other sources say (each cited), and the summary.
"""

from __future__ import annotations

from .model import Disagreement, Library, Source
from .render import credit, escape, render_paragraph_refs, safe_markdown
from .templating import PageTemplates

__all__ = ["disagreement_body", "indent", "render_disagreement_notes"]


def disagreement_body(
    library: Library, page_uri: str, disagreement: Disagreement, *, in_reading: bool = False, templates: PageTemplates | None = None
) -> list[str]:
    """Markdown lines: the reading's words, the other views (each cited), the summary and the sources.

    In the reading itself the paragraph links and the list of sources are left out: the note sits
    under that paragraph, and links to the page that lists the sources (the reading page has a weight budget).
    """
    lines: list[str] = []
    refs = "" if in_reading else render_paragraph_refs(library, page_uri, disagreement.paragraphs, "The reading says this in", templates)
    if disagreement.quote:
        where = f" ({refs.split(':** ', 1)[1]})" if refs else ""
        lines += [f"**The reading says:** “{escape(disagreement.quote)}”{where}", ""]
    elif refs:
        lines += [refs, ""]
    if disagreement.views:
        lines += ["**Other sources say:**", ""]
        for view in disagreement.views:
            lines.append(f"- {safe_markdown(view.says)} ({_cite(view.source, library, labelled=not in_reading)})")
        lines.append("")
    lines += [safe_markdown(disagreement.summary), ""]
    if in_reading:
        return lines
    lines += ["**Sources:**", ""]
    lines += [f"1. {_cite(source, library)}" for source in disagreement.sources]
    return lines


def _cite(source: Source, library: Library, *, labelled: bool = True) -> str:
    """Publisher, linked title, date: the address is in the link, not spelled out (reading pages are weighed).

    In the reading the publisher goes unlabelled: the note links to the page whose sources carry the labels.
    """
    who = credit(source, library.publishers) if labelled else escape(source.publisher)
    return f"{who}, [“{escape(source.title)}”](<{source.url}>), {source.date.human}"


def indent(lines: list[str]) -> list[str]:
    """Lines indented four spaces, for the body of an admonition or a details block."""
    return [f"    {line}" if line else "" for line in "\n".join(lines).splitlines()]


def render_disagreement_notes(library: Library, page_uri: str, disagreements: list[Disagreement], templates: PageTemplates | None = None) -> str:
    """Each disagreement as a visible warning on an entry page or the timeline, with the same text as in the reading."""
    blocks = []
    for disagreement in disagreements:
        body = "\n".join(indent(disagreement_body(library, page_uri, disagreement, templates=templates)))
        blocks.append(f'!!! warning "The reading and other sources differ"\n\n{body}\n')
    return "\n".join(blocks)
