"""Helpers for the browser checks: a system Chromium driven by Playwright, and a built site served over HTTP.

Playwright's own browser download does not work on our machines, so every launch uses a browser
that is already installed: `$CHROMIUM_PATH`, else `$CHROME_BIN` (GitHub's runners set it to their
Chrome), else Debian's `/usr/bin/chromium` (`make browser` installs it on Debian). The site is
served by `http.server` on 127.0.0.1 and a free port, in a thread, so pages load the way they do on
GitHub Pages: over HTTP, from one origin.
"""

from __future__ import annotations

import functools
import gzip
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Playwright, Response

__all__ = ["BROWSER_VARIABLES", "CHROMIUM", "CHROMIUM_ARGS", "PAGE_BUDGET", "WEIGHED", "Transfer", "chromium_path", "launch_chromium", "page_paths", "serve", "weigh_page"]

CHROMIUM = "/usr/bin/chromium"
"""Debian's Chromium, the default; `make browser` installs it on Debian."""

BROWSER_VARIABLES = ("CHROMIUM_PATH", "CHROME_BIN")
"""Environment variables naming the browser's executable, the first one set wins."""

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
"""Flags for a quiet, offline, headless Chromium: no update checks, no first-run requests."""


def chromium_path() -> str:
    """The browser to test with: the first of `BROWSER_VARIABLES` that is set, else `CHROMIUM`.

    The path may not exist; `launch_chromium` says what to do then.
    """
    for variable in BROWSER_VARIABLES:
        if os.environ.get(variable):
            return os.environ[variable]
    return CHROMIUM


def _origin(executable: str) -> str:
    """Where `chromium_path()` found `executable`, for error messages."""
    variable = next((name for name in BROWSER_VARIABLES if os.environ.get(name) == executable), None)
    return f"${variable}" if variable else "the default"


def launch_chromium(playwright: Playwright, **options: Any) -> Browser:
    """Launch the system Chromium (or Chrome) headless.

    Raises:
        FileNotFoundError: when there is no browser at `chromium_path()`.
    """
    executable = chromium_path()
    if not Path(executable).is_file():
        raise FileNotFoundError(
            f"No browser at '{executable}' ({_origin(executable)}). Install Chromium ('make browser' does on Debian) "
            f"or set CHROMIUM_PATH to a Chromium or Chrome executable."
        )
    return playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, **options)


class _Handler(SimpleHTTPRequestHandler):
    """Serves files like GitHub Pages: text gzip-compressed when the browser accepts it, a short cache, no log lines."""

    COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        if not (path.is_file() and path.suffix in self.COMPRESSED and "gzip" in self.headers.get("Accept-Encoding", "")):
            super().do_GET()
            return
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        self.wfile.write(body)

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve(root: Path) -> Iterator[str]:
    """Serve the folder `root` on 127.0.0.1 and a free port; yield its base URL, ending in '/'.

    Text is sent gzip-compressed, as static hosts do, so transfer sizes and timings are realistic.
    """
    handler = functools.partial(_Handler, directory=str(root))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name=f"serve {root.name}", daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        yield f"http://{host!s}:{port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def page_paths(root: Path) -> list[str]:
    """URL paths of every HTML page under `root`, like '' for the home page and 'glossary/'.

    Pages other than `index.html` (the 404 page) keep their file name.
    """
    paths = []
    for file in sorted(root.rglob("*.html")):
        relative = file.relative_to(root).as_posix()
        paths.append(relative.removesuffix("index.html"))
    return paths


PAGE_BUDGET = 80_000
"""Bytes of gzip-compressed HTML + CSS + JS the reading page may load (80 KB)."""

WEIGHED = {"document": "HTML", "stylesheet": "CSS", "script": "JS"}
"""Playwright resource types that count towards a page's weight, and their labels."""


@dataclass(frozen=True)
class Transfer:
    """One response a page loaded, with its body's size as sent and gzip-compressed (level 6)."""

    kind: str
    """'HTML', 'CSS', 'JS', or Playwright's resource type for anything else ('xhr', 'image')."""
    path: str
    raw: int
    gzipped: int

    @property
    def counted(self) -> bool:
        """Whether it counts towards the page weight (HTML, CSS and JavaScript)."""
        return self.kind in WEIGHED.values()


def weigh_page(browser: Browser, base_url: str, path: str) -> list[Transfer]:
    """Load the page at `path` on a phone-sized screen until the network is idle; every response, in order.

    Static hosts send HTML, CSS and JavaScript gzip-compressed, so each body is compressed here
    with gzip level 6 to count what a phone downloads.
    """
    responses: list[Response] = []
    context = browser.new_context(viewport={"width": 375, "height": 812}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.on("response", lambda response: responses.append(response))
    page.goto(base_url + path, wait_until="networkidle")
    transfers = []
    for response in responses:
        body = response.body() if response.ok else b""
        kind = WEIGHED.get(response.request.resource_type, response.request.resource_type)
        transfers.append(Transfer(kind, "/" + response.url.removeprefix(base_url), len(body), len(gzip.compress(body, compresslevel=6))))
    context.close()
    return transfers
