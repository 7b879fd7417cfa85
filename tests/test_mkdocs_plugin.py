"""The MkDocs plugin's own options: `enabled: false` leaves a build as if the plugin were not listed."""

from __future__ import annotations

from pathlib import Path

import yaml
from mkdocs.utils.yaml import get_yaml_loader

from conftest import BuiltSite, build_project


def test_a_disabled_plugin_generates_and_links_nothing(mini_project: Path, tmp_path: Path) -> None:
    config_file = mini_project / "mkdocs.yml"
    config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=get_yaml_loader())  # MkDocs' loader: mkdocs.yml has `!ENV` tags
    config["plugins"] = ["search", {"terms": {"enabled": False}}]
    config["nav"] = ["index.md", "readings/harbour.md"]
    config_file.write_text(yaml.safe_dump(config), encoding="utf-8")
    site = BuiltSite(build_project(mini_project, tmp_path / "site"))
    assert not (site.root / "glossary").exists() and not (site.root / "timeline").exists()
    reading = site.html("readings/harbour/")
    assert reading.select("article p"), "the reading is built from its source"
    assert not reading.select("a.term-link") and not reading.select(".reading-paragraph")
