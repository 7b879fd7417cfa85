"""Live preview: during `mkdocs serve`, a bad edit is reported in the terminal and the last good site stays up.

Runs the real `mkdocs serve`, with the flags `make serve` uses, on a copy of the mini project (the server helper is the
one `benchmarks/reload.py` uses to measure reload time).
"""

from __future__ import annotations

import importlib.util
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT

PAGE = "glossary/quay/"


def _load_benchmark() -> Any:
    spec = importlib.util.spec_from_file_location("reload_benchmark", ROOT / "benchmarks" / "reload.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


reload_benchmark = _load_benchmark()


@pytest.fixture
def server(mini_project: Path) -> Iterator[Any]:
    live = reload_benchmark.LiveServer(mini_project)
    try:
        live.wait_for_page(PAGE, "A stone platform where ships load and unload.", timeout=60)
        yield live
    finally:
        live.stop()


def _wait_for_builds(server: Any, count: int, timeout: float = 20.0) -> None:
    deadline = time.perf_counter() + timeout
    while len(server.builds()) < count:
        assert time.perf_counter() < deadline, "\n".join(server.output[-20:])
        time.sleep(0.05)


def test_bad_edit_keeps_last_good_site_then_fix_recovers(server: Any, mini_project: Path) -> None:
    quay = mini_project / "glossary/terms/quay.yml"
    good = quay.read_text(encoding="utf-8")
    builds = len(server.builds())

    quay.write_text(good.replace("short: A stone platform", "short: A broken platform").replace("[harbour-board]", "[harbor-board]"), encoding="utf-8")
    server.wait_for_output(
        "glossary/terms/quay.yml:6: unknown term or actor 'harbor-board' in 'related' (did you mean 'harbour-board'?). "
        "Use the id of an existing term or actor (its file name without .yml)."
    )
    server.wait_for_output("Still serving the last good version.")
    _wait_for_builds(server, builds + 1)
    page = server.get(PAGE)
    assert "A stone platform where ships load and unload." in page
    assert "A broken platform" not in page
    assert server.process.poll() is None
    assert not any("Traceback" in line for line in server.output)

    quay.write_text(good.replace("short: A stone platform", "short: A mended platform"), encoding="utf-8")
    assert server.wait_for_page(PAGE, "A mended platform where ships load and unload.", timeout=20) < 20


def test_syntax_error_during_serve(server: Any, mini_project: Path) -> None:
    lighthouse = mini_project / "glossary/terms/lighthouse.yml"
    good = lighthouse.read_text(encoding="utf-8")

    lighthouse.write_text(good.replace("  - publisher", "\t- publisher"), encoding="utf-8")
    server.wait_for_output("glossary/terms/lighthouse.yml:5: a tab character is used for indentation; YAML needs spaces. Replace the tab with spaces.")
    assert "A tower with a bright light" in server.get("glossary/lighthouse/")

    lighthouse.write_text(good.replace("guides ships at night", "guides ships through the night"), encoding="utf-8")
    server.wait_for_page("glossary/lighthouse/", "guides ships through the night", timeout=20)
    assert server.process.poll() is None


BOMB = "\n".join(
    ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    + [f"a{level}: &a{level} [{', '.join([f'*a{level - 1}'] * 10)}]" for level in range(1, 10)]
)


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        (BOMB, "glossary/terms/lighthouse.yml:3: aliases here expand to more than 1000 values."),
        ("title: &loop [*loop]", "glossary/terms/lighthouse.yml:1: an alias here ('*') points to the value that holds it"),
        ("title: !!python/name:os.system x", "glossary/terms/lighthouse.yml:1: unknown tag '!!python/name:os.system'."),
    ],
)
def test_dangerous_yaml_during_serve_then_recovery(server: Any, mini_project: Path, bad: str, message: str) -> None:
    lighthouse = mini_project / "glossary/terms/lighthouse.yml"
    good = lighthouse.read_text(encoding="utf-8")

    lighthouse.write_text(bad + "\n", encoding="utf-8")
    server.wait_for_output(message)
    server.wait_for_output("Still serving the last good version.")
    assert "A tower with a bright light" in server.get("glossary/lighthouse/")
    assert server.process.poll() is None

    lighthouse.write_text(good.replace("guides ships at night", "guides ships by night"), encoding="utf-8")
    server.wait_for_page("glossary/lighthouse/", "guides ships by night", timeout=20)
    assert not any("Traceback" in line for line in server.output)
