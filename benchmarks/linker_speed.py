"""Render ~500 KB of generated prose with Python-Markdown: plain, with our term links, and with `abbr`.

Prints seconds and the ratio to plain Markdown at 10, 100, 1,000 and 3,000 entries.
Run: .venv/bin/python benchmarks/linker_speed.py [--repeat N]
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable

import markdown

from build_tools.linker import LinkTarget
from build_tools.markdown_ext import TermLinkExtension

SIZES = (10, 100, 1_000, 3_000)
SYLLABLES = ["ka", "ta", "ib", "hez", "bol", "lah", "qu", "ds", "for", "ce", "mo", "bi", "li", "sa", "tion", "ar", "en", "ro", "mi", "ne"]


def make_entries(count: int, rng: random.Random) -> list[tuple[str, str]]:
    names: set[str] = set()
    while len(names) < count:
        words = ["".join(rng.choices(SYLLABLES, k=rng.randint(2, 4))) for _ in range(rng.randint(1, 3))]
        names.add(" ".join(words).title())
    return [(f"e{index}", name) for index, name in enumerate(sorted(names))]


def make_prose(entries: list[tuple[str, str]], size: int, rng: random.Random) -> str:
    """Paragraphs of filler words with entry names mixed in, about `size` characters."""
    filler = "the of and to in a that it was for on are as with his they at be this from have or by one had not but what".split()
    paragraphs, total = [], 0
    while total < size:
        words = [rng.choice(filler) if rng.random() > 0.06 else rng.choice(entries)[1] for _ in range(rng.randint(40, 90))]
        paragraph = " ".join(words).capitalize() + "."
        if rng.random() < 0.1:
            paragraph = f"## {' '.join(words[:5]).title()}\n\n{paragraph}"
        paragraphs.append(paragraph)
        total += len(paragraph) + 2
    return "\n\n".join(paragraphs)


def timed(function: Callable[[], object], repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--size", type=int, default=500_000, help="characters of prose")
    parser.add_argument("--abbr-max", type=int, default=3_000, help="largest glossary to time with abbr (it is slow)")
    args = parser.parse_args()
    rng = random.Random(2020)
    all_entries = make_entries(max(SIZES), rng)
    prose = make_prose(all_entries[:10], args.size, rng)
    plain = timed(lambda: markdown.markdown(prose), args.repeat)
    print(f"Prose: {len(prose.encode()) / 1024:.0f} KB, median of {args.repeat} runs\n")
    print(f"{'renderer':<22}{'entries':>8}{'seconds':>10}{'× plain':>10}")
    print(f"{'plain Markdown':<22}{'-':>8}{plain:>10.3f}{1:>10.2f}")
    for count in SIZES:
        entries = all_entries[:count]
        text = make_prose(entries, args.size, random.Random(count))
        targets = [LinkTarget(entry_id, name, (name,), f"Definition of {name}.", f"glossary/{entry_id}.md") for entry_id, name in entries]

        def ours(text: str = text, targets: list[LinkTarget] = targets) -> object:
            extension = TermLinkExtension()
            extension.set_targets(targets)
            extension.start_page("readings/r.md")
            return markdown.Markdown(extensions=[extension]).convert(text)

        seconds = timed(ours, args.repeat)
        print(f"{'term links (ours)':<22}{count:>8}{seconds:>10.3f}{seconds / plain:>10.2f}")
    for count in SIZES:
        if count > args.abbr_max:
            continue
        entries = all_entries[:count]
        text = make_prose(entries, args.size, random.Random(count))
        glossary = "\n".join(f"*[{name}]: Definition of {name}." for _, name in entries)
        document = text + "\n\n" + glossary
        seconds = timed(lambda document=document: markdown.markdown(document, extensions=["abbr"]), max(1, args.repeat // 3))
        print(f"{'abbr (Material recipe)':<22}{count:>8}{seconds:>10.3f}{seconds / plain:>10.2f}")


if __name__ == "__main__":
    main()
