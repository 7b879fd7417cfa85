"""No content can put script into a page: an XSS corpus built, then opened in Chromium.

`tests/fixtures/xss` lays a docs page full of payloads and a term whose Markdown passes `check`
over the mini project. The sanitizer must leave no script, event handler or `javascript:`/`data:`
URL from content in any page or in the search index, and no page may open a dialog.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser import chromium_path, page_paths, serve
from bs4 import BeautifulSoup, Tag
from own_thread import chromium, own_thread

from build_tools.render import PAGE_SCRIPT
from conftest import FIXTURES, MINI

XSS = FIXTURES / "xss"
_BAD_URL = re.compile(r"^(javascript|data|vbscript):", re.IGNORECASE)
_URL_ATTRIBUTES = ("href", "src", "action", "formaction", "data", "xlink:href", "poster", "srcdoc", "background")
_TRUSTED_SCRIPT = BeautifulSoup(PAGE_SCRIPT, "html.parser").script.string  # type: ignore[union-attr]


@pytest.fixture(scope="module")
def xss_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    project = tmp_path_factory.mktemp("xss") / "project"
    shutil.copytree(MINI, project, symlinks=False)
    shutil.copytree(XSS / "docs", project / "docs", dirs_exist_ok=True)
    shutil.copytree(XSS / "glossary", project / "glossary", dirs_exist_ok=True)
    site = project / "site"
    build(load_config(str(project / "mkdocs.yml"), site_dir=str(site)))
    return site


def _unsafe(soup: BeautifulSoup | Tag, where: str, *, content: bool) -> list[str]:
    found = []
    for element in soup.find_all(True):
        for name, value in element.attrs.items():
            text = " ".join(value) if isinstance(value, list) else str(value)
            if name.lower().startswith("on"):
                found.append(f"{where}: <{element.name} {name}>")
            if name.lower() in _URL_ATTRIBUTES and _BAD_URL.match(re.sub(r"[\x00-\x20]", "", text)):
                found.append(f"{where}: <{element.name} {name}={text[:40]!r}>")
        if content and element.name in ("script", "iframe", "object", "embed", "base", "meta", "form", "style") and element.string != _TRUSTED_SCRIPT:
            found.append(f"{where}: <{element.name}> in the content")
    return found


def test_no_page_keeps_script_from_content(xss_site: Path) -> None:
    payloads = BeautifulSoup((xss_site / "payloads/index.html").read_text(encoding="utf-8"), "html.parser")
    assert "Handlers on a paragraph." in payloads.get_text(), "the corpus page was built"
    found = []
    for page in sorted(xss_site.rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        where = page.relative_to(xss_site).as_posix()
        found += _unsafe(soup, where, content=False)
        article = soup.select_one("article")
        if article is not None:
            found += _unsafe(article, where, content=True)
    assert found == []


def test_search_index_keeps_no_script_from_content(xss_site: Path) -> None:
    index = json.loads((xss_site / "search/search_index.json").read_text(encoding="utf-8"))
    found = []
    for doc in index["docs"]:
        for field in ("title", "text"):
            found += _unsafe(BeautifulSoup(doc.get(field, ""), "html.parser"), f"search {doc['location']}", content=True)
    assert any("Handlers on a paragraph." in doc["text"] for doc in index["docs"])
    assert found == []


@pytest.fixture(scope="module")
def site_url(xss_site: Path) -> Iterator[str]:
    with serve(xss_site) as url:
        yield url


@pytest.mark.browser
@pytest.mark.skipif(chromium_path() is None, reason="Chromium is not installed (make browser)")
@own_thread
def test_no_dialog_opens_on_any_page(xss_site: Path, site_url: str) -> None:
    dialogs: list[str] = []
    with chromium() as context:
        page = context.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(f"{page.url}: {dialog.message}"), dialog.dismiss()))
        for path in page_paths(xss_site):
            page.goto(site_url + path, wait_until="load")
            # Hover and focus what is left, and open every details element, so handlers would fire.
            page.evaluate(
                """() => { for (const el of document.querySelectorAll("article *")) {
                    for (const type of ["mouseover", "focus", "click", "toggle", "error", "load"])
                      el.dispatchEvent(new Event(type)); }
                  document.querySelectorAll("details").forEach(d => d.open = true); }"""
            )
            page.wait_for_timeout(50)
    assert dialogs == []
