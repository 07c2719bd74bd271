"""The learned part of the typer: a linear (multinomial logistic) model over sparse trigger features.

Classes are the 16 PLOVER types plus ``NONE`` ("this token is not the sentence's coded event"). Features are
strings (``feature_names``); the model is a table feature -> one weight per class, stored as compressed JSON and
scored here with plain Python, so the runtime needs no scikit-learn. Training is in ``newsledger.training.plover``.
"""

from __future__ import annotations

import gzip
import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Span, Token

from newsledger.extract.plover.lexicon import Plover
from newsledger.extract.plover.rules import (
    depth,
    facts,
    kids,
    lemma,
    lexicon_pick,
    lexicon_type,
)

NONE = "NONE"
MODEL_PATH = Path(__file__).with_name("model.json.gz")
#: Dependency labels through which an embedded event's head tells its type ("refused to meet" is a refusal).
EMBEDDING = frozenset({"xcomp", "ccomp", "advcl", "pcomp", "pobj", "dobj", "conj"})


@dataclass(frozen=True, slots=True)
class LinearModel:
    classes: tuple[str, ...]
    weights: dict[str, list[float]]
    bias: list[float]

    def probabilities(self, features: list[str]) -> dict[str, float]:
        scores = list(self.bias)
        for feature in features:
            row = self.weights.get(feature)
            if row is not None:
                scores = [s + w for s, w in zip(scores, row)]
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return {name: e / total for name, e in zip(self.classes, exps)}

    def to_json(self) -> dict:
        return {"classes": list(self.classes), "bias": self.bias, "weights": self.weights}

    @classmethod
    def from_json(cls, data: dict) -> LinearModel:
        return cls(tuple(data["classes"]), {k: list(v) for k, v in data["weights"].items()}, list(data["bias"]))


def save(model: LinearModel, path: Path, meta: dict) -> None:
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        json.dump({**model.to_json(), "meta": meta}, handle, separators=(",", ":"))


@lru_cache(maxsize=4)
def load(path: Path = MODEL_PATH) -> LinearModel | None:
    """The shipped model, or None when it is missing (the typer then uses the lexicon alone)."""
    if not Path(path).exists():
        return None
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return LinearModel.from_json(json.load(handle))


def is_candidate(token: Token) -> bool:
    """Tokens that can carry an event: verbs and common nouns."""
    return token.pos_ in ("VERB", "NOUN") and token.is_alpha


def feature_names(token: Token, sentence: Span, lexicon: Plover | None, depth: int = 0,
                  lexicon_pick: bool = False) -> list[str]:
    """The trigger's own word, lexicon reading and depth, whether the lexicon alone would pick it, its syntactic
    neighbours' words and readings, the sentence's words. Bounded: a token's children are capped, and so is the
    sentence bag (``rules.BAG_SIZE``)."""
    word = lemma(token)
    names = [f"lemma={word}", f"pos={token.pos_}", f"dep={token.dep_}", f"lex={lexicon.type if lexicon else '-'}",
             f"depth={min(depth, 4)}"]
    if lexicon_pick:
        names += ["lexpick", f"lexpick={lexicon.type if lexicon else '-'}"]
    if lexicon is not None and lexicon.mode:
        names.append(f"lexmode={lexicon.type}/{lexicon.mode}")
    if token.dep_ == "ROOT" or token.head.i == token.i:
        names.append("root")
    else:
        head = token.head
        names.append(f"head={lemma(head)}")
        head_reading = lexicon_type(head, sentence) if head.pos_ in ("VERB", "NOUN") else None
        names.append(f"headlex={head_reading.type if head_reading else '-'}")
        if head.dep_ == "ROOT":
            names.append("head-root")
    for child in kids(token)[:12]:
        if child.dep_ == "neg":
            names.append("neg")
        elif child.dep_ in ("prt", "prep"):
            names.append(f"{child.dep_}={lemma(child)}")
        elif child.dep_ in ("dobj", "nsubjpass", "attr"):
            names.append(f"obj={lemma(child)}")
        elif child.dep_ == "nsubj":
            names.append(f"subj-ent={child.ent_type_ or '-'}")
        if child.dep_ in EMBEDDING and child.pos_ in ("VERB", "NOUN"):
            reading = lexicon_type(child, sentence)
            names.append(f"childlex={reading.type if reading else '-'}")
    if token.tag_ in ("VBN", "VBG", "VBD", "VBZ", "VBP", "VB"):
        names.append(f"tag={token.tag_}")
    names.extend(f"sent={w}" for w in facts(sentence).bag)
    return names


def token_features(token: Token, sentence: Span, reading: Plover | None) -> list[str]:
    """``feature_names`` with the token's depth and whether the lexicon alone picks it, as training saw them."""
    return feature_names(token, sentence, reading, depth(token, sentence), lexicon_pick(sentence) == token.i)
