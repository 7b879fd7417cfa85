"""The self-check page: practice generated from the glossary and the timeline (being built)."""

from __future__ import annotations

from .layout import Layout
from .model import Library

__all__ = ["render_self_check"]


def render_self_check(library: Library, layout: Layout) -> str:
    return "# Self-check\n\nPractice questions are on their way.\n"
