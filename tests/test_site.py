"""The core's front door: loading pauses the cyclic garbage collector, and always hands it back as it was."""

from __future__ import annotations

import gc
from collections.abc import Callable
from pathlib import Path

import pytest

from build_tools.errors import ContentError, Problem
from build_tools.load import ContentPaths
from build_tools.site import load_library, load_site
from build_tools.yamlfile import YamlFile, read_yaml


def _spying_reader(seen: list[bool]) -> Callable[[Path, str], tuple[YamlFile | None, list[Problem]]]:
    """`read_yaml` that records whether the collector was running at each file."""

    def read(file: Path, display_path: str) -> tuple[YamlFile | None, list[Problem]]:
        seen.append(gc.isenabled())
        return read_yaml(file, display_path)

    return read


@pytest.mark.parametrize("load", [load_site, load_library])
def test_content_is_read_with_the_collector_paused(mini_project: Path, load: Callable[..., object]) -> None:
    assert gc.isenabled()
    seen: list[bool] = []
    load(ContentPaths(mini_project), read=_spying_reader(seen))
    assert seen and not any(seen)
    assert gc.isenabled()


def test_the_collector_runs_again_after_content_errors(mini_project: Path) -> None:
    (mini_project / "glossary" / "terms" / "broken.yml").write_text("title: [unclosed\n", encoding="utf-8")
    with pytest.raises(ContentError):
        load_site(ContentPaths(mini_project))
    assert gc.isenabled()


def test_a_collector_paused_by_the_caller_stays_paused(mini_project: Path) -> None:
    gc.disable()
    try:
        load_site(ContentPaths(mini_project))
        assert not gc.isenabled()
    finally:
        gc.enable()
