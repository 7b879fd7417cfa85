"""A small checker for internal links in a built site: every target file exists, every `#fragment` has its id.

It reads the HTML on disk, so it needs no server and no browser. External links (other hosts,
`mailto:` and the like) are not followed: a classroom build must not depend on the network.
"""

from __future__ import annotations

import posixpath
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

__all__ = ["BrokenLink", "check_links"]

_LINK_ATTRIBUTES = {"a": "href", "area": "href", "link": "href", "img": "src", "script": "src", "iframe": "src", "source": "src"}
"""Elements whose URL must resolve: links, and the resources a page loads."""

_SKIPPED_REL = {"canonical", "alternate", "preconnect", "dns-prefetch"}
"""`<link>` relations that name a URL without loading it (the canonical URL is the deployed one)."""


@dataclass(frozen=True)
class BrokenLink:
    """A link in `page` (path relative to the site root) whose target or fragment does not exist."""

    page: str
    href: str
    problem: str

    def __str__(self) -> str:
        return f"{self.page}: link '{self.href}' {self.problem}"


def check_links(root: Path, *, base_path: str = "/", added_later: Collection[str] = ()) -> list[BrokenLink]:
    """Check every internal link and fragment in every HTML page under `root`.

    Args:
        root: the built site folder.
        base_path: the URL path the site is served under (from `site_url`), for root-relative links.
        added_later: site-relative paths of files a later step adds to the folder (like a download).

    Returns:
        The broken links, in page order; empty when all resolve.
    """
    root = root.resolve()
    base_path = "/" + base_path.strip("/") + "/" if base_path.strip("/") else "/"
    ids = _IdIndex(root)
    broken: list[BrokenLink] = []
    for file in sorted(root.rglob("*.html")):
        page = file.relative_to(root).as_posix()
        page_url = base_path + page
        for href in _urls(ids.soup(file)):
            problem = _problem(root, base_path, page_url, href, ids, frozenset(added_later))
            if problem:
                broken.append(BrokenLink(page, href, problem))
    return broken


def _urls(soup: BeautifulSoup) -> list[str]:
    urls = []
    for tag, attribute in _LINK_ATTRIBUTES.items():
        for element in soup.find_all(tag):
            value = element.get(attribute)
            if not isinstance(value, str) or (tag == "link" and _SKIPPED_REL.intersection(element.get("rel") or [])):
                continue
            urls.append(value.strip())
    return urls


def _problem(root: Path, base_path: str, page_url: str, href: str, ids: _IdIndex, added_later: frozenset[str]) -> str | None:
    """What is wrong with `href` on the page at `page_url`, or None when it resolves."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None  # another site, or mailto:, tel:, data:; not ours to check
    target = urlsplit(urljoin(page_url, href))
    path = posixpath.normpath(unquote(target.path) or "/")
    if target.path.endswith("/") and not path.endswith("/"):
        path += "/"
    if not (path + "/").startswith(base_path):
        return f"points outside the site ('{path}' is not under '{base_path}')"
    if path[len(base_path) :] in added_later:
        return None
    file = root / path[len(base_path) :]
    if path.endswith("/") or file.is_dir():
        file = file / "index.html"
    if not file.is_file():
        return f"points to a missing file '{file.relative_to(root).as_posix()}'"
    fragment = unquote(target.fragment)
    if not fragment or fragment.lower() == "top" or file.suffix != ".html":
        return None
    if fragment not in ids.of(file):
        return f"points to a missing anchor '#{fragment}' in '{file.relative_to(root).as_posix()}'"
    return None


class _IdIndex:
    """Parsed pages and their ids (and legacy `<a name>`), each file read once."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.soup = cache(self._parse)
        self.of = cache(self._ids)

    @staticmethod
    def _parse(file: Path) -> BeautifulSoup:
        return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")

    def _ids(self, file: Path) -> frozenset[str]:
        soup = self.soup(file)
        found = {str(element["id"]) for element in soup.find_all(id=True)}
        found |= {str(element["name"]) for element in soup.find_all("a", attrs={"name": True})}
        return frozenset(found)
