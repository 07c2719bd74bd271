"""Facts a story states only through another: the injured of a shooting whose reports count the people shot and
never a death ("Three teens were shot … all three were taken to hospital in stable condition"), and the one dead
(or one injured) of a story that tells of a single person's death (or wound) without a number ("the teen died at
the hospital", "a 16-year-old girl was shot in the leg"), and the count of victims it names two by two ("killed
William Monroe and Meghan Kerrigan": two dead).

Someone shot who did not die was wounded, so when no report of the story tells of a death (no count of the
killed, no mention of someone's death: "the teen died" is an event of dying even where no count is read; a death
with no victim, "more likely to die from gunshot injuries", is no one's), a happening's
count of people shot is its count of injured. The derived finding keeps the shot finding's values, evidence,
origins and status, and says how it was read. An injured count below the fewest people shot is a part of them
("Four people were shot … One person was critically wounded") and does not stand in the way. A story that counts a
death anywhere derives nothing: which of those shot died is then a matter for the text (``counts.frame_counts``
reads "four were shot, one fatally"), unless the story counts its dead one way and never the injured: then each
happening's people shot less its dead are the injured ("shot five people … Four of the five died"), except where
a suspect died (the police's shot at a gunman, or his own, is not among the people he shot).
"""

from __future__ import annotations

import re
from dataclasses import replace

from newsledger.reconcile.counts import NUMBER, ONE_PERSON, parse_number
from newsledger.reconcile.pronouns import is_bare
from newsledger.records import (
    Event,
    EventType,
    Factuality,
    Finding,
    FindingStatus,
    SlotValue,
)

SAID = (Factuality.ASSERTED, Factuality.REPORTED)


#: The slots whose findings ``injured_from_counts`` reads.
COUNTS_READ = frozenset(("killed", "injured", "shot"))


def injured_from_counts(findings: list[Finding], events: list[Event]) -> list[Finding]:
    """The injured a story tells only through its other counts: the people shot when no one died
    (``injured_from_shot``), else the people shot less the dead (``injured_less_killed``); never both."""
    return injured_from_shot(findings, events) or injured_less_killed(findings, events)


def witnesses(events: list[Event]) -> list[Event]:
    """The fewest of a story's events that answer all ``injured_from_counts`` asks of them — a death with a victim,
    a suspect's or a self-inflicted death — so that a large story keeps these instead of all its events."""
    deaths = _deaths(events)
    victim = next((e for e in deaths if e.patient is not None), None)
    suspect = next((e for e in deaths if _of_suspect(e) or _self_inflicted(e)), None)
    return [e for e in (victim, suspect) if e is not None and (e is victim or suspect is not victim)]


def injured_from_shot(findings: list[Finding], events: list[Event]) -> list[Finding]:
    if _victims_died(events) or any(f.slot == "killed" and any(_positive(v) for v in f.values) for f in findings):
        return []
    counted = {f.event for f in findings if f.slot == "injured" and not _part_of(f, findings)}
    return [replace(f, slot="injured", values=list(f.values),
                    explanation=f"injured, read from the people shot (no report counts anyone killed): {f.explanation}")
            for f in findings if f.slot == "shot" and f.event not in counted]


def injured_less_killed(findings: list[Finding], events: list[Event]) -> list[Finding]:
    """The people shot less the dead, when no report counts the injured and the story counts its dead one way: "Adams
    robbed and shot five people … Four of the five people shot died" (one injured). A happening's largest count of
    people shot above its dead (the story's, when it has one count of people shot) gives the injured. Nothing when
    either count is disputed, or a suspect died (the police's shot at the gunman is not among the people he shot).
    The value's evidence, attributions and origins are both counts'; it is corroborated only when both are, and its
    independent origins are the fewer of the two counts'."""
    if any(f.slot == "injured" for f in findings) or any(_of_suspect(e) or _self_inflicted(e) for e in _deaths(events)):
        return []
    killed = [f for f in findings if f.slot == "killed"]
    dead = [_exact(v) for f in killed for v in f.values]
    if len(set(dead)) != 1 or None in dead:
        return []
    shot_findings = [f for f in findings if f.slot == "shot"]
    made = []
    for finding in shot_findings:
        own = [f for f in killed if f.event == finding.event] or (killed if len(shot_findings) == 1 else [])
        shot = [(n, v) for v in finding.values if (n := _exact(v)) is not None]
        if not own or not shot or any(f.status is FindingStatus.DISPUTED for f in (finding, *own)):
            continue
        count = _exact(own[0].values[0])
        n, value = max(shot, key=lambda item: item[0])
        if n <= count or count == 0:
            continue  # "no one was killed" beside a death told: the counts disagree, derive nothing
        told = [v for f in own for v in f.values]
        evidence = sorted({*value.evidence, *(e for v in told for e in v.evidence)},
                          key=lambda e: (e.article, e.start, e.end, e.attribution or ""))
        both = all(f.status is FindingStatus.CORROBORATED for f in (finding, *own))
        made.append(Finding(
            "", finding.story, finding.event, "injured",
            FindingStatus.CORROBORATED if both else FindingStatus.SINGLE_SOURCE,
            [SlotValue(str(int(n - count)), evidence, _union(value.attributions, told, "attributions"),
                       _union(value.origins, told, "origins"), {"low": n - count, "high": n - count})],
            min(f.independent_origins for f in (finding, *own)),
            f"injured, the people shot less the dead: {value.value} shot, {told[0].value} killed"))
    return made


def _union(own: list[str], others: list[SlotValue], field: str) -> list[str]:
    return sorted({*own, *(item for value in others for item in getattr(value, field))})


def _exact(value: SlotValue) -> float | None:
    bounds = _bounds(value)
    return bounds[0] if bounds and bounds[0] == bounds[1] else None


def _victims_died(events: list[Event]) -> bool:
    """Whether a report tells of someone's death: a death with no victim ("more likely to die from gunshot
    injuries") tells of no one. It may miss a real one ("police are investigating the homicide"); on GVA tune it
    gained three incidents and lost none, one net once "attempted murder" was no death (``factuality``)."""
    return any(e.patient is not None for e in _deaths(events))


def _part_of(injured: Finding, findings: list[Finding]) -> bool:
    """Whether every injured count of a happening is below the fewest people shot its reports count ("Four people
    were shot … One person was critically wounded"): a part of the wounded, not all of them."""
    shot = [_bounds(v) for f in findings if f.slot == "shot" and f.event == injured.event for v in f.values]
    if not shot or any(b is None for b in shot):
        return False
    fewest = min(low for low, _ in shot)  # "no one was injured" is no part: it says none of them were
    return bool(injured.values) and all((b := _bounds(v)) is not None and 0 < b[0] and b[1] < fewest
                                        for v in injured.values)


def _bounds(value: SlotValue) -> tuple[float, float] | None:
    normal = value.normal if isinstance(value.normal, dict) else {}
    if normal.get("low") is None or normal.get("high") is None:
        return None
    return normal["low"], normal["high"]


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
    return _one_victim(_deaths(events))


def one_wounded(events: list[Event]) -> list[Event]:
    """The shootings and injuries that count one injured, when a story counts neither the injured nor the people
    shot and tells of no death but a suspect's: every person shot or injured is one person, as for ``one_dead`` ("A
    16-year-old girl was accidentally shot in the leg", "Nicholas Cardillo III was injured"). A suspect who died
    ("the suspect died from a self-inflicted gunshot wound") is not the one the story says was wounded ("the deputy
    who was shot"), so their death blocks nothing and their own wounds count no one."""
    if not all(_of_suspect(e) for e in _deaths(events)):
        return []
    return _one_victim([e for e in events if e.factuality in SAID and not _of_suspect(e) and (
        e.type is EventType.ATTACK and e.trigger.text.casefold().startswith(WOUNDING)
        or e.type is EventType.DAMAGE and e.trigger.text.casefold().startswith(INJURING))])


def _self_inflicted(event: Event) -> bool:
    """A death whose victim is its own killer ("killed himself"): the gunman's, perhaps inside the count of the dead."""
    return event.patient is not None and event.patient.text.casefold().strip() in ("himself", "herself", "themselves")


def _of_suspect(event: Event) -> bool:
    return event.patient is not None and bool(_SUSPECT.search(event.patient.text))


def counts_told(events: list[Event], counted: set[str]) -> list[tuple[str, Event, int]]:
    """(slot, event, count) for the slots of a story no count was read for: the victims named two by two first,
    then one dead or one injured (a count read from the text always wins)."""
    told = [(slot, event, n) for slot, event, n in counted_victims(events) if slot not in counted]
    counted = counted | {slot for slot, _, _ in told}
    wounded_uncounted = not counted & {"killed", "injured", "shot"}  # one dead does not count the wounded
    if "killed" not in counted:
        told += [("killed", event, 1) for event in one_dead(events)]
    if wounded_uncounted:
        told += [("injured", event, 1) for event in one_wounded(events)]
    return told


def counted_victims(events: list[Event]) -> list[tuple[str, Event, int]]:
    """Counts a story tells by naming its victims two by two: "killed William Monroe and Meghan Kerrigan" (two
    dead), "killing his wife and their four children" (five), "wounded her brother and 4-year-old daughter" (two
    injured). Only a verb that takes people (killed, murdered, wounded, injured, shot), said or reported, whose
    object is two people or counted groups joined by "and"; a list of three or more ("A, B and C", where a comma
    may as well open an apposition) or a group without a number ("his wife and daughters") gives nothing."""
    counted = []
    for event in events:
        verb = event.trigger.text.casefold()
        slot = next((slot for slot, verbs in _VICTIM_VERBS.items() if verb in verbs), None)
        if slot is None or event.patient is None or event.factuality not in SAID:
            continue
        n = _victims(event.patient.text)
        if n is not None:
            counted.append((slot, event, n))
    return counted


_VICTIM_VERBS = {
    "killed": {"killed", "killing", "kills", "murdered", "murdering", "slew", "slaying"},
    "injured": {"wounded", "wounding", "injured", "injuring", "hurt"},
    "shot": {"shot", "shooting", "shoots"},
}
#: Words for people counted together, which say no number by themselves ("daughters", "his kids").
_GROUP_NOUNS = (r"(?:men|women|people|teens|teenagers|boys|girls|children|kids|babies|victims|students|officers"
                r"|deputies|sons|daughters|parents|brothers|sisters|cousins|friends|neighbou?rs|relatives|suspects"
                r"|residents|bystanders|drivers|passengers|classmates|others|adults|juveniles"
                r"|grand(?:mother|father|son|daughter)s|\d{1,3}-year-olds)")
_PERSON_HEADS = re.compile(
    rf"\b(?:{ONE_PERSON}|{_GROUP_NOUNS}|kid|parent|adult|classmate|neighbour|grand(?:son|daughter)"
    r"|step-?(?:father|mother|son|daughter|children)|another|(?:first|second|third|fourth|fifth|sixth)-grader"
    r"|himself|herself|him|her)\b[\s,.]*$", re.IGNORECASE)
_PLURAL_HEAD = re.compile(rf"\b{_GROUP_NOUNS}\b[\s,.]*$", re.IGNORECASE)
_AGE = re.compile(r",\s*\d{1,3},?\s*$")  # "Montez Graves, 31," : an age, not a third person
_GROUP = re.compile(rf"^(?:(?:his|her|their|the|a)\s+)?(?P<n>{NUMBER})\s+(?:[\w'’-]+\s+){{0,2}}?[\w'’-]+$",
                    re.IGNORECASE)


def _victims(phrase: str) -> int | None:
    """The people a victim phrase of two conjuncts counts, None when it is not such a phrase."""
    parts = re.split(r"\s+and\s+", phrase.strip())
    if len(parts) != 2:
        return None
    total = 0
    for part in parts:
        part = _AGE.sub("", part).strip(" ,")
        if "," in part:
            return None  # a list, or an apposition: not two for sure
        group = _GROUP.match(part)
        if group and (n := parse_number(group.group("n"))) and n[0] == n[1] and n[0] >= 1:
            total += int(n[0])
        elif _PERSON_HEADS.search(part) and not _PLURAL_HEAD.search(part) or _PERSON_NAME.fullmatch(part):
            total += 1
        else:
            return None
    return total


#: A person's name: two to four capitalised words ("William Monroe", "Meghan Kerrigan"), none a street's.
_PERSON_NAME = re.compile(r"(?:[A-Z][a-z'’-]+\s+){1,3}(?!(?:Street|Avenue|Road|Drive|Lane|Boulevard|Court|Way|Sides?"
                          r"|Park|County|City)\b)[A-Z][a-z'’-]+")


#: Triggers of an attack that hits a person (not "attack", "raid", "fire").
WOUNDING = ("shot", "shoot", "wound", "struck", "hit", "grazed", "stabb")
#: Triggers of harm to a person ("was injured", "wounded"), not to a thing ("damage", "incident").
INJURING = ("injur", "wound", "hurt")
#: A victim phrase naming the one who shot, not a victim ("the suspect", "the gunman").
_SUSPECT = re.compile(r"\b(?:suspects?|gunm[ae]n|shooters?|assailants?|attackers?|robbers?|intruders?|burglars?"
                      r"|killers?|perpetrators?)\b[\s,.]*$", re.IGNORECASE)


def _deaths(events: list[Event]) -> list[Event]:
    """The deaths the reports tell of (said or reported, not denied), counted or not."""
    return [e for e in events if e.type is EventType.DEATH and e.factuality in SAID]


def _one_victim(said: list[Event]) -> list[Event]:
    told = [e for e in said if e.patient is not None]
    if any(_PLURAL.search(e.patient.text) for e in told):
        return []
    told = [e for e in told if not is_bare(e.patient.text) or e.patient.text.casefold() in ONE_PERSON_PRONOUNS]
    names = [set(_NAME.findall(e.patient.text)) - _NOT_NAMES if _NAMED.search(e.patient.text) else set() for e in told]
    named = [found for found in names if found]
    return told if not named or set.intersection(*named) else []


#: Words that make a victim several people. A number before "year" is an age, one person's ("a seven-year-old
#: boy", "the two year old").
_PLURAL = re.compile(r"\b(?:and|or|both|all|(?:two|three|four|five|six|seven|eight|nine|ten)(?![\s-]+years?\b)"
                     r"|\d+ (?!years?\b)\w+|people|persons|men|women|children|kids|teens|teenagers|victims|others"
                     r"|boys|girls|family|families|couple|residents|officers|students)\b", re.IGNORECASE)
#: A pronoun for one person: "he died", "shot him" tell of one victim, whoever he is.
ONE_PERSON_PRONOUNS = {"he", "him", "she", "her", "himself", "herself"}
_NAME = re.compile(r"\b[A-Z][a-z'’-]+\b")
#: A victim phrase that ends in a name ("Nicholas Cardillo III", "Davey"): its capitalised words name someone. One
#: that ends in a description ("The Environmental Conservation police officer") names no one by them.
_NAMED = re.compile(r"\b[A-Z][\w'’.-]*[\s,.]*$")
_NOT_NAMES = {"A", "An", "The", "One", "Another", "This", "That", "He", "She", "Him", "Her", "His", "They", "Them"}
