"""Facts a story states only through another: the injured of a shooting whose reports count the people shot and
never a death ("Three teens were shot … all three were taken to hospital in stable condition"), and the one dead
(or one injured) of a story that tells of a single person's death (or wound) without a number ("the teen died at
the hospital", "a 16-year-old girl was shot in the leg").

Someone shot who did not die was wounded, so when no report of the story tells of a death (no count of the
killed, no mention of a death: "the teen died" is an event of dying even where no count is read), a happening's
count of people shot is its count of injured. The derived finding keeps the shot finding's values, evidence,
origins and status, and says how it was read. A story that counts a death anywhere derives nothing: which of those
shot died is then a matter for the text (``counts.frame_counts`` reads "four were shot, one fatally").
"""

from __future__ import annotations

import re
from dataclasses import replace

from newsledger.reconcile.pronouns import is_bare
from newsledger.records import Event, EventType, Factuality, Finding, SlotValue

SAID = (Factuality.ASSERTED, Factuality.REPORTED)


def injured_from_shot(findings: list[Finding], events: list[Event]) -> list[Finding]:
    if _death_told(events) or any(f.slot == "killed" and any(_positive(v) for v in f.values) for f in findings):
        return []
    counted = {f.event for f in findings if f.slot == "injured"}
    return [replace(f, slot="injured", values=list(f.values),
                    explanation=f"injured, read from the people shot (no report counts anyone killed): {f.explanation}")
            for f in findings if f.slot == "shot" and f.event not in counted]


def _positive(value: SlotValue) -> bool:
    normal = value.normal if isinstance(value.normal, dict) else {}
    return normal.get("high") is None or normal.get("high", 0) > 0


def one_dead(events: list[Event]) -> list[Event]:
    """The deaths that count one dead, when a story gives no number of the killed: the deaths it tells of (said or
    reported, not denied) with a victim have one person as their victim ("the teen", "15-year-old Robert Durrum",
    "Durrum", "he died"; a death with no victim, "the murder", or "they", "it", adds no one), and the names
    among them are of one person (they share a name). Two victims named apart, a plural or a coordinated victim
    ("a man and a woman") give nothing: the count is then not one for sure. A bare "one" ("the death of one")
    adds no one and blocks nothing (blocking, as session 9 did, lost two incidents of 469 on GVA tune and saved
    none)."""
    return _one_victim([e for e in events if e.type is EventType.DEATH and e.factuality in SAID])


def one_wounded(events: list[Event]) -> list[Event]:
    """The shootings that count one injured, when a story counts neither the dead, the injured nor the people shot
    and tells of no death: every person shot is one person, as for ``one_dead`` ("A 16-year-old girl was
    accidentally shot in the leg", "the girl, who was hit in the leg")."""
    if _death_told(events):
        return []
    return _one_victim([e for e in events if e.type is EventType.ATTACK and e.factuality in SAID
                        and e.trigger.text.casefold().startswith(WOUNDING)])


#: Triggers of an attack that hits a person (not "attack", "raid", "fire").
WOUNDING = ("shot", "shoot", "wound", "struck", "hit", "grazed", "stabb")


def _death_told(events: list[Event]) -> bool:
    """Whether any report tells of a death (said or reported, not denied), counted or not."""
    return any(e.type is EventType.DEATH and e.factuality in SAID for e in events)


def _one_victim(said: list[Event]) -> list[Event]:
    told = [e for e in said if e.patient is not None]
    if any(_PLURAL.search(e.patient.text) for e in told):
        return []
    told = [e for e in told if not is_bare(e.patient.text) or e.patient.text.casefold() in ONE_PERSON_PRONOUNS]
    names = [set(_NAME.findall(e.patient.text)) - _NOT_NAMES for e in told]
    named = [found for found in names if found]
    return told if not named or set.intersection(*named) else []


_PLURAL = re.compile(r"\b(?:and|or|both|all|two|three|four|five|six|seven|eight|nine|ten|\d+ (?!years?\b)\w+|people"
                     r"|persons|men|women|children|kids|teens|teenagers|victims|others|boys|girls|family|families"
                     r"|couple|residents|officers|students)\b", re.IGNORECASE)
#: A pronoun for one person: "he died", "shot him" tell of one victim, whoever he is.
ONE_PERSON_PRONOUNS = {"he", "him", "she", "her", "himself", "herself"}
_NAME = re.compile(r"\b[A-Z][a-z'’-]+\b")
_NOT_NAMES = {"A", "An", "The", "One", "Another", "This", "That"}
