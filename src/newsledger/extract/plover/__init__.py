"""PLOVER 2021 event typing: type, mode and context of a trigger, and the sentence's main coded event.

Two parts, measured separately by ``newsledger bench plover``:

- the lexicon (``lexicon.py`` + ``rules.py``): lemma -> type/mode/context written from the PLOVER categories and
  CAMEO descriptions, refined by the sentence (phrases, ambiguous words, weapons, contexts);
- a small linear model (``model.py``, shipped as ``model.json.gz``, trained on the PLOVER GSR by
  ``python -m newsledger.training.plover``) over trigger features that include the lexicon's reading. It
  scores how likely a token is the sentence's coded event and which type it has.

The shipped strategy is ``hybrid``: the model picks the event, the lexicon types it when it knows the word (the
model otherwise). Happenings PLOVER has no type for (disasters, accidents, illness) get no type:
``outside_plover`` names their category so the ledger can keep them as untyped events.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from newsledger.extract.plover import rules
from newsledger.extract.plover.lexicon import (
    EVENT_TYPE_TO_PLOVER,
    LEGACY_MODES,
    LEGACY_TYPES,
    PLOVER_TYPES,
    Plover,
)
from newsledger.extract.plover.model import NONE, LinearModel, feature_names, is_candidate, load

__all__ = [
    "EVENT_TYPE_TO_PLOVER", "LEGACY_MODES", "LEGACY_TYPES", "PLOVER_TYPES", "STRATEGIES", "Plover", "TypedTrigger",
    "outside_plover", "score_sentence", "type_sentence", "type_trigger",
]

#: lexicon: the lexicon alone; model: the model picks and types; hybrid: the model picks, the lexicon types.
STRATEGIES = ("lexicon", "model", "hybrid")
DEFAULT = object()  # "the shipped model"
EVENT_THRESHOLD = 0.5  # the model's event score above which a word the lexicon does not know is typed


@dataclass(frozen=True, slots=True)
class TypedTrigger:
    """A token typed in its sentence, with how likely it is the sentence's coded event (0..1)."""

    token: Token
    plover: Plover | None
    score: float


def _model(model: LinearModel | None | object) -> LinearModel | None:
    return load() if model is DEFAULT else model  # type: ignore[return-value]


def _sentence_of(trigger: Token, sentence: Span | None) -> Span:
    return sentence if sentence is not None else trigger.sent


def score_token(token: Token, sentence: Span, model: LinearModel | None, strategy: str = "hybrid") -> TypedTrigger:
    """One token's reading: the lexicon's, the model's, or the model's event score with the lexicon's type."""
    lexical = rules.lexicon_type(token, sentence)
    if model is None or strategy == "lexicon":
        return TypedTrigger(token, lexical, _depth_score(token, sentence) if lexical else 0.0)
    probabilities = model.probabilities(feature_names(token, sentence, lexical))
    score = 1.0 - probabilities.get(NONE, 0.0)
    best = max((name for name in model.classes if name != NONE), key=probabilities.__getitem__)
    if strategy == "hybrid" and lexical is not None:
        return TypedTrigger(token, lexical, score)
    if lexical is not None and lexical.type == best:
        return TypedTrigger(token, lexical, score)
    if lexical is None and (score < EVENT_THRESHOLD or rules.outside_plover(token, sentence)):
        return TypedTrigger(token, None, score)
    mode = rules.weapon_mode(token, sentence) if best == "ASSAULT" else None
    return TypedTrigger(token, Plover(best, mode, rules.context_of(sentence, best)), score)


def _depth_score(token: Token, sentence: Span) -> float:
    """The lexicon's event score: nearer the root is more likely the coded event (the matrix verb carries
    "refused to meet" and "threatened to strike")."""
    depth, node = 0, token
    if token.dep_ in ("dobj", "nsubjpass") and rules.lemma(token.head) in rules.LIGHT:
        node = token.head  # "held talks": the noun stands where its light verb stands
    while node.head.i != node.i and depth < 50 and sentence.start <= node.head.i < sentence.end:
        node, depth = node.head, depth + 1
    return 1.0 / (1.0 + depth)


def type_trigger(trigger: Token | Span, sentence: Span | None = None, *, model=DEFAULT,
                 strategy: str = "hybrid") -> Plover | None:
    """The PLOVER type, mode and context of an event trigger in its sentence, or None when no PLOVER type applies
    (not an event PLOVER codes, or a happening such as a flood: see ``outside_plover``)."""
    token = trigger.root if isinstance(trigger, Span) else trigger
    return score_token(token, _sentence_of(token, sentence), _model(model), strategy).plover


def outside_plover(trigger: Token | Span, sentence: Span | None = None) -> str | None:
    """For a happening PLOVER has no type for, its category: "disaster", "accident" or "health" (a documented
    extension of this project, not PLOVER); None otherwise."""
    token = trigger.root if isinstance(trigger, Span) else trigger
    return rules.outside_plover(token, _sentence_of(token, sentence))


def score_sentence(sentence: Span, *, model=DEFAULT, strategy: str = "hybrid") -> list[TypedTrigger]:
    """Every candidate token of the sentence (verbs and nouns) with its reading and event score."""
    chosen = _model(model)
    return [score_token(token, sentence, chosen, strategy) for token in sentence if is_candidate(token)]


def type_sentence(sentence: Span, *, model=DEFAULT, strategy: str = "hybrid") -> TypedTrigger | None:
    """The sentence's main coded event: the typed candidate with the highest event score (first on ties)."""
    typed = [c for c in score_sentence(sentence, model=model, strategy=strategy) if c.plover is not None]
    return max(typed, key=lambda c: c.score, default=None)
