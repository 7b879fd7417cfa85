"""Custom properties nothing reads leave the theme's stylesheets; everything a page can use stays."""

from __future__ import annotations

import re

from build_tools.css_properties import drop_unread_properties
from build_tools.css_trim import used_in
from conftest import BuiltSite


def _thin(css: str, others: tuple[str, ...] = (), corpus: str = "") -> str:
    return drop_unread_properties([css], others, used_in(corpus))[0]


def test_an_unread_property_goes_and_a_read_one_stays() -> None:
    css = ":root{--read:red;--unread:url(\"data:image/svg+xml;charset=utf-8,<svg/>\");color:blue}a{color:var(--read)}"
    assert _thin(css) == ":root{--read:red;color:blue}a{color:var(--read)}"


def test_a_property_read_only_by_one_that_goes_goes_too() -> None:
    css = ":root{--base:red;--derived:var(--base);--kept:green}a{color:var(--kept)}"
    assert _thin(css) == ":root{--kept:green}a{color:var(--kept)}"


def test_a_rule_left_empty_goes_and_groups_are_judged_inside() -> None:
    css = "@media print{.x{--gone:1}.y{color:red}}@font-face{--odd:1;font-family:x}.z{--gone:2}"
    assert _thin(css) == "@media print{.y{color:red}}@font-face{--odd:1;font-family:x}"


def test_a_property_another_sheet_or_a_page_or_script_names_stays() -> None:
    css = ":root{--from-sheet:1;--from-page:2;--from-script:3;--nowhere:4}"
    others = ("b{width:var( --from-sheet)}",)
    corpus = '<p style="--from-page: 5">x</p>\nel.style.getPropertyValue("--from-script")'
    assert _thin(css, others, corpus) == ":root{--from-sheet:1;--from-page:2;--from-script:3}"


def test_semicolons_and_braces_in_strings_and_urls_are_not_declarations() -> None:
    css = ":root{--icon:url('a;b{c}');--text:\"x;--fake:1\";--kept:0}i{mask:var(--kept)}"
    assert _thin(css) == ":root{--kept:0}i{mask:var(--kept)}"


def test_a_rule_with_a_nested_rule_is_left_whole() -> None:
    css = "a{--gone:1;&:hover{--also:2;color:red}}"
    assert _thin(css) == css


def test_a_sheet_with_nothing_to_drop_is_unchanged() -> None:
    css = "/* note */:root{--a:1}b{c:var(--a)}@charset \"utf-8\";"
    assert _thin(css) == css


def test_every_property_the_built_sites_stylesheet_declares_is_read(mini_site: BuiltSite) -> None:
    """On a built site, what is left is read by a rule or named by a page or script (`css_trim`'s test of use)."""
    sheet = next((mini_site.root / "assets/stylesheets").glob("main.*.min.css")).read_text(encoding="utf-8")
    pages_and_scripts = "\n".join(path.read_text(encoding="utf-8") for pattern in ("**/*.html", "**/*.js") for path in mini_site.root.glob(pattern))
    used = used_in(pages_and_scripts)
    sheets = "\n".join(path.read_text(encoding="utf-8") for path in mini_site.root.glob("**/*.css"))
    read = set(re.findall(r"var\(\s*(--[-\w]+)", sheets))
    declared = set(re.findall(r"[{;](--[-\w]+):", sheet))
    assert declared, "the theme's sheet still declares its colours"
    assert not {name for name in declared if name not in read and not used(name.lstrip("-"))}
    assert "--md-default-fg-color" in declared and "--md-tasklist-icon" not in declared
