"""Facts a story states only through another: the injured of a shooting whose reports count the people shot and
never a death ("Three teens were shot … all three were taken to hospital in stable condition").

Someone shot who did not die was wounded, so when no report of the story tells of a death (no count of the
killed, no mention of a death: "the teen died" is an event of dying even where no count is read), a happening's
count of people shot is its count of injured. The derived finding keeps the shot finding's values, evidence,
origins and status, and says how it was read. A story that counts a death anywhere derives nothing: which of those
shot died is then a matter for the text (``counts.frame_counts`` reads "four were shot, one fatally").
"""

from __future__ import annotations

from dataclasses import replace

from newsledger.records import Event, EventType, Factuality, Finding, SlotValue

SAID = (Factuality.ASSERTED, Factuality.REPORTED)


def injured_from_shot(findings: list[Finding], events: list[Event]) -> list[Finding]:
    if any(e.type is EventType.DEATH and e.factuality in SAID for e in events) or \
            any(f.slot == "killed" and any(_positive(v) for v in f.values) for f in findings):
        return []
    counted = {f.event for f in findings if f.slot == "injured"}
    return [replace(f, slot="injured", values=list(f.values),
                    explanation=f"injured, read from the people shot (no report counts anyone killed): {f.explanation}")
            for f in findings if f.slot == "shot" and f.event not in counted]


def _positive(value: SlotValue) -> bool:
    normal = value.normal if isinstance(value.normal, dict) else {}
    return normal.get("high") is None or normal.get("high", 0) > 0
