"""Counts a story revises as it goes on: "two dead" on Monday, "three dead" on Tuesday after a victim died.

Reports of one happening come out over days, and a toll, the injured or the arrests grow as victims die, are found,
or suspects are caught. Two counts of such a slot that disagree are an update, not a dispute, when the higher one
is first reported on a later day than the lower one: the finding shows the values in time order, the latest
leading. A count that falls later, or two that differ on the same day (or without dates), stay disputed: nothing
says which came after the other.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from newsledger.reconcile.values import Value

#: Counts that grow as a story goes on (and are not revised down by later events).
RISING = frozenset({"killed", "injured", "arrested", "shot"})


class Said(Protocol):
    value: Value
    article: str


def revision_order(slot: str, groups: Sequence[Sequence[Said]], published: Callable[[str], str | None],
                   conflicts: Sequence[tuple[Sequence[Said], Sequence[Said]]]
                   ) -> list[tuple[Sequence[Said], str]] | None:
    """The value groups, each with the day it was first reported, in that order, when every conflict between
    them is a count rising on a later day; None when any conflict is not (then the finding is disputed)."""
    if slot not in RISING:
        return None
    first = {}
    for group in groups:
        dates = [day for said in group if (day := published(said.article))]
        if not dates:
            return None
        first[id(group)] = min(dates)
    for a, b in conflicts:
        earlier, later = sorted((a, b), key=lambda group: first[id(group)])
        if first[id(earlier)] == first[id(later)] or not _rises(earlier[0].value, later[0].value):
            return None
    ordered = sorted(groups, key=lambda group: (first[id(group)], group[0].value.low))
    return [(group, first[id(group)]) for group in ordered]


def _rises(before: Value, after: Value) -> bool:
    exact = before.share is None and after.share is None
    return exact and before.kind == after.kind == "count" and after.low > before.high
