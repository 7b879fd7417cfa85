"""Adapters: thin wrappers that connect the portable core to the tools around it.

- `mkdocs_plugin`: the MkDocs (and ProperDocs) plugin `terms`, which maps build events to core calls.
- `markdown_ext`: the Python-Markdown extension `term_links`, usable by any engine that runs
  Python-Markdown extensions, with or without MkDocs.
- `cli`: `python -m build_tools`, which checks and exports through the core and builds through MkDocs.
- `offline`: the offline copy, built with MkDocs and Material's `offline` plugin.
- `pack`: the teacher pack, printed by Chromium over a built site.

Only these modules may import MkDocs, Material or browser tooling; the core never imports them
(checked by the import-linter contracts in pyproject.toml). This package imports none of its
modules itself, so importing the Markdown extension does not pull in MkDocs.
"""
