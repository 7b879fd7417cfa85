"""The rebuild plan: which pages a live-preview rebuild renders again (tests/test_dirty_build.py checks it end to end)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from build_tools.linker import LinkTarget
from build_tools.rebuilds import BuildInputs, Rebuilds, folder_fingerprint, link_fingerprints

QUAY = LinkTarget(id="quay", label="Quay", names=("Quay",), short="A platform.", src_uri="glossary/quay.md")
PIER = LinkTarget(id="pier", label="Pier", names=("Pier",), short="A walkway.", src_uri="glossary/pier.md")
PAGES = {"index.md": "a", "reading.md": "b", "glossary/quay.md": "c", "glossary/pier.md": "d"}


def inputs(targets: tuple[LinkTarget, ...] = (QUAY, PIER), pages: dict[str, str] = PAGES, settings: str = "s") -> BuildInputs:
    linking, previews = link_fingerprints(targets, {})
    return BuildInputs(settings + linking, pages, previews)


def built(rebuilds: Rebuilds, now: BuildInputs, links: dict[str, set[str]]) -> frozenset[str] | None:
    plan = rebuilds.plan(now)
    rebuilds.nav_changed("nav")
    rebuilds.finish(links)
    return plan


def test_the_first_build_and_a_shared_change_render_every_page() -> None:
    rebuilds = Rebuilds()
    assert built(rebuilds, inputs(), {"reading.md": {"quay"}}) is None
    assert built(rebuilds, inputs(), {}) == frozenset()
    assert built(rebuilds, inputs(settings="other"), {}) is None


def test_a_preview_change_renders_the_pages_that_linked_the_entry_even_after_builds_that_skipped_them() -> None:
    rebuilds = Rebuilds()
    built(rebuilds, inputs(), {"reading.md": {"quay"}, "index.md": {"pier"}})
    assert built(rebuilds, inputs(pages={**PAGES, "glossary/pier.md": "changed"}), {"glossary/pier.md": set()}) == {"glossary/pier.md"}

    shorter = (replace(QUAY, short="A stone platform."), PIER)
    assert built(rebuilds, inputs(shorter, {**PAGES, "glossary/pier.md": "changed"}), {}) == {"reading.md"}


def test_names_are_shared_a_page_input_is_not() -> None:
    rebuilds = Rebuilds()
    built(rebuilds, inputs(), {})
    aliased = (replace(QUAY, names=("Quay", "wharf")), PIER)
    assert rebuilds.plan(inputs(aliased)) is None
    assert rebuilds.plan(inputs(pages={**PAGES, "new.md": "e"})) == {"new.md"}


def test_a_failed_build_is_forgotten_and_the_nav_is_compared() -> None:
    rebuilds = Rebuilds()
    built(rebuilds, inputs(), {})
    assert not rebuilds.nav_changed("nav")
    assert rebuilds.nav_changed("other nav")
    rebuilds.forget()
    assert rebuilds.plan(inputs()) is None


def test_a_folder_fingerprint_changes_with_a_file(tmp_path: Path) -> None:
    missing = folder_fingerprint(tmp_path / "templates")
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "entry.md.j2").write_text("a", encoding="utf-8")
    first = folder_fingerprint(tmp_path / "templates")
    (tmp_path / "templates" / "entry.md.j2").write_text("ab", encoding="utf-8")
    assert len({missing, first, folder_fingerprint(tmp_path / "templates")}) == 3
