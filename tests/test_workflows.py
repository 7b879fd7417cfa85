"""The GitHub Actions workflows: deploy needs the tests, runs on main only, with minimal permissions.

The workflows are parsed with PyYAML and their job graph asserted, so a change that would publish
untested pages or widen permissions fails `make test` before it reaches GitHub.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
SITE = WORKFLOWS / "site.yml"
PINNED = {
    "actions/checkout": "v4",
    "actions/setup-python": "v5",
    "actions/configure-pages": "v5",
    "actions/upload-pages-artifact": "v3",
    "actions/deploy-pages": "v4",
    "actions/upload-artifact": "v4",
}
"""Every action we use, pinned to a major version."""


def _load(path: Path) -> dict[str, Any]:
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(workflow, dict), f"{path.name}: not a YAML mapping"
    # YAML 1.1 reads the key `on` as the boolean True.
    if True in workflow:
        workflow["on"] = workflow.pop(True)
    return workflow


@pytest.fixture(scope="module")
def site() -> dict[str, Any]:
    return _load(SITE)


def _steps(job: dict[str, Any]) -> list[dict[str, Any]]:
    steps = job["steps"]
    assert isinstance(steps, list)
    return steps


def _step_using(job: dict[str, Any], action: str) -> dict[str, Any]:
    matches = [step for step in _steps(job) if str(step.get("uses", "")).split("@")[0] == action]
    assert len(matches) == 1, f"exactly one step uses '{action}'"
    return matches[0]


def _needs(job: dict[str, Any]) -> list[str]:
    needs = job.get("needs", [])
    return [needs] if isinstance(needs, str) else list(needs)


def test_runs_on_pushes_to_main_and_pull_requests(site: dict[str, Any]) -> None:
    assert set(site["on"]) == {"push", "pull_request"}
    assert site["on"]["push"] == {"branches": ["main"]}


def test_deploy_needs_test_and_runs_on_main_only(site: dict[str, Any]) -> None:
    jobs = site["jobs"]
    assert set(jobs) == {"test", "deploy"}
    assert _needs(jobs["deploy"]) == ["test"]
    assert _needs(jobs["test"]) == []
    condition = jobs["deploy"]["if"].replace(" ", "")
    assert "github.event_name=='push'" in condition
    assert "github.ref=='refs/heads/main'" in condition
    assert "||" not in condition, "both conditions must hold"
    assert "if" not in jobs["test"], "tests run on every push and pull request"


def test_permissions_are_minimal(site: dict[str, Any]) -> None:
    assert site["permissions"] == {"contents": "read"}
    assert "permissions" not in site["jobs"]["test"], "the test job keeps the read-only default"
    assert site["jobs"]["deploy"]["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}


def test_deployments_queue_in_the_pages_group(site: dict[str, Any]) -> None:
    assert "concurrency" not in site, "pull requests are not queued behind deployments"
    assert site["jobs"]["deploy"]["concurrency"] == {"group": "pages", "cancel-in-progress": False}


def test_test_job_runs_make_test_with_cached_pinned_packages(site: dict[str, Any]) -> None:
    job = site["jobs"]["test"]
    runs = [step["run"].strip() for step in _steps(job) if "run" in step]
    assert "make test" in runs
    python = _step_using(job, "actions/setup-python")["with"]
    assert python == {"python-version": "3.11", "cache": "pip", "cache-dependency-path": "requirements.lock"}
    chromium = next(run for run in runs if "chromium" in run)
    assert chromium.startswith("command -v chromium ||"), "Chromium is installed only where it is missing"
    assert "sudo apt-get install -y chromium" in chromium
    assert runs.index(chromium) < runs.index("make test")


def test_deploy_builds_strictly_and_publishes_the_site_folder(site: dict[str, Any]) -> None:
    job = site["jobs"]["deploy"]
    steps = _steps(job)
    configure = _step_using(job, "actions/configure-pages")
    build = next(step for step in steps if "build_tools build" in step.get("run", ""))
    offline = next(step for step in steps if "build_tools offline" in step.get("run", ""))
    upload = _step_using(job, "actions/upload-pages-artifact")
    deploy = _step_using(job, "actions/deploy-pages")
    order = [steps.index(step) for step in (configure, build, offline, upload, deploy)]
    assert order == sorted(order), "configure, build, offline copy, upload, deploy"
    assert offline["run"].strip() == ".venv/bin/python -m build_tools offline site/downloads/site-offline.zip"
    assert build["run"].strip() == ".venv/bin/python -m build_tools build --site-dir site"
    assert (configure["id"], deploy["id"]) == ("pages", "deployment")
    assert build["env"] == {
        "SITE_URL": "${{ steps.pages.outputs.base_url }}/",
        "REPO_URL": "${{ github.server_url }}/${{ github.repository }}",
    }
    assert upload["with"] == {"path": "site"}
    assert job["environment"] == {"name": "github-pages", "url": "${{ steps.deployment.outputs.page_url }}"}
    assert _step_using(job, "actions/setup-python")["with"]["cache-dependency-path"] == "requirements.lock"


@pytest.mark.parametrize("path", sorted(WORKFLOWS.glob("*.y*ml")), ids=lambda path: path.name)
def test_every_action_is_pinned_to_a_major_version(path: Path) -> None:
    workflow = _load(path)
    used = [str(step["uses"]) for job in workflow["jobs"].values() for step in job.get("steps", []) if "uses" in step]
    assert used, f"{path.name} uses no actions"
    for uses in used:
        action, _, version = uses.partition("@")
        assert re.fullmatch(r"v\d+", version), f"{path.name}: '{uses}' is not pinned to a major version like '@v4'"
        assert PINNED.get(action) == version, f"{path.name}: '{uses}' is not one of the pinned actions {sorted(PINNED)}"


@pytest.mark.parametrize("path", sorted(WORKFLOWS.glob("*.y*ml")), ids=lambda path: path.name)
def test_no_workflow_asks_for_broad_permissions(path: Path) -> None:
    workflow = _load(path)
    blocks = [workflow.get("permissions")] + [job.get("permissions") for job in workflow["jobs"].values()]
    allowed_writes = {"pages", "id-token"}
    for block in blocks:
        assert block not in ("write-all", "read-all"), f"{path.name}: permissions '{block}' are too broad"
        for scope, access in (block or {}).items():
            assert access in ("read", "none") or scope in allowed_writes, f"{path.name}: '{scope}: {access}' is not needed"
