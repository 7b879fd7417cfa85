"""The teacher edition: the same site with teacher notes and teacher annotations, and never linked from the student one.

The mini project is built twice, as students get it and with `teacher=True`; its questions carry
teacher notes and its annotations one note for each audience.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from build_tools import Library
from conftest import MINI, BuiltSite, build_project

READING = "readings/harbour/"
STUDENT_NOTE = "The author gives no source for this figure."
TEACHER_NOTE = "Ask students what the author wants."
TEACHER_QUESTION_NOTES = ["She was harbour master; her view is an insider's.", "Ten thousand a day; no source is given."]


@pytest.fixture(scope="module")
def teacher_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return BuiltSite(build_project(MINI, tmp_path_factory.mktemp("mini-teacher"), teacher=True))


def _notes(site: BuiltSite) -> dict[str, str]:
    """Reading notes by their summary: the annotated words and who the note is for."""
    return {details.summary.get_text(): details.get_text(" ", strip=True) for details in site.html(READING).select("details.note, details.tip")}


def _teacher_note_boxes(site: BuiltSite) -> list[str]:
    html = site.html("questions/")
    return [box.get_text(" ", strip=True) for box in html.select(".admonition.tip") if box.select_one(".admonition-title").get_text() == "Teacher notes"]


def test_teacher_notes_on_questions_only_in_the_teacher_edition(mini_site: BuiltSite, teacher_site: BuiltSite) -> None:
    assert _teacher_note_boxes(mini_site) == []
    student_text = mini_site.html("questions/").get_text()
    assert not any(note in student_text for note in TEACHER_QUESTION_NOTES)
    boxes = _teacher_note_boxes(teacher_site)
    assert [box.removeprefix("Teacher notes ") for box in boxes] == TEACHER_QUESTION_NOTES
    for question_id in ("who-writes", "numbers"):
        assert teacher_site.html("questions/").find(id=f"q-{question_id}").select_one(".admonition.tip") is not None


def test_teacher_annotations_only_in_the_teacher_edition(mini_site: BuiltSite, teacher_site: BuiltSite) -> None:
    student, teacher = _notes(mini_site), _notes(teacher_site)
    assert student == {"Note on “ten thousand people a day”": f"Note on “ten thousand people a day” {STUDENT_NOTE}"}
    assert teacher == {**student, "Teacher note on “I urge the Harbour Board”": f"Teacher note on “I urge the Harbour Board” {TEACHER_NOTE}"}
    student_marks = [mark.get_text() for mark in mini_site.html(READING).select("mark.annotated")]
    teacher_marks = [mark.get_text() for mark in teacher_site.html(READING).select("mark.annotated")]
    assert student_marks == ["ten thousand people a day"]
    assert teacher_marks == ["ten thousand people a day", "I urge the Harbour Board"]
    assert TEACHER_NOTE not in (mini_site.root / READING / "index.html").read_text(encoding="utf-8")


def test_both_editions_have_the_same_pages(mini_site: BuiltSite, teacher_site: BuiltSite) -> None:
    def paths(site: BuiltSite) -> list[str]:
        return [page.relative_to(site.root).as_posix() for page in site.pages()]

    assert paths(mini_site) == paths(teacher_site)


def _links_to_teacher_edition(site: BuiltSite) -> list[str]:
    """Links that lead into a teacher edition, wherever it is published (`site-teacher/`, `/teacher/`, `teacher.`)."""
    found = []
    for page in site.pages():
        html = page.read_text(encoding="utf-8")
        for href in re.findall(r'\bhref="([^"]*)"', html):
            parts = urlsplit(href)
            segments = [segment.lower() for segment in parts.path.split("/")]
            if "site-teacher" in segments or "teacher" in segments or parts.netloc.lower().startswith("teacher."):
                found.append(f"{page.relative_to(site.root)}: {href}")
    return found


@pytest.mark.content
def test_no_student_page_links_to_the_teacher_edition(mini_site: BuiltSite, real_site: BuiltSite) -> None:
    assert _links_to_teacher_edition(mini_site) == []
    assert _links_to_teacher_edition(real_site) == []


@pytest.mark.content
def test_the_real_student_site_shows_no_teacher_notes(real_site: BuiltSite) -> None:
    assert _teacher_note_boxes(real_site) == []
    reading = next(path for path in (real_site.root / "readings").iterdir() if path.is_dir())
    summaries = [summary.get_text() for summary in real_site.html(f"readings/{reading.name}/").select("details summary")]
    assert not any(summary.startswith("Teacher note") for summary in summaries), summaries


def test_a_link_into_the_teacher_edition_is_found(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text('<a href="../site-teacher/questions/">answers</a><a href="teachers/guide/">guide</a>', encoding="utf-8")
    assert _links_to_teacher_edition(BuiltSite(tmp_path)) == ["index.html: ../site-teacher/questions/"]


def _problems(project: Path) -> list[str]:
    from build_tools import ContentError, ContentPaths, load_library

    with pytest.raises(ContentError) as caught:
        load_library(ContentPaths(project))
    return [str(problem) for problem in caught.value.problems]


def test_classroom_files_are_validated_with_file_and_line(mini_project: Path) -> None:
    glossary = mini_project / "glossary"
    (glossary / "self-check.yml").write_text(
        "- id: wants\n  prompt: What does she want?\n  choices: [A, B]\n  answer: 3\n  explanation: Paragraph 3.\n  paragraphs:\n    harbour: [9]\n"
        "- id: wants\n  prompt: Again?\n  choices: [A, B]\n  answer: 1\n  explanation: See.\n  paragraphs:\n    harbor: [1]\n",
        encoding="utf-8",
    )
    long_gist = " ".join(["word"] * 26)
    (glossary / "gists.yml").write_text(f"harbour:\n  1: The board shut a quay.\n  2: {long_gist}\n  7: Too far.\nharbor:\n  1: Typo.\n", encoding="utf-8")
    (glossary / "lesson.yml").write_text("title: A lesson\nreading: harbour\naudience: Everyone\n", encoding="utf-8")
    problems = _problems(mini_project)
    assert "glossary/self-check.yml:4: 'answer' is 3 but question 'wants' has 2 choices. Use the number of the right choice, from 1 to 2." in problems
    assert "glossary/self-check.yml:7: paragraph 9 does not exist: 'harbour' has 3 paragraphs. Use a number from 1 to 3." in problems
    assert "glossary/self-check.yml:8: question id 'wants' is used twice (first on line 1). Give each question its own id." in problems
    assert any(p.startswith("glossary/self-check.yml:14: unknown reading 'harbor' (did you mean 'harbour'?)") for p in problems)
    assert "glossary/gists.yml:3: the gist of paragraph 2 has 26 words; keep it to 25 or fewer." in problems
    assert "glossary/gists.yml:4: '7' is not a paragraph of 'harbour'. Use a paragraph number from 1 to 3." in problems
    assert any(p.startswith("glossary/gists.yml:5: unknown reading 'harbor'") for p in problems)
    assert any(p.startswith("glossary/lesson.yml:1: 'objectives' is missing. Add 'objectives:'") for p in problems)


def test_a_guess_term_must_exist(mini_project: Path) -> None:
    questions = mini_project / "glossary/questions.yml"
    text = questions.read_text(encoding="utf-8").replace("  teacher_notes: She was harbour master", "  guess_terms: [quay, lighthose]\n  teacher_notes: She was harbour master")
    questions.write_text(text, encoding="utf-8")
    problems = _problems(mini_project)
    assert problems == [
        "glossary/questions.yml:5: unknown term or actor 'lighthose' in 'guess_terms' (did you mean 'lighthouse'?). Use the id of an existing term or actor (its file name without .yml)."
    ]


@pytest.fixture(scope="module")
def scaffolded_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The mini project with gists for two of its three paragraphs and a before-reading question that asks to guess 'quay'."""
    project = tmp_path_factory.mktemp("scaffolds") / "project"
    shutil.copytree(MINI, project)
    (project / "glossary/gists.yml").write_text("harbour:\n  1: The board shut a quay.\n  3: She asks the board to open it again.\n", encoding="utf-8")
    questions = project / "glossary/questions.yml"
    questions.write_text(questions.read_text(encoding="utf-8").replace("  teacher_notes: She was harbour master", "  guess_terms: [quay]\n  teacher_notes: She was harbour master"), encoding="utf-8")
    return BuiltSite(build_project(project, project.parent / "site"))


def test_gists_follow_their_paragraphs_and_leave_the_text_whole(scaffolded_site: BuiltSite, mini_site: BuiltSite) -> None:
    html = scaffolded_site.html(READING)
    gists = html.select("p.gist")
    # The label "Gist of paragraph N" counts paragraphs in CSS: each gist must come right after its own.
    follows = [(gist.find_previous_sibling("p", class_="reading-paragraph")["id"], gist.get_text()) for gist in gists]
    assert follows == [("p1", "The board shut a quay."), ("p3", "She asks the board to open it again.")]
    for gist in gists:
        assert "no-term-links" in gist["class"] and gist.find("a") is None and gist.has_attr("hidden")
    before = [p.get_text() for p in mini_site.html(READING).select("p.reading-paragraph")]
    assert [p.get_text() for p in html.select("p.reading-paragraph")] == before, "the reading's words are untouched"
    switch = html.select_one("input#show-gists[type=checkbox]")
    assert switch is not None and not switch.has_attr("checked"), "gists are off by default"
    assert html.find("label", attrs={"for": "show-gists"}).get_text().startswith("Show gists")
    assert mini_site.html(READING).select_one("#show-gists") is None, "no switch when there are no gists"


def test_the_vocabulary_preview_lists_terms_in_order_of_first_mention_without_guessed_words(scaffolded_site: BuiltSite, mini_site: BuiltSite) -> None:
    def preview(site: BuiltSite) -> list[str]:
        box = site.html(READING).select_one(".vocabulary-preview")
        return [item.a["href"] for item in box.select("li")] if box else []

    assert preview(mini_site) == ["../../glossary/quay/", "../../glossary/lighthouse/"]
    assert preview(scaffolded_site) == ["../../glossary/lighthouse/"], "'quay' is for students to guess before reading"
    box = mini_site.html(READING).select_one(".vocabulary-preview")
    assert box.find_next("p", class_="reading-paragraph") is not None, "the preview comes before the text"
    assert "A stone platform where ships load and unload." in box.get_text()


@pytest.mark.parametrize(
    ("short", "shown"),
    [
        ("The group of nations, led by one of them, that fought together. It ended in 1918.", "The group of nations, led by one of them, that fought together."),
        ("On the night of 3 May, strikers closed the mills. Many were fired.", "On the night of 3 May, strikers closed the mills."),
        ("A law passed by the state assembly; it gave women the vote.", "A law passed by the state assembly."),
        ("A paper written by many hands (a petition) and sent to Congress.", "A paper written by many hands."),
        ("A short one; with a cut.", "A short one; with a cut."),
    ],
)
def test_the_vocabulary_preview_keeps_a_definitions_meaning(short: str, shown: str) -> None:
    """The first sentence, cut only at a clause mark: a cut at a comma can leave a definition that says nothing."""
    from build_tools.scaffolds import short_definition

    assert short_definition(short) == shown


def test_reading_time_is_on_the_reading_and_the_home_page(mini_site: BuiltSite) -> None:
    reading = mini_site.html(READING).select_one(".reading-meta .reading-time").get_text()
    assert re.fullmatch(r"Reading time: about 1 minute \(\d+ words\)\.", reading), reading
    home = mini_site.html("").select_one("article .reading-list")
    assert home.a["href"] == "readings/harbour/" and "1 min read" in home.get_text()
    assert home.find_previous("h1") is not None


@pytest.mark.browser
def test_paragraph_numbers_and_gist_labels_count_the_paragraphs(real_site: BuiltSite) -> None:
    """The numbers are a CSS counter of the site's stylesheet, not written in the page: the browser must lay out each
    paragraph's own number, and "Gist of paragraph N" with the number of the paragraph the gist follows."""
    from browser import serve
    from own_thread import chromium, own_thread

    reading = next(path for path in sorted((real_site.root / "readings").iterdir()) if path.is_dir())
    html = real_site.html(f"readings/{reading.name}/")
    paragraphs = [paragraph["id"] for paragraph in html.select("p.reading-paragraph")]
    gists = [gist.find_previous_sibling("p", class_="reading-paragraph")["id"] for gist in html.select("p.gist")]

    @own_thread
    def generated() -> list[tuple[str, str]]:
        """(id or class of the element, the text of its ::before), in document order, as the browser laid them out."""
        with serve(real_site.root) as url, chromium() as context:
            page = context.new_page()
            page.goto(url + f"readings/{reading.name}/")
            if gists:
                page.get_by_label("Show gists").check()
            snapshot = context.new_cdp_session(page).send("DOMSnapshot.captureSnapshot", {"computedStyles": []})
        strings, nodes, layout = snapshot["strings"], snapshot["documents"][0]["nodes"], snapshot["documents"][0]["layout"]
        before = {node for node, kind in zip(nodes["pseudoType"]["index"], nodes["pseudoType"]["value"], strict=True) if strings[kind] == "before"}
        texts: dict[int, str] = {}
        for node, text in zip(layout["nodeIndex"], layout["text"], strict=True):
            if node in before and text >= 0:
                texts[node] = texts.get(node, "") + strings[text]
        named = []
        for node, text in texts.items():
            attributes = [strings[index] for index in nodes["attributes"][nodes["parentIndex"][node]]]
            pairs = dict(zip(attributes[::2], attributes[1::2], strict=True))
            named.append((pairs.get("id") or pairs.get("class", ""), text))
        return named

    shown = generated()
    assert [text for name, text in shown if name in paragraphs] == [id.removeprefix("p") for id in paragraphs]
    assert paragraphs == [f"p{number}" for number in range(1, len(paragraphs) + 1)]
    gist_class = html.select_one("p.gist")["class"] if gists else []
    labels = [text for name, text in shown if name == " ".join(gist_class)]
    assert labels == [f"Gist of paragraph {id.removeprefix('p')}: " for id in gists]


@pytest.mark.browser
def test_show_gists_reveals_every_gist_and_hides_them_again(real_site: BuiltSite) -> None:
    """On the real site: the rule that shows gists is in its stylesheet (pages carry no style)."""
    from browser import serve
    from own_thread import chromium, own_thread

    reading = next(path for path in sorted((real_site.root / "readings").iterdir()) if path.is_dir())
    count = len(real_site.html(f"readings/{reading.name}/").select("p.gist"))

    @own_thread
    def run() -> tuple[int, int, int]:
        with serve(real_site.root) as url, chromium() as context:
            page = context.new_page()
            page.goto(url + f"readings/{reading.name}/")
            hidden = page.locator("p.gist:visible").count()
            page.get_by_label("Show gists").check()
            shown = page.locator("p.gist:visible").count()
            page.get_by_label("Show gists").uncheck()
            return hidden, shown, page.locator("p.gist:visible").count()

    if count == 0:
        # No gists written for this reading: the page offers no switch.
        assert real_site.html(f"readings/{reading.name}/").select_one("#show-gists") is None
        return
    assert run() == (0, count, 0)


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The real project built as the deploy builds it: the student site with the teacher edition in teacher/."""
    from build_tools.adapters.cli import build_site
    from conftest import ROOT

    site = tmp_path_factory.mktemp("published") / "site"
    assert build_site(ROOT, site, "mkdocs.yml") == 0
    return BuiltSite(site)


def _library() -> Library:
    from build_tools import ContentPaths, load_library
    from conftest import ROOT

    return load_library(ContentPaths(ROOT))


def _paths(site: BuiltSite, *, leave_out: str = "") -> set[str]:
    return {page.relative_to(site.root).as_posix() for page in site.pages() if not (leave_out and page.relative_to(site.root).parts[0] == leave_out)}


def test_the_deploy_build_publishes_the_teacher_edition_under_teacher(published: BuiltSite) -> None:
    teacher = BuiltSite(published.root / "teacher")
    pages = teacher.pages()
    lesson = {"teachers/lesson-plan/index.html"} if _library().classroom.lesson is not None else set()
    assert _paths(teacher) == _paths(published, leave_out="teacher") | lesson, "every student page, and the lesson plan if there is one"
    for page in pages:
        html = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        assert html.find("meta", attrs={"name": "robots", "content": "noindex, nofollow"}) is not None, page
        if page.name != "404.html":
            assert html.select_one(".md-banner").get_text(" ", strip=True).startswith("Teacher edition"), page
    for page in [p for p in published.pages() if "teacher" not in p.relative_to(published.root).parts[:1]]:
        html = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        assert html.find("meta", attrs={"name": "robots"}) is None and html.select_one(".md-banner") is None, page
    assert _links_to_teacher_edition(BuiltSite(published.root)) == [link for link in _links_to_teacher_edition(BuiltSite(published.root)) if link.startswith("teacher/")]


def _phrases(markdown: str) -> list[str]:
    """Runs of four or more plain words in teacher Markdown, longest first: text that reaches the page and the search index as written."""
    return sorted(re.findall(r"[A-Za-z]+(?: [A-Za-z]+){3,}", markdown), key=len, reverse=True)


def test_the_student_search_index_has_no_teacher_page_or_note(published: BuiltSite) -> None:
    library = _library()
    index = (published.root / "search/search_index.json").read_text(encoding="utf-8")
    teacher_index = (published.root / "teacher/search/search_index.json").read_text(encoding="utf-8")
    assert '"location":"teacher/' not in index.replace(" ", "")
    # Teacher-only text: each question's teacher notes (every question has them) and the lesson plan's objectives.
    notes = [question.teacher_notes for question in library.questions]
    if library.classroom.lesson is not None:
        notes += library.classroom.lesson.objectives
    student_pages = [p for p in published.pages() if p.relative_to(published.root).parts[0] != "teacher"]
    student_text = " ".join(" ".join(BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").get_text(" ").split()) for page in student_pages)
    # A phrase the student pages also use (an event's title, say) proves nothing; take one only teachers see.
    secrets = [secret for text in notes if (secret := next((phrase for phrase in _phrases(text) if phrase not in student_text), ""))]
    assert secrets or not notes, f"no teacher text has a phrase of its own to look for: {notes}"
    leaked = [secret for secret in secrets if secret in index]
    assert leaked == [], f"teacher-only text in the student search index: {leaked}"
    missing = [secret for secret in secrets if secret not in teacher_index]
    assert missing == [], f"teacher text missing from the teacher edition's search index: {missing}"


def test_the_lesson_plan_comes_first_in_the_teacher_edition_only(published: BuiltSite) -> None:
    teacher = BuiltSite(published.root / "teacher")
    first = teacher.html("").select_one(".md-nav--primary .md-nav__list .md-nav__link")
    assert not (published.root / "teachers/lesson-plan").exists()
    if _library().classroom.lesson is None:
        # Without glossary/lesson.yml there is no lesson plan page, and nothing points to one.
        assert not (teacher.root / "teachers/lesson-plan").exists()
        assert first.get_text(strip=True) != "Lesson plan"
        assert teacher.html("").find("a", href="teachers/lesson-plan/") is None
        return
    lesson = teacher.html("teachers/lesson-plan/")
    headings = [h.get_text() for h in lesson.select("article h2")]
    assert headings[:3] == ["Objectives", "Timings", "Materials"] and "Differentiation" in headings
    assert [h.get_text().split(" (")[0] for h in lesson.select("article h3")] == ["Before reading", "While reading", "After reading"]
    assert first.get_text(strip=True) == "Lesson plan"
    assert teacher.html("").find("a", href="teachers/lesson-plan/") is not None, "the home page points to the lesson plan"


def test_teacher_notes_name_questions_by_number_never_by_id(published: BuiltSite) -> None:
    library = _library()
    ids = {question.id for question in library.questions}
    teacher = BuiltSite(published.root / "teacher")
    readings = [reading.src_uri.removesuffix(".md") + "/" for reading in library.readings.values()]
    worksheets = [f"worksheets/{phase}/" for phase in ("before", "during", "after") if (teacher.root / "worksheets" / phase).is_dir()]
    for page in ("questions/", *readings, *worksheets):
        codes = [code.get_text() for code in teacher.html(page).select("article code")]
        assert not ids & set(codes), f"{page}: {ids & set(codes)}"
    # Each `question-id` in code font in a question's teacher notes becomes a link "Question N".
    named = sum(len(re.findall(rf"`({'|'.join(map(re.escape, ids))})`", question.teacher_notes)) for question in library.questions) if ids else 0
    links = [a for a in teacher.html("questions/").select(".admonition.tip a") if a.get_text().startswith("Question ")]
    assert len(links) == named
    assert all(re.fullmatch(r"Question \d+", a.get_text()) and a["href"].startswith("#q-") for a in links)


def test_a_site_setting_turns_publishing_the_teacher_edition_off(mini_project: Path, tmp_path: Path) -> None:
    from build_tools.adapters.cli import build_site

    config = mini_project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace("  - terms\n", "  - terms:\n").replace("  - terms:\n", "  - terms:\n      teacher_edition_publish: false\n")
    assert "teacher_edition_publish: false" in text
    config.write_text(text, encoding="utf-8")
    assert build_site(mini_project, tmp_path / "off", "mkdocs.yml") == 0
    assert (tmp_path / "off/index.html").is_file() and not (tmp_path / "off/teacher").exists()


def test_entry_pages_link_to_their_file_and_the_reading_and_questions_to_google_classroom(mini_project: Path, tmp_path: Path) -> None:
    config = mini_project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("repo_url: https://example.org/mini-repo/", "repo_url: https://github.com/example/mini\nedit_uri: edit/main/docs/")
    config.write_text(text, encoding="utf-8")
    site = BuiltSite(build_project(mini_project, tmp_path / "site"))
    edit = site.html("glossary/quay/").select_one(".edit-entry a")
    assert edit["href"] == "https://github.com/example/mini/edit/main/glossary/terms/quay.yml"
    assert site.html("actors/harbour-board/").select_one(".edit-entry a")["href"].endswith("/edit/main/glossary/actors/harbour-board.yml")
    for page, url in ((READING, "https%3A%2F%2Fexample.org%2Fmini%2Freadings%2Fharbour%2F"), ("questions/", "https%3A%2F%2Fexample.org%2Fmini%2Fquestions%2F")):
        share = site.html(page).select_one(".share-link a")
        assert share["href"] == f"https://classroom.google.com/share?url={url}" and share["rel"] == ["noopener"]
        assert share.get_text() == "Share to Google Classroom"
    assert site.html("").select_one(".share-link") is None and site.html("").select_one(".edit-entry") is None
    scripts = [tag.get("src", "") for tag in site.html(READING).select("script")]
    assert not any("google" in src for src in scripts), "a plain link: nothing loads from Google"


def test_gists_above_the_grade_get_a_warning_once_a_grade_function_exists(monkeypatch: pytest.MonkeyPatch) -> None:
    from build_tools import classroom
    from build_tools.classroom import Classroom, Gist, gist_warnings
    from build_tools.yamlfile import Origin

    lines = {("r", "1"): 3, ("r", "2"): 4}
    gists = {
        ("r", 1): Gist("r", 1, "Short words.", Origin("glossary/gists.yml", ("r", "1"), lines)),
        ("r", 2): Gist("r", 2, "Incomprehensible polysyllabic verbiage.", Origin("glossary/gists.yml", ("r", "2"), lines)),
    }
    monkeypatch.setattr(classroom, "_grade_function", lambda: (lambda text: 12.0 if "polysyllabic" in text else 3.0))
    assert [str(w) for w in gist_warnings(Classroom(gists=gists))] == [
        "glossary/gists.yml:4: the gist of paragraph 2 reads at grade 12.0 (Flesch–Kincaid); aim for 7 or lower with shorter words and sentences."
    ]
