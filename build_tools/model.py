"""The typed content model: what a teacher can write, and nothing else.

Field names equal the YAML keys. Models are frozen: after validation, later stages trust them.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Annotated, ClassVar, Literal, get_args, get_origin
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PrivateAttr, StringConstraints

from .dates import PartialDate
from .yamlfile import NO_ORIGIN, Origin

if TYPE_CHECKING:
    from .classroom_model import Classroom

__all__ = [
    "ACTOR_GROUPS",
    "ACTOR_KINDS",
    "PHASES",
    "PLACE_KINDS",
    "PUBLISHER_TYPES",
    "RELATIONSHIP_KINDS",
    "SKILLS",
    "Actor",
    "ActorKind",
    "Annotation",
    "Basemap",
    "Camp",
    "Disagreement",
    "Entry",
    "Era",
    "Event",
    "Library",
    "Located",
    "OtherView",
    "Paragraph",
    "ParagraphRefs",
    "Phase",
    "Place",
    "PlaceKind",
    "Publisher",
    "Question",
    "Reading",
    "ReadingKindName",
    "ReadingMeta",
    "Relationship",
    "RelationshipKind",
    "SiteIdentity",
    "Skill",
    "Source",
    "Term",
    "paragraph_anchor",
    "unsafe_html",
    "unsafe_links",
]

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
_MARKDOWN_LINK = re.compile(r"\]\(\s*<?([^\s>()]*(?:\([^\s()]*\))?[^\s>()]*)")
# A link reference definition may sit inside a blockquote, a list item or an admonition, and its
# destination may be on the next line.
_LINK_DEFINITION = re.compile(r"^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+[ \t>]*)*\[[^\]]+\]:[ \t]*\n?[ \t>]*<?([^\s>]+)", re.MULTILINE)
_SAFE_LINK = re.compile(r"^(https?://|mailto:|#|\.{0,2}/|[a-z0-9._-]+(/|\.md|#|$))", re.IGNORECASE)
_WEB_SCHEME = re.compile(r"^https?://", re.IGNORECASE)
_URL_FORBIDDEN = re.compile(r'[\x00-\x20\x7f"<>\\`{}|^]')
_HOST = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$|^xn--", re.IGNORECASE)


def _plain(value: str) -> str:
    if "<" in value or ">" in value:
        raise ValueError("is plain text and cannot hold '<' or '>'; remove them")
    return value


def _url(value: str) -> str:
    """A real web address (http or https, a host with a dot), safe to write as a `<...>` Markdown destination."""
    web = _WEB_SCHEME.match(value) is not None
    if web and _URL_FORBIDDEN.search(value):
        raise ValueError(f"'{value}' contains spaces, quotes or angle brackets; copy the address exactly from the browser's address bar")
    if web and ("[" in value or "]" in value):
        raise ValueError(f"'{value}' contains '[' or ']', which a web address cannot hold; copy the address exactly from the browser's address bar")
    try:
        parts = urlsplit(value)
        port = parts.port
    except ValueError:
        parts, port = None, None
    if parts is None or parts.scheme.lower() not in ("http", "https") or not _HOST.match(parts.hostname or "") or port == 0:
        if re.match(r"^[\w.-]+\.[a-z]{2,}", value):
            raise ValueError(f"'{value}' has no scheme; write it in full, starting with https://")
        raise ValueError(f"'{value}' is not a web address; copy the full address, starting with https://")
    if parts.username or parts.password:
        raise ValueError("holds a user name or password (before '@'); copy the address without them")
    return value


def unsafe_links(text: str) -> list[tuple[int, str]]:
    """Offsets and targets of links in Markdown `text` that do not go to the web or to this site.

    Targets are read the way a browser reads them: HTML entities decoded, and the tabs, newlines
    and control characters a browser ignores removed (`java` + newline + `script:` is `javascript:`).
    """
    found: list[tuple[int, str]] = []
    joined = re.sub(r"[\t\r\n]", "", text)
    for match in _MARKDOWN_LINK.finditer(joined):
        if not _safe_target(match.group(1)):
            found.append((_offset_in(text, match.start()), match.group(1)))
    for match in _LINK_DEFINITION.finditer(text):
        if not _safe_target(match.group(1)):
            found.append((match.start(1), match.group(1)))
    return sorted(found)


_SCRIPT_HTML = re.compile(r"<\s*(script|iframe|frame|object|embed|applet|base|meta|form)\b|<[^>]*?\s(href|src|action|formaction|data)\s*=\s*[\"']?\s*(javascript|vbscript|data):|<[^>]*?[\s/\"']on[a-z]+\s*=|\{:?[^}\n]*\bon[a-z]+\s*=", re.IGNORECASE)


def unsafe_html(text: str) -> list[tuple[int, str]]:
    """Offsets and text of raw HTML that would run script: `<script>`, `<iframe>`, `onerror=` and other handlers."""
    return [(match.start(), match.group(0)) for match in _SCRIPT_HTML.finditer(text)]


def _safe_target(target: str) -> bool:
    seen = re.sub(r"[\x00-\x20\x7f]", "", html.unescape(target))
    return not seen or bool(_SAFE_LINK.match(seen))


def _offset_in(text: str, joined_offset: int) -> int:
    """Offset in `text` of the character at `joined_offset` once tabs and newlines are removed."""
    kept = 0
    for offset, char in enumerate(text):
        if char not in "\t\r\n":
            if kept == joined_offset:
                return offset
            kept += 1
    return len(text)


def _markdown(value: str) -> str:
    for _, target in unsafe_links(value):
        raise ValueError(f"has a link to '{target}'; links must start with https://, or point to a page of this site")
    return value


Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
PlainText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(_plain)]
Markdown = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(_markdown)]
Url = Annotated[str, StringConstraints(strip_whitespace=True), AfterValidator(_url)]
ParagraphRefs = dict[Id, list[Annotated[int, Field(ge=1, strict=True)]]]
"""Reading id → paragraph numbers, as in `reading-id: [4, 5]`."""

_SCOPE = (
    "Ids of the readings this belongs to (their file names in docs/readings, without .md), like [reading-id]; "
    "it then links and shows only there. Leave it out for something that belongs to every reading."
)
Scope = Annotated[list[Id], Field(description=_SCOPE)]
"""The readings an entry, event or question belongs to; empty means all of them."""

_PARAGRAPHS = "reading ids with paragraph numbers (shown in the reading's margin), like 'reading-id: [4, 5]'"
_SOURCES = "At least one source with publisher, title, date and url."
_DISAGREEMENTS = "Places where the reading and other sources differ, each with summary, paragraphs and sources."
_SHORT = "One or two plain sentences a 15-year-old understands; no Markdown."

class Located(BaseModel):
    """A validated item that knows where it was written (see `Origin`), and so can be reported at its lines."""

    # A factory, not `default=`: pydantic deep-copies a plain default for every item it validates.
    _origin: Origin = PrivateAttr(default_factory=lambda: NO_ORIGIN)

    @property
    def origin(self) -> Origin:
        """Its file and the line of each of its fields; `NO_ORIGIN` for an item made in code."""
        return self._origin

    def locate(self, origin: Origin) -> None:
        """Record where this item and each item inside it were written; validation calls it once, before anyone reads it."""
        self._origin = origin
        for name in _nested_fields(type(self)):
            value = getattr(self, name)
            parts = enumerate(value) if isinstance(value, list) else value.items() if isinstance(value, dict) else [(None, value)]
            for key, item in parts:
                if isinstance(item, Located):
                    item.locate(origin.at(name) if key is None else origin.at(name, key))


@cache
def _nested_fields(model: type[Located]) -> tuple[str, ...]:
    """The fields of `model` whose type can hold a `Located` item: `locate` looks only in these, not in every string and number."""
    return tuple(name for name, field in model.model_fields.items() if _may_hold_located(field.annotation))


def _may_hold_located(annotation: object) -> bool:
    """Whether a value of this type can be, or contain, a `Located` item; any type it cannot tell counts as yes."""
    if isinstance(annotation, type) and not get_args(annotation):
        return issubclass(annotation, Located) or annotation is object
    if get_origin(annotation) is Literal:
        return False
    arguments = get_args(annotation)
    if not arguments:
        return annotation is not None
    return any(_may_hold_located(argument) for argument in arguments if not _is_metadata(annotation, argument))


def _is_metadata(annotation: object, argument: object) -> bool:
    """The constraints of an `Annotated[...]` type (its arguments after the first), which are not types of values."""
    return get_origin(annotation) is Annotated and argument is not get_args(annotation)[0]


class _Content(Located):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    id_from_file_name: ClassVar[bool] = False
    """True for content kept one item per file, whose `id` is the file name and never written as a key."""


class Source(_Content):
    """Where a fact comes from: enough for a student to find and judge it."""

    publisher: PlainText = Field(description="Who published the source, like 'Reuters'.")
    title: PlainText = Field(description="The title of the article or page, as published.")
    date: PartialDate = Field(description="The date the source was published (not when the event happened): YYYY-MM-DD, or YYYY-MM or YYYY.")
    url: Url = Field(description="The full web address, starting with https://.")
    via: PlainText | None = Field(
        None,
        description="The site that hosts the text when it is a repost of the publisher's article, like a news agency report on a newspaper's site.",
    )


PublisherType = Literal[
    "wire",
    "newspaper",
    "broadcaster",
    "magazine",
    "news site",
    "aggregator",
    "government",
    "state media",
    "think tank",
    "reference",
    "NGO",
    "international organisation",
    "company",
    "blog",
]

PUBLISHER_TYPES: dict[PublisherType, str] = {
    "wire": "news agency",
    "newspaper": "newspaper",
    "broadcaster": "broadcaster",
    "magazine": "magazine",
    "news site": "news website",
    "aggregator": "site that reposts others' articles",
    "government": "government",
    "state media": "state media",
    "think tank": "think tank",
    "reference": "reference work",
    "NGO": "non-governmental organisation",
    "international organisation": "international organisation",
    "company": "company",
    "blog": "blog",
}
"""Each publisher type and the words shown for it beside a citation."""


class Publisher(_Content):
    """Who publishes a source: what kind of outlet it is, where, and who owns or funds it."""

    name: PlainText = Field(description="The name that sources write in 'publisher' or 'via', exactly as they write it, like 'Reuters'.")
    type: PublisherType = Field(description="What kind of outlet it is.")
    country: PlainText = Field(description="Where it is based, like 'United Kingdom', or 'international'; 'unknown' when the site does not say.")
    ownership: PlainText | None = Field(
        None,
        description="Who owns or funds it, in a few words, where that matters to judge it (like 'government-funded'); shown beside every citation instead of the type.",
    )
    url: Url | None = Field(None, description="Its home page, starting with https://.")

    @property
    def label(self) -> str:
        """The words shown beside its name in every citation."""
        country = "country unknown" if self.country == "unknown" else self.country
        return self.ownership or f"{PUBLISHER_TYPES[self.type]}, {country}"


class OtherView(_Content):
    """What one other source says about a disputed point, with its citation."""

    says: Markdown = Field(description="What this source says, in a sentence or two.")
    source: Source = Field(description="The source that says it, with publisher, title, date and url.")


class Disagreement(_Content):
    """A place where the reading and other sources differ; shown on the page, never silently fixed."""

    summary: Markdown = Field(description="What differs, citing both sides.")
    quote: PlainText | None = Field(default=None, description="The reading's own words that other sources contradict or nuance, copied exactly.")
    views: list[OtherView] = Field(default=[], description="What each other source says, each with 'says' and 'source'.")
    paragraphs: ParagraphRefs = Field(default={}, description=f"The paragraphs of the reading that the disagreement is about: {_PARAGRAPHS}.")
    sources: list[Source] = Field(min_length=1, description=_SOURCES)


class Entry(_Content):
    """What terms and actors share: they can be mentioned in a text and linked to."""

    id_from_file_name: ClassVar[bool] = True
    label_field: ClassVar[str] = "name"
    """The field that holds the entry's label."""

    id: Id = Field(description="The entry's id: its file name without .yml.")
    aliases: list[PlainText] = Field(default=[], description="Other words in a text that should link here, like [short name, other spelling].")
    short: PlainText = Field(max_length=400, description=_SHORT)
    related: list[Id] = Field(default=[], description="Ids of other terms or actors to show under 'See also' (their file names without .yml).")
    case_sensitive: bool | None = Field(
        default=None,
        description="true: every name matches only as written; false: in any case. Left out, ALL-CAPS names (like NATO) match only in capitals, others in any case.",
    )
    disagreements: list[Disagreement] = Field(default=[], description=_DISAGREEMENTS)
    sources: list[Source] = Field(min_length=1, description=_SOURCES)
    readings: Scope = []

    @property
    def label(self) -> str:
        raise NotImplementedError

    @property
    def names(self) -> list[str]:
        """Every form of the name that links here, the label first."""
        return [self.label, *self.aliases]

    def name_line(self, index: int) -> int:
        """The line where the `index`-th of `names` is written: the label's field, then each alias."""
        return self.origin.line("aliases", index - 1) if index else self.origin.line(self.label_field)


class Term(Entry):
    """A glossary entry."""

    label_field: ClassVar[str] = "title"

    title: PlainText = Field(description="The name shown as the page title.")
    explanation: Markdown = Field(description="A few short paragraphs of Markdown, in your own words.")
    plurals: bool = Field(default=True, description="Whether simple plurals link too ('rockets' for 'rocket').")

    @property
    def label(self) -> str:
        return self.title


RelationshipKind = Literal["backs", "commands", "part-of", "allied-with", "opposes", "negotiates-with", "disputed"]

RELATIONSHIP_KINDS: dict[RelationshipKind, str] = {
    "backs": "backs",
    "commands": "commands",
    "part-of": "is part of",
    "allied-with": "is allied with",
    "opposes": "opposes",
    "negotiates-with": "negotiates with",
    "disputed": "has a disputed tie to",
}
"""Each relationship kind and how it reads between two names, in diagrams and on profiles."""

ActorKind = Literal["person", "state", "government", "military", "armed-group", "organisation", "movement"]

ACTOR_KINDS: dict[ActorKind, str] = {
    "person": "Person",
    "state": "State",
    "government": "Government",
    "military": "Military force",
    "armed-group": "Armed group",
    "organisation": "Organisation",
    "movement": "Movement",
}
"""Each actor kind and the label shown on its profile, in the order they are offered."""

ACTOR_GROUPS: dict[str, tuple[ActorKind, ...]] = {
    "People": ("person",),
    "States": ("state",),
    "Governments": ("government",),
    "Armed forces and armed groups": ("military", "armed-group"),
    "Organisations and movements": ("organisation", "movement"),
}
"""Headings of the index of people and groups, and the actor kinds under each, in order."""

PlaceKind = Literal["city", "military-base", "airport", "district", "region"]

PLACE_KINDS: dict[PlaceKind, str] = {"city": "City", "military-base": "Military base", "airport": "Airport", "district": "District", "region": "Region"}
"""Each place kind and the label shown on its page and in the list of places."""


class Relationship(_Content):
    """A link between two actors, written once and shown on both profiles."""

    actor: Id = Field(description="The id of the other actor.")
    description: Markdown = Field(description="One sentence about how the two are connected.")
    kind: RelationshipKind | None = Field(
        default=None,
        description="How this actor is tied to the other, read as 'this actor backs the other'; 'disputed' when sources disagree about the tie.",
    )


class Actor(Entry):
    """A person, group or state that acts in the story."""

    name: PlainText = Field(description="The name shown as the page title.")
    kind: ActorKind = Field(description="What the actor is.")
    native_name: PlainText | None = Field(default=None, description="The name in its own script; give 'native_language' with it.")
    native_language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$")] | None = Field(
        default=None, description="The language code of 'native_name', like 'ar' or 'fa'."
    )
    role: Markdown = Field(description="Their role at the time of the reading, in one or two sentences.")
    interests: list[PlainText] = Field(min_length=1, description="A list of short phrases saying what they want.")
    explanation: Markdown | None = Field(default=None, description="A longer profile in Markdown.")
    relationships: list[Relationship] = Field(
        default=[],
        description="Links to other actors, each with 'actor', 'kind' and 'description'; state each link in one of the two files only, it shows on both profiles.",
    )
    plurals: bool = Field(default=False, description="Whether simple plurals of the names link too.")

    @property
    def label(self) -> str:
        return self.name


class Place(Entry):
    """A place on the locator map; linked and previewed like a term."""

    name: PlainText = Field(description="The name shown on the map and as the page title.")
    kind: PlaceKind = Field(description="What kind of place it is.")
    latitude: float = Field(ge=-90, le=90, description="Degrees north (negative for south), like 33.31, from a cited source.")
    longitude: float = Field(ge=-180, le=180, description="Degrees east (negative for west), like 44.39, from a cited source.")
    description: Markdown = Field(description="One to three sentences of Markdown about the place.")
    same_as: Id | None = Field(
        default=None, description="The id of a term or actor that already explains this place: the map links there, and no second page is made."
    )
    plurals: bool = Field(default=False, description="Whether simple plurals of the names link too.")

    @property
    def label(self) -> str:
        return self.name


@dataclass(frozen=True)
class Basemap:
    """Country outlines for the locator map: name → rings of (longitude, latitude)."""

    countries: tuple[tuple[str, tuple[tuple[tuple[float, float], ...], ...]], ...] = ()
    bbox: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)
    source: str = ""


class Event(_Content):
    """A dated step on the timeline."""

    id_from_file_name: ClassVar[bool] = True

    id: Id = Field(description="The event's id: its file name without .yml, like 2020-01-03-strike.")
    date: PartialDate = Field(description="When it happened: YYYY-MM-DD, or YYYY-MM or YYYY, only as precise as the sources.")
    end_date: PartialDate | None = Field(default=None, description="When it ended, for events that last.")
    title: PlainText = Field(description="What happened, in a few words.")
    description: Markdown = Field(description="One to three sentences of Markdown.")
    actors: list[Id] = Field(default=[], description="Ids of the actors taking part.")
    terms: list[Id] = Field(default=[], description="Ids of the terms the event explains.")
    paragraphs: ParagraphRefs = Field(default={}, description=f"The reading paragraphs this event explains: {_PARAGRAPHS}.")
    disagreements: list[Disagreement] = Field(default=[], description=_DISAGREEMENTS)
    sources: list[Source] = Field(min_length=1, description=_SOURCES)
    readings: Scope = []


class Era(_Content):
    """A stretch of years on the timeline axis, from `glossary/eras.yml`; events are grouped by era."""

    title: PlainText = Field(description="What the era was, in a few words.")
    start: PartialDate = Field(description="The first year of the era: YYYY, or YYYY-MM or YYYY-MM-DD.")
    end: PartialDate = Field(description="The last year of the era: YYYY, or YYYY-MM or YYYY-MM-DD.")
    description: Markdown | None = Field(default=None, description="One or two sentences about the era, in Markdown.")
    sources: list[Source] = Field(default=[], description="Sources for the era's dates and description, each with publisher, title, date and url.")


class Camp(_Content):
    """A side in the story, from `glossary/camps.yml`: its actors share a colour and a shape in diagrams."""

    title: PlainText = Field(description="The name of the side, like 'The government and its allies'.")
    members: list[Id] = Field(min_length=1, description="Ids of the actors in this camp; an actor is in one camp at most.")
    description: Markdown | None = Field(default=None, description="One sentence on what holds the camp together.")


Phase = Literal["before", "during", "after"]

PHASES: dict[Phase, str] = {"before": "Before reading", "during": "While reading", "after": "After reading"}
"""Each phase of a lesson around the reading, in order, and its title on the questions page, worksheets and lesson plan."""

Skill = Literal["comprehension", "vocabulary", "point-of-view", "evidence", "perspectives", "connections"]

SKILLS: dict[Skill, str] = {
    "comprehension": "Understanding",
    "vocabulary": "Vocabulary",
    "point-of-view": "Point of view",
    "evidence": "Evidence and opinion",
    "perspectives": "Other perspectives",
    "connections": "Connections",
}
"""Each skill a question practises and the label shown above the question."""


class Question(_Content):
    """A discussion question that points students at paragraphs."""

    id: Id = Field(description="A short id of lowercase words and hyphens, unique in the file, like 'who-is-writing'.")
    phase: Phase = Field(description="When students answer it, around the reading.")
    skill: Skill = Field(description="What the question practises.")
    prompt: Markdown = Field(description="The question students see, in Markdown.")
    paragraphs: ParagraphRefs = Field(
        default={}, description=f"The paragraphs the question is about: {_PARAGRAPHS}; needed for questions during and after reading."
    )
    teacher_notes: Markdown = Field(description="What a good answer contains and common misreadings (only teachers see it).")
    guess_terms: list[Id] = Field(
        default=[],
        description="Ids of the terms or actors the question asks students to guess: kept out of the reading's vocabulary preview and not linked in the question.",
    )
    readings: Scope = []


class Annotation(_Content):
    """A note anchored to the exact words of a reading."""

    reading: Id = Field(description="The id of the reading (its file name in docs/readings, without .md).")
    quote: PlainText = Field(description="The exact words of the reading the note is about.")
    prefix: str | None = Field(default=None, description="The words just before the quote, when the quote appears more than once.")
    audience: Literal["student", "teacher"] = Field(default="student", description="Who sees the note; teacher notes show only in the teacher edition.")
    note: Markdown = Field(description="The note shown beside the words, in Markdown.")


ReadingKindName = Literal["opinion", "news", "analysis", "speech", "report", "interview", "letter", "primary-source"]
"""Every kind of reading; `reading_kinds.READING_KINDS` holds what each one is called and needs."""


class ReadingMeta(_Content):
    """Front matter of a reading. Which of the optional fields a reading needs depends on its kind (see `reading_kinds`)."""

    title: PlainText = Field(description="The title of the reading, as published.")
    author: PlainText = Field(description="Who wrote the reading.")
    author_role: PlainText = Field(description="Who the author is, in a few words, like 'a reporter for the paper'.")
    publisher: PlainText | None = Field(None, description="Who published it, like a newspaper.")
    date: PartialDate = Field(description="When it was published, written or given: YYYY-MM-DD, or YYYY-MM or YYYY.")
    date_note: PlainText | None = Field(None, description="How the date is known, when the original shows none; shown after the date.")
    url: Url = Field(description="The full web address of the original, starting with https://.")
    kind: ReadingKindName = Field(description="What kind of text it is; the kind decides which of publisher, place, occasion and recipient it needs.")
    byline: PlainText | None = Field(None, description="A line printed after the text, like the author's note at the end of an article.")
    place: PlainText | None = Field(None, description="Where it was given or written, like a town.")
    occasion: PlainText | None = Field(None, description="The event a speech was given at, in a few words.")
    recipient: PlainText | None = Field(None, description="Who a letter was written to.")
    credit: PlainText | None = Field(
        None, description="The credit line under the reading, like 'Public domain.'; by default it credits the author and the publisher, if any."
    )


def paragraph_anchor(number: int) -> str:
    """The one place a paragraph's anchor is made: paragraph 4 is `#p4` on its reading's page."""
    return f"p{number}"


@dataclass(frozen=True)
class Paragraph:
    """One numbered paragraph of a reading; `number` gives the anchor `#p<number>`."""

    number: int
    text: str

    @property
    def anchor(self) -> str:
        return paragraph_anchor(self.number)


@dataclass(frozen=True)
class Reading:
    """A reading: its metadata and its paragraphs, word for word."""

    id: str
    src_uri: str
    """Path inside the docs folder, like `readings/<id>.md`."""
    meta: ReadingMeta
    paragraphs: tuple[Paragraph, ...]


@dataclass(frozen=True)
class SiteIdentity:
    """Who the site is: read from `site_name`, `site_description` and `copyright` in mkdocs.yml, the one place a teacher edits them."""

    name: str = ""
    description: str = ""
    copyright: str = ""


@dataclass(frozen=True)
class Library:
    """All content, validated and cross-checked: the single input of every later stage."""

    terms: dict[str, Term] = field(default_factory=dict)
    actors: dict[str, Actor] = field(default_factory=dict)
    events: tuple[Event, ...] = ()
    """Chronological."""
    questions: tuple[Question, ...] = ()
    """In the order the teacher wrote them."""
    annotations: tuple[Annotation, ...] = ()
    eras: tuple[Era, ...] = ()
    """Oldest first; empty when the project has no eras file."""
    camps: tuple[Camp, ...] = ()
    """In the order written; an actor is in at most one."""
    places: dict[str, Place] = field(default_factory=dict)
    basemap: Basemap | None = None
    readings: dict[str, Reading] = field(default_factory=dict)
    publishers: dict[str, Publisher] = field(default_factory=dict)
    """By name; empty when the project has no publishers file."""
    classroom: Classroom = field(default_factory=lambda: _no_classroom())
    """Self-check questions, gists and the lesson plan (see `classroom`)."""
    site: SiteIdentity = field(default_factory=lambda: SiteIdentity())
    """Name, description and copyright, from the project's configuration."""

    def entry(self, entry_id: str) -> Term | Actor:
        """The term or actor with this id."""
        return self.terms.get(entry_id) or self.actors[entry_id]

    @property
    def entries(self) -> list[Term | Actor]:
        return [*self.terms.values(), *self.actors.values()]

    @property
    def own_places(self) -> list[Place]:
        """Places with a page of their own (not explained by a term or actor)."""
        return [place for place in self.places.values() if place.same_as is None]

def _no_classroom() -> Classroom:
    from .classroom_model import Classroom

    return Classroom()
