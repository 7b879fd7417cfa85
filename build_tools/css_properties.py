"""The theme's stylesheets without the custom properties nothing reads.

Material defines its icons as custom properties holding whole SVG files (`--md-status--new`,
`--md-tasklist-icon--checked`, ...), and more colours than a site shows. Once `css_trim` has
dropped the rules a site cannot use, many of these are read by no rule left: on this project's
site about 3.5 KB of the theme's sheets, 0.7 KB of them gzip, that every page's first visit
downloads. A declaration of a custom property goes when:

- no stylesheet of the site reads the property with `var(--name ...)`, once the declarations
  that go are gone (a property read only by another one that goes, goes too), and
- its name appears nowhere in the site's HTML or JavaScript (a page's own `<style>`, a `style`
  attribute, or a script that reads or sets it by name).

Only declarations of custom properties are judged; a rule goes when it had only those and none is
left. At-rules other than `@media`, `@supports`, `@container` and `@layer` blocks stay whole.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable

from .css_scan import rewrite_rules

__all__ = ["drop_unread_properties"]

_READ = re.compile(r"var\(\s*(--[-_a-zA-Z0-9]+)")
_CUSTOM = re.compile(r"\s*(--[-_a-zA-Z0-9]+)\s*:")
_DECLARED = re.compile(r"[{;]\s*(--[-_a-zA-Z0-9]+)\s*:")
"""A custom property's declaration, found quickly (a match inside a string only costs a pass that drops nothing)."""
_TOKEN = re.compile(r"""'(?:\\.|[^'\\])*'?|"(?:\\.|[^"\\])*"?|/\*.*?(?:\*/|\Z)|[;(){}]""", re.DOTALL)
"""A string or a comment (matched whole, so nothing inside one counts), or a character that shapes a rule's body."""


def drop_unread_properties(sheets: list[str], others: Iterable[str], used: Callable[[str], bool]) -> list[str]:
    """Each of `sheets` without its custom-property declarations that nothing reads.

    Args:
        sheets: The stylesheets to thin out (the theme's, already trimmed).
        others: The site's other stylesheets: they are read from, never changed.
        used: Whether a name appears in the site's HTML or JavaScript (`css_trim.used_in`).
    """
    outside = {name for css in others for name in _READ.findall(css)}
    while True:
        read = outside.union(*(_READ.findall(css) for css in sheets))
        declared = {name for css in sheets for name in _DECLARED.findall(css)}
        # Asked without its dashes: `used` reads "--" before a name as a prefix a script builds names from.
        unread = {name for name in declared - read if not used(name.lstrip("-"))}
        thinned = [_without(css, unread) for css in sheets] if unread else sheets
        if thinned == sheets:  # also when the only ones left are in places not judged (`@font-face`, a string)
            return sheets
        sheets = thinned


def _without(css: str, unread: Collection[str]) -> str:
    """`css` without the declarations of the `unread` custom properties, and without rules left empty."""

    def rule(prelude: str, body: str) -> str:
        declarations = _declarations(body)
        if declarations is None:  # a nested rule inside: left whole, as it is not judged
            return f"{prelude}{{{body}}}"
        kept = [declaration for declaration in declarations if (found := _CUSTOM.match(declaration)) is None or found.group(1) not in unread]
        if len(kept) == len(declarations):
            return f"{prelude}{{{body}}}"
        return f"{prelude}{{{';'.join(kept)}}}" if any(declaration.strip() for declaration in kept) else ""

    return rewrite_rules(css, rule)


def _declarations(body: str) -> list[str] | None:
    """A rule's body split at its top-level semicolons (not those in strings, comments or `url(...)`).

    None when the body holds a nested rule (CSS nesting), whose braces a split would break.
    """
    parts, depth, start = [], 0, 0
    for token in _TOKEN.finditer(body):
        mark = token.group()
        if mark in ("{", "}"):
            return None
        if mark == "(":
            depth += 1
        elif mark == ")":
            depth = max(0, depth - 1)
        elif mark == ";" and depth == 0:
            parts.append(body[start : token.start()])
            start = token.end()
    parts.append(body[start:])
    return parts
