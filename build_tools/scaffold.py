"""Write a new, commented content file with every field ready to fill in: `python -m build_tools new term ID`.

Terms, actors and events are YAML files in the content folder; a reading is a Markdown file in
the readings folder, its front matter ready to fill in and its text to paste below.

The blanks are deliberate: until a teacher fills them in, the build reports each one as
"'title' is empty", so an unfinished entry can never be published by accident.
"""

from __future__ import annotations

import re

from .load import ContentPaths
from .model import ID_PATTERN
from .reading_kinds import READING_KINDS
from .text import slugify

__all__ = ["KINDS", "write_new_entry"]

KINDS = {"term": "terms", "actor": "actors", "event": "events", "reading": "readings"}
"""Kind of entry → its folder (inside the content folder; for readings, inside the docs folder)."""

_DATE_PREFIX = re.compile(r"^(\d{4}(?:-\d{2}(?:-\d{2})?)?)-")

_SOURCES = """\
# Required: at least one source. Add more by repeating the five lines, each block starting with '- '.
sources:
  - publisher:        # who published it, like Reuters (a name from glossary/publishers.yml)
    via:              # only for a repost: the site that hosts the text; otherwise leave it blank
    title:            # the title of the article or page, as published
    date:             # YYYY-MM-DD, or YYYY-MM or YYYY when only that is known
    url:              # the full web address, starting with https://
"""

_DISAGREEMENTS = """\
# Optional: where the reading and other sources differ. Each one needs 'summary', the
# reading's 'paragraphs' and 'sources' (see the teacher guide). Leave [] when there are none.
disagreements: []
"""

_SCOPE = """\
# Optional: the readings this belongs to, like [reading-id] (file names in docs/readings, without .md).
# Leave [] when it belongs to every reading; a scoped entry links only in its readings.
readings: []
"""

_MATCHING = """\
# Optional: remove the '#' to change how names are matched in texts.
# case_sensitive: true   # by default ALL-CAPS names (like NATO) match only in capitals, others in any case
"""

_TERM = """\
# The name shown as the page title.
title:
# Optional: other words in a text that should link here, like [short name, other spelling].
aliases: []
# One or two plain sentences a 15-year-old understands; no Markdown. Write them on the
# lines below 'short: >-', indented by two spaces.
short: >-

# A few short paragraphs of Markdown, in your own words, indented by two spaces.
explanation: |

# Optional: ids of other terms or actors (their file names without .yml), like [other-term, some-actor].
related: []
{matching}# plurals: false         # by default simple plurals link too ("rockets" for "rocket")
{scope}{disagreements}{sources}"""

_ACTOR = """\
# The name shown as the page title.
name:
# One of: person, state, government, military, armed-group, organisation, movement.
kind:
# Optional: other names in a text that should link here, like [other spelling, full name].
aliases: []
# Optional: the name in its own script, and its language code (ar, fa); fill in both or neither.
native_name:
native_language:
# One or two plain sentences a 15-year-old understands; no Markdown. Write them on the
# lines below 'short: >-', indented by two spaces.
short: >-

# Their role at the time of the reading, in one or two sentences.
role: >-

# What they want: a few short phrases, one per line starting with '- '.
interests:
  -
# Optional: a longer profile in Markdown. Replace the empty value with '|' and write below it.
explanation:
# Optional: links to other actors, stated in one of the two files only, like
#   - actor: other-actor
#     description: One sentence about how the two are connected.
relationships: []
# Optional: ids of terms or actors, like [some-term, other-actor].
related: []
{matching}# plurals: true          # by default plurals of actor names do not link
{scope}{disagreements}{sources}"""

_EVENT = """\
# When it happened: YYYY-MM-DD, or YYYY-MM or YYYY, only as precise as the sources.
date:{date}
# Optional: when it ended, for events that last.
end_date:
# What happened, in a few words.
title:
# One to three sentences of Markdown, indented by two spaces below 'description: |'.
description: |

# Optional: ids of the actors taking part, like [some-actor, other-actor].
actors: []
# Optional: ids of the terms the event explains, like [some-term].
terms: []
# Optional: the reading paragraphs this event explains, like
#   reading-id: [10]
paragraphs: {{}}
{scope}{disagreements}{sources}"""

_READING = """\
---
# A new reading. Its id is the file name: '{id}'. Fill in the fields, paste the text below the
# second '---' (one blank line between paragraphs), and add the reading to 'nav:' in mkdocs.yml.
# The build lists every field still empty.
title:
author:
# Who the author is, in a few words, like 'a reporter for the paper'.
author_role:
# When it was published, written or given: YYYY-MM-DD, or YYYY-MM or YYYY.
date:
# Optional: how the date is known, when the original shows none.
date_note:
# The full web address of the original, starting with https://
url:
# One of: {kinds}.
kind:
# Who published it, like a newspaper; needed for {publisher_kinds}.
publisher:
# Only a speech: where it was given, and the occasion, in a few words.
place:
occasion:
# Only a letter: who it was written to.
recipient:
# Optional: a line printed after the text, like the author's note at the end of an article.
byline:
# Optional: the credit line under the text, like 'Public domain.'; by default it credits the author and the publisher.
credit:
---

"""

_TEMPLATES = {"term": _TERM, "actor": _ACTOR, "event": _EVENT, "reading": _READING}


def write_new_entry(paths: ContentPaths, kind: str, entry_id: str) -> str:
    """Write `<content>/<kind>s/<entry_id>.yml` with every field blank and explained.

    Args:
        paths: where the project keeps its content.
        kind: `term`, `actor` or `event`.
        entry_id: the new id, which is also the file name (for events, `YYYY-MM-DD-<slug>` by convention).

    Returns:
        The path written, as shown in messages.

    Raises:
        ValueError: the kind or the id is not valid.
        FileExistsError: a term, actor or event already uses the id.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown kind '{kind}'. Use one of: {', '.join(KINDS)}.")
    if not re.match(ID_PATTERN, entry_id):
        suggestion = slugify(entry_id)
        like = f"'{suggestion}'" if suggestion else "'new-term'"
        raise ValueError(f"'{entry_id}' is not a valid id. Ids use lowercase letters, digits and hyphens, like {like}.")
    candidates = [paths.content / folder / f"{entry_id}{suffix}" for folder in ("terms", "actors", "events") for suffix in (".yml", ".yaml")]
    for existing in [*candidates, paths.readings / f"{entry_id}.md"]:
        if existing.exists() and (kind == "reading") == (existing.suffix == ".md"):
            raise FileExistsError(f"the id '{entry_id}' is already used by {paths.display(existing)}. Choose another id, or edit that file.")
    target = paths.readings / f"{entry_id}.md" if kind == "reading" else paths.content / KINDS[kind] / f"{entry_id}.yml"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(_render(kind, entry_id), encoding="utf-8")
    return paths.display(target)


def _render(kind: str, entry_id: str) -> str:
    if kind == "reading":
        publisher_kinds = [name for name, kind in READING_KINDS.items() if "publisher" in kind.needs]
        return _READING.format(id=entry_id, kinds=", ".join(READING_KINDS), publisher_kinds=", ".join(publisher_kinds))
    header = (
        f"# yaml-language-server: $schema=../../schemas/{kind}.schema.json\n"
        f"# A new {kind}. Its id is the file name: '{entry_id}'.\n"
        "# Fill in every field that is not marked optional; the build lists the ones still empty.\n"
        "# The teacher guide (docs/teachers/guide.md) has an example of each field.\n\n"
    )
    date = _DATE_PREFIX.match(entry_id)
    body = _TEMPLATES[kind].format(
        matching=_MATCHING,
        scope=_SCOPE,
        disagreements=_DISAGREEMENTS,
        sources=_SOURCES,
        date=f" {date.group(1)}" if date else "",
    )
    return header + body

