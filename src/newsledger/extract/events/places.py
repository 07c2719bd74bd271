"""Where a happening took place, read off the parse around its trigger.

The place is the object of a locative preposition ("in", "at", "near"…) of the trigger, of a clause on it ("talks
held in X"), of the verb it borrows its arguments from ("the shooting happened near X"), of its patient, or of
its clause. What the object must be is decided by the rules of ``PLACE_RULES``, tried in order; each says why it
exists. Never a person's name (an entity the NER calls a person is a place only when it is a street, "Long Lane"),
and never where a participant was taken or held afterwards (a hospital, a jail) unless the trigger itself says so.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from newsledger.extract.events.arguments import (
    framing_verb,
    phrase,
    role,
    scene_clause,
    scene_verb,
)
from newsledger.extract.events.lexicon import (
    AFTERMATH_PLACES,
    FACILITIES,
    LOCATIVE_PREPS,
    MOTION_PREPS,
    NAMED_VENUES,
    PLACE_LABELS,
    PLACE_NOUNS,
    RESPONDERS,
    RESPONSE_VERBS,
    STREET_PARTS,
    STREET_WORDS,
    VENUES,
    WHEREABOUTS_VERBS,
    E,
)
from newsledger.extract.events.triggers import lemma_of, prep_objects
from newsledger.records import EventType, Place, Span


def place(trigger: Token, patient: Token | None, event_type: EventType) -> Place | None:
    """The place under a locative preposition of the trigger (or a clause on it), its frame, patient or clause."""
    preps = LOCATIVE_PREPS | MOTION_PREPS if event_type is E.VISIT else LOCATIVE_PREPS
    if event_type is not E.ATTACK:
        preps = preps - {"into"}  # "fired into a home" is where; "booked into jail" is not
    reduced = [c for c in trigger.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"]  # "talks held in"
    frame = framing_verb(trigger)
    scene = scene_verb(trigger)
    near = {trigger, *reduced, role(trigger), frame, scene}
    owners = [trigger, *reduced, role(trigger), frame, scene, patient, scene_clause(trigger)]
    for owner in dict.fromkeys(o for o in owners if o is not None):
        for obj in prep_objects(owner, preps):
            if obj == patient:
                continue  # "an attack on X in Y": X is the patient
            for rule in PLACE_RULES:
                found = rule(obj, trigger, preps)
                if found is not None:
                    return None if found is _NOT_A_PLACE or _aftermath(found, owner, near) else found
    town = town_modifier(trigger)
    if town is not None:
        return town
    if event_type in (E.ATTACK, E.VISIT) and patient is not None:  # "a strike on Iran" happened in Iran
        named = patient if patient.ent_type_ in PLACE_LABELS else _name_of(patient)
        if named is not None:
            return _as_place(phrase(named, trigger, whole_entity=True), "named")
    if event_type in SCENE_TYPES:
        return sentence_address(trigger)
    return None


def town_modifier(trigger: Token) -> Place | None:
    """A happening named with its town before it: "the Hialeah shooting", "a Cameron accidental shooting" (a
    place entity modifying the trigger noun; not a person, "the Smith shooting")."""
    if trigger.pos_ not in ("NOUN", "PROPN"):
        return None
    for child in trigger.lefts:
        if child.dep_ in ("compound", "nmod", "amod") and child.ent_type_ in ("GPE", "LOC"):
            return _as_place(phrase(child, trigger, whole_entity=True), "named")
    return None


#: Happenings with a scene (the incident itself): where the sentence gives one street address, or a dateline or
#: the report's town places the lead (``geocode``), that is where they happened.
SCENE_TYPES = {E.ATTACK, E.DEATH, E.DAMAGE}


def sentence_address(trigger: Token) -> Place | None:
    """The one street address a sentence gives, for a happening whose own phrase names no place. Local reports put
    the scene in another clause of the sentence: "The victims were inside the tavern on the 900 block of Pratt
    Street when a gunman opened fire". Not an address where someone lives, was taken or is held ("of the 4800
    block", "taken to a hospital in the 100 block"), and none when the sentence gives two."""
    found = []
    for prep in trigger.sent:
        if prep.dep_ != "prep" or lemma_of(prep.head) in WHEREABOUTS_VERBS | AFTERMATH_PLACES or not (
                prep.lower_ in LOCATIVE_PREPS or prep.lower_ == "to" and _responding(prep.head)):
            continue
        for obj in prep.children:
            address = street_address(obj, trigger, LOCATIVE_PREPS) if obj.dep_ == "pobj" else None
            if address is not None:
                found.append(address)
    return _the_one(found)


def response_address(doc: Doc) -> Place | None:
    """The one street address a report sends police or medics to ("officers responded to the 1700 block of Silver
    Bell Circle"): local reports give the scene so, often in a sentence that names no happening. The incident's
    happenings that name no place of their own are there; none when the report gives two."""
    found = []
    for verb in doc:
        if not _responding(verb):
            continue
        for obj in prep_objects(verb, {"to", *LOCATIVE_PREPS}):
            address = street_address(obj, verb, LOCATIVE_PREPS)
            if address is not None:
                found.append(address)
    return _the_one(found)


def _responding(verb: Token) -> bool:
    """Police or medics sent somewhere: a response verb whose subject is a responder ("officers responded")."""
    return verb.pos_ == "VERB" and lemma_of(verb) in RESPONSE_VERBS and any(
        child.dep_ in ("nsubj", "nsubjpass") and lemma_of(child) in RESPONDERS for child in verb.children)


def _the_one(found: list[Place]) -> Place | None:
    return found[0] if len({address.text.lower() for address in found}) == 1 else None


def _as_place(span: Span | None, kind: str) -> Place | None:
    return None if span is None else Place(span.text, span.start, span.end, kind=kind)


_NOT_A_PLACE = Place("", 0, 0)  # a rule's verdict that the object is no place: stop looking at this owner


def _aftermath(found: Span, owner: Token, near: set[Token | None]) -> bool:
    """A hospital, jail or morgue is the place only when the trigger itself is there ("shot at the hospital")."""
    words = found.text.lower().split()
    return owner not in near and any(word.strip(",.") in AFTERMATH_PLACES for word in words)


# --- rules: each takes the object of a locative preposition and returns its place span, or None to let the next
# rule try, or _NOT_A_PLACE to rule the object out. ---------------------------------------------------------------

def street_address(obj: Token, trigger: Token, preps: set[str]) -> Place | None:
    """Local news places a happening at a street address: "in the 3500 block of South Parnell Avenue", "near the
    intersection of Versailles Avenue and Coursin Street", "at 2806 Long Lane" — whatever label the NER gave the
    street's name (it calls "Long Lane" a person)."""
    street = _street_of(obj)
    if street is None:
        return None
    return _as_place(_address_phrase(obj), "address")


def named_place(obj: Token, trigger: Token, preps: set[str]) -> Place | None:
    """A place entity (GPE, LOC, FAC); a person's name is never a place. A proper noun the NER calls a people
    (NORP) is a place here: a nationality is no object of "in"/"near", but the small model often labels a town so
    ("wounded … in southwest suburban Joliet")."""
    if obj.ent_type_ == "PERSON":
        return _NOT_A_PLACE
    if obj.ent_type_ in PLACE_LABELS or obj.ent_type_ == "NORP" and obj.pos_ == "PROPN":
        return _as_place(phrase(obj, trigger, whole_entity=True), "site" if obj.ent_type_ == "FAC" else "named")
    return None


def place_of_noun(obj: Token, trigger: Token, preps: set[str]) -> Place | None:
    """"the city / outskirts of X" is X, whatever the NER called X."""
    if lemma_of(obj) not in PLACE_NOUNS:
        return None
    for inner in prep_objects(obj, {"of"}):
        if inner.ent_type_ in PLACE_LABELS or inner.pos_ == "PROPN" and inner.ent_type_ != "PERSON":
            return _as_place(phrase(inner, trigger, whole_entity=True), "named")
    return None


def facility_or_venue(obj: Token, trigger: Token, preps: set[str]) -> Place | None:
    """A facility or venue ("a military facility in Isfahan", "a party in Hawthorne", "the Hill Haven Event Center
    in Greenville"): the place named inside it, else the proper name it is known by, else the facility itself ("the
    facility", "a home", "the Eastland Bowling Center")."""
    if lemma_of(obj) not in FACILITIES | VENUES and not _named_venue(obj):
        return None
    for inner in prep_objects(obj, preps):
        for rule in (street_address, named_place, place_of_noun):
            found = rule(inner, trigger, preps)
            if found is not None and found is not _NOT_A_PLACE:
                return found
    name = _name_of(obj)
    return _as_place(phrase(name or obj, trigger, whole_entity=True), "named" if name is not None else "site")


PLACE_RULES: list[Callable[[Token, Token, set[str]], Place | None]] = [
    street_address, named_place, place_of_noun, facility_or_venue,
]


def _street_of(obj: Token) -> Token | None:
    """The street token of an address: the object itself ("Cerise Avenue", "2806 Long Lane") or the object of
    "of" after a block, an intersection or a corner."""
    if _is_street(obj):
        return obj
    if lemma_of(obj) in STREET_PARTS:
        return next((inner for inner in prep_objects(obj, {"of"}) if _is_street(inner)), None)
    return None


def _is_street(token: Token) -> bool:
    """A name ending in a street word ("Parnell Avenue", "Coursin streets"), written with a capital."""
    return lemma_of(token) in STREET_WORDS and (token.text[:1].isupper() or any(
        child.dep_ == "compound" and child.text[:1].isupper() for child in token.children))


def _address_phrase(obj: Token) -> Span | None:
    """The address from its first word to the end of its street names, without clauses after it."""
    doc = obj.doc
    start = obj.left_edge.i
    end = obj.i + 1
    for child in obj.rights:
        if child.dep_ in ("prep", "compound", "nummod", "conj", "cc", "appos") and (
                child.dep_ != "prep" or child.lower_ == "of"):
            end = max(end, child.right_edge.i + 1)
        else:
            break
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if start >= end or "\n" in doc[start:end].text:
        return None
    span = doc[start:end]
    return Span(span.text, span.start_char, span.end_char)


def _named_venue(token: Token) -> bool:
    """A venue's proper name under a locative preposition, whatever the NER called it but a person ("at Eastland
    Bowling Lanes")."""
    return token.pos_ == "PROPN" and token.ent_type_ != "PERSON" and token.lower_ in NAMED_VENUES


def _name_of(facility: Token) -> Token | None:
    """The proper name in "a site known as / called X": the place is named, whatever label the NER gave it."""
    if lemma_of(facility) not in FACILITIES:
        return None
    for verb in facility.children:
        if verb.dep_ == "acl" and verb.lemma_ in ("know", "call", "name", "dub"):
            names = [*prep_objects(verb, {"as"}), *(c for c in verb.children if c.dep_ == "oprd")]
            return next((name for name in names if name.pos_ == "PROPN"), None)
    return None
