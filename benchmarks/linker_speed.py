"""Render ~500 KB of generated prose with Python-Markdown: plain, with our term links, and with `abbr`.

Prints seconds and the ratio to plain Markdown at 10, 100, 1,000 and 3,000 entries.
Run: .venv/bin/python benchmarks/linker_speed.py [--repeat N]
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable

import markdown

from build_tools.adapters.markdown_ext import TermLinkExtension
from build_tools.linker import LinkTarget

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
    """Best of `repeat` runs: the least disturbed by other work on the machine."""
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        runs.append(time.perf_counter() - start)
    return min(runs)


def run_table(title: str, all_entries: list[tuple[str, str]], mentioned: Callable[[int], int], args: argparse.Namespace) -> None:
    print(title)
    print(f"{'entries':>8}{'links':>8}{'plain s':>10}{'ours s':>10}{'ours ×':>9}{'abbr s':>10}{'abbr ×':>9}{'automaton ms':>14}")
    for count in SIZES:
        entries = all_entries[:count]
        text = make_prose(entries[: mentioned(count)], args.size, random.Random(count))
        targets = [LinkTarget(entry_id, name, (name,), f"Definition of {name}.", f"glossary/{entry_id}.md") for entry_id, name in entries]
        # As in a site build: the extension (and its automaton) is made once, then used page after page.
        extension = TermLinkExtension()
        extension.set_targets(targets)
        started = time.perf_counter()
        extension.linker()
        build_ms = (time.perf_counter() - started) * 1000

        def ours(text: str = text, extension: TermLinkExtension = extension) -> str:
            extension.start_page("readings/r.md")
            return markdown.Markdown(extensions=[extension]).convert(text)

        plain = timed(lambda text=text: markdown.markdown(text), args.repeat)
        linked = timed(ours, args.repeat)
        links = ours().count('class="term-link"')
        abbr_cell = f"{'-':>10}{'-':>9}"
        if count <= args.abbr_max:
            document = text + "\n\n" + "\n".join(f"*[{name}]: Definition of {name}." for _, name in entries)
            abbr = timed(lambda document=document: markdown.markdown(document, extensions=["abbr"]), max(1, args.repeat // 3))
            abbr_cell = f"{abbr:>10.3f}{abbr / plain:>9.2f}"
        print(f"{count:>8}{links:>8}{plain:>10.3f}{linked:>10.3f}{linked / plain:>9.2f}{abbr_cell}{build_ms:>14.1f}")
    print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--size", type=int, default=500_000, help="characters of prose")
    parser.add_argument("--abbr-max", type=int, default=3_000, help="largest glossary to time with abbr (it is slow)")
    args = parser.parse_args()
    all_entries = make_entries(max(SIZES), random.Random(2020))
    print(f"Prose: about {args.size / 1024:.0f} KB; best of {args.repeat} runs; plain Markdown timed on the same text.\n")
    run_table("A. Glossary size alone: the prose mentions the same 10 entries, the glossary grows", all_entries, lambda count: 10, args)
    run_table("B. Prose mentions the whole glossary (6% of words are entry names, so links grow too)", all_entries, lambda count: count, args)


if __name__ == "__main__":
    main()
