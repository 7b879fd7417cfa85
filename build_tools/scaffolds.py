"""Scaffolds that leave the text whole: gists beside paragraphs, a vocabulary preview, reading time.

The reading's own words are never changed: gists are separate blocks after each paragraph, hidden
until a student turns on "Show gists" (a checkbox and CSS, no script), and the preview sits above
the text. The preview lists the glossary terms the reading mentions, in order of first mention, minus the
words a before-reading question asks students to guess.

Their layout is in the templates (`reading.md.j2`, `lesson_pointer.md.j2`); this module decides what they show.
"""

from __future__ import annotations

import math
import re

from markupsafe import Markup

from .layout import Layout
from .mentions import Mention
from .model import Entry, Library, Reading
from .render import link
from .templating import PageTemplates, page_templates
from .text import split_sentences

__all__ = ["WORDS_PER_MINUTE", "guessed_entries", "has_gists", "lesson_pointer", "preview_entries", "reading_minutes", "vocabulary_preview"]

WORDS_PER_MINUTE = 150
"""A careful reading pace for a school student with a hard text (adults skim at 200 to 250)."""


def reading_minutes(reading: Reading) -> int:
    """Minutes to read the text once, rounded up; at least one."""
    words = sum(len(paragraph.text.split()) for paragraph in reading.paragraphs)
    return max(1, math.ceil(words / WORDS_PER_MINUTE))


def reading_time_line(reading: Reading) -> str:
    words = sum(len(paragraph.text.split()) for paragraph in reading.paragraphs)
    minutes = reading_minutes(reading)
    return f"Reading time: about {minutes} minute{'s' if minutes != 1 else ''} ({words:,} words)."


def lesson_pointer(markdown: str, page_uri: str, first_page: str | None, templates: PageTemplates | None = None) -> str:
    """The home page with, in the teacher edition, a pointer to the lesson plan under its first heading."""
    if not first_page:
        return markdown
    block = (templates or page_templates()).render("lesson_pointer.md.j2", lesson_plan=Markup(link(page_uri, first_page)))
    heading = re.search(r"^# .*$", markdown, re.MULTILINE)
    if heading is None:
        return block + "\n" + markdown
    return f"{markdown[: heading.end()]}\n\n{block}{markdown[heading.end() :]}"


def has_gists(library: Library, reading: Reading) -> bool:
    """Whether any paragraph of the reading has a gist, so the page needs the "Show gists" switch."""
    return any(library.classroom.gist(reading.id, paragraph.number) for paragraph in reading.paragraphs)


def guessed_entries(library: Library) -> set[str]:
    """Ids that a before-reading question asks students to work out for themselves."""
    return {entry_id for question in library.questions if question.phase == "before" for entry_id in question.guess_terms}


def preview_entries(library: Library, reading: Reading, mentions: dict[str, list[Mention]]) -> list[str]:
    """Ids of the glossary terms the reading mentions, in order of first mention, without the guessed ones.

    People and groups are left out: they are names to meet, not vocabulary, and the page stays light.
    """
    first: dict[str, tuple[int, int]] = {}
    for entry_id, found in mentions.items():
        if entry_id not in library.terms:
            continue
        places = [(mention.paragraph, mention.offset + mention.spans[0][0]) for mention in found if mention.reading_id == reading.id and mention.spans]
        if places:
            first[entry_id] = min(places)
    guessed = guessed_entries(library)
    return [entry_id for entry_id in sorted(first, key=lambda entry_id: (first[entry_id], entry_id)) if entry_id not in guessed]


def short_definition(text: str) -> str:
    """The first sentence, cut at its first semicolon, colon or bracket when what comes before says enough (4+ words).

    Never at a comma: what follows one often carries the meaning ("The group of nations, led by one of
    them, that ..."), and a cut there leaves students a definition that says nothing.
    """
    start, end = split_sentences(text)[0]
    sentence = text[start:end].strip()
    cut = re.search(r"[;:(]", sentence)
    if cut and len(sentence[: cut.start()].split()) >= 4:
        return sentence[: cut.start()].rstrip() + "."
    return sentence


def vocabulary_preview(library: Library, layout: Layout, reading: Reading, mentions: dict[str, list[Mention]]) -> list[tuple[Entry, Markup, str]]:
    """The words to know, in the order the text uses them: (entry, link from the reading, short definition)."""
    rows: list[tuple[Entry, Markup, str]] = []
    for entry_id in preview_entries(library, reading, mentions):
        entry = library.entry(entry_id)
        rows.append((entry, Markup(link(reading.src_uri, layout.entry_uri(entry))), short_definition(entry.short)))
    return rows
