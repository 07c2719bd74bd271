"""The values said in each region of an article, found once and kept.

Resolving a story reads values (``slots.find_values``) in every mention region of every article; what a region
says depends on the article's text alone, so a story that gains one article need not read its thousands of
other articles again. ``RegionValues`` answers for a region from what it already knows (loaded from the ledger)
and reads only the regions it does not, keeping them in ``new`` for the ledger. What is kept is exactly what
``find_values`` gives, with the part-of relations it states, so findings are the same whether a region is read
or recalled. ``version()`` fingerprints the code that reads values: when that code changes, kept values of an
older version are not used.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from newsledger.fingerprint import fingerprint
from newsledger.reconcile.slots import Relations, find_values
from newsledger.reconcile.values import Found, value_from_json, value_to_json

Region = tuple[str, int, int]  # (article, start, end): offsets into the article's text


@dataclass(frozen=True, slots=True)
class Said:
    """What ``find_values`` gives for one region: its values and the part-of relations it states."""

    found: tuple[Found, ...]
    part_of: tuple[tuple[str, str], ...]


class RegionValues:
    """Values by region: recalled when known, else read (and kept in ``new``)."""

    def __init__(self, known: dict[Region, Said] | None = None) -> None:
        self.known: dict[Region, Said] = dict(known or {})
        self.new: dict[Region, Said] = {}

    def found(self, article: str, text: str, start: int, end: int, relations: Relations) -> list[Found]:
        """``find_values(text, start, end, relations)``, recalled when this region was read before."""
        region = (article, start, end)
        said = self.known.get(region)
        if said is None:
            own = Relations()
            said = Said(tuple(find_values(text, start, end, own)), tuple(sorted(own.part_of)))
            self.known[region] = self.new[region] = said
        relations.part_of.update(said.part_of)
        return list(said.found)


# --- the form kept in the ledger -----------------------------------------------------------------------------

def said_to_json(said: Said) -> dict[str, Any]:
    return {"found": [_found_to_json(f) for f in said.found], "part_of": [list(pair) for pair in said.part_of]}


def said_from_json(data: dict[str, Any]) -> Said:
    return Said(tuple(_found_from_json(f) for f in data["found"]), tuple(tuple(pair) for pair in data["part_of"]))


def _found_to_json(found: Found) -> dict[str, Any]:
    return {"slot": found.slot, "start": found.start, "end": found.end, "support": [list(s) for s in found.support],
            "value": value_to_json(found.value)}


def _found_from_json(data: dict[str, Any]) -> Found:
    return Found(data["slot"], data["start"], data["end"], value_from_json(data["value"]),
                 tuple((s, e) for s, e in data["support"]))


@cache
def version() -> str:
    """The fingerprint of the code that reads values: kept values of another version were read by other code and
    are not used. Computed when a resolution first asks, not when the module is imported (every command that
    renders a brief imports it)."""
    return fingerprint(__name__)
