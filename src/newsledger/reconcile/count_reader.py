"""The number killed, read by a small learned model where no rule reads it: "the shooting death of a 5-year-old",
"One dead after shooting involving officer", "the fatal shooting of a 15-year-old boy", "killing a 14-year-old".

Local reports tell of one death in more ways than count patterns cover, and each new pattern reached an incident
or two while over-matching others (session 12). This reader looks at every number or one-person phrase ("a
teenager", "another man") in a sentence that tells of a shooting, a death or a wound, and scores it with a
logistic model over the words around it (``training/count_reader.py``, fitted on the GVA tune incidents: a
mention is a positive example when its number is the registry's count of the killed). A story whose rules read no
count of the killed takes the best-scored mention's number when its probability reaches the model's threshold
(chosen by cross-validation on tune); the evidence is the mention's sentence. It reads only the killed: for the
injured the same model gained no more incidents than it lost (``docs/decisions.md``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsledger.logistic import SparseLogistic
from newsledger.reconcile.counts import parse_number
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
        for match in MENTION.finditer(sentence):
            value = _value(match)
            if value is None or value > LARGEST:
                continue
            before = [w.casefold() for w in _WORD.findall(sentence[:match.start()])][-5:]
            after = [w.casefold() for w in _WORD.findall(sentence[match.end():])][:6]
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


def _value(match: re.Match) -> int | None:
    if match.group("one"):
        return 1
    parsed = parse_number(match.group("number"))
    return int(parsed[0]) if parsed else None


@dataclass(frozen=True)
class CountReader:
    """The mention model and the probability a story's best mention needs before its number is taken."""

    model: SparseLogistic
    threshold: float
    slot: str

    def best(self, texts: Sequence[tuple[str, str]]) -> tuple[str, Mention, float] | None:
        """(article, mention, probability) of the best-scored mention of a story's (article id, text) pairs, when
        it reaches the threshold; the earliest article's first among equals."""
        story_death = tells_of_death(text for _, text in texts)
        scored = [(self.model.probability(m.features), article, m)
                  for article, text in texts for m in mentions(text, story_death)]
        if not scored:
            return None
        top = max(p for p, _, _ in scored)
        probability, article, mention = next(item for item in scored if item[0] == top)
        return (article, mention, probability) if probability >= self.threshold else None

    def to_json(self, provenance: dict[str, Any]) -> str:
        return json.dumps({"slot": self.slot, "threshold": self.threshold, "bias": self.model.bias,
                           "weights": dict(sorted(self.model.weights.items())), "provenance": provenance}, indent=0)

    @classmethod
    def load(cls, path: Path) -> CountReader:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return cls(SparseLogistic(data["weights"], data["bias"]), data["threshold"], data["slot"])


def shipped() -> CountReader:
    return load_shipped("count_reader")
