"""`python -m build_tools`: see `build_tools.adapters.cli`."""

from __future__ import annotations

import sys

from .adapters.cli import main

sys.exit(main())
