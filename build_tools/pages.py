"""Plan the generated pages: which Markdown goes to which path, and which readings each page is about.

Entry pages are not added to the nav: they are reached from their index page, so every page's
sidebar stays the same size however large the glossary grows.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .assets import asset_files
from .layout import Layout
from .linker import Linker, LinkTarget
from .mentions import Mention, find_mentions
from .model import Actor, Library, Place, Term
from .render import PAGE_SCRIPT
from .render_collections import render_actors_index, render_glossary_index, render_questions, render_timeline
from .render_entries import EntryIndex, render_entry
from .render_home import place_reading_list, render_reading_list
from .render_lesson import render_lesson_plan
from .render_places import render_place, render_places_index
from .render_reading import render_reading
from .render_selfcheck import render_self_check
from .render_worksheets import PHASE_TITLES, render_worksheet
from .scaffolds import lesson_pointer
from .templating import PageTemplates, page_templates

__all__ = ["GeneratedPage", "Site", "link_targets", "plan_site"]


@dataclass(frozen=True)
class GeneratedPage:
    """A page that exists only in memory until the engine renders it."""

    src_uri: str
    markdown: str


@dataclass(frozen=True)
class Site:
    """Everything an engine adapter needs: generated pages, reading pages, link targets, what each page is about."""

    library: Library
    layout: Layout
    targets: tuple[LinkTarget, ...]
    pages: tuple[GeneratedPage, ...]
    """New pages, to add to the engine's files."""
    readings: dict[str, str]
    """Reading src_uri → the Markdown that replaces the file's body."""
    mentions: dict[str, list[Mention]]
    scopes: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Page src_uri → the readings it is about: a reading's own page, an entry scoped to readings."""
    first_page: str | None = None
    """A generated page the engine puts first in the nav (the lesson plan, in the teacher edition)."""
    entry_pages: dict[str, Term | Actor] = field(default_factory=dict)
    """Entry page src_uri → its term or actor (for links to its source file)."""
    trusted: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Generated page src_uri → the script or style the build itself wrote into it, for the sanitizer to keep."""
    templates: PageTemplates = field(default_factory=page_templates)
    """The page templates the pages were rendered with (the home page's list of readings too)."""
    linker: Linker | None = None
    """The linker over `targets` that found the mentions: the engine's term links use it too, so it is built once per build."""

    def scope(self, src_uri: str, declared: object = None) -> tuple[str, ...]:
        """The readings a page is about, for linking: its planned scope, or `readings:` from its front matter.

        Entries scoped to readings link only on pages about one of those readings.
        """
        if src_uri in self.scopes:
            return self.scopes[src_uri]
        if isinstance(declared, str):
            return (declared,)
        if isinstance(declared, list):
            return tuple(str(reading_id) for reading_id in declared)
        return ()

    def fill(self, src_uri: str, markdown: str) -> str:
        """A hand-written page with its generated parts filled in: the home page gets the list of readings
        (and, in the teacher edition, a pointer to the lesson plan)."""
        if src_uri != self.layout.home:
            return markdown
        markdown = place_reading_list(markdown, render_reading_list(self.library, self.layout, src_uri, self.templates))
        return lesson_pointer(markdown, src_uri, self.first_page, self.templates)


def link_targets(library: Library, layout: Layout) -> list[LinkTarget]:
    """What the linker needs to know of each term, actor and place (places explained by an entry link there)."""
    return [_target(place, layout.place_uri(place)) for place in library.own_places] + [_target(entry, layout.entry_uri(entry)) for entry in library.entries]


def _target(entry: Term | Actor | Place, src_uri: str) -> LinkTarget:
    return LinkTarget(
        id=entry.id,
        label=entry.label,
        names=tuple(entry.names),
        short=entry.short,
        src_uri=src_uri,
        case_sensitive=entry.case_sensitive,
        plurals=entry.plurals,
        readings=tuple(entry.readings),
    )


def plan_site(library: Library, layout: Layout | None = None, *, teacher: bool = False, templates: PageTemplates | None = None) -> Site:
    """Render every generated page from the library (pure: no file is read or written but the templates).

    Args:
        templates: the project's page templates; default: the built-in ones.

    Raises:
        ContentError: a project template fails while rendering (at its file and line).
    """
    layout = layout or Layout()
    templates = templates or page_templates()
    targets = link_targets(library, layout)
    linker = Linker(targets)
    mentions = find_mentions(library, linker)
    pages = [
        GeneratedPage(layout.glossary_index, render_glossary_index(library, layout, templates)),
        GeneratedPage(layout.actors_index, render_actors_index(library, layout, templates)),
        GeneratedPage(layout.timeline, render_timeline(library, layout, mentions, templates)),
        GeneratedPage(layout.questions, render_questions(library, layout, teacher=teacher, templates=templates)),
        GeneratedPage(layout.self_check, render_self_check(library, layout, mentions, teacher=teacher, templates=templates)),
    ]
    pages += [GeneratedPage(uri, text) for uri, text in asset_files().items()]
    if library.places:
        pages.append(GeneratedPage(layout.places_index, render_places_index(library, layout, templates)))
        pages += [GeneratedPage(layout.place_uri(place), render_place(library, layout, place, templates)) for place in library.own_places]
    lesson = library.classroom.lesson
    first_page = layout.lesson_plan if teacher and lesson is not None else None
    if teacher and lesson is not None:
        pages.append(GeneratedPage(layout.lesson_plan, render_lesson_plan(library, layout, lesson, templates)))
    for phase in PHASE_TITLES:
        if any(question.phase == phase for question in library.questions):
            pages.append(GeneratedPage(layout.worksheet(phase), render_worksheet(library, layout, phase, teacher=teacher, templates=templates)))
    index = EntryIndex(library)
    for entry in library.entries:
        pages.append(GeneratedPage(layout.entry_uri(entry), render_entry(library, layout, entry, mentions.get(entry.id, []), index, templates)))
    readings = {
        reading.src_uri: render_reading(library, layout, reading, teacher=teacher, mentions=mentions, templates=templates)
        for reading in library.readings.values()
    }
    scopes: dict[str, tuple[str, ...]] = {reading.src_uri: (reading.id,) for reading in library.readings.values()}
    scopes.update({layout.entry_uri(entry): tuple(entry.readings) for entry in library.entries if entry.readings})
    entry_pages = {layout.entry_uri(entry): entry for entry in library.entries}
    trusted: dict[str, tuple[str, ...]] = {uri: (PAGE_SCRIPT,) for uri in (layout.self_check, *(layout.worksheet(phase) for phase in PHASE_TITLES))}
    return Site(library, layout, tuple(targets), tuple(pages), readings, mentions, scopes, first_page, entry_pages, trusted, templates, linker)
