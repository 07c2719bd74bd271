"""Time expressions: find them in a parsed article and normalise them to ISO values.

Values are ISO strings at the granularity the text fixes: a day ``2023-01-28``, an ISO week ``2023-W04``, a month
``2023-03``, a year ``2022`` or a decade ``199X``. Relative expressions ("Saturday", "last week", "Jan. 28") are
resolved against an anchor (the publication date) in news usage: a bare weekday or month is the most recent one on or
before the anchor, because news reports what already happened. Without an anchor a relative expression is ``None``:
a date is never invented. Durations and vague spans ("recent years", "a few years") are ``None`` too.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from spacy.tokens import Doc

from newsledger.records import TimeValue

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
            ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
            ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = {
    name: number
    for number, names in enumerate(
        [("monday", "mon"), ("tuesday", "tue", "tues"), ("wednesday", "wed"), ("thursday", "thu", "thurs"),
         ("friday", "fri"), ("saturday", "sat"), ("sunday", "sun")]
    )
    for name in names
}
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
#: How far past the anchor a month/day without a year may land (a report of something due in a few days).
FUTURE_SLACK = timedelta(days=7)

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1\d{3}|20\d{2})"
_WEEKDAY = r"(?P<weekday>" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\.?"
_PART_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night))?"
_EDGE = r"(?:(?:early|mid|late|the end of|the beginning of|the start of|spring|summer|fall|autumn|winter)[\s-]+)?"

#: Unambiguous dates, searched anywhere in the expression ("Saturday, Jan. 28, 2023" holds one).
EXPLICIT = [
    re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b"),
    re.compile(r"\b(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{4}|\d{2})\b"),
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b"),
    re.compile(rf"\b{_DAY}(?:\s+of)?\s+{_MONTH},?\s+{_YEAR}\b"),
]
#: Whole-expression patterns, tried in order on the cleaned text.
MONTH_YEAR = re.compile(rf"{_EDGE}{_MONTH},?\s+(?:of\s+)?{_YEAR}")
YEAR = re.compile(rf"{_EDGE}{_YEAR}")
DECADE = re.compile(r"(?:early|mid|late)?[\s-]*(?P<decade>1\d{2}|20\d)0s")
MONTH_DAY = [re.compile(rf"{_MONTH}\s+{_DAY}"), re.compile(rf"{_DAY}(?:\s+of)?\s+{_MONTH}")]
MONTH_ONLY = re.compile(rf"{_EDGE}{_MONTH}")
WEEKDAY = re.compile(rf"(?:(?P<which>last|this|past|next)\s+)?{_WEEKDAY}{_PART_OF_DAY}")
AGO = re.compile(r"(?P<count>\d+|" + "|".join(NUMBERS) + r")\s+(?P<unit>day|week|month|year)s?\s+ago")
RELATIVE = re.compile(
    r"(?:(?:earlier|later)\s+)?(?P<which>last|this|past|previous|next)\s+(?P<unit>week|month|year)"
)
DAY_WORDS = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
             "yesterday": -1, "last night": -1, "day before yesterday": -2, "tomorrow": 1}
_LEADING = re.compile(r"^(?:(?:on|in|at|by|since|during|until|from|of|as of|the)\s+)+")
_TRAILING = re.compile(r"(?:['’]s|['’])$")


def normalize(text: str, anchor: date | None) -> str | None:
    """The ISO value of a time expression, or None when the text (and anchor) cannot fix one."""
    return resolve(text, anchor)[0]


def resolve(text: str, anchor: date | None) -> tuple[str | None, bool]:
    """The ISO value and whether the anchor was needed to get it (so the caller can record the anchor)."""
    clean = _clean(text)
    for pattern in EXPLICIT:
        if found := pattern.search(clean):
            return _date(_year(found["year"]), _month(found["month"]), int(found["day"])), False
    if found := MONTH_YEAR.fullmatch(clean):
        return f"{found['year']}-{_month(found['month']):02d}", False
    if found := YEAR.fullmatch(clean):
        return found["year"], False
    if found := DECADE.fullmatch(clean):
        return f"{found['decade']}X", False
    if anchor is None:
        return None, False
    value = _relative(clean, anchor)
    return value, value is not None


def find_times(doc: Doc, anchor: date | None) -> list[TimeValue]:
    """Every DATE/TIME entity, plus day words (weekdays, "yesterday") the NER missed, in document order."""
    spans = [ent for ent in doc.ents if ent.label_ in ("DATE", "TIME")]
    spans += [
        doc[token.i:token.i + 1]
        for token in doc
        if not token.ent_type_ and _is_day_word(token.lower_) and token.pos_ in ("PROPN", "NOUN", "ADV")
    ]
    times = []
    for span in sorted(spans, key=lambda span: span.start):
        value, anchored = resolve(span.text, anchor)
        used = anchor.isoformat() if anchored else None
        times.append(TimeValue(span.text, span.start_char, span.end_char, value, used))
    return times


def _is_day_word(word: str) -> bool:
    """A weekday written out ("Sat" and "Sun" are too ambiguous outside a date) or a day word."""
    day = word.rstrip(".")
    return day in WEEKDAYS and len(day) > 3 or day in ("today", "yesterday", "tomorrow", "tonight")


def _clean(text: str) -> str:
    clean = " ".join(text.lower().replace("’", "'").split())
    return _LEADING.sub("", _TRAILING.sub("", clean)).strip(" ,")


def _relative(clean: str, anchor: date) -> str | None:
    """Expressions that need the anchor: day words, weekdays, month/day without year, last/this/next unit, ago."""
    if clean in DAY_WORDS:
        return (anchor + timedelta(days=DAY_WORDS[clean])).isoformat()
    if found := WEEKDAY.fullmatch(clean):
        return _weekday(WEEKDAYS[found["weekday"]], found["which"], anchor).isoformat()
    if found := next(filter(None, (pattern.fullmatch(clean) for pattern in MONTH_DAY)), None):
        return _nearest_past(anchor, lambda year: _safe_date(year, _month(found["month"]), int(found["day"])))
    if found := MONTH_ONLY.fullmatch(clean):
        return _nearest_past(anchor, lambda year: date(year, _month(found["month"]), 1), granularity="month")
    if found := RELATIVE.fullmatch(clean):
        step = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1}[found["which"]]
        return _shift(anchor, found["unit"], step)
    if found := AGO.fullmatch(clean):
        count = int(found["count"]) if found["count"].isdigit() else NUMBERS[found["count"]]
        return _shift(anchor, found["unit"], -count)
    return None


def _weekday(weekday: int, which: str | None, anchor: date) -> date:
    """The most recent such weekday on or before the anchor ("last" and "next" move off the anchor's own day)."""
    back = (anchor.weekday() - weekday) % 7
    if which == "next":
        return anchor + timedelta(days=(weekday - anchor.weekday()) % 7 or 7)
    if which in ("last", "past") and back == 0:
        back = 7
    return anchor - timedelta(days=back)


def _nearest_past(anchor: date, build, granularity: str = "day") -> str | None:
    """The candidate in the anchor's year or the one before it that is nearest the anchor without being (much) later."""
    limit = anchor + FUTURE_SLACK if granularity == "day" else anchor
    for year in (anchor.year + 1, anchor.year, anchor.year - 1):
        candidate = build(year)
        if candidate is not None and candidate <= limit:
            return candidate.isoformat() if granularity == "day" else candidate.strftime("%Y-%m")
    return None


def _shift(anchor: date, unit: str, step: int) -> str:
    if unit == "day":
        return (anchor + timedelta(days=step)).isoformat()
    if unit == "week":
        year, week, _ = (anchor + timedelta(weeks=step)).isocalendar()
        return f"{year}-W{week:02d}"
    if unit == "month":
        months = anchor.year * 12 + anchor.month - 1 + step
        return f"{months // 12}-{months % 12 + 1:02d}"
    return str(anchor.year + step)


def _month(value: str) -> int:
    return int(value) if value.isdigit() else MONTHS[value]


def _year(value: str) -> int:
    return int(value) + 2000 if len(value) == 2 else int(value)


def _date(year: int, month: int, day: int) -> str | None:
    found = _safe_date(year, month, day)
    return found.isoformat() if found else None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
