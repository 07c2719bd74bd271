"""Ordering and wording of TIMEX3 values for timelines.

A timeline holds only values that name a stretch of the calendar (a year, quarter, month, week, day, or a time
of that day); durations ("P3Y"), sets and references such as "PAST_REF" say when nothing happened and are left
out, as are values with unknown digits ("XXXX-06"). The sort key puts a stretch at its start, the coarser first
when two start together (the month before the 1st, the day before its 05:38), so "2023-01" precedes
"2023-01-28", which precedes "2023-01-28T05:38".
"""

from __future__ import annotations

import re
from datetime import date, timedelta

_VALUE = re.compile(
    r"(?P<year>\d{4})(?:-(?:(?P<month>\d{2})(?:-(?P<day>\d{2})(?:T(?P<time>\d{2}:\d{2}(?::\d{2})?|MO|AF|EV|NI|DT))?)?"
    r"|W(?P<week>\d{2})(?P<weekend>-WE)?|Q(?P<quarter>[1-4])|H(?P<half>[12])|(?P<season>SP|SU|FA|WI)))?"
)
_PART_OF_DAY = {"MO": ("06:00", "morning"), "AF": ("12:00", "afternoon"), "DT": ("09:00", "daytime"),
                "EV": ("18:00", "evening"), "NI": ("21:00", "night")}
_SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_SEASON_NAME = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}


#: The granularity rank ``time_key`` gives a time of day ("9 p.m.", "Saturday night"), the finest.
TIME_OF_DAY = 5


def time_key(value: str | None) -> tuple[str, int, str] | None:
    """(ISO start day, granularity rank, time of day) for a calendar value, else None."""
    found = _VALUE.fullmatch(value or "")
    if not found:
        return None
    start = _start(found)
    if start is None:
        return None
    rank, clock = 0, ""
    if found["time"]:
        rank, clock = TIME_OF_DAY, _PART_OF_DAY.get(found["time"], (found["time"], ""))[0]
    elif found["day"]:
        rank = 4
    elif found["week"]:
        rank = 3
    elif found["month"]:
        rank = 2
    elif found["quarter"] or found["half"] or found["season"]:
        rank = 1
    return start.isoformat(), rank, clock


def _start(found: re.Match[str]) -> date | None:
    year = int(found["year"])
    try:
        if found["week"]:
            return date.fromisocalendar(year, int(found["week"]), 6 if found["weekend"] else 1)
        if found["quarter"]:
            return date(year, 3 * int(found["quarter"]) - 2, 1)
        if found["half"]:
            return date(year, 6 * int(found["half"]) - 5, 1)
        if found["season"]:
            return date(year, _SEASON_MONTH[found["season"]], 1)
        return date(year, int(found["month"] or 1), int(found["day"] or 1))
    except ValueError:
        return None


def when_label(value: str | None) -> str | None:
    """How a reader is shown a calendar value: "2016-06-04 05:38", "2016-06-04 morning", "week of 2023-01-23"."""
    found = _VALUE.fullmatch(value or "")
    if not found or time_key(value) is None:
        return None
    if found["time"]:
        clock = _PART_OF_DAY.get(found["time"], (None, found["time"]))[1]
        return f"{value[:10]} {clock}"
    if found["weekend"]:
        return f"weekend of {_start(found).isoformat()}"
    if found["week"]:
        return f"week of {date.fromisocalendar(int(found['year']), int(found['week']), 1).isoformat()}"
    if found["season"]:
        return f"{_SEASON_NAME[found['season']]} {found['year']}"
    return value


def stretch(value: str | None) -> tuple[date, date] | None:
    """The days a calendar value covers, as [first, last]: a year, quarter, half, season, month, week or day (a
    time of day covers its day); None for what names no stretch of the calendar."""
    found = _VALUE.fullmatch(value or "")
    start = _start(found) if found else None
    if start is None:
        return None
    if found["day"]:
        return start, start
    if found["week"]:
        return start, start + timedelta(days=1 if found["weekend"] else 6)
    months = 3 if found["quarter"] or found["season"] else 6 if found["half"] else 1 if found["month"] else 12
    following = start.month - 1 + months
    return start, date(start.year + following // 12, following % 12 + 1, 1) - timedelta(days=1)


def day_of(value: str | None) -> date | None:
    """The day a value names, when it names one (a time of day included), else None."""
    found = _VALUE.fullmatch(value or "")
    if not found or not found["day"]:
        return None
    try:
        return date(int(found["year"]), int(found["month"]), int(found["day"]))
    except ValueError:
        return None


