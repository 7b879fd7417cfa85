"""Where each entry is mentioned in the readings: the data behind every "In the reading" section."""

from __future__ import annotations

from dataclasses import dataclass

from .linker import Linker
from .model import Library
from .text import split_sentences

__all__ = ["Mention", "find_mentions"]


@dataclass(frozen=True)
class Mention:
    """One mention of an entry in one paragraph, with its sentence for quoting."""

    reading_id: str
    paragraph: int
    sentence: str
    start: int
    """Offset of the mention inside `sentence`."""
    end: int

    @property
    def before(self) -> str:
        return self.sentence[: self.start]

    @property
    def words(self) -> str:
        return self.sentence[self.start : self.end]

    @property
    def after(self) -> str:
        return self.sentence[self.end :]


def find_mentions(library: Library, linker: Linker) -> dict[str, list[Mention]]:
    """Every mention of every entry in every reading, in reading order (all of them, not only linked ones)."""
    found: dict[str, list[Mention]] = {}
    for reading in library.readings.values():
        for paragraph in reading.paragraphs:
            sentences = split_sentences(paragraph.text)
            for match in linker.find(paragraph.text):
                begin, end = next(((b, e) for b, e in sentences if b <= match.start < e), (0, len(paragraph.text)))
                found.setdefault(match.target_id, []).append(
                    Mention(reading.id, paragraph.number, paragraph.text[begin:end], match.start - begin, min(match.end, end) - begin)
                )
    return found
