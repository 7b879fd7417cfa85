"""Engine portability: the same project built by ProperDocs (the maintained MkDocs fork), and the
export path built by Zensical, which runs Python-Markdown extensions but not MkDocs plugins.

Each engine goes into its own temporary virtual environment with this project but without MkDocs,
so a build cannot quietly fall back to MkDocs. ProperDocs reads plugins from both the
`mkdocs.plugins` and `properdocs.plugins` entry point groups, so our existing entry point is enough.
Zensical ignores MkDocs plugins without a word, so its test exports the generated pages first
(`python -m build_tools export`) and asserts that every one of them is in its output.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup

from build_tools.adapters.markdown_ext import TermLinkExtension
from conftest import MINI, ROOT

PROPERDOCS = "properdocs==1.6.7"
ZENSICAL = "zensical==0.0.73"
"""The newest Zensical that installs from the package index alone: from 0.0.74 on (0.1.1 included) it
needs `zensical-ui`, which the index this project installs from does not carry."""
MATERIAL_DEPENDENCIES = ["babel", "backrefs", "colorama", "jinja2", "markdown", "mkdocs-material-extensions", "paginate", "pygments", "pymdown-extensions", "requests"]
"""Material's requirements except MkDocs itself (Material is installed with --no-deps)."""
OUR_DEPENDENCIES = ["pydantic", "pyahocorasick", "pyyaml", "nh3"]
PAGES = ["glossary/", "glossary/quay/", "glossary/lighthouse/", "actors/", "actors/harbour-board/", "timeline/", "questions/", "self-check/", "readings/harbour/"]


def _pins_without_hashes(folder: Path) -> Path:
    """requirements.lock as a constraints file without its hashes (hashes there would demand one for every package)."""
    lock = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    pins = re.sub(r"\s*\\\n\s*--hash=\S+", "", lock)
    path = folder / "constraints.txt"
    path.write_text(pins, encoding="utf-8")
    return path


def _pip(python: Path, *args: str) -> None:
    """Install with pip, pinned like the main environment; skip the test when packages cannot be fetched."""
    constraints = _pins_without_hashes(python.parent.parent)
    command = [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-c", str(constraints), *args]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    if result.returncode != 0:
        last = (result.stderr.strip().splitlines() or ["no output"])[-1]
        pytest.skip(f"cannot install {' '.join(args)} into a temporary environment (no access to PyPI?): {last}")


def _environment(tmp_path_factory: pytest.TempPathFactory, name: str, *installs: tuple[str, ...]) -> Path:
    """A fresh virtual environment with each group of `installs` pip-installed in turn, then this project; its bin folder."""
    base = tmp_path_factory.mktemp(name)
    env = base / "venv"
    venv.EnvBuilder(with_pip=True).create(env)
    python = env / "bin" / "python"
    for packages in installs:
        _pip(python, *packages)
    _install_this_project(python, base)
    return env / "bin"


@pytest.fixture(scope="module")
def properdocs_env(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A virtual environment with ProperDocs, Material, our dependencies and this project; returns its bin folder."""
    return _environment(tmp_path_factory, "properdocs", (PROPERDOCS, *MATERIAL_DEPENDENCIES, *OUR_DEPENDENCIES), ("--no-deps", "mkdocs-material"))


def _install_this_project(python: Path, base: Path) -> None:
    """This project, from a copy of its sources (entry points included), without its dependencies."""
    source = base / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    shutil.copytree(ROOT / "build_tools", source / "build_tools", ignore=shutil.ignore_patterns("__pycache__"))
    _pip(python, "--no-deps", str(source))


@pytest.fixture(scope="module")
def properdocs_site(properdocs_env: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("properdocs-project") / "project"
    shutil.copytree(MINI, project)
    command = [str(properdocs_env / "properdocs"), "build", "--strict", "-f", "mkdocs.yml", "-d", "site"]
    result = subprocess.run(command, cwd=project, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return project / "site"


def test_properdocs_builds_without_mkdocs_installed(properdocs_env: Path) -> None:
    probe = subprocess.run([str(properdocs_env / "python"), "-c", "import mkdocs"], capture_output=True, text=True, check=False)
    assert probe.returncode != 0, "MkDocs must not be in the ProperDocs environment"
    version = subprocess.run([str(properdocs_env / "properdocs"), "--version"], capture_output=True, text=True, check=False)
    assert "1.6.7" in version.stdout


def test_properdocs_generates_every_page(properdocs_site: Path) -> None:
    for page in PAGES:
        assert (properdocs_site / page / "index.html").is_file(), page


def test_properdocs_links_terms_like_mkdocs(properdocs_site: Path) -> None:
    html = BeautifulSoup((properdocs_site / "readings/harbour/index.html").read_text(encoding="utf-8"), "html.parser")
    links = {a.get_text(): a["href"] for a in html.select("p#p1 a.term-link")}
    assert links == {"Harbour Board": "../../actors/harbour-board/", "north quay": "../../glossary/quay/", "ferry union": "../../actors/ferry-union/"}
    assert html.find(id="term-def-quay").get_text() == "A stone platform where ships load and unload."
    timeline = BeautifulSoup((properdocs_site / "timeline/index.html").read_text(encoding="utf-8"), "html.parser")
    assert timeline.find(id="event-2021-02-27-board-vote") is not None
    nav = BeautifulSoup((properdocs_site / "glossary/quay/index.html").read_text(encoding="utf-8"), "html.parser")
    assert "../lighthouse/" not in [a["href"] for a in nav.select("nav.md-nav--primary a.md-nav__link[href]")], "entries stay out of the nav"
    assert nav.select_one(".entry-kind a")["href"] == "../#letter-q", "entries lead back to their index section"


@pytest.fixture
def mini_copy(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    shutil.copytree(MINI, project)
    return project


def test_extension_links_terms_without_mkdocs(mini_copy: Path) -> None:
    """The Zensical path: Python-Markdown alone, targets loaded from the project folder."""
    converter = markdown.Markdown(extensions=[TermLinkExtension(project_dir=str(mini_copy), link_base="/")])
    html = BeautifulSoup(converter.convert("Ships tie up at the north quay."), "html.parser")
    link = html.select_one("a.term-link")
    assert link is not None and link.get_text() == "north quay"
    assert link["href"] == "/glossary/quay/"
    assert html.find(id=link["aria-describedby"]).get_text() == "A stone platform where ships load and unload."


def test_extension_loads_by_its_entry_point_name(mini_copy: Path) -> None:
    """How an engine's config names it: `markdown_extensions: [term_links: {project_dir: ., link_base: /unit/}]`."""
    converter = markdown.Markdown(extensions=["term_links"], extension_configs={"term_links": {"project_dir": str(mini_copy), "link_base": "/unit/"}})
    html = BeautifulSoup(converter.convert("The Harbour Board met."), "html.parser")
    assert html.select_one("a.term-link")["href"] == "/unit/actors/harbour-board/"


def test_export_writes_every_generated_page(mini_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "zensical-docs"
    result = subprocess.run([sys.executable, "-m", "build_tools", "--project", str(mini_copy), "export", str(out)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    written = sorted(path.relative_to(out).as_posix() for path in out.rglob("*.md"))
    assert written == [
        "actors/ferry-union.md",
        "actors/harbour-board.md",
        "actors/index.md",
        "glossary/index.md",
        "glossary/lighthouse.md",
        "glossary/quay.md",
        "index.md",
        "questions.md",
        "readings/harbour.md",
        "self-check.md",
        "timeline.md",
        "worksheets/before.md",
        "worksheets/during.md",
    ]
    assert result.stdout.strip() == f"Wrote {len(written)} pages to {out}."
    reading = (out / "readings/harbour.md").read_text(encoding="utf-8")
    assert reading.startswith("# The harbour must stay open") and '{: #p1 .reading-paragraph' in reading
    assert 'class="term-link"' not in reading, "links are added when the page is rendered, by the extension"


def test_export_fills_in_the_home_page_as_the_mkdocs_build_does(tmp_path: Path) -> None:
    """The home page's list of readings (two readings, from their front matter) is the same in the export as in the MkDocs build."""
    from conftest import UNITS, BuiltSite, build_project, copy_unit

    project = copy_unit(UNITS / "war-1917", tmp_path / "project")
    out = tmp_path / "exported"
    subprocess.run([sys.executable, "-m", "build_tools", "--project", str(project), "export", str(out)], check=True, capture_output=True)
    exported = BeautifulSoup(markdown.Markdown(extensions=["attr_list", "md_in_html"]).convert((out / "index.md").read_text(encoding="utf-8")), "html.parser")
    built = BuiltSite(build_project(project, tmp_path / "site")).html("")

    def listing(html: BeautifulSoup) -> list[tuple[str, str]]:
        return [(item.a["href"].removesuffix(".md").removesuffix("/"), " ".join(item.get_text(" ", strip=True).split())) for item in html.select(".reading-list li")]

    assert len(listing(exported)) == 2
    assert listing(exported) == listing(built)
    assert "<!-- readings -->" not in (out / "index.md").read_text(encoding="utf-8")
    assert (project / "docs/index.md").read_text(encoding="utf-8") == (UNITS / "war-1917/docs/index.md").read_text(encoding="utf-8"), "the source is untouched"


def test_exported_reading_renders_with_the_extension_alone(mini_copy: Path, tmp_path: Path) -> None:
    """What an engine without MkDocs plugins does: render the exported Markdown with the extensions."""
    out = tmp_path / "zensical-docs"
    subprocess.run([sys.executable, "-m", "build_tools", "--project", str(mini_copy), "export", str(out)], check=True, capture_output=True)
    extensions = ["attr_list", "md_in_html", "admonition", "pymdownx.details", "toc", TermLinkExtension(project_dir=str(mini_copy), link_base="/")]
    html = BeautifulSoup(markdown.Markdown(extensions=extensions).convert((out / "readings/harbour.md").read_text(encoding="utf-8")), "html.parser")
    assert [p["id"] for p in html.select("p.reading-paragraph")] == ["p1", "p2", "p3"]
    assert {a.get_text(): a["href"] for a in html.select("p#p1 a.term-link")}["north quay"] == "/glossary/quay/"
    assert html.select_one("mark.annotated").get_text() == "ten thousand people a day"


@pytest.fixture(scope="module")
def zensical_env(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A virtual environment with Zensical, our dependencies and this project (no MkDocs); returns its bin folder."""
    return _environment(tmp_path_factory, "zensical", (ZENSICAL, *OUR_DEPENDENCIES))


ZENSICAL_CONFIG = """site_name: Exported unit
docs_dir: docs
site_dir: site
markdown_extensions:
  - attr_list
  - md_in_html
  - admonition
  - pymdownx.details
  - toc
  - term_links:
      project_dir: {project}
      link_base: /
"""
"""The extensions the generated pages use, as the terms plugin adds them for MkDocs, and ours by its entry point name."""


@pytest.fixture(scope="module")
def zensical_site(zensical_env: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The mini project exported (by the export command, run in Zensical's environment) and built by Zensical; returns (project, site)."""
    base = tmp_path_factory.mktemp("zensical-project")
    project = base / "project"
    shutil.copytree(MINI, project)
    export = [str(zensical_env / "python"), "-m", "build_tools", "--project", str(project), "export", str(base / "docs")]
    result = subprocess.run(export, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    (base / "mkdocs.yml").write_text(ZENSICAL_CONFIG.format(project=project), encoding="utf-8")
    build = [str(zensical_env / "zensical"), "build", "--strict", "--config-file", "mkdocs.yml"]
    # Strict: a link to a page that was not exported fails the build. No colour codes in a failure's message.
    result = subprocess.run(build, cwd=base, capture_output=True, text=True, timeout=300, check=False, env={**os.environ, "NO_COLOR": "1"})
    assert result.returncode == 0, result.stdout + result.stderr
    return project, base / "site"


def test_zensical_builds_every_generated_page_without_mkdocs(zensical_env: Path, zensical_site: tuple[Path, Path]) -> None:
    from build_tools import ContentPaths, Layout, load_site

    probe = subprocess.run([str(zensical_env / "python"), "-c", "import mkdocs"], capture_output=True, text=True, check=False)
    assert probe.returncode != 0, "MkDocs must not be in the Zensical environment"
    project, site = zensical_site
    planned = load_site(ContentPaths(project), Layout())
    src_uris = [page.src_uri for page in planned.pages if page.src_uri.endswith(".md")] + list(planned.readings)
    assert len(src_uris) > 5
    missing = [uri for uri in src_uris if not (site / _page_url(uri) / "index.html").is_file()]
    assert missing == [], "Zensical silently skipped generated pages"


def test_zensical_links_terms_with_the_extension(zensical_site: tuple[Path, Path]) -> None:
    _, site = zensical_site
    html = BeautifulSoup((site / "readings/harbour/index.html").read_text(encoding="utf-8"), "html.parser")
    links = {a.get_text(): a["href"] for a in html.select("p#p1 a.term-link")}
    assert links == {"Harbour Board": "/actors/harbour-board/", "north quay": "/glossary/quay/", "ferry union": "/actors/ferry-union/"}
    assert html.find(id="term-def-quay").get_text() == "A stone platform where ships load and unload."
    every_link = {a["href"] for page in site.rglob("*.html") for a in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select("a.term-link")}
    assert every_link and all((site / href.strip("/") / "index.html").is_file() for href in every_link), every_link


def _page_url(src_uri: str) -> str:
    """Where a directory-URL engine writes a page: `a/index.md` → `a/`, `a/b.md` → `a/b/`."""
    path = src_uri.removesuffix(".md")
    return path.removesuffix("index") if path == "index" or path.endswith("/index") else path
