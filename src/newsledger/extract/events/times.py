"""When a happening took place: the time expressions of the article (``extract/timex.py``) attached to triggers."""

from __future__ import annotations

from bisect import bisect_left
from datetime import date

from spacy.tokens import Doc, Token

from newsledger.extract.events.arguments import clause, framing_verb, role
from newsledger.extract.events.lexicon import TIME_PREPS
from newsledger.extract.timex import find_times
from newsledger.records import TimeValue


def time_of(trigger: Token, times: dict[int, TimeValue]) -> TimeValue | None:
    """A time attached to the trigger, else to the verb that frames it, else to its clause."""
    for owner in (trigger, role(trigger), framing_verb(trigger), clause(trigger)):
        if owner is None:
            continue
        for child in owner.children:
            if child.i in times and child.dep_ in ("poss", "npadvmod", "tmod", "compound", "nmod", "nummod", "advmod"):
                return times[child.i]
            if child.dep_ == "prep" and child.lower_ in TIME_PREPS:
                for obj in child.children:
                    if obj.i in times:
                        return times[obj.i]
    return None


def times_by_token(doc: Doc, anchor: date | None) -> dict[int, TimeValue]:
    """Each time expression under the index of every token it covers."""
    starts = [token.idx for token in doc]
    by_token: dict[int, TimeValue] = {}
    for time in find_times(doc, anchor):
        i = bisect_left(starts, time.start)
        while i < len(starts) and starts[i] < time.end:
            by_token[i] = time
            i += 1
    return by_token
