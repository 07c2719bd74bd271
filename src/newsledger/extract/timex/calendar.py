"""Calendar arithmetic behind TIMEX3 values: shifting an anchor by a unit, picking the past or future occurrence
of a weekday, a month-day or a season, and writing the result at the granularity the text fixes."""

from __future__ import annotations

from datetime import date, timedelta

#: How far past the anchor a month-day without a year may land when the tense says nothing (a report of something
#: due in a few days is still "this" one).
FUTURE_SLACK = timedelta(days=7)
SEASON_MONTHS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


def shift(anchor: date, unit: str, step: int) -> str | None:
    """The value ``step`` units from the anchor, at that unit's granularity ("last month" → 2022-12)."""
    if unit in ("day", "night"):
        return (anchor + timedelta(days=step)).isoformat()
    if unit == "week":
        return iso_week(anchor + timedelta(weeks=step))
    if unit == "weekend":
        return iso_week(anchor + timedelta(weeks=step)) + "-WE"
    if unit == "fortnight":
        return iso_week(anchor + timedelta(weeks=2 * step))
    if unit == "month":
        months = anchor.year * 12 + anchor.month - 1 + step
        return f"{months // 12:04d}-{months % 12 + 1:02d}"
    if unit == "quarter":
        quarters = anchor.year * 4 + quarter_of(anchor) - 1 + step
        return f"{quarters // 4:04d}-Q{quarters % 4 + 1}"
    if unit == "year":
        return f"{anchor.year + step:04d}"
    if unit == "decade":
        return f"{anchor.year // 10 + step:03d}"
    if unit == "century":
        return f"{anchor.year // 100 + step:02d}"
    return None


def weekday_date(weekday: int, anchor: date, direction: int, strict: bool = False) -> date:
    """The weekday nearest the anchor on the tense's side: the past (and the anchor's own day) unless future.

    ``strict`` leaves out the anchor's own day ("last Monday" said on a Monday is a week back)."""
    if direction > 0:
        ahead = (weekday - anchor.weekday()) % 7
        return anchor + timedelta(days=ahead or (7 if strict else 0))
    back = (anchor.weekday() - weekday) % 7
    return anchor - timedelta(days=back or (7 if strict else 0))


def month_day(month: int, day: int, anchor: date, direction: int) -> date | None:
    """A month-day without a year: the occurrence on the tense's side of the anchor; when the tense says nothing,
    the nearest one ("Dec. 15" in an October report of a payment date is this December's)."""
    candidates = [d for d in (safe_date(anchor.year + k, month, day) for k in (-1, 0, 1)) if d is not None]
    if direction > 0:
        ahead = [d for d in candidates if d >= anchor]
        return min(ahead) if ahead else None
    if direction < 0:
        behind = [d for d in candidates if d <= anchor + FUTURE_SLACK]
        return max(behind) if behind else None
    return min(candidates, key=lambda d: (abs((d - anchor).days), d > anchor)) if candidates else None


def month_of(month: int, anchor: date, direction: int) -> str:
    """A month name without a year: the nearest such month on the tense's side of the anchor (either side when
    the tense says nothing)."""
    offsets = [(anchor.year + k) * 12 + month - 1 - (anchor.year * 12 + anchor.month - 1) for k in (-1, 0, 1)]
    allowed = [o for o in offsets if (direction >= 0 or o <= 0) and (direction <= 0 or o >= 0)]
    offset = min(allowed, key=lambda o: (abs(o), o > 0))
    months = anchor.year * 12 + anchor.month - 1 + offset
    return f"{months // 12:04d}-{months % 12 + 1:02d}"


def season_of(season: str, anchor: date, which: str | None, direction: int) -> str:
    """A season's year (winter is named by the year it starts in): "last summer" is the latest one already over,
    "next summer" the first not yet begun, a bare season the one begun (past tense) or to come (future)."""
    start = SEASON_MONTHS[season]
    month = anchor.month + (12 if season == "WI" and anchor.month <= 2 else 0)
    year = anchor.year - (1 if month > 12 else 0)
    if which == "last":
        return f"{year - (0 if start + 2 < month else 1):04d}-{season}"
    if which == "next" or (which is None and direction > 0):
        return f"{year + (0 if start > month or which is None and start + 2 >= month else 1):04d}-{season}"
    if which is None and direction < 0 and start > month:
        return f"{year - 1:04d}-{season}"
    return f"{year:04d}-{season}"
