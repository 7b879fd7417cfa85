"""Smaller pages: the indentation and blank lines the theme's templates leave in every page, removed,
the site's own stylesheets and scripts without comments and spare whitespace, and the theme's
stylesheet without the rules this site cannot use (see `css_trim`).

Leading spaces on a line never change how HTML renders outside `pre`, `textarea`, `script` and
`style` (the line break before them still separates words), so those blocks are kept as they are.
On the reading page this saves about half a kilobyte after gzip, for every visitor.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from pathlib import Path

from .css_properties import drop_unread_properties
from .css_trim import SiteText, trim_unused_rules

__all__ = ["compact_css", "compact_html", "compact_js", "compact_stylesheets", "compact_template"]

_KEEP = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2\s*>)", re.IGNORECASE | re.DOTALL)
_INDENT = re.compile(r"\n\s+")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def compact_html(html: str) -> str:
    """The page without indentation and blank lines, except inside pre, textarea, script and style."""
    return _compact(html, _without_indents_and_comments)


def _without_indents_and_comments(text: str) -> str:
    # Comments (the icon set's licence note in every inline icon, say) never render.
    return _INDENT.sub("\n", _COMMENT.sub("", text))


def compact_template(source: str) -> str:
    """A theme template's source compacted as `compact_html` compacts the pages it prints, once when it loads.

    Most of a page is the theme's, written in templates indented for people to read: removed from
    the template, that indentation is never printed, and `compact_html` has far less to do on each
    page (which it must still do: the blank lines statements leave, and the text a template prints).
    Whitespace inside a Jinja tag changes nothing it prints, so tags are text like any other here;
    the exception, a string literal spanning lines that a template then prints inside a pre or
    script block, is not in Material's templates (the test that compares whole sites says so). An HTML
    comment that holds a Jinja statement (`<!-- {% set x = 1 %} -->`) stays: removing it would
    change what the template does.
    """
    return _compact(source, _without_indents_and_plain_comments)


def _without_indents_and_plain_comments(text: str) -> str:
    return _INDENT.sub("\n", _COMMENT.sub(_unless_statement, text))


def _unless_statement(comment: re.Match[str]) -> str:
    return comment.group() if "{%" in comment.group() else ""


def _compact(text: str, compact: Callable[[str], str]) -> str:
    """`text` with `compact` applied outside pre, textarea, script and style, whose whitespace is meaningful."""
    parts = _KEEP.split(text)
    # split() with two groups yields: text, whole kept block, tag name, text, ...
    out = []
    for index in range(0, len(parts), 3):
        out.append(compact(parts[index]))
        if index + 1 < len(parts):
            out.append(parts[index + 1])
    return "".join(out)


_CSS_TOKENS = re.compile(r"(\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*')|/\*.*?\*/|(\s+)", re.DOTALL)
_CSS_PUNCTUATION = re.compile(r" ?([{};]) ?")


def compact_css(css: str) -> str:
    """A stylesheet without comments, with whitespace runs made single and none around braces and semicolons.

    Strings are kept exactly; nothing else changes meaning (a space between selectors stays a space).
    """
    segments: list[tuple[str, bool]] = []
    position = 0
    for match in _CSS_TOKENS.finditer(css):
        segments.append((css[position : match.start()], False))
        if match.group(1):
            segments.append((match.group(1), True))
        elif match.group(2):
            segments.append((" ", False))
        position = match.end()
    segments.append((css[position:], False))
    out: list[str] = []
    code = ""
    for text, is_string in segments:
        if is_string:
            out += [_code(code), text]
            code = ""
        else:
            code += text
    out.append(_code(code))
    return "".join(out).strip()


def _code(text: str) -> str:
    # No space is needed after ':' or ',' (strings are not passed here, so their spaces stay).
    return re.sub(r"([:,]) ", r"\1", _CSS_PUNCTUATION.sub(r"\1", re.sub(r" {2,}", " ", text)))


_HEADER_COMMENT = re.compile(r"\A\s*/\*.*?\*/[ \t]*\n?", re.DOTALL)


def compact_js(script: str) -> str:
    """A script without its header comment and the indentation of its lines; line breaks stay, so no statement changes meaning.

    Only a comment that opens the file goes: nothing before it can be a string or a regular expression
    that looks like one (the theme folder's scripts, such as the lazy search loader, start with a note on why).
    """
    return re.sub(r"\n[ \t]+", "\n", _HEADER_COMMENT.sub("", script, count=1))


def compact_stylesheets(site_dir: Path, written: Mapping[str, str] | None = None) -> int:
    """Compact every stylesheet and script of the built site that is not minified already; returns how many.

    The theme's own stylesheets (minified already) lose the rules no page or script of the site can use.

    Args:
        site_dir: The built site.
        written: The text of pages this build wrote, by path (as MkDocs wrote them, before their
            UTF-8 encoding): they are not read back from disk. A page whose file no longer has that
            size (something rewrote it since) is read from disk after all.
    """
    pages: list[str] = []
    scripts: list[str] = []
    sheets: list[str] = []
    # One walk for everything: on a site of thousands of pages the walk is a good part of this function's time.
    for folder, _, names in os.walk(site_dir):
        for name in names:
            if name.endswith(".html"):
                pages.append(os.path.join(folder, name))
            elif name.endswith((".js", ".css")):
                (scripts if name.endswith(".js") else sheets).append(os.path.join(folder, name))
    text = SiteText()
    for page in pages:
        text.add(_page_text(page, written or {}))
    for script in scripts:
        text.add(Path(script).read_text(encoding="utf-8", errors="replace"))
    used = text.used()
    count = 0
    own_sheets: list[str] = []
    for path in sorted(Path(file) for file in (*scripts, *sheets)):
        # The theme ships its own files minified (lunr language files aside, left as they are).
        if path.name.endswith((".min.css", ".min.js")) or "/lunr/" in path.as_posix():
            continue
        source = path.read_text(encoding="utf-8")
        compacted = compact_css(source) if path.suffix == ".css" else compact_js(source)
        path.unlink()  # never write through a link into the docs folder
        path.write_text(compacted, encoding="utf-8")
        if path.suffix == ".css":
            own_sheets.append(compacted)  # what reads the theme's custom properties, besides the theme
        count += 1
    theme_sheets = sorted(site_dir.glob("assets/stylesheets/*.min.css"))
    trimmed = [trim_unused_rules(sheet.read_text(encoding="utf-8"), used) for sheet in theme_sheets]
    for sheet, thinned in zip(theme_sheets, drop_unread_properties(trimmed, own_sheets, used), strict=True):
        sheet.unlink()  # never write through a link into the theme's folder
        sheet.write_text(thinned, encoding="utf-8")
    return count


def _page_text(path: str, written: Mapping[str, str]) -> str:
    """The page at `path` as the build wrote it, read back only when it is not at hand or changed since."""
    text = written.get(os.path.abspath(path))
    if text is not None and os.stat(path).st_size == _utf8_size(text):
        return text
    return Path(path).read_text(encoding="utf-8", errors="replace")


def _utf8_size(text: str) -> int:
    """Bytes of `text` as MkDocs writes it; `isascii` is a flag Python keeps, so most pages need no encoding."""
    return len(text) if text.isascii() else len(text.encode("utf-8", errors="xmlcharrefreplace"))
