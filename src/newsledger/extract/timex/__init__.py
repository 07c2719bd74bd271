"""Time expressions (TIMEX3): find them in an article and give each its type and normalised value.

Every DATE, TIME, DURATION and SET expression the rules (``rules.py``) recognise is tagged with a TimeML /
TempEval-3 value resolved against the anchor (the publication date). Relative expressions ("Saturday", "last
week", "5:38 a.m. Saturday") follow the tense of their clause when a parse is given: news reports the past, so a
bare weekday or month-day is the latest one on or before the anchor unless the verb looks ahead ("will meet
Friday"). Without an anchor a relative expression keeps its span and type but its value is None: a date is never
invented.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from newsledger.extract.timex.lexicon import TRIGGERS
from newsledger.extract.timex.rules import DIGIT, RULE_KEYS, RULES, Context, Reading
from newsledger.records import TimeValue

if TYPE_CHECKING:  # annotations only: the web server reads time labels (``values``) without loading spaCy
    from spacy.tokens import Doc, Span

__all__ = ["Timex", "find_times", "normalize", "resolve", "tag"]

#: How far around a trigger word a time expression may reach ("the very end of the" before "year").
_MARGIN = 60
_WORD = re.compile(r"[^\W_]+")
#: How far a named day stays the day of a bare clock time ("Friday ... at 10:35 a.m.").
_DAY_REACH = 500
#: How far a named quarter ("the third quarter") stays the period a results report compares ("a year earlier").
_QUARTER_REACH = 1500
_QUARTER = re.compile(r"\d{4}-Q[1-4]")
#: Rules whose match is a bare number that may be a count rather than a year ("2000 people").
_BARE_YEAR = "year"
#: Auxiliaries that put a clause in the future.
_FUTURE_AUX = {"will", "'ll", "wo", "shall", "going"}
#: Without a parse there is no tense to read: news reports the past, so bare weekdays and month-days look back.
#: (With a parse but no telling verb, the nearest occurrence is taken: "payable Dec. 15" said in October.)
_UNPARSED = -1
#: Verbs whose infinitive complement is still to come ("plans to meet Friday"), whatever their own tense.
_FORWARD_VERBS = {"plan", "expect", "schedule", "intend", "want", "hope", "aim", "seek", "prepare", "vow",
                  "promise", "threaten", "decide", "agree", "set", "due", "likely", "going", "try", "wish"}
#: Participles of arrangements still to come ("a meeting scheduled for Dec. 5").
_FUTURE_PARTICIPLES = {"schedule", "plan", "expect", "slate", "due", "propose"}
_NUMERIC_ENTITIES = {"MONEY", "CARDINAL", "QUANTITY", "PERCENT", "ORDINAL"}


@dataclass(frozen=True, slots=True)
class Timex:
    """One tagged expression: character offsets into the text, its TIMEX3 reading, the rule that found it."""

    start: int
    end: int
    text: str
    reading: Reading
    rule: str


def tag(text: str, anchor: date | None, doc: Doc | None = None) -> list[Timex]:
    """Every time expression in ``text`` in order, longest first where rules overlap; ``doc`` (the parse of the
    same text) gives the tense that resolves bare weekdays and month-days and vetoes counts read as years."""
    found: list[Timex] = []
    last_day, day_at, last_quarter, quarter_at, last_date = None, 0, None, 0, None
    for start, end, rule, match in _choose(_candidates(text)):
        span = _span(doc, start, end) if doc is not None else None
        if span is not None and _not_a_time(rule.name, span):
            continue
        direction = _direction(span) if span is not None else _UNPARSED
        recent_quarter = last_quarter if start - quarter_at < _QUARTER_REACH else None
        recent_day = last_day if start - day_at < _DAY_REACH else None
        reading = rule.read(match, Context(anchor, direction, recent_day, recent_quarter, last_date))
        if reading is None:
            continue
        if span is not None and rule.name == "duration" and _is_a_rate(span):
            reading = Reading("SET", reading.value)
        if _day(reading.value):
            last_day, day_at = _day(reading.value), end
        if reading.type in ("DATE", "TIME") and reading.value and reading.value[:4].isdigit():
            last_date = reading.value
        if rule.name == "quarter" and reading.value and _QUARTER.fullmatch(reading.value):  # named, not inferred
            last_quarter, quarter_at = reading.value, end
        found.append(Timex(start, end, text[start:end], reading, rule.name))
    return found


def _day(value: str | None) -> date | None:
    """The calendar day a value names ("2016-06-04", "2016-06-04TMO"), else None."""
    if value is None or len(value) < 10 or not value[:4].isdigit():
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def find_times(doc: Doc, anchor: date | None) -> list[TimeValue]:
    """The time expressions of a parsed article, in document order, as ledger records."""
    return [
        TimeValue(timex.text, timex.start, timex.end, timex.reading.value,
                  anchor.isoformat() if anchor is not None and timex.reading.anchored else None, timex.reading.type)
        for timex in tag(doc.text, anchor, doc)
    ]


def normalize(text: str, anchor: date | None) -> str | None:
    """The TIMEX3 value of a time expression (its longest expression when it holds several), or None."""
    return resolve(text, anchor)[0]


def resolve(text: str, anchor: date | None) -> tuple[str | None, bool]:
    """The TIMEX3 value and whether the anchor was needed to get it (so the caller can record the anchor)."""
    found = tag(text, anchor)
    if not found:
        return None, False
    longest = max(found, key=lambda timex: timex.end - timex.start)
    return longest.reading.value, longest.reading.value is not None and longest.reading.anchored


def _candidates(text: str):
    """Every rule's matches, searched only near the words a time expression must hold (a number, a month, a
    unit...) and only with the rules those words can start: an article is scanned once by a simple tokenizer,
    so the cost follows the number of time words, not the rules times the length."""
    for start, end, words in _windows(text):
        for rule in RULES:
            if RULE_KEYS[rule.name].isdisjoint(words):
                continue
            for match in rule.pattern.finditer(text, start, end):
                if match.end() > match.start():
                    yield match.start(), match.end(), rule, match


def _windows(text: str) -> list[tuple[int, int, set[str]]]:
    """Stretches of text around the trigger words, merged, each ending at a space so no word is cut, with the
    trigger words they hold."""
    windows: list[tuple[int, int, set[str]]] = []
    for word in _WORD.finditer(text):
        token = word.group()
        key = DIGIT if token[0].isdigit() else token.lower()
        if key != DIGIT and key not in TRIGGERS:
            continue
        start, end = max(0, word.start() - _MARGIN), min(len(text), word.end() + _MARGIN)
        if end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
            space = text.rfind(" ", word.end(), end)
            end = space if space >= 0 else word.end()
        if windows and start <= windows[-1][1]:
            previous = windows[-1]
            previous[2].add(key)
            windows[-1] = (previous[0], max(previous[1], end), previous[2])
        else:
            windows.append((start, end, {key}))
    return windows


def _choose(candidates) -> list:
    """Longest candidates first, each kept only if no kept one overlaps it (earlier rules win ties); in text order."""
    ranked = sorted(candidates, key=lambda c: (c[0] - c[1], c[0]))
    taken = bytearray(max((c[1] for c in ranked), default=0))
    kept = []
    for candidate in ranked:
        start, end = candidate[0], candidate[1]
        if taken[start] or taken[end - 1] or any(taken[start:end]):
            continue
        taken[start:end] = b"\x01" * (end - start)
        kept.append(candidate)
    return sorted(kept, key=lambda c: c[0])


def _span(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def _not_a_time(rule: str, span: Span) -> bool:
    """Words the rules take for time that the parse shows are something else: a four-digit number the tagger
    reads as a count or an amount ("$1990", "1500 troops"; one before a noun is still a year: "the 1996 bombing"),
    "fall" or "now" read as verbs' parts, a frequency adjective on a noun ("quarterly
    dividend", "the Communist Party daily")."""
    root = span.root
    if rule == _BARE_YEAR:
        return span[-1].ent_type_ in _NUMERIC_ENTITIES
    if rule in ("season", "reference"):
        return root.pos_ in ("VERB", "AUX")
    if rule == "frequency":
        return root.pos_ in ("ADJ", "NOUN", "PROPN") and root.dep_ in ("amod", "compound", "dobj", "nsubj", "appos")
    return False


def _is_a_rate(span: Span) -> bool:
    """"$1.76 a year", "four flights a week": one unit after an amount is a frequency (SET), not a duration."""
    root = span.root
    return span[0].lower_ in ("a", "an", "per") and root.dep_ == "npadvmod" and root.head.pos_ in (
        "NUM", "NOUN", "SYM", "PROPN")


def _tense_of(verb) -> int:
    """The plain tense of a governing verb: -1 past, +1 future or present, 0 otherwise."""
    words = {child.lower_ for child in verb.children if child.dep_ in ("aux", "auxpass")}
    if words & _FUTURE_AUX:
        return 1
    if verb.tag_ == "VBD" or words & {"has", "have", "had"}:
        return -1
    return 1 if verb.tag_ in ("VBZ", "VBP") else 0


def _direction(span: Span) -> int:
    """The tense of the clause the expression sits in: +1 future ("will meet Friday", "meets Friday", "plans to
    meet Friday"), -1 past ("met Friday", "has met", "Tuesday's ruling", "the quarter ended Sept. 30"), 0 when
    nothing says (then the nearest occurrence is taken: "payable Dec. 15", "effective Feb. 1")."""
    node = span.root
    if node.dep_ == "poss":  # "Wednesday's ruling": a thing done, whatever the verb of the sentence
        return -1
    for _ in range(8):
        if node.pos_ in ("VERB", "AUX") or node.head is node:
            break
        node = node.head
        if node.pos_ == "ADJ":  # "payable Dec. 15", "effective Feb. 1": the adjective, not the verb, dates it
            return 0
    if node.pos_ not in ("VERB", "AUX"):
        return 0
    auxiliaries = [child for child in node.children if child.dep_ in ("aux", "auxpass")]
    words = {child.lower_ for child in auxiliaries}
    if words & _FUTURE_AUX:
        return 1
    if node.tag_ == "VBN" and node.dep_ == "acl" and not auxiliaries:  # "the year ended March 31", "set on Aug. 6"
        return 1 if node.lemma_ in _FUTURE_PARTICIPLES else -1
    if node.tag_ == "VBD" or words & {"has", "have", "had"} or any(a.tag_ == "VBD" for a in auxiliaries):
        return -1
    if node.tag_ == "VB" and "to" in words:  # "plans to meet Friday"; "staged rallies to mark Friday's entry"
        governor = node.head
        return 1 if governor.lemma_ in _FORWARD_VERBS or governor is node else _tense_of(governor)
    if node.tag_ in ("VBZ", "VBP"):
        return 1
    if node.tag_ == "VBG" and words & {"is", "are", "am"}:
        return 1
    return 0
