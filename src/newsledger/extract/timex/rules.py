"""The TIMEX3 rules: each a regular expression for one family of time expressions and the function that turns its
match into a TIMEX3 type and value against the anchor (the publication date).

Conventions follow TimeML / TempEval-3 (learned from the guidelines and HeidelTime's public rule resources, not
copied): dates at the granularity the text fixes ("1998-08-07", "1998-08", "1998-W32", "1998-Q3", "1998-SU",
"199" for the 1990s), times of day after "T" ("T05:38", "TMO" for a morning), durations in ISO 8601 ("P3Y",
"PT2H", "PXD" for "a few days"), sets as their period ("P1W") or a pattern ("XXXX-WXX-1" for "every Monday"), and
PRESENT_REF / PAST_REF / FUTURE_REF for "now", "recently", "the future". A value that needs the anchor is None
without one: nothing is invented. Patterns are plain alternations with bounded repeats, so matching is linear.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Callable

from newsledger.extract.timex import calendar
from newsledger.extract.timex.lexicon import (
    DAY_WORDS, FREQUENCIES, MONTHS, NUMBER_WORDS, ORDINALS, PARTS_OF_DAY, REFERENCES, SEASONS, TENS, UNIT_FORMS, UNITS,
    UNITS_1_9, VAGUE_COUNTS, WEEKDAYS,
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


def _alternation(words) -> str:
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in sorted(words, key=len, reverse=True))


_CAPITALISED_MONTHS = sorted({name.capitalize() for name in MONTHS if len(name) > 3 or name == "may"}, key=len,
                             reverse=True)
MONTH = (r"(?P<month>(?-i:" + "|".join(_CAPITALISED_MONTHS) + r")|(?-i:(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov"
         r"|Dec)\.))")
WEEKDAY = (r"(?P<weekday>(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon\.|Tues?\.|Wed\."
           r"|Thu(?:rs)?\.|Fri\.|Sat\.|Sun\.))")
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:])"
YEAR = r"(?P<year>(?:1[6-9]|20)\d\d)(?![\d,]\d)"
NUMBER = (r"(?P<count>\d{1,3}(?P<half>\s+1/2|\s+and\s+a\s+half|\.5)?|(?:" + _alternation(TENS) + r")[\s-](?:" + _alternation(UNITS_1_9) + r")|"
          + _alternation(NUMBER_WORDS) + "|" + _alternation(VAGUE_COUNTS) + ")")
#: A unit word in lower case ("60 Minutes" is a programme), "quarter" not as a fraction ("a quarter of the market").
UNIT = r"(?P<unit>(?-i:" + _alternation(UNIT_FORMS) + r"))(?![\w-])(?!(?<=quarter)\s+of\b|(?<=quarters)\s+of\b)"
MODIFIER = (r"(?:(?:about|nearly|almost|roughly|approximately|around|more\s+than|less\s+than|fewer\s+than|at\s+least"
            r"|at\s+most|over|under|some|up\s+to|only|just|barely|well\s+over|the\s+better\s+part\s+of)\s+)?")
EDGE = (r"(?:(?:the\s+)?(?:very\s+)?(?:end|beginning|start|middle|rest|remainder|first\s+half|second\s+half)"
        r"\s+of\s+(?:the\s+)?|(?:early|mid|late|earlier|later)[\s-]+)?")
PART = r"(?:\s+(?P<part>" + _alternation(PARTS_OF_DAY) + "))?"
WHICH = (r"(?:(?:this\s+)?(?P<which>last|this|next|past|previous|coming|current)\s+|(?P<which_the>the|that)\s+(?=weekend))")
_B = r"(?<![\w$.-])"  # not inside a word or a number


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


# --- handlers: match and context to a reading ---------------------------------------------------------------


def _iso(match: re.Match, context: Context) -> Reading:
    day = calendar.safe_date(int(match["year"]), int(match["month"]), int(match["day"]))
    if day is None:
        return Reading("DATE", None)
    if match["hour"]:
        return Reading("TIME", f"{day.isoformat()}T{match['hour']}:{match['minute']}")
    return Reading("DATE", day.isoformat())


def _slashed(match: re.Match, context: Context) -> Reading:
    year = int(match["year"])
    year += 1900 if year >= 50 and year < 100 else 2000 if year < 50 else 0
    day = calendar.safe_date(year, int(match["month"]), int(match["day"]))
    return Reading("DATE", day.isoformat() if day else None)


def _full_date(match: re.Match, context: Context) -> Reading:
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


def _month_year(match: re.Match, context: Context) -> Reading:
    return Reading("DATE", f"{match['year']}-{_month(match):02d}")


def _month_alone(match: re.Match, context: Context) -> Reading:
    month, which = _month(match), (match["which"] or "").lower()
    if context.anchor is None:
        return Reading("DATE", None)
    direction = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(which, context.direction)
    if which == "this":
        return Reading("DATE", f"{context.anchor.year:04d}-{month:02d}", True)
    return Reading("DATE", calendar.month_of(month, context.anchor, direction), True)


def _month_relative_year(match: re.Match, context: Context) -> Reading:
    """"January this year", "April next year": the month of the year the anchor names."""
    if context.anchor is None:
        return Reading("DATE", None)
    year = context.anchor.year + _STEPS[match["which"].lower()]
    return Reading("DATE", f"{year:04d}-{_month(match):02d}", True)


def _year(match: re.Match, context: Context) -> Reading:
    return Reading("DATE", match["year"])


def _quarter(match: re.Match, context: Context) -> Reading:
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


def _reported_quarter(context: Context, step: int) -> Reading:
    """"the quarter" in a results report is the one the text is discussing, else the last one closed before the
    anchor; "the year-ago quarter" is that quarter a year before."""
    if context.last_quarter:
        return Reading("DATE", _year_before(context.last_quarter) if step else context.last_quarter, True)
    if context.anchor is None:
        return Reading("DATE", None)
    return Reading("DATE", calendar.shift(context.anchor, "quarter", step - 1), True)


def _year_before(quarter: str) -> str:
    return f"{int(quarter[:4]) - 1:04d}{quarter[4:]}"


def _half(match: re.Match, context: Context) -> Reading:
    number = 1 if match["ordinal"].lower() == "first" else 2
    if match["year"]:
        return Reading("DATE", f"{match['year']}-H{number}")
    if context.anchor is None:
        return Reading("DATE", None)
    return Reading("DATE", f"{context.anchor.year:04d}-H{number}", True)


_STEPS = {"last": -1, "past": -1, "previous": -1, "this": 0, "current": 0, "next": 1, "coming": 1}


def _relative_unit(match: re.Match, context: Context) -> Reading:
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


def _anaphoric(match: re.Match, context: Context) -> Reading | None:
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


def _this(unit: str, context: Context) -> Reading:
    if context.anchor is None:
        return Reading("DATE", None)
    return Reading("DATE", calendar.shift(context.anchor, unit, 0), True)


def _season(match: re.Match, context: Context) -> Reading:
    season = SEASONS[match["season"].lower()]
    if match["year"]:
        return Reading("DATE", f"{match['year']}-{season}")
    if context.anchor is None:
        return Reading("DATE", None)
    which = {"last": "last", "past": "last", "next": "next", "coming": "next"}.get((match["which"] or "").lower())
    if (match["which"] or "").lower() == "this":
        return Reading("DATE", f"{context.anchor.year:04d}-{season}", True)
    return Reading("DATE", calendar.season_of(season, context.anchor, which, context.direction), True)


def _day_word(match: re.Match, context: Context) -> Reading:
    offset, part = DAY_WORDS[" ".join(match["dayword"].lower().split())]
    if context.anchor is None:
        return Reading("TIME" if part else "DATE", None)
    day = (context.anchor + timedelta(days=offset)).isoformat()
    return Reading("TIME", f"{day}T{part}", True) if part else Reading("DATE", day, True)


def _weekday(match: re.Match, context: Context) -> Reading:
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


def _clock(match: re.Match, context: Context) -> Reading:
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


def _ago(match: re.Match, context: Context) -> Reading:
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


def _duration(match: re.Match, context: Context) -> Reading | None:
    unit = UNIT_FORMS[match["unit"].lower()]
    if unit == "second" and match["count"].lower() in ("a", "an"):  # "a second betrayal": an ordinal
        return None
    count = _count(match["count"]) if match["count"] else None
    return Reading("DURATION", duration(count, unit, half=bool(match["half"] or match["and_half"])))


def _plural_duration(match: re.Match, context: Context) -> Reading:
    return Reading("DURATION", duration(None, UNIT_FORMS[match["unit"].lower()]))


def _fiscal_period(match: re.Match, context: Context) -> Reading:
    """"the year ended Sept. 30", "the nine months ending June 30": a reporting period's length."""
    unit = " ".join(match["unit"].lower().split())
    return Reading("DURATION", {"year": "P1Y", "nine months": "P9M", "six months": "P6M", "half": "P6M"}[unit])


def _year_words(match: re.Match, context: Context) -> Reading:
    """A year said in words, as transcripts write it: "nineteen ninety-seven", "two thousand and one"."""
    words = re.split(r"[\s-]+", match["year_words"].lower())
    if words[0] == "nineteen":
        return Reading("DATE", str(1900 + sum(NUMBER_WORDS[word] for word in words[1:])))
    return Reading("DATE", str(2000 + sum(NUMBER_WORDS[word] for word in words[2:] if word != "and")))


def _frequency(match: re.Match, context: Context) -> Reading:
    return Reading("SET", FREQUENCIES[match[0].lower()])


def _every(match: re.Match, context: Context) -> Reading:
    if match["weekday"]:
        return Reading("SET", f"XXXX-WXX-{WEEKDAYS[match['weekday'].lower().rstrip('.')] + 1}")
    return Reading("SET", duration(1, UNIT_FORMS[match["unit"].lower()]))


def _weekdays_plural(match: re.Match, context: Context) -> Reading:
    return Reading("SET", f"XXXX-WXX-{WEEKDAYS[match['weekdays'].lower()] + 1}")


def _reference(match: re.Match, context: Context) -> Reading:
    return Reading("DATE", REFERENCES[" ".join(match[0].lower().split())])


def _recent_units(match: re.Match, context: Context) -> Reading:
    """"recent years" spans an unknown stretch up to now (PXY); "the coming months" is the future."""
    if match[0].lower().startswith(("coming", "the coming")):
        return Reading("DATE", "FUTURE_REF")
    return Reading("DURATION", duration(None, UNIT_FORMS[match["unit"].lower()]))


def _holiday(match: re.Match, context: Context) -> Reading:
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


# --- the rules ----------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: re.Pattern
    read: Callable[[re.Match, Context], Reading | None]  # None: not a time expression after all


def _rule(name: str, pattern: str, read: Callable[[re.Match, Context], Reading | None]) -> Rule:
    return Rule(name, re.compile(_B + pattern + r"(?![\w])", re.IGNORECASE), read)


_CLOCK = (r"(?:(?P<hour>[01]?\d|2[0-3])(?::(?P<minute>[0-5]\d))?\s*(?P<ampm>[ap]\.\s?m\.?|[ap]m\b)"
          r"|(?P<clockword>noon|midnight))")
_CLOCK_DAY = (r"(?:,?\s+(?:on\s+)?(?:(?:" + WEEKDAY + r",?\s+)?" + MONTH + r"\s+" + DAY + r"(?:,?\s+" + YEAR + r")?"
              r"|" + WEEKDAY.replace("weekday", "weekday_alone") + r"|(?P<dayword>today|yesterday|tomorrow)))?")
_HOLIDAYS = ("Christmas", "Christmas Day", "Christmas Eve", "New Year's Day", "New Year's Eve", "Independence Day",
             "the Fourth of July", "Halloween", "Valentine's Day", "Veterans Day", "Thanksgiving", "Thanksgiving Day",
             "Labor Day", "Memorial Day")

RULES: list[Rule] = [
    _rule("iso", r"(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)(?:T(?P<hour>\d\d):(?P<minute>\d\d))?", _iso),
    _rule("slashed", r"(?P<month>[01]?\d)/(?P<day>[0-3]?\d)/(?P<year>\d{4}|\d\d)", _slashed),
    _rule("date", r"(?:" + WEEKDAY + r",?\s+)?(?:the\s+)?" + EDGE.replace("(?:early|", "(?:") + MONTH + r"\s+" + DAY
          + r"(?:,?\s+" + YEAR + r")?" + PART, _full_date),
    _rule("date_day_first", r"(?:" + WEEKDAY + r",?\s+)?(?:the\s+)?" + DAY + r"(?:\s+of)?\s+" + MONTH
          + r"(?:,?\s+" + YEAR + r")?", _full_date),
    _rule("month_year", EDGE + MONTH + r",?\s+(?:of\s+)?" + YEAR, _month_year),
    _rule("month_relative_year", EDGE + MONTH + r"\s+(?P<which>last|this|next)\s+year", _month_relative_year),
    _rule("month", EDGE + r"(?:(?P<which>last|this|next|past|coming)\s+)?" + MONTH
          + r"(?!\s+(?:of|for)\s+(?:the\s+)?(?-i:[A-Z]))", _month_alone),
    _rule("year", EDGE + r"(?:(?:fiscal|calendar|the\s+year|model\s+year|fiscal\s+year)\s+)?" + YEAR
          + r"(?!\s*(?:%|percent))", _year),
    _rule("decade", r"(?:the\s+)?(?:(?:early|mid|late)[\s-]*)?(?:['’](?P<decade>\d)0|(?P<decade_>1\d\d|20\d)0)['’]?s",
          lambda match, context: Reading("DATE", (f"19{match['decade']}" if match["decade"] else match["decade_"]))),
    _rule("quarter", r"(?:the\s+)?(?:(?:company's|fiscal|its|their|year's)\s+)?(?P<ordinal>first|second|third|fourth"
          r"|1st|2nd|3rd|4th)[\s-]+(?:fiscal[\s-]+)?quarter(?:(?:\s+of\s+(?:fiscal\s+)?|,?\s+)" + YEAR
          + r")?", _quarter),
    _rule("reported_quarter", r"the\s+(?:(?:latest|most\s+recent|recent|just-ended|just-completed)?\s*(?:fiscal\s+)?"
          r"quarter|latest\s+period)(?!\s+of\b|[\w-])", lambda match, context: _reported_quarter(context, 0)),
    _rule("year_ago_quarter", r"(?:the\s+)?(?:comparable\s+|same\s+)?(?:year-earlier|year-ago|year\s+earlier)"
          r"(?:\s+(?:quarter|period))?", lambda match, context: _reported_quarter(context, -4)),
    _rule("half", r"(?:the\s+)?(?P<ordinal>first|second)[\s-]+half(?:\s+of\s+(?:fiscal\s+)?" + YEAR + r")?",
          _half),
    _rule("relative", EDGE + r"(?:the\s+)?" + WHICH + r"(?P<unit>week|weekend|month|year|quarter|decade|century|fortnight)(?![\w-])",
          _relative_unit),
    _rule("anaphoric", r"(?P<which>that|the\s+same|earlier\s+that|later\s+that|the\s+following|the\s+next"
          r"|the\s+previous|the\s+preceding|the\s+prior)\s+(?P<unit>year|month|day)", _anaphoric),
    _rule("edge_of_unit", r"(?:the\s+)?(?:end|beginning|start|middle|rest|remainder)\s+of\s+(?:the|this)\s+"
          r"(?P<unit>year|month|week|quarter)", lambda match, context: _this(match["unit"].lower(), context)),
    _rule("season", EDGE + r"(?:(?P<which>last|this|next|past|coming|the)\s+|(?<=in\s)|(?<=by\s)|(?<=during\s)"
          r"|(?<=since\s)|(?<=until\s)|(?=\w+\s+(?:of\s+)?(?:1[6-9]|20)\d\d))(?P<season>" + _alternation(SEASONS)
          + r")(?:\s+(?:of\s+)?" + YEAR + r")?", _season),
    _rule("day_word", r"(?:(?:early|late|mid)[\s-]+)?(?P<dayword>" + _alternation(DAY_WORDS) + ")", _day_word),
    _rule("weekday", r"(?:(?:early|late|mid)[\s-]+)?(?:(?P<which>last|this|next|past|coming)\s+)?" + WEEKDAY + PART,
          _weekday),
    _rule("clock", _CLOCK + r"(?:\s+(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|ET|local\s+time))?" + _CLOCK_DAY,
          _clock),
    _rule("ago", MODIFIER + r"(?:" + NUMBER + r"[\s-]+)?" + UNIT + r"\s+(?:ago|earlier)", _ago),
    _rule("duration", r"(?:the\s+)?(?:(?:past|last|next|first|coming|previous|final|latest|following|initial)\s+)?"
          + MODIFIER + NUMBER + r"[\s-]+(?:(?:more|additional|straight|consecutive|full|trading|business|working"
          r"|calendar)\s+)?" + UNIT + r"(?P<and_half>\s+and\s+a\s+half)?(?!-old|\s+old)(?<!-quarters)",
          _duration),
    _rule("plural_duration", r"(?:(?<=for\s)|(?<=within\s))(?P<unit>years|months|weeks|days|decades|centuries|hours"
          r"|minutes)", _plural_duration),
    _rule("fiscal_period", r"the\s+(?:fiscal\s+|full\s+)?(?P<unit>year|nine\s+months|six\s+months|half)"
          r"(?=\s+(?:ended|ending|that\s+ended|to\s+(?-i:[A-Z])))", _fiscal_period),
    _rule("year_end", r"(?:year['’]s\s+end|year[\s-]end)", lambda match, context: _this("year", context)),
    _rule("year_words", r"(?:the\s+year\s+)?(?P<year_words>nineteen[\s-]+(?:" + _alternation(TENS) + r")(?:[\s-]+(?:"
          + _alternation(UNITS_1_9) + r"))?|two\s+thousand(?:\s+and)?(?:[\s-]+(?:" + _alternation(UNITS_1_9)
          + r"|ten|eleven|twelve))?)", _year_words),
    _rule("century", r"(?:the\s+)?(?P<ordinal>\d{1,2})(?:st|nd|rd|th)[\s-]+century",
          lambda match, context: Reading("DATE", f"{int(match['ordinal']) - 1:02d}")),
    _rule("recent_units", r"(?:the\s+)?(?:recent|coming)\s+(?P<unit>years|months|weeks|days|decades|quarters)",
          _recent_units),
    _rule("frequency", _alternation(FREQUENCIES), _frequency),
    _rule("every", r"(?:each|every|per)\s+(?:" + WEEKDAY + r"|" + UNIT + r")", _every),
    _rule("weekdays", r"(?P<weekdays>(?-i:Mondays|Tuesdays|Wednesdays|Thursdays|Fridays|Saturdays|Sundays))",
          lambda match, context: Reading("SET", f"XXXX-WXX-{WEEKDAYS[match['weekdays'][:-1].lower()] + 1}")),
    _rule("reference", _alternation(REFERENCES), _reference),
    _rule("holiday", r"(?:(?P<which>last|this|next|past|coming)\s+)?(?P<holiday>" + _alternation(_HOLIDAYS)
          + r")(?:,?\s+" + YEAR + r")?", _holiday),
]


# --- which words each rule needs --------------------------------------------------------------------------------

DIGIT = "#"  # stands for any token that starts with a digit
_UNIT_WORDS = frozenset(UNIT_FORMS)
_MONTH_WORDS = frozenset(MONTHS)
_WEEKDAY_WORDS = frozenset(WEEKDAYS)


def _words(*phrases) -> frozenset[str]:
    return frozenset(word for phrase in phrases for word in re.findall(r"[^\W_]+", phrase.lower()))


#: For each rule, words of which every match holds at least one (a lower-cased token, or DIGIT): a stretch of text
#: without any of them is not searched with that rule.
RULE_KEYS: dict[str, frozenset[str]] = {
    "iso": frozenset({DIGIT}), "slashed": frozenset({DIGIT}), "year": frozenset({DIGIT}),
    "decade": frozenset({DIGIT}), "century": frozenset({DIGIT}), "clock": frozenset({DIGIT, "noon", "midnight"}),
    "date": _MONTH_WORDS, "date_day_first": _MONTH_WORDS, "month_year": _MONTH_WORDS, "month": _MONTH_WORDS,
    "month_relative_year": _MONTH_WORDS, "quarter": _words("quarter"), "half": _words("half"),
    "reported_quarter": _words("quarter period"), "year_ago_quarter": _words("year"),
    "relative": _words("week weekend month year quarter decade century fortnight"),
    "edge_of_unit": _words("year month week quarter"), "anaphoric": _words("year month day"),
    "season": frozenset(SEASONS), "day_word": _words(*DAY_WORDS), "weekday": _WEEKDAY_WORDS,
    "ago": _UNIT_WORDS, "duration": _UNIT_WORDS, "plural_duration": _UNIT_WORDS, "recent_units": _UNIT_WORDS,
    "fiscal_period": _words("year months half"), "year_end": _words("year"), "year_words": _words("nineteen thousand"),
    "frequency": frozenset(FREQUENCIES), "every": _UNIT_WORDS | _WEEKDAY_WORDS,
    "weekdays": frozenset(name + "s" for name in WEEKDAYS), "reference": _words(*REFERENCES),
    "holiday": _words(*_HOLIDAYS),
}
