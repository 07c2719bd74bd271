"""The values a text says of a slot, and where it says them: shared by the slot readers (``slots``, ``counts``)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Value:
    """A normalised slot value; ``kind`` says which fields mean something."""

    kind: str  # count, magnitude, level, category, name, date
    label: str  # how a person reads it: "2 of 3", "at least 10", "minor", "drone", "Mossad", "2023-01-28"
    low: float = 0.0
    high: float = 0.0
    share: float | None = None  # counts: 1 for "all", k/n for "k of n"
    key: str = ""


@dataclass(frozen=True, slots=True)
class Found:
    """A value found in a text: its slot, its exact span, and the spans that completed it (a count's total)."""

    slot: str
    start: int
    end: int
    value: Value
    support: tuple[tuple[int, int], ...] = ()
