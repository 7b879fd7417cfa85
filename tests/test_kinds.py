"""Each fixed list of values is written once, as a `Literal` in the model, with its labels beside it."""

from __future__ import annotations

from typing import Any, get_args

import pytest

from build_tools.model import (
    ACTOR_GROUPS,
    ACTOR_KINDS,
    PHASES,
    PLACE_KINDS,
    PUBLISHER_TYPES,
    RELATIONSHIP_KINDS,
    SKILLS,
    ActorKind,
    Phase,
    PlaceKind,
    PublisherType,
    ReadingKindName,
    RelationshipKind,
    Skill,
)
from build_tools.reading_kinds import READING_KINDS


@pytest.mark.parametrize(
    ("values", "labels"),
    [
        (ActorKind, ACTOR_KINDS),
        (PlaceKind, PLACE_KINDS),
        (RelationshipKind, RELATIONSHIP_KINDS),
        (PublisherType, PUBLISHER_TYPES),
        (ReadingKindName, READING_KINDS),
        (Phase, PHASES),
        (Skill, SKILLS),
    ],
    ids=["actor", "place", "relationship", "publisher", "reading", "phase", "skill"],
)
def test_every_value_has_its_label_in_the_order_offered(values: Any, labels: dict[str, Any]) -> None:
    assert list(labels) == list(get_args(values))


def test_actor_groups_hold_every_kind_once() -> None:
    grouped = [kind for kinds in ACTOR_GROUPS.values() for kind in kinds]
    assert sorted(grouped) == sorted(get_args(ActorKind))
