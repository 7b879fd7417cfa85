"""Safe text: HTML or script written into YAML never runs on a page.

Plain-text fields (titles, names, `short`) refuse '<' and '>' or print them as text; Markdown
fields (explanation, description, note, summary, ...) show raw HTML as text, and links must be
web addresses or pages of the site. Built pages are parsed and every tag and attribute inspected.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from build_tools.errors import ContentError
from build_tools.load import ContentPaths
from build_tools.site import load_library
from conftest import build_project

HTML_PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">click</a>',
    '"><svg onload=alert(1)>',
    "<iframe src=javascript:alert(1)></iframe>",
]
"""Payloads that need '<': plain-text fields refuse them, Markdown fields show them as text."""

LINK_PAYLOADS = [
    "[x](javascript:alert(1))",
    "[x](JavaScript:alert(1))",
    "[x]( javascript:alert(1) )",
    "[x](<javascript:alert(1)>)",
    "![x](javascript:alert(1))",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[x](vbscript:msgbox(1))",
]
"""Inline links to scripts: refused in Markdown fields, shown as text in plain ones."""

_SCRIPT_URL = re.compile(r"^\s*(javascript|vbscript|data):", re.IGNORECASE)
_URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "data")


def live_script(html: str) -> list[str]:
    """Every way the page could run content script: script tags, event handlers, script URLs."""
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for tag in soup.find_all(True):
        if tag.name == "script" and "alert" in tag.get_text():
            found.append(f"<script>{tag.get_text()[:40]}")
        for name, value in tag.attrs.items():
            text = " ".join(value) if isinstance(value, list) else str(value)
            if name.lower().startswith("on"):
                found.append(f"<{tag.name} {name}={text[:40]}>")
            if name.lower() in _URL_ATTRIBUTES and _SCRIPT_URL.match(text):
                found.append(f"<{tag.name} {name}={text[:40]}>")
        if tag.name in ("iframe", "object", "embed", "svg") and "alert" in str(tag):
            found.append(f"<{tag.name}>")
    return found


def site_problems(site: Path) -> dict[str, list[str]]:
    problems = {}
    for page in sorted(site.rglob("*.html")):
        found = live_script(page.read_text(encoding="utf-8"))
        if found:
            problems[page.relative_to(site).as_posix()] = found
    return problems


def edit_yaml(path: Path, edit: dict[str, object], item: int | None = None) -> None:
    """Set keys in a YAML file (or in item `item` of a list file); line numbers do not matter here."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    target = data if item is None else data[item]
    target.update(edit)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def problems_of(project: Path) -> list[str]:
    with pytest.raises(ContentError) as error:
        load_library(ContentPaths(project))
    return [str(problem) for problem in error.value.problems]


def test_the_checker_finds_live_script() -> None:
    page = '<p onclick="x()">a</p><a href=" JavaScript:alert(1)">b</a><script>alert(1)</script><svg onload=alert(1)></svg>'
    assert len(live_script(page)) == 5
    assert live_script("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p><script>var config = {}</script>") == []


@pytest.mark.parametrize("payload", HTML_PAYLOADS)
@pytest.mark.parametrize(("file", "key"), [("glossary/terms/quay.yml", "title"), ("glossary/actors/ferry-union.yml", "name"), ("glossary/terms/quay.yml", "short")])
def test_plain_text_refuses_html(mini_project: Path, payload: str, file: str, key: str) -> None:
    edit_yaml(mini_project / file, {key: f"Quay {payload}"})
    messages = problems_of(mini_project)
    assert [message.split(":", 2)[2] for message in messages] == [f" '{key}' is plain text and cannot hold '<' or '>'; remove them."]


def test_event_titles_and_sources_refuse_html(mini_project: Path) -> None:
    vote = mini_project / "glossary/events/2021-02-27-board-vote.yml"
    edit_yaml(vote, {"title": "Vote <script>alert(1)</script>"})
    edit_yaml(mini_project / "glossary/terms/lighthouse.yml", {"sources": [{"publisher": "<b>x</b>", "title": "T", "date": "2019", "url": "https://example.org/x"}]})
    messages = problems_of(mini_project)
    assert [message.split(":", 2)[2] for message in messages] == [
        " 'title' is plain text and cannot hold '<' or '>'; remove them.",
        " 'publisher' in sources 1 is plain text and cannot hold '<' or '>'; remove them.",
    ]


@pytest.mark.parametrize("payload", LINK_PAYLOADS)
def test_markdown_refuses_script_links(mini_project: Path, payload: str) -> None:
    edit_yaml(mini_project / "glossary/terms/lighthouse.yml", {"explanation": f"Lighthouses warn ships. {payload}"})
    messages = problems_of(mini_project)
    assert len(messages) == 1
    assert "'explanation' has a link to '" in messages[0]
    assert messages[0].endswith("links must start with https://, or point to a page of this site.")


def test_markdown_fields_show_html_as_text(mini_project: Path, tmp_path: Path) -> None:
    markdown = "Text with " + " and ".join(HTML_PAYLOADS) + "."
    plain = "Plain " + " ".join(LINK_PAYLOADS[:2]) + ' {: onclick="alert(1)" } &lt;script&gt;'
    glossary = mini_project / "glossary"
    edit_yaml(glossary / "terms/lighthouse.yml", {"explanation": markdown, "short": plain, "aliases": ["[beam](javascript:alert(1))"]})
    edit_yaml(glossary / "actors/ferry-union.yml", {"role": markdown, "explanation": markdown, "interests": [plain]})
    edit_yaml(glossary / "actors/harbour-board.yml", {"relationships": [{"actor": "ferry-union", "description": markdown}]})
    vote = glossary / "events/2021-02-27-board-vote.yml"
    data = yaml.safe_load(vote.read_text(encoding="utf-8"))
    data["description"] = markdown
    data["disagreements"][0]["summary"] = markdown
    vote.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    edit_yaml(glossary / "questions.yml", {"prompt": markdown, "teacher_notes": markdown}, item=1)
    edit_yaml(glossary / "annotations.yml", {"note": markdown}, item=0)
    edit_yaml(glossary / "annotations.yml", {"note": markdown}, item=1)

    for teacher in (False, True):
        site = build_project(mini_project, tmp_path / f"site-{teacher}", teacher=teacher)
        assert site_problems(site) == {}
        page = BeautifulSoup((site / "glossary/lighthouse/index.html").read_text(encoding="utf-8"), "html.parser")
        text = page.get_text()
        assert all(payload in text for payload in HTML_PAYLOADS)
        assert plain in text
    timeline = BeautifulSoup((site / "timeline/index.html").read_text(encoding="utf-8"), "html.parser").get_text()
    assert text.count("<script>alert(1)</script>") >= 1
    assert timeline.count("<script>alert(1)</script>") >= 2  # the description and the disagreement


def test_markdown_reference_links_cannot_run_script(mini_project: Path, tmp_path: Path) -> None:
    edit_yaml(mini_project / "glossary/terms/lighthouse.yml", {"explanation": "Ships see [the light][1].\n\n[1]: javascript:alert(1)\n"})
    _assert_refused_or_harmless(mini_project, tmp_path)


def test_markdown_attribute_lists_cannot_add_handlers(mini_project: Path, tmp_path: Path) -> None:
    explanation = 'Ships see the light.\n{: onmouseover="alert(1)" }\n\n[More](https://example.org){: onclick="alert(1)" }\n'
    edit_yaml(mini_project / "glossary/terms/lighthouse.yml", {"explanation": explanation})
    _assert_refused_or_harmless(mini_project, tmp_path)


def test_source_urls_cannot_carry_html(mini_project: Path, tmp_path: Path) -> None:
    source = {"publisher": "P", "title": "T", "date": "2019", "url": 'https://example.org/"><script>alert(1)</script>'}
    edit_yaml(mini_project / "glossary/terms/lighthouse.yml", {"sources": [source]})
    _assert_refused_or_harmless(mini_project, tmp_path)


def _assert_refused_or_harmless(project: Path, tmp_path: Path) -> None:
    """Either validation refuses the content with a message, or the built site runs none of it."""
    try:
        load_library(ContentPaths(project))
    except ContentError as error:
        assert error.problems
        return
    assert site_problems(build_project(project, tmp_path / "site")) == {}
