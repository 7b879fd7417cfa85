"""One render-blocking stylesheet per page instead of three: the theme's and the site's own, joined.

Every page links the theme's main and palette stylesheets and the site's `extra_css`. Each link is a
request the browser must finish before it paints anything, and on a slow phone network each new
connection costs round trips before its first byte. Joined into one file (in the same order, so the
cascade is unchanged) they arrive over one connection: on the simulated slow 4G of Lighthouse's mobile
run, first paint came about 150 ms sooner on every page. The parts are joined after the build has
trimmed and compacted them (see `compact`), so the bundle is exactly as heavy as the three were.

The originals stay in the site: a page whose links differ from the others' (the theme's 404 page, which
links them by absolute path) keeps its own links.

A page's own stylesheet (front matter `extra_css`: the timeline's, the diagram's, the map's) is about
a kilobyte after gzip: it goes into the page itself (`inline_stylesheets`), after the theme's sheets as
its link was, so it still wins. A second render-blocking request cost the timeline and the people page
another round trip (about 150 ms of first paint in the same simulation) for fewer bytes than its headers.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from .compact import compact_css

__all__ = ["BUNDLE_URI", "StylesheetBundle", "inline_stylesheets"]

BUNDLE_URI = "assets/stylesheets/site.bundle.css"
"""Where the joined stylesheet lands, relative to the site folder."""

_LINK = re.compile(r'<link rel="stylesheet" href="([^"]+)">\s*')
_SOURCE_MAP = re.compile(r"/\*# sourceMappingURL=[^*]*\*/")
_CHARSET = re.compile(r'\A@charset "[^"]*";')


class StylesheetBundle:
    """The stylesheets every page links, relinked as one file; one instance per build.

    The first page decides which links are shared: the consecutive local stylesheet links in its head.
    Pages that link exactly those get one link to the bundle instead; `write` then joins the files.
    """

    def __init__(self) -> None:
        self.sources: tuple[str, ...] = ()
        """Site paths of the joined stylesheets, in link order; empty until a page has been seen."""
        self._own: dict[Path, str] = {}
        """Pages' own stylesheets, compacted, by path: every actor profile shares the diagram's, say."""

    def own_sheet(self, path: Path) -> str:
        """A page's own stylesheet, compacted for `inline_stylesheets`; read once per build, however many pages use it."""
        text = self._own.get(path)
        if text is None:
            text = self._own[path] = compact_css(path.read_text(encoding="utf-8"))
        return text

    def relink(self, html: str, page_url: str) -> str:
        """The page with its shared stylesheet links replaced by one link to the bundle.

        Args:
            html: the rendered page.
            page_url: the page's URL relative to the site root, like 'timeline/' or 'timeline.html'.
        """
        head_end = html.find("</head>")
        run = _first_run(html[: max(head_end, 0)])
        if run is None:
            return html
        start, end, hrefs = run
        folder = page_url if page_url.endswith("/") else posixpath.dirname(page_url)
        paths = tuple(posixpath.normpath(posixpath.join(folder, href)) for href in hrefs)
        if not self.sources:
            self.sources = paths
        if paths != self.sources:
            return html
        bundle = posixpath.relpath(BUNDLE_URI, folder or ".")
        return f'{html[:start]}<link rel="stylesheet" href="{bundle}">\n{html[end:]}'

    def write(self, site_dir: Path) -> Path | None:
        """Join the shared stylesheets of the built site into the bundle; its path, or None when no page was relinked.

        Raises:
            FileNotFoundError: a linked stylesheet is missing from the site (a page would then be unstyled).
        """
        if not self.sources:
            return None
        parts: list[str] = []
        for source in self.sources:
            path = site_dir / source
            if not path.is_file():
                raise FileNotFoundError(f"'{source}' is linked by every page but is not in the built site, so it cannot go into '{BUNDLE_URI}'.")
            # Each part's source map describes the part alone, not the bundle; `@charset` is only valid first.
            text = _SOURCE_MAP.sub("", path.read_text(encoding="utf-8")).strip()
            parts.append(_CHARSET.sub("", text) if parts else text)
        bundle = site_dir / BUNDLE_URI
        bundle.parent.mkdir(parents=True, exist_ok=True)
        bundle.write_text("\n".join(parts) + "\n", encoding="utf-8")
        return bundle


def _first_run(head: str) -> tuple[int, int, list[str]] | None:
    """Start, end and hrefs of the first run of two or more adjacent local stylesheet links in `head`."""
    hrefs: list[str] = []
    start = end = -1
    for match in _LINK.finditer(head):
        href = match.group(1)
        local = not href.startswith("/") and ":" not in href.split("/", 1)[0]
        if local and hrefs and match.start() == end:
            hrefs.append(href)
            end = match.end()
        elif len(hrefs) >= 2:
            break
        elif local:
            hrefs, start, end = [href], match.start(), match.end()
        else:
            hrefs = []
    return (start, end, hrefs) if len(hrefs) >= 2 else None


def inline_stylesheets(html: str, sheets: list[str]) -> str:
    """The page with the given stylesheet texts in one `<style>` element at the end of its head.

    The texts are the site's own files, so trusted; one that could close the element early is refused.

    Raises:
        ValueError: a text contains `</style`.
    """
    if not sheets:
        return html
    if any("</style" in sheet.lower() for sheet in sheets):
        raise ValueError("a stylesheet contains '</style', which would end the page's <style> element early; remove it from the stylesheet.")
    return html.replace("</head>", "<style>" + "\n".join(sheets) + "</style></head>", 1)
