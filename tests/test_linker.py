"""The linker: matching rules, and properties that must hold for any text and any glossary."""

from __future__ import annotations

import string
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from build_tools.linker import Linker, LinkTarget, name_forms


def target(entry_id: str, *names: str, plurals: bool = False, case_sensitive: bool | None = None) -> LinkTarget:
    return LinkTarget(entry_id, names[0], tuple(names), f"{entry_id} defined", f"glossary/{entry_id}.md", case_sensitive, plurals)


def found(linker: Linker, text: str) -> list[tuple[str, str]]:
    return [(text[m.start : m.end], m.target_id) for m in linker.find(text)]


def test_longest_name_wins_over_a_shorter_one_inside_it() -> None:
    linker = Linker([target("forces", "Forces"), target("pmf", "Popular Mobilisation Forces", "PMF")])
    assert found(linker, "the Popular Mobilisation Forces and other forces") == [
        ("Popular Mobilisation Forces", "pmf"),
        ("forces", "forces"),
    ]


def test_adjacent_names_give_two_links_not_a_nested_one() -> None:
    linker = Linker([target("quds", "Quds Force"), target("soleimani", "Qassem Soleimani", "Qassem Suleimani", "Suleimani")])
    assert found(linker, "Iranian Quds Force leader Qassem Suleimani.") == [("Quds Force", "quds"), ("Qassem Suleimani", "soleimani")]


def test_curly_and_straight_quotes_match_each_other() -> None:
    linker = Linker([target("gz", "Green Zone", "International (\u201cGreen\u201d) Zone")])
    assert found(linker, 'Baghdad\'s International ("Green") Zone') == [('International ("Green") Zone', "gz")]
    assert found(linker, "Baghdad\u2019s International (\u201cGreen\u201d) Zone") == [("International (\u201cGreen\u201d) Zone", "gz")]


def test_alias_finds_an_indirect_mention() -> None:
    linker = Linker([target("jcpoa", "JCPOA", "Iran nuclear deal")])
    assert found(linker, "withdrawal from the Iran nuclear deal and") == [("Iran nuclear deal", "jcpoa")]


def test_acronyms_match_only_in_capitals() -> None:
    linker = Linker([target("pmf", "PMF")])
    assert found(linker, "the PMF, not pmf or Pmf") == [("PMF", "pmf")]


def test_words_match_in_any_case_unless_the_entry_says_otherwise() -> None:
    assert found(Linker([target("m", "Militia")]), "a militia") == [("militia", "m")]
    assert found(Linker([target("m", "Militia", case_sensitive=True)]), "a militia") == []


def test_plurals_only_where_the_entry_allows_them() -> None:
    assert found(Linker([target("m", "militia", plurals=True)]), "two militias") == [("militias", "m")]
    assert found(Linker([target("m", "militia")]), "two militias") == []
    assert name_forms("proxy", True) == ["proxy", "proxies"]
    assert name_forms("embassy", True) == ["embassy", "embassies"]
    assert name_forms("bus", True) == ["bus", "buses"]


def test_possessives_and_hyphenated_words_keep_the_name() -> None:
    linker = Linker([target("iran", "Iran")])
    assert found(linker, "Iran\u2019s policy and Iran's plan, Iran-backed groups") == [("Iran", "iran")] * 3


def test_no_match_inside_a_longer_word() -> None:
    linker = Linker([target("iran", "Iran"), target("us", "US")])
    assert found(linker, "Iranian forces; USB sticks; thus") == []


def test_unicode_word_boundaries() -> None:
    linker = Linker([target("hashd", "Hashd")])
    assert found(linker, "al-Hashd and Hashdé") == [("Hashd", "hashd")]


def test_line_breaks_inside_a_name_still_match() -> None:
    linker = Linker([target("pmf", "Popular Mobilisation Forces")])
    assert found(linker, "the Popular\nMobilisation Forces") == [("Popular\nMobilisation Forces", "pmf")]


def test_empty_glossary_finds_nothing() -> None:
    assert Linker([]).find("anything") == []


words = st.text(alphabet=string.ascii_letters, min_size=2, max_size=8)
glossaries = st.lists(st.lists(words, min_size=1, max_size=3).map(" ".join), min_size=1, max_size=12, unique_by=str.lower)
texts = st.lists(st.one_of(words, st.sampled_from([" ", " ", ", ", ". ", "\u2019s ", "-", "\n", "\u201c", "\u201d"])), max_size=60).map("".join)

# Names take their letters from the first half of the alphabet and filler words from the second, so
# a filler word never joins a name and whatever a match covers can be told apart.
name_words = st.text(alphabet="abcdefghijklmABCDEFGHIJKLM", min_size=2, max_size=8)
name_glossaries = st.lists(st.lists(name_words, min_size=1, max_size=3).map(" ".join), min_size=1, max_size=12, unique_by=str.lower)
fillers = st.text(alphabet="nopqrstuvwxyz", min_size=1, max_size=8)
before = st.sampled_from([" ", "\n", " (", " \u201c", "-", " al-"])
after = st.sampled_from(["", " ", ".", ",", "\u2019s", "'s", ")", "\u201d", "-backed"])


@settings(max_examples=200, deadline=None)
@given(names=glossaries, text=texts, data=st.data())
def test_matches_are_sorted_disjoint_and_name_their_target(names: list[str], text: str, data: st.DataObject) -> None:
    # Mix in real names so that matches actually happen.
    inserted = data.draw(st.lists(st.sampled_from(names), min_size=1, max_size=4))
    text = text + " " + " ".join(inserted)
    linker = Linker([target(f"t{index}", name) for index, name in enumerate(names)])
    matches = linker.find(text)
    assert matches == sorted(matches)
    for first, second in pairwise(matches):
        assert first.end <= second.start
    for match in matches:
        matched = text[match.start : match.end].replace("\n", " ")
        assert matched.lower() == linker.targets[match.target_id].names[0].lower()
    assert matches, f"none of {inserted} was found in {text!r}"
    assert linker.find(text) == matches  # deterministic


@settings(max_examples=200, deadline=None)
@given(names=name_glossaries, data=st.data())
def test_every_name_inserted_at_a_word_boundary_is_found(names: list[str], data: st.DataObject) -> None:
    linker = Linker([target(f"t{index}", name) for index, name in enumerate(names)])
    text = data.draw(fillers)
    spans = []
    for name in data.draw(st.lists(st.sampled_from(names), min_size=1, max_size=6)):
        text += data.draw(before)
        spans.append((len(text), len(text) + len(name), name))
        text += name + data.draw(after) + " " + data.draw(fillers)
    matches = linker.find(text)
    for start, end, name in spans:
        # A longer name around it may win ("ab cd" over "cd"), but the name is never left unlinked.
        assert any(match.start <= start and end <= match.end for match in matches), f"{name!r} at {start} not found in {text!r}: {matches}"
    for match in matches:
        assert any(start <= match.start < end or start < match.end <= end for start, end, _ in spans), "a match outside every name"
