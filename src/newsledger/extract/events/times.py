"""When a happening took place: the time expressions of the article (``extract/timex.py``) attached to triggers.

A trigger takes a time attached to it in the parse (its own modifiers, the verb it borrows arguments from, its
clause); else the discourse's: the calendar time nearest it in its sentence, else the last one said before it in
its paragraph — news states the time once, in the lead, and the sentences after it go on in that time ("A man
was shot Saturday night. He died at the hospital."). Durations, sets and vague references ("recently") date
nothing; a hypothetical happening takes no time from around it.
"""

from __future__ import annotations

from bisect import bisect_left
from datetime import date

from spacy.tokens import Doc, Span, Token

from newsledger.extract.events.arguments import (
    framing_verb,
    role,
    scene_clause,
    scene_verb,
    under_charge,
)
from newsledger.extract.events.lexicon import TIME_PREPS
from newsledger.extract.timex import find_times
from newsledger.extract.timex.values import time_key
from newsledger.records import TimeValue


def time_of(trigger: Token, times: dict[int, TimeValue]) -> TimeValue | None:
    """A time attached to the trigger, else to the verb that frames it, else to its clause."""
    for owner in (trigger, role(trigger), framing_verb(trigger), scene_verb(trigger), scene_clause(trigger)):
        if owner is None:
            continue
        for child in owner.children:
            if child.i in times and child.dep_ in ("poss", "npadvmod", "tmod", "compound", "nmod", "nummod", "advmod"):
                return times[child.i]
            if child.dep_ == "prep" and (child.lower_ in TIME_PREPS or child.lower_ in CLOCK_PREPS):
                for obj in child.children:
                    if obj.i in times and (child.lower_ in TIME_PREPS or _clock(times[obj.i])):
                        return times[obj.i]
    return None


#: Prepositions that bound a time of day closely enough to give its date ("shortly after 1 a.m. Tuesday").
CLOCK_PREPS = {"after", "before", "around", "about", "by", "until", "till"}


def discourse_time(trigger: Token, sentence: Span, calendar: list[TimeValue], text: str) -> TimeValue | None:
    """The calendar time of the trigger's sentence nearest it (one before it first), else the last one before the
    trigger in its paragraph; ``calendar`` holds the article's calendar times in text order, ``text`` is the
    doc's (``Doc.text`` joins every token on each call)."""
    if under_charge(trigger):
        return None
    start, end = sentence.start_char, sentence.end_char
    paragraph_start = text.rfind("\n", 0, trigger.idx) + 1
    same = [t for t in calendar if start <= t.start < end]
    if same:
        return min(same, key=lambda t: (t.start > trigger.idx, abs(t.start - trigger.idx)))
    before = [t for t in calendar if paragraph_start <= t.start < start]
    return before[-1] if before else None


def calendar_times(times: dict[int, TimeValue]) -> list[TimeValue]:
    """The distinct time expressions that name a stretch of the calendar, in text order."""
    return sorted({id(t): t for t in times.values() if time_key(t.value)}.values(), key=lambda t: t.start)


def _clock(time: TimeValue) -> bool:
    """A time of day ("1 a.m. Tuesday"), whose date a close bound does not change."""
    return "T" in (time.value or "") or any(mark in time.text.lower() for mark in ("a.m.", "p.m.", " am", " pm", "o'clock"))


def times_by_token(doc: Doc, anchor: date | None) -> dict[int, TimeValue]:
    """Each time expression that can say when an event happened under the index of every token it covers."""
    starts = [token.idx for token in doc]
    by_token: dict[int, TimeValue] = {}
    for time in filter(_says_when, find_times(doc, anchor)):
        i = bisect_left(starts, time.start)
        while i < len(starts) and starts[i] < time.end:
            by_token[i] = time
            i += 1
    return by_token


def _says_when(time: TimeValue) -> bool:
    """A date or time of day on the calendar (or one without an anchor to fix it): durations, sets and "now" or
    "recently" (PRESENT_REF, PAST_REF) say how long or how often, not when, and would read downstream as dates
    that conflict."""
    return time.type in ("DATE", "TIME") and (time.value is None or time.value[:1].isdigit())
