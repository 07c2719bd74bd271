"""A report's dateline: the town it is filed from, written in capitals before a dash at the head of the text
("HAWTHORNE (CBSLA.com) —", "KANSAS CITY, Mo. --", "AUBURN, Wash. —").

Local news files a report from the town where the happening is; the events' places use it (``geocode``) for the
happenings of the lead that name no town of their own, with the dateline's own span as the evidence. The report's
first sentence starts after the dash (``lead_start``): parsed as one sentence with it, the town became the subject
("GALLATIN – An off-duty officer was shot": GALLATIN was shot).
"""

from __future__ import annotations

import re

from newsledger.records import Span

#: How far into the text a dateline may stand (after a headline or a time stamp the page kept).
REACH = 400
_DATELINE = re.compile(
    r"(?:^|\n|\s{2,}|(?<=[AP]M)\s+|(?<=\d{4})\s+)(?P<town>[A-Z][A-Z.'’]+(?:[ -][A-Z][A-Z.'’]+){0,3})"
    r"(?P<state>,\s*[A-Z][A-Za-z.]{1,14}(?:\s[A-Z][A-Za-z.]{1,14}){0,2})?\s*(?:\([^()\n]{1,40}\))?\s*(?:[—–]|--?\s)")
#: Capitalised words that open a text without being a town.
NOT_TOWNS = {"FILE", "UPDATE", "UPDATED", "BREAKING", "WATCH", "VIDEO", "PHOTOS", "PHOTO", "LIVE", "EXCLUSIVE",
             "ADVERTISEMENT", "CLOSE", "SHARE", "EDITOR'S NOTE", "NOTE", "AP", "CNN"}


def dateline(text: str) -> Span | None:
    """The dateline's town (and state, when written) as a span of ``text``, or None."""
    found = _found(text)
    if found is None:
        return None
    end = found.end("state") if found.group("state") else found.end("town")
    return Span(text[found.start("town"):end], found.start("town"), end)


def town_end(scene: Span) -> int:
    """Where the town of a dateline ends, before the state written after it ("COLUMBUS" of "COLUMBUS, Ohio")."""
    return scene.start + len(scene.text.split(",")[0].rstrip())


def lead_start(text: str) -> int | None:
    """Where the report's first sentence starts, after the dateline's dash; None without a dateline."""
    found = _found(text)
    return found.end() if found is not None else None


def _found(text: str) -> re.Match[str] | None:
    for found in _DATELINE.finditer(text[:REACH]):
        town = found.group("town")
        if town and town.strip(" .") not in NOT_TOWNS and any(c.isalpha() for c in town) and len(town) >= 3:
            return found
    return None
