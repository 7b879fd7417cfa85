"""Which pages a live-preview rebuild renders again: fingerprints of what each page is made of, compared with the last build.

A page's HTML depends on three things:

- its own Markdown as the engine gets it (generated, or hand-written with the build's parts filled in);
- the preview of each entry it links (label and short definition, written into the page);
- what every page shares: the settings, the link targets and the words that link to them, the files
  and their addresses, the templates and theme, and the nav (titles, addresses, order).

A rebuild compares each with the last build: a changed page, or a page that linked a changed entry,
is rendered again; a change to what pages share renders every page. Nothing here knows an engine:
the adapter hands in text and ids and keeps the rendered pages itself.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from .linker import LinkTarget

__all__ = ["BuildInputs", "Rebuilds", "fingerprint", "folder_fingerprint", "link_fingerprints"]


def fingerprint(*parts: object) -> str:
    """A short digest of `parts` (strings, numbers, None and tuples of them): equal parts, equal digests.

    Callers pass tuples in a fixed order (sorted where the order means nothing), never sets or dicts,
    so the same inputs always give the same digest.
    """
    return hashlib.blake2b(repr(parts).encode("utf-8"), digest_size=16).hexdigest()


def folder_fingerprint(folder: Path) -> str:
    """A digest of the files under `folder` (path, size, modification time), for folders whose every change
    touches every page (templates, theme overrides); reading stamps, not contents, keeps it cheap.
    A missing folder has a digest of its own."""
    if not folder.is_dir():
        return fingerprint("missing", str(folder))
    stamps = []
    for parent, _, names in os.walk(folder):
        for name in names:
            path = Path(parent, name)
            stat = path.stat()
            stamps.append((path.relative_to(folder).as_posix(), stat.st_size, stat.st_mtime_ns))
    return fingerprint(str(folder), tuple(sorted(stamps)))


def link_fingerprints(targets: Iterable[LinkTarget], scopes: Mapping[str, tuple[str, ...]]) -> tuple[str, dict[str, str]]:
    """What linking shares across pages, and, per entry id, what a link to that entry shows on the page.

    The first covers what decides which words link where: every target's id, names, page, case
    rule, plural rule and readings, in the linker's order, and the readings each page is about. A
    change there can add, move or drop links on any page. The second covers an entry's label and
    short definition, which only the pages that link the entry show (in their list of definitions).
    """
    targets = tuple(targets)
    shared = fingerprint(
        tuple((target.id, target.names, target.src_uri, target.case_sensitive, target.plurals, target.readings) for target in targets),
        tuple(sorted(scopes.items())),
    )
    return shared, {target.id: fingerprint(target.label, target.short) for target in targets}


@dataclass(frozen=True)
class BuildInputs:
    """Fingerprints of what one build renders from."""

    shared: str
    """Everything every page depends on; see `link_fingerprints` for the linking part."""
    pages: Mapping[str, str]
    """Page (path in the docs folder) → fingerprint of its own Markdown as the engine gets it."""
    previews: Mapping[str, str]
    """Entry id → fingerprint of what a link to it shows."""


class Rebuilds:
    """The memory of the last build that lets the next one render only what changed.

    For each build: `plan` before rendering, `nav_changed` once the nav has every title, then
    `finish` with the entries each rendered page linked, or `forget` when the build failed (the
    next one then renders everything, since what is on disk is unknown).
    """

    def __init__(self) -> None:
        self._last: BuildInputs | None = None
        self._links: dict[str, frozenset[str]] = {}
        """Page → the entries it linked when it was last rendered."""
        self._nav = ""
        self._now: BuildInputs | None = None
        self._render: frozenset[str] | None = None
        self._nav_now = ""

    def plan(self, now: BuildInputs) -> frozenset[str] | None:
        """The pages whose output can differ from the last build's, or None for every page.

        A page is rendered again when it is new, its own input changed, or an entry it linked last
        time shows something else now; every page is, when nothing was built before or what pages
        share changed.
        """
        self._now = now
        last = self._last
        if last is None or last.shared != now.shared:
            self._render = None
            return None
        changed = {entry for entry, digest in now.previews.items() if last.previews.get(entry) != digest}
        self._render = frozenset(
            uri for uri, digest in now.pages.items() if last.pages.get(uri) != digest or uri not in self._links or not changed.isdisjoint(self._links[uri])
        )
        return self._render

    def nav_changed(self, nav: str) -> bool:
        """Whether the nav's fingerprint (titles, addresses, order; known only after rendering) differs from the last build's.

        Every page shows the nav, so when it changed every page is written again, from the same content.
        """
        self._nav_now = nav
        return self._last is None or nav != self._nav

    def finish(self, links: Mapping[str, Iterable[str]]) -> None:
        """Remember the build that just ended well.

        Args:
            links: rendered page → the entries it linked. Pages not rendered keep what they linked before.
        """
        if self._now is None:
            return
        rendered = set(self._now.pages) if self._render is None else self._render
        self._links = {
            uri: frozenset(links.get(uri, ())) if uri in rendered else self._links[uri] for uri in self._now.pages if uri in rendered or uri in self._links
        }
        self._last, self._nav, self._now, self._render = self._now, self._nav_now, None, None

    def forget(self) -> None:
        """Drop the memory after a failed build: the next build renders every page."""
        self._last, self._links, self._nav, self._now, self._render = None, {}, "", None, None
