"""The theme's stylesheet without the rules no page of this site can use.

Material ships one stylesheet (about 23 KB gzip) for every feature it has: code blocks, content
tabs, tags, blog posts, annotations and more. A phone downloads and parses all of it before it
shows the first word of the reading. Once the site is built, a selector that names a class no
page and no script of the site contains can never match, so it goes; a rule goes when none of its
selectors is left. The decision is conservative, so a trimmed sheet styles every page the same:

- a class counts as used when its name appears anywhere in the site's HTML or JavaScript (also in
  text, or as a string the theme's script adds later), or when a script builds it from a prefix
  (`md-source__fact--${...}`);
- a selector that asks for a value of a `data-` attribute (`[data-md-color-primary=amber]`) goes
  when that value appears nowhere in the site's HTML or JavaScript either: the theme styles all of
  its twenty colours, and a site uses one or two. Other attributes are left alone (HTML compares
  some of their values without regard to case);
- classes and attributes inside parentheses (`:not(.x)`, `:is(.x, .y)`, `:has(.x)`) are not
  judged: `:not()` of a missing class still matches;
- at-rules other than `@media`, `@supports`, `@container` and `@layer` blocks (keyframes, font
  faces, `@charset`) are kept whole, and strings are never split.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from .css_scan import rewrite_rules

__all__ = ["SiteText", "trim_unused_rules", "used_in"]

_CLASS = re.compile(r"\.(-?[_a-zA-Z][-_a-zA-Z0-9]*)")
_ATTRIBUTE = re.compile(r"\[[^\]]*\]")
_DATA_VALUE = re.compile(r"\[\s*data-[-_a-zA-Z0-9]+\s*=\s*([\"']?)([-_a-zA-Z0-9]+)\1\s*\]")
"""An exact-value test of a `data-` attribute, whose value is made of name characters only (group 2)."""
_NESTING = frozenset("()[]")
_SELECTOR_MARK = re.compile(r"[()\[\],]")
_PARENTHESIS = re.compile(r"[()]")
_NAME_BYTES = frozenset(b"-_0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_ONLY_NAME_BYTES = bytes(byte if byte in _NAME_BYTES else ord(" ") for byte in range(256))
"""Keeps the bytes a class name can hold and turns every other byte into a space."""


def used_in(corpus: str) -> Callable[[str], bool]:
    """A test of whether the site can use a class: its name, or its prefix built by a script, is in `corpus`.

    A class name is made only of `_NAME_BYTES`, so it occurs in `corpus` exactly when it occurs
    inside one of the corpus's maximal runs of them. Searching the few thousand distinct runs,
    instead of the whole corpus once per class, keeps this fast on a site of thousands of pages,
    whose corpus is tens of megabytes.
    """
    data = corpus.encode("utf-8", errors="replace")
    spaced = data.translate(_ONLY_NAME_BYTES)
    runs = b"\n".join(set(spaced.split())).decode()
    # A prefix + "${" occurs exactly when a run that "${" follows ends with the prefix.
    templated = b"".join(run + b"\n" for run in set(_runs_before_template(data, spaced))).decode()
    seen: dict[str, bool] = {}

    def used(name: str) -> bool:
        if name not in seen:
            prefix = name[: name.rindex("--") + 2] if "--" in name else ""
            seen[name] = name in runs or (bool(prefix) and f"{prefix}\n" in templated)
        return seen[name]

    return used


class SiteText:
    """The site's HTML and scripts, kept as their distinct lines, for `used_in`.

    Pages share most of their lines (the theme's header, navigation and footer), and a class name
    never spans a line break, so the distinct lines hold every name the whole text does: at 3,000
    pages, about 30,000 lines (2 MB) to split into words instead of 31 MB and 4.4 million words.
    """

    def __init__(self) -> None:
        self._lines: set[str] = set()

    def add(self, text: str) -> None:
        """Count the names in `text` (one file's content) as used."""
        self._lines.update(text.split("\n"))

    def used(self) -> Callable[[str], bool]:
        """`used_in` over everything added."""
        return used_in("\n".join(self._lines))


def _runs_before_template(data: bytes, spaced: bytes) -> Iterator[bytes]:
    """The run of name bytes right before each `${` of a script's template string."""
    at = data.find(b"${")
    while at != -1:
        start = spaced.rfind(b" ", 0, at) + 1
        if start < at:
            yield spaced[start:at]
        at = data.find(b"${", at + 2)


def trim_unused_rules(css: str, used: Callable[[str], bool]) -> str:
    """`css` (minified or not) without the selectors that name an unused class, and without rules left empty."""

    def rule(prelude: str, body: str) -> str:
        kept = [selector for selector in _split_selectors(prelude) if _may_match(selector, used)]
        return f"{','.join(kept)}{{{body}}}" if kept else ""

    return rewrite_rules(css, rule)


def _may_match(selector: str, used: Callable[[str], bool]) -> bool:
    """False only when the selector needs a class, or a `data-` attribute value, outside any parentheses that the site never uses."""
    outside = _without_parentheses(selector)
    if not all(used(found.group(2)) for found in _DATA_VALUE.finditer(outside)):
        return False
    return all(used(name) for name in _CLASS.findall(_ATTRIBUTE.sub("", outside)))


def _without_parentheses(text: str) -> str:
    if "(" not in text:
        return text
    depth, start, out = 0, 0, []
    for found in _PARENTHESIS.finditer(text):
        if found.group() == "(":
            if depth == 0:
                out.append(text[start : found.start()])
            depth += 1
        elif depth > 0:  # a ')' with no '(' before it is ordinary text
            depth -= 1
            start = found.end()
    if depth == 0:
        out.append(text[start:])
    return "".join(out)


def _split_selectors(prelude: str) -> list[str]:
    """A selector list split at its top-level commas (not those inside `:is(...)` and the like)."""
    if not _NESTING.intersection(prelude):
        return prelude.split(",")
    parts, depth, start = [], 0, 0
    for found in _SELECTOR_MARK.finditer(prelude):
        char = found.group()
        if char == ",":
            if depth == 0:
                parts.append(prelude[start : found.start()])
                start = found.end()
        else:
            depth += 1 if char in "([" else -1
    parts.append(prelude[start:])
    return parts
