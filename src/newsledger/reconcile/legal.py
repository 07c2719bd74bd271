"""A happening's status in law, as the reports give it: ruled accidental or a homicide, self-defence, the charge
brought ("charged with first-degree murder"). Two statuses conflict when one says no crime was meant and the
other that one was: police calling a shooting accidental while prosecutors charge murder is a real disagreement a
desk wants flagged; two charges ("murder", "assault") are not.
"""

from __future__ import annotations

import re

from newsledger.reconcile.values import Found, Value

#: How each status reads, and whether it says a crime was meant (True), not meant (False), or leaves it open.
STATUSES = {
    "accidental": False, "self-defense": False, "justified": False,
    "homicide": True, "murder": True, "manslaughter": None, "attempted murder": True, "assault": None,
}
_CHARGE = re.compile(
    r"\b(?:charged(?:\s+[\w.'-]+){0,3}?\s+with|faces?|facing|indicted (?:on|for)|arrested (?:on|for)|booked (?:on|for)|convicted of|"
    r"pleaded guilty to)\s+(?:(?:one|two|three|\w+) counts? of\s+)?(?:first|second|third)?[- ]?(?:degree\s+)?"
    r"(?P<charge>attempted murder|murder|manslaughter|aggravated assault|assault)\b", re.IGNORECASE)
_RULED = re.compile(
    r"\b(?:ruled|deemed|called|considered|described as|appears to have been|was|were)\s+(?:an?\s+)?"
    r"(?P<status>accidental|an accident|a homicide|homicide|self-defen[cs]e|justified)\b"
    r"|\b(?P<adverb>accidentally)\s+(?:shot|discharged|fired|killed)\b"
    r"|\bin\s+(?P<defense>self-defen[cs]e)\b", re.IGNORECASE)


def legal_statuses(text: str) -> list[Found]:
    found = []
    for m in _CHARGE.finditer(text):
        charge = m.group("charge").lower().replace("aggravated ", "")
        found.append(Found("legal", m.start(), m.end(), Value("legal", f"charged with {charge}", key=charge)))
    for m in _RULED.finditer(text):
        said = (m.group("status") or m.group("adverb") or m.group("defense")).lower()
        key = ("accidental" if "accident" in said else "homicide" if "homicide" in said
               else "self-defense" if "self-defen" in said else "justified")
        found.append(Found("legal", m.start(), m.end(), Value("legal", key, key=key)))
    return found


def conflicting(a: Value, b: Value) -> bool:
    """One status says no crime was meant, the other that one was."""
    meant = {STATUSES.get(a.key), STATUSES.get(b.key)}
    return meant == {True, False}
