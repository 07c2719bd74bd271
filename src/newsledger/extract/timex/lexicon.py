"""Words of time: month, weekday, number, unit, season and part-of-day names with their TIMEX3 codes.

Data rather than code so each rule reads as a pattern over these names (conventions of TimeML / TempEval-3:
units map to ISO 8601 duration letters, parts of day to MO/AF/EV/NI, seasons to SP/SU/FA/WI)."""

from __future__ import annotations

MONTHS: dict[str, int] = {
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
WEEKDAYS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        [("monday", "mon"), ("tuesday", "tue", "tues"), ("wednesday", "wed"), ("thursday", "thu", "thurs"),
         ("friday", "fri"), ("saturday", "sat"), ("sunday", "sun")]
    )
    for name in names
}
NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "half": 0,
    "a dozen": 12, "dozen": 12, "a hundred": 100, "a half": 0,
}
TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
UNITS_1_9 = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
#: Quantities that say "some number of": the TIMEX3 value then has X for the count ("a few days" → PXD).
VAGUE_COUNTS = ("a few", "few", "several", "many", "some", "a couple of", "couple of", "the past few",
                "a number of", "countless", "numerous")
ORDINALS: dict[str, int] = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}

#: Unit → (ISO 8601 duration letter, whether it is a time-of-day unit written after "T", multiplier).
UNITS: dict[str, tuple[str, bool, int]] = {
    "second": ("S", True, 1), "minute": ("M", True, 1), "hour": ("H", True, 1), "day": ("D", False, 1),
    "night": ("D", False, 1), "week": ("W", False, 1), "fortnight": ("W", False, 2), "month": ("M", False, 1),
    "quarter": ("Q", False, 1), "year": ("Y", False, 1), "decade": ("E", False, 1), "century": ("C", False, 1),
    "weekend": ("WE", False, 1),
}
UNIT_FORMS: dict[str, str] = {
    **{unit: unit for unit in UNITS}, **{unit + "s": unit for unit in UNITS},
    "centuries": "century", "hrs": "hour", "hr": "hour", "mins": "minute", "min": "minute", "secs": "second",
}
PARTS_OF_DAY: dict[str, str] = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
                                "overnight": "NI", "midday": "MI"}
SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
#: Adverbs of frequency and their SET values.
FREQUENCIES: dict[str, str] = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M",
                               "quarterly": "P3M", "annually": "P1Y", "yearly": "P1Y", "hourly": "PT1H",
                               "biweekly": "P2W", "semiannually": "P6M", "semiannual": "P6M"}
#: Words that point at the present, past or future without fixing a date (TIMEX3 *_REF values).
REFERENCES: dict[str, str] = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF",
    "nowadays": "PRESENT_REF", "these days": "PRESENT_REF", "at present": "PRESENT_REF",
    "the present": "PRESENT_REF", "at the moment": "PRESENT_REF", "for the time being": "PRESENT_REF",
    "recently": "PAST_REF", "recent": "PAST_REF", "lately": "PAST_REF", "the past": "PAST_REF",
    "in the past": "PAST_REF",
    "the future": "FUTURE_REF", "in the future": "FUTURE_REF",
    "the near future": "FUTURE_REF", "a later date": "FUTURE_REF",
}
#: "today" and its kin: days from the anchor and the part of day they fix (None: the whole day).
DAY_WORDS: dict[str, tuple[int, str | None]] = {
    "today": (0, None), "tonight": (0, "NI"), "this morning": (0, "MO"), "this afternoon": (0, "AF"),
    "this evening": (0, "EV"), "yesterday": (-1, None), "last night": (-1, "NI"), "tomorrow": (1, None),
    "the day before yesterday": (-2, None), "the day after tomorrow": (2, None),
    "yesterday morning": (-1, "MO"), "yesterday afternoon": (-1, "AF"), "yesterday evening": (-1, "EV"),
    "tomorrow morning": (1, "MO"), "tomorrow afternoon": (1, "AF"), "tomorrow evening": (1, "EV"),
    "tomorrow night": (1, "NI"), "overnight": (0, "NI"), "last evening": (-1, "EV"),
}

#: Words of which every time expression holds at least one (besides digits): the tagger looks only near them.
TRIGGERS: frozenset[str] = frozenset(
    {*MONTHS, *WEEKDAYS, *(w + "s" for w in WEEKDAYS), *UNIT_FORMS, *PARTS_OF_DAY, *SEASONS, *FREQUENCIES,
     *(word for phrase in (*REFERENCES, *DAY_WORDS) for word in phrase.split()),
     "noon", "midnight", "ago", "quarter", "quarters", "half", "fiscal", "christmas", "thanksgiving", "new",
     "independence", "fourth", "halloween", "valentine", "veterans", "labor", "memorial", "nineteen", "thousand",
     "end", "year", "earlier", "each", "every", "per", "recent", "coming", "current", "first", "second", "third",
     "1st", "2nd", "3rd", "4th", "daily", "period"}
    - {"the", "in", "at", "for", "this", "last", "a", "of"}
)
