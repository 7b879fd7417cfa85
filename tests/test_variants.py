"""Build variants come from mkdocs.yml's `!ENV` tags, read while MkDocs loads the config, never patched in afterwards."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import ConfigurationError

from build_tools.adapters.cli import build_site
from build_tools.adapters.variants import OFFLINE, SHIM_URI, TEACHER_EDITION, load_variant
from conftest import MINI, ROOT, BuiltSite

TEACHER_LINE = "teacher_edition: !ENV [TEACHER_EDITION, false]"


def _teacher_edition(config_file: Path) -> bool:
    return bool(load_config(str(config_file)).plugins["terms"].config.teacher_edition)


@pytest.mark.parametrize("project", [ROOT, MINI], ids=["real", "mini"])
def test_mkdocs_reads_the_teacher_edition_from_the_environment(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What `TEACHER_EDITION=true mkdocs serve` relies on; without the variable the student site is built."""
    monkeypatch.delenv(TEACHER_EDITION, raising=False)
    assert _teacher_edition(project / "mkdocs.yml") is False
    monkeypatch.setenv(TEACHER_EDITION, "true")
    assert _teacher_edition(project / "mkdocs.yml") is True


def test_each_variant_is_loaded_as_asked_and_the_environment_is_restored(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(TEACHER_EDITION, "true")
    monkeypatch.delenv(OFFLINE, raising=False)
    student = load_variant(MINI / "mkdocs.yml")
    assert student.plugins["terms"].config.teacher_edition is False, "a variable left set in the shell never reaches the student site"
    assert student.use_directory_urls is True
    teacher = load_variant(MINI / "mkdocs.yml", teacher=True, offline=True)
    assert teacher.plugins["terms"].config.teacher_edition is True
    assert teacher.plugins["material/offline"].config.enabled is True
    assert os.environ[TEACHER_EDITION] == "true" and OFFLINE not in os.environ


def _project_with(tmp_path: Path, old: str, new: str) -> Path:
    import shutil

    project = tmp_path / "project"
    shutil.copytree(MINI, project)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert old in text
    config.write_text(text.replace(old, new), encoding="utf-8")
    return project


def test_a_project_that_does_not_read_the_variable_is_told_the_line_to_add(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = _project_with(tmp_path, f"      {TEACHER_LINE}\n", "")
    with pytest.raises(ConfigurationError) as raised:
        load_variant(project / "mkdocs.yml", teacher=True)
    assert str(raised.value) == (
        "mkdocs.yml: the teacher edition was asked for, but the 'terms' plugin's 'teacher_edition' does not read the environment. "
        f"Under '- terms:' in 'plugins:', write '{TEACHER_LINE}'."
    )
    assert build_site(project, tmp_path / "site", "mkdocs.yml") == 1
    assert "does not read the environment" in capsys.readouterr().err
    assert not (tmp_path / "site").exists()


def test_a_teacher_edition_written_into_mkdocs_yml_never_becomes_the_student_site(tmp_path: Path) -> None:
    project = _project_with(tmp_path, TEACHER_LINE, "teacher_edition: true")
    with pytest.raises(ConfigurationError, match="the student site would show the teacher notes"):
        load_variant(project / "mkdocs.yml")


def test_the_offline_copy_asks_for_materials_offline_plugin(tmp_path: Path) -> None:
    project = _project_with(tmp_path, "  - offline:\n      enabled: !ENV [OFFLINE, false]\n", "")
    result = subprocess.run([sys.executable, "-m", "build_tools", "--project", str(project), "offline"], capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert (
        "the offline copy needs Material's offline plugin, switched on by OFFLINE. Add under 'plugins:' '- offline:' with 'enabled: !ENV [OFFLINE, false]'"
        in result.stderr
    )
    assert not (project / "site-offline.zip").exists()


def test_the_online_site_is_built_for_a_server_without_the_offline_shim(mini_site: BuiltSite) -> None:
    assert not (mini_site.root / SHIM_URI).exists()
    assert "iframe-worker" not in (mini_site.root / "index.html").read_text(encoding="utf-8")
    assert (mini_site.root / "glossary/quay/index.html").is_file(), "directory URLs, as a web server serves them"
