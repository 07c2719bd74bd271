"""The TIMEX3 rules: each a regular expression for one family of time expressions, paired with the reading
(``readings.py``) that turns its match into a TIMEX3 type and value, and the key words without which it cannot
match (so the tagger runs it only where they occur).

Conventions follow TimeML / TempEval-3, learned from the guidelines and HeidelTime's public rule resources, not
copied (those are GPL). Patterns are alternations with bounded repeats and no nested quantifiers, so matching is
linear; month and weekday names must be capitalised ("may", "march" and "sun" are words too).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from newsledger.extract.timex import readings as read
from newsledger.extract.timex.lexicon import (
    DAY_WORDS,
    FREQUENCIES,
    MONTHS,
    NUMBER_WORDS,
    PARTS_OF_DAY,
    REFERENCES,
    SEASONS,
    TENS,
    UNIT_FORMS,
    UNITS_1_9,
    VAGUE_COUNTS,
    WEEKDAYS,
)
from newsledger.extract.timex.readings import Context, Reading


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
    _rule("iso", r"(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)(?:T(?P<hour>\d\d):(?P<minute>\d\d))?", read.iso),
    _rule("slashed", r"(?P<month>[01]?\d)/(?P<day>[0-3]?\d)/(?P<year>\d{4}|\d\d)", read.slashed),
    _rule("date", r"(?:" + WEEKDAY + r",?\s+)?(?:the\s+)?" + EDGE.replace("(?:early|", "(?:") + MONTH + r"\s+" + DAY
          + r"(?:,?\s+" + YEAR + r")?" + PART, read.full_date),
    _rule("date_day_first", r"(?:" + WEEKDAY + r",?\s+)?(?:the\s+)?" + DAY + r"(?:\s+of)?\s+" + MONTH
          + r"(?:,?\s+" + YEAR + r")?", read.full_date),
    _rule("month_year", EDGE + MONTH + r",?\s+(?:of\s+)?" + YEAR, read.month_year),
    _rule("month_relative_year", EDGE + MONTH + r"\s+(?P<which>last|this|next)\s+year", read.month_relative_year),
    _rule("month", EDGE + r"(?:(?P<which>last|this|next|past|coming)\s+)?" + MONTH
          + r"(?!\s+(?:of|for)\s+(?:the\s+)?(?-i:[A-Z]))", read.month_alone),
    _rule("year", EDGE + r"(?:(?:fiscal|calendar|the\s+year|model\s+year|fiscal\s+year)\s+)?" + YEAR
          + r"(?!\s*(?:%|percent))", read.year),
    _rule("decade", r"(?:the\s+)?(?:(?:early|mid|late)[\s-]*)?(?:['’](?P<decade>\d)0|(?P<decade_>1\d\d|20\d)0)['’]?s",
          lambda match, context: Reading("DATE", (f"19{match['decade']}" if match["decade"] else match["decade_"]))),
    _rule("quarter", r"(?:the\s+)?(?:(?:company's|fiscal|its|their|year's)\s+)?(?P<ordinal>first|second|third|fourth"
          r"|1st|2nd|3rd|4th)[\s-]+(?:fiscal[\s-]+)?quarter(?:(?:\s+of\s+(?:fiscal\s+)?|,?\s+)" + YEAR
          + r")?", read.quarter),
    _rule("reported_quarter", r"the\s+(?:(?:latest|most\s+recent|recent|just-ended|just-completed)?\s*(?:fiscal\s+)?"
          r"quarter|latest\s+period)(?!\s+of\b|[\w-])", lambda match, context: read.reported_quarter(context, 0)),
    _rule("year_ago_quarter", r"(?:the\s+)?(?:comparable\s+|same\s+)?(?:year-earlier|year-ago|year\s+earlier)"
          r"(?:\s+(?:quarter|period))?", lambda match, context: read.reported_quarter(context, -4)),
    _rule("half", r"(?:the\s+)?(?P<ordinal>first|second)[\s-]+half(?:\s+of\s+(?:fiscal\s+)?" + YEAR + r")?",
          read.half),
    _rule("relative", EDGE + r"(?:the\s+)?" + WHICH + r"(?P<unit>week|weekend|month|year|quarter|decade|century|fortnight)(?![\w-])",
          read.relative_unit),
    _rule("anaphoric", r"(?P<which>that|the\s+same|earlier\s+that|later\s+that|the\s+following|the\s+next"
          r"|the\s+previous|the\s+preceding|the\s+prior)\s+(?P<unit>year|month|day)", read.anaphoric),
    _rule("edge_of_unit", r"(?:the\s+)?(?:end|beginning|start|middle|rest|remainder)\s+of\s+(?:the|this)\s+"
          r"(?P<unit>year|month|week|quarter)", lambda match, context: read.this(match["unit"].lower(), context)),
    _rule("season", EDGE + r"(?:(?P<which>last|this|next|past|coming|the)\s+|(?<=in\s)|(?<=by\s)|(?<=during\s)"
          r"|(?<=since\s)|(?<=until\s)|(?=\w+\s+(?:of\s+)?(?:1[6-9]|20)\d\d))(?P<season>" + _alternation(SEASONS)
          + r")(?:\s+(?:of\s+)?" + YEAR + r")?", read.season),
    _rule("day_word", r"(?:(?:early|late|mid)[\s-]+)?(?P<dayword>" + _alternation(DAY_WORDS) + ")", read.day_word),
    _rule("weekday", r"(?:(?:early|late|mid)[\s-]+)?(?:(?P<which>last|this|next|past|coming)\s+)?" + WEEKDAY + PART,
          read.weekday),
    _rule("clock", _CLOCK + r"(?:\s+(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|ET|local\s+time))?" + _CLOCK_DAY,
          read.clock),
    _rule("ago", MODIFIER + r"(?:" + NUMBER + r"[\s-]+)?" + UNIT + r"\s+(?:ago|earlier)", read.ago),
    _rule("duration", r"(?:the\s+)?(?:(?:past|last|next|first|coming|previous|final|latest|following|initial)\s+)?"
          + MODIFIER + NUMBER + r"[\s-]+(?:(?:more|additional|straight|consecutive|full|trading|business|working"
          r"|calendar)\s+)?" + UNIT + r"(?P<and_half>\s+and\s+a\s+half)?(?!-old|\s+old)(?<!-quarters)",
          read.counted_duration),
    _rule("plural_duration", r"(?:(?<=for\s)|(?<=within\s))(?P<unit>years|months|weeks|days|decades|centuries|hours"
          r"|minutes)", read.plural_duration),
    _rule("fiscal_period", r"the\s+(?:fiscal\s+|full\s+)?(?P<unit>year|nine\s+months|six\s+months|half)"
          r"(?=\s+(?:ended|ending|that\s+ended|to\s+(?-i:[A-Z])))", read.fiscal_period),
    _rule("year_end", r"(?:year['’]s\s+end|year[\s-]end)", lambda match, context: read.this("year", context)),
    _rule("year_words", r"(?:the\s+year\s+)?(?P<year_words>nineteen[\s-]+(?:" + _alternation(TENS) + r")(?:[\s-]+(?:"
          + _alternation(UNITS_1_9) + r"))?|two\s+thousand(?:\s+and)?(?:[\s-]+(?:" + _alternation(UNITS_1_9)
          + r"|ten|eleven|twelve))?)", read.year_words),
    _rule("century", r"(?:the\s+)?(?P<ordinal>\d{1,2})(?:st|nd|rd|th)[\s-]+century",
          lambda match, context: Reading("DATE", f"{int(match['ordinal']) - 1:02d}")),
    _rule("recent_units", r"(?:the\s+)?(?:recent|coming)\s+(?P<unit>years|months|weeks|days|decades|quarters)",
          read.recent_units),
    _rule("frequency", _alternation(FREQUENCIES), read.frequency),
    _rule("every", r"(?:each|every|per)\s+(?:" + WEEKDAY + r"|" + UNIT + r")", read.every),
    _rule("weekdays", r"(?P<weekdays>(?-i:Mondays|Tuesdays|Wednesdays|Thursdays|Fridays|Saturdays|Sundays))",
          read.weekdays_plural),
    _rule("reference", _alternation(REFERENCES), read.reference),
    _rule("holiday", r"(?:(?P<which>last|this|next|past|coming)\s+)?(?P<holiday>" + _alternation(_HOLIDAYS)
          + r")(?:,?\s+" + YEAR + r")?", read.holiday),
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
