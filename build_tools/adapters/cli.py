"""Command line: `python -m build_tools check | export DIR | build | offline [ZIP] | pack [SITE] | new KIND ID | schema DIR`.

Every command prints problems as `file:line: message` and exits 1 on bad content, never with a traceback.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import uuid
from pathlib import Path

from ..classroom import gist_warnings
from ..disagreement_checks import repeated_disagreement_warnings
from ..errors import ContentError
from ..layout import Layout
from ..load import ContentPaths
from ..model import Library
from ..site import load_library, load_site, project_templates

__all__ = ["TEACHER_DIR", "main"]

TEACHER_DIR = "teacher"
"""Folder of the built site that holds the teacher edition."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m build_tools", description="Check, export and build the classroom site.")
    parser.add_argument("--project", default=".", help="project folder (the one with mkdocs.yml); default: current folder")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="validate all content and print every problem")
    export = commands.add_parser("export", help="write the generated Markdown pages to a folder (for other engines)")
    export.add_argument("folder")
    export.add_argument("--teacher", action="store_true", help="include teacher notes")
    build = commands.add_parser("build", help="build the site; the old site stays until the new one is complete")
    build.add_argument("--site-dir", default="site")
    build.add_argument("--teacher", action="store_true", help="build only the teacher edition (by default it is built into teacher/ of the site)")
    build.add_argument("--config-file", default="mkdocs.yml")
    offline = commands.add_parser("offline", help="write a zip of the site that works opened from a folder or USB stick (file://)")
    offline.add_argument("zip", nargs="?", default="site-offline.zip", help="where to write the zip, relative to the project folder; default: site-offline.zip")
    offline.add_argument("--teacher", action="store_true", help="an offline copy of the teacher edition")
    offline.add_argument("--config-file", default="mkdocs.yml")
    pack = commands.add_parser("pack", help="print the teacher pack PDF (lesson plan, answer keys, worksheets) into a built site; needs Chromium")
    pack.add_argument("site", nargs="?", default="site", help="the built site folder, with its teacher edition; default: site")
    new = commands.add_parser("new", help="write a commented YAML file for a new entry")
    new.add_argument("kind", choices=("term", "actor", "event", "reading"))
    new.add_argument("id")
    schema = commands.add_parser("schema", help="write JSON Schemas for editors, and the field tables of the content folder's README")
    schema.add_argument("folder", nargs="?", default="schemas")
    args = parser.parse_args(argv)
    root = Path(args.project)
    try:
        if args.command == "check":
            library = _check(root)
            print(
                f"Content is valid: {len(library.terms)} terms, {len(library.actors)} actors, {len(library.events)} events, "
                f"{len(library.questions)} questions, {len(library.annotations)} annotations, {len(library.readings)} readings."
                + _classroom_counts(library)
            )
            if library.site.name:
                print(f"Site: '{library.site.name}' (site_name, site_description and copyright in mkdocs.yml).")
            from ..readability import check_readability

            readability = check_readability(library)
            for warning in [*readability.warnings, *gist_warnings(library.classroom), *repeated_disagreement_warnings(library)]:
                print(f"warning: {warning}", file=sys.stderr)
            print(readability.summary())
        elif args.command == "export":
            from ..output import unsafe_output

            problem = unsafe_output(root / args.folder, {"the project folder": root, "'docs/'": root / "docs", "'glossary/'": root / "glossary"})
            if problem:
                raise ValueError(problem)
            count = export_markdown(root, Path(args.folder), teacher=args.teacher)
            print(f"Wrote {count} pages to {args.folder}.")
        elif args.command == "build":
            return build_site(root, Path(args.site_dir), args.config_file, teacher=args.teacher)
        elif args.command == "offline":
            from .offline import write_offline_copy

            return write_offline_copy(root, Path(args.zip), args.config_file, teacher=args.teacher)
        elif args.command == "pack":
            from .pack import write_teacher_pack

            path, pages = write_teacher_pack(root / args.site)
            print(f"Wrote the teacher pack ({pages} A4 pages) to {path}.")
        elif args.command == "new":
            from ..scaffold import write_new_entry

            print(f"Wrote {write_new_entry(ContentPaths(root), args.kind, args.id)}. Fill in its fields, then run 'make serve' to see it.")
        elif args.command == "schema":
            from ..field_tables import write_field_tables
            from ..schema import write_schemas

            print(f"Wrote {len(write_schemas(root / args.folder))} schemas to {args.folder}.")
            if write_field_tables(ContentPaths(root).content / "README.md"):
                print("Updated the field tables in the content folder's README.md.")
    except ContentError as error:
        print(error.report(), file=sys.stderr)
        return 1
    except (FileExistsError, FileNotFoundError, TimeoutError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


def _classroom_counts(library: Library) -> str:
    classroom = library.classroom
    if not (classroom.self_check or classroom.gists or classroom.lesson):
        return ""
    plan = ", a lesson plan" if classroom.lesson else ""
    return f" Classroom: {len(classroom.self_check)} self-check questions, {len(classroom.gists)} gists{plan}."


def _check(root: Path) -> Library:
    """Content, project (mkdocs.yml, page options) and template problems and unmet expectations, all in one report."""
    from ..expectations import check_expectations
    from ..pages import plan_site
    from ..project_checks import check_project

    templates = project_templates(ContentPaths(root), check=False)
    broken_templates = templates.problems()
    try:
        library = load_library(ContentPaths(root))
    except ContentError as error:
        raise ContentError([*error.problems, *check_project(root), *broken_templates]) from None
    if broken_templates:
        raise ContentError(broken_templates)
    generated = {page.src_uri for page in plan_site(library, Layout(), templates=templates).pages}
    problems = [*check_project(root, generated=generated), *check_expectations(ContentPaths(root), library)]
    if problems:
        raise ContentError(problems)
    return library


def export_markdown(root: Path, folder: Path, *, teacher: bool = False) -> int:
    """Write generated pages, rendered readings and the filled-in home page as plain Markdown files (and the stylesheets they use); return the page count.

    The home page is written as the MkDocs build shows it (its list of readings and, in the teacher
    edition, the pointer to the lesson plan), so an engine without the plugin gets the same page.
    """
    paths = ContentPaths(root)
    site = load_site(paths, Layout(), teacher=teacher)
    pages = [(page.src_uri, page.markdown) for page in site.pages] + list(site.readings.items())
    home = root / paths.docs_dir / site.layout.home
    if home.is_file():
        pages.append((site.layout.home, site.fill(site.layout.home, home.read_text(encoding="utf-8"))))
    for src_uri, markdown in pages:
        target = folder / src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(markdown, encoding="utf-8")
    return sum(src_uri.endswith(".md") for src_uri, _ in pages)


def build_site(root: Path, site_dir: Path, config_file: str, *, teacher: bool = False) -> int:
    """Build with MkDocs into a temporary folder and swap it in only when the build succeeds.

    Builds into the same folder wait for each other (a lock), and staging folders left by a
    killed build are removed first. The output may not overwrite or sit inside the sources.
    """
    import logging

    from mkdocs.commands.build import build
    from mkdocs.exceptions import Abort, ConfigurationError

    from ..output import STAGING_PREFIX, build_lock, clean_stale_staging, swap_into, unsafe_output
    from .offline import remote_resources
    from .variants import load_variant

    logging.basicConfig(level=logging.WARNING, format="%(levelname)-7s -  %(message)s")
    site_dir = site_dir if site_dir.is_absolute() else root / site_dir
    staging = site_dir.parent / f"{STAGING_PREFIX}{uuid.uuid4().hex[:8]}"
    # Once with the documented layout (before MkDocs reads the config), once with the configured one.
    problem = unsafe_output(site_dir, {"the project folder": root, "'docs/'": root / "docs", "'glossary/'": root / "glossary"})
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return 1
    try:
        config = load_variant(root / config_file, teacher=teacher, site_dir=str(staging), strict=True)
    except (Abort, ConfigurationError, SystemExit) as error:
        print(f"Build failed ({error}); '{site_dir.name}/' was left as it was.", file=sys.stderr)
        return 1
    terms = config.plugins.get("terms")
    content = root / (terms.config.content_dir if terms is not None else "glossary")
    docs = Path(config.docs_dir)
    problem = unsafe_output(site_dir, {"the project folder": root, f"'{docs.name}/'": docs, f"'{content.name}/'": content})
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return 1
    with build_lock(site_dir.parent):
        clean_stale_staging(site_dir.parent)
        staging.mkdir()
        try:
            build(config)
            remote = remote_resources(staging)
            if remote:
                raise Abort("pages would load from other hosts; download these files into docs/ and link to the copies:\n" + "\n".join(remote))
            if not teacher and terms is not None and terms.config.teacher_edition_publish:
                # The teacher edition goes inside the site (never linked from it), so one deploy publishes both.
                url = config.site_url.rstrip("/") + f"/{TEACHER_DIR}/" if config.site_url else None
                build(load_variant(root / config_file, teacher=True, site_dir=str(staging / TEACHER_DIR), strict=True, site_url=url))
        except (Abort, ConfigurationError, SystemExit) as error:
            shutil.rmtree(staging, ignore_errors=True)
            print(f"Build failed ({error}); '{site_dir.name}/' was left as it was.", file=sys.stderr)
            return 1
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        swap_into(staging, site_dir)
    print(f"Built the site into '{site_dir.name}/'.")
    return 0
