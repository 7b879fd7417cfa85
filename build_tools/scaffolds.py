"""Scaffolds that leave the text whole: gists beside paragraphs, a vocabulary preview, reading time.

The reading's own words are never changed: gists are separate blocks after each paragraph, hidden
until a student turns on "Show gists" (a checkbox and CSS, no script), and the preview sits above
the text. The preview lists the glossary terms the reading mentions, in order of first mention, minus the
words a before-reading question asks students to guess.
"""

from __future__ import annotations

import math
import re

from .layout import Layout
from .mentions import Mention
from .model import Library, Reading
from .render import escape, link
from .text import split_sentences

__all__ = ["WORDS_PER_MINUTE", "gist_block", "gist_toggle", "guessed_entries", "preview_entries", "reading_minutes", "vocabulary_preview", "with_reading_times"]

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


def with_reading_times(markdown: str, library: Library, page_uri: str, first_page: str | None = None) -> str:
    """The home page with each reading's time to read under its first heading (and, given, a pointer to `first_page`)."""
    if not library.readings:
        return markdown
    lines = []
    for reading in library.readings.values():
        target = link(page_uri, reading.src_uri)
        lines.append(f"[{escape(reading.meta.title)}]({target}): {reading_time_line(reading).removeprefix('Reading time: ')}")
    block = "\n".join(f"- {line}" for line in lines) if len(lines) > 1 else lines[0]
    block = f'<div class="reading-time no-term-links" markdown>\n\n**Reading time.** {block}\n\n</div>\n'
    if first_page:
        block = f'!!! tip "Teacher edition"\n\n    Start with the [lesson plan]({link(page_uri, first_page)}): objectives, timings, materials and answers.\n\n' + block
    heading = re.search(r"^# .*$", markdown, re.MULTILINE)
    if heading is None:
        return block + "\n" + markdown
    return f"{markdown[: heading.end()]}\n\n{block}{markdown[heading.end() :]}"


def gist_toggle(reading: Reading, library: Library) -> list[str]:
    """The "Show gists" switch: a checkbox whose later siblings (the gists) CSS shows when it is ticked."""
    if not any(library.classroom.gist(reading.id, paragraph.number) for paragraph in reading.paragraphs):
        return []
    # Gists carry `hidden`; the site's stylesheet shows them while the box is ticked (pages hold no style).
    return [
        '<p class="gist-switch"><input type="checkbox" id="show-gists" class="gist-toggle"> '
        '<label for="show-gists">Show gists (each paragraph in plain words)</label></p>',
        "",
    ]


def gist_block(library: Library, reading: Reading, number: int) -> list[str]:
    """The gist of one paragraph, hidden until the switch is on; empty when there is none."""
    text = library.classroom.gist(reading.id, number)
    if text is None:
        return []
    # The label "Gist of paragraph N:" comes from CSS (`attr(data-p)`): 25 spans would cost the page budget.
    return [f'<p class="gist no-term-links" data-p="{number}" hidden>{escape(text)}</p>', ""]


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
    """The first sentence, cut at its first comma, semicolon or colon when what comes before says enough (4+ words)."""
    start, end = split_sentences(text)[0]
    sentence = text[start:end].strip()
    cut = re.search(r"[,;:(]", sentence)
    if cut and len(sentence[: cut.start()].split()) >= 4:
        return sentence[: cut.start()].rstrip() + "."
    return sentence


def vocabulary_preview(library: Library, layout: Layout, reading: Reading, mentions: dict[str, list[Mention]]) -> list[str]:
    """A closed box above the reading: the words to know, in the order the text uses them."""
    ids = preview_entries(library, reading, mentions)
    if not ids:
        return []
    lines = ['??? abstract "Words to know before reading, in the order the text uses them"', ""]
    for entry_id in ids:
        entry = library.entry(entry_id)
        lines.append(f"    - **[{escape(entry.label)}]({link(reading.src_uri, layout.entry_uri(entry))})**: {escape(short_definition(entry.short))}")
    return ['<div class="vocabulary-preview no-term-links" markdown>', "", *lines, "", "</div>", ""]
