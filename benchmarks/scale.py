"""Build time and page weight as a unit grows: synthetic glossaries of 30 to 3,000 terms, 1 to 20 readings.

For each size, writes a synthetic project into a temporary folder, builds it with MkDocs and the
`terms` plugin, then builds the same pages (exported as plain Markdown) with plain MkDocs, and prints
pages, seconds, ms/page and HTML bytes per page (all pages, and entry pages alone).

Targets: ms/page within 1.5x between 300 and 3,000 terms; total build at most 1.15x plain MkDocs;
HTML bytes per entry page flat as the glossary grows.

Each build runs in a fresh interpreter; the plugin build and the plain one alternate. MkDocs, Material and
every other installed package were byte-compiled when pip installed them; `build_tools`, installed editable,
is compiled here the same way first, as Python itself does on a first import unless PYTHONDONTWRITEBYTECODE
is set (otherwise each plugin build alone would pay about 75 ms to compile our modules from source).

Run: .venv/bin/python benchmarks/scale.py            (30, 300, 3,000 terms x 1 reading; 300 x 5)
     .venv/bin/python benchmarks/scale.py --full     (every size up to 3,000 terms x 20 readings)
     --sizes 30x1,3000x20                            (only these sizes, terms x readings)
     --repeat N                                      (N builds of each kind: the best times, the median ratio of pairs)
"""

from __future__ import annotations

import argparse
import compileall
import logging
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from build_tools.adapters.cli import export_markdown  # noqa: E402

QUICK = ((30, 1), (300, 1), (3_000, 1), (300, 5))
FULL = tuple((terms, readings) for terms in (30, 300, 3_000) for readings in (1, 5, 20))
PARAGRAPHS = 12
SYLLABLES = ["ka", "ta", "ib", "hez", "bol", "lah", "qu", "ds", "for", "ce", "mo", "bi", "li", "sa", "tion", "ar", "en", "ro", "mi", "ne"]
FILLER = "the of and to in a that it was for on are as with his they at be this from have or by one had not but what".split()
NAV_PAGES = ("glossary/index.md", "actors/index.md", "timeline.md", "questions.md", "self-check.md")

_MKDOCS_YML = """\
site_name: Scale test
site_url: https://example.org/scale/
theme:
  name: material
  font: false
nav:
  - Home: index.md
  - Readings:
{readings}
  - Glossary: glossary/index.md
  - People and groups: actors/index.md
  - Timeline: timeline.md
  - Questions: questions.md
  - Self-check: self-check.md
plugins:
  - search
{plugin}markdown_extensions:
  - toc
  - attr_list
  - md_in_html
  - admonition
  - pymdownx.details
validation:
  omitted_files: ignore
  unrecognized_links: warn
  anchors: warn
"""

_SOURCE = "sources:\n  - publisher: Example\n    title: Example page\n    date: 2020-01-02\n    url: https://example.org/source\n"


def names(count: int, rng: random.Random) -> list[str]:
    found: set[str] = set()
    while len(found) < count:
        found.add(" ".join("".join(rng.choices(SYLLABLES, k=rng.randint(2, 4))) for _ in range(rng.randint(1, 2))).title())
    return sorted(found)


def write_project(folder: Path, term_count: int, reading_count: int, seed: int = 1) -> None:
    """A valid unit: terms, a few actors, events and questions, and readings that mention the terms."""
    rng = random.Random(seed)
    all_names = names(term_count + 10, rng)
    terms, actors = all_names[:term_count], all_names[term_count:]
    glossary = folder / "glossary"
    for kind in ("terms", "actors", "events"):
        (glossary / kind).mkdir(parents=True)
    for index, title in enumerate(terms):
        text = f"title: {title}\nshort: A made-up word number {index}, for measuring.\nexplanation: Filler text about **{title}**.\nplurals: false\n{_SOURCE}"
        (glossary / "terms" / f"t{index}.yml").write_text(text, encoding="utf-8")
    for index, name in enumerate(actors):
        text = f"name: {name}\nkind: organisation\nshort: A made-up group.\nrole: It acts.\ninterests:\n  - measuring\n{_SOURCE}"
        (glossary / "actors" / f"a{index}.yml").write_text(text, encoding="utf-8")
    reading_ids = [f"r{index}" for index in range(reading_count)]
    for index in range(10):
        text = f"date: {2000 + index}\ntitle: Event {index}\ndescription: Something happened.\nterms: [t{index % term_count}]\n"
        text += f"paragraphs:\n  {reading_ids[index % reading_count]}: [1]\n{_SOURCE}"
        (glossary / "events" / f"{2000 + index}-event-{index}.yml").write_text(text, encoding="utf-8")
    questions = []
    for index, reading_id in enumerate(reading_ids):
        questions.append(f"- id: q{index}\n  phase: during\n  skill: evidence\n  prompt: What does paragraph 2 say?\n  paragraphs:\n    {reading_id}: [2]\n  teacher_notes: It says something.\n")
    (glossary / "questions.yml").write_text("".join(questions), encoding="utf-8")
    docs = folder / "docs"
    (docs / "readings").mkdir(parents=True)
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets")
    (docs / "index.md").write_text("# Scale test\n\n<!-- readings -->\n", encoding="utf-8")
    nav = []
    for index, reading_id in enumerate(reading_ids):
        paragraphs = []
        for _ in range(PARAGRAPHS):
            words = [rng.choice(FILLER) if rng.random() > 0.08 else rng.choice(all_names) for _ in range(rng.randint(50, 80))]
            paragraphs.append(" ".join(words).capitalize() + ".")
        front = f"---\ntitle: Reading {index}\nauthor: Someone\nauthor_role: a writer\npublisher: Example\ndate: 2020-01-{index + 1:02d}\nurl: https://example.org/r{index}\nkind: opinion\n---\n"
        (docs / "readings" / f"{reading_id}.md").write_text(front + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
        nav.append(f"      - Reading {index}: readings/{reading_id}.md")
    (folder / "mkdocs.yml").write_text(_MKDOCS_YML.format(readings="\n".join(nav), plugin="  - terms\n"), encoding="utf-8")


def write_plain_copy(project: Path, folder: Path) -> None:
    """The same pages for plain MkDocs: hand-written docs plus the exported pages (the home page filled in), no plugin."""
    shutil.copytree(project / "docs", folder / "docs")
    export_markdown(project, folder / "docs")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8").replace("  - terms\n", "")
    (folder / "mkdocs.yml").write_text(config, encoding="utf-8")


def build(project: Path, site_dir: Path) -> tuple[float, float, float]:
    """Wall, CPU and user-CPU seconds to build `project`, in a fresh interpreter (a long-lived one slows later builds: its heap grows)."""
    command = [sys.executable, __file__, "--build-one", str(project), str(site_dir)]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    wall, cpu, user = result.stdout.strip().splitlines()[-1].split()
    return float(wall), float(cpu), float(user)


def _build_here(project: Path, site_dir: Path) -> tuple[float, float, float]:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    # Imports are paid before the clock starts, as in `mkdocs build` they are paid by both builds alike.
    import material  # noqa: F401

    start, start_cpu, start_user = time.perf_counter(), time.process_time(), os.times().user
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir), strict=True)
    mkdocs_build(config)
    return time.perf_counter() - start, time.process_time() - start_cpu, os.times().user - start_user


def weigh(site_dir: Path) -> tuple[int, float, float]:
    """Pages, mean HTML bytes per page, and mean HTML bytes per glossary entry page."""
    pages = [page for page in site_dir.rglob("index.html") if page.parent != site_dir / "search"]
    entries = [page for page in (site_dir / "glossary").glob("*/index.html")]
    mean = statistics.fmean(page.stat().st_size for page in pages)
    entry_mean = statistics.fmean(page.stat().st_size for page in entries) if entries else 0.0
    return len(pages), mean, entry_mean


def measure(terms: int, readings: int, work: Path, repeat: int = 1) -> dict[str, float]:
    """Best of `repeat` builds each, in pairs of a plugin build and a plain one (the machine is shared), and the median ratio of the pairs."""
    project = work / f"unit-{terms}-{readings}"
    write_project(project, terms, readings)
    plain = work / f"plain-{terms}-{readings}"
    write_plain_copy(project, plain)
    ours, theirs = [], []
    for round_ in range(repeat):
        # Each build starts without an old site, as the other does: replacing a site of thousands of
        # pages costs either build the same, and is not what is compared here. Which build of a pair
        # goes first alternates: the first one also pays for the disk still writing out the last
        # pair's thousands of deleted files.
        pair = [(project, work / "site", ours), (plain, work / "plain-site", theirs)]
        for source, site_dir, results in pair if round_ % 2 == 0 else reversed(pair):
            shutil.rmtree(site_dir, ignore_errors=True)
            results.append(build(source, site_dir))
    pages, html_bytes, entry_bytes = weigh(work / "site")
    for folder in (work / "site", work / "plain-site", project, plain):
        shutil.rmtree(folder)
    return {
        "pages": pages,
        "seconds": min(wall for wall, _, _ in ours),
        "cpu": min(cpu for _, cpu, _ in ours),
        "html": html_bytes,
        "entry": entry_bytes,
        "plain": min(wall for wall, _, _ in theirs),
        "plain_cpu": min(cpu for _, cpu, _ in theirs),
        # Each plugin build is compared with the plain build of its pair: the machine's speed drifts
        # between rounds (its neighbours come and go), and a pair shares most of its conditions.
        "ratio": statistics.median(cpu / plain_cpu for (_, cpu, _), (_, plain_cpu, _) in zip(ours, theirs, strict=True)),
        # The same in user CPU alone: system time is mostly the file system writing thousands of
        # files, the same work in both builds, and the part a busy shared disk makes vary most.
        "user_ratio": statistics.median(user / plain_user for (_, _, user), (_, _, plain_user) in zip(ours, theirs, strict=True)),
    }


def _sizes(text: str) -> tuple[tuple[int, int], ...]:
    """`30x1,3000x20` as ((30, 1), (3000, 20))."""
    try:
        return tuple((int(terms), int(readings)) for terms, readings in (size.split("x") for size in text.split(",")))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a list of sizes like 30x1,300x5") from None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true", help="every size, up to 3,000 terms x 20 readings (slow on 2 cores)")
    parser.add_argument("--sizes", type=_sizes, help="only these sizes, as terms x readings: 30x1,300x5,3000x20")
    parser.add_argument("--repeat", type=int, default=1, help="best of N builds of each kind (default 1)")
    parser.add_argument("--build-one", nargs=2, metavar=("PROJECT", "SITE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.build_one:
        print(*_build_here(Path(args.build_one[0]), Path(args.build_one[1])))
        return 0
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    compileall.compile_dir(ROOT / "build_tools", quiet=1)
    sizes = args.sizes or (FULL if args.full else QUICK)
    header = (
        f"{'terms':>6} {'readings':>8} {'pages':>6} {'seconds':>8} {'CPU s':>7} {'ms/page':>8} {'KB/page':>8} {'KB/entry':>9} "
        f"{'plain s':>8} {'plain CPU':>9} {'x plain':>8} {'x (user)':>9}"
    )
    print(header)
    print("(ms/page and x plain use CPU seconds: wall time on a shared machine measures the neighbours too;")
    print(" seconds are the best of the builds; x plain is the median over pairs of a plugin build and a plain one,")
    print(" x (user) the same in user CPU alone, without the system time the file system's writing adds to both)")
    with tempfile.TemporaryDirectory(prefix="scale-") as folder:
        work = Path(folder)
        measure(30, 1, work / "warm-up")  # fills the disk cache, so the first row is not penalised
        for terms, readings in sizes:
            row = measure(terms, readings, work, args.repeat)
            ms = 1000 * row["cpu"] / row["pages"]
            print(
                f"{terms:>6} {readings:>8} {row['pages']:>6.0f} {row['seconds']:>8.1f} {row['cpu']:>7.1f} {ms:>8.1f} {row['html'] / 1024:>8.1f} "
                f"{row['entry'] / 1024:>9.1f} {row['plain']:>8.1f} {row['plain_cpu']:>9.1f} {row['ratio']:>8.2f} {row['user_ratio']:>9.2f}",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
