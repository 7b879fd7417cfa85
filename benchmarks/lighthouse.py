"""Lighthouse, mobile, on the pages students open most: the four category scores, FCP and LCP for each.

Builds the site into a temporary folder (or uses `--site-dir`), serves it on 127.0.0.1 with gzip,
and runs a pinned Lighthouse through `npx` against the system Chromium (`$CHROMIUM_PATH`,
`$CHROME_BIN` or Debian's), with its default mobile settings (simulated throttling: a slow 4G
network and a CPU four times slower than this machine's). By default it measures the first reading,
the timeline and the people-and-groups index, taken from the content and the layout, never by name.
A benchmark, not a test: targets are performance ≥ 0.98, LCP ≤ 1.5 s and 1.0 for accessibility,
best practices and SEO.

    .venv/bin/python benchmarks/lighthouse.py [--site-dir site] [--page timeline/ ...] [--runs 3] [--save reports/]

Simulated timings scale with the CPU time the trace observed, so a busy machine reads slower:
`--runs 3` (or 5) keeps each page's median run, as Lighthouse's own docs advise.

The simulated LCP counts every request and script that finished before the LCP the unthrottled trace
observed. Headless Chromium sometimes presents its first frame up to a second or two after painting it
(the main thread idle meanwhile; Lighthouse issues 17148 and 17225 describe the same), and then every
script, Material's bundle included, lands on the simulated critical path. Such runs are marked
"first frame after load": compare like with like when reading the figures.

Needs Node and npm (`npx` fetches Lighthouse from the npm registry on first use). Without them it
prints what is missing and exits 0, so it never blocks other work. Exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browser import CHROMIUM_ARGS, chromium_path, serve  # noqa: E402 - shared with the browser tests

from build_tools import ContentPaths, Layout, load_library  # noqa: E402 - after the path set-up above

LIGHTHOUSE = "lighthouse@12.8.2"
"""The newest Lighthouse that runs on Node 20 (13.x needs Node 22.19 or later)."""

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 0.98, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}
LCP_TARGET = 1.5
"""Seconds of Largest Contentful Paint, mobile, simulated throttling."""


def default_pages() -> list[str]:
    """URL paths of the first reading, the timeline and the actors index of the repository's content."""
    library = load_library(ContentPaths(ROOT))
    layout = Layout()
    uris = [next(iter(library.readings.values())).src_uri] if library.readings else []
    uris += [layout.timeline, layout.actors_index]
    return [_url_path(uri) for uri in uris]


def _url_path(src_uri: str) -> str:
    """The directory URL MkDocs gives a Markdown page: 'timeline.md' → 'timeline/', 'actors/index.md' → 'actors/'."""
    stem = src_uri.removesuffix(".md")
    return stem.removesuffix("index") if stem.endswith("index") else stem + "/"


def build(site_dir: Path) -> None:
    """Build the real project strictly into `site_dir`, as the deploy job does."""
    command = [sys.executable, "-m", "build_tools", "build", "--site-dir", str(site_dir)]
    subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)


def run_lighthouse(npx: str, chromium: str, url: str, output: Path) -> dict[str, Any] | None:
    """Run Lighthouse (mobile, simulated throttling) on `url`; its JSON report, or None when it fails."""
    command = [
        npx,
        "--yes",
        LIGHTHOUSE,
        url,
        "--form-factor=mobile",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={' '.join(CHROMIUM_ARGS)}",
        "--output=json",
        f"--output-path={output}",
        "--quiet",
    ]
    environment = {**os.environ, "CHROME_PATH": chromium}
    result = subprocess.run(command, env=environment, capture_output=True, text=True, timeout=600)
    if result.returncode != 0 or not output.is_file():
        print(f"Lighthouse failed on {url} (exit {result.returncode}):\n{result.stderr.strip()[-2000:]}", file=sys.stderr)
        return None
    report: dict[str, Any] = json.loads(output.read_text(encoding="utf-8"))
    return report


def median_run(reports: list[dict[str, Any]]) -> dict[str, Any]:
    """The run whose LCP is the median of all runs (the lower middle one for an even count)."""
    ordered = sorted(reports, key=_lcp)
    return ordered[(len(ordered) - 1) // 2]


def _lcp(report: dict[str, Any]) -> float:
    return float(report["audits"]["largest-contentful-paint"]["numericValue"]) / 1000


def late_presentation(report: dict[str, Any]) -> str:
    """A note when the trace presented its first frame only after the page had loaded, else ''.

    Lantern then treats everything loaded before that frame as needed for it (see the module docstring).
    """
    observed = report["audits"]["metrics"]["details"]["items"][0]
    paint, load = observed.get("observedFirstContentfulPaint"), observed.get("observedLoad")
    if paint is None or load is None or paint <= load:
        return ""
    return f", first frame after load (observed: loaded at {load / 1000:.2f} s, first frame {paint / 1000:.2f} s)"


def summarize(report: dict[str, Any], runs: list[dict[str, Any]]) -> bool:
    """Print one page's scores, FCP, LCP and every audit that cost points; True when all targets are met."""
    categories = report["categories"]
    audits = report["audits"]
    met = True
    print(f"{report['finalDisplayedUrl']} (Lighthouse {report['lighthouseVersion']}, {report['configSettings']['formFactor']})")
    for name in CATEGORIES:
        score = categories[name]["score"]
        ok = score is not None and score >= TARGETS[name]
        met = met and ok
        print(f"  {categories[name]['title']:<15} {score if score is not None else 'n/a':>5}  (target {TARGETS[name]:g}){'' if ok else '  MISSED'}")
    fcp = audits["first-contentful-paint"]["numericValue"] / 1000
    lcp = _lcp(report)
    met = met and lcp <= LCP_TARGET
    print(f"  {'FCP':<15} {fcp:>5.2f} s")
    print(f"  {'LCP':<15} {lcp:>5.2f} s  (target {LCP_TARGET:g} s){'' if lcp <= LCP_TARGET else '  MISSED'}")
    if len(runs) > 1:
        print(f"  {'':<15} the median of {len(runs)} runs by LCP; each run:")
    # The CPU part of simulated timings scales with this machine's speed at the time (Lighthouse's
    # benchmark index: higher is faster), so a busy machine shows up here.
    for run in sorted(runs, key=_lcp):
        metrics = run["audits"]
        print(
            f"  {'':<15} performance {run['categories']['performance']['score']:g}, FCP {metrics['first-contentful-paint']['numericValue'] / 1000:.2f} s, "
            f"LCP {_lcp(run):.2f} s, TBT {metrics['total-blocking-time']['numericValue']:.0f} ms, benchmark index {run['environment']['benchmarkIndex']:.0f}"
            f"{late_presentation(run)}"
        )
    for name in CATEGORIES:
        weights = {ref["id"]: ref["weight"] for ref in categories[name]["auditRefs"]}
        for audit_id, weight in weights.items():
            audit = audits[audit_id]
            if weight and audit["score"] is not None and audit["score"] < 1:
                print(f"  - {name}: {audit_id} scored {audit['score']:g}: {audit['title']}")
    return met


def measure(site_dir: Path, pages: list[str], runs: int, npx: str, chromium: str, scratch: Path, save: Path | None) -> int:
    """Lighthouse each page `runs` times; print each page's median run; 0 when every target is met, else 1."""
    met = True
    with serve(site_dir) as base_url:
        for page in pages:
            reports = []
            for run in range(runs):
                report = run_lighthouse(npx, chromium, base_url + page, scratch / "report.json")
                if report is None:
                    return 1
                reports.append(report)
                if save:
                    save.mkdir(parents=True, exist_ok=True)
                    name = page.strip("/").replace("/", "-") or "home"
                    (save / f"{name}-{run + 1}.json").write_text(json.dumps(report, indent=1), encoding="utf-8")
            met = summarize(median_run(reports), reports) and met
    return 0 if met else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Lighthouse (mobile) on pages of the built site.")
    parser.add_argument("--site-dir", type=Path, help="an already built site; default: build one into a temporary folder")
    parser.add_argument("--page", action="append", help="URL path of a page (repeat for more); default: the first reading, timeline/ and actors/")
    parser.add_argument("--runs", type=int, default=1, help="runs per page, the median run is reported; default: %(default)s")
    parser.add_argument("--save", type=Path, help="also keep every full JSON report in this folder")
    args = parser.parse_args(argv)
    npx = shutil.which("npx")
    chromium = chromium_path()
    if npx is None:
        print("Skipped: 'npx' is not installed. Install Node.js and npm (Debian: apt-get install nodejs npm) to run Lighthouse.")
        return 0
    if not Path(chromium).is_file():
        print(f"Skipped: no browser at '{chromium}'. Install Chromium ('make browser' does on Debian) or set CHROMIUM_PATH to a Chromium or Chrome executable.")
        return 0
    pages = args.page or default_pages()
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as folder:
        scratch = Path(folder)
        site_dir = args.site_dir
        if site_dir is None:
            site_dir = scratch / "site"
            build(site_dir)
        return measure(site_dir, pages, max(1, args.runs), npx, chromium, scratch, args.save)


if __name__ == "__main__":
    sys.exit(main())
