"""Build classroom microsites: curated YAML and readings in, cross-linked Markdown pages out.

The core (load, validate, model, link, render) imports nothing from MkDocs; the adapters in
`build_tools.adapters` (`mkdocs_plugin`, `markdown_ext`, `cli`, `offline`, `pack`) adapt it to MkDocs,
to any engine that runs Python-Markdown extensions, to the command line and to the browser.
"""

from __future__ import annotations

from .errors import ContentError, Problem
from .layout import Layout
from .linker import Linker, LinkTarget, Match
from .load import ContentPaths
from .model import Actor, Annotation, Event, Library, Question, Reading, Source, Term
from .pages import GeneratedPage, Site, plan_site
from .site import load_library, load_site

__all__ = [
    "Actor",
    "Annotation",
    "ContentError",
    "ContentPaths",
    "Event",
    "GeneratedPage",
    "Layout",
    "Library",
    "LinkTarget",
    "Linker",
    "Match",
    "Problem",
    "Question",
    "Reading",
    "Site",
    "Source",
    "Term",
    "load_library",
    "load_site",
    "plan_site",
]
