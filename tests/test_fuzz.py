"""Fuzzing what a teacher can write: random YAML and Markdown never cause a traceback or a hang,
and whatever Markdown becomes HTML leaves the sanitizer without script.

Bounded (a few dozen examples each, a hard time limit per example) so the suite stays fast.
"""

from __future__ import annotations

import shutil
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from build_tools.errors import ContentError
from build_tools.load import ContentPaths
from build_tools.sanitize import sanitize_html
from build_tools.site import load_library
from conftest import MINI

SECONDS = 5
"""No example may take longer: a hang fails the test instead of stopping the suite."""

_YAML_PIECES = ["title: ", "short: ", "aliases:", "\n", "  ", "- ", "&a ", "*a", "&b [", "*b, ", "]", "{", "}", ": ", "'", '"', "!!int ", "!!bool ",
                "!secret ", "!!python/name:os.system ", "<<: *a", "|", ">-", "#", "\t", "0700", "true", "2999", "x", "Lighthouse", "---", "\x00", "\ufeff", "é"]  # fmt: skip
_MARKDOWN_PIECES = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[x](javascript:alert(1))", "[x](java\nscript:alert(1))", "[e]: javascript:x",
                    "> ", "- ", "!!! note\n    ", "{: onclick=alert(1) }", "*x*", "&#106;avascript:", "<a href='", "'>", "\n\n", " ", "\n \n", "<svg onload=alert(1)>",
                    "<details ontoggle=alert(1) open>", "`", "<!--", "-->", "[y][e]", "<", ">", "(", ")", "word", "data:text/html,x", "<style>", "<math>"]  # fmt: skip


@contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    def stop(signum: int, frame: object) -> None:
        raise TimeoutError(f"took longer than {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("fuzz") / "project"
    shutil.copytree(MINI, folder)
    return folder


def _load(project: Path) -> None:
    with time_limit(SECONDS):
        try:
            load_library(ContentPaths(project))
        except ContentError as error:
            assert error.problems
            for problem in error.problems:
                assert "Traceback" not in problem.message and "{" not in problem.message.split("'")[0]


_values = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 3000) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(["title", "short", "aliases", "sources", "date", "url", "x"]), inner, max_size=4),
    max_leaves=12,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.dictionaries(st.sampled_from(["title", "short", "aliases", "explanation", "sources", "related", "plurals"]), _values, max_size=6))
def test_random_yaml_data_gives_problems_not_tracebacks(project: Path, data: dict[str, object]) -> None:
    (project / "glossary/terms/fuzz.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    _load(project)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pieces=st.lists(st.sampled_from(_YAML_PIECES), max_size=30))
def test_random_yaml_text_gives_problems_not_tracebacks(project: Path, pieces: list[str]) -> None:
    (project / "glossary/terms/fuzz.yml").write_text("".join(pieces), encoding="utf-8")
    _load(project)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pieces=st.lists(st.sampled_from(_MARKDOWN_PIECES), max_size=20))
def test_random_reading_gives_problems_not_tracebacks(project: Path, pieces: list[str]) -> None:
    reading = project / "docs/readings/fuzz.md"
    reading.write_text((MINI / "docs/readings/harbour.md").read_text(encoding="utf-8") + "\n\n" + "".join(pieces), encoding="utf-8")
    try:
        _load(project)
    finally:
        reading.unlink()


@settings(max_examples=80, deadline=None)
@given(pieces=st.lists(st.sampled_from(_MARKDOWN_PIECES), max_size=25))
def test_random_markdown_leaves_the_sanitizer_without_script(pieces: list[str]) -> None:
    with time_limit(SECONDS):
        html = markdown.Markdown(extensions=["attr_list", "md_in_html", "admonition", "pymdownx.details", "tables"]).convert("".join(pieces))
        clean = BeautifulSoup(sanitize_html(html), "html.parser")
    for element in clean.find_all(True):
        assert element.name not in ("script", "style", "iframe", "object", "embed", "math")
        for name, value in element.attrs.items():
            assert not name.lower().startswith("on"), element
            text = "".join(value) if isinstance(value, list) else str(value)
            assert not text.strip().lower().startswith(("javascript:", "data:")), element
