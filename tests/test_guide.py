"""The teacher guide works as written: its steps run, in order, on a copy of a fixture unit, which then builds strictly.

The examples use the suffrage fixture unit, never this repository's own content, so a teacher who
replaces the content keeps a guide whose examples still pass.

Each fenced block in `docs/teachers/guide.md` follows a comment that says how to test it:

- `<!-- test: run -->`: run each command (`make ...` runs the project's Makefile); it must succeed.
- `<!-- test: write PATH -->` / `<!-- test: append PATH -->`: write the block to the file, or add it at the end.
- `<!-- test: nav -->`: add the block's new `nav:` lines to `mkdocs.yml`, after the line they follow.
- `<!-- test: edit PATH | OLD | NEW -->` (no block): change the file for the next `expect-problems` only.
- `<!-- test: expect-problems -->`: the block is `$ command` and the lines it must print; then the edits are undone.
- `<!-- test: messages -->`: each line is a message that the bad-input corpus (tests/fixtures/bad) pins.
- `<!-- test: serve -->`: `make serve`, whose recipe runs the `mkdocs serve` that tests/test_serve.py runs.
- `<!-- test: static-server -->`: a command that serves a folder; it must answer with a page.
"""

from __future__ import annotations

import os
import re
import shlex
import socket
import subprocess
import sys
import textwrap
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import FIXTURES, ROOT, SUFFRAGE, build_project, copy_unit

GUIDE = ROOT / "docs" / "teachers" / "guide.md"
_COMMENT = re.compile(r"^<!-- test: (?P<action>[a-z-]+)(?: (?P<argument>.*?))? -->$", re.MULTILINE)
_FENCE = re.compile(r"^(?P<indent> *)```(?P<language>[a-z]*)\n(?P<body>.*?)^(?P=indent)```$", re.MULTILINE | re.DOTALL)
_WITH_BLOCK = {"run", "write", "append", "nav", "expect-problems", "messages", "serve", "static-server"}


@dataclass
class Step:
    action: str
    argument: str
    block: str
    line: int


def guide_steps(text: str) -> list[Step]:
    """The test comments of the guide, in order, each with the fenced block that follows it."""
    steps = []
    for comment in _COMMENT.finditer(text):
        line = text.count("\n", 0, comment.start()) + 1
        block = ""
        if comment["action"] in _WITH_BLOCK:
            fence = _FENCE.search(text, comment.end())
            between = text[comment.end() : fence.start()] if fence else "missing"
            assert fence and not between.strip(), f"guide.md:{line}: no code block right after the test comment"
            block = textwrap.dedent(fence["body"])
        steps.append(Step(comment["action"], comment["argument"] or "", block, line))
    return steps


def test_every_example_is_tested() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    tested = {_FENCE.search(text, comment.end()).start() for comment in _COMMENT.finditer(text) if comment["action"] in _WITH_BLOCK}  # type: ignore[union-attr]
    for fence in _FENCE.finditer(text):
        line = text.count("\n", 0, fence.start()) + 1
        assert fence.start() in tested, f"guide.md:{line}: this example has no '<!-- test: ... -->' comment before it"
    assert {step.action for step in guide_steps(text)} == {*_WITH_BLOCK, "edit"}


GUIDE_UNIT = SUFFRAGE
"""The unit the guide's examples are written for."""


def copy_project(target: Path) -> Path:
    """A copy of the guide's unit, with the generator's assets, as a teacher's project."""
    return copy_unit(GUIDE_UNIT, target)


def run_command(project: Path, command: str) -> subprocess.CompletedProcess[str]:
    """Run one command of the guide; `make` runs the project's Makefile with this test's Python."""
    words = shlex.split(command)
    if words[0] == "make":
        # '-o setup': the packages are installed already (the test runs in them).
        words = ["make", "--no-print-directory", "-f", str(ROOT / "Makefile"), "-o", "setup", f"BIN={Path(sys.executable).parent}", *words[1:]]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(words, cwd=project, capture_output=True, text=True, env=env, timeout=300)


def commands(block: str) -> list[str]:
    return [line.strip() for line in block.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def add_nav_lines(config: Path, block: str) -> None:
    lines = config.read_text(encoding="utf-8").splitlines()
    example = block.splitlines()
    for index, line in enumerate(example):
        if line in lines:
            continue
        assert index > 0 and example[index - 1] in lines, f"'{line}' follows no line of mkdocs.yml"
        lines.insert(lines.index(example[index - 1]) + 1, line)
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")


def corpus_messages() -> set[str]:
    """Messages pinned by the bad-input corpus, without their 'file:line: ' prefix."""
    found = set()
    for expected in (FIXTURES / "bad").glob("*/expected.txt"):
        for line in expected.read_text(encoding="utf-8").splitlines():
            found.add(re.sub(r"^[^:]+(:\d+)?: ", "", line))
    return found


def serve_static(project: Path, command: str) -> str:
    """Start the guide's static server on a free port, fetch its home page, stop it."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    words = shlex.split(command)
    assert words[0] == ".venv/bin/python" and words[-1] == "8001"
    process = subprocess.Popen([sys.executable, *words[1:-1], str(port)], cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.perf_counter() + 20
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
                    return str(response.read().decode("utf-8"))
            except OSError:
                assert time.perf_counter() < deadline, "the static server never answered"
                time.sleep(0.1)
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_guide_steps_work(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    edited: dict[Path, str] = {}
    for step in guide_steps(GUIDE.read_text(encoding="utf-8")):
        where = f"guide.md:{step.line}"
        if step.action == "run":
            for command in commands(step.block):
                result = run_command(project, command)
                assert result.returncode == 0, f"{where}: '{command}' failed:\n{result.stdout}\n{result.stderr}"
                assert "Traceback" not in result.stderr
        elif step.action == "write":
            target = project / step.argument
            if target.suffix == ".yml":
                assert target.is_file(), f"{where}: the guide fills in '{step.argument}', which 'make new' should have written"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(step.block, encoding="utf-8")
        elif step.action == "append":
            target = project / step.argument
            target.write_text(target.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + step.block, encoding="utf-8")
        elif step.action == "nav":
            add_nav_lines(project / "mkdocs.yml", step.block)
        elif step.action == "edit":
            path, old, new = (part.strip() for part in step.argument.split("|"))
            target = project / path
            current = target.read_text(encoding="utf-8")
            edited.setdefault(target, current)
            assert current.count(old) == 1, f"{where}: '{old}' is not in {path} exactly once"
            target.write_text(current.replace(old, new), encoding="utf-8")
        elif step.action == "expect-problems":
            command, *expected = step.block.splitlines()
            result = run_command(project, command.removeprefix("$ "))
            assert result.returncode != 0
            assert "Traceback" not in result.stderr
            printed = [line for line in result.stderr.splitlines() if not line.startswith("make")]
            assert printed == expected, f"{where}: the example output differs from what the command prints"
            for target, text in edited.items():
                target.write_text(text, encoding="utf-8")
            edited.clear()
        elif step.action == "messages":
            pinned = corpus_messages()
            for message in step.block.splitlines():
                assert message in pinned, f"{where}: '{message}' is not a message the bad-input corpus pins"
        elif step.action == "serve":
            assert commands(step.block) == ["make serve"]
            recipe = (ROOT / "Makefile").read_text(encoding="utf-8").split("\nserve:", 1)[1].split("\n\n", 1)[0]
            assert "mkdocs serve --livereload" in recipe
        elif step.action == "static-server":
            assert "<html" in serve_static(project, commands(step.block)[0])
        else:  # pragma: no cover - test_every_example_is_tested lists the actions
            pytest.fail(f"{where}: unknown test action '{step.action}'")
    assert not edited, "an 'edit' step is never checked by 'expect-problems'"

    result = run_command(project, "make check")
    assert result.returncode == 0, result.stderr
    assert "Content is valid" in result.stdout
    site = build_project(project, tmp_path / "site")
    check_site(site, project / "site-teacher")


def check_site(site: Path, teacher_site: Path) -> None:
    """What the guide promises is on the built pages."""

    def page(root: Path, path: str) -> BeautifulSoup:
        return BeautifulSoup((root / path / "index.html").read_text(encoding="utf-8"), "html.parser")

    assert page(site, "glossary/citizen").h1.get_text(strip=True) == "Citizen"  # type: ignore[union-attr]
    assert page(site, "actors/united-states").h1.get_text(strip=True) == "United States"  # type: ignore[union-attr]
    reading = page(site, "readings/anthony-1873")
    links = {anchor.get_text(): anchor["href"] for anchor in reading.find_all("a", href=True)}
    assert links.get("Fellow Citizens", "").endswith("glossary/citizen/")
    assert links.get("United States", "").endswith("actors/united-states/")
    assert "Domestic here means inside the country" in reading.get_text(" ", strip=True)
    assert "The Nineteenth Amendment is certified" in page(site, "timeline").get_text()
    assert "Anthony repeats the charge against her" in page(site, "questions").get_text()
    assert "Second paragraph. The site numbers the paragraphs for you." in page(site, "readings/second-reading").get_text()
    assert "The second reading" in page(site, "").get_text()
    assert "Common misreading" not in page(site, "questions").get_text()
    assert "Common misreading" in page(teacher_site, "questions").get_text()
