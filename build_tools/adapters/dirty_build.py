"""An exact `mkdocs serve --dirty`: a save renders only the pages whose output can change, and the site equals a full build.

MkDocs' own dirty build renders a page when its source file is newer than its output page. Here
that is wrong both ways: generated pages always count as changed, while a reading, whose file did
not change, shows YAML that did (its gists and notes, the previews of the entries it links). This
module swaps MkDocs' test for the core's plan (`build_tools.rebuilds`) and repairs what a page that
is not rendered would otherwise lose:

- MkDocs skips `_populate_page` for it, leaving it without title, content and table of contents
  (its nav entry goes blank): they are put back from the last build in `on_env`, before the nav,
  the pages and the sitemap are written.
- Material's search plugin indexes only the pages written this round: the other pages' entries
  are put back, in the order a full build gives.
- A page that no longer exists (a removed entry) is deleted from the site folder.
- MkDocs' warning that a dirty build "will likely lead to inaccurate navigation" is silenced
  while this module makes it exact, and only then.

The `terms` plugin registers `DirtyBuildEvents` into each build's plugins from `on_config`, so its
events run with their own priorities around Material's; `DirtyBuild` is the memory it keeps
between builds.
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Callable, Mapping, MutableMapping
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config import base
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data

from ..linker import LinkTarget
from ..rebuilds import BuildInputs, Rebuilds, fingerprint, folder_fingerprint, link_fingerprints

__all__ = ["DirtyBuild", "DirtyBuildEvents", "PageInput"]

log = get_plugin_logger("terms")

PageInput = Callable[[str, str, MutableMapping[str, Any], str, MkDocsConfig], tuple[str, str, tuple[str, ...]]]
"""(src_uri, Markdown without front matter, front matter, page URL, config) → the Markdown the plugin hands
MkDocs for the page, its linking frequency and its scope: what `on_page_markdown` does, without side effects."""

_POPULATED = ("markdown", "meta", "content", "toc", "_title_from_render", "present_anchor_ids")
"""What MkDocs' `_populate_page` sets on a page (with `links_to_anchors`, kept apart: its keys are files)."""
_DIRTY_WARNING = "A 'dirty' build is being performed"
_KNOWN_PLUGINS = {"terms", "terms/dirty-build", "material/search", "material/offline"}
"""Plugins whose output stays exact when some pages are not rendered (Material's search index is put back here)."""


@dataclass
class _Kept:
    """A page as the last build that rendered it left it."""

    state: dict[str, Any]
    anchors: dict[str, dict[str, str]] | None
    """`links_to_anchors` by the linked file's src_uri (the File objects are new in every build)."""
    search: list[dict[str, Any]] = field(default_factory=list)
    """Its entries in Material's search index."""


class _DirtyWarning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(_DIRTY_WARNING)


class DirtyBuild:
    """What the `terms` plugin keeps across `mkdocs serve --dirty` rebuilds: the plan's memory and the last rendered pages."""

    def __init__(self) -> None:
        self.rebuilds = Rebuilds()
        self.pages: dict[str, _Kept] = {}
        self.outputs: set[str] = set()
        """Files the site folder may hold from earlier builds (relative paths)."""
        self.site_dir = ""
        self.rendered: frozenset[str] | None = None
        """The pages the latest build rendered; None: all of them."""
        self.warning = _DirtyWarning()

    def attach(
        self, config: MkDocsConfig, *, page_input: PageInput, linked: Mapping[str, set[str]], targets: tuple[LinkTarget, ...],
        scopes: Mapping[str, tuple[str, ...]], settings: tuple[object, ...], templates: Path,
    ) -> None:
        """Make this build exact and incremental: register its events and silence MkDocs' warning about dirty builds.

        Args:
            page_input: what the plugin hands MkDocs for a page (see `PageInput`).
            linked: the Markdown extension's record of the entries each rendered page links.
            targets, scopes: the link targets and the readings each page is about.
            settings: the plugin's settings that every page depends on and mkdocs.yml does not show (the edition).
            templates: the project's page templates folder.
        """
        logging.getLogger("mkdocs.commands.build").addFilter(self.warning)
        config.plugins["terms/dirty-build"] = DirtyBuildEvents(self, page_input, linked, targets, scopes, settings, templates)

    def forget(self) -> None:
        """After a failed build, what is on disk is unknown: the next build renders every page."""
        self.rebuilds.forget()
        self.pages.clear()

    def detach(self) -> None:
        logging.getLogger("mkdocs.commands.build").removeFilter(self.warning)


class _NoOptions(base.Config):
    """The events take no options: the `terms` plugin passes them what they need."""


class DirtyBuildEvents(BasePlugin[_NoOptions]):
    """One build's events: plan in `on_nav`, restore in `on_env`, collect search entries, put them back, remember."""

    def __init__(
        self, memory: DirtyBuild, page_input: PageInput, linked: Mapping[str, set[str]], targets: tuple[LinkTarget, ...],
        scopes: Mapping[str, tuple[str, ...]], settings: tuple[object, ...], templates: Path,
    ) -> None:
        self.memory = memory
        self.page_input = page_input
        self.linked = linked
        self.targets = targets
        self.scopes = scopes
        self.settings = settings
        self.templates = templates
        self.render: frozenset[str] | None = None
        """Pages MkDocs renders (`_populate_page`) this round; None: all."""
        self.write_all = False
        """Whether every page is written (`_build_page`) anyway, because the nav changed."""
        self.search: Any = None
        """Material's search plugin, when it is on."""
        self.search_mark = 0
        self.nav: Navigation | None = None
        self.files = Files([])

    # Last: the nav and the files are final.
    @event_priority(-100)
    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        memory = self.memory
        self.nav, self.files = nav, files
        linking, previews = link_fingerprints(self.targets, self.scopes)
        shared = fingerprint(
            Path(config.config_file_path).read_text(encoding="utf-8"), config.site_url, config.site_dir, config.repo_url, config.edit_uri,
            self.settings, linking, tuple((file.src_uri, file.url) for file in files),
            folder_fingerprint(self.templates), folder_fingerprint(Path(config.theme.custom_dir)) if config.theme.custom_dir else None,
        )
        documents = _documents(files)
        pages = {file.src_uri: self._page_fingerprint(file, config) for file in documents}
        plan = memory.rebuilds.plan(BuildInputs(shared, pages, previews))
        unknown = sorted(set(config.plugins) - _KNOWN_PLUGINS)
        if plan is not None and unknown:
            # Another plugin may collect something from every page it sees (tags, an index): only a full render feeds it.
            log.info("Every page is rendered again: the site uses %s, which partial rebuilds do not know.", ", ".join(f"'{name}'" for name in unknown))
            plan = None
        if plan is not None:
            plan = plan | {uri for uri in pages if uri not in memory.pages}
        self.render = memory.rendered = plan
        search = config.plugins.get("material/search")
        self.search = search if search is not None and search.config.enabled else None
        for file in documents:
            # Under --dirty MkDocs renders and writes a page only when this says so (it asks before each step).
            file.is_modified = partial(self._renders, file.src_uri)  # type: ignore[method-assign]
        return nav

    def _page_fingerprint(self, file: File, config: MkDocsConfig) -> str:
        try:
            source = file.content_string
        except (OSError, ValueError):
            return fingerprint("unreadable", id(file))  # never equal: MkDocs reads it and reports the problem
        markdown, meta = get_data(source)
        url = "" if file.url in (".", "./") else file.url
        return fingerprint(source, self.page_input(file.src_uri, markdown, meta, url, config))

    def _renders(self, src_uri: str) -> bool:
        return self.render is None or self.write_all or src_uri in self.render

    # First: other plugins see every page as a full build leaves it.
    @event_priority(100)
    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        memory = self.memory
        for file in _documents(files):
            page = file.page
            if page is None:
                continue
            if self.render is None or file.src_uri in self.render:
                memory.pages[file.src_uri] = _keep(page)
            else:
                _restore(page, memory.pages[file.src_uri], files)
        assert self.nav is not None
        self.write_all = memory.rebuilds.nav_changed(_nav_fingerprint(self.nav))
        _delete_stale(memory, Path(config.site_dir), files)
        self.search_mark = 0 if self.search is None else len(self.search.search_index.entries)
        return env

    # Last: after Material's search plugin has indexed the page.
    @event_priority(-100)
    def on_page_context(self, context: Any, *, page: Page, config: MkDocsConfig, nav: Navigation) -> Any:
        if self.search is not None:
            entries = self.search.search_index.entries
            kept = self.memory.pages.get(page.file.src_uri)
            if kept is not None:
                kept.search = entries[self.search_mark :]
            self.search_mark = len(entries)
        return context

    # Before Material's search plugin writes its index (priority 0).
    @event_priority(50)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        memory = self.memory
        documents = [file.src_uri for file in _documents(self.files)]
        if self.search is not None:
            kept = memory.pages
            self.search.search_index.entries = [entry for uri in documents if uri in kept for entry in kept[uri].search]
            # Material's own dirty-build merge assumes one page per rebuild; the index above is whole already.
            self.search.search_index_prev = None
        memory.rebuilds.finish({uri: self.linked.get(uri, set()) for uri in documents})
        for uri in set(memory.pages).difference(documents):
            del memory.pages[uri]
        if self.render is not None:
            log.info("Rendered %d of %d pages again; the others did not change.", len(self.render), len(documents))
        memory.detach()

    def on_build_error(self, *, error: Exception) -> None:
        self.memory.forget()
        self.memory.detach()


def _documents(files: Files) -> list[File]:
    """Every Markdown page, drafts included (`mkdocs serve` builds them), in the order MkDocs builds them."""
    return [file for file in files if file.is_documentation_page()]


def _keep(page: Page) -> _Kept:
    anchors = page.links_to_anchors
    return _Kept(
        {name: getattr(page, name) for name in (*_POPULATED, "title") if name in vars(page)},
        None if anchors is None else {linked.src_uri: dict(links) for linked, links in anchors.items()},
    )


def _restore(page: Page, kept: _Kept, files: Files) -> None:
    """Give a page MkDocs did not render what rendering it again would give (its inputs did not change)."""
    for name, value in kept.state.items():
        # A plugin may change a page's front matter while writing it; each build gets its own copy.
        setattr(page, name, copy.deepcopy(value) if name == "meta" else value)
    if kept.anchors is not None:
        linked = ((files.get_file_from_path(uri), links) for uri, links in kept.anchors.items())
        page.links_to_anchors = {file: dict(links) for file, links in linked if file is not None}


def _nav_fingerprint(nav: Navigation) -> str:
    """Titles, addresses and order of the nav: what every page shows of the others."""

    def items(children: list[Any]) -> tuple[object, ...]:
        return tuple((type(item).__name__, item.title, getattr(item, "url", None), items(item.children or [])) for item in children)

    return fingerprint(items(nav.items), tuple(page.url for page in nav.pages))


def _delete_stale(memory: DirtyBuild, site_dir: Path, files: Files) -> None:
    """Delete from the site folder what earlier builds wrote for files that are gone (a removed entry's page)."""
    outputs = {file.dest_uri for file in files}
    if memory.site_dir == str(site_dir):
        for stale in sorted(memory.outputs - outputs):
            path = site_dir / stale
            path.unlink(missing_ok=True)
            folder = path.parent
            while folder != site_dir and folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()
                folder = folder.parent
    memory.outputs, memory.site_dir = outputs, str(site_dir)
