"""Happenings the lexicon does not name, from the learned TimeML trigger detector (``extract/triggers.py``).

The lexicon (``lexicon.py``) knows the happenings whose facts the ledger reads (attacks, launches, deaths…). The
detector finds every event word of any domain ("protested", "resigned", "flooded"); of those, a happening is one
that PLOVER types (or that PLOVER has no type for but names a context of: an accident, a disaster, an illness),
so speech ("said"), states and plans stay out. Its kind is read from its PLOVER type. A word that only refers back
to a happening ("the incident", "it happened") takes the kind of the happening last named before it.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsledger.extract.events.lexicon import NOUNS, VERBS
from newsledger.extract.plover.lexicon import SPEECH
from newsledger.extract.triggers import find_triggers
from newsledger.records import EventType, Plover

E = EventType
#: TimeML classes that can be a happening: not REPORTING (attributions carry speech), STATE, I_STATE, PERCEPTION.
HAPPENING_CLASSES = {"OCCURRENCE", "I_ACTION", "ASPECTUAL"}
#: The parts of speech the PLOVER lexicon types (adjectives and auxiliaries it leaves untyped are not scored).
TYPED_POS = frozenset({"VERB", "NOUN"})
#: Words that name no happening of their own but one said before ("The incident happened at 1 a.m.").
ANAPHORS = {"incident", "happen", "occur"}
#: The kind a PLOVER type reads as, where the ledger has one.
KIND_OF = {"ASSAULT": E.ATTACK, "AGREE": E.AGREEMENT, "SANCTION": E.SANCTION, "THREATEN": E.THREAT}
KIND_OF_MODE = {("COERCE", "arrest"): E.ARREST, ("CONSULT", "visit"): E.VISIT, ("CONSULT", None): E.MEETING}
#: How far back (characters) a referring word looks for the happening it names.
ANAPHOR_REACH = 600


def detected_tokens(doc: Doc, known: set[int]) -> list[Token]:
    """The head tokens of detected happening triggers the lexicon did not already take, in text order."""
    found = []
    for trigger in find_triggers(doc, pos=TYPED_POS):
        if trigger.event_class not in HAPPENING_CLASSES:
            continue
        token = doc[trigger.start_token:trigger.end_token].root
        if token.i not in known and not reports_speech(token) and not vetoed(token):
            found.append(token)
    return found


def vetoed(token: Token) -> bool:
    """A word of the lexicon that the lexicon's rules did not take here ("hit the ball", "a great deal of"):
    the rules know these words' other senses better than a general detector does."""
    lemma = token.lemma_.lower()
    return lemma in VERBS if token.pos_ == "VERB" else lemma in NOUNS


def reports_speech(token: Token) -> bool:
    """A verb that introduces what someone said or thinks ("warned that…", "insisted the…"): an attribution, whose
    content's own happenings are the events; the saying is not one."""
    return token.lemma_.lower() in SPEECH or any(child.dep_ == "ccomp" for child in token.children)


def kind_of(plover: Plover | None) -> EventType | None:
    """The ledger's kind for a PLOVER reading; OTHER for PLOVER types without one, None for no reading."""
    if plover is None:
        return None
    if plover.type is None:
        return E.OTHER if plover.context else None
    return KIND_OF.get(plover.type) or KIND_OF_MODE.get((plover.type, plover.mode)) \
        or KIND_OF_MODE.get((plover.type, None)) or E.OTHER


def refers_back(token: Token) -> bool:
    return token.lemma_.lower() in ANAPHORS and token.pos_ in ("NOUN", "VERB")
