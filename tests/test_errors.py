"""Errors that teach: every bad-input fixture gives its exact `file:line: message` lines, all in one run.

Each folder in `tests/fixtures/bad/` holds the files that differ from the mini project, plus
`expected.txt`: the lines `python -m build_tools check` must print, in order, before the count line.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from conftest import FIXTURES, build_project

BAD = FIXTURES / "bad"
CASES = sorted(folder.name for folder in BAD.iterdir() if folder.is_dir())


def apply_case(project: Path, case: str) -> None:
    """Copy the files of one bad-input case over the project.

    `remove.txt` lists project files to delete first (to put a folder in a file's place); symbolic
    links are copied as links.
    """
    folder = BAD / case
    removals = folder / "remove.txt"
    for name in removals.read_text(encoding="utf-8").split() if removals.exists() else []:
        (project / name).unlink()
    for file in sorted(folder.rglob("*")):
        if file.name in ("expected.txt", "remove.txt") and file.parent == folder:
            continue
        target = project / file.relative_to(folder)
        if file.is_symlink():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.unlink(missing_ok=True)
            os.symlink(os.readlink(file), target)
        elif file.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(file, target)


def expected_lines(case: str) -> list[str]:
    return (BAD / case / "expected.txt").read_text(encoding="utf-8").splitlines()


def count_line(count: int) -> str:
    noun = "problem" if count == 1 else "problems"
    return f"Found {count} {noun} in the content; nothing was published. Fix them and build again."


def run_cli(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "build_tools", *args], cwd=project, capture_output=True, text=True, timeout=120)


def assert_reported(result: subprocess.CompletedProcess[str], expected: list[str]) -> None:
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [*expected, count_line(len(expected))]


def test_corpus_is_large_and_pinned() -> None:
    assert len(CASES) >= 118  # 58 before the safety work, at least 60 added with it
    for case in CASES:
        assert expected_lines(case), f"{case} has no expected messages"


def test_mini_project_is_valid(mini_project: Path) -> None:
    result = run_cli(mini_project, "check")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Content is valid:")


@pytest.mark.parametrize("case", CASES)
def test_bad_input(mini_project: Path, case: str) -> None:
    apply_case(mini_project, case)
    assert_reported(run_cli(mini_project, "check"), expected_lines(case))


def test_huge_file(mini_project: Path) -> None:
    padding = "\n".join(f"  - alias number {index}" for index in range(30_000))
    (mini_project / "glossary/terms/huge.yml").write_text(f"title: Huge\naliases:\n{padding}\n", encoding="utf-8")
    size_kb = (mini_project / "glossary/terms/huge.yml").stat().st_size // 1024
    assert size_kb > 512
    expected = [f"glossary/terms/huge.yml: the file is {size_kb} KB; content files must be under 512 KB. Look for text pasted by mistake and remove it."]
    assert_reported(run_cli(mini_project, "check"), expected)


def test_non_utf8_reading(mini_project: Path) -> None:
    reading = mini_project / "docs/readings/harbour.md"
    reading.write_bytes(reading.read_text(encoding="utf-8").replace("ships,", "ships \u2014 caf\u00e9s,").encode("cp1252"))
    # Line 13 holds the first byte that is not UTF-8: the apostrophe in "union’s".
    expected = ["docs/readings/harbour.md:13: the file is not UTF-8 text. Save it with UTF-8 encoding (in VS Code: 'Save with Encoding', 'UTF-8')."]
    assert_reported(run_cli(mini_project, "check"), expected)


def test_many_problems_in_one_run(mini_project: Path) -> None:
    for case in ("yaml-tab", "misspelled-event-refs", "bad-date-month", "question-without-teacher-notes", "annotation-quote-not-found"):
        apply_case(mini_project, case)
    expected = sorted(
        [
            *expected_lines("yaml-tab"),
            # quay.yml cannot be read, so the event's reference to 'quay' is not a second problem.
            *expected_lines("misspelled-event-refs"),
            *expected_lines("bad-date-month"),
            *expected_lines("question-without-teacher-notes"),
            *expected_lines("annotation-quote-not-found"),
        ],
        key=_file_and_line,
    )
    assert len(expected) == 6
    assert_reported(run_cli(mini_project, "check"), expected)


def _file_and_line(message: str) -> tuple[str, int]:
    path, line, _ = message.split(":", 2)
    return path, int(line)


def test_failed_build_leaves_site_untouched(mini_project: Path) -> None:
    site = mini_project / "site"
    (site / "glossary").mkdir(parents=True)
    (site / "marker.txt").write_text("the last good site", encoding="utf-8")
    (site / "glossary" / "index.html").write_text("<p>old</p>", encoding="utf-8")
    before = {path.relative_to(site): path.read_bytes() for path in site.rglob("*") if path.is_file()}
    apply_case(mini_project, "misspelled-id")

    result = run_cli(mini_project, "build", "--site-dir", "site")

    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert expected_lines("misspelled-id")[0] in result.stderr
    assert "'site/' was left as it was" in result.stderr
    after = {path.relative_to(site): path.read_bytes() for path in site.rglob("*") if path.is_file()}
    assert after == before
    assert not list(mini_project.glob(".site-build-*")), "the temporary build folder is left behind"


def test_mkdocs_build_aborts_with_the_messages(mini_project: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    apply_case(mini_project, "paragraph-past-end")
    with pytest.raises(Abort):
        build_project(mini_project, tmp_path / "site")
    errors = [record.getMessage() for record in caplog.records if record.levelname == "ERROR"]
    assert errors == ["\n".join([*expected_lines("paragraph-past-end"), count_line(1)])]
    assert not (tmp_path / "site" / "index.html").exists()


def test_link_to_a_file_outside_the_project_is_refused_without_its_content(mini_project: Path, tmp_path: Path) -> None:
    secret = tmp_path / "private-notes.yml"
    secret.write_text("title: Private\nshort: Not for students.\n", encoding="utf-8")
    (mini_project / "glossary/terms/notes.yml").symlink_to(secret)
    result = run_cli(mini_project, "check")
    expected = ["glossary/terms/notes.yml: this is a link to a file outside the project; the build reads only files inside it. Copy the file here instead of linking to it."]
    assert_reported(result, expected)
    assert "Private" not in result.stderr
    assert str(tmp_path) not in result.stderr


def test_unreadable_file(mini_project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from build_tools.errors import ContentError
    from build_tools.load import ContentPaths
    from build_tools.site import load_library

    real = Path.read_bytes

    def read_bytes(path: Path) -> bytes:
        if path.name == "quay.yml":
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    with pytest.raises(ContentError) as error:
        load_library(ContentPaths(mini_project))
    assert [str(problem) for problem in error.value.problems] == [
        "glossary/terms/quay.yml: the file cannot be read: permission denied. Give yourself read permission (chmod u+r), or delete the file."
    ]


def test_byte_order_mark_in_a_reading_is_accepted(mini_project: Path) -> None:
    reading = mini_project / "docs/readings/harbour.md"
    reading.write_bytes(b"\xef\xbb\xbf" + reading.read_bytes())
    result = run_cli(mini_project, "check")
    assert result.returncode == 0, result.stderr
