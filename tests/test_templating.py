"""Generated pages come from Jinja2 templates that escape what they print, and a project may override them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from build_tools import ContentPaths, Layout, load_library
from build_tools.render_collections import render_glossary_index
from build_tools.scaffolds import lesson_pointer
from build_tools.sharing import edit_link, share_link
from build_tools.site import load_site
from build_tools.templating import BUILT_IN, PageTemplates, page_templates
from conftest import SUFFRAGE, BuiltSite, build_project, copy_unit

SCRIPT = "<script>alert(1)</script>"


def run_cli(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "build_tools", *args], cwd=project, capture_output=True, text=True, timeout=300)


def test_printed_values_are_escaped_for_markdown_unless_marked_safe() -> None:
    environment = page_templates().environment
    template = environment.from_string('{{ value }} | {{ value|html }} | {{ values|join(", ") }} | {{ markdown|md }}')
    page = template.render(value=SCRIPT, values=[SCRIPT, "*x*"], markdown="**bold** <b>{: onclick=x }")
    assert page == (
        "&lt;script>alert(1)&lt;/script> | &lt;script&gt;alert(1)&lt;/script&gt; | &lt;script>alert(1)&lt;/script>, \\*x\\* | **bold** &lt;b>\\{: onclick=x }"
    )


def test_a_page_escapes_content_that_slipped_past_validation(mini_project: Path) -> None:
    """Validation refuses HTML in plain-text fields; the templates escape it anyway."""
    library = load_library(ContentPaths(mini_project))
    term = next(iter(library.terms.values()))
    bad = term.model_copy(update={"title": f"Quay {SCRIPT}", "short": f"*Loud* {SCRIPT}"})
    page = render_glossary_index(replace(library, terms={**library.terms, term.id: bad}), Layout())
    assert "<script>" not in page
    assert "Quay &lt;script>alert(1)&lt;/script>" in page
    assert "\\*Loud\\* &lt;script>" in page


def test_undefined_names_fail_instead_of_printing_nothing() -> None:
    from jinja2 import UndefinedError

    with pytest.raises(UndefinedError):
        page_templates().environment.from_string("{{ missing }}").render()


def _unit(tmp_path: Path) -> Path:
    return copy_unit(SUFFRAGE, tmp_path / "unit")


def test_an_override_changes_the_built_page(tmp_path: Path) -> None:
    project = _unit(tmp_path)
    built_in = (BUILT_IN / "glossary_index.md.j2").read_text(encoding="utf-8")
    assert "Words and names" in built_in
    (project / "templates").mkdir()
    (project / "templates/glossary_index.md.j2").write_text(built_in.replace("Words and names", "Every word and name"), encoding="utf-8")
    site = BuiltSite(build_project(project, tmp_path / "site"))
    intro = site.html("glossary/").find("article").find("p")
    assert intro.get_text().startswith("Every word and name ")
    assert "Words and names" not in site.html("glossary/").get_text()
    other = BuiltSite(build_project(copy_unit(SUFFRAGE, tmp_path / "plain"), tmp_path / "plain-site"))
    assert other.html("glossary/").find("article").find("p").get_text().startswith("Words and names ")


def test_an_override_may_extend_the_built_in_template_and_replace_one_block(tmp_path: Path) -> None:
    project = _unit(tmp_path)
    (project / "templates").mkdir()
    (project / "templates/entry.md.j2").write_text(
        '{% extends "default/entry.md.j2" %}\n{% block summary %}\nIn short: {{ entry.short }}\n\n{% endblock %}\n', encoding="utf-8"
    )
    site = load_site(ContentPaths(project))
    term = next(iter(site.library.terms.values()))
    page = next(page.markdown for page in site.pages if page.src_uri == site.layout.entry_uri(term))
    assert f"\n# {term.label}\n\nIn short: {term.short}\n\n" in page
    assert "entry-summary" not in page
    assert "## Sources" in page, "the rest of the built-in page is kept"


@pytest.mark.parametrize(
    ("template", "line", "message"),
    [
        (
            "---\n{% if entry.short %}\n# {{ entry.label }}\n",
            3,
            "template error: Unexpected end of template. Jinja was looking for the following tags: 'elif' or 'else' or 'endif'. "
            "The innermost block that needs to be closed is 'if'.",
        ),
        (
            "---\n# {{ entry.label }}\n\n{{ entry.summary }}\n",
            4,
            "template error: 'build_tools.model.Term object' has no attribute 'summary'; the variables a template can use are those of the built-in template of the same name.",
        ),
        (
            "# {{ entry.label }}\n\n{{ kind }} {{ definition }}\n",
            3,
            "template error: 'definition' is undefined; the variables a template can use are those of the built-in template of the same name.",
        ),
    ],
    ids=["syntax", "attribute", "name"],
)
def test_a_broken_override_is_reported_at_its_line_without_a_traceback(tmp_path: Path, template: str, line: int, message: str) -> None:
    project = _unit(tmp_path)
    (project / "templates").mkdir()
    (project / "templates/entry.md.j2").write_text(template, encoding="utf-8")
    expected = f"templates/entry.md.j2:{line}: {message} Fix the template, or delete it to use the built-in one."
    for command in (["check"], ["export", "out"], ["build", "--site-dir", "built"]):
        result = run_cli(project, *command)
        assert result.returncode == 1, (command, result.stdout)
        assert "Traceback" not in result.stderr
        assert expected in result.stderr, (command, result.stderr)


def test_an_override_with_an_unknown_name_is_reported(tmp_path: Path) -> None:
    project = _unit(tmp_path)
    (project / "templates").mkdir()
    (project / "templates/entries.md.j2").write_text("# {{ entry.label }}\n", encoding="utf-8")
    result = run_cli(project, "export", "out")
    assert result.returncode == 1
    assert "templates/entries.md.j2: no built-in template is called 'entries.md.j2', so it is never used. Rename it to one of " in result.stderr
    assert "'entry.md.j2'" in result.stderr


def test_templates_are_compiled_once_per_project_folder(tmp_path: Path) -> None:
    assert page_templates() is page_templates()
    folder = tmp_path / "templates"
    folder.mkdir()
    shutil.copy(BUILT_IN / "entry.md.j2", folder / "entry.md.j2")
    first = page_templates(folder, tmp_path)
    assert page_templates(folder, tmp_path) is first
    assert isinstance(first, PageTemplates) and first.folder == folder
    shutil.copy(BUILT_IN / "place.md.j2", folder / "place.md.j2")
    assert page_templates(folder, tmp_path) is not first, "a template added while serving is picked up"


def test_an_override_edited_while_serving_is_used_from_the_next_build_on(tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    folder.mkdir()
    override = folder / "lesson_pointer.md.j2"
    override.write_text("First version.\n", encoding="utf-8")
    assert page_templates(folder, tmp_path).render("lesson_pointer.md.j2") == "First version.\n"
    override.write_text("Edited.\n", encoding="utf-8")
    later = override.stat().st_mtime + 5
    os.utime(override, (later, later))
    assert page_templates(folder, tmp_path).render("lesson_pointer.md.j2") == "Edited.\n"


def test_a_broken_override_is_reported_with_the_content_problems(tmp_path: Path) -> None:
    project = _unit(tmp_path)
    (project / "templates").mkdir()
    (project / "templates/entry.md.j2").write_text("# {{ entry.label }\n", encoding="utf-8")
    term = next((project / "glossary/terms").glob("*.yml"))
    term.write_text(term.read_text(encoding="utf-8").replace("short:", "shorty:", 1), encoding="utf-8")
    for command in (["check"], ["export", "out"]):
        result = run_cli(project, *command)
        assert result.returncode == 1
        assert f"glossary/terms/{term.name}:" in result.stderr
        assert "templates/entry.md.j2:1: template error: unexpected '}'" in result.stderr, result.stderr


def test_an_override_of_the_shared_parts_changes_every_page_that_shows_them(tmp_path: Path) -> None:
    project = _unit(tmp_path)
    (project / "templates").mkdir()
    built_in = (BUILT_IN / "parts.md.j2").read_text(encoding="utf-8")
    assert "1. {{ credit }}" in built_in
    (project / "templates/parts.md.j2").write_text(built_in.replace("1. {{ credit }}", "1. Cited: {{ credit }}"), encoding="utf-8")
    site = load_site(ContentPaths(project))
    pages = {page.src_uri: page.markdown for page in site.pages}
    with_sources = [site.layout.entry_uri(entry) for entry in site.library.entries if entry.sources]
    assert with_sources and all("\n1. Cited: " in pages[uri] for uri in with_sources)
    assert "\n1. Cited: " in pages[site.layout.timeline]


def _override(project: Path, name: str, *changes: tuple[str, str]) -> None:
    """Put the built-in template `name` in the project's templates folder, each (old, new) text replaced."""
    text = (BUILT_IN / name).read_text(encoding="utf-8")
    for old, new in changes:
        assert old in text, f"{name} no longer holds {old!r}"
        text = text.replace(old, new)
    (project / "templates").mkdir(exist_ok=True)
    (project / "templates" / name).write_text(text, encoding="utf-8")


def test_an_override_of_the_disagreement_macro_changes_the_reading_and_the_timeline(mini_project: Path) -> None:
    """The note under a reading paragraph and the warning on the timeline are one macro: overriding it changes both."""
    _override(mini_project, "parts.md.j2", ("{{ note.summary|md }}", "In short: {{ note.summary|md }}"))
    site = load_site(ContentPaths(mini_project))
    timeline = next(page.markdown for page in site.pages if page.src_uri == site.layout.timeline)
    assert '!!! warning "The reading and other sources differ"' in timeline and '\n    In short: The reading says "last week"' in timeline
    reading = site.readings["readings/harbour.md"]
    assert '??? warning other-side no-term-links "Other sources differ on this paragraph"\n\n    In short: The reading says "last week"' in reading


def test_an_override_of_the_quote_macro_changes_how_backlinks_mark_mentions(mini_project: Path) -> None:
    _override(mini_project, "parts.md.j2", ("<mark>{{ text }}</mark>", '<mark class="said">{{ text }}</mark>'))
    site = load_site(ContentPaths(mini_project))
    quay = next(page.markdown for page in site.pages if page.src_uri == site.layout.entry_uri(site.library.entry("quay")))
    assert '<mark class="said">quay</mark>' in quay and "<mark>" not in quay


def test_an_override_of_the_reading_changes_its_scaffolds(mini_project: Path) -> None:
    """The vocabulary preview, the gist switch and the gists are in the reading's template, not in code."""
    (mini_project / "glossary/gists.yml").write_text("harbour:\n  1: The board shut a quay.\n", encoding="utf-8")
    _override(
        mini_project,
        "reading.md.j2",
        ("Words to know before reading, in the order the text uses them", "Key words"),
        ("Show gists (each paragraph in plain words)", "Plain words"),
        ('<p class="gist no-term-links"', '<p class="gist plain no-term-links"'),
    )
    reading = load_site(ContentPaths(mini_project)).readings["readings/harbour.md"]
    assert '??? abstract "Key words"\n\n    - **[Quay](../glossary/quay.md)**: ' in reading
    assert '<label for="show-gists">Plain words</label>' in reading
    assert '<p class="gist plain no-term-links" hidden>The board shut a quay.</p>' in reading


def test_an_override_changes_the_lesson_plan_pointer_on_the_home_page(tmp_path: Path) -> None:
    _override(tmp_path, "lesson_pointer.md.j2", ("Start with the [lesson plan]", "Begin with the [plan]"))
    home = lesson_pointer("# Welcome\n\nText.\n", "index.md", "teachers/lesson-plan.md", PageTemplates(tmp_path / "templates"))
    assert (
        home
        == '# Welcome\n\n!!! tip "Teacher edition"\n\n    Begin with the [plan](teachers/lesson-plan.md): objectives, timings, materials and answers.\n\n\nText.\n'
    )
    assert lesson_pointer("# Welcome\n", "index.md", None, PageTemplates(tmp_path / "templates")) == "# Welcome\n", "not in the student edition"


def test_an_override_changes_the_edit_and_share_lines(tmp_path: Path) -> None:
    _override(tmp_path, "parts.md.j2", ("[Edit this entry on GitHub]", "[Suggest a change]"), ("[Share to Google Classroom]", "[Share with your class]"))
    templates = PageTemplates(tmp_path / "templates")
    edit = edit_link("https://github.com/o/r/edit/main/glossary/terms/a_b.yml", templates)
    assert edit.startswith('\n\n<p class="edit-entry no-term-links" markdown>[Suggest a change](https://github.com/o/r/edit/main/glossary/terms/a_b.yml){: ')
    share = share_link("https://example.org/a_b/", templates)
    assert share.startswith(
        '\n\n<p class="share-link no-term-links" markdown>[Share with your class](https://classroom.google.com/share?url=https%3A%2F%2Fexample.org%2Fa_b%2F){: '
    )


def test_the_sanitizer_still_checks_what_an_override_writes(tmp_path: Path) -> None:
    """Templates decide the structure; what is safe to publish is still the sanitizer's to say."""
    project = _unit(tmp_path)
    (project / "templates").mkdir()
    (project / "templates/entry.md.j2").write_text(
        '{% extends "default/entry.md.j2" %}\n{% block summary %}\n<p class="marker">Marked</p>\n\n<script>alert(1)</script>\n\n'
        '<img src="x" onerror="alert(2)">\n\n{% endblock %}\n',
        encoding="utf-8",
    )
    site = BuiltSite(build_project(project, tmp_path / "site"))
    term = next(iter(load_library(ContentPaths(project)).terms.values()))
    page = site.html(f"glossary/{term.id}/")
    assert "Marked" in page.get_text(), "the override is used"
    assert "alert(1)" not in str(page) and "alert(2)" not in str(page)
