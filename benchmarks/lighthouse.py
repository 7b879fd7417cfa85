"""Lighthouse on the reading page, mobile: the four category scores and Largest Contentful Paint.

Builds the site into a temporary folder (or uses `--site-dir`), serves it on 127.0.0.1 with gzip,
and runs a pinned Lighthouse through `npx` against the system Chromium (`$CHROMIUM_PATH`,
`$CHROME_BIN` or Debian's). A benchmark, not a test: targets are performance ≥ 0.98 and 1.0 for accessibility, best practices and SEO.

    .venv/bin/python benchmarks/lighthouse.py [--site-dir site] [--page readings/silliman-2020/] [--save report.json]

Needs Node and npm (`npx` fetches Lighthouse from the npm registry on first use). Without them it
prints what is missing and exits 0, so it never blocks other work.
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

LIGHTHOUSE = "lighthouse@12.8.2"
"""The newest Lighthouse that runs on Node 20 (13.x needs Node 22.19 or later)."""

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 0.98, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}


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
        print(f"Lighthouse failed (exit {result.returncode}):\n{result.stderr.strip()[-2000:]}", file=sys.stderr)
        return None
    report: dict[str, Any] = json.loads(output.read_text(encoding="utf-8"))
    return report


def summarize(report: dict[str, Any]) -> int:
    """Print the scores, LCP and every audit that cost points; 0 when all targets are met, else 1."""
    categories = report["categories"]
    audits = report["audits"]
    met = True
    print(f"Lighthouse {report['lighthouseVersion']}, {report['configSettings']['formFactor']}, {report['finalDisplayedUrl']}")
    for name in CATEGORIES:
        score = categories[name]["score"]
        ok = score is not None and score >= TARGETS[name]
        met = met and ok
        print(f"  {categories[name]['title']:<15} {score if score is not None else 'n/a':>5}  (target {TARGETS[name]:g}){'' if ok else '  MISSED'}")
    lcp = audits["largest-contentful-paint"]
    print(f"  {'LCP':<15} {lcp['numericValue'] / 1000:>5.2f} s ({lcp['displayValue'].strip()})")
    for name in CATEGORIES:
        weights = {ref["id"]: ref["weight"] for ref in categories[name]["auditRefs"]}
        for audit_id, weight in weights.items():
            audit = audits[audit_id]
            if weight and audit["score"] is not None and audit["score"] < 1:
                print(f"  - {name}: {audit_id} scored {audit['score']:g}: {audit['title']}")
    return 0 if met else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Lighthouse (mobile) on a page of the built site.")
    parser.add_argument("--site-dir", type=Path, help="an already built site; default: build one into a temporary folder")
    parser.add_argument("--page", default="readings/silliman-2020/", help="URL path of the page; default: %(default)s")
    parser.add_argument("--save", type=Path, help="also keep the full JSON report here")
    args = parser.parse_args(argv)
    npx = shutil.which("npx")
    chromium = chromium_path()
    if npx is None:
        print("Skipped: 'npx' is not installed. Install Node.js and npm (Debian: apt-get install nodejs npm) to run Lighthouse.")
        return 0
    if not Path(chromium).is_file():
        print(f"Skipped: no browser at '{chromium}'. Install Chromium ('make browser' does on Debian) or set CHROMIUM_PATH to a Chromium or Chrome executable.")
        return 0
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as folder:
        site_dir = args.site_dir
        if site_dir is None:
            site_dir = Path(folder) / "site"
            build(site_dir)
        with serve(site_dir) as base_url:
            report = run_lighthouse(npx, chromium, base_url + args.page, Path(folder) / "report.json")
        if report is None:
            return 1
        if args.save:
            args.save.write_text(json.dumps(report, indent=1), encoding="utf-8")
    return summarize(report)


if __name__ == "__main__":
    sys.exit(main())
