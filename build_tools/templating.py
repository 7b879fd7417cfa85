"""Page templates: Jinja2 with autoescape, compiled once per build, which a project may override.

The generated pages are Markdown (with HTML blocks), so autoescape escapes for Markdown: every
value a template prints is made plain text (`markdown_text.escape`: no formatting, no raw HTML)
unless it is already safe (`Markup`: Markdown that the build itself wrote, or a filter's result).
Jinja calls `finalize` on each printed value before its own HTML escape, which leaves `Markup` alone.

Filters name the other contexts: `md` (teacher-written Markdown, made inert), `html` and `html_text`
(raw HTML attributes and text), `url` (an address inside `<...>`), `indent_body` (the body of an
admonition). Jinja's `~` and `join` on plain strings would escape for HTML instead: templates
print pieces side by side, and `join` is replaced by one that escapes for Markdown.

A project overrides a page by putting a template of the same name in its templates folder
(`templates/` beside mkdocs.yml by default), as Material's `custom_dir` overrides theme files. An
override may extend the built-in one as `default/<name>`. The sanitizer still checks every page:
templates decide the structure, not what is safe to publish.
"""

from __future__ import annotations

import html
import types
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from .errors import ContentError, Problem
from .markdown_text import escape, link, safe_markdown

__all__ = ["BUILT_IN", "PageTemplates", "page_templates"]

BUILT_IN = Path(__file__).resolve().parent / "templates"
"""The built-in templates, shipped with the package."""

_SUFFIX = ".md.j2"
_FIX = "Fix the template, or delete it to use the built-in one."


_FINAL = (Markup, jinja2.Undefined)


def _finalize(value: object) -> object:
    """Autoescape for Markdown: plain values become inert text; `Markup` (and undefined values, which raise) pass."""
    if isinstance(value, _FINAL):
        return value
    return Markup(escape(str(value)))


def _md(value: str) -> Markup:
    """Teacher-written Markdown: formatting kept, raw HTML and attribute lists neutralised."""
    return value if isinstance(value, Markup) else Markup(safe_markdown(str(value)))


def _html(value: object) -> Markup:
    """A value inside a raw HTML attribute or element."""
    return value if isinstance(value, Markup) else Markup(html.escape(str(value)))


def _html_text(value: object) -> Markup:
    """A value inside raw HTML text, where quotes need no escaping."""
    return value if isinstance(value, Markup) else Markup(html.escape(str(value), quote=False))


def _url(value: object) -> Markup:
    """An address inside a Markdown autolink `<...>`; validated addresses come out unchanged."""
    text = str(value)
    for char, code in (("<", "%3C"), (">", "%3E"), (" ", "%20"), ('"', "%22")):
        text = text.replace(char, code)
    return Markup(text)


def _indent_body(value: object) -> Markup:
    """Four spaces before each line that has text: the body of an admonition or a collapsible note."""
    text = value if isinstance(value, Markup) else Markup(escape(str(value)))
    return Markup("\n".join(f"    {line}" if line else "" for line in str(text).splitlines()))


def _join(values: Iterable[object], separator: str = "") -> Markup:
    """Jinja's `join`, escaping each plain item for Markdown (Jinja's own escapes for HTML)."""
    return Markup(str(separator).join(str(_finalize(value)) for value in values))


def _link(from_uri: str, to_uri: str, anchor: str = "") -> Markup:
    """A relative link between docs files; paths and anchors come from the layout, never from free text."""
    return Markup(link(from_uri, to_uri, anchor))


class PageTemplates:
    """One Jinja2 environment: the project's templates folder first, then the built-in templates."""

    def __init__(self, folder: Path | None = None, root: Path | None = None) -> None:
        """
        Args:
            folder: the project's templates folder; None, or a missing folder, means built-in templates only.
            root: the project folder, to name template files in messages.
        """
        self.folder = folder if folder is not None and folder.is_dir() else None
        self.root = root
        built_in = jinja2.FileSystemLoader(BUILT_IN)
        loaders: list[jinja2.BaseLoader] = [jinja2.FileSystemLoader(self.folder)] if self.folder else []
        loader = jinja2.ChoiceLoader([*loaders, jinja2.PrefixLoader({"default": built_in}), built_in])
        self.environment = jinja2.Environment(
            loader=loader,
            autoescape=True,
            finalize=_finalize,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self.environment.filters.update(md=_md, html=_html, html_text=_html_text, url=_url, indent_body=_indent_body, join=_join)
        self.environment.globals.update(link=_link)
        self._loaded: dict[str, jinja2.Template] = {}
        """Templates already fetched in this build: Jinja checks an override's file for edits on each fetch (a file
        system call), so each is fetched once per build (see `refresh`), not once per page."""

    def refresh(self) -> None:
        """Start a build: the next render of each template checks its file for edits again."""
        self._loaded.clear()

    def _template(self, name: str) -> jinja2.Template:
        template = self._loaded.get(name)
        if template is None:
            template = self._loaded[name] = self.environment.get_template(name)
        return template

    def overrides(self) -> list[Path]:
        """The project's template files, sorted."""
        return sorted(self.folder.glob(f"*{_SUFFIX}")) if self.folder else []

    def problems(self) -> list[Problem]:
        """Every override that does not compile or names no built-in template, each at its file and line."""
        found = []
        for path in self.overrides():
            if not (BUILT_IN / path.name).is_file():
                names = ", ".join(f"'{built.name}'" for built in sorted(BUILT_IN.glob(f"*{_SUFFIX}")))
                found.append(
                    Problem(self._display(path), 0, f"no built-in template is called '{path.name}', so it is never used. Rename it to one of {names}.")
                )
                continue
            try:
                self.environment.get_template(path.name)
            except jinja2.TemplateSyntaxError as error:
                found.append(self._problem(error.filename, error.lineno, error.message or str(error)))
        return found

    def render(self, name: str, **context: Any) -> str:
        """The page from template `name`; a broken override raises `ContentError` at its file and line.

        The page ends with one newline however its template ends, so each block of a template may
        end with the blank line that separates it from the next.

        Raises:
            ContentError: the project's template does not compile or fails while rendering.
        """
        # Compiled once and kept by the environment; an edited override is compiled again.
        return self._guarded(lambda: self._template(name).render(context).rstrip("\n") + "\n")

    def call(self, name: str, macro: str, *args: Any) -> str:
        """The output of `macro` in template `name` (a block several pages share), exactly as the macro writes it.

        Raises:
            ContentError: the project's template does not compile or fails while rendering.
        """
        return self._guarded(lambda: str(getattr(self._template(name).module, macro)(*args)))

    def _guarded(self, run: Callable[[], str]) -> str:
        """Run a render; an error in a project template becomes a problem at its file and line."""
        try:
            return run()
        except jinja2.TemplateSyntaxError as error:
            raise ContentError([self._problem(error.filename, error.lineno, error.message or str(error))]) from None
        except Exception as error:
            where = self._override_frame(error.__traceback__)
            if where is None:
                raise  # a bug in the built-in templates or the code that fills them: keep the traceback
            raise ContentError([self._problem(*where, _describe(error))]) from None

    def _override_frame(self, traceback: types.TracebackType | None) -> tuple[str, int] | None:
        """The innermost line of a project template the error passed through (Jinja maps frames to template lines)."""
        if self.folder is None:
            return None
        found = None
        folder = self.folder.resolve()
        while traceback is not None:
            filename = traceback.tb_frame.f_code.co_filename
            if filename.endswith(_SUFFIX) and Path(filename).resolve().is_relative_to(folder):
                found = (filename, traceback.tb_lineno)
            traceback = traceback.tb_next
        return found

    def _problem(self, filename: str | None, line: int | None, message: str) -> Problem:
        path = self._display(Path(filename)) if filename else "templates"
        return Problem(path, line or 0, f"template error: {message.rstrip('.')}. {_FIX}")

    def _display(self, path: Path) -> str:
        if self.root is not None:
            try:
                return path.resolve().relative_to(self.root.resolve()).as_posix()
            except ValueError:
                pass
        return path.as_posix()


def _describe(error: Exception) -> str:
    """The error in a teacher's words; an undefined name also points to the built-in template's variables."""
    if isinstance(error, jinja2.UndefinedError):
        return f"{error.message}; the variables a template can use are those of the built-in template of the same name"
    return str(error) or type(error).__name__


@lru_cache(maxsize=16)
def _cached(folder: Path | None, root: Path | None, names: tuple[str, ...]) -> PageTemplates:
    return PageTemplates(folder, root)


def page_templates(folder: Path | None = None, root: Path | None = None) -> PageTemplates:
    """The templates for a project, compiled once and reused by every build of the same folder.

    The cache is keyed on the folder's template names too, so a template added while serving is
    picked up; Jinja reloads an edited one by itself.
    """
    names = tuple(path.name for path in sorted(folder.glob(f"*{_SUFFIX}"))) if folder is not None and folder.is_dir() else ()
    templates = _cached(folder if names else None, root if names else None, names)
    templates.refresh()
    return templates
