"""The span rules: the edits that move a draft's source, content or cue edge to where PolNeAR's annotators put
it, by name, in the order a draft meets them, each with why it exists and what it measured when it was
written (on PolNeAR TRAIN unless it says otherwise). Each is a named function of ``spans`` (or of the module
named beside it) that asks ``Document.skips`` first, so ``extract_attributions(without=…)`` and ``newsledger
bench attribution --without NAME`` show what a rule buys."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    edits: str  # "content", "source" or "cue"
    reason: str


OBJECT_OF_URGING = Rule(
    "content-with-urged-object", "content",
    "frames.object_told: 'urged Republicans to disavow him' reports the object too, 'told reporters that' not "
    "its addressee (PolNeAR's reading on train)")
AFTER_OPENING_CONJUNCTION = Rule(
    "content-after-opening-conjunction", "content",
    "proposals.past_conjunction: a content around 'according to X' starts after the 'And'/'But' or 'Still,' "
    "opening its sentence")
WITHIN_PARAGRAPH = Rule(
    "content-within-paragraph", "content",
    "spans.clip: a content stays in its cue's paragraph (and a quotation below 'He said:', or the quotation "
    "it runs into); the parser runs headlines and datelines into sentences")
WITHOUT_ASIDE = Rule(
    "content-without-aside", "content",
    "spans.without_aside: ', which votes on March 1' after a comma is the writer's aside, which PolNeAR leaves "
    "out; appositions, participles and adjuncts were tried too and lowered train exact content F1")
WITHOUT_EDGE_PUNCTUATION = Rule(
    "content-without-edge-punctuation", "content",
    "spans.tidy: a content starts and ends at a word, without the final full stop or a comma, colon or dash")
ABBREVIATION_STOP = Rule(
    "content-keeps-abbreviation-stop", "content",
    "spans.tidy: 'the U.S.' keeps its final stop, which is part of the word")
CONTENT_AFTER_DATELINE = Rule(
    "content-after-dateline", "content",
    "spans.past_dateline: 'NEW YORK - …' at a line's start is a dateline, neither source nor content")
WHOLE_QUOTATION = Rule(
    "content-whole-quotation", "content",
    "spans.tidy: a content that starts or ends inside a quotation takes all of it, with its marks")
SET_OFF_PARTICIPLE = Rule(
    "source-without-set-off-participle", "source",
    "spans.set_off_participle: 'The senator, speaking to reporters, said' -> 'The senator', as PolNeAR marks "
    "it 30 times in 40 (CV source overlap/exact 0.769/0.718 -> 0.771/0.718)")
TRAILING_DATE = Rule(
    "source-without-trailing-date", "source",
    "spans.trailing_date: 'The report on Wednesday said' -> 'The report', as PolNeAR marks it 23 times in 26 "
    "(CV source exact 0.719 -> 0.720)")
AFTER_BLANK_LINE = Rule(
    "source-after-blank-line", "source",
    "spans.after_blank_line: a source starts on its own line, not in a headline or dateline the parser ran "
    "into it (dev source overlap 0.771 -> 0.773)")
WITHOUT_STRAY_MARK = Rule(
    "source-without-stray-mark", "source",
    "spans.without_stray_mark: a source starts at a word, not at a closing quotation mark the parser left on")
SOURCE_AFTER_DATELINE = Rule(
    "source-after-dateline", "source",
    "spans.past_dateline: 'NEW YORK - Donald Trump said' -> 'Donald Trump'")
WITHOUT_OPENING_ADVERB = Rule(
    "source-without-opening-adverb", "source",
    "spans.without_opening_adverb: 'Also, the administration' -> 'the administration'; 'Even Donald Trump' -> "
    "'Donald Trump', as PolNeAR marks it 23 times in 27 (CV source exact 0.718 -> 0.719); 'only' stays")
WITHOUT_TRAILING_SPACE = Rule(
    "source-without-trailing-space", "source",
    "spans.without_trailing_space: a source ending in a line break's whitespace token ends at its last word")
APPOSITION_COMMA = Rule(
    "source-keeps-apposition-comma", "source",
    "spans.with_apposition_comma: 'Tad Devine, a senior adviser, said' keeps the comma closing the apposition, "
    "as PolNeAR does 12 times in 13")
CUE_TO_FRAME_VERB = Rule(
    "cue-from-frame-verb", "cue",
    "tagged.widen_to_verb: a cue the tagger found from its preposition or infinitive ('about', 'to say') "
    "starts at the verb of its frame ('provided new details about', 'declined to say'), as PolNeAR marks it")
#: Every rule, in the order a draft meets them: content edges as a cue's frame is read, then the source's.
RULES: tuple[Rule, ...] = (
    OBJECT_OF_URGING, AFTER_OPENING_CONJUNCTION, WITHIN_PARAGRAPH, WITHOUT_ASIDE, WITHOUT_EDGE_PUNCTUATION,
    ABBREVIATION_STOP, CONTENT_AFTER_DATELINE, WHOLE_QUOTATION, SET_OFF_PARTICIPLE, TRAILING_DATE,
    AFTER_BLANK_LINE, WITHOUT_STRAY_MARK, SOURCE_AFTER_DATELINE, WITHOUT_OPENING_ADVERB, WITHOUT_TRAILING_SPACE,
    APPOSITION_COMMA, CUE_TO_FRAME_VERB,
)
NAMES = frozenset(rule.name for rule in RULES)
