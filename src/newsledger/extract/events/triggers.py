"""Which tokens trigger an event, and of which type."""

from __future__ import annotations

from spacy.tokens import Token

from newsledger.extract.events.lexicon import (
    ADJECTIVES,
    CARRIERS,
    DONE_TO_DEATH,
    FACILITIES,
    HARMS,
    LIGHT,
    NOUNS,
    PARTICLES,
    PEOPLE,
    PLACE_LABELS,
    SAID_OF_DEPS,
    VERBS,
    WEAPONS,
    E,
)
from newsledger.records import EventType


def trigger_type(token: Token) -> EventType | None:
    """The event type a token triggers, or None (light verbs and modifiers of other triggers trigger nothing)."""
    if token.pos_ == "VERB":
        return _verb_type(token)
    if token.pos_ in ("NOUN", "PROPN") and token.ent_type_ in ("", "LAW", "EVENT"):  # not "Operation Strike"
        return _noun_type(token)
    if token.pos_ == "ADJ" and token.lower_ in ADJECTIVES:
        return _adjective_type(token)
    if token.dep_ == "conj" and token.lower_ in ("another", "other"):
        return _elided_type(token)
    return None


def _adjective_type(adjective: Token) -> EventType | None:
    """ "Four people are dead", "1 dead, 3 wounded", "One dead", "the dead man": said of a person or a number of
    them; not "a dead end", "the battery was dead", "the deal is dead"."""
    if adjective.dep_ != "amod" and adjective.dep_ not in SAID_OF_DEPS:
        return None
    who = said_of(adjective)
    return ADJECTIVES[adjective.lower_] if who is not None and is_person(who) else None


def said_of(adjective: Token) -> Token | None:
    """Whom a trigger adjective is said of: "Four people are dead", "found a father and daughter dead", "was
    pronounced dead", "left two men dead", "One dead", "the dead man"."""
    own = next((c for c in adjective.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if own is not None:
        return own
    head = adjective.head
    if adjective.dep_ == "amod":
        return head
    if adjective.dep_ == "acomp":
        return next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if adjective.dep_ in ("oprd", "xcomp", "ccomp"):
        return next((c for c in head.children if c.dep_ == "dobj"), None) or \
            next((c for c in head.children if c.dep_ == "nsubjpass"), None)
    return None


def is_person(token: Token) -> bool:
    """A word for a person or people: a person noun, a number of them ("One", "1"), a personal pronoun, a person's
    name as the parser tags it (not "Obamacare"), or an age ("the 19-year-old")."""
    return (lemma_of(token) in PEOPLE or token.pos_ == "NUM" or token.ent_type_ == "PERSON"
            or token.tag_ == "PRP" and token.lower_ not in ("it", "its") or token.lower_ == "old")


def _verb_type(verb: Token) -> EventType | None:
    if verb.dep_ == "amod" and verb.tag_ == "VBG" and verb.i > 0 and verb.doc[verb.i - 1].text == "-":
        return None  # the end of a modifier: "non-life-threatening injuries" threaten no one
    lemma = verb.lemma_.lower()
    particle = next((child.lower_ for child in verb.children if child.dep_ == "prt"), None)
    if (lemma, particle) in PARTICLES:
        return PARTICLES[lemma, particle]
    event_type = VERBS.get(lemma)
    if event_type is None or _carries_trigger(verb) or _lends_to_subject(verb, event_type):
        return None
    objects = [child for child in verb.children if child.dep_ in ("dobj", "nsubjpass")]
    if event_type is E.LAUNCH and not any(lemma_of(obj) in WEAPONS for obj in objects):
        return None  # "launched a campaign", "fired the manager"
    if lemma == "hit" and not _military_hit(verb, objects):
        return None
    if lemma == "succumb" and (any(lemma_of(o) not in HARMS for o in prep_objects(verb, {"to"}))
                               or any(child.dep_ == "xcomp" for child in verb.children)
                               or not any(c.dep_ == "nsubj" and is_person(c) for c in verb.children)):
        return None  # "succumbed to pressure" (which the parser may read as a verb), "the city succumbed"
    if lemma == "warn" and not any(child.dep_ == "prep" and child.lower_ == "of" for child in verb.children):
        return None  # a warning is speech unless it is a warning of something
    return event_type


def _noun_type(noun: Token) -> EventType | None:
    lemma = noun.lemma_.lower()
    event_type = NOUNS.get(lemma)
    if event_type is None or (lemma == "talk" and noun.tag_ != "NNS"):
        return None
    if noun.dep_ == "compound" and lemma_of(noun.head) not in CARRIERS:
        return None  # "attack helicopter", or the modifier of another trigger ("sabotage attacks")
    if lemma == "deal" and any(child.lemma_ in ("great", "good") for child in noun.children):
        return None  # "a great deal of"
    if lemma == "dead" and any(child.dep_ == "prep" and child.lower_ == "of" for child in noun.children):
        return None  # "in the dead of night"
    if (verb := to_death_by(noun)) is not None and not harms(verb):
        return None  # "sentenced to death", "scared to death": no one died
    if event_type is E.LAUNCH and not any(lemma_of(t) in WEAPONS for t in noun.subtree if t != noun):
        return None
    return event_type


def _elided_type(token: Token) -> EventType | None:
    """ "one of the attacks was against X, and another against Y": the gapped conjunct is an event too."""
    subject = subject_of(token.head)
    return trigger_type(subject) if subject is not None and subject.pos_ == "NOUN" else None


def _carries_trigger(verb: Token) -> bool:
    return verb.lemma_ in LIGHT and any(
        child.dep_ in ("dobj", "nsubjpass") and child.pos_ == "NOUN" and trigger_type(child) for child in verb.children
    )


def _lends_to_subject(verb: Token, event_type: EventType) -> bool:
    subject = subject_of(verb)
    return subject is not None and subject.pos_ == "NOUN" and trigger_type(subject) is event_type


def _military_hit(verb: Token, objects: list[Token]) -> bool:
    subject = subject_of(verb)
    return any(lemma_of(obj) in FACILITIES or obj.ent_type_ in PLACE_LABELS for obj in objects) or (
        subject is not None and lemma_of(subject) in WEAPONS
    )


def subject_of(node: Token) -> Token | None:
    """The subject of a clause, seen through "one of the N" so the noun itself comes back."""
    for child in node.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            partitive = [t for t in child.children if t.dep_ == "prep" and t.lower_ == "of"]
            objects = [t for prep in partitive for t in prep.children if t.dep_ == "pobj"]
            return objects[0] if objects and child.pos_ in ("NUM", "PRON", "DET") else child
    return None


def lemma_of(token: Token) -> str:
    return token.lemma_.lower()


def prep_objects(owner: Token, preps: set[str]) -> list[Token]:
    """The objects of the owner's prepositions in ``preps`` ("to his injuries")."""
    return [obj for prep in owner.children if prep.dep_ == "prep" and prep.lower_ in preps
            for obj in prep.children if obj.dep_ == "pobj"]


def to_death_by(noun: Token) -> Token | None:
    """The verb that does something "to death" ("shot to death", "sentenced to death"), when the noun is that death."""
    if lemma_of(noun) != "death" or noun.dep_ != "pobj" or noun.head.lower_ != "to" or noun.head.head.pos_ != "VERB":
        return None
    return noun.head.head


def harms(verb: Token) -> bool:
    """A verb that can do someone to death: an attack or a killing, or one of ``DONE_TO_DEATH`` ("beaten")."""
    return VERBS.get(lemma_of(verb)) in (E.ATTACK, E.DEATH) or lemma_of(verb) in DONE_TO_DEATH
