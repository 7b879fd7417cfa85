"""Sources and output never touch: refused output folders, staging, the build lock, strict builds that keep `site/`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from conftest import build_project


def run_cli(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "build_tools", *args], cwd=project, capture_output=True, text=True, timeout=300)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.mark.parametrize(
    ("folder", "message"),
    [
        ("docs", "error: the output folder 'docs' is 'docs/'; building there would replace your sources. Choose another folder, such as 'site'."),
        ("glossary", "error: the output folder 'glossary' is 'glossary/'; building there would replace your sources. Choose another folder, such as 'site'."),
        (".", "error: the output folder '.' is the project folder; building there would replace your sources. Choose another folder, such as 'site'."),
        ("..", "error: the output folder '..' holds the project folder; building there would replace your sources. Choose another folder, such as 'site'."),
        ("docs/out", "error: the output folder 'docs/out' is inside 'docs/'; the build would read its own output as content. Choose a folder outside it, such as 'site'."),
        ("glossary/terms", "error: the output folder 'glossary/terms' is inside 'glossary/'; the build would read its own output as content. Choose a folder outside it, such as 'site'."),
    ],
)
def test_build_refuses_an_output_folder_over_the_sources(mini_project: Path, folder: str, message: str) -> None:
    before = snapshot(mini_project)
    result = run_cli(mini_project, "build", "--site-dir", folder)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [message]
    assert snapshot(mini_project) == before


def test_export_refuses_the_docs_folder(mini_project: Path) -> None:
    before = snapshot(mini_project)
    result = run_cli(mini_project, "export", "docs")
    assert result.returncode == 1
    assert result.stderr.splitlines() == ["error: the output folder 'docs' is 'docs/'; building there would replace your sources. Choose another folder, such as 'site'."]
    assert snapshot(mini_project) == before


def test_stale_staging_is_removed_and_concurrent_builds_take_turns(mini_project: Path) -> None:
    (mini_project / ".site-build-killed" / "half").mkdir(parents=True)
    builds = [subprocess.Popen([sys.executable, "-m", "build_tools", "build"], cwd=mini_project, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(3)]
    results = [(build.wait(timeout=300), *build.communicate()) for build in builds]
    for code, _, stderr in results:
        assert code == 0, stderr
    assert (mini_project / "site" / "index.html").is_file()
    assert not list(mini_project.glob(".site-build-*"))
    assert not (mini_project / "site.old").exists()


def test_remote_resource_fails_before_the_swap(mini_project: Path) -> None:
    assert run_cli(mini_project, "build").returncode == 0
    before = snapshot(mini_project / "site")
    index = mini_project / "docs" / "index.md"
    index.write_text(index.read_text(encoding="utf-8") + "\n![A map](https://example.org/map.png)\n", encoding="utf-8")
    result = run_cli(mini_project, "build")
    assert result.returncode == 1
    assert "index.html: https://example.org/map.png" in result.stderr
    assert "'site/' was left as it was." in result.stderr
    assert snapshot(mini_project / "site") == before


@pytest.mark.parametrize(
    ("page", "text"),
    [
        ("index.md", "\n[Missing](missing.md)\n"),
        ("glossary/index.md", "# A page the plugin replaces\n"),
    ],
)
def test_mkdocs_strict_warning_keeps_the_last_site(mini_project: Path, page: str, text: str) -> None:
    site = mini_project / "site"
    build_project(mini_project, site)
    (site / "marker.txt").write_text("the last good site", encoding="utf-8")
    before = snapshot(site)
    target = mini_project / "docs" / page
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text((target.read_text(encoding="utf-8") if target.exists() else "") + text, encoding="utf-8")
    with pytest.raises(Abort):
        build_project(mini_project, site)
    assert snapshot(site) == before
    assert not list(mini_project.glob(".site-build-*"))


def test_mkdocs_build_refuses_the_content_folder(mini_project: Path, quiet_mkdocs: None) -> None:
    marker = mini_project / "glossary" / "terms" / "quay.yml"
    with pytest.raises(Abort):
        build_project(mini_project, mini_project / "glossary")
    assert marker.is_file()
