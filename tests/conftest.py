"""Shared fixtures: tiny projects copied into tmp_path, and real builds read back as HTML."""

from __future__ import annotations

import fcntl
import logging
import os
import shutil
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
MINI = FIXTURES / "mini"
UNITS = FIXTURES / "units"
"""Complete fixture units, each a project on a public-domain text (mkdocs.yml, docs/, glossary/)."""
SUFFRAGE = UNITS / "suffrage"
TOOL_ASSETS = ROOT / "docs" / "assets"
"""The generator's own CSS and JavaScript; they stay when a unit's content is swapped in."""


CI = os.environ.get("CI", "").lower() == "true"
"""Under CI every test must run: a skip there is a failure (a missing browser, package or network)."""


def _fail_skip_under_ci(report: pytest.TestReport | pytest.CollectReport) -> None:
    if CI and report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.outcome = "failed"
        report.longrepr = f"skipped under CI=true, where every test must run: {reason}"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report = yield
    _fail_skip_under_ci(report)
    return report


@pytest.hookimpl(wrapper=True)
def pytest_make_collect_report(collector: pytest.Collector) -> Generator[None, pytest.CollectReport, pytest.CollectReport]:
    report = yield
    _fail_skip_under_ci(report)
    return report


def build_project(project: Path, site_dir: Path, *, teacher: bool = False) -> Path:
    """Build `project` with MkDocs in strict mode into `site_dir`; return the site folder."""
    from mkdocs.commands.build import build

    from build_tools.adapters.variants import load_variant

    build(load_variant(project / "mkdocs.yml", teacher=teacher, site_dir=str(site_dir), strict=True))
    return site_dir


class BuiltSite:
    """A built site on disk, with helpers to read its pages as parsed HTML."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def html(self, page: str) -> BeautifulSoup:
        """Parse the page at URL path `page` (like 'glossary/quay/')."""
        path = self.root / page / "index.html" if not page.endswith(".html") else self.root / page
        return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")

    def pages(self) -> list[Path]:
        return sorted(self.root.rglob("*.html"))


def copy_unit(unit: Path, target: Path) -> Path:
    """Copy a fixture unit into `target`, with the generator's assets in its docs folder, ready to build."""
    shutil.copytree(unit, target)
    shutil.copytree(TOOL_ASSETS, target / "docs" / "assets", dirs_exist_ok=True)
    return target


@pytest.fixture
def mini_project(tmp_path: Path) -> Path:
    """A fresh copy of the tiny fixture project, safe to edit."""
    project = tmp_path / "project"
    shutil.copytree(MINI, project)
    return project


@pytest.fixture(scope="session")
def mini_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    site = tmp_path_factory.mktemp("mini-site")
    return BuiltSite(build_project(MINI, site))


DEPLOYED_REPO_URL = "https://github.com/example/classroom-site"
"""What CI sets REPO_URL to (a GitHub repository), so the real site is checked as it is deployed."""


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The real project, built strictly as CI publishes it: the site students get.

    Built once per test run: the first pytest-xdist worker to ask builds it, under a file lock,
    and every other worker reads the same folder.
    """
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent
    site = shared / "real-site"
    with (shared / "real-site.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not site.is_dir():
            saved = os.environ.get("REPO_URL")
            os.environ["REPO_URL"] = DEPLOYED_REPO_URL
            try:
                build_project(ROOT, shared / "real-site.partial")
            finally:
                if saved is None:
                    del os.environ["REPO_URL"]
                else:
                    os.environ["REPO_URL"] = saved
            (shared / "real-site.partial").rename(site)
    return BuiltSite(site)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium, shared by every browser test of the session (one Playwright per process)."""
    from browser import launch_chromium
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def base_url(real_site: BuiltSite) -> Iterator[str]:
    """The real site, served over HTTP on 127.0.0.1."""
    from browser import serve

    with serve(real_site.root) as url:
        yield url


@pytest.fixture
def quiet_mkdocs() -> Iterator[None]:
    logger = logging.getLogger("mkdocs")
    level = logger.level
    logger.setLevel(logging.ERROR)
    yield
    logger.setLevel(level)
