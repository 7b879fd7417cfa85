"""Who backs whom: a deterministic layered layout, drawn as plain SVG with a legend and a text alternative."""

from __future__ import annotations

import gzip
import itertools
import random
import re
from pathlib import Path

import pytest

from build_tools.diagram import CHAR_WIDTH, MAX_ROW, DiagramLink, DiagramNode, boxes_overlap, layout_diagram
from build_tools.render_diagram import resolve_doc_links
from conftest import BuiltSite, build_project

ALLOWED_SVG_TAGS = {"svg", "title", "desc", "g", "a", "rect", "path", "text", "tspan"}
"""What the sanitizer must let through; nothing else (no style, script or foreignObject)."""

CHAIN = [
    DiagramNode("state", "A state", 0),
    DiagramNode("guard", "Its revolutionary guard corps", 0),
    DiagramNode("branch", "Foreign branch", 0),
    DiagramNode("militia", "A militia", 0),
    DiagramNode("umbrella", "Umbrella force", 1),
    DiagramNode("government", "Government", 1),
    DiagramNode("leader", "Prime minister", 1),
    DiagramNode("power", "Distant power", 2),
    DiagramNode("crowd", "Protesters", None),
]
CHAIN_LINKS = [
    DiagramLink("guard", "state", "part-of"),
    DiagramLink("branch", "guard", "part-of"),
    DiagramLink("branch", "militia", "backs"),
    DiagramLink("militia", "umbrella", "part-of"),
    DiagramLink("umbrella", "government", "part-of"),
    DiagramLink("leader", "government", "commands"),
    DiagramLink("power", "government", "allied-with"),
    DiagramLink("power", "state", "opposes"),
    DiagramLink("crowd", "leader", "opposes"),
    DiagramLink("state", "government", "negotiates-with"),
    DiagramLink("militia", "power", "disputed"),
]


def _random_graph(seed: int, size: int) -> tuple[list[DiagramNode], list[DiagramLink]]:
    rng = random.Random(seed)
    nodes = [DiagramNode(f"n{index}", " ".join(rng.choice(["Long", "name", "of", "a", "group", "Council", "X"]) for _ in range(rng.randint(1, 5))), rng.choice([None, 0, 1, 2, 3])) for index in range(size)]
    kinds = ["backs", "commands", "part-of", "allied-with", "opposes", "negotiates-with", "disputed"]
    links = [DiagramLink(a.id, b.id, rng.choice(kinds)) for a, b in itertools.combinations(nodes, 2) if rng.random() < 0.15]
    return nodes, links


def _label_boxes(layout):  # type: ignore[no-untyped-def]
    """Each label's extent, from its lines, centred in its node."""
    boxes = []
    for node in layout.nodes:
        width = max(len(line) for line in node.lines) * CHAR_WIDTH
        height = len(node.lines) * 15
        box = node.box
        boxes.append((box.x + (box.width - width) / 2, box.y + (box.height - height) / 2, width, height))
    return boxes


@pytest.mark.parametrize("seed", range(12))
def test_no_nodes_or_labels_overlap(seed: int) -> None:
    nodes, links = (CHAIN, CHAIN_LINKS) if seed == 0 else _random_graph(seed, 6 + seed * 2)
    layout = layout_diagram(nodes, links)
    assert len(layout.nodes) == len(nodes)
    for first, second in itertools.combinations(layout.nodes, 2):
        assert not boxes_overlap(first.box, second.box, margin=4), (first.node.id, second.node.id)
    for node, (x, y, width, height) in zip(layout.nodes, _label_boxes(layout), strict=True):
        box = node.box
        assert box.x <= x and x + width <= box.x + box.width and box.y <= y and y + height <= box.y + box.height, f"label of {node.node.id} leaves its box"
    for node in layout.nodes:
        assert 0 <= node.box.x and node.box.x + node.box.width <= layout.width
        assert 0 <= node.box.y and node.box.y + node.box.height <= layout.height
    for link in layout.links:
        assert all(0 <= y <= layout.height for _, y in link.points), "curves stay inside the drawing"


def test_backers_commanders_and_wholes_sit_above() -> None:
    layout = layout_diagram(CHAIN, CHAIN_LINKS)
    top = {node.node.id: node.box.y for node in layout.nodes}
    assert top["state"] < top["guard"] < top["branch"] < top["militia"], "a part sits below its whole; a backer above"
    assert top["leader"] < top["government"] < top["umbrella"] < top["militia"]


def test_wide_layers_fold_into_two_rows() -> None:
    nodes = [DiagramNode("top", "Top")] + [DiagramNode(f"c{index}", f"Child number {index}") for index in range(12)]
    links = [DiagramLink("top", f"c{index}", "backs") for index in range(12)]
    layout = layout_diagram(nodes, links)
    assert layout.width <= MAX_ROW + 40
    assert len({node.box.y for node in layout.nodes}) >= 3


def test_layout_is_deterministic_whatever_the_input_order() -> None:
    first = layout_diagram(CHAIN, CHAIN_LINKS)
    shuffled_nodes, shuffled_links = CHAIN[::-1], CHAIN_LINKS[::-1]
    assert layout_diagram(shuffled_nodes, shuffled_links) == first


def test_a_cycle_does_not_hang_the_layout() -> None:
    nodes = [DiagramNode("a", "A"), DiagramNode("b", "B"), DiagramNode("c", "C")]
    links = [DiagramLink("a", "b", "backs"), DiagramLink("b", "c", "backs"), DiagramLink("c", "a", "backs")]
    assert len(layout_diagram(nodes, links).nodes) == 3


def test_doc_links_resolve_per_page() -> None:
    html = '<a class="node" href="docs:actors/x.md">X</a><a href="docs:missing.md">M</a>'
    resolved = resolve_doc_links(html, lambda uri: "../x/" if uri == "actors/x.md" else None)
    assert resolved == '<a class="node" href="../x/">X</a><a href="docs:missing.md">M</a>'


CAMPS = """\
- title: The board's side
  members: [harbour-board]
- title: The workers
  members: [ferry-union]
"""


@pytest.fixture(scope="module")
def diagram_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    import shutil

    from conftest import MINI

    project = tmp_path_factory.mktemp("diagram") / "project"
    shutil.copytree(MINI, project)
    board = project / "glossary/actors/harbour-board.yml"
    board.write_text(board.read_text(encoding="utf-8").replace("  - actor: ferry-union\n", "  - actor: ferry-union\n    kind: disputed\n"), encoding="utf-8")
    (project / "glossary/camps.yml").write_text(CAMPS, encoding="utf-8")
    return BuiltSite(build_project(project, project.parent / "site"))


def test_actors_index_shows_the_diagram_legend_and_list(diagram_site: BuiltSite) -> None:
    html = diagram_site.html("actors/")
    svg = html.select_one("figure.actor-diagram-figure svg.actor-diagram")
    assert svg is not None and svg.find("title") is not None and svg.find("desc") is not None
    assert sorted(a["href"] for a in svg.select("a.node")) == ["ferry-union/", "harbour-board/"]
    assert svg.select("path.link-disputed"), "a disputed link is drawn with the dashed style"
    assert {tag.name for tag in svg.find_all(True)} <= ALLOWED_SVG_TAGS
    assert not svg.find_all(attrs={"style": True})
    legend = html.select_one(".diagram-legend").get_text(" ")
    assert "The board's side" in legend and "The workers" in legend and "has a disputed tie to" in legend
    shapes = {(shape.name, shape.get("rx"), shape.get("d", "")[:0]) for shape in svg.select(".node-shape")}
    assert len(shapes) == 2, "two camps, two shapes as well as two colours"
    items = [item.get_text(" ", strip=True) for item in html.select(".diagram-text li")]
    assert items == ["Harbour Board has a disputed tie to Ferry union"]
    assert ".diagram-frame{" in html.head.style.get_text(), "the diagram's stylesheet is in the page"


def test_profile_shows_its_neighbourhood(diagram_site: BuiltSite) -> None:
    html = diagram_site.html("actors/ferry-union/")
    svg = html.select_one("svg.actor-diagram")
    assert svg.select_one(".node-focus") is not None, "the profile's own actor is drawn, not linked"
    assert [a["href"] for a in svg.select("a.node")] == ["../harbour-board/"]
    item = html.find("a", href="../harbour-board/", string="Harbour Board").find_parent("li")
    assert "has a disputed tie to" in item.get_text()


def test_diagram_is_small(diagram_site: BuiltSite) -> None:
    text = str(diagram_site.html("actors/").select_one("figure.actor-diagram-figure"))
    assert len(gzip.compress(text.encode())) < 30_000


def test_real_diagram_is_within_budget_and_plain(real_site: BuiltSite) -> None:
    from build_tools import ContentPaths, load_library
    from build_tools.render_diagram import diagram_links
    from conftest import ROOT

    html = real_site.html("actors/")
    figure = html.select_one("figure.actor-diagram-figure")
    if not diagram_links(load_library(ContentPaths(ROOT))):
        # Without typed relationships the people page has no diagram and no heading for one.
        assert figure is None and html.find("h2", string="Who backs whom") is None
        return
    assert figure is not None
    assert len(gzip.compress(str(figure).encode())) <= 30_000
    assert {tag.name for tag in figure.select_one("svg").find_all(True)} <= ALLOWED_SVG_TAGS
    assert not re.search(r'href="docs:', str(html)), "every profile link is resolved"


def test_camps_name_existing_actors_once(mini_project: Path) -> None:
    from test_errors import run_cli

    (mini_project / "glossary/camps.yml").write_text("- title: One\n  members: [harbour-board, harbour-bored]\n- title: Two\n  members: [harbour-board]\n", encoding="utf-8")
    result = run_cli(mini_project, "check")
    assert result.stderr.splitlines()[:2] == [
        "glossary/camps.yml:2: unknown actor 'harbour-bored' in 'members' (did you mean 'harbour-board'?). Use the id of an existing actor (its file name without .yml).",
        "glossary/camps.yml:4: 'harbour-board' is already in camp 'One'. Put each actor in one camp.",
    ]
