"""MkDocs adapter: maps MkDocs events to core calls and holds no content logic of its own."""

from __future__ import annotations

import os
from collections.abc import MutableMapping
from itertools import pairwise
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from ..assets import strip_comments
from ..compact import compact_html, compact_stylesheets
from ..errors import ContentError
from ..layout import Layout
from ..load import ContentPaths
from ..output import StagedOutput, unsafe_output
from ..pages import Site
from ..render_diagram import resolve_doc_links
from ..sanitize import sanitize_html
from ..sharing import edit_link, edit_url, entry_source, share_link
from ..site import load_site
from ..stylesheet_bundle import StylesheetBundle, inline_stylesheets
from ..yamlcache import YamlCache
from ..yamlfile import read_yaml
from .dirty_build import DirtyBuild
from .markdown_ext import FREQUENCIES, TermLinkExtension
from .template_cache import TemplateCache
from .theme_templates import CompactTemplates
from .variants import SHIM, SHIM_URI, offline_enabled

__all__ = ["TermsPlugin", "TermsPluginConfig"]

log = get_plugin_logger("terms")

_REQUIRED_EXTENSIONS = ("attr_list", "md_in_html", "admonition", "pymdownx.details", "toc")


class TermsPluginConfig(base.Config):
    enabled = c.Type(bool, default=True)
    """Run the plugin; with `false` the site builds from docs/ alone (no generated pages, no term links)."""
    content_dir = c.Type(str, default="glossary")
    """Folder of curated YAML, relative to mkdocs.yml."""
    readings_dir = c.Type(str, default="readings")
    """Folder of readings inside docs_dir; each Markdown file there is a reading."""
    templates_dir = c.Type(str, default="templates")
    """Folder of page templates, relative to mkdocs.yml: each overrides the built-in template of the same name (like Material's `custom_dir`)."""
    linker_frequency = c.Choice(FREQUENCIES, default="first-per-section")
    """How often one entry is linked on ordinary pages; a page's front matter `term_links` overrides it."""
    linker_reading_frequency = c.Choice(FREQUENCIES, default="spaced")
    """How often one entry is linked on reading pages: by default at its first mention, then again after `linker_gap` paragraphs without it."""
    linker_gap = c.Type(int, default=12)
    """With 'spaced': how many paragraphs in a row must not mention an entry before it is linked again."""
    teacher_edition = c.Type(bool, default=False)
    """Show teacher notes and teacher annotations. Write `teacher_edition: !ENV [TEACHER_EDITION, false]`: the command line
    sets the variable for each edition it builds, and `TEACHER_EDITION=true mkdocs serve` previews the teacher edition."""
    teacher_edition_publish = c.Type(bool, default=True)
    """`python -m build_tools build` (and so `make site` and the deploy) also builds the teacher edition into `teacher/` of the site."""


class TermsPlugin(BasePlugin[TermsPluginConfig]):
    """Adds the generated pages and the term-linking extension to an MkDocs build."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.site: Site | None = None
        self.command = "build"
        self.dirty = False
        self.staged: StagedOutput | None = None
        self.yaml_cache = YamlCache()
        """Kept with the instance across `serve` rebuilds: a save re-reads the files that changed, not all."""
        self.dirty_build = DirtyBuild()
        """Kept across `serve --dirty` rebuilds: a save renders again only the pages that can change."""
        self.template_cache = TemplateCache()
        """Kept across `serve` rebuilds: the theme's templates are compiled once, not on every save."""
        self.stylesheets = StylesheetBundle()
        """The stylesheets every page links, joined into one file; a new one for each build."""
        self.written: dict[str, str] = {}
        """This build's pages as written, by absolute path: the stylesheet trim reads them here, not back from disk."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup keeps this instance across `serve` rebuilds, so the last good
        # content survives a bad edit while the teacher fixes it.
        self.command = command
        self.dirty = dirty

    # Early: a content error stops the build before other plugins start their work.
    @event_priority(50)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.stylesheets = StylesheetBundle()
        if not self.config.enabled:
            return config
        root = Path(config.config_file_path).parent
        paths = ContentPaths(
            root, self.config.content_dir, config.docs_dir, self.config.readings_dir, Path(config.config_file_path).name, self.config.templates_dir
        )
        try:
            # Parsed files are kept only for the live preview's next rebuild; a one-off build would just hold them in memory.
            read = self.yaml_cache.read if self.command == "serve" else read_yaml
            self.site = load_site(paths, Layout(), teacher=self.config.teacher_edition, read=read)
        except ContentError as error:
            if self.command != "serve" or self.site is None:
                raise PluginError(error.report()) from None
            log.error("%s\nStill serving the last good version.", error.report())
        if self.config.teacher_edition:
            # Read by overrides/main.html: the "Teacher edition" banner and a noindex tag on every page.
            config.extra["teacher_edition"] = True
        if self.command != "serve" and not self.dirty:
            self._stage_output(config, paths)
        if offline_enabled(config):
            # Before Material's offline plugin (priority 0), which adds the iframe-worker shim from a CDN
            # unless a polyfill named like it is already there: ours is vendored, so the copy loads nothing remote.
            config.extra["polyfills"] = [*(url for url in config.extra.get("polyfills", []) if "iframe-worker" not in url), SHIM_URI]
        for name in _REQUIRED_EXTENSIONS:
            if name not in config.markdown_extensions:
                config.markdown_extensions.append(name)
        self.extension = TermLinkExtension(frequency=self.config.linker_frequency, gap=self.config.linker_gap)
        self.extension.set_targets(list(self.site.targets), self.site.linker)
        config.markdown_extensions.append(self.extension)
        if self.command == "serve":
            self.template_cache.attach(config.theme)
        if self.command == "serve" and self.dirty:
            self.dirty_build.attach(
                config, page_input=self.page_input, linked=self.extension.linked, targets=self.site.targets, scopes=self.site.scopes,
                settings=(self.config.teacher_edition, offline_enabled(config)), templates=paths.templates,
            )
        return config

    # Early: other plugins see the generated pages among the files.
    @event_priority(50)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if not self.config.enabled:
            return files
        assert self.site is not None
        for page in self.site.pages:
            existing = files.get_file_from_path(page.src_uri)
            if existing is not None:
                log.warning("'%s' in docs/ is replaced by the generated page; move or rename it.", page.src_uri)
                files.remove(existing)
            files.append(File.generated(config, page.src_uri, content=page.markdown))
        if offline_enabled(config):
            files.append(File.generated(config, SHIM_URI, abs_src_path=str(SHIM)))
        # The site's own stylesheets and scripts go out without their comments: pages are weighed.
        for uri in [*config.extra_css, *(str(script) for script in config.extra_javascript)]:
            own = files.get_file_from_path(uri)
            if own is not None and not own.generated_by and own.abs_src_path and uri.endswith((".css", ".js")):
                files.remove(own)
                text = Path(own.abs_src_path).read_text(encoding="utf-8")
                files.append(File.generated(config, uri, content=strip_comments(text, Path(uri).suffix)))
        return files

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        # Pages come out of compact_html the same either way; compacting the theme once here spares it about a quarter of its work.
        if env.loader is not None:
            env.loader = CompactTemplates(env.loader)
        return env

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        # The theme's pages that are not content pages (404.html), as compact as the others.
        return compact_html(output_content) if template_name.endswith(".html") else output_content

    # Late: the teacher edition's first page goes first after other plugins have arranged the nav.
    @event_priority(-50)
    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        if not self.config.enabled:
            return nav
        assert self.site is not None
        first = files.get_file_from_path(self.site.first_page) if self.site.first_page else None
        if first is not None and first.page is not None:
            _put_first(nav, first.page)
        return nav

    # Early: other plugins read a reading page's numbered Markdown, not its source.
    @event_priority(50)
    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if not self.config.enabled:
            return markdown
        markdown, frequency, scope = self.page_input(page.file.src_uri, markdown, page.meta, page.url, config, warn=True)
        self.extension.start_page(page.file.src_uri, frequency, scope)
        return markdown

    def page_input(self, uri: str, markdown: str, meta: MutableMapping[str, Any], url: str, config: MkDocsConfig, *, warn: bool = False) -> tuple[str, str, tuple[str, ...]]:
        """A page's Markdown as this plugin hands it to MkDocs, with how often and which entries it links: what the page is rendered from."""
        assert self.site is not None
        is_reading = uri in self.site.readings
        frequency = meta.get("term_links") or (self.config.linker_reading_frequency if is_reading else "")
        if frequency not in ("", *FREQUENCIES):
            if warn:
                log.warning("%s: 'term_links' is '%s'. Use one of: %s.", uri, frequency, ", ".join(FREQUENCIES))
            frequency = ""
        scope = self.site.scope(uri, meta.get("readings"))
        if is_reading or uri == self.site.layout.questions:
            body = self.site.readings[uri] if is_reading else markdown
            return body + share_link(config.site_url and config.site_url.rstrip("/") + "/" + url, self.site.templates), str(frequency), scope
        entry = self.site.entry_pages.get(uri)
        if entry is not None:
            path = entry_source(self.config.content_dir, entry)
            return markdown + edit_link(edit_url(config.repo_url, config.edit_uri, config.docs_dir, path), self.site.templates), str(frequency), scope
        return self.site.fill(uri, markdown), str(frequency), scope

    # Last: what is kept for the stylesheet trim is the page exactly as MkDocs writes it.
    @event_priority(-100)
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        # A page's own stylesheets (front matter `extra_css`), after the theme's, so they win: inside the
        # page (the site's files are copied before pages are built), or linked when one is not in the site.
        own = [Path(config.site_dir, path) for path in page.meta.get("extra_css") or []]
        if all(sheet.is_file() for sheet in own):
            output = inline_stylesheets(output, [self.stylesheets.own_sheet(sheet) for sheet in own])
        else:
            links = "".join(f'<link rel="stylesheet" href="{get_relative_url(path, page.url)}">' for path in page.meta["extra_css"])
            output = output.replace("</head>", f"{links}</head>", 1)
        output = compact_html(self.stylesheets.relink(output, page.url))
        if self.command != "serve":  # the live preview does not trim stylesheets
            self.written[os.path.abspath(page.file.abs_dest_path)] = output
        return output

    @event_priority(-100)
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        # Last of all on_page_content handlers, before Material's search reads the page (on_page_context).
        if not self.config.enabled:
            return html
        assert self.site is not None
        trusted = self.site.trusted.get(page.file.src_uri, ()) if page.file.generated_by is not None else ()

        def url_of(src_uri: str) -> str | None:
            file = files.get_file_from_path(src_uri)
            return None if file is None else get_relative_url(file.url, page.url)

        # Links inside generated SVG are written `docs:<file>`; they become page URLs before the allow-list runs.
        return sanitize_html(resolve_doc_links(html, url_of), trusted=trusted)

    def _stage_output(self, config: MkDocsConfig, paths: ContentPaths) -> None:
        # MkDocs empties site_dir right after on_config and aborts a strict build only after writing
        # every page: build into a staging folder and swap it in from on_post_build when all is well.
        site_dir = Path(config.site_dir)
        docs = Path(config.docs_dir)
        problem = unsafe_output(site_dir, {f"'{docs.name}/'": docs, f"'{paths.content_dir}/'": paths.content})
        if problem:
            raise PluginError(f"{Path(config.config_file_path).name}: {problem}")
        self.staged = StagedOutput(site_dir)
        config.site_dir = str(self.staged.staging)

    @event_priority(-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        # Last, after the search index and every other plugin has written into the staging folder.
        written, self.written = self.written, {}
        # Not in the live preview: weight matters for the deployed site, and `serve --dirty` does not copy
        # the theme's stylesheets again, so a second trim would cut an already trimmed sheet.
        if self.command != "serve":
            compact_stylesheets(Path(config.site_dir), written)
        # After compacting (and in the preview too, since the pages link it): the bundle joins the sheets as built.
        try:
            self.stylesheets.write(Path(config.site_dir))
        except FileNotFoundError as error:
            raise PluginError(str(error)) from None
        if self.staged is not None:
            config.site_dir = str(self.staged.output)
            if not self.staged.finish(strict=config.strict):
                log.info("The strict build logged warnings; '%s' was left as it was.", self.staged.output.name)
            self.staged = None

    def on_build_error(self, *, error: Exception) -> None:
        self.written = {}
        if self.staged is not None:
            self.staged.discard()
            self.staged = None

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        if self.config.enabled:
            root = Path(config.config_file_path).parent
            server.watch(str(root / self.config.content_dir))
            if (root / self.config.templates_dir).is_dir():
                server.watch(str(root / self.config.templates_dir))
        return server


def _put_first(nav: Navigation, page: Page) -> None:
    """Show `page` first in the nav and first in previous/next order."""
    if page in nav.items:
        nav.items.remove(page)
    nav.items.insert(0, page)
    page.parent = None
    nav.pages[:] = [page, *(other for other in nav.pages if other is not page)]
    page.previous_page = None
    for previous, current in pairwise(nav.pages):
        previous.next_page, current.previous_page = current, previous
