"""Print handouts: how many A4 pages the reading and the questions take when printed from Chromium.

A measurement, not a test (tests/test_print.py checks what the handouts contain). Builds the site
into a temporary folder (or uses `--site-dir`), serves it on 127.0.0.1 and prints each page to PDF
in the system Chromium (`$CHROMIUM_PATH`, `$CHROME_BIN` or Debian's), print media, A4.

    .venv/bin/python benchmarks/handouts.py [--site-dir site] [--page readings/silliman-2020/]
"""

from __future__ import annotations

import argparse
import io
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browser import launch_chromium, serve  # noqa: E402 - shared with the browser tests

HANDOUTS = {"reading": "readings/silliman-2020/", "questions": "questions/"}
"""Handout name → URL path of the page that prints as it."""


def build(site_dir: Path) -> None:
    """Build the real project strictly into `site_dir`."""
    command = [sys.executable, "-m", "build_tools", "build", "--site-dir", str(site_dir)]
    subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)


def count_pages(site_dir: Path, paths: dict[str, str]) -> dict[str, int]:
    """Print each page of `paths` to an A4 PDF; its number of pages by handout name."""
    from playwright.sync_api import sync_playwright
    from pypdf import PdfReader

    counts = {}
    with serve(site_dir) as base_url, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            page = browser.new_page()
            for name, path in paths.items():
                page.goto(base_url + path)
                page.emulate_media(media="print")
                counts[name] = len(PdfReader(io.BytesIO(page.pdf(format="A4", print_background=False))).pages)
        finally:
            browser.close()
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="A4 page counts of the printed handouts.")
    parser.add_argument("--site-dir", type=Path, help="an already built site; default: build one into a temporary folder")
    parser.add_argument("--page", default=HANDOUTS["reading"], help="URL path of the reading; default: %(default)s")
    args = parser.parse_args(argv)
    paths = {**HANDOUTS, "reading": args.page}
    with tempfile.TemporaryDirectory(prefix="handouts-") as folder:
        site_dir = args.site_dir
        if site_dir is None:
            site_dir = Path(folder) / "site"
            build(site_dir)
        counts = count_pages(site_dir, paths)
    for name, pages in counts.items():
        print(f"{name:<10} {pages:>3} A4 pages  (/{paths[name]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
