"""The offline copy: the site as a zip that works opened from a folder or a USB stick (`file://`).

An adapter like the MkDocs plugin, not part of the core. It builds the project's offline variant
(`OFFLINE=true`, which mkdocs.yml hands to Material's `offline` plugin: page links that end in
`.html`, the search index inlined as a script) into a temporary folder, so `site/` is never touched.
Two things would still reach the internet, and neither does:

- Material's offline plugin loads the `iframe-worker` shim (search runs in a worker, which
  `file://` pages cannot start) from a CDN; the terms plugin ships the same file, vendored, instead.
- Material asks the forge's API for stars and forks when `repo_url` is set; the copy is built
  without a repository link.

After the build every page and stylesheet is checked: a resource loaded from another host fails
the build instead of reaching a student's computer.
"""

from __future__ import annotations

import logging
import re
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.exceptions import ConfigurationError

from .variants import load_variant

__all__ = ["OfflineCopy", "OfflineError", "build_offline_zip", "remote_resources", "write_offline_copy"]

README = "Open index.html in a web browser. Everything, search included, works without the internet.\n"

_REMOTE = re.compile(r"^(https?:)?//", re.IGNORECASE)
_CSS_URL = re.compile(r"""url\(\s*['"]?((?:https?:)?//[^'")\s]+)""", re.IGNORECASE)
_LOADING_LINKS = {"stylesheet", "preload", "modulepreload", "prefetch", "preconnect", "dns-prefetch", "icon", "manifest"}
_SOURCE_ATTRIBUTES = {"script": "src", "img": "src", "iframe": "src", "audio": "src", "video": "src", "source": "src", "embed": "src", "object": "data"}


class OfflineError(ValueError):
    """The offline copy would load something from another host."""


@dataclass(frozen=True)
class OfflineCopy:
    """What was written: the zip, its size and how many pages it holds."""

    path: Path
    size: int
    """Bytes."""
    pages: int


def write_offline_copy(root: Path, target: Path, config_file: str = "mkdocs.yml", *, teacher: bool = False) -> int:
    """The `offline` command: build the zip and say what was written; 1 when the build fails, never a traceback."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)-7s -  %(message)s")
    target = target if target.is_absolute() else root / target
    try:
        copy = build_offline_zip(root, target, config_file, teacher=teacher)
    except (ConfigurationError, SystemExit) as error:  # MkDocs' Abort is a SystemExit
        print(f"Offline build failed ({error}); '{target.name}' was left as it was.", file=sys.stderr)
        return 1
    except OfflineError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"Wrote '{target.name}': {copy.size / 1_000_000:.1f} MB, {copy.pages} pages. Unzip it and open index.html in a browser.")
    return 0


def build_offline_zip(root: Path, target: Path, config_file: str = "mkdocs.yml", *, teacher: bool = False) -> OfflineCopy:
    """Build the site for `file://` in a temporary folder and write it to the zip `target`.

    The zip holds one folder, named like the zip, with `index.html` at its top.

    Raises:
        OfflineError: when a page or stylesheet still loads a resource from another host.
        mkdocs.exceptions.Abort: when the build fails (strict mode, as for the normal site).
    """
    with tempfile.TemporaryDirectory(prefix="site-offline-") as temp:
        site = Path(temp) / "site"
        # An empty repo_url (MkDocs' own override, like `mkdocs build -d`) leaves out the repository link.
        config = load_variant(root / config_file, teacher=teacher, offline=True, site_dir=str(site), strict=True, repo_url="")
        build(config)
        (site / "README.txt").write_text(README, encoding="utf-8")
        problems = remote_resources(site)
        if problems:
            raise OfflineError("the offline copy would load from other hosts; remove these or ship them:\n" + "\n".join(problems))
        pages = sum(1 for _ in site.rglob("*.html"))
        _write_zip(site, target, folder=target.stem)
    return OfflineCopy(target, target.stat().st_size, pages)


def remote_resources(site: Path) -> list[str]:
    """Every resource a page or stylesheet loads from another host, as `file: url`."""
    found = []
    for path in sorted(site.rglob("*")):
        name = path.relative_to(site).as_posix()
        if path.suffix == ".html":
            finder = _ResourceFinder()
            finder.feed(path.read_text(encoding="utf-8"))
            found += [f"{name}: {url}" for url in finder.urls]
        elif path.suffix == ".css":
            found += [f"{name}: {url}" for url in _CSS_URL.findall(path.read_text(encoding="utf-8"))]
    return found


class _ResourceFinder(HTMLParser):
    """Collects URLs that a browser fetches on its own (not links a reader may follow)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "link":
            rels = set((values.get("rel") or "").lower().split())
            url = values.get("href") or ""
            if rels & _LOADING_LINKS and _REMOTE.match(url):
                self.urls.append(url)
        elif tag in _SOURCE_ATTRIBUTES:
            url = values.get(_SOURCE_ATTRIBUTES[tag]) or ""
            if _REMOTE.match(url):
                self.urls.append(url)
        self.urls += _CSS_URL.findall(values.get("style") or "")
        for candidate in (values.get("srcset") or "").split(","):
            url = candidate.strip().split(" ")[0]
            if _REMOTE.match(url):
                self.urls.append(url)


def _write_zip(site: Path, target: Path, *, folder: str) -> None:
    """Write the zip next to `target` first and move it into place, so a failed run leaves no half zip."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(site.rglob("*")):
            # Source maps only help developers; they are half of Material's assets.
            if path.is_file() and path.suffix != ".map":
                # A fixed timestamp makes the zip the same for the same site.
                info = zipfile.ZipInfo(f"{folder}/{path.relative_to(site).as_posix()}", date_time=(2020, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                archive.writestr(info, path.read_bytes(), compresslevel=9)
    partial.replace(target)
