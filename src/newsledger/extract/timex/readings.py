"""TIMEX3 readings: the functions that turn a rule's match into a TIMEX3 type and value against the anchor (the
publication date), the tense of the clause and the times the text named before.

Conventions follow TimeML / TempEval-3: dates at the granularity the text fixes ("1998-08-07", "1998-08",
"1998-W32", "1998-Q3", "1998-SU", "199" for the 1990s), times of day after "T" ("T05:38", "TMO" for a morning),
durations in ISO 8601 ("P3Y", "PT2H", "PXD" for "a few days"), sets as their period ("P1W") or a pattern
("XXXX-WXX-1"), and PRESENT_REF / PAST_REF / FUTURE_REF. A value that needs the anchor is None without one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from newsledger.extract.timex import calendar
from newsledger.extract.timex.lexicon import (
    DAY_WORDS,
    FREQUENCIES,
    MONTHS,
    NUMBER_WORDS,
    ORDINALS,
    PARTS_OF_DAY,
    REFERENCES,
    SEASONS,
    UNIT_FORMS,
    UNITS,
    WEEKDAYS,
)


@dataclass(frozen=True, slots=True)
class Context:
    """What a relative expression is resolved against: the anchor and the tense of its clause (-1 past, 0 not
    known, +1 future)."""

    anchor: date | None
    direction: int = 0
    last_day: date | None = None  # the latest day the text named before the expression (a bare clock time's day)
    last_quarter: str | None = None  # the quarter the text is discussing ("1989-Q3"), for "a year earlier"
    last_date: str | None = None  # the latest calendar value the text named ("1998-10-23"), for "that year"


@dataclass(frozen=True, slots=True)
class Reading:
    type: str
    value: str | None
    anchored: bool = False  # the anchor was needed to get the value


def _month(match: re.Match) -> int:
    return MONTHS[match["month"].lower().rstrip(".")]


def _count(text: str) -> int | None:
    """The number a count names ("twenty-five", "3", "a"), or None when vague ("several")."""
    words = re.split(r"[\s-]+", text.lower())
    if words[0].replace(".", "", 1).isdigit():
        return int(float(words[0]))
    if " ".join(words) in NUMBER_WORDS:
        return NUMBER_WORDS[" ".join(words)] or None
    values = [NUMBER_WORDS.get(word) for word in words]
    if None in values or not values:
        return None
    return (values[0] * values[1] if values[-1] == 100 and len(values) == 2 else sum(values)) or None


#: A unit's next smaller one and how many of those it holds, to write a half ("2 1/2 years" → P2Y6M).
_HALVES = {"year": ("M", False, 12), "month": ("D", False, 30), "week": ("D", False, 7), "day": ("H", True, 24),
           "hour": ("M", True, 60), "minute": ("S", True, 60)}


def duration(count: int | None, unit: str, half: bool = False) -> str:
    """ISO 8601 duration: P3Y, PT2H, P2W, P2Y6M for "2 1/2 years"; decades and centuries in years (P20Y)."""
    letter, clock, multiplier = UNITS[unit]
    if half and count is not None and unit in _HALVES:
        small, small_clock, per = _HALVES[unit]
        whole = f"{count}{letter}" if count else ""
        if clock:
            return f"PT{whole}{per // 2}{small}"
        return f"P{whole}{'T' if small_clock else ''}{per // 2}{small}"
    amount = "X" if count is None else str(count * multiplier)
    if letter == "Q":
        return f"P{amount}Q" if count is None else f"P{count * 3}M"
    if letter == "WE":
        return f"P{amount}WE"
    if letter in ("E", "C") and count is not None:
        return f"P{count * (10 if letter == 'E' else 100)}Y"
    return f"PT{amount}{letter}" if clock else f"P{amount}{letter}"


def iso(match: re.Match, context: Context) -> Reading:
    day = calendar.safe_date(int(match["year"]), int(match["month"]), int(match["day"]))
    if day is None:
        return Reading("DATE", None)
    if match["hour"]:
        return Reading("TIME", f"{day.isoformat()}T{match['hour']}:{match['minute']}")
    return Reading("DATE", day.isoformat())


def slashed(match: re.Match, context: Context) -> Reading:
    year = int(match["year"])
    year += 1900 if year >= 50 and year < 100 else 2000 if year < 50 else 0
    day = calendar.safe_date(year, int(match["month"]), int(match["day"]))
    return Reading("DATE", day.isoformat() if day else None)


def full_date(match: re.Match, context: Context) -> Reading:
    """A month and day, with or without a year: the year, else the tense's side of the anchor."""
    month, day = _month(match), int(match["day"])
    if match["year"]:
        found = calendar.safe_date(int(match["year"]), month, day)
        anchored = False
    elif context.anchor is None:
        return Reading("DATE", None)
    else:
        found, anchored = calendar.month_day(month, day, context.anchor, context.direction), True
    if found is None:
        return Reading("DATE", None)
    return _with_part(found.isoformat(), match, anchored)


def month_year(match: re.Match, context: Context) -> Reading:
    return Reading("DATE", f"{match['year']}-{_month(match):02d}")


def month_alone(match: re.Match, context: Context) -> Reading:
    month, which = _month(match), (match["which"] or "").lower()
    if context.anchor is None:
        return Reading("DATE", None)
    direction = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(which, context.direction)
    if which == "this":
        return Reading("DATE", f"{context.anchor.year:04d}-{month:02d}", True)
    return Reading("DATE", calendar.month_of(month, context.anchor, direction), True)


def month_relative_year(match: re.Match, context: Context) -> Reading:
    """"January this year", "April next year": the month of the year the anchor names."""
    if context.anchor is None:
        return Reading("DATE", None)
    year = context.anchor.year + _STEPS[match["which"].lower()]
    return Reading("DATE", f"{year:04d}-{_month(match):02d}", True)


def year(match: re.Match, context: Context) -> Reading:
    return Reading("DATE", match["year"])


def quarter(match: re.Match, context: Context) -> Reading:
    """"the third quarter" is the anchor's year's (the news reports the quarter just closed); with a year, that."""
    number = ORDINALS[match["ordinal"].lower()]
    if match["year"]:
        return Reading("DATE", f"{match['year']}-Q{number}")
    if context.anchor is None:
        return Reading("DATE", None)
    year = context.anchor.year
    if context.direction < 0 and number > calendar.quarter_of(context.anchor):
        year -= 1
    return Reading("DATE", f"{year:04d}-Q{number}", True)


def reported_quarter(context: Context, step: int) -> Reading:
    """"the quarter" in a results report is the one the text is discussing, else the last one closed before the
    anchor; "the year-ago quarter" is that quarter a year before."""
    if context.last_quarter:
        return Reading("DATE", _year_before(context.last_quarter) if step else context.last_quarter, True)
    if context.anchor is None:
        return Reading("DATE", None)
    return Reading("DATE", calendar.shift(context.anchor, "quarter", step - 1), True)


def _year_before(quarter: str) -> str:
    return f"{int(quarter[:4]) - 1:04d}{quarter[4:]}"


def half(match: re.Match, context: Context) -> Reading:
    number = 1 if match["ordinal"].lower() == "first" else 2
    if match["year"]:
        return Reading("DATE", f"{match['year']}-H{number}")
    if context.anchor is None:
        return Reading("DATE", None)
    return Reading("DATE", f"{context.anchor.year:04d}-H{number}", True)


_STEPS = {"last": -1, "past": -1, "previous": -1, "this": 0, "current": 0, "next": 1, "coming": 1}


def relative_unit(match: re.Match, context: Context) -> Reading:
    """"last week", "this year", "next month", "the coming weekend": the anchor shifted by one unit."""
    which, unit = (match["which"] or match["which_the"]).lower(), UNIT_FORMS[match["unit"].lower()]
    if which == "past" and unit != "weekend":  # "the past year": the year up to now, a duration
        return Reading("DURATION", duration(1, unit))
    if which in ("the", "that"):  # "the weekend": the coming one in the future tense, else the latest
        step = 1 if context.direction > 0 else 0 if context.anchor and context.anchor.weekday() >= 5 else -1
    else:
        step = _STEPS[which]
    if context.anchor is None:
        return Reading("DATE", None)
    if unit == "weekend" and step < 0 and context.anchor.weekday() >= 5:
        step = 0 if which in ("the", "that") else step
    return Reading("DATE", calendar.shift(context.anchor, unit, step), True)


_ANAPHORIC_STEPS = {"that": 0, "the same": 0, "earlier that": 0, "later that": 0, "the following": 1, "the next": 1,
                    "the previous": -1, "the preceding": -1, "the prior": -1}
_GRANULARITY = {"year": 4, "month": 7, "day": 10}


def anaphoric(match: re.Match, context: Context) -> Reading | None:
    """"that year", "the following month", "earlier that day": the period of the time the text last named, moved
    by the step; nothing when the text named none at that granularity."""
    unit, which = match["unit"].lower(), " ".join(match["which"].lower().split())
    named = context.last_date
    if named is None or len(named) < _GRANULARITY[unit] or not named[:4].isdigit():
        named = context.last_day.isoformat() if context.last_day else None  # "that day" after "the next year"
    if named is None:
        return None
    base = named[:_GRANULARITY[unit]]
    step = _ANAPHORIC_STEPS[which]
    if unit == "year":
        return Reading("DATE", f"{int(base) + step:04d}", True)
    try:
        day = date(int(base[:4]), int(base[5:7]), int(base[8:10]) if unit == "day" else 1)
    except ValueError:
        return None
    return Reading("DATE", calendar.shift(day, unit, step), True)


def this(unit: str, context: Context) -> Reading:
    if context.anchor is None:
        return Reading("DATE", None)
    return Reading("DATE", calendar.shift(context.anchor, unit, 0), True)


def season(match: re.Match, context: Context) -> Reading:
    season = SEASONS[match["season"].lower()]
    if match["year"]:
        return Reading("DATE", f"{match['year']}-{season}")
    if context.anchor is None:
        return Reading("DATE", None)
    which = {"last": "last", "past": "last", "next": "next", "coming": "next"}.get((match["which"] or "").lower())
    if (match["which"] or "").lower() == "this":
        return Reading("DATE", f"{context.anchor.year:04d}-{season}", True)
    return Reading("DATE", calendar.season_of(season, context.anchor, which, context.direction), True)


def day_word(match: re.Match, context: Context) -> Reading:
    offset, part = DAY_WORDS[" ".join(match["dayword"].lower().split())]
    if context.anchor is None:
        return Reading("TIME" if part else "DATE", None)
    day = (context.anchor + timedelta(days=offset)).isoformat()
    return Reading("TIME", f"{day}T{part}", True) if part else Reading("DATE", day, True)


def weekday(match: re.Match, context: Context) -> Reading:
    which = (match["which"] or "").lower()
    if context.anchor is None:
        return Reading("TIME" if match["part"] else "DATE", None)
    weekday = WEEKDAYS[match["weekday"].lower().rstrip(".")]
    direction = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(which, context.direction)
    found = calendar.weekday_date(weekday, context.anchor, direction, strict=which in ("last", "next"))
    return _with_part(found.isoformat(), match, True)


def _with_part(day: str, match: re.Match, anchored: bool) -> Reading:
    part = match.groupdict().get("part")
    if part:
        return Reading("TIME", f"{day}T{PARTS_OF_DAY[part.lower()]}", anchored)
    return Reading("DATE", day, anchored)


def clock(match: re.Match, context: Context) -> Reading:
    """A time of day on the day the expression names ("5:38 a.m. Saturday"), else on the day the text last named
    ("Friday ... at 10:35 a.m."), else on the anchor's day."""
    word = (match["clockword"] or "").lower()
    if word:
        hour, minute = (12, 0) if word == "noon" else (0, 0)
    else:
        hour, minute = int(match["hour"]), int(match["minute"] or 0)
        meridiem = (match["ampm"] or "").lower().replace(".", "").replace(" ", "")
        if meridiem == "pm" and hour < 12:
            hour += 12
        elif meridiem == "am" and hour == 12:
            hour = 0
        if hour > 23 or minute > 59:
            return Reading("TIME", None)
    if match["weekday"] or match["weekday_alone"] or match["dayword"] or match["month"]:
        if context.anchor is None and not match["year"]:
            return Reading("TIME", None)
        day = _day_of(match, context)
    elif context.anchor is None:
        return Reading("TIME", None)
    else:
        day = context.last_day or context.anchor
    if day is None:
        return Reading("TIME", None)
    return Reading("TIME", f"{day.isoformat()}T{hour:02d}:{minute:02d}", True)


def _day_of(match: re.Match, context: Context) -> date | None:
    if match["month"]:
        month, day = _month(match), int(match["day"])
        if match["year"]:
            return calendar.safe_date(int(match["year"]), month, day)
        return calendar.month_day(month, day, context.anchor, context.direction)
    if match["weekday_alone"]:
        weekday = WEEKDAYS[match["weekday_alone"].lower().rstrip(".")]
        return calendar.weekday_date(weekday, context.anchor, context.direction)
    return context.anchor + timedelta(days=DAY_WORDS[match["dayword"].lower()][0])


def ago(match: re.Match, context: Context) -> Reading:
    """"three years ago": the anchor moved back, at the unit's granularity; "years ago" (no count) is the past."""
    unit = UNIT_FORMS[match["unit"].lower()]
    count = _count(match["count"]) if match["count"] else None
    if count is None:
        return Reading("DATE", "PAST_REF")
    if count == 1 and unit == "year" and context.last_quarter:  # results: "up from $5 million a year earlier"
        return Reading("DATE", _year_before(context.last_quarter), True)
    if context.anchor is None:
        return Reading("DATE", None)
    if unit in ("decade", "century"):  # "a decade ago" is ten years back, at the year
        count, unit = count * (10 if unit == "decade" else 100), "year"
    return Reading("DATE", calendar.shift(context.anchor, unit, -count) if unit not in ("hour", "minute", "second")
                   else None, True)


def counted_duration(match: re.Match, context: Context) -> Reading | None:
    unit = UNIT_FORMS[match["unit"].lower()]
    if unit == "second" and match["count"].lower() in ("a", "an"):  # "a second betrayal": an ordinal
        return None
    count = _count(match["count"]) if match["count"] else None
    return Reading("DURATION", duration(count, unit, half=bool(match["half"] or match["and_half"])))


def plural_duration(match: re.Match, context: Context) -> Reading:
    return Reading("DURATION", duration(None, UNIT_FORMS[match["unit"].lower()]))


def fiscal_period(match: re.Match, context: Context) -> Reading:
    """"the year ended Sept. 30", "the nine months ending June 30": a reporting period's length."""
    unit = " ".join(match["unit"].lower().split())
    return Reading("DURATION", {"year": "P1Y", "nine months": "P9M", "six months": "P6M", "half": "P6M"}[unit])


def year_words(match: re.Match, context: Context) -> Reading:
    """A year said in words, as transcripts write it: "nineteen ninety-seven", "two thousand and one"."""
    words = re.split(r"[\s-]+", match["year_words"].lower())
    if words[0] == "nineteen":
        return Reading("DATE", str(1900 + sum(NUMBER_WORDS[word] for word in words[1:])))
    return Reading("DATE", str(2000 + sum(NUMBER_WORDS[word] for word in words[2:] if word != "and")))


def frequency(match: re.Match, context: Context) -> Reading:
    return Reading("SET", FREQUENCIES[match[0].lower()])


def every(match: re.Match, context: Context) -> Reading:
    if match["weekday"]:
        return Reading("SET", f"XXXX-WXX-{WEEKDAYS[match['weekday'].lower().rstrip('.')] + 1}")
    return Reading("SET", duration(1, UNIT_FORMS[match["unit"].lower()]))



def weekdays_plural(match: re.Match, context: Context) -> Reading:
    """"Mondays": every Monday."""
    return Reading("SET", f"XXXX-WXX-{WEEKDAYS[match['weekdays'][:-1].lower()] + 1}")


def reference(match: re.Match, context: Context) -> Reading:
    return Reading("DATE", REFERENCES[" ".join(match[0].lower().split())])


def recent_units(match: re.Match, context: Context) -> Reading:
    """"recent years" spans an unknown stretch up to now (PXY); "the coming months" is the future."""
    if match[0].lower().startswith(("coming", "the coming")):
        return Reading("DATE", "FUTURE_REF")
    return Reading("DURATION", duration(None, UNIT_FORMS[match["unit"].lower()]))


def holiday(match: re.Match, context: Context) -> Reading:
    """Fixed and movable feasts: a year named, else the occurrence on the tense's side of the anchor."""
    name = " ".join(match["holiday"].lower().replace("’", "'").split())
    years = [int(match["year"])] if match["year"] else (
        [] if context.anchor is None else [context.anchor.year - 1, context.anchor.year, context.anchor.year + 1])
    days = [d for d in (_holiday_date(name, year) for year in years) if d is not None]
    if not days:
        return Reading("DATE", None)
    if match["year"]:
        return Reading("DATE", days[0].isoformat())
    which = (match["which"] or "").lower()
    direction = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(which, context.direction)
    behind = [d for d in days if d < context.anchor or (d == context.anchor and which != "last")]
    ahead = [d for d in days if d > context.anchor or (d == context.anchor and which != "next")]
    found = min(ahead) if direction > 0 and ahead else max(behind) if behind else min(ahead)
    return Reading("DATE", found.isoformat(), True)


def _holiday_date(name: str, year: int) -> date | None:
    fixed = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24), "new year's day": (1, 1),
             "new year's eve": (12, 31), "independence day": (7, 4), "the fourth of july": (7, 4),
             "halloween": (10, 31), "valentine's day": (2, 14), "veterans day": (11, 11)}
    if name in fixed:
        return calendar.safe_date(year, *fixed[name])
    nth = {"thanksgiving": (11, 3, 4), "thanksgiving day": (11, 3, 4), "labor day": (9, 0, 1),
           "memorial day": (5, 0, -1)}
    if name in nth:
        month, weekday, which = nth[name]
        first = date(year, month, 1)
        if which > 0:
            return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (which - 1))
        last = date(year, month + 1, 1) - timedelta(days=1)
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    return None
