"""The allow-list every page body passes through before it is written: the guarantee that no content runs script.

Checks at load time tell the teacher `file:line`; this is the backstop for what they cannot see
(HTML pasted into a reading, raw HTML in a docs page, a Markdown trick the checks miss). Anything
not listed here is removed: unknown tags keep their text, `script`/`style` lose their content,
unknown attributes (every `on*` handler, `style`, `srcdoc`) are dropped, and URLs with a scheme
other than those in `URL_SCHEMES` lose their `href`/`src`.

To allow something new (a tag a feature renders, an SVG attribute), add it to the sets below.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable, Iterable

import nh3

__all__ = ["ATTRIBUTES", "ATTRIBUTE_VALUES", "GENERIC_ATTRIBUTE_PREFIXES", "STYLE_PROPERTIES", "SVG_TAGS", "TAGS", "URL_SCHEMES", "sanitize_html"]

HTML_TAGS = frozenset(
    {
        "a", "abbr", "address", "article", "aside", "b", "bdi", "bdo", "blockquote", "br", "caption", "cite",
        "code", "col", "colgroup", "data", "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption",
        "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "i", "img", "ins", "kbd", "li",
        "mark", "nav", "ol", "p", "picture", "pre", "q", "rp", "rt", "ruby", "s", "samp", "section", "small",
        "source", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead",
        "time", "tr", "u", "ul", "var", "wbr",
        "fieldset", "legend", "label", "input",
    }
)  # fmt: skip
"""What Markdown, our templates and Material's extensions (admonitions, details, tables, abbr) produce,
and the self-check's radio buttons (`input` only as `type="radio"` or `"checkbox"`)."""

SVG_TAGS = frozenset(
    {
        "svg", "g", "path", "circle", "ellipse", "rect", "line", "polyline", "polygon", "text", "tspan",
        "title", "desc", "defs", "pattern", "marker", "use", "symbol", "linearGradient", "radialGradient", "stop",
        "clipPath", "mask",
    }
)  # fmt: skip
"""Inline SVG for build-time diagrams and maps (no `script`, `foreignObject`, `animate` or `set`)."""

TAGS = HTML_TAGS | SVG_TAGS

CLEAN_CONTENT_TAGS = frozenset({"script", "style", "noscript", "template", "iframe", "object", "embed", "textarea", "select"})
"""Removed together with everything inside them."""

GLOBAL_ATTRIBUTES = frozenset({"id", "class", "title", "lang", "dir", "role", "tabindex", "hidden", "translate"})
GENERIC_ATTRIBUTE_PREFIXES = frozenset({"data-", "aria-"})
"""Term links carry `aria-describedby`; Material uses `data-md-*`."""

_SVG_PRESENTATION = frozenset(
    {
        "viewBox", "preserveAspectRatio", "xmlns", "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width",
        "stroke-dasharray", "stroke-dashoffset", "stroke-linecap", "stroke-linejoin", "stroke-opacity", "opacity",
        "transform", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "d", "points", "width",
        "height", "font-size", "font-family", "font-weight", "font-style", "text-anchor", "dominant-baseline",
        "dx", "dy", "marker-start", "marker-mid", "marker-end", "markerWidth", "markerHeight", "refX", "refY",
        "orient", "markerUnits", "patternUnits", "patternContentUnits", "patternTransform", "focusable",
        "offset", "stop-color", "stop-opacity", "gradientUnits", "gradientTransform", "clip-path", "clipPathUnits",
        "mask", "vector-effect", "paint-order", "letter-spacing", "visibility", "display",
    }
)  # fmt: skip

ATTRIBUTES: dict[str, frozenset[str]] = {
    "*": GLOBAL_ATTRIBUTES,
    "a": frozenset({"href", "hreflang", "rel", "target", "download"}),
    "abbr": frozenset(),
    "img": frozenset({"src", "alt", "width", "height", "loading", "decoding", "srcset", "sizes", "align"}),
    "source": frozenset({"srcset", "type", "media", "sizes"}),
    "ol": frozenset({"start", "reversed", "type"}),
    "li": frozenset({"value"}),
    "td": frozenset({"colspan", "rowspan", "headers", "align", "style"}),
    "th": frozenset({"colspan", "rowspan", "headers", "scope", "align", "abbr", "style"}),
    "col": frozenset({"span"}),
    "colgroup": frozenset({"span"}),
    "time": frozenset({"datetime"}),
    "data": frozenset({"value"}),
    "del": frozenset({"datetime", "cite"}),
    "ins": frozenset({"datetime", "cite"}),
    "q": frozenset({"cite"}),
    "blockquote": frozenset({"cite"}),
    "details": frozenset({"open"}),
    "label": frozenset({"for"}),
    "input": frozenset({"name", "value", "checked", "disabled"}),
    **{tag: _SVG_PRESENTATION for tag in SVG_TAGS if tag not in {"use"}},
    "use": _SVG_PRESENTATION | {"href"},
}
"""Attributes allowed per tag, besides the global ones and the `data-`/`aria-` prefixes. No `on*`; `style`
only on table cells, and only with the properties in `STYLE_PROPERTIES`."""

STYLE_PROPERTIES = frozenset({"text-align"})
"""What a `style` attribute may set: Markdown tables align columns with it."""

ATTRIBUTE_VALUES: dict[str, dict[str, frozenset[str]]] = {"input": {"type": frozenset({"radio", "checkbox"})}}
"""Attributes kept only with one of these values."""

URL_SCHEMES = frozenset({"http", "https", "mailto"})
"""Schemes kept in `href`/`src`; relative URLs and `#fragments` are always kept."""

_INTERNAL_ONLY = {("use", "href")}
"""SVG `use` may point only inside the page: `href="#marker"`."""


def _filter(tag: str, attribute: str, value: str) -> str | None:
    if (tag, attribute) in _INTERNAL_ONLY and not value.startswith("#"):
        return None
    return value


def sanitize_html(html: str, trusted: Iterable[str] = ()) -> str:
    """Return `html` with everything outside the allow-list removed.

    Args:
        html: A page body.
        trusted: Snippets the build itself wrote into this page (a page's own `<script>`), kept
            as they are at their last occurrence; the caller passes them only for pages it generated.
    """
    kept: dict[str, str] = {}
    for snippet in trusted:
        before, found, after = html.rpartition(snippet)
        if found:
            token = f"trusted-{secrets.token_hex(16)}"
            kept[token] = snippet
            html = f"{before}{token}{after}"
    clean = _clean(html)
    for token, snippet in kept.items():
        clean = clean.replace(token, snippet, 1)
    return clean


def _cleaner(attribute_filter: Callable[[str, str, str], str | None] | None) -> nh3.Cleaner:
    """A cleaner for the allow-lists above."""
    return nh3.Cleaner(
        tags=set(TAGS),
        clean_content_tags=set(CLEAN_CONTENT_TAGS),
        attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
        tag_attribute_values={tag: {name: set(values) for name, values in allowed.items()} for tag, allowed in ATTRIBUTE_VALUES.items()},
        attribute_filter=attribute_filter,
        generic_attribute_prefixes=set(GENERIC_ATTRIBUTE_PREFIXES),
        url_schemes=set(URL_SCHEMES),
        filter_style_properties=set(STYLE_PROPERTIES),
        link_rel=None,
    )


_CLEANER = _cleaner(_filter)
"""Built once: `nh3.clean` turns the allow-lists into a new cleaner on every call, which cost ten times
the cleaning itself for a page body (about 1 ms a page). The sets are frozen, so a cleaner built at
import sees the same rules as one built per page."""

_CLEANER_WITHOUT_USE = _cleaner(None)
"""The same rules without `_filter`, for HTML that has none of the elements the filter judges (`use`):
the filter is a Python call for every attribute of the page, about a seventh of the cleaning time."""

_USE_TAG = re.compile("|".join(sorted(f"<{re.escape(tag)}" for tag, _ in _INTERNAL_ONLY)), re.IGNORECASE)
"""Every element `_filter` judges starts so: an HTML parser reads a tag's name from the characters right after `<`,
folding only ASCII capitals (`re.IGNORECASE` folds more, so it finds a few names that are not these, never misses one).
Made from `_INTERNAL_ONLY`, so an element added there is never cleaned without the filter."""


def _clean(html: str) -> str:
    return (_CLEANER if _USE_TAG.search(html) else _CLEANER_WITHOUT_USE).clean(html)
