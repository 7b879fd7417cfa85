"""Any valid unit tests and deploys: the repository with its content replaced by a fixture unit passes.

The repository is copied, its content (glossary/, docs/ except the generator's assets and guide, the
nav in mkdocs.yml) is replaced by the suffrage fixture unit, and then, in the copy, the tests marked
`content` run (all but the browser ones, plus one browser smoke test), `check` runs with the
unit's own expectations, and the deploy job's build command builds the site.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, SUFFRAGE

LEFT_BEHIND = shutil.ignore_patterns(
    ".git", ".venv", "site", "site-*", "site.old", "export", "screenshots", "__pycache__", ".pytest_cache", ".mypy_cache", ".ruff_cache", ".hypothesis", "*.egg-info", "*.zip"
)
"""What a fresh clone does not have: builds, caches, the virtual environment."""
TOOL_DOCS = ("assets", "teachers")
"""Folders of docs/ that belong to the generator (its CSS and JavaScript, the teacher guide), not to a unit."""
SMOKE = "tests/test_browser.py::test_search_finds_every_entry_by_its_name"
"""One browser test over the swapped content; the whole browser suite runs on the real content."""
PRINT_SMOKE = "tests/test_print.py::test_questions_worksheet_has_every_question_and_space_to_write"
"""The worksheet with no question at all must print, not crash."""
EMPTY_PARTS = ("glossary/questions.yml", "glossary/annotations.yml", "glossary/expectations.yml", "glossary/events")
"""Removed from the unit for the bare variant: a unit may have no question, note or event."""


def deploy_build_commands() -> list[list[str]]:
    """The commands that build the site CI publishes, as the workflow and the Makefile run them (with this test's Python).

    The workflow's publishing step runs `make site`; its recipe lines are read from the Makefile, so a
    change to either is what this test runs.
    """
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8"))
    runs = [str(step.get("run", "")) for job in workflow["jobs"].values() for step in job.get("steps", [])]
    assert any(re.search(r"^\s*make site\s*$", run, re.MULTILINE) for run in runs), "the workflow builds the published site with 'make site'"
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^site:.*\n((?:\t.*\n)+)", makefile, re.MULTILINE)
    assert recipe, "the Makefile has a 'site' target"
    commands = []
    for line in recipe.group(1).splitlines():
        words = line.strip().split()
        assert words[0] == "$(BIN)/python", line
        commands.append([sys.executable, *words[1:]])
    return commands


def swap_content(project: Path, unit: Path) -> None:
    """Replace the project's content with the unit's: glossary, docs (the generator's own folders stay) and the nav."""
    shutil.rmtree(project / "glossary")
    shutil.copytree(unit / "glossary", project / "glossary")
    for item in (project / "docs").iterdir():
        if item.name not in TOOL_DOCS:
            shutil.rmtree(item) if item.is_dir() else item.unlink()
    shutil.copytree(unit / "docs", project / "docs", dirs_exist_ok=True)
    config = project / "mkdocs.yml"
    nav = re.search(r"^nav:\n(?:[ -].*\n)+", (unit / "mkdocs.yml").read_text(encoding="utf-8"), re.MULTILINE)
    assert nav, "the unit's mkdocs.yml has a nav"
    text, count = re.subn(r"^nav:\n(?:[ -].*\n)+", lambda _: nav.group(0), config.read_text(encoding="utf-8"), count=1, flags=re.MULTILINE)
    assert count == 1, "the project's mkdocs.yml has a nav"
    config.write_text(text, encoding="utf-8")


def swapped_copy(folder: Path, *, bare: bool = False) -> Path:
    """The repository copied into `folder` with the suffrage unit as its content (without questions, notes and events if `bare`)."""
    unit = folder / "unit"
    shutil.copytree(SUFFRAGE, unit)
    for part in EMPTY_PARTS if bare else ():
        shutil.rmtree(unit / part) if (unit / part).is_dir() else (unit / part).unlink()
    project = folder / "repository"
    # Links stay links: the bad-input corpus holds dangling and looping ones on purpose.
    shutil.copytree(ROOT, project, ignore=LEFT_BEHIND, symlinks=True)
    swap_content(project, unit)
    return project


def replaced_readings() -> list[Path]:
    """The repository's readings that the swap must remove: all of them, unless the repository already holds the fixture unit."""
    return [reading for reading in (ROOT / "docs" / "readings").glob("*.md") if not (SUFFRAGE / "docs" / "readings" / reading.name).is_file()]


@pytest.fixture(scope="module")
def swapped(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return swapped_copy(tmp_path_factory.mktemp("swap"))


def run(project: Path, *command: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("PYTEST_XDIST_WORKER", None)
    return subprocess.run(command, cwd=project, capture_output=True, text=True, env=env, timeout=600, check=False)


def test_the_swap_leaves_none_of_this_units_content(swapped: Path) -> None:
    assert sorted(path.name for path in (swapped / "docs" / "readings").iterdir()) == ["anthony-1873.md"]
    assert sorted(path.name for path in (swapped / "glossary" / "terms").iterdir()) == sorted(path.name for path in (SUFFRAGE / "glossary" / "terms").iterdir())
    nav = (swapped / "mkdocs.yml").read_text(encoding="utf-8")
    assert "readings/anthony-1873.md" in nav and (ROOT / "docs" / "readings").is_dir()
    for reading in replaced_readings():
        assert reading.name not in nav


def test_the_content_suite_passes_on_another_unit(swapped: Path, record_property: pytest.RecordProperty) -> None:
    check = run(swapped, sys.executable, "-m", "build_tools", "check")
    assert check.returncode == 0, check.stderr
    assert "Content is valid: 3 terms, 2 actors, 2 events, 3 questions, 2 annotations" in check.stdout
    run_content_suite(swapped, [["-m", "content and not browser", "tests"], [SMOKE]], record_property)


def test_the_content_suite_passes_without_questions_notes_or_events(tmp_path: Path, record_property: pytest.RecordProperty) -> None:
    project = swapped_copy(tmp_path, bare=True)
    check = run(project, sys.executable, "-m", "build_tools", "check")
    assert "Content is valid: 3 terms, 2 actors, 0 events, 0 questions, 0 annotations" in check.stdout, check.stderr
    run_content_suite(project, [["-m", "content and not browser", "tests"], [PRINT_SMOKE]], record_property)


def run_content_suite(project: Path, selections: list[list[str]], record_property: pytest.RecordProperty) -> None:
    """Run pytest in the copy once per selection; each must pass with nothing skipped."""
    summaries = []
    for selection in selections:
        started = time.perf_counter()
        result = run(project, sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *selection)
        summary = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""
        summaries.append(f"{' '.join(selection)}: {summary} ({time.perf_counter() - started:.0f} s)")
        assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
        assert "passed" in summary and "skipped" not in summary, summary
    record_property("content_suite", "; ".join(summaries))
    print("\ncontent suite on a swapped copy:\n" + "\n".join(summaries))


def test_the_deploy_build_passes_on_another_unit(swapped: Path) -> None:
    for command in deploy_build_commands():
        result = run(swapped, *command)
        assert result.returncode == 0, result.stderr
    site = swapped / "site"
    assert (site / "readings" / "anthony-1873" / "index.html").is_file()
    assert (site / "glossary" / "indictment" / "index.html").is_file()
    for reading in replaced_readings():
        assert not (site / "readings" / reading.stem).exists(), reading.stem
