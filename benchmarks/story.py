"""What students see of the story: timeline height on a phone, page weights, and screenshots of the
timeline, the who-backs-whom diagram and the map at 375 and 1280 px, light and dark, into screenshots/.

    .venv/bin/python benchmarks/story.py [--site-dir site] [--committed]

Without `--site-dir` the real project is built strictly into a temporary folder first. With
`--committed` it writes the set kept in the repository instead, small enough to commit: light mode
only, and the first screen of the timeline rather than all of it, into screenshots/story/.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browser import launch_chromium, serve, weigh_page  # noqa: E402 - shared with the browser tests

PAGES = {"reading": "readings/silliman-2020/", "timeline": "timeline/", "actors": "actors/", "places": "places/"}
SHOTS = [("timeline", "timeline/", ""), ("diagram", "actors/", "figure.actor-diagram-figure"), ("map", "places/", "figure.locator-map-figure")]
PHONE = {"width": 375, "height": 667}
COMMITTED = ROOT / "screenshots" / "story"
"""Where the screenshots kept in the repository live (the rest of screenshots/ is ignored by git)."""


def measure(site: Path, out: Path, *, schemes: tuple[str, ...] = ("light", "dark"), full_page: bool = True) -> None:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright, serve(site) as url:
        browser = launch_chromium(playwright)
        context = browser.new_context(viewport=PHONE)
        page = context.new_page()
        page.goto(url + "timeline/")
        height = page.evaluate("document.documentElement.scrollHeight")
        context.close()
        print(f"collapsed timeline at 375 px: {height} px, {height / PHONE['height']:.1f} screens of {PHONE['height']} px")
        for name, path in PAGES.items():
            total = sum(transfer.gzipped for transfer in weigh_page(browser, url, path) if transfer.counted)
            print(f"{name:<9} /{path}: {total:,} bytes gzip (HTML, CSS, JS)")
        for name, path, selector in SHOTS:
            for width in (375, 1280):
                for scheme in schemes:
                    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
                    page = context.new_page()
                    page.goto(url + path)
                    target = out / f"{name}-{width}-{scheme}.png"
                    if selector and page.locator(selector).count():
                        page.locator(selector).first.screenshot(path=target)
                    elif not selector:
                        page.screenshot(path=target, full_page=full_page and width > 400)
                    context.close()
        browser.close()
    print(f"screenshots in {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, help="an already built site (default: build the project)")
    parser.add_argument("--out", type=Path, help="folder for the screenshots (default: screenshots/, or screenshots/story/ with --committed)")
    parser.add_argument("--committed", action="store_true", help="the small set kept in the repository: light mode, first screens only")
    args = parser.parse_args()
    out = args.out or (COMMITTED if args.committed else ROOT / "screenshots")
    schemes = ("light",) if args.committed else ("light", "dark")
    if args.site_dir:
        measure(args.site_dir, out, schemes=schemes, full_page=not args.committed)
        return
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        subprocess.run([sys.executable, "-m", "build_tools", "build", "--site-dir", str(site)], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        measure(site, out, schemes=schemes, full_page=not args.committed)


if __name__ == "__main__":
    main()
