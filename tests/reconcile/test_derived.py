"""The injured a story states only as the people shot, when no report counts a death."""

from __future__ import annotations

from newsledger.reconcile.derived import injured_from_shot
from newsledger.records import (
    Event,
    EventType,
    Evidence,
    Factuality,
    Finding,
    FindingStatus,
    SlotValue,
    Span,
)


def _count(slot, n, event="e1", high="same"):
    normal = {"low": n, "high": n if high == "same" else high}
    value = SlotValue(str(n), [Evidence("a1", f"{n} were shot", 0, 5)], [], ["WSVN"], normal)
    return Finding("", "s", event, slot, FindingStatus.SINGLE_SOURCE, [value], 1, f"{slot}: {n}")


def test_the_people_shot_are_the_injured_when_no_report_counts_a_death():
    (injured,) = injured_from_shot([_count("shot", 3)], [])
    assert (injured.slot, injured.values[0].value, injured.status) == ("injured", "3", FindingStatus.SINGLE_SOURCE)
    assert injured.values[0].evidence[0].text == "3 were shot" and "no report counts anyone killed" in \
        injured.explanation
    assert injured_from_shot([_count("shot", 3), _count("killed", 0)], [])  # "no one was killed" is no death


def test_nothing_is_derived_when_a_death_or_the_injured_are_counted():
    assert injured_from_shot([_count("shot", 3), _count("killed", 1, event="e2")], []) == []
    assert injured_from_shot([_count("shot", 3), _count("killed", 1, high=None)], []) == []  # "at least one killed"
    assert injured_from_shot([_count("shot", 3), _count("injured", 2)], []) == []
    died = Event("m1", "a1", Span("died", 10, 14), EventType.DEATH)
    assert injured_from_shot([_count("shot", 3)], [died]) == []  # "the teen died": no count, still a death
    denied = Event("m1", "a1", Span("died", 10, 14), EventType.DEATH, factuality=Factuality.DENIED)
    assert injured_from_shot([_count("shot", 3)], [denied])
