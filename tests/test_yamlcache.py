"""Live preview keeps parsed YAML between rebuilds: a save re-reads that file only, and the result is a cold load's."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_tools.errors import ContentError
from build_tools.layout import Layout
from build_tools.load import ContentPaths
from build_tools.pages import Site
from build_tools.site import load_site
from build_tools.yamlcache import YamlCache


def _pages(site: Site) -> dict[str, str]:
    return {page.src_uri: page.markdown for page in site.pages}


def _yaml_files(project: Path) -> list[Path]:
    return sorted((project / "glossary").rglob("*.yml"))


def test_an_unchanged_project_is_not_read_again(mini_project: Path) -> None:
    cache = YamlCache()
    first = load_site(ContentPaths(mini_project), Layout(), read=cache.read)
    assert cache.reads == len(_yaml_files(mini_project))
    again = load_site(ContentPaths(mini_project), Layout(), read=cache.read)
    assert cache.reads == len(_yaml_files(mini_project))
    assert _pages(again) == _pages(first) == _pages(load_site(ContentPaths(mini_project), Layout()))


def test_a_saved_file_is_read_again_and_builds_what_a_cold_load_builds(mini_project: Path) -> None:
    cache = YamlCache()
    before = load_site(ContentPaths(mini_project), Layout(), read=cache.read)
    reads = cache.reads
    term = sorted((mini_project / "glossary" / "terms").glob("*.yml"))[0]
    text = term.read_text(encoding="utf-8")
    assert "\nshort: " in text
    term.write_text(text.replace("\nshort: ", "\nshort: Changed on save. ", 1), encoding="utf-8")
    after = load_site(ContentPaths(mini_project), Layout(), read=cache.read)
    assert cache.reads == reads + 1
    assert _pages(after) != _pages(before)
    assert _pages(after) == _pages(load_site(ContentPaths(mini_project), Layout()))
    assert "Changed on save." in after.library.terms[term.stem].short


def test_a_broken_save_reports_what_a_cold_load_reports_and_a_fix_recovers(mini_project: Path) -> None:
    cache = YamlCache()
    good = load_site(ContentPaths(mini_project), Layout(), read=cache.read)
    term = sorted((mini_project / "glossary" / "terms").glob("*.yml"))[0]
    text = term.read_text(encoding="utf-8")
    term.write_text(text + "\nshort: [unclosed\n", encoding="utf-8")
    with pytest.raises(ContentError) as cached:
        load_site(ContentPaths(mini_project), Layout(), read=cache.read)
    with pytest.raises(ContentError) as cold:
        load_site(ContentPaths(mini_project), Layout())
    assert cached.value.report() == cold.value.report()
    term.write_text(text, encoding="utf-8")
    assert _pages(load_site(ContentPaths(mini_project), Layout(), read=cache.read)) == _pages(good)


def test_a_deleted_file_is_gone_from_the_next_load(mini_project: Path) -> None:
    cache = YamlCache()
    load_site(ContentPaths(mini_project), Layout(), read=cache.read)
    event = sorted((mini_project / "glossary" / "events").glob("*.yml"))[-1]
    event.unlink()
    try:
        cold = _pages(load_site(ContentPaths(mini_project), Layout()))
    except ContentError as error:  # another file may name the deleted one
        with pytest.raises(ContentError) as cached:
            load_site(ContentPaths(mini_project), Layout(), read=cache.read)
        assert cached.value.report() == error.report()
    else:
        assert _pages(load_site(ContentPaths(mini_project), Layout(), read=cache.read)) == cold
