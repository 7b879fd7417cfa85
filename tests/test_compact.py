"""Page HTML without template indentation: same rendering, fewer bytes."""

from __future__ import annotations

from build_tools.compact import compact_html


def test_indentation_goes_but_preformatted_blocks_stay() -> None:
    html = "<div>\n    <p>One\n      two</p>\n  <pre>  keep\n    this</pre>\n  <script>\n  var a = `\n  x`;\n</script>\n\t<textarea>\n  t</textarea>\n</div>"
    assert compact_html(html) == "<div>\n<p>One\ntwo</p>\n<pre>  keep\n    this</pre>\n<script>\n  var a = `\n  x`;\n</script>\n<textarea>\n  t</textarea>\n</div>"


def test_the_built_pages_are_compacted(mini_site) -> None:  # type: ignore[no-untyped-def]
    html = (mini_site.root / "index.html").read_text(encoding="utf-8")
    assert "\n    <" not in html
