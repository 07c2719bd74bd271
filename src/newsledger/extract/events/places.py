"""Where a happening took place, read off the parse around its trigger."""

from __future__ import annotations

from spacy.tokens import Token

from newsledger.extract.events.arguments import (
    clause,
    framing_verb,
    phrase,
    prep_objects,
    role,
)
from newsledger.extract.events.lexicon import (
    FACILITIES,
    LOCATIVE_PREPS,
    MOTION_PREPS,
    PLACE_LABELS,
    PLACE_NOUNS,
    E,
)
from newsledger.extract.events.triggers import lemma_of
from newsledger.records import EventType, Span


def place(trigger: Token, patient: Token | None, event_type: EventType) -> Span | None:
    """The place under a locative preposition of the trigger (or a clause on it), its frame, patient or clause."""
    preps = LOCATIVE_PREPS | MOTION_PREPS if event_type is E.VISIT else LOCATIVE_PREPS
    reduced = [c for c in trigger.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"]  # "talks held in"
    owners = [trigger, *reduced, role(trigger), framing_verb(trigger), patient,
              clause(trigger)]
    for owner in dict.fromkeys(o for o in owners if o is not None):
        for obj in prep_objects(owner, preps):
            if obj != patient and (found := _place_in(obj, preps)) is not None:
                return phrase(found, trigger, whole_entity=True)  # "an attack on X in Y": X is the patient
    if event_type in (E.ATTACK, E.VISIT) and patient is not None:  # "a strike on Iran" happened in Iran
        named = patient if patient.ent_type_ in PLACE_LABELS else _name_of(patient)
        return phrase(named, trigger, whole_entity=True)
    return None


def _place_in(obj: Token, preps: set[str]) -> Token | None:
    """A place entity; else the place in "the city/outskirts of X" or in "a facility in X"; else the facility."""
    if obj.ent_type_ in PLACE_LABELS or obj.pos_ == "PROPN" and obj.head.lower_ == "of" \
            and lemma_of(obj.head.head) in PLACE_NOUNS:
        return obj
    if lemma_of(obj) in PLACE_NOUNS:
        return next(filter(None, (_place_in(o, preps) for o in prep_objects(obj, {"of"}))), None)
    if lemma_of(obj) in FACILITIES:
        return next(filter(None, (_place_in(o, preps) for o in prep_objects(obj, preps))), _name_of(obj) or obj)
    return None


def _name_of(facility: Token) -> Token | None:
    """The proper name in "a site known as / called X": the place is named, whatever label the NER gave it."""
    if lemma_of(facility) not in FACILITIES:
        return None
    for verb in facility.children:
        if verb.dep_ == "acl" and verb.lemma_ in ("know", "call", "name", "dub"):
            names = [*prep_objects(verb, {"as"}), *(c for c in verb.children if c.dep_ == "oprd")]
            return next((name for name in names if name.pos_ == "PROPN"), None)
    return None
