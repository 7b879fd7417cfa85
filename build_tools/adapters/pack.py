"""The teacher pack: one PDF with the lesson plan, the answer keys and the worksheets, printed by Chromium.

Run after the build (`python -m build_tools pack site`): it serves the built site on 127.0.0.1, prints
each page as the browser's *Print* command would (print media, A4) and joins the PDFs into
`teacher/downloads/teacher-pack.pdf`, which the lesson plan links to. It needs Playwright, pypdf and
Chromium (the test extras and `make browser`), so the core build never depends on it.
"""

from __future__ import annotations

import functools
import io
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

__all__ = ["PACK_PAGES", "PACK_PATH", "write_teacher_pack"]

PACK_PATH = "teacher/downloads/teacher-pack.pdf"
"""Where the pack goes, relative to the built site."""
PACK_PAGES = (
    "teacher/teachers/lesson-plan/",
    "teacher/questions/",
    "teacher/self-check/",
    "worksheets/before/",
    "worksheets/during/",
    "worksheets/after/",
)
"""In order: the plan, the discussion questions with teacher notes, the self-check with its key, the student worksheets.

A unit without a lesson plan (no `glossary/lesson.yml`) or without questions of some phase has no such
page; the pack holds the pages the unit has. The teacher edition's questions page is always there."""
REQUIRED_PAGE = "teacher/questions/"
"""Present in every teacher edition: without it, the site was built without one."""


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def _serve(folder: Path) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def write_teacher_pack(site_dir: Path) -> tuple[Path, int]:
    """Print the pack's pages from `site_dir` into one PDF; returns its path and page count.

    Raises:
        FileNotFoundError: when a page of the pack or Chromium is missing.
    """
    from playwright.sync_api import sync_playwright
    from pypdf import PdfReader, PdfWriter

    if not (site_dir / REQUIRED_PAGE / "index.html").is_file():
        raise FileNotFoundError(f"'{site_dir}' has no {REQUIRED_PAGE}. Build the site (with its teacher edition) first.")
    pages = [page for page in PACK_PAGES if (site_dir / page / "index.html").is_file()]
    chromium = os.environ.get("CHROME_BIN") or shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        raise FileNotFoundError("Chromium is not installed. Run 'make browser' to install it.")
    writer = PdfWriter()
    with _serve(site_dir) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--headless", "--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_context().new_page()
            for path in pages:
                page.goto(url + path)
                page.emulate_media(media="print")
                writer.append(PdfReader(io.BytesIO(page.pdf(format="A4", print_background=False))))
        finally:
            browser.close()
    target = site_dir / PACK_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("wb") as file:
        writer.write(file)
    return target, len(writer.pages)
