"""Character ranges of a text: what is left of a span once holes are cut out of it (an attribution's content
without the quotes' speaker tags, ``records.Attribution.content_pieces``)."""

from __future__ import annotations

from collections.abc import Iterable


def pieces(text: str, span: tuple[int, int], holes: Iterable[tuple[int, int]], base: int = 0) -> list[tuple[int, int]]:
    """What is left of the character range ``span`` once the ``holes`` (which may overlap it or each other) are
    cut out: the pieces that have a word, without the whitespace and joining punctuation at their edges, in
    text order. ``text`` starts at offset ``base``."""
    found, start = [], span[0]
    for hole_start, hole_end in sorted((*(h for h in holes if h[0] <= h[1]), (span[1], span[1]))):
        if hole_start > start:
            found.append(_trimmed(text, start, min(hole_start, span[1]), base))
        start = max(start, hole_end)
        if start >= span[1]:
            break
    return [piece for piece in found if piece is not None]


def _trimmed(text: str, start: int, end: int, base: int) -> tuple[int, int] | None:
    while start < end and (text[start - base].isspace() or text[start - base] in ".,;:—–-"):
        start += 1
    while end > start and (text[end - 1 - base].isspace() or text[end - 1 - base] in ",;:—–-"):
        end -= 1
    return (start, end) if any(c.isalnum() for c in text[start - base:end - base]) else None
