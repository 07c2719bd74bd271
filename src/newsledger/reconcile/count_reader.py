"""The numbers killed and injured, read by small learned models where no rule reads them: "the shooting death of
a 5-year-old", "One dead after shooting involving officer", "killing a 14-year-old"; "another female was rushed to
the hospital with critical wounds".

Local reports tell of a death or a wound in more ways than count patterns cover, and each new pattern reached an incident
or two while over-matching others (session 12). This reader looks at every number or one-person phrase ("a
teenager", "another man") in a sentence that tells of a shooting, a death or a wound, and scores it with a
logistic model over the words around it (``training/count_reader.py``, fitted on the GVA tune incidents: a
mention is a positive example of a slot when its number is the registry's count and its sentence tells of a death,
for the killed, or of a wound and no death, for the injured). A story whose rules read no count of a slot takes
the value whose mentions' probabilities sum highest, when the sum reaches the slot's threshold (chosen by
cross-validation on tune, scored where the reader acts); the evidence is the sentences of its likeliest mentions.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsledger.logistic import SparseLogistic
from newsledger.reconcile.counts import parse_number
from newsledger.records import Article
from newsledger.shipped import load as load_shipped

#: Words that make a sentence one about a death, a wound or a shooting: only such sentences are read.
DEATH = re.compile(r"\b(?:killed|dead|died|dies|death|deaths|murder\w*|slain|fatal\w*|homicide|body|bodies)\b",
                   re.IGNORECASE)
WOUND = re.compile(r"\b(?:wound\w*|injur\w*|hurt|hospital\w*|condition|treated|surgery|grazed|struck|stable"
                   r"|critical)\b", re.IGNORECASE)
SHOT = re.compile(r"\bshot\b|\bshooting\b", re.IGNORECASE)
_WORD_NUMBERS = r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
#: A number that is not an age, a time, an address or a count of shots; or one person ("a 15-year-old boy").
MENTION = re.compile(
    rf"\b(?:(?P<number>\d{{1,2}}|{_WORD_NUMBERS})(?![-\s]*(?:years?|year-old|yr|months?|weeks?|days?|hours?|minutes?"
    r"|times|a\.m|p\.m|percent|%|:|,\d|\d|th|st|nd|rd|block|feet|shots?|rounds?|bullets?|guns?|handguns?))"
    r"|(?P<one>an?|another|one)\s+(?:[\w-]+\s+){0,2}?(?:man|woman|person|teen|teenager|boy|girl|child|toddler|baby"
    r"|infant|officer|deputy|trooper|victim|student|resident|bystander|driver|passenger|individual|female|male"
    r"|juvenile|\d+-year-old|[a-z]+-year-old)\b)", re.IGNORECASE)
_WORD = re.compile(r"[a-z]+|\d+", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
#: Counts above this are not what the reader was fitted on (local shootings).
LARGEST = 50
#: A story's earliest reports are read: they tell how many, and a story of thousands of articles costs what one of
#: fifty does (the GVA stories the reader was fitted on hold at most 16).
READ_ARTICLES = 50
#: What a finding's explanation says of a value this reader gave (the training tells them from the rules' by it).
LEARNED = "read by the learned count reader"


@dataclass(frozen=True)
class Mention:
    value: int
    start: int  # the sentence that holds it: the evidence a reader is shown
    end: int
    features: frozenset[str]


def sentences(text: str) -> Iterable[tuple[int, int]]:
    """(start, end) of each sentence, split at end punctuation and line breaks (no parse: the training reads the
    registry's raw texts the same way)."""
    start = 0
    for gap in _SENTENCE_END.finditer(text):
        if text[start:gap.start()].strip():
            yield start, gap.start()
        start = gap.end()
    if text[start:].strip():
        yield start, len(text)


def tells_of_death(texts: Iterable[str]) -> bool:
    """Whether any of a story's texts speaks of a death at all (a feature of every mention)."""
    return any(DEATH.search(text) for text in texts)


def mentions(text: str, story_death: bool) -> list[Mention]:
    """Every number or one-person phrase of a sentence about a death, a wound or a shooting, with its features."""
    found = []
    for rank, (start, end) in enumerate(sentences(text)):
        sentence = text[start:end]
        said = (bool(DEATH.search(sentence)), bool(WOUND.search(sentence)), bool(SHOT.search(sentence)))
        if not any(said):
            continue
        words = [(w.start(), w.end(), w.group().casefold()) for w in _WORD.finditer(sentence)]
        starts, ends = [w[0] for w in words], [w[1] for w in words]  # a long sentence's words are split once
        for match in MENTION.finditer(sentence):
            value = _value(match)
            if value is None or value > LARGEST:
                continue
            last = bisect_right(ends, match.start())
            before = [w for _, _, w in words[max(0, last - 5):last]]
            first = bisect_left(starts, match.end())
            after = [w for _, _, w in words[first:first + 6]]
            kind = "number" if match.group("number") else match.group("one").casefold()
            features = {f"b{min(k, 2)}={w}" for k, w in enumerate(reversed(before))}
            features |= {f"a{min(k, 3)}={w}" for k, w in enumerate(after)}
            features |= {f"kind={kind}", f"v={min(value, 5)}", f"pos={min(rank, 5)}",
                         f"combo={''.join(str(int(s)) for s in said)}{int(story_death)}"}
            features |= {name for name, on in zip(("death", "wound", "shot"), said) if on}
            if story_death:
                features.add("story_death")
            found.append(Mention(value, start, end, frozenset(features)))
    return found


def story_mentions(texts: Sequence[tuple[str, str]]) -> list[tuple[str, Mention]]:
    """(article id, mention) of a story's (article id, text) pairs: what every slot's reader scores."""
    story_death = tells_of_death(text for _, text in texts)
    return [(article, mention) for article, text in texts for mention in mentions(text, story_death)]


def earliest(articles: Iterable[Article]) -> list[tuple[str, str]]:
    """(id, text) of a story's ``READ_ARTICLES`` earliest articles (by date, undated first), in id order."""
    first = sorted(articles, key=lambda a: (a.published or "", a.id))[:READ_ARTICLES]
    return sorted((a.id, a.text) for a in first)


def _value(match: re.Match) -> int | None:
    if match.group("one"):
        return 1
    parsed = parse_number(match.group("number"))
    return int(parsed[0]) if parsed else None


#: What a mention must be in to teach a slot: the killed are told of in a sentence about a death; the injured in
#: one about a wound and not a death (a number beside "wounded" in "one killed, two wounded" is of both).
TEACHES = {"killed": frozenset({"death"}), "injured": frozenset({"wound"})}
UNTAUGHT = {"killed": frozenset(), "injured": frozenset({"death"})}
#: The counts a rule read that leave a slot to the rules: the people shot give the injured (``derived``).
READ_BY_RULES = {"killed": frozenset({"killed"}), "injured": frozenset({"injured", "shot"})}


def teaches(slot: str, mention: Mention) -> bool:
    """Whether a mention of the registry's count is a positive example for ``slot`` (else it is a negative)."""
    return TEACHES[slot] <= mention.features and not UNTAUGHT[slot] & mention.features


@dataclass(frozen=True)
class Reading:
    value: int
    score: float  # the sum of the probabilities of the mentions of the value
    mentions: tuple[tuple[str, Mention, float], ...]  # (article, mention, probability), the likeliest first


@dataclass(frozen=True)
class SlotReader:
    """The mention model of one slot and the score a story's value needs before it is taken."""

    slot: str
    model: SparseLogistic
    threshold: float

    def read(self, found: Sequence[tuple[str, Mention]]) -> Reading | None:
        """The value of a story's (article id, mention) pairs (``story_mentions``) whose probabilities sum
        highest, when the sum reaches the threshold; its mentions that are likelier than not (its likeliest at
        least) are its evidence. Between equal sums the smaller value."""
        by_value: dict[int, list[tuple[str, Mention, float]]] = {}
        for article, mention in found:
            by_value.setdefault(mention.value, []).append((article, mention, self.model.probability(mention.features)))
        if not by_value:
            return None
        value = max(sorted(by_value), key=lambda v: sum(p for _, _, p in by_value[v]))
        score = sum(p for _, _, p in by_value[value])
        if score < self.threshold:
            return None
        ranked = sorted(by_value[value], key=lambda item: (-item[2], item[0], item[1].start))
        return Reading(value, score, tuple(ranked[:1] + [item for item in ranked[1:] if item[2] >= 0.5]))

    def as_dict(self) -> dict[str, Any]:
        return {"slot": self.slot, "threshold": self.threshold, "bias": self.model.bias,
                "weights": dict(sorted(self.model.weights.items()))}


@dataclass(frozen=True)
class CountReader:
    """The slot readers, in the order they are applied."""

    readers: tuple[SlotReader, ...]

    def to_json(self, provenance: dict[str, Any]) -> str:
        return json.dumps({"readers": [r.as_dict() for r in self.readers], "provenance": provenance}, indent=0)

    @classmethod
    def load(cls, path: Path) -> CountReader:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return cls(tuple(SlotReader(r["slot"], SparseLogistic(r["weights"], r["bias"]), r["threshold"])
                         for r in data["readers"]))


def shipped() -> CountReader:
    return load_shipped("count_reader")
