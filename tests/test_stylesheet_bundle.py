"""One render-blocking stylesheet per page: the theme's and the site's own sheets, joined in link order."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from build_tools.stylesheet_bundle import BUNDLE_URI, StylesheetBundle, inline_stylesheets

HEAD = """<head>
<link rel="icon" href="{up}assets/images/favicon.png">
<link rel="stylesheet" href="{up}assets/stylesheets/main.1.min.css">
    \n      <link rel="stylesheet" href="{up}assets/stylesheets/palette.2.min.css">
<link rel="stylesheet" href="{up}assets/site.css">
<script>var a = 1</script>
{own}</head><body></body>"""


def page(up: str = "", own: str = "") -> str:
    return HEAD.format(up=up, own=own)


def stylesheets(html: str) -> list[str]:
    return re.findall(r'<link rel="stylesheet" href="([^"]+)">', html)


def test_the_shared_links_become_one_link_to_the_bundle_relative_to_each_page() -> None:
    bundle = StylesheetBundle()
    assert stylesheets(bundle.relink(page(), "")) == ["assets/stylesheets/site.bundle.css"]
    assert stylesheets(bundle.relink(page("../../"), "readings/one/")) == ["../../assets/stylesheets/site.bundle.css"]
    # Without directory URLs (the offline copy) a page is a file in its folder.
    assert stylesheets(bundle.relink(page("../"), "readings/one.html")) == ["../assets/stylesheets/site.bundle.css"]
    assert bundle.sources == ("assets/stylesheets/main.1.min.css", "assets/stylesheets/palette.2.min.css", "assets/site.css")


def test_a_page_s_own_stylesheet_and_everything_else_in_the_head_stay() -> None:
    own = '<link rel="stylesheet" href="../assets/generated/timeline.css">'
    html = StylesheetBundle().relink(page("../", own), "timeline/")
    assert stylesheets(html) == ["../assets/stylesheets/site.bundle.css", "../assets/generated/timeline.css"]
    assert '<link rel="icon" href="../assets/images/favicon.png">' in html and "<script>var a = 1</script>" in html


def test_a_page_linking_other_sheets_keeps_its_links() -> None:
    bundle = StylesheetBundle()
    bundle.relink(page(), "")
    absolute = page("/")  # the theme's 404 page links by absolute path
    assert bundle.relink(absolute, "404.html") == absolute
    fewer = page().replace('<link rel="stylesheet" href="assets/site.css">\n', "")
    assert bundle.relink(fewer, "") == fewer


def test_the_bundle_joins_the_built_sheets_in_order_without_their_source_maps(tmp_path: Path) -> None:
    sheets = {
        "assets/stylesheets/main.1.min.css": '@charset "UTF-8";.a{color:red}\n/*# sourceMappingURL=main.1.min.css.map*/',
        "assets/stylesheets/palette.2.min.css": '@charset "UTF-8";.a{color:blue}/*# sourceMappingURL=palette.2.min.css.map*/',
        "assets/site.css": ".b{content:\"@charset\"}",
    }
    for uri, text in sheets.items():
        (tmp_path / uri).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / uri).write_text(text, encoding="utf-8")
    bundle = StylesheetBundle()
    assert bundle.write(tmp_path) is None  # no page was relinked: nothing links a bundle
    bundle.relink(page(), "")
    assert bundle.write(tmp_path) == tmp_path / BUNDLE_URI
    # Later sheets still win: the cascade order of the three links is kept.
    assert (tmp_path / BUNDLE_URI).read_text(encoding="utf-8") == '@charset "UTF-8";.a{color:red}\n.a{color:blue}\n.b{content:"@charset"}\n'


def test_a_missing_sheet_is_named(tmp_path: Path) -> None:
    bundle = StylesheetBundle()
    bundle.relink(page(), "")
    with pytest.raises(FileNotFoundError, match=re.escape("'assets/stylesheets/main.1.min.css' is linked by every page")):
        bundle.write(tmp_path)


def test_built_pages_link_one_bundle_holding_the_theme_and_site_rules(real_site) -> None:  # type: ignore[no-untyped-def]
    root = real_site.root
    for html in root.rglob("index.html"):
        shared = stylesheets(html.read_text(encoding="utf-8"))[:1]
        assert shared and shared[0].endswith(BUNDLE_URI), f"{html.relative_to(root)} links {shared}"
    bundle = (root / BUNDLE_URI).read_text(encoding="utf-8")
    main = next((root / "assets/stylesheets").glob("main.*.min.css")).read_text(encoding="utf-8")
    site = (root / "assets/site.css").read_text(encoding="utf-8")
    assert bundle.startswith(main.split("/*# sourceMappingURL")[0].strip()) and bundle.rstrip().endswith(site.strip())


def test_a_site_with_one_stylesheet_links_it_as_it_is(mini_site) -> None:  # type: ignore[no-untyped-def]
    # The mini unit has no palette and no extra_css: nothing to join.
    html = (mini_site.root / "index.html").read_text(encoding="utf-8")
    assert [Path(href).parent.name for href in stylesheets(html)] == ["stylesheets"] and not (mini_site.root / BUNDLE_URI).exists()


def test_a_page_s_own_sheets_go_in_one_style_element_at_the_end_of_its_head() -> None:
    html = page()
    assert inline_stylesheets(html, []) == html
    inlined = inline_stylesheets(html, [".t{color:red}", ".u{color:blue}"])
    assert inlined == html.replace("</head>", "<style>.t{color:red}\n.u{color:blue}</style></head>")
    with pytest.raises(ValueError, match="contains '</style'"):
        inline_stylesheets(html, [".t{content:'</STYLE>'}"])
