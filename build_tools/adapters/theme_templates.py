"""The theme's templates, compacted as they load rather than in every page they print.

Material's templates are indented for people to read, and every page carries that indentation
until `compact_html` removes it, page by page. Compacting the template sources once per build
(`compact_template`) spares `compact_html` about a quarter of its work, and the pages come out the same.
"""

from __future__ import annotations

from collections.abc import Callable

import jinja2

from ..compact import compact_template

__all__ = ["CompactTemplates"]

_COMPACTED = (".html", ".svg")
"""Templates that print into pages (the icons are SVG files included in them); `sitemap.xml` and the like are left alone."""


class CompactTemplates(jinja2.BaseLoader):
    """Wraps the theme environment's loader; each HTML or SVG template's source is compacted as it loads."""

    def __init__(self, loader: jinja2.BaseLoader) -> None:
        self.loader = loader

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str | None, Callable[[], bool] | None]:
        source, filename, uptodate = self.loader.get_source(environment, template)
        return (compact_template(source) if template.endswith(_COMPACTED) else source), filename, uptodate

    def list_templates(self) -> list[str]:
        return self.loader.list_templates()
