"""Where each entry is mentioned in the readings: the data behind every "In the reading" section."""

from __future__ import annotations

from dataclasses import dataclass

from .linker import Linker
from .model import Library
from .text import split_sentences

__all__ = ["Mention", "find_mentions"]


@dataclass(frozen=True)
class Mention:
    """The mentions of one entry in one sentence of a paragraph, kept for quoting."""

    reading_id: str
    paragraph: int
    sentence: str
    spans: tuple[tuple[int, int], ...]
    """Offsets of each mention inside `sentence`, in order."""
    offset: int = 0
    """Where the sentence starts in its paragraph, to keep quotes in reading order."""

    def pieces(self) -> list[tuple[str, bool]]:
        """The sentence cut into (text, is_mention) pieces, for highlighting."""
        pieces: list[tuple[str, bool]] = []
        position = 0
        for start, end in self.spans:
            pieces += [(self.sentence[position:start], False), (self.sentence[start:end], True)]
            position = end
        pieces.append((self.sentence[position:], False))
        return [piece for piece in pieces if piece[0]]


def find_mentions(library: Library, linker: Linker) -> dict[str, list[Mention]]:
    """Every mention of every entry in every reading, in reading order, one item per sentence.

    An entry scoped to some readings is only looked for in those.
    """
    spans: dict[tuple[str, str, int, int, int], list[tuple[int, int]]] = {}
    for reading in library.readings.values():
        scope = (reading.id,)
        for paragraph in reading.paragraphs:
            sentences = split_sentences(paragraph.text)
            for match in linker.find(paragraph.text, scope):
                begin, end = next(((b, e) for b, e in sentences if b <= match.start < e), (0, len(paragraph.text)))
                key = (match.target_id, reading.id, paragraph.number, begin, end)
                spans.setdefault(key, []).append((match.start - begin, min(match.end, end) - begin))
    found: dict[str, list[Mention]] = {}
    for (target_id, reading_id, number, begin, end), offsets in spans.items():
        text = library.readings[reading_id].paragraphs[number - 1].text
        found.setdefault(target_id, []).append(Mention(reading_id, number, text[begin:end], tuple(offsets), begin))
    return found
