"""The core stays portable: loading, validating, linking and rendering never import MkDocs."""

from __future__ import annotations

import subprocess
import sys

from conftest import MINI

CORE = ["build_tools", "build_tools.site", "build_tools.pages", "build_tools.adapters.markdown_ext", "build_tools.schema", "build_tools.scaffold"]


def test_core_runs_without_importing_mkdocs() -> None:
    script = (
        "import sys\n"
        + "".join(f"import {module}\n" for module in CORE)
        + "from pathlib import Path\n"
        + "from build_tools import ContentPaths, load_site\n"
        + f"site = load_site(ContentPaths(Path({str(MINI)!r})))\n"
        + "assert site.pages, 'pages are generated'\n"
        + "print(sorted(name for name in sys.modules if name.split('.')[0] in ('mkdocs', 'material')))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
