"""MkDocs adapter: maps MkDocs events to core calls and holds no content logic of its own."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from .assets import strip_comments
from .errors import ContentError
from .layout import Layout
from .load import ContentPaths
from .markdown_ext import FREQUENCIES, TermLinkExtension
from .pages import Site
from .render_diagram import resolve_doc_links
from .site import load_site

__all__ = ["TermsPlugin", "TermsPluginConfig"]

log = get_plugin_logger("terms")

_REQUIRED_EXTENSIONS = ("attr_list", "md_in_html", "admonition", "pymdownx.details", "toc")


class TermsPluginConfig(base.Config):
    content_dir = c.Type(str, default="glossary")
    """Folder of curated YAML, relative to mkdocs.yml."""
    readings_dir = c.Type(str, default="readings")
    """Folder of readings inside docs_dir; each Markdown file there is a reading."""
    linker_frequency = c.Choice(FREQUENCIES, default="first-per-section")
    """How often one entry is linked on ordinary pages; a page's front matter `term_links` overrides it."""
    linker_reading_frequency = c.Choice(FREQUENCIES, default="spaced")
    """How often one entry is linked on reading pages: by default at its first mention, then again after `linker_gap` paragraphs without it."""
    linker_gap = c.Type(int, default=8)
    """With 'spaced': how many paragraphs in a row must not mention an entry before it is linked again."""
    teacher_edition = c.Type(bool, default=False)
    """Show teacher notes and teacher annotations (build the teacher edition to its own folder)."""


class TermsPlugin(BasePlugin[TermsPluginConfig]):
    """Adds the generated pages and the term-linking extension to an MkDocs build."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.site: Site | None = None
        self.command = "build"

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup keeps this instance across `serve` rebuilds, so the last good
        # content survives a bad edit while the teacher fixes it.
        self.command = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).parent
        paths = ContentPaths(root, self.config.content_dir, config.docs_dir, self.config.readings_dir)
        try:
            self.site = load_site(paths, Layout(), teacher=self.config.teacher_edition)
        except ContentError as error:
            if self.command != "serve" or self.site is None:
                raise PluginError(error.report()) from None
            log.error("%s\nStill serving the last good version.", error.report())
        for name in _REQUIRED_EXTENSIONS:
            if name not in config.markdown_extensions:
                config.markdown_extensions.append(name)
        self.extension = TermLinkExtension(frequency=self.config.linker_frequency, gap=self.config.linker_gap)
        self.extension.set_targets(list(self.site.targets))
        config.markdown_extensions.append(self.extension)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.site is not None
        for page in self.site.pages:
            existing = files.get_file_from_path(page.src_uri)
            if existing is not None:
                log.warning("'%s' in docs/ is replaced by the generated page; move or rename it.", page.src_uri)
                files.remove(existing)
            files.append(File.generated(config, page.src_uri, content=page.markdown))
        # The site's own stylesheets and scripts go out without their comments: pages are weighed.
        for uri in [*config.extra_css, *(str(script) for script in config.extra_javascript)]:
            own = files.get_file_from_path(uri)
            if own is not None and not own.generated_by and own.abs_src_path and uri.endswith((".css", ".js")):
                files.remove(own)
                text = Path(own.abs_src_path).read_text(encoding="utf-8")
                files.append(File.generated(config, uri, content=strip_comments(text, Path(uri).suffix)))
        return files

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        assert self.site is not None
        for section in self.site.nav_sections:
            index = files.get_file_from_path(section.index_uri)
            if index is None or index.page is None or index.page not in nav.pages:
                continue
            members = [files.get_file_from_path(uri) for uri in section.members]
            pages = [file.page for file in members if file is not None and file.page is not None]
            _group(nav, index.page, section.title, pages)
        return nav

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        assert self.site is not None
        uri = page.file.src_uri
        is_reading = uri in self.site.readings
        frequency = page.meta.get("term_links") or (self.config.linker_reading_frequency if is_reading else "")
        self.extension.start_page(uri, str(frequency))
        return self.site.readings[uri] if is_reading else markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        def url_of(src_uri: str) -> str | None:
            file = files.get_file_from_path(src_uri)
            return None if file is None else get_relative_url(file.url, page.url)

        return resolve_doc_links(html, url_of)

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        # A page's own stylesheets (front matter `extra_css`), after the theme's, so they win.
        links = "".join(f'<link rel="stylesheet" href="{get_relative_url(path, page.url)}">' for path in page.meta.get("extra_css") or [])
        return output.replace("</head>", f"{links}</head>", 1) if links else output

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        server.watch(str(Path(config.config_file_path).parent / self.config.content_dir))
        return server


def _group(nav: Navigation, index: Page, title: str, pages: list[Page]) -> None:
    """Put entry pages under their index page as one nav section (Material shows the index as its link)."""
    section = Section(title, [index, *pages])
    parent = index.parent
    siblings = parent.children if parent is not None else nav.items
    siblings[siblings.index(index)] = section
    section.parent = parent
    for child in section.children:
        child.parent = section
    others = [page for page in nav.pages if page not in pages]
    position = others.index(index)
    nav.pages[:] = [*others[: position + 1], *pages, *others[position + 1 :]]
    for previous, current in pairwise(nav.pages):
        previous.next_page, current.previous_page = current, previous

