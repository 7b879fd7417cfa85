"""The offline copy: a zip of the site that works from a folder (`file://`), search included, with no request to another host."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from own_thread import chromium, own_thread
from playwright.sync_api import Request, Route, expect

from build_tools.adapters.offline import remote_resources
from build_tools.adapters.variants import SHIM, SHIM_URI
from conftest import build_project


def offline(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "build_tools", "--project", str(project), "offline", *args]
    return subprocess.run(command, capture_output=True, text=True, check=False)


@pytest.fixture(scope="module")
def offline_zip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini project's offline copy, written by the command line as a teacher would."""
    import shutil

    from conftest import MINI

    project = tmp_path_factory.mktemp("offline") / "project"
    shutil.copytree(MINI, project)
    result = offline(project)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Wrote 'site-offline.zip': ")
    return project / "site-offline.zip"


@pytest.fixture(scope="module")
def unzipped(offline_zip: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("usb-stick")
    with zipfile.ZipFile(offline_zip) as archive:
        archive.extractall(target)
    return target / "site-offline"


def test_zip_holds_one_folder_with_the_site_for_file_urls(offline_zip: Path) -> None:
    with zipfile.ZipFile(offline_zip) as archive:
        names = archive.namelist()
        index = archive.read("site-offline/index.html").decode("utf-8")
        shim = archive.read(f"site-offline/{SHIM_URI}")
    assert {name.split("/")[0] for name in names} == {"site-offline"}
    for page in ["index.html", "glossary/quay.html", "actors/harbour-board.html", "timeline.html", "questions.html", "self-check.html", "README.txt"]:
        assert f"site-offline/{page}" in names, page
    assert "site-offline/search/search_index.js" in names, "the search index is inlined as a script for file://"
    assert not [name for name in names if name.endswith(".map")]
    assert 'href="glossary/index.html"' in index, "links name files, as a folder needs"
    assert shim == SHIM.read_bytes()
    assert index.index(f'<script src="{SHIM_URI}">') < index.index("bundle."), "the shim runs before Material's bundle"


def test_no_page_loads_anything_from_another_host(unzipped: Path) -> None:
    assert remote_resources(unzipped) == []
    for page in unzipped.rglob("*.html"):
        assert "unpkg.com" not in page.read_text(encoding="utf-8"), page


def test_remote_resources_are_found(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(
        '<script src="https://unpkg.com/iframe-worker/shim"></script><link rel="stylesheet" href="//fonts.example/a.css">'
        '<img srcset="https://cdn.example/a.png 2x"><a href="https://example.org/">a link is fine</a>'
        '<link rel="canonical" href="https://example.org/page/"><script src="assets/local.js"></script>',
        encoding="utf-8",
    )
    (tmp_path / "style.css").write_text("body { background: url('https://cdn.example/bg.png') }", encoding="utf-8")
    assert remote_resources(tmp_path) == [
        "page.html: https://unpkg.com/iframe-worker/shim",
        "page.html: //fonts.example/a.css",
        "page.html: https://cdn.example/a.png",
        "style.css: https://cdn.example/bg.png",
    ]


def test_the_normal_site_is_left_untouched(tmp_path: Path) -> None:
    import shutil

    from conftest import MINI

    project = tmp_path / "project"
    shutil.copytree(MINI, project)
    site = build_project(project, project / "site")
    before = {path: path.stat().st_mtime_ns for path in site.rglob("*")}
    result = offline(project, "downloads/copy.zip")
    assert result.returncode == 0, result.stderr
    assert {path: path.stat().st_mtime_ns for path in site.rglob("*")} == before
    assert (project / "downloads/copy.zip").is_file()
    assert sorted(path.name for path in project.iterdir()) == ["docs", "downloads", "glossary", "mkdocs.yml", "site"]


def test_bad_content_fails_without_a_traceback_or_a_zip(tmp_path: Path) -> None:
    import shutil

    from conftest import MINI

    project = tmp_path / "project"
    shutil.copytree(MINI, project)
    (project / "glossary/terms/quay.yml").write_text("title: Quay\n", encoding="utf-8")
    result = offline(project)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "glossary/terms/quay.yml:1: 'short' is missing." in result.stderr
    assert not (project / "site-offline.zip").exists()


@pytest.mark.browser
@own_thread
def test_opened_from_a_folder_navigation_and_search_work_without_the_internet(unzipped: Path) -> None:
    with chromium() as context:
        requests: list[str] = []

        def record(request: Request) -> None:
            requests.append(request.url)

        def block(route: Route) -> None:
            route.abort() if not route.request.url.startswith("file://") else route.continue_()

        context.on("request", record)
        context.route("**/*", block)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto((unzipped / "index.html").as_uri())
        expect(page.locator("h1")).to_have_text("Mini unit")

        page.locator("article a.term-link", has_text="Harbour Board").click()
        expect(page).to_have_url((unzipped / "actors/harbour-board.html").as_uri())
        expect(page.locator("h1")).to_have_text("Harbour Board")
        page.locator("nav.md-nav--primary a.md-nav__link[href='../timeline.html']").click()
        expect(page).to_have_url((unzipped / "timeline.html").as_uri())

        page.locator("label.md-search__icon, .md-search__input").first.click()
        # Material reads the query on keyup, so type it as a person would.
        page.locator("input.md-search__input").press_sequentially("lighthouse")
        result = page.locator(".md-search-result__item a").first
        expect(result).to_contain_text("Lighthouse", timeout=10_000)
        result.click()
        expect(page).to_have_url((unzipped / "glossary/lighthouse.html").as_uri())

        assert errors == []
        assert [url for url in requests if not url.startswith("file://")] == []
        assert len(requests) > 10, "the recorder saw the page's own files"


@pytest.mark.content
def test_the_real_sites_offline_copy_has_every_page_and_no_remote_resource(tmp_path: Path) -> None:
    """The deploy job publishes the real project's offline copy; it holds every reading and entry, and loads nothing remote."""
    from build_tools import ContentPaths, Layout, load_library
    from conftest import ROOT

    target = tmp_path / "site-offline.zip"
    result = offline(ROOT, str(target))
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(target) as archive:
        archive.extractall(tmp_path)
        names = set(archive.namelist())
    library = load_library(ContentPaths(ROOT))
    layout = Layout()
    for src_uri in [*(reading.src_uri for reading in library.readings.values()), *(layout.entry_uri(entry) for entry in library.entries)]:
        assert f"site-offline/{src_uri.removesuffix('.md')}.html" in names, src_uri
    assert remote_resources(tmp_path / "site-offline") == []
