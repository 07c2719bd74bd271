"""PLOVER 2021 event typing: type, mode and context of a trigger, and the sentence's main coded event.

Two parts, measured separately by ``newsledger bench plover``:

- the lexicon (``lexicon.py`` + ``rules.py``): lemma -> type/mode/context written from the PLOVER categories and
  CAMEO descriptions, refined by the sentence (phrases, ambiguous words, weapons, contexts);
- a small linear model (``model.py``; none ships, see below: one is fitted on the PLOVER GSR by
  ``python -m newsledger.training.plover``) over trigger features that include the lexicon's reading. It
  scores how likely a token is the sentence's coded event and which type it has.

The ledger types with the lexicon alone. Under 5-fold cross-validation on the GSR the model added nothing
measurable over the lexicon (docs/notes/plover.md), and on news it typed mostly noise (in 184 PolNeAR and GVA
articles, 120 of its 3,284 events came from the model alone: "help" as a request, "unleashed" as a sanction) for
a third more typing time; so no model ships. ``python -m newsledger.training.plover`` fits one and ``bench plover
--model FILE`` (or ``--cross-validate``) scores it beside the lexicon, to show whether a better one earns its
place. Happenings PLOVER has no type for (disasters, accidents, illness) get no type: ``outside_plover`` names
their category so the ledger can keep them as untyped events. Pass the sentence when typing many triggers of one
sentence (``Token.sent`` is recomputed by spaCy on each call).
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
from newsledger.extract.plover.model import (
    NONE,
    LinearModel,
    is_candidate,
    load,
    token_features,
)

__all__ = [
    "EVENT_TYPE_TO_PLOVER", "LEGACY_MODES", "LEGACY_TYPES", "PLOVER_TYPES", "STRATEGIES", "Plover", "TypedTrigger",
    "outside_plover", "score_sentence", "type_sentence", "type_trigger",
]

#: lexicon: the lexicon alone; model: the model picks and types; hybrid (shipped): the lexicon, and the model
#: only for sentences (or triggers) the lexicon has no reading for.
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
    """One token's reading and event score.

    lexicon: the lexicon's reading, scored by nearness to the root. model: the model's event score and type.
    hybrid: the lexicon's reading when it has one (scored above every model reading), else the model's when its
    event score reaches ``EVENT_THRESHOLD`` and the word is no happening outside PLOVER.
    """
    if strategy not in STRATEGIES:
        raise ValueError(f"strategy must be one of {', '.join(STRATEGIES)}, not {strategy!r}")
    lexical = rules.lexicon_type(token, sentence)
    nearness = 1.0 / (1.0 + rules.depth(token, sentence))
    if strategy == "lexicon" or (strategy == "hybrid" and lexical is not None) or model is None:
        return TypedTrigger(token, lexical, (1.0 + nearness) if lexical else 0.0)
    probabilities = model.probabilities(token_features(token, sentence, lexical))
    score = 1.0 - probabilities.get(NONE, 0.0)
    best = max((name for name in model.classes if name != NONE), key=probabilities.__getitem__)
    if strategy == "hybrid" and (score < EVENT_THRESHOLD or rules.outside_plover(token, sentence)):
        return TypedTrigger(token, None, score)
    if lexical is not None and lexical.type == best:
        return TypedTrigger(token, lexical, score)
    mode = rules.weapon_mode(token, sentence) if best == "ASSAULT" else None
    return TypedTrigger(token, Plover(best, mode, rules.context_of(sentence, best)), score)


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
