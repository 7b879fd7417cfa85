"""The theme's stylesheet without the rules no page of this site can use.

Material ships one stylesheet (about 23 KB gzip) for every feature it has: code blocks, content
tabs, tags, blog posts, annotations and more. A phone downloads and parses all of it before it
shows the first word of the reading. Once the site is built, a selector that names a class no
page and no script of the site contains can never match, so it goes; a rule goes when none of its
selectors is left. The decision is conservative, so a trimmed sheet styles every page the same:

- a class counts as used when its name appears anywhere in the site's HTML or JavaScript (also in
  text, or as a string the theme's script adds later), or when a script builds it from a prefix
  (`md-source__fact--${...}`);
- classes inside parentheses (`:not(.x)`, `:is(.x, .y)`, `:has(.x)`) are not judged: `:not()`
  of a missing class still matches;
- at-rules other than `@media`, `@supports`, `@container` and `@layer` blocks (keyframes, font
  faces, `@charset`) are kept whole, and strings are never split.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

__all__ = ["trim_unused_rules", "used_in"]

_GROUPS = ("@media", "@supports", "@container", "@layer")
_CLASS = re.compile(r"\.(-?[_a-zA-Z][-_a-zA-Z0-9]*)")
_ATTRIBUTE = re.compile(r"\[[^\]]*\]")
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
    out = []
    for prelude, body in _blocks(css):
        head = prelude.strip()
        if body is None:
            out.append(prelude)
        elif head.startswith(_GROUPS):
            inner = trim_unused_rules(body, used)
            if inner.strip():
                out.append(f"{prelude}{{{inner}}}")
        elif head.startswith("@"):
            out.append(f"{prelude}{{{body}}}")
        else:
            kept = [selector for selector in _split_selectors(prelude) if _may_match(selector, used)]
            if kept:
                out.append(f"{','.join(kept)}{{{body}}}")
    return "".join(out)


def _may_match(selector: str, used: Callable[[str], bool]) -> bool:
    """False only when the selector needs a class outside any parentheses that the site never uses."""
    bare = _ATTRIBUTE.sub("", _without_parentheses(selector))
    return all(used(name) for name in _CLASS.findall(bare))


def _without_parentheses(text: str) -> str:
    depth, out = 0, []
    for char in text:
        depth += char == "("
        if depth == 0:
            out.append(char)
        depth -= char == ")" and depth > 0
    return "".join(out)


def _split_selectors(prelude: str) -> list[str]:
    """A selector list split at its top-level commas (not those inside `:is(...)` and the like)."""
    parts, depth, start = [], 0, 0
    for index, char in enumerate(prelude):
        depth += (char in "([") - (char in ")]")
        if char == "," and depth == 0:
            parts.append(prelude[start:index])
            start = index + 1
    parts.append(prelude[start:])
    return parts


def _blocks(css: str) -> Iterator[tuple[str, str | None]]:
    """Top-level (prelude, body) pairs; a statement such as `@charset "x";` comes as (text, None).

    Comments outside rules are dropped; strings are skipped over, so a brace inside one never counts.
    """
    index, start, length = 0, 0, len(css)
    while index < length:
        char = css[index]
        if char in "\"'":
            index = _after_string(css, index)
            continue
        if css.startswith("/*", index):
            end = css.find("*/", index + 2)
            index = length if end < 0 else end + 2
            continue
        if char == ";":
            yield css[start : index + 1], None
            start = index + 1
        elif char == "{":
            end = _closing_brace(css, index)
            yield _strip_comments(css[start:index]), css[index + 1 : end]
            start = index = end + 1
            continue
        index += 1


def _strip_comments(prelude: str) -> str:
    return re.sub(r"/\*.*?\*/", "", prelude, flags=re.DOTALL)


def _closing_brace(css: str, opening: int) -> int:
    depth, index = 0, opening
    while index < len(css):
        char = css[index]
        if char in "\"'":
            index = _after_string(css, index)
            continue
        depth += (char == "{") - (char == "}")
        if depth == 0:
            return index
        index += 1
    return len(css)


def _after_string(css: str, opening: int) -> int:
    quote, index = css[opening], opening + 1
    while index < len(css) and css[index] != quote:
        index += 2 if css[index] == "\\" else 1
    return index + 1
