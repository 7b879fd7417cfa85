"""`python -m build_tools new KIND ID`: a commented file with every field, which cannot pass unfinished."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from build_tools.fielddocs import field_doc, lower_first
from build_tools.load import ContentPaths
from build_tools.model import Actor, Event, Source, Term
from build_tools.scaffold import write_new_entry
from conftest import ROOT

MODELS = {"term": Term, "actor": Actor, "event": Event}


def run_cli(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "build_tools", *args], cwd=project, capture_output=True, text=True, timeout=120)


def test_new_term_from_the_command_line(mini_project: Path) -> None:
    result = run_cli(mini_project, "new", "term", "beacon")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "Wrote glossary/terms/beacon.yml. Fill in its fields, then run 'make serve' to see it.\n"
    text = (mini_project / "glossary/terms/beacon.yml").read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../../schemas/term.schema.json"


@pytest.mark.parametrize("kind", sorted(MODELS))
def test_every_field_is_ready_to_fill_in(mini_project: Path, kind: str) -> None:
    written = write_new_entry(ContentPaths(mini_project), kind, f"new-{kind}")
    text = (mini_project / written).read_text(encoding="utf-8")
    # Optional fields that cannot be left blank are written as comments to uncomment.
    keys = set(re.findall(r"^(?:# )?([a-z_]+):(?: |$)", text, flags=re.MULTILINE))
    assert keys == set(MODELS[kind].model_fields) - {"id"}
    data = yaml.safe_load(text)
    assert set(data["sources"][0]) == set(Source.model_fields)


@pytest.mark.parametrize("kind", sorted(MODELS))
def test_comments_are_the_descriptions_of_the_model(mini_project: Path, kind: str) -> None:
    written = write_new_entry(ContentPaths(mini_project), kind, f"new-{kind}")
    comments = " ".join(line.strip().removeprefix("# ") for line in (mini_project / written).read_text(encoding="utf-8").splitlines() if line.strip().startswith("#"))
    for name, field in [*MODELS[kind].model_fields.items(), *Source.model_fields.items()]:
        if name == "id":
            continue
        doc = field_doc(field)
        assert (doc if field.is_required() else lower_first(doc)) in comments, name


@pytest.mark.parametrize("kind", sorted(MODELS))
def test_schema_line_points_at_a_committed_schema(kind: str, tmp_path: Path) -> None:
    written = write_new_entry(ContentPaths(tmp_path), kind, "example")
    first_line = (tmp_path / written).read_text(encoding="utf-8").splitlines()[0]
    relative = first_line.removeprefix("# yaml-language-server: $schema=")
    # The scaffolded file sits in glossary/<kind>s/, like the real ones.
    assert (ROOT / "glossary" / "terms" / relative).resolve() == ROOT / "schemas" / f"{kind}.schema.json"
    assert (ROOT / "schemas" / f"{kind}.schema.json").is_file()


def test_unfinished_entries_cannot_pass(mini_project: Path) -> None:
    paths = ContentPaths(mini_project)
    write_new_entry(paths, "term", "beacon")
    write_new_entry(paths, "actor", "port-authority")
    write_new_entry(paths, "event", "2021-03-01-strike")

    result = run_cli(mini_project, "check")

    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    source = [
        "'publisher' is empty in sources 1. Fill in who published the source, like 'Reuters'.",
        "'title' is empty in sources 1. Fill in the title of the article or page, as published.",
        "'date' is empty in sources 1. Fill in the date the source was published (not when the event happened): YYYY-MM-DD, or YYYY-MM or YYYY.",
        "'url' is empty in sources 1. Fill in the full web address, starting with https://.",
    ]
    actor = "glossary/actors/port-authority.yml"
    event = "glossary/events/2021-03-01-strike.yml"
    term = "glossary/terms/beacon.yml"
    assert result.stderr.splitlines() == [
        f"{actor}:7: 'name' is empty. Fill in the name shown as the page title.",
        f"{actor}:9: 'kind' is empty. Fill in what the actor is: one of person, state, government, military, armed-group, organisation, movement.",
        f"{actor}:18: 'short' is empty. Fill in one or two plain sentences a 15-year-old understands; no Markdown.",
        f"{actor}:22: 'role' is empty. Fill in their role at the time of the reading, in one or two sentences.",
        f"{actor}:26: 'interests' is empty. Fill in a list of short phrases saying what they want.",
        *(f"{actor}:{line}: {message}" for line, message in zip((48, 50, 52, 54), source, strict=True)),
        # The date comes from the id, so the event's own date is already filled in.
        f"{event}:11: 'title' is empty. Fill in what happened, in a few words.",
        f"{event}:13: 'description' is empty. Fill in one to three sentences of Markdown.",
        *(f"{event}:{line}: {message}" for line, message in zip((30, 32, 34, 36), source, strict=True)),
        f"{term}:7: 'title' is empty. Fill in the name shown as the page title.",
        f"{term}:12: 'short' is empty. Fill in one or two plain sentences a 15-year-old understands; no Markdown.",
        f"{term}:16: 'explanation' is empty. Fill in a few short paragraphs of Markdown, in your own words.",
        *(f"{term}:{line}: {message}" for line, message in zip((33, 35, 37, 39), source, strict=True)),
        "Found 22 problems in the content; nothing was published. Fix them and build again.",
    ]


def test_filled_in_term_is_valid(mini_project: Path) -> None:
    written = write_new_entry(ContentPaths(mini_project), "term", "beacon")
    path = mini_project / written
    text = path.read_text(encoding="utf-8")
    fills = {
        "\ntitle:\n": "\ntitle: Beacon\n",
        "short: >-\n": "short: >-\n  A fire or light on a hill that warns of danger.\n",
        "explanation: |\n": "explanation: |\n  Before lighthouses, towns lit **beacons** on hills.\n",
        "  - publisher:\n": "  - publisher: Example Encyclopedia\n",
        "    title:\n": "    title: Beacon\n",
        "    date:\n": "    date: 2019\n",
        "    url:\n": "    url: https://example.org/beacon\n",
    }
    for blank, filled in fills.items():
        assert text.count(blank) == 1, blank
        text = text.replace(blank, filled)
    path.write_text(text, encoding="utf-8")
    result = run_cli(mini_project, "check")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Content is valid: 3 terms")


@pytest.mark.parametrize("kind", sorted(MODELS))
def test_refuses_an_id_that_exists(mini_project: Path, kind: str) -> None:
    before = {path: path.read_bytes() for path in (mini_project / "glossary").rglob("*") if path.is_file()}
    result = run_cli(mini_project, "new", kind, "harbour-board")
    assert result.returncode == 1
    assert result.stderr == "error: the id 'harbour-board' is already used by glossary/actors/harbour-board.yml. Choose another id, or edit that file.\n"
    assert {path: path.read_bytes() for path in (mini_project / "glossary").rglob("*") if path.is_file()} == before


def test_refuses_an_existing_event_id(mini_project: Path) -> None:
    with pytest.raises(FileExistsError, match=re.escape("glossary/events/2010-lighthouse-built.yml")):
        write_new_entry(ContentPaths(mini_project), "event", "2010-lighthouse-built")


@pytest.mark.parametrize(
    ("entry_id", "message"),
    [
        ("Beacon", "'Beacon' is not a valid id. Ids use lowercase letters, digits and hyphens, like 'beacon'."),
        ("al_Quds force", "'al_Quds force' is not a valid id. Ids use lowercase letters, digits and hyphens, like 'al-quds-force'."),
        ("-beacon", "'-beacon' is not a valid id. Ids use lowercase letters, digits and hyphens, like 'beacon'."),
        ("../beacon", "'../beacon' is not a valid id. Ids use lowercase letters, digits and hyphens, like 'beacon'."),
    ],
)
def test_refuses_an_invalid_id(mini_project: Path, entry_id: str, message: str) -> None:
    with pytest.raises(ValueError) as error:
        write_new_entry(ContentPaths(mini_project), "term", entry_id)
    assert str(error.value) == message
    assert sorted(path.name for path in (mini_project / "glossary/terms").iterdir()) == ["lighthouse.yml", "quay.yml"]


def test_invalid_id_on_the_command_line(mini_project: Path) -> None:
    result = run_cli(mini_project, "new", "actor", "Port Authority")
    assert result.returncode == 1
    assert result.stderr == "error: 'Port Authority' is not a valid id. Ids use lowercase letters, digits and hyphens, like 'port-authority'.\n"


def test_refuses_an_unknown_kind(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=re.escape("unknown kind 'question'. Use one of: term, actor, event, reading.")):
        write_new_entry(ContentPaths(tmp_path), "question", "who")


def test_creates_the_folder_when_missing(tmp_path: Path) -> None:
    assert write_new_entry(ContentPaths(tmp_path), "actor", "first-actor") == "glossary/actors/first-actor.yml"
    assert (tmp_path / "glossary/actors/first-actor.yml").is_file()
