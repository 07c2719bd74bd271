"""The values a text says of a slot, and where it says them: shared by the slot readers (``slots``, ``counts``)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from newsledger.records import Geo, from_dict, to_dict


@dataclass(frozen=True, slots=True)
class Value:
    """A normalised slot value; ``kind`` says which fields mean something."""

    kind: str  # count, magnitude, level, category, name, date, place
    label: str  # how a person reads it: "2 of 3", "at least 10", "minor", "drone", "Mossad", "2023-01-28"
    low: float = 0.0
    high: float = 0.0
    share: float | None = None  # counts: 1 for "all", k/n for "k of n"
    key: str = ""
    geo: Geo | None = None  # places: the gazetteer entry the place was resolved to
    street: bool = False  # places: a street address (inside some town the value does not name)

    def normal(self) -> dict | str | None:
        """The machine-readable form of the value in the export: a count's ``{low, high}`` (null for unbounded),
        a time's ISO value, a place's ``{text, geo, street}`` (street: an address inside some town); None for the other kinds (their label is their normal)."""
        if self.kind == "count":
            return {"low": _bound(self.low), "high": _bound(self.high)}
        if self.kind == "date":
            return _iso(self.key)
        if self.kind == "place":
            return {"text": self.label, "geo": to_dict(self.geo) if self.geo else None, "street": self.street}
        return None


def _iso(value: str) -> str | None:
    """A TIMEX3 value as ISO 8601: a time of day kept ("2016-06-04T05:38"), a part of day dropped
    ("2016-06-04TNI" → "2016-06-04"), a week or month as it is ("2023-W04", "2023-01")."""
    if not value:
        return None
    day, _, clock = value.partition("T")
    return value if clock[:1].isdigit() else day


def _bound(number: float) -> float | int | None:
    if math.isinf(number):
        return None
    return int(number) if float(number).is_integer() else round(number, 3)


def value_to_json(value: Value) -> dict:
    return {"kind": value.kind, "label": value.label, "low": _number(value.low), "high": _number(value.high),
            "share": _number(value.share), "key": value.key, "street": value.street,
            "geo": to_dict(value.geo) if value.geo else None}


def value_from_json(data: dict) -> Value:
    return Value(data["kind"], data["label"], _revive(data["low"]), _revive(data["high"]), _revive(data["share"]),
                 data["key"], from_dict(Geo, data["geo"]) if data["geo"] else None, data["street"])


def _number(number: float | None) -> float | str | None:
    """JSON has no infinity (PostgreSQL refuses it): an unbounded count keeps it as a string."""
    return str(number) if number is not None and math.isinf(number) else number


def _revive(number: float | str | None) -> float | None:
    return float(number) if isinstance(number, str) else number


@dataclass(frozen=True, slots=True)
class Found:
    """A value found in a text: its slot, its exact span, and the spans that completed it (a count's total)."""

    slot: str
    start: int
    end: int
    value: Value
    support: tuple[tuple[int, int], ...] = ()
