"""Text helpers shared by every stage: one slugify, one way to fold text for matching."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["FOLD_TABLE", "fold", "fold_char", "is_exact", "slugify", "split_sentences"]

_FOLD = {
    "\u2018": "'", "\u2019": "'", "\u02bc": "'", "\u2032": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u00ad": "-",
    "\u00a0": " ", "\u202f": " ", "\n": " ", "\t": " ", "\r": " ",
}


def fold_char(char: str, *, lower: bool) -> str:
    """Fold one character to one character: quotes, hyphens and spaces to their plain forms.

    Keeping one character for one is what lets a match in folded text map back to the original.
    """
    char = _FOLD.get(char, char)
    if lower:
        low = char.lower()
        return low if len(low) == 1 else char
    return char


FOLD_TABLE = str.maketrans(_FOLD)


def fold(text: str, *, lower: bool = True) -> str:
    """Fold a whole string with `fold_char`; the result has the same length as `text`."""
    folded = text.translate(FOLD_TABLE)
    if not lower:
        return folded
    low = folded.lower()
    # str.lower() can lengthen a few characters ('İ'); fall back to one-for-one folding then.
    return low if len(low) == len(text) else "".join(fold_char(char, lower=True) for char in text)


def is_exact(name: str, case_sensitive: bool | None) -> bool:
    """Whether `name` matches only as written: by default, ALL-CAPS names like 'UNESCO' do."""
    if case_sensitive is not None:
        return case_sensitive
    letters = [char for char in name if char.isalpha()]
    return bool(letters) and all(char.isupper() for char in letters)


def slugify(text: str) -> str:
    """The one slug function: `Côte d'Ivoire` → `cote-divoire`."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = re.sub(r"['\u2019\u2018]", "", text.lower())
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


_SENTENCE_END = re.compile(r"[.!?][\"\u201d\u2019)]?(?=\s+[\"\u201c\u2018(]?[A-Z0-9])")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Start and end offsets of each sentence in `text` (a simple rule: ., ! or ? then a capital)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        spans.append((start, match.end()))
        start = match.end()
        while start < len(text) and text[start].isspace():
            start += 1
    spans.append((start, len(text)))
    return [(begin, end) for begin, end in spans if text[begin:end].strip()]
