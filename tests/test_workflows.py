"""The GitHub Actions workflow and the dependency files: invariants that keep the published site tested.

The workflow is parsed with PyYAML and its job graph asserted: deploy needs the tests and runs on
main only, permissions stay minimal, deployments queue in one group, superseded test runs are
cancelled, and the deploy job publishes the very site the test job built. Action versions are not
pinned here (actionlint in `make lint` checks them, Dependabot bumps them), so an update passes.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
SITE = WORKFLOWS / "site.yml"
DEPLOY_CONDITION = ("github.event_name=='push'", "github.ref=='refs/heads/main'")
"""Both must hold for a deployment."""


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


def _step_running(job: dict[str, Any], command: str) -> dict[str, Any]:
    matches = [step for step in _steps(job) if command in str(step.get("run", "")).splitlines()]
    assert len(matches) == 1, f"exactly one step runs '{command}'"
    return matches[0]


def _needs(job: dict[str, Any]) -> list[str]:
    needs = job.get("needs", [])
    return [needs] if isinstance(needs, str) else list(needs)


def _squeezed(condition: object) -> str:
    return str(condition).replace(" ", "").replace('"', "'")


def test_runs_on_pushes_to_main_and_pull_requests(site: dict[str, Any]) -> None:
    assert set(site["on"]) == {"push", "pull_request"}
    assert site["on"]["push"] == {"branches": ["main"]}


def test_deploy_needs_the_tests_and_runs_on_main_only(site: dict[str, Any]) -> None:
    jobs = site["jobs"]
    assert set(jobs) == {"test", "deploy"}
    assert _needs(jobs["deploy"]) == ["test"]
    assert _needs(jobs["test"]) == []
    condition = _squeezed(jobs["deploy"]["if"])
    assert all(part in condition for part in DEPLOY_CONDITION)
    assert "||" not in condition, "both conditions must hold"
    assert "if" not in jobs["test"], "tests run on every push and pull request"


def test_permissions_are_minimal(site: dict[str, Any]) -> None:
    assert site["permissions"] == {"contents": "read"}
    assert site["jobs"]["test"]["permissions"] == {"contents": "read", "pages": "read"}, "reading the Pages URL is all the tests need"
    assert site["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


def test_deployments_queue_in_the_pages_group(site: dict[str, Any]) -> None:
    assert "concurrency" not in site, "pull requests are not queued behind deployments"
    assert site["jobs"]["deploy"]["concurrency"] == {"group": "pages", "cancel-in-progress": False}


def test_superseded_test_runs_are_cancelled(site: dict[str, Any]) -> None:
    concurrency = site["jobs"]["test"]["concurrency"]
    assert concurrency["cancel-in-progress"] is True
    group = _squeezed(concurrency["group"])
    assert "github.ref" in group and "github.event.pull_request.number" in group, "one group per branch or pull request"
    assert "matrix.python" in group, "the Python versions do not cancel each other"


def test_tests_run_on_the_oldest_and_newest_python_with_one_leg_publishing(site: dict[str, Any]) -> None:
    job = site["jobs"]["test"]
    legs = job["strategy"]["matrix"]["include"]
    versions = [tuple(map(int, leg["python"].split("."))) for leg in legs]
    requires = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["requires-python"]
    assert min(versions) == tuple(map(int, requires.removeprefix(">=").split("."))) == (3, 11)
    assert max(versions) > min(versions)
    assert [leg["python"] for leg in legs if leg.get("publish")] == ["3.11"], "exactly one leg builds and uploads the site"
    assert job["strategy"].get("fail-fast") is False, "one failing version does not hide the other's result"
    python = _step_using(job, "actions/setup-python")["with"]
    assert python == {"python-version": "${{ matrix.python }}", "cache": "pip", "cache-dependency-path": "requirements.lock"}


def test_the_test_job_builds_tests_and_uploads_the_site(site: dict[str, Any]) -> None:
    job = site["jobs"]["test"]
    steps = _steps(job)
    deploy = _squeezed(job["env"]["DEPLOY"])
    assert "matrix.publish" in deploy and all(part in deploy for part in DEPLOY_CONDITION)
    configure = _step_using(job, "actions/configure-pages")
    build = _step_running(job, "make site")
    test = _step_running(job, "make test")
    upload = _step_using(job, "actions/upload-pages-artifact")
    order = [steps.index(step) for step in (configure, build, test, upload)]
    assert order == sorted(order), "the Pages URL, the build, the tests, then the upload"
    assert _squeezed(configure["if"]) == _squeezed(upload["if"]) == "env.DEPLOY=='true'"
    assert _squeezed(build["if"]) == "matrix.publish", "pull requests build the site too, so a broken build shows before merging"
    assert "if" not in test
    assert upload["with"] == {"path": "site"}
    assert build["env"]["PAGES_URL"] == "${{ steps.pages.outputs.base_url }}" and configure["id"] == "pages"
    assert build["env"]["REPO_URL"] == "${{ github.server_url }}/${{ github.repository }}"


def test_the_deploy_job_publishes_the_tested_artifact_without_rebuilding(site: dict[str, Any]) -> None:
    job = site["jobs"]["deploy"]
    steps = _steps(job)
    assert [str(step.get("uses", "")).split("@")[0] for step in steps] == ["actions/deploy-pages"], "no checkout, no install, no build"
    assert not any("run" in step for step in steps)
    assert steps[0]["id"] == "deployment"
    assert job["environment"] == {"name": "github-pages", "url": "${{ steps.deployment.outputs.page_url }}"}


def test_the_screenshots_are_kept_from_one_leg(site: dict[str, Any]) -> None:
    job = site["jobs"]["test"]
    upload = _step_using(job, "actions/upload-artifact")
    assert upload["with"]["name"] == "screenshots" and upload["with"]["path"].rstrip("/") == "screenshots"
    condition = _squeezed(upload["if"])
    assert "always()" in condition and "matrix.publish" in condition, "artifact names are unique per run"


@pytest.mark.parametrize("path", sorted(WORKFLOWS.glob("*.y*ml")), ids=lambda path: path.name)
def test_every_action_is_pinned_to_a_major_version(path: Path) -> None:
    workflow = _load(path)
    used = [str(step["uses"]) for job in workflow["jobs"].values() for step in job.get("steps", []) if "uses" in step]
    assert used, f"{path.name} uses no actions"
    for uses in used:
        action, _, version = uses.partition("@")
        assert action.startswith("actions/"), f"{path.name}: '{uses}' is not one of GitHub's own actions"
        assert re.fullmatch(r"v\d+", version), f"{path.name}: '{uses}' is not pinned to a major version like '@v7'"


@pytest.mark.parametrize("path", sorted(WORKFLOWS.glob("*.y*ml")), ids=lambda path: path.name)
def test_no_workflow_asks_for_broad_permissions(path: Path) -> None:
    workflow = _load(path)
    blocks = [workflow.get("permissions")] + [job.get("permissions") for job in workflow["jobs"].values()]
    allowed_writes = {"pages", "id-token"}
    for block in blocks:
        assert block not in ("write-all", "read-all"), f"{path.name}: permissions '{block}' are too broad"
        for scope, access in (block or {}).items():
            assert access in ("read", "none") or scope in allowed_writes, f"{path.name}: '{scope}: {access}' is not needed"


def test_dependabot_updates_the_actions_and_the_python_packages() -> None:
    config = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    assert {update["package-ecosystem"] for update in config["updates"]} == {"github-actions", "pip"}


def _pins(lines: list[str]) -> dict[str, str]:
    pins = {}
    for line in lines:
        found = re.match(r"([A-Za-z0-9._-]+)==([^\s;\\]+)", line.strip())
        if found:
            pins[re.sub(r"[-_.]+", "-", found[1]).lower()] = found[2]
    return pins


def test_the_lock_pins_every_declared_dependency_with_hashes() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = _pins([*project["dependencies"], *(line for extra in project["optional-dependencies"].values() for line in extra)])
    lock = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    locked = _pins(lock.splitlines())
    stale = {name: version for name, version in declared.items() if locked.get(name) != version}
    assert not stale, f"requirements.lock does not pin {stale} as pyproject.toml does. Run 'make lock'."
    assert "mkdocs" not in _pins(project["dependencies"]), "the core installs without MkDocs"
    assert "click" not in declared, "click comes with MkDocs; it is never imported"
    entries = re.split(r"\n(?=[A-Za-z])", lock.split("\n", 2)[2])
    assert all("--hash=sha256:" in entry for entry in entries if "==" in entry), "every locked package has its hashes"
