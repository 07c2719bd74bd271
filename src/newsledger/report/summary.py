"""A story's summary, what a desk reads first: the main happening, where and when, the key counts with their
status, and how many facts are corroborated, single-source, disputed or denied.

The main happening is the one most articles report (the first of the brief's happenings); its where and
counts are its findings' leading values (``reconcile/leading.py``: most independent origins), its when the day the
story's times point to (``reconcile/incident_day.py``: the main happening's own times weigh most), each with its
status, so a count that rests on one source reads "single source" here too; a place, time or
count the main happening has no finding for is taken from the story's other happenings (the drones shot down in a
strike's interception), and so is a finer place when the main happening's is only a state or a country. Nothing
is added that the findings do not hold.
"""

from __future__ import annotations

from typing import Any

from newsledger.reconcile.facets import tally
from newsledger.reconcile.incident_day import main_happening
from newsledger.reconcile.leading import broad, leading
from newsledger.records import CrossEvent, Finding, FindingStatus

#: The counts a summary shows, in reading order.
KEY_COUNTS = ("killed", "injured", "shot", "arrested", "launched", "shot_down", "hit")
def summarize(findings: list[Finding], happenings: list[CrossEvent]) -> dict[str, Any]:
    main = main_happening(happenings)
    own = [f for f in findings if main is not None and f.event == main.id]
    return {
        "happening": _what(main),
        "where": _where(own, findings),
        "when": _lead(findings, "time", main.id if main else None),
        "counts": [fact for slot in KEY_COUNTS if (fact := _lead(own, slot) or _lead(findings, slot))],
        "tally": tally(f.status for f in findings),
    }


def _where(own: list[Finding], findings: list[Finding]) -> dict[str, Any] | None:
    """The main happening's place; when that is only a state or a country, the story's, if finer (reports of
    one incident split into happenings: "Mississippi" for the shooting, "the 600 block of Fort Hill Drive" for
    the arrest at the scene)."""
    main = _lead(own, "place")
    if main is not None and not broad(main["normal"]):
        return main
    story = _lead(findings, "place")
    return story if story is not None and (main is None or not broad(story["normal"])) else main


def _what(happening: CrossEvent | None) -> str | None:
    if happening is None:
        return None
    words = ", ".join(happening.triggers[:3])
    return f"{happening.type.value} ({words})" if words else happening.type.value


def _lead(findings: list[Finding], slot: str, main: str | None = None) -> dict[str, Any] | None:
    """The slot's leading value and the status of its finding."""
    lead = leading([(f, v) for f in findings if f.slot == slot for v in f.values], slot, main)
    if lead is None:
        return None
    finding, value = lead
    joiner = {FindingStatus.DISPUTED: " vs ", FindingStatus.UPDATED: " → "}.get(finding.status)
    shown = joiner.join(v.value for v in finding.values) if joiner else value.value
    return {"slot": slot, "value": shown, "leading": value.value, "status": finding.status.value,
            "normal": value.normal, "origins": len(value.origins)}
