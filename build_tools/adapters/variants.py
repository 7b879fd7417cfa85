"""Build variants (the teacher edition, the offline copy) chosen the way MkDocs chooses them: by `!ENV`.

A project's `mkdocs.yml` reads the variant from environment variables, so `mkdocs serve`, `mkdocs build`
and `python -m build_tools` see the same configuration and nothing changes a loaded config afterwards:

```yaml
plugins:
  - search
  - offline:
      enabled: !ENV [OFFLINE, false]
  - terms:
      teacher_edition: !ENV [TEACHER_EDITION, false]
```

`TEACHER_EDITION=true mkdocs serve` previews the teacher edition. The command line sets both variables
for the load of each variant and restores them afterwards, so a variable left set in a shell never turns
the student site into the teacher edition.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import ConfigurationError

__all__ = ["OFFLINE", "SHIM", "SHIM_URI", "TEACHER_EDITION", "load_variant", "offline_enabled"]

TEACHER_EDITION = "TEACHER_EDITION"
"""Environment variable read by the terms plugin's `teacher_edition` option in mkdocs.yml."""
OFFLINE = "OFFLINE"
"""Environment variable read by Material's offline plugin's `enabled` option in mkdocs.yml (Material's documented name)."""
SHIM = Path(__file__).parent.parent / "vendor" / "iframe-worker.js"
"""The vendored shim that lets search run from `file://`; its URL must contain 'iframe-worker', or Material adds the CDN one."""
SHIM_URI = "assets/javascripts/iframe-worker.min.js"
"""Where the shim goes in an offline build; `.min.js`, so the site's compaction leaves the vendored file as it is."""

_TEACHER_LINE = f"teacher_edition: !ENV [{TEACHER_EDITION}, false]"
_OFFLINE_LINES = f"'- offline:' with 'enabled: !ENV [{OFFLINE}, false]' on the line below it"


def load_variant(config_file: Path, *, teacher: bool = False, offline: bool = False, **overrides: Any) -> MkDocsConfig:
    """Load `config_file` as the given variant, with MkDocs' own overrides (`site_dir`, `strict`, ...).

    Raises:
        ConfigurationError: when mkdocs.yml is invalid, or does not read the variables, so the variant
            asked for cannot be built (the message names the line to add). A `teacher_edition: true`
            written into mkdocs.yml is refused for the student site, which would show teacher notes.
    """
    with _environment({TEACHER_EDITION: _flag(teacher), OFFLINE: _flag(offline)}):
        config = load_config(str(config_file), **overrides)
    terms = config.plugins.get("terms")
    if terms is not None and terms.config.enabled and terms.config.teacher_edition != teacher:
        if teacher:
            problem = "the teacher edition was asked for, but the 'terms' plugin's 'teacher_edition' does not read the environment"
        else:
            problem = "the 'terms' plugin's 'teacher_edition' is true, so the student site would show the teacher notes"
        raise ConfigurationError(f"{config_file.name}: {problem}. Under '- terms:' in 'plugins:', write '{_TEACHER_LINE}'.")
    if offline and not offline_enabled(config):
        raise ConfigurationError(
            f"{config_file.name}: the offline copy needs Material's offline plugin, switched on by {OFFLINE}. Add under 'plugins:' {_OFFLINE_LINES}."
        )
    return config


def offline_enabled(config: MkDocsConfig) -> bool:
    """Whether this build is for `file://` (Material's offline plugin is on)."""
    plugin = config.plugins.get("material/offline")
    return plugin is not None and bool(plugin.config.enabled)


def _flag(value: bool) -> str:
    return "true" if value else "false"


@contextmanager
def _environment(values: dict[str, str]) -> Iterator[None]:
    """Set environment variables for the block (`!ENV` is read while the YAML loads), then restore them."""
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
