"""Page HTML without template indentation: same rendering, fewer bytes."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_tools.adapters.mkdocs_plugin import TermsPlugin
from build_tools.compact import compact_css, compact_html, compact_js, compact_stylesheets, compact_template
from conftest import MINI, build_project


def test_indentation_goes_but_preformatted_blocks_stay() -> None:
    html = "<div>\n\n  \n    <p>One\n      two</p>\n  <pre>  keep\n    this</pre>\n  <script>\n  var a = `\n  x`;\n</script>\n\t<textarea>\n  t</textarea>\n</div>"
    assert compact_html(html) == "<div>\n<p>One\ntwo</p>\n<pre>  keep\n    this</pre>\n<script>\n  var a = `\n  x`;\n</script>\n<textarea>\n  t</textarea>\n</div>"


def test_the_built_pages_are_compacted(mini_site) -> None:  # type: ignore[no-untyped-def]
    html = (mini_site.root / "index.html").read_text(encoding="utf-8")
    assert "\n    <" not in html


def test_a_template_loses_indentation_and_comments_but_keeps_statements_and_preformatted_blocks() -> None:
    source = (
        "<nav>\n  <!-- the menu -->\n  {% if items %}\n    <ul>{{ items }}</ul>\n  {% endif %}\n"
        "  <!-- {% set seen = true %} -->\n  <pre>\n  {{ code }}</pre>\n  <script>\n  var a = 1;\n</script>\n</nav>"
    )
    assert compact_template(source) == (
        "<nav>\n{% if items %}\n<ul>{{ items }}</ul>\n{% endif %}\n<!-- {% set seen = true %} -->\n<pre>\n  {{ code }}</pre>\n<script>\n  var a = 1;\n</script>\n</nav>"
    )


def test_compacted_theme_templates_print_the_same_pages(mini_site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    # The theme's templates as they ship, for comparison: every page must come out byte for byte the same.
    monkeypatch.setattr(TermsPlugin, "on_env", lambda self, env, **_: env)
    plain = build_project(MINI, tmp_path / "site")
    pages = sorted(path.relative_to(plain) for path in plain.rglob("*.html"))
    assert pages == sorted(path.relative_to(mini_site.root) for path in mini_site.pages())
    for page in pages:
        # Both builds compact each page as it is written (404.html included): only where the work is done differs.
        assert (mini_site.root / page).read_text(encoding="utf-8") == (plain / page).read_text(encoding="utf-8"), page


def test_the_not_found_page_is_compacted_too(mini_site) -> None:  # type: ignore[no-untyped-def]
    html = (mini_site.root / "404.html").read_text(encoding="utf-8")
    assert html == compact_html(html) and "<!--" not in html


def test_stylesheets_lose_comments_and_spare_whitespace_but_keep_strings() -> None:
    css = '/* why */\n.a :not(.b) > p,\n.c {\n  content: "Note  /* x */ " attr(data-p);\n  color: red;\n}\n\n/* it\'s */\n@media print {\n  .d { display: none; }\n}\n'
    assert compact_css(css) == '.a :not(.b) > p,.c{content:"Note  /* x */ " attr(data-p);color:red;}@media print{.d{display:none;}}'


def test_the_built_stylesheets_are_compacted(mini_site) -> None:  # type: ignore[no-untyped-def]
    css = (mini_site.root / "assets/self-check.css").read_text(encoding="utf-8")
    assert "/*" not in css and "\n" not in css and ".sc-item{" in css


def test_scripts_lose_their_header_comment_and_indentation_but_nothing_else() -> None:
    script = '/* Why this script exists,\n * on two lines. */\n(function () {\n  var a = "/* kept */";\n  /* kept too */\n  return a;\n})();\n'
    assert compact_js(script) == '(function () {\nvar a = "/* kept */";\n/* kept too */\nreturn a;\n})();\n'


def test_the_trim_takes_pages_from_the_build_unless_rewritten_since(tmp_path: Path) -> None:
    sheet = tmp_path / "assets/stylesheets/main.min.css"
    sheet.parent.mkdir(parents=True)
    sheet.write_text(".memory{a:1}.aaaaaa{b:2}.disk{c:3}.rewritten{d:4}", encoding="utf-8")
    held, rewritten = tmp_path / "index.html", tmp_path / "other/index.html"
    rewritten.parent.mkdir()
    # Same size as what the build wrote: taken from memory. Another size: something rewrote it, so it is read.
    held.write_text('<p class="aaaaaa">', encoding="utf-8")
    rewritten.write_text('<p class="disk">', encoding="utf-8")
    compact_stylesheets(tmp_path, {str(held): '<p class="memory">', str(rewritten): '<p class="rewritten">'})
    assert sheet.read_text(encoding="utf-8") == ".memory{a:1}.disk{c:3}"
