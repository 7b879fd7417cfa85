"""The theme's stylesheet loses only rules no page or script of the site can use."""

from __future__ import annotations

from importlib.resources import files

from build_tools.css_trim import SiteText, trim_unused_rules, used_in
from conftest import BuiltSite


def test_rules_that_need_an_unused_class_go_and_everything_else_stays() -> None:
    css = (
        '@charset "UTF-8";/* a note */html{margin:0}.used{color:red}.gone,.used p{color:blue}.gone .used{top:0}'
        "@media print{.gone{display:none}.used{display:block}}@media screen{.gone{x:1}}"
        "@keyframes spin{from{rotate:0}to{rotate:1turn}}a:not(.gone){text-decoration:none}"
        '.used:is(.gone,.other){y:1}[data-x="{.gone}"] .used{content:"}{"}.gone[data-y]{z:1}'
    )
    used = used_in('<p class="used">')
    assert trim_unused_rules(css, used) == (
        '@charset "UTF-8";html{margin:0}.used{color:red}.used p{color:blue}'
        "@media print{.used{display:block}}"
        "@keyframes spin{from{rotate:0}to{rotate:1turn}}a:not(.gone){text-decoration:none}"
        '.used:is(.gone,.other){y:1}[data-x="{.gone}"] .used{content:"}{"}'
    )


def test_a_data_attribute_value_no_page_or_script_holds_goes_with_its_selector() -> None:
    css = (
        "[data-md-color-primary=indigo]{--a:1}[data-md-color-primary=amber]{--a:2}"
        '[data-md-color-accent="amber"] .used,[data-md-color-accent=indigo] .used{--b:1}'
        "@media screen{[data-md-color-scheme=slate]{--c:1}[data-md-color-scheme=sepia]{--c:2}}"
        "[dir=rtl] .used{--d:1}[data-md-color-primary^=amb]{--e:1}:not([data-md-color-primary=amber]){--f:1}"
    )
    used = used_in('<body data-md-color-primary="indigo" data-md-color-scheme="slate"><p class="used">')
    assert trim_unused_rules(css, used) == (
        "[data-md-color-primary=indigo]{--a:1}[data-md-color-accent=indigo] .used{--b:1}"
        "@media screen{[data-md-color-scheme=slate]{--c:1}}"
        "[dir=rtl] .used{--d:1}[data-md-color-primary^=amb]{--e:1}:not([data-md-color-primary=amber]){--f:1}"
    )
    # A value a script holds counts as used, as a class name does.
    assert "amber" in trim_unused_rules(css, used_in('palette.primary = "amber"'))


def test_a_class_counts_as_used_when_a_script_builds_it_from_its_prefix() -> None:
    assert used_in("el.className = `md-fact md-fact--${kind}`")("md-fact--stars")
    assert not used_in("el.className = 'md-fact'")("md-fact--stars")
    assert used_in("md-fact--stars")("md-fact--stars")


def test_the_distinct_lines_of_the_site_answer_as_its_whole_text() -> None:
    files = ['<p class="a">\n<nav class="md-nav">', '<nav class="md-nav">\n<p class="b c">', "el.className = `md-fact--${kind}`;\nx"]
    text = SiteText()
    for file in files:
        text.add(file)
    whole = used_in("\n".join(files))
    for name in ("a", "b", "c", "md-nav", "md-fact--stars", "md", "gone", "nav-x", "p"):
        assert text.used()(name) == whole(name), name
    assert text.used()("md-fact--stars") and not text.used()("gone")


def test_the_built_theme_stylesheet_keeps_what_pages_and_scripts_use(mini_site: BuiltSite) -> None:
    built = next((mini_site.root / "assets/stylesheets").glob("main.*.min.css"))
    shipped = files("material").joinpath("templates/assets/stylesheets", built.name).read_text(encoding="utf-8")
    css = built.read_text(encoding="utf-8")
    assert len(css) < 0.8 * len(shipped)
    assert ".md-header{" in css and ".md-nav__link{" in css
    assert ".md-search-result__item" in css, "a class only the theme's script adds stays"
    assert ".md-consent" in shipped and ".md-consent" not in css, "cookie consent is not configured"
