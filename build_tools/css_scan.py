"""A stylesheet read as its top-level blocks: what `css_trim` and `css_properties` walk through.

Strings are skipped over, so a brace or a semicolon inside one never counts; comments outside rules
are dropped. The scan jumps from one character that matters to the next (a regular expression finds
it), which keeps it fast on the theme's 90 KB sheet.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

__all__ = ["GROUPS", "blocks", "rewrite_rules"]

GROUPS = ("@media", "@supports", "@container", "@layer")
"""At-rules that hold rules: both passes look inside them. Other at-rules (keyframes, font faces) stay whole."""

_BLOCK_MARK = re.compile(r"[\"';{]|/\*")
"""Where a top-level block or statement may start or end: a string, a comment, a ';' or a '{'."""
_BRACE_MARK = re.compile(r"[\"'{}]")


def blocks(css: str) -> Iterator[tuple[str, str | None]]:
    """Top-level (prelude, body) pairs; a statement such as `@charset "x";` comes as (text, None).

    Comments outside rules are dropped, and so are those in a prelude.
    """
    index, start, length = 0, 0, len(css)
    while (found := _BLOCK_MARK.search(css, index)) is not None:
        index = found.start()
        char = css[index]
        if char in "\"'":
            index = _after_string(css, index)
        elif char == "/":
            end = css.find("*/", index + 2)
            index = length if end < 0 else end + 2
        elif char == ";":
            yield css[start : index + 1], None
            start = index = index + 1
        else:
            end = _closing_brace(css, index)
            yield _strip_comments(css[start:index]), css[index + 1 : end]
            start = index = end + 1


def rewrite_rules(css: str, rule: Callable[[str, str], str]) -> str:
    """`css` with each style rule, in groups too, replaced by `rule(prelude, body)` (empty to drop it).

    Statements and at-rules other than `GROUPS` are kept as they are; a group left empty goes.
    """
    out = []
    for prelude, body in blocks(css):
        head = prelude.strip()
        if body is None:
            out.append(prelude)
        elif head.startswith(GROUPS):
            inner = rewrite_rules(body, rule)
            if inner.strip():
                out.append(f"{prelude}{{{inner}}}")
        elif head.startswith("@"):
            out.append(f"{prelude}{{{body}}}")
        else:
            out.append(rule(prelude, body))
    return "".join(out)


def _strip_comments(prelude: str) -> str:
    return re.sub(r"/\*.*?\*/", "", prelude, flags=re.DOTALL)


def _closing_brace(css: str, opening: int) -> int:
    depth, index = 0, opening
    while (found := _BRACE_MARK.search(css, index)) is not None:
        index = found.start()
        char = css[index]
        if char in "\"'":
            index = _after_string(css, index)
            continue
        depth += 1 if char == "{" else -1
        if depth == 0:
            return index
        index += 1
    return len(css)


def _after_string(css: str, opening: int) -> int:
    quote, index = css[opening], opening + 1
    while index < len(css) and css[index] != quote:
        index += 2 if css[index] == "\\" else 1
    return index + 1
