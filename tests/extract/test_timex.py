"""Time normalisation: absolute dates always resolve, relative ones only against an anchor, vague ones never."""

from __future__ import annotations

import time
from datetime import date

import pytest

from newsledger.annotate.nlp import load
from newsledger.extract.timex import find_times, normalize, resolve, tag

MONDAY = date(2023, 1, 30)  # publication date of the Isfahan reports


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("January 28, 2023", "2023-01-28"),
        ("Jan. 28, 2023", "2023-01-28"),
        ("28 January 2023", "2023-01-28"),
        ("the 28th of January, 2023", "2023-01-28"),
        ("2023-01-28", "2023-01-28"),
        ("1/28/2023", "2023-01-28"),
        ("Saturday, Jan. 28, 2023", "2023-01-28"),
        ("Sept. 11, 2001", "2001-09-11"),
        ("in 2022", "2022"),
        ("2015", "2015"),
        ("early 2022", "2022"),
        ("March 2021", "2021-03"),
        ("in March of 2021", "2021-03"),
        ("the 1990s", "199"),
        ("the early 2000s", "200"),
        ("February 30, 2023", None),
    ],
)
def test_absolute_expressions_resolve_with_or_without_anchor(text, value):
    assert normalize(text, MONDAY) == value
    assert normalize(text, None) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Saturday", "2023-01-28"),
        ("Saturday’s", "2023-01-28"),
        ("Saturday's", "2023-01-28"),
        ("on Sunday morning", "2023-01-29TMO"),  # TimeML keeps the part of day
        ("Sunday", "2023-01-29"),
        ("Monday", "2023-01-30"),  # the anchor's own weekday is the anchor
        ("Tuesday", "2023-01-24"),
        ("last Monday", "2023-01-23"),
        ("next Monday", "2023-02-06"),
        ("today", "2023-01-30"),
        ("yesterday", "2023-01-29"),
        ("last night", "2023-01-29TNI"),  # TimeML keeps the part of day
        ("tomorrow", "2023-01-31"),
        ("the day before yesterday", "2023-01-28"),
        ("two days ago", "2023-01-28"),
        ("a week ago", "2023-W04"),
        ("last week", "2023-W04"),
        ("Last week", "2023-W04"),
        
        ("this week", "2023-W05"),
        ("earlier this week", "2023-W05"),
        ("next week", "2023-W06"),
        ("last month", "2022-12"),
        ("earlier this month", "2023-01"),
        ("last year", "2022"),
        ("this year", "2023"),
        ("three years ago", "2020"),
        ("Jan. 28", "2023-01-28"),
        ("January 28th", "2023-01-28"),
        ("28 January", "2023-01-28"),
        ("Feb. 3", "2023-02-03"),  # a few days ahead is allowed
        ("March 15", "2022-03-15"),  # further ahead is last year's
        ("Dec. 30", "2022-12-30"),
        ("in May", "2022-05"),
        ("January", "2023-01"),
    ],
)
def test_relative_expressions_resolve_against_the_anchor_and_never_without(text, value):
    assert normalize(text, MONDAY) == value
    assert normalize(text, None) is None


@pytest.mark.parametrize(
    ("text", "value"),
    [("recent years", "PXY"), ("a few years", "PXY"), ("the last few years", "PXY"), ("two years", "P2Y"),
     ("the past 20 years", "P20Y"), ("the past week", "P1W"), ("for weeks", "PXW"), ("now", "PRESENT_REF"), ("the future", "FUTURE_REF"),
     ("recently", "PAST_REF")],
)
def test_durations_and_vague_references_take_timeml_values_with_or_without_anchor(text, value):
    """TimeML values durations ("P2Y", X for a vague count) and vague references (PRESENT_REF...): neither needs
    the anchor. (Before TIMEX3 these had no value.)"""
    assert normalize(text, MONDAY) == value
    assert normalize(text, None) == value


@pytest.mark.parametrize("text", ["decades", "months", "a long time", "the year"])
def test_expressions_without_a_fixed_extent_are_not_valued(text):
    assert normalize(text, MONDAY) is None


def test_month_day_near_new_year_picks_the_nearest_year_not_in_the_future():
    assert normalize("Dec. 31", date(2023, 1, 2)) == "2022-12-31"
    assert normalize("Jan. 2", date(2022, 12, 30)) == "2023-01-02"
    assert normalize("Feb. 29", date(2024, 3, 1)) == "2024-02-29"


def test_week_numbers_follow_iso_years():
    assert normalize("last week", date(2021, 1, 6)) == "2020-W53"
    assert normalize("this week", date(2024, 12, 31)) == "2025-W01"


def test_resolve_says_whether_the_anchor_was_used():
    assert resolve("Saturday", MONDAY) == ("2023-01-28", True)
    assert resolve("2015", MONDAY) == ("2015", False)
    assert resolve("recent years", MONDAY) == ("PXY", False)
    assert resolve("the Pentagon", MONDAY) == (None, False)


def test_find_times_reads_entities_and_day_words_the_ner_misses():
    doc = load()("The United States even stated on Sunday morning that it played no role. "
                 "Officials met in 2015, and again yesterday.")
    times = find_times(doc, MONDAY)
    by_text = {time.text: time for time in times}
    assert by_text["Sunday morning"].value == "2023-01-29TMO"
    assert by_text["Sunday morning"].type == "TIME"
    assert by_text["Sunday morning"].anchor == "2023-01-30"
    assert by_text["2015"].value == "2015"
    assert by_text["2015"].anchor is None
    assert by_text["yesterday"].value == "2023-01-29"
    assert all(doc.text[t.start:t.end] == t.text for t in times)
    assert [t.start for t in times] == sorted(t.start for t in times)


def test_find_times_without_anchor_keeps_the_expression_but_no_value():
    doc = load()("Saturday's drone attack hit a plant; the plant opened in March 2021.")
    times = {time.text: time for time in find_times(doc, None)}
    assert times["Saturday"].value is None and times["Saturday"].anchor is None
    assert times["March 2021"].value == "2021-03"


# --- TIMEX3: types, times of day, sets, tense, hostile input ----------------------------------------------

PUBLISHED = date(2016, 6, 6)  # a Monday


def _readings(text: str, anchor: date | None = PUBLISHED) -> dict[str, tuple[str, str | None]]:
    return {timex.text: (timex.reading.type, timex.reading.value) for timex in tag(text, anchor)}


def test_a_time_of_day_keeps_its_clock_on_the_day_it_names():
    found = _readings("The blast at 5:38 a.m. Saturday woke the town; a second came at 11 p.m. and another at noon.")
    assert found["5:38 a.m. Saturday"] == ("TIME", "2016-06-04T05:38")
    assert found["11 p.m."] == ("TIME", "2016-06-04T23:00")  # the day the text last named
    assert found["noon"] == ("TIME", "2016-06-04T12:00")


def test_parts_of_day_are_times():
    found = _readings("Talks resumed Friday morning and ended this evening.")
    assert found["Friday morning"] == ("TIME", "2016-06-03TMO")
    assert found["this evening"] == ("TIME", "2016-06-06TEV")


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("the first quarter", ("DATE", "2016-Q1")),
        ("the fall of 1998", ("DATE", "1998-FA")),
        ("the 1990s", ("DATE", "199")),
        ("last summer", ("DATE", "2015-SU")),
        ("the weekend", ("DATE", "2016-W22-WE")),
        ("now", ("DATE", "PRESENT_REF")),
        ("three hours", ("DURATION", "PT3H")),
        ("2 1/2 years", ("DURATION", "P2Y6M")),
        ("several weeks", ("DURATION", "PXW")),
        ("every Monday", ("SET", "XXXX-WXX-1")),
        ("weekly", ("SET", "P1W")),
        ("Christmas", ("DATE", "2015-12-25")),
        ("January this year", ("DATE", "2016-01")),
        ("nineteen ninety-seven", ("DATE", "1997")),
        ("late Tuesday", ("DATE", "2016-05-31")),
        ("this past weekend", ("DATE", "2016-W22-WE")),
        ("the past year", ("DURATION", "P1Y")),
    ],
)
def test_timex3_types_and_values(text, reading):
    assert _readings(f"It happened {text}.")[text] == reading


def test_anaphoric_expressions_take_the_time_last_named_and_nothing_else():
    found = _readings("The plant opened on May 3, 1998. The following year it doubled; that day, it hired 40.")
    assert found["The following year"] == ("DATE", "1999")
    assert found["that day"] == ("DATE", "1998-05-03")
    assert "that year" not in _readings("That year was hard.")


def test_relative_expressions_have_a_span_and_type_but_no_value_without_anchor():
    found = _readings("At 5:38 a.m. Saturday, last week, two years ago and in the third quarter.", anchor=None)
    assert found == {"5:38 a.m. Saturday": ("TIME", None), "last week": ("DATE", None),
                     "two years ago": ("DATE", None), "the third quarter": ("DATE", None)}


def test_tense_sends_a_bare_weekday_forward_or_back():
    doc = load()("The minister met the envoy Tuesday and will meet him again Thursday.")
    values = {time.text: time.value for time in find_times(doc, PUBLISHED)}
    assert values == {"Tuesday": "2016-05-31", "Thursday": "2016-06-09"}


def test_find_times_records_the_type_and_the_anchor_it_used():
    doc = load()("For three years the plant ran daily; it was hit on Saturday.")
    times = {time.text: time for time in find_times(doc, PUBLISHED)}
    assert (times["three years"].type, times["three years"].value, times["three years"].anchor) == (
        "DURATION", "P3Y", None)
    assert (times["daily"].type, times["daily"].value) == ("SET", "P1D")
    assert (times["Saturday"].type, times["Saturday"].anchor) == ("DATE", "2016-06-06")


def test_words_that_look_like_times_are_not_tagged():
    assert _readings("Prices may fall in March for Life events; 2000 people came.").keys() <= {"2000"}
    assert "March" not in _readings("She joined the March for Life.")


def test_old_ledgers_without_a_type_load_as_dates():
    from newsledger.records import TimeValue, from_dict

    old = {"text": "Saturday", "start": 0, "end": 8, "value": "2023-01-28", "anchor": "2023-01-30"}
    assert from_dict(TimeValue, old) == TimeValue("Saturday", 0, 8, "2023-01-28", "2023-01-30", "DATE")


@pytest.mark.parametrize(
    "text",
    [
        "Jan. 28, 2023, " * 10_000,  # 10,000 dates
        "5:38 a.m. Saturday " * 10_000,
        "x" * 2_000_000,  # one 2 MB word
        ("Monday " * 9 + "1999 ") * 2_000,  # 20,000 weekdays and years
        "Officials said the talks would resume. " * 50_000,  # a 2 MB article of ordinary words
        "Word " * 50_000,  # 50,000 capitalised words
    ],
)
def test_hostile_input_is_tagged_in_bounded_time(text):
    started = time.perf_counter()
    found = tag(text, PUBLISHED)
    assert time.perf_counter() - started < 5
    assert len(found) <= len(text) // 3
