"""Python-Markdown extension that links mentions of curated entries, with an accessible preview.

It works on the element tree after inline parsing, so it never sees Markdown syntax and never
links inside headings, links, code or abbreviations. Each link points at a definition kept
once per page (`aria-describedby`), which screen readers announce, print styles show as
endnotes, and a small script turns into a popover.

Use it from MkDocs through the plugin, or alone: `Markdown(extensions=[TermLinkExtension(project_dir=".")])`.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Iterable
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from ..linker import FREQUENCIES, Linker, LinkTarget

__all__ = ["FREQUENCIES", "SCOPE_ATTRIBUTE", "TermLinkExtension", "makeExtension"]

_SKIP_TAGS = {"a", "abbr", "code", "pre", "kbd", "samp", "var", "script", "style", "svg", "math", "button", "summary", "h1", "h2", "h3", "h4", "h5", "h6"}
_SKIP_CLASSES = {"no-term-links", "admonition-title"}
_PARAGRAPH_TAGS = {"p", "li", "dd", "dt", "td", "th", "figcaption"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
NO_LINKS_CLASS = "no-term-links"
"""Elements with this class (and their children) are never linked."""
SCOPE_ATTRIBUTE = "data-readings"
"""Space-separated reading ids: inside an element with it, entries scoped to those readings link."""


class TermLinkTreeprocessor(Treeprocessor):
    """Walks the tree once, replacing mentions in text with links."""

    def __init__(self, md: Markdown, extension: TermLinkExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        extension = self.extension
        linker = extension.linker()
        if linker is None:
            return
        self.linker = linker
        self.frequency = extension.page_frequency or extension.getConfig("frequency")
        self.own_uri = extension.page_src_uri
        self.scope: tuple[str, ...] | None = extension.page_scope
        self.seen: set[str] = set()
        self.used: dict[str, LinkTarget] = {}
        self.gap = int(extension.getConfig("gap"))
        self.paragraph = 0
        self.last_mention: dict[str, int] = {}
        """Entry id → the paragraph of its latest mention, linked or not (for `spaced`)."""
        self._walk(root)
        extension.linked.setdefault(self.own_uri, set()).update(self.used)
        if self.used:
            root.append(_definitions(self.used.values()))

    def _walk(self, element: etree.Element) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in _HEADINGS and self.frequency == "first-per-section":
            self.seen.clear()
        if tag in _SKIP_TAGS or not _SKIP_CLASSES.isdisjoint((element.get("class") or "").split()):
            return
        declared = element.get(SCOPE_ATTRIBUTE)
        if declared is not None:
            # A block about some readings (a group of questions, say): their scoped entries link inside it.
            outer, self.scope = self.scope, tuple(declared.split())
            try:
                self._walk_inside(element, tag)
            finally:
                self.scope = outer
            return
        self._walk_inside(element, tag)

    def _walk_inside(self, element: etree.Element, tag: str) -> None:
        if tag in _PARAGRAPH_TAGS:
            self.paragraph += 1
            if self.frequency == "first-per-paragraph":
                self.seen.clear()
        if element.text:
            new = self._link(element.text)
            if new is not None:
                element.text, links = new
                for index, link in enumerate(links):
                    element.insert(index, link)
        index = 0
        while index < len(element):
            child = element[index]
            index += 1
            self._walk(child)
            if child.tail:
                new = self._link(child.tail)
                if new is not None:
                    child.tail, links = new
                    for offset, link in enumerate(links):
                        element.insert(index + offset, link)
                    index += len(links)

    def _link(self, text: str) -> tuple[str, list[etree.Element]] | None:
        """Split `text` into leading text and link elements (each carrying the text after it)."""
        links: list[etree.Element] = []
        lead = text
        position = 0
        for match in self.linker.find(text, self.scope):
            target = self.linker.targets[match.target_id]
            if target.src_uri == self.own_uri or self._repeated(target.id):
                continue
            self.seen.add(target.id)
            self.used[target.id] = target
            link = etree.Element("a", {
                "href": self.extension.href(target),
                "class": "term-link",
                # The entry's id is in here too: `term-def-<id>` (no separate data attribute, pages stay lighter).
                "aria-describedby": f"term-def-{target.id}",
            })
            link.text = text[match.start : match.end]
            if links:
                links[-1].tail = text[position : match.start]
            else:
                lead = text[: match.start]
            links.append(link)
            position = match.end
        if not links:
            return None
        links[-1].tail = text[position:]
        return lead, links


    def _repeated(self, target_id: str) -> bool:
        """Whether this mention goes unlinked under the page's frequency."""
        if self.frequency == "spaced":
            last = self.last_mention.get(target_id)
            self.last_mention[target_id] = self.paragraph
            return last is not None and self.paragraph - last <= self.gap
        return self.frequency != "every" and target_id in self.seen


def _definitions(targets: Iterable[LinkTarget]) -> etree.Element:
    """The page's definitions, once each: described-by target, popover source, print endnotes."""
    aside = etree.Element("aside", {"class": f"term-defs {NO_LINKS_CLASS}", "aria-label": "Definitions of linked terms"})
    heading = etree.SubElement(aside, "p", {"class": "term-defs__title"})
    heading.text = "Terms on this page"
    listing = etree.SubElement(aside, "dl")
    for target in sorted(targets, key=lambda target: target.label.lower()):
        term = etree.SubElement(listing, "dt")
        term.text = target.label
        definition = etree.SubElement(listing, "dd", {"id": f"term-def-{target.id}"})
        definition.text = target.short
    # One element a line, as Python-Markdown's prettify step (which runs before this one) writes blocks.
    aside.text = heading.tail = listing.text = listing.tail = aside.tail = "\n"
    for child in listing:
        child.tail = "\n"
    return aside


class TermLinkExtension(Extension):
    """Links mentions of terms and actors; the plugin sets targets and the current page."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "targets": [[], "LinkTarget objects; empty means: load them from 'project_dir'."],
            "project_dir": ["", "Project folder to load content from when no targets are given (use without MkDocs)."],
            "frequency": ["first-per-section", f"How often one entry is linked on a page: {', '.join(FREQUENCIES)}."],
            "gap": [12, "With frequency 'spaced': paragraphs in a row without an entry before it is linked again."],
            "link_base": ["", "Prefix for links when no page is known (e.g. '/site/'); relative .md links otherwise."],
        }
        super().__init__(**kwargs)
        self._linker: Linker | None = None
        self.page_src_uri = ""
        """The page being rendered, relative to the docs folder (set by the plugin before each page)."""
        self.page_frequency = ""
        """Per-page override of 'frequency' (front matter `term_links`)."""
        self.page_scope: tuple[str, ...] | None = None
        """The readings the page is about; None (no page set) links every entry."""
        self._hrefs: dict[str, str] = {}
        self.linked: dict[str, set[str]] = {}
        """Page src_uri → the ids of the entries it links: a live-preview rebuild renders a page again when one of them changes."""

    def set_targets(self, targets: list[LinkTarget], linker: Linker | None = None) -> None:
        """Replace the targets (the plugin calls this on every build, so serve picks up YAML edits).

        Args:
            targets: what mentions link to.
            linker: a `Linker` already built over exactly these targets (the plugin's, which found the
                mentions), so it is not built again; None builds one when the first page needs it.
        """
        self.setConfig("targets", targets)
        self._linker = linker if targets else None

    def start_page(self, src_uri: str, frequency: str = "", scope: tuple[str, ...] | None = None) -> None:
        """Clear per-page state before a page is converted.

        Args:
            src_uri: the page, relative to the docs folder.
            frequency: how often to link one entry on this page; empty for the configured default.
            scope: the readings the page is about; entries scoped to other readings are not linked.
                None links every entry.
        """
        self.page_src_uri = src_uri
        self.page_frequency = frequency
        self.page_scope = scope
        self._hrefs = {}
        self.linked[src_uri] = set()

    def linker(self) -> Linker | None:
        if self._linker is None:
            targets = self.getConfig("targets")
            if not targets and self.getConfig("project_dir"):
                from ..site import load_targets

                targets = load_targets(self.getConfig("project_dir"))
            self._linker = Linker(targets) if targets else None
        return self._linker

    def href(self, target: LinkTarget) -> str:
        """Link from the current page to the target (cached: a page links the same entries often)."""
        href = self._hrefs.get(target.id)
        if href is None:
            href = self._hrefs[target.id] = self._href(target)
        return href

    def _href(self, target: LinkTarget) -> str:
        if self.page_src_uri:
            # Up to the docs root, then down to the target: cheaper than relpath, and MkDocs
            # resolves and checks the link all the same.
            return "../" * self.page_src_uri.count("/") + target.src_uri
        base = self.getConfig("link_base")
        return f"{base}{target.src_uri.removesuffix('.md')}/"

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        # After inline patterns (20) so text is final, after attr_list (8) so `{: .no-term-links }`
        # is already a class, and after abbr (7) so an abbreviation is never wrapped in a term link;
        # before toc (5) and MkDocs' relative-path fixer (0), which read the finished links.
        md.treeprocessors.register(TermLinkTreeprocessor(md, self), "term_links", 6)


def makeExtension(**kwargs: Any) -> TermLinkExtension:
    return TermLinkExtension(**kwargs)
