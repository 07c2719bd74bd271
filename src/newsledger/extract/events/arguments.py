"""An event's arguments read off the dependency parse: the verb a noun trigger borrows them from, the agent
(who did it), the patient (to whom), the clause it sits in, and the noun phrase spans."""

from __future__ import annotations

from spacy.tokens import Token

from newsledger.extract.actors import country_of
from newsledger.extract.events.lexicon import (
    ACTOR_LABELS,
    CARE_VERBS,
    LIGHT,
    NOUNS,
    NP_MODIFIERS,
    PLACE_NOUNS,
    SCENE_VERBS,
    SUFFERING_VERBS,
    UNACCUSATIVE,
    VERB_COMPLETING_OBJECTS,
    VERBS,
    WHEREABOUTS_VERBS,
    E,
)
from newsledger.extract.events.triggers import (
    harms,
    lemma_of,
    prep_objects,
    said_of,
    to_death_by,
    trigger_type,
)
from newsledger.records import EventType, Span


def framing_verb(trigger: Token) -> Token | None:
    """The verb a trigger noun borrows arguments from: its light verb, a same-type verb or a copula it is subject of."""
    if trigger.pos_ not in ("NOUN", "PROPN"):
        return None
    node = role(trigger)
    head = node.head
    if node.dep_ in ("dobj", "nsubjpass") and head.lemma_ in LIGHT:
        return head
    if node.dep_ in ("nsubj", "attr") and head.lemma_ == "be":
        return head
    if node.dep_ == "nsubj" and head.pos_ == "VERB" and VERBS.get(head.lemma_) is trigger_type(trigger):
        return head
    return None


def scene_verb(trigger: Token) -> Token | None:
    """The verb that says where and when a trigger noun happened, as its subject: "the shooting happened near X
    at 3 a.m.", "the attack took place in Y"."""
    node = role(trigger)
    head = node.head
    if node.dep_ == "nsubj" and head.lemma_ in SCENE_VERBS and (
            head.lemma_ != "take" or any(c.dep_ == "dobj" and c.lower_ == "place" for c in head.children)):
        return head
    return None


def role(trigger: Token) -> Token:
    """The token that plays the trigger's part in the clause: "one" in "one of the attacks", the head of a carrier."""
    if trigger.dep_ == "compound":
        return trigger.head
    if trigger.dep_ == "pobj" and trigger.head.lower_ == "of" and trigger.head.head.pos_ in ("NUM", "PRON", "DET"):
        return trigger.head.head
    return trigger


def agent(trigger: Token, event_type: EventType) -> Span | None:
    """Verbs: the subject (the "by" phrase when passive). Nouns: a possessive or actor modifier, "by X", or the
    subject of their light verb."""
    if trigger.pos_ == "VERB":
        if _is_passive(trigger):
            actor = _by_phrase(trigger)
        elif _shared_passive_subject(trigger) is not None:  # "was shot and killed": passive too
            actor = _by_phrase(trigger) or _by_phrase(trigger.head)
        elif trigger.lemma_ in UNACCUSATIVE:
            actor = None
        else:
            actor = _controller(trigger)
        return phrase(actor, trigger)
    frame = framing_verb(trigger)
    modifiers = [c for node in dict.fromkeys((trigger, role(trigger))) for c in node.children]
    actor = next((c for c in modifiers if c.dep_ == "poss" and event_type not in (E.DEATH, E.ARREST, E.DAMAGE)
                  and c.ent_type_ not in ("DATE", "TIME")), None)
    actor = actor or next((c for c in modifiers if c.dep_ in ("compound", "amod", "nmod")
                           and c.ent_type_ in ACTOR_LABELS and not _a_town(c)), None)
    actor = actor or _by_phrase(trigger)
    if actor is None and frame is not None and frame.lemma_ in LIGHT:
        actor = _by_phrase(frame) if _is_passive(frame) else _controller(frame)
    return phrase(actor, trigger)


def _a_town(modifier: Token) -> bool:
    """"The Englewood shooting" happened in Englewood (``places.town_modifier``): a place that is no country did
    nothing; "an Israel airstrike", "the U.S. strike" are a country's."""
    return modifier.ent_type_ in ("GPE", "LOC") and country_of(modifier.text) is None


def _controller(verb: Token, depth: int = 0) -> Token | None:
    """The subject of a verb, or for a subjectless infinitive, gerund or conjunct, the one it inherits."""
    for child in verb.children:
        if child.dep_ == "nsubj" or depth and child.dep_ == "nsubjpass":
            return None if child.tag_ in ("WP", "WDT") else child
    if depth > 3:
        return None
    head = verb.head.head if verb.dep_ == "pcomp" else verb.head
    if verb.dep_ == "xcomp" or verb.dep_ == "pcomp" and verb.head.lower_ == "from":  # "stop X from attacking"
        controller = next((c for c in head.children if c.dep_ == "dobj"), None)
        return controller or _controller(head, depth + 1)
    if verb.dep_ in ("advcl", "pcomp", "conj") and head.pos_ in ("VERB", "AUX"):
        return _controller(head, depth + 1)
    return None


def patient(trigger: Token, event_type: EventType) -> Token | None:
    """The object (or passive subject); for nouns the object of a type's preposition ("attack on X", "talks with X").
    A relative pronoun is the noun its clause is on."""
    if trigger.pos_ == "ADJ":
        return said_of(trigger)
    node = role(trigger)
    if trigger.pos_ == "VERB":
        direct = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
        if trigger.lemma_ in UNACCUSATIVE:
            direct += [c for c in trigger.children if c.dep_ == "nsubj"]
        if direct:
            if direct[0].tag_ in ("WP", "WDT") and trigger.dep_ == "relcl":
                return trigger.head  # "the officer who was shot": the one the clause is said of
            if direct[0].dep_ == "dobj" and lemma_of(direct[0]) in VERB_COMPLETING_OBJECTS:
                return _fired_on(trigger, direct[0])
            if direct[0].dep_ == "dobj" and NOUNS.get(lemma_of(direct[0])) is E.DEATH:
                return _prep_object(direct[0], {"of"}, trigger)  # "the shooting death of X", parsed a verb's
            return direct[0]
        if (shared := _shared_passive_subject(trigger)) is not None:
            if shared.tag_ in ("WP", "WDT") and trigger.head.dep_ == "relcl":
                return trigger.head.head  # "the man who was shot and killed"
            return shared  # "A man was shot and killed": the man was killed too
    if trigger.pos_ == "NOUN" and event_type is E.DEATH and (done_to := _to_death(trigger)) is not None:
        return done_to
    if trigger.pos_ == "NOUN" and event_type is E.DAMAGE and (bearer := _bearer(trigger)) is not None:
        return bearer
    if trigger.pos_ == "NOUN" and event_type in (E.DEATH, E.ARREST):
        owner = next((c for c in trigger.children if c.dep_ == "poss"), None)
        if owner is not None:
            return owner
    frame = framing_verb(trigger)
    if frame is not None and frame.lemma_ not in LIGHT and frame.lemma_ != "be":
        direct = next((c for c in frame.children if c.dep_ == "dobj"), None)
        if direct is not None:
            return direct
    for owner in (trigger, node, frame):
        if owner is not None and (found := _prep_object(owner, _patient_preps(event_type), trigger)) is not None:
            return found
    return None


def _fired_on(verb: Token, fire: Token) -> Token | None:
    """Whom "opened fire on", "set fire to": the object of "on", "upon" or "to" of the verb or of "fire"; none
    when the text does not say ("opened fire before fleeing"; "at" a party is where, not whom)."""
    return next((found for owner in (verb, fire) if (found := _prep_object(owner, {"on", "upon", "to"}, verb))), None)


def _shared_passive_subject(verb: Token) -> Token | None:
    """The passive subject a subjectless participle conjunct shares with its verb ("was shot and killed"); not an
    active conjunct with an object of its own ("was confronted by police and opened fire")."""
    if verb.dep_ != "conj" or verb.tag_ != "VBN" or verb.head.pos_ != "VERB" or any(
            c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in verb.children):
        return None
    return next((c for c in verb.head.children if c.dep_ == "nsubjpass"), None)


def _to_death(noun: Token) -> Token | None:
    """Whom a harming verb did "to death": "He was shot to death", "beat the man to death"."""
    verb = to_death_by(noun)
    if verb is None or not harms(verb):
        return None
    return next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)


def _bearer(noun: Token) -> Token | None:
    """Who bears a wound or an injury: its owner ("his wounds"); the subject of a verb of suffering ("Smith
    suffered a gunshot wound"); the one cared for by a verb of care, its passive subject or its object ("was
    treated for injuries", "doctors treated the man for a gunshot wound"). Only the verb the noun (or its
    preposition) hangs from: not "Police have no information on injuries"."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None:
        return owner
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head if noun.dep_ == "dobj" else None
    if verb is None or verb.pos_ != "VERB":
        return None
    lemma = lemma_of(verb)
    passive = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if lemma in SUFFERING_VERBS:
        return passive or next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if lemma in CARE_VERBS:
        return passive or next((c for c in verb.children if c.dep_ == "dobj" and c != noun), None)
    return None


def _patient_preps(event_type: EventType) -> set[str]:
    if event_type in (E.ATTACK, E.SANCTION, E.THREAT):
        return {"on", "against", "of"}
    if event_type is E.MEETING:
        return {"with", "between"}
    if event_type is E.VISIT:
        return set()  # "a visit to Israel": Israel is the place
    return {"of"}


def _prep_object(owner: Token, preps: set[str], trigger: Token) -> Token | None:
    """The first object of the owner's ``preps`` that is not a time, a place noun ("the outskirts") or the trigger."""
    return next((obj for obj in prep_objects(owner, preps) if obj != trigger
                 and obj.ent_type_ not in ("DATE", "TIME") and lemma_of(obj) not in PLACE_NOUNS), None)


def _by_phrase(node: Token) -> Token | None:
    for prep in node.children:
        if prep.dep_ == "agent" or prep.dep_ == "prep" and prep.lower_ == "by":
            return next((c for c in prep.children if c.dep_ == "pobj"), None)
    return None


def _is_passive(verb: Token) -> bool:
    return any(child.dep_ in ("auxpass", "nsubjpass") for child in verb.children)


def clause(trigger: Token) -> Token | None:
    """The nearest verb above the trigger (the trigger itself when it is a verb)."""
    node = trigger
    while node.pos_ not in ("VERB", "AUX"):
        if node.head == node:
            return None
        node = node.head
    return node


def scene_clause(trigger: Token) -> Token | None:
    """The clause a trigger sits in, when that clause can say where and when it happened: not a clause about
    where someone was taken or held, or about a charge ("was booked Monday into the county jail on a murder
    charge": neither Monday nor the jail is when or where the murder happened)."""
    verb = clause(trigger)
    if verb is None or verb == trigger or verb.lemma_.lower() in WHEREABOUTS_VERBS:
        return None
    return verb


def under_charge(trigger: Token) -> bool:
    """A trigger noun named by a charge or an arrest ("charged with murder", "arrested in the shooting"): the
    crime, whose time is not the time around the charge."""
    verb = clause(trigger)
    return trigger.pos_ in ("NOUN", "PROPN") and verb is not None and verb != trigger \
        and verb.lemma_.lower() in WHEREABOUTS_VERBS


def phrase(head: Token | None, trigger: Token, whole_entity: bool = False) -> Span | None:
    """The noun phrase headed by ``head`` (its modifiers and coordinated conjuncts, not its trailing clauses).

    Arguments never cross a line break: a run-on parse of a headline into the next paragraph is not a relation.
    """
    if head is None:
        return None
    doc = head.doc
    entity = _entity_bounds(head)
    if whole_entity and head.ent_type_:
        start, end = entity
    else:
        modifiers = [c.left_edge.i for c in head.lefts if c.dep_ in NP_MODIFIERS]
        start, end = min([entity[0], *modifiers]), entity[1]
        start = max([start] + [t.i + 1 for t in doc[start:head.i] if "\n" in t.text])
        last = head
        while (conjunct := next((c for c in last.children if c.dep_ == "conj"), None)) is not None:
            last = conjunct
        if last != head:
            end = max(end, _entity_bounds(last)[1] if last.ent_type_ else last.i + 1)
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    low, high = min(start, trigger.i), max(end, trigger.i + 1)
    if start >= end or "\n" in doc[low:high].text:
        return None
    phrase = doc[start:end]
    return Span(phrase.text, phrase.start_char, phrase.end_char)


def _entity_bounds(token: Token) -> tuple[int, int]:
    """The token range of the entity the token is in (just the token outside entities)."""
    start = token.i
    if not token.ent_type_:
        return start, start + 1
    while token.doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(token.doc) and token.doc[end].ent_iob_ == "I":
        end += 1
    return start, end

