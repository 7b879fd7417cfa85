"""Page weight of the reading page: the HTML, CSS and JavaScript a phone downloads, gzip-compressed.

Builds the site into a temporary folder (or uses `--site-dir`), serves it on 127.0.0.1, loads the
page in the system Chromium (`$CHROMIUM_PATH`, `$CHROME_BIN` or Debian's) and compresses every
response body it loads with gzip level 6, as a static host would. Other responses (images, the search index) are listed but not counted.

    .venv/bin/python benchmarks/page_weight.py [--site-dir site] [--page readings/silliman-2020/]

Exits 1 when the total is over the budget (80 KB; 1 KB = 1,000 bytes).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browser import PAGE_BUDGET, WEIGHED, Transfer, launch_chromium, serve, weigh_page  # noqa: E402 - shared with the browser tests


def build(site_dir: Path) -> None:
    """Build the real project strictly into `site_dir`, as the deploy job does."""
    command = [sys.executable, "-m", "build_tools", "build", "--site-dir", str(site_dir)]
    subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)


def measure(site_dir: Path, page_path: str) -> list[Transfer]:
    """Serve `site_dir` and weigh `page_path` in Chromium."""
    from playwright.sync_api import sync_playwright

    with serve(site_dir) as base_url, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            return weigh_page(browser, base_url, page_path)
        finally:
            browser.close()


FIRST_ROUND_TRIP = 14_600
"""Bytes a new connection delivers in its first round trip (ten 1,460-byte segments), as Lighthouse's simulated
slow 4G counts them, response headers included. An HTML page past it waits one more round trip (150 ms there)
before the browser even asks for its stylesheet."""


def report(transfers: list[Transfer], budget: int) -> int:
    """Print a table and the total; return the exit status (1 when over budget)."""
    width = max(len(transfer.path) for transfer in transfers)
    print(f"{'type':<6} {'resource':<{width}} {'raw':>9} {'gzip':>8}")
    for transfer in transfers:
        note = "" if transfer.counted else "  (not counted)"
        print(f"{transfer.kind:<6} {transfer.path:<{width}} {transfer.raw:>9,} {transfer.gzipped:>8,}{note}")
    print()
    for label in WEIGHED.values():
        subtotal = sum(transfer.gzipped for transfer in transfers if transfer.kind == label)
        print(f"{label:<6} {subtotal:>8,} bytes gzip")
    total = sum(transfer.gzipped for transfer in transfers if transfer.counted)
    verdict = "within" if total <= budget else "OVER"
    print(f"Total HTML + CSS + JS: {total:,} bytes gzip ({total / 1000:.1f} KB), {verdict} the {budget / 1000:g} KB budget.")
    page = next((transfer for transfer in transfers if transfer.kind == WEIGHED["document"]), None)
    if page is not None:
        spare = FIRST_ROUND_TRIP - page.gzipped
        print(
            f"The page's HTML: {page.gzipped:,} bytes gzip; a new connection's first round trip carries {FIRST_ROUND_TRIP:,}, "
            f"response headers included ({spare:,} bytes left for them and for any growth of the page)."
        )
    return 0 if total <= budget else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Weigh a page of the built site (gzip HTML + CSS + JS).")
    parser.add_argument("--site-dir", type=Path, help="an already built site; default: build one into a temporary folder")
    parser.add_argument("--page", default="readings/silliman-2020/", help="URL path of the page; default: %(default)s")
    parser.add_argument("--budget", type=int, default=PAGE_BUDGET, help="budget in bytes of gzip; default: %(default)s")
    args = parser.parse_args(argv)
    if args.site_dir is not None:
        return report(measure(args.site_dir, args.page), args.budget)
    with tempfile.TemporaryDirectory(prefix="page-weight-") as folder:
        site_dir = Path(folder) / "site"
        build(site_dir)
        return report(measure(site_dir, args.page), args.budget)


if __name__ == "__main__":
    sys.exit(main())
