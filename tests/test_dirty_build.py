"""`mkdocs serve --dirty`: a save renders only the pages it can change, and the site equals a full build.

Each case builds a copy of the mini project as `make serve` does (one plugin instance, `--dirty`),
edits it, builds it again the same way, then builds a fresh copy of the edited project from
scratch: the two site folders must hold the same files, byte for byte (the search index and the
sitemap included), while the incremental build rendered only the pages the edit can change.
"""

from __future__ import annotations

import gzip
import logging
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import material
import pytest
from mkdocs.commands.build import build
from mkdocs.config.defaults import MkDocsConfig

from build_tools.adapters.variants import load_variant
from conftest import MINI

SERVE_URL = "http://127.0.0.1:8000/mini/"
KEEPER = """title: Keeper
short: A person who looks after a lighthouse.
explanation: Keepers lit the lamp.
sources:
  - publisher: Example Encyclopedia
    title: Keeper
    date: 2019
    url: https://example.org/keeper
"""


@pytest.fixture(autouse=True)
def own_plugins() -> Iterator[None]:
    """MkDocs keeps one instance of each plugin that has `on_startup` per process (that is how `serve`
    keeps plugins across rebuilds): each test starts with new ones and leaves none to the next test."""
    cache = dict(MkDocsConfig._schema)["plugins"].plugin_cache
    cache.clear()
    yield
    cache.clear()


def serve_build(project: Path, site: Path, *, dirty: bool, command: str = "serve") -> MkDocsConfig:
    """One build as `mkdocs serve [--dirty]` makes it (same plugin instances as the previous call)."""
    config = load_variant(project / "mkdocs.yml", site_dir=str(site))
    config.plugins.on_startup(command=command, dirty=dirty)
    config.site_url = SERVE_URL
    build(config, serve_url=SERVE_URL, dirty=dirty)
    return config


def site_files(site: Path) -> dict[str, bytes | None]:
    """Every file (its bytes) and folder (None) of a site; gzip files decompressed (their header holds a time)."""
    found: dict[str, bytes | None] = {}
    for path in sorted(site.rglob("*")):
        data = path.read_bytes() if path.is_file() else None
        found[path.relative_to(site).as_posix()] = gzip.decompress(data) if data is not None and path.suffix == ".gz" else data
    return found


def page_file(src_uri: str) -> str:
    """Where MkDocs writes a page (directory URLs)."""
    stem = src_uri.removesuffix(".md")
    return "index.html" if stem == "index" else f"{stem.removesuffix('index')}/index.html".replace("//", "/")


def linking(site: Path, entry: str) -> set[str]:
    """The pages of a built site that link `entry`."""
    return {path.relative_to(site).as_posix() for path in site.rglob("*.html") if f'aria-describedby="term-def-{entry}"' in path.read_text(encoding="utf-8")}


def edit(project: Path, path: str, old: str, new: str) -> None:
    file = project / path
    text = file.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"'{old}' is not in {path} once"
    file.write_text(text.replace(old, new), encoding="utf-8")


def incremental_and_clean(tmp_path: Path, change: Callable[[Path], None], prepare: Callable[[Path], None] | None = None) -> tuple[Any, Path, Path]:
    """Build, change, build again incrementally; build the changed project from scratch. Returns what the
    incremental build rendered (None: every page) and both site folders."""
    project = tmp_path / "project"
    shutil.copytree(MINI, project)
    if prepare is not None:
        prepare(project)
    served = tmp_path / "served"
    serve_build(project, served, dirty=True)
    change(project)
    config = serve_build(project, served, dirty=True)
    rendered = config.plugins["terms"].dirty_build.rendered
    dict(MkDocsConfig._schema)["plugins"].plugin_cache.clear()
    fresh_project = tmp_path / "fresh-project"
    shutil.copytree(project, fresh_project)
    fresh = tmp_path / "fresh"
    serve_build(fresh_project, fresh, dirty=False)
    return rendered, served, fresh


def assert_same_site(served: Path, fresh: Path) -> None:
    incremental, clean = site_files(served), site_files(fresh)
    assert sorted(incremental) == sorted(clean)
    assert [name for name in clean if incremental[name] != clean[name]] == []


def all_pages(site: Path) -> set[str]:
    return {path.relative_to(site).as_posix() for path in site.rglob("index.html")}


def change_short(project: Path) -> None:
    edit(project, "glossary/terms/quay.yml", "short: A stone platform", "short: A long stone platform")


def add_about_page(project: Path) -> None:
    """A page whose nav entry takes its title from the page's heading."""
    (project / "docs/about.md").write_text("# About\n\nA page about the harbour.\n", encoding="utf-8")
    edit(project, "mkdocs.yml", "  - Questions: questions.md\n", "  - Questions: questions.md\n  - about.md\n")


def add_theme_override(project: Path) -> None:
    """A theme override (Material's `custom_dir`) that writes a line on every page."""
    (project / "overrides").mkdir()
    (project / "overrides/main.html").write_text('{% extends "base.html" %}\n{% block announce %}Harbour unit{% endblock %}\n', encoding="utf-8")
    edit(project, "mkdocs.yml", "  name: material\n", "  name: material\n  custom_dir: overrides\n")


# (id, prepare, change, the pages the incremental build must render again; None: all of them)
CASES: list[tuple[str, Callable[[Path], None] | None, Callable[[Path], None], set[str] | None]] = [
    ("short", None, change_short, {"glossary/quay.md"}),
    (
        "definition",
        None,
        lambda project: edit(project, "glossary/terms/quay.yml", "so ships can tie up", "so boats can tie up"),
        {"glossary/quay.md"},
    ),
    ("reading-text", None, lambda project: edit(project, "docs/readings/harbour.md", "voted last week", "voted on Monday"), {"readings/harbour.md"}),
    ("event-date", None, lambda project: edit(project, "glossary/events/2010-lighthouse-built.yml", "date: 2010\ntitle", "date: 2022\ntitle"), {"timeline.md"}),
    ("alias-in-reading", None, lambda project: edit(project, "glossary/terms/lighthouse.yml", "title: Lighthouse\nshort", "title: Lighthouse\naliases: [ships]\nshort"), None),
    ("add-term", None, lambda project: (project / "glossary/terms/keeper.yml").write_text(KEEPER, encoding="utf-8"), None),
    (
        "remove-term",
        lambda project: (project / "glossary/terms/keeper.yml").write_text(KEEPER, encoding="utf-8"),
        lambda project: (project / "glossary/terms/keeper.yml").unlink(),
        None,
    ),
    # Only the edited page is rendered, but its title is in every page's nav: every page is written again.
    ("title-in-nav", add_about_page, lambda project: edit(project, "docs/about.md", "# About", "# About this unit"), {"about.md"}),
    # Every page shows the theme; the preview also keeps compiled templates, which must not outlive an edit.
    ("theme-override", add_theme_override, lambda project: edit(project, "overrides/main.html", "Harbour unit", "Harbour unit, week 2"), None),
    # A plugin this build does not know may collect from every page: every page is rendered.
    ("unknown-plugin", lambda project: edit(project, "mkdocs.yml", "  - search\n", "  - search\n  - tags\n"), change_short, None),
    ("nav", None, lambda project: edit(project, "mkdocs.yml", "  - Questions: questions.md\n", "  - Discussion: questions.md\n"), None),
]


@pytest.mark.parametrize(("prepare", "change", "must_render"), [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_incremental_build_equals_full_build(
    tmp_path: Path, quiet_mkdocs: None, prepare: Callable[[Path], None] | None, change: Callable[[Path], None], must_render: set[str] | None
) -> None:
    rendered, served, fresh = incremental_and_clean(tmp_path, change, prepare)

    assert_same_site(served, fresh)
    if must_render is None:
        assert rendered is None
        return
    assert rendered is not None
    rendered_files = {page_file(uri) for uri in rendered}
    assert len(rendered_files) < len(all_pages(fresh))
    assert {page_file(uri) for uri in must_render} <= rendered_files


def test_a_short_edit_renders_the_entry_and_every_page_that_links_it(tmp_path: Path, quiet_mkdocs: None) -> None:
    rendered, served, fresh = incremental_and_clean(tmp_path, change_short)

    assert_same_site(served, fresh)
    linkers = linking(fresh, "quay")
    assert "readings/harbour/index.html" in linkers
    assert {page_file(uri) for uri in rendered} >= linkers | {"glossary/quay/index.html"}
    # A page that neither is the entry nor links it stays as it was.
    assert "glossary/lighthouse/index.html" not in linkers
    assert "glossary/lighthouse/index.html" not in {page_file(uri) for uri in rendered}


def test_the_dirty_build_warning_is_silenced_only_in_serve(tmp_path: Path, mini_project: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, logger="mkdocs")
    serve_build(mini_project, tmp_path / "served", dirty=True)
    serve_build(mini_project, tmp_path / "served", dirty=True)
    assert not [record for record in caplog.records if "'dirty' build" in record.getMessage()]
    assert logging.getLogger("mkdocs.commands.build").filters == []

    serve_build(mini_project, tmp_path / "built", dirty=True, command="build")
    assert [record for record in caplog.records if "'dirty' build" in record.getMessage()]


def test_the_live_preview_leaves_the_theme_stylesheets_whole(tmp_path: Path, mini_project: Path, quiet_mkdocs: None) -> None:
    # `serve --dirty` does not copy the theme's stylesheets again; trimming them again with another
    # page's classes would drop rules a page needs. The deployed site (`mkdocs build`) is trimmed.
    served = tmp_path / "served"
    serve_build(mini_project, served, dirty=True)
    theme = next((Path(material.__file__).parent / "templates/assets/stylesheets").glob("main.*.min.css"))
    assert (served / "assets/stylesheets" / theme.name).read_bytes() == theme.read_bytes()
