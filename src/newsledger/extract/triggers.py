"""Event triggers in TimeML's sense: every word that names something that happens, happened, holds or is
said, found by a learned token classifier.

The lexicon in ``extract.events`` was written around one kind of story (strikes, interceptions, launches) and
misses most happenings of ordinary news ("shooting", "dead", "wound", "incident"). TimeBank and AQUAINT mark
them all, verbs and nominal events alike, with one of seven classes; a logistic regression over eight labels
(not an event, or one of the classes) learns them from features of the spaCy parse (word, lemma, suffixes,
tags, dependency, governor, dependents, neighbours, entity type) and two word lists that reach past TimeBank's
vocabulary (``Lexicon``: known verbs, and how often ECB+ marks a lemma as an event). The weights are a small ``.npz`` shipped beside this module (``triggers_model.npz``,
fitted by ``python -m newsledger.training.events`` on the TempEval-3 train split); scoring is a sum of feature
weights with numpy, so the runtime needs no scikit-learn.

Every TimeML event is one word; spaCy splits hyphenated words ("cease-fire", "write-downs") that TimeML keeps
whole, so the classifier learns the compound's last part and the trigger is widened to the whole compound (in
TimeBank+AQUAINT no event is ever part of a hyphenated word, 28 are whole compounds).
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
from spacy.attrs import TAG
from spacy.tokens import Doc

from newsledger.extract.reading import Reading, strings_of
from newsledger.shipped import load as load_shipped

MODEL_PATH = Path(__file__).with_name("triggers_model.npz")

#: TimeML's event classes (TimeML 1.2.1 guidelines, section 2.3).
CLASSES = ("OCCURRENCE", "REPORTING", "STATE", "I_ACTION", "I_STATE", "ASPECTUAL", "PERCEPTION")
OUTSIDE = "O"

#: Parts of speech the classifier weighs. In TimeBank+AQUAINT 99.7% of events are verbs, nouns, adjectives or
#: auxiliaries as spaCy tags them (ADP 15, ADV 10, PROPN 8 of 11,319); weighing only these skips over half
#: the tokens. A lower-case word tagged PROPN is a tagging slip and is weighed too.
CANDIDATE_POS = frozenset(("VERB", "NOUN", "ADJ", "AUX"))

#: Endings of nominalised events ("explosion", "agreement", "closure"): a feature, as the suffix features alone
#: do not tell "-ment" (event) from "-ent" (often not).
NOMINAL_SUFFIXES = ("tion", "sion", "ment", "ance", "ence", "ure", "ing", "al", "age", "ery", "sis", "ade")

#: Endings that turn a verb into a noun or adjective, with what undoes them: "explosion" → "explode",
#: "shooting" → "shoot", "agreement" → "agree", "arrival" → "arrive", "injured" → "injure". A noun whose undone
#: form is a known verb is likely an event noun; the check is a feature, so a wrong undoing only weakens it.
DEVERBAL_RULES = (
    ("ation", "ate"), ("ation", "e"), ("ation", ""), ("ition", ""), ("sion", "de"), ("sion", "d"), ("ssion", "ss"),
    ("tion", "te"), ("ion", ""), ("ion", "e"), ("ment", ""), ("ance", ""), ("ance", "e"), ("ence", ""),
    ("ence", "e"), ("al", ""), ("al", "e"), ("ure", "e"), ("ure", ""), ("ing", ""), ("ing", "e"), ("age", ""),
    ("ery", ""), ("y", ""), ("ed", ""), ("ed", "e"), ("en", ""), ("ant", ""), ("ent", ""),
)

#: Dependents whose word, joined to the dependency, tells tense, voice, negation, a determiner's kind or the
#: preposition that introduces an argument ("of the company", "by police").
_TELLING_DEPS = frozenset(("aux", "auxpass", "neg", "prt", "det", "poss", "mark", "case", "expl", "agent", "prep"))

_HYPHEN = "-"
#: Parts of a hyphenated word a trigger is widened over at most ("brain-wash", "price-cutting", "so-called";
#: TimeBank's longest event compound has two): bounded work on a hostile "a-a-a-…" chain.
MAX_COMPOUND_PARTS = 4


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Word knowledge the features read, saved in the model: ``verbs``, the verbs spaCy's lemmatizer lists (for
    ``verbal_origin``); ``action_prior``, lemma → how often another corpus (ECB+ train topics) marks it as an
    event mention, as a bucket (``prior_bucket``). Both generalise past TimeBank's finance-heavy vocabulary."""

    verbs: frozenset[str] = frozenset()
    action_prior: dict[str, str] = field(default_factory=dict)


def prior_bucket(marked: int, seen: int) -> str:
    """The bucket of a lemma marked as an event ``marked`` times of ``seen`` (at least two sightings)."""
    share = marked / seen
    return "none" if share == 0 else "low" if share < 0.34 else "mid" if share < 0.67 else "high"


@dataclass(frozen=True, slots=True)
class Trigger:
    """One event trigger: tokens ``[start_token, end_token)``, characters ``[start_char, end_char)``."""

    start_token: int
    end_token: int
    start_char: int
    end_char: int
    text: str
    event_class: str
    score: float


class Sheet:
    """What the features read of a doc: the shared ``reading`` plus fine tags and each token's dependents."""

    def __init__(self, doc: Doc, lexicon: Lexicon = Lexicon()):
        read: Reading = Reading(doc)
        self.lexicon = lexicon
        self.read = read
        self.n = read.n
        (self.tag,) = strings_of(doc, (TAG,))
        self.own: dict[tuple[str, ...], list[str]] = {}  # ``features``' cache of the context-free part
        self.children: list[list[int]] = [[] for _ in range(self.n)]
        for i, head in enumerate(read.head):
            if head != i:
                self.children[head].append(i)


def is_candidate(sheet: Sheet, i: int) -> bool:
    pos = sheet.read.pos[i]
    return pos in CANDIDATE_POS or (pos == "PROPN" and sheet.read.orth[i].islower())


def _shape(word: str) -> str:
    if word.islower():
        return "lower"
    if word.istitle():
        return "title"
    if word.isupper():
        return "upper"
    return "mixed"


def verbal_origin(word: str, verbs: frozenset[str]) -> str:
    """How ``word`` comes from a known verb: "=" (it is one: "attack"), an ending ("ion" for "explosion"), or ""."""
    if word in verbs:
        return "="
    for suffix, replacement in DEVERBAL_RULES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and word[:-len(suffix)] + replacement in verbs:
            return suffix
    return ""


def features(sheet: Sheet, i: int) -> list[str]:
    """The feature strings of token ``i`` (shared by training and scoring, so they cannot drift apart)."""
    read = sheet.read
    lower, lemma, pos, dep, tag = read.lower, read.lemma, read.pos, read.dep, sheet.tag
    head, n = read.head[i], sheet.n
    key = (lower[i], lemma[i], pos[i], tag[i], dep[i], read.ent[i], read.orth[i])
    own = sheet.own.get(key)
    if own is None:
        own = sheet.own[key] = _own(sheet.lexicon, *key)
    found = [
        *own,
        "hl=" + lemma[head], "ht=" + tag[head] + "|" + dep[i], "hld=" + lemma[head] + "|" + dep[i],
        "lhl=" + lemma[i] + "|" + lemma[head],
    ]
    if head != i and pos[head] == "ADP":  # object of a preposition: "after the shooting", "in the case"
        governor = read.head[head]
        found += ["pp=" + lemma[head], "ppl=" + lemma[head] + "|" + lemma[governor], "ppt=" + tag[governor]]
    for child in sheet.children[i]:
        found.append("c=" + dep[child])
        if dep[child] in _TELLING_DEPS:
            found.append("cl=" + dep[child] + "|" + lower[child])
        if read.ent[child]:  # "Saturday's shooting", "the attack on Israel"
            found.append("ce=" + dep[child] + "|" + read.ent[child])
    before = i - 1
    after = i + 1
    found += [
        "w-1=" + (lower[before] if before >= 0 else "<s>"), "t-1=" + (tag[before] if before >= 0 else "<s>"),
        "w+1=" + (lower[after] if after < n else "</s>"), "t+1=" + (tag[after] if after < n else "</s>"),
        "t-2=" + (tag[i - 2] if i >= 2 else "<s>"), "t+2=" + (tag[i + 2] if i + 2 < n else "</s>"),
        "l-1l=" + (lemma[before] if before >= 0 else "<s>") + "|" + lemma[i],
    ]
    if read.sent_start[i]:
        found.append("first")
    return found


def _own(lexicon: Lexicon, word: str, lemma: str, pos: str, tag: str, dep: str, ent: str, orth: str) -> list[str]:
    """The features of a token that depend on nothing around it (built once per distinct token in a doc)."""
    own = [
        "w=" + word, "l=" + lemma, "lp=" + lemma + "|" + pos, "s2=" + word[-2:], "s3=" + word[-3:],
        "s4=" + word[-4:], "t=" + tag, "d=" + dep, "td=" + tag + "|" + dep, "e=" + ent, "sh=" + _shape(orth),
    ]
    if pos != "VERB":
        suffix = next((s for s in NOMINAL_SUFFIXES if word.endswith(s)), "")
        origin = verbal_origin(lemma, lexicon.verbs)
        own += ["nom=" + suffix, "dv=" + origin, "dvp=" + origin + "|" + pos + "|" + dep]
    prior = lexicon.action_prior.get(lemma, "unseen")
    own += ["ap=" + prior, "app=" + prior + "|" + pos, "apd=" + prior + "|" + dep]
    return own


def compound_start(sheet: Sheet, i: int) -> int:
    """The first token of the hyphenated word that token ``i`` ends ("cease-fire" for "fire"), else ``i``."""
    read = sheet.read
    start = i
    while (start >= 2 and i - start < 2 * (MAX_COMPOUND_PARTS - 1) and read.orth[start - 1] == _HYPHEN and read.idx[start] == read.ends[start - 1]
           and read.idx[start - 1] == read.ends[start - 2]):
        start -= 2
    return start


class TriggerModel:
    """Feature weights per label (``OUTSIDE`` first, then the classes) and the threshold on the event
    probability (one minus that of ``OUTSIDE``); the class is the likeliest of the others.

    One model for both decisions: fitting the class apart on gold events only (a two-stage model) detected as
    well in cross-validation on train but classed worse (class F1 72.65 against 73.16)."""

    def __init__(self, names: list[str], weights: np.ndarray, bias: np.ndarray, labels: list[str],
                 threshold: float, lexicon: Lexicon = Lexicon(), meta: dict | None = None):
        self.lexicon = lexicon
        self.index = {name: row for row, name in enumerate(names)}
        self.weights = np.asarray(weights, dtype=np.float32)
        self.bias = np.asarray(bias, dtype=np.float32)
        self.labels = list(labels)
        self.threshold = threshold
        self.meta = meta or {}
        if self.labels[0] != OUTSIDE or set(self.labels[1:]) - set(CLASSES):
            raise ValueError(f"labels must be {OUTSIDE!r} then TimeML classes, not {self.labels}")

    def save(self, path: Path) -> None:
        names = json.dumps(list(self.index)).encode()  # JSON: a feature may hold any character, a newline too
        meta = {**self.meta, "labels": self.labels, "threshold": self.threshold,
                "verbs": sorted(self.lexicon.verbs), "action_prior": self.lexicon.action_prior}
        with Path(path).open("wb") as out:
            np.savez_compressed(out, names=np.frombuffer(names, dtype=np.uint8),
                                weights=self.weights.astype(np.float16), bias=self.bias,
                                meta=np.frombuffer(json.dumps(meta).encode(), dtype=np.uint8))

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> TriggerModel:
        with np.load(io.BytesIO(Path(path).read_bytes()), allow_pickle=False) as stored:
            names = json.loads(stored["names"].tobytes().decode())
            meta = json.loads(stored["meta"].tobytes().decode())
            return cls(names, stored["weights"], stored["bias"], meta.pop("labels"), meta.pop("threshold"),
                       Lexicon(frozenset(meta.pop("verbs", ())), meta.pop("action_prior", {})), meta)

    def scores(self, sheet: Sheet, tokens: list[int]) -> tuple[np.ndarray, np.ndarray]:
        """Per token in ``tokens``: the probability that it is an event, and the index of its likeliest class
        in ``labels``."""
        summed = np.zeros((len(tokens), len(self.labels)), dtype=np.float32)
        rows: list[int] = []
        starts: list[int] = []
        index = self.index
        for i in tokens:
            starts.append(len(rows))
            rows.extend(row for row in map(index.get, features(sheet, i)) if row is not None)
        if rows:
            offsets = np.asarray(starts)
            known = np.diff(np.append(offsets, len(rows))) > 0  # a token with no known feature keeps the bias
            summed[known] = np.add.reduceat(self.weights[np.asarray(rows)], offsets[known], axis=0)
        summed += self.bias
        summed -= summed.max(axis=1, keepdims=True)
        np.exp(summed, out=summed)
        summed /= summed.sum(axis=1, keepdims=True)
        return 1.0 - summed[:, 0], summed[:, 1:].argmax(axis=1) + 1

    def find(self, doc: Doc, threshold: float | None = None, pos: frozenset[str] | None = None) -> list[Trigger]:
        """The triggers whose event probability reaches ``threshold`` (default: the model's, chosen for TimeML);
        with ``pos``, only tokens of those parts of speech are scored (a reader that keeps only some spares the
        others' features)."""
        threshold = self.threshold if threshold is None else threshold
        sheet = Sheet(doc, self.lexicon)
        tokens = [i for i in range(sheet.n) if is_candidate(sheet, i) and (pos is None or sheet.read.pos[i] in pos)]
        event, best = self.scores(sheet, tokens)
        read = sheet.read
        found: list[Trigger] = []
        for row in np.flatnonzero(event >= threshold).tolist():
            i = tokens[row]
            start = compound_start(sheet, i)
            while found and found[-1].end_token > start:  # an earlier part of the same compound
                found.pop()
            found.append(Trigger(start, i + 1, read.idx[start], read.ends[i], read.text[read.idx[start]:read.ends[i]],
                                 self.labels[best[row]], round(float(event[row]), 4)))
        return found


@lru_cache(maxsize=1)
def shipped_model() -> TriggerModel:
    """The shipped model, loaded once per process."""
    return load_shipped("event_triggers")


def find_triggers(doc: Doc, model: TriggerModel | None = None, threshold: float | None = None,
                  pos: frozenset[str] | None = None) -> list[Trigger]:
    """Every event trigger of ``doc`` in text order, with its TimeML class and event probability.

    ``threshold`` overrides the model's: TimeML marks nominal events selectively (a generic "murder charges"
    is not one), so a reader that wants every mention of a crime may lower it (see docs/notes/events.md).
    ``pos`` scores only tokens of those parts of speech."""
    return (model or shipped_model()).find(doc, threshold, pos)
