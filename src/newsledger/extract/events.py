"""Events: lexicon triggers with agent, patient, place, time and factuality read off the dependency parse.

A trigger is a verb or a nominalisation whose lemma is in the lexicon below. Speech verbs are not triggers:
attributions are extracted separately and the pipeline marks the events inside them as reported.

=============  ==============================================================  =====================================
type           verbs (lemma)                                                   nouns (lemma)
=============  ==============================================================  =====================================
attack         attack, strike, bomb, raid, assault, shell, sabotage, target,   attack, strike, airstrike, bombing,
               ambush, invade, explode, detonate, shoot (not + down),          bombardment, raid, assault, sabotage,
               hit (a facility/place, or by a weapon)                          shelling, ambush, invasion,
                                                                               explosion, blast
interception   intercept, down, shoot + down, bring + down                    interception, shootdown
launch         launch, fire (a weapon: missile, drone, rocket…)                launch (of a weapon)
damage         damage, destroy, harm, injure, wound                            damage, destruction, injury
meeting        meet, consult, negotiate                                        meeting, talks, summit,
                                                                               consultation, negotiation
visit          visit, arrive, tour                                             visit, trip, arrival
agreement      sign                                                            deal, agreement, accord, treaty,
                                                                               pact, ceasefire, truce
sanction       sanction, embargo                                               sanction, embargo
threat         threaten, warn + of                                             threat
arrest         arrest, detain                                                  arrest, detention
death          kill, die, assassinate, murder                                  death, killing, assassination,
                                                                               murder
=============  ==============================================================  =====================================

Harm to people ("no one was harmed") is ``damage``: the vocabulary has no injury type, and ``death`` is kept for
deaths. Light verbs (carry out, conduct, launch, cause, sign…) whose object is a trigger noun are not events of
their own: the noun is the trigger and takes the verb's subject, place, time and modality. Likewise a verb of the
same type whose subject is a trigger noun ("Saturday's strike targeted a compound") only lends the noun its object.
"""

from __future__ import annotations

from bisect import bisect_left
from datetime import date

from spacy.tokens import Doc, Token

from newsledger.extract.timex import find_times
from newsledger.records import Event, EventType, Factuality, Span, TimeValue

E = EventType
VERBS: dict[str, EventType] = {
    **dict.fromkeys(["attack", "strike", "bomb", "raid", "assault", "shell", "sabotage", "target", "ambush",
                     "invade", "explode", "detonate", "shoot", "hit"], E.ATTACK),
    **dict.fromkeys(["intercept", "down"], E.INTERCEPTION),
    **dict.fromkeys(["launch", "fire"], E.LAUNCH),
    **dict.fromkeys(["damage", "destroy", "harm", "injure", "wound"], E.DAMAGE),
    **dict.fromkeys(["meet", "consult", "negotiate"], E.MEETING),
    **dict.fromkeys(["visit", "arrive", "tour"], E.VISIT),
    "sign": E.AGREEMENT,
    **dict.fromkeys(["sanction", "embargo"], E.SANCTION),
    **dict.fromkeys(["threaten", "warn"], E.THREAT),
    **dict.fromkeys(["arrest", "detain"], E.ARREST),
    **dict.fromkeys(["kill", "die", "assassinate", "murder"], E.DEATH),
}
NOUNS: dict[str, EventType] = {
    **dict.fromkeys(["attack", "strike", "airstrike", "bombing", "bombardment", "raid", "assault", "sabotage",
                     "shelling", "ambush", "invasion", "explosion", "blast"], E.ATTACK),
    **dict.fromkeys(["interception", "shootdown"], E.INTERCEPTION),
    "launch": E.LAUNCH,
    **dict.fromkeys(["damage", "destruction", "injury"], E.DAMAGE),
    **dict.fromkeys(["meeting", "talk", "summit", "consultation", "negotiation"], E.MEETING),
    **dict.fromkeys(["visit", "trip", "arrival"], E.VISIT),
    **dict.fromkeys(["deal", "agreement", "accord", "treaty", "pact", "ceasefire", "truce"], E.AGREEMENT),
    **dict.fromkeys(["sanction", "embargo"], E.SANCTION),
    "threat": E.THREAT,
    **dict.fromkeys(["arrest", "detention"], E.ARREST),
    **dict.fromkeys(["death", "killing", "assassination", "murder"], E.DEATH),
}
#: Verb + particle pairs that change the event ("shot down" is an interception, not an attack).
PARTICLES = {("shoot", "down"): E.INTERCEPTION, ("bring", "down"): E.INTERCEPTION}
#: Verbs that carry a trigger noun rather than being an event themselves ("carried out the attack").
LIGHT = {"carry", "conduct", "launch", "stage", "mount", "execute", "perform", "hold", "do", "cause", "undertake",
         "commit", "begin", "start", "sign", "reach", "strike", "impose", "make", "wage", "order", "plan"}
#: Verbs whose infinitive complement has not happened (yet): "plans to strike", "tried to persuade".
INTENT = {"plan", "seek", "aim", "intend", "want", "try", "attempt", "hope", "prepare", "threaten", "persuade",
          "urge", "ask", "push", "consider", "propose", "vow", "pledge", "promise", "expect", "need", "wish",
          "decide", "plot", "like", "prefer"}
WEAPONS = {"missile", "rocket", "drone", "projectile", "uav", "munition", "bomb", "warhead", "salvo", "barrage",
           "shell", "torpedo", "mortar", "interceptor", "satellite"}
FACILITIES = {"facility", "site", "plant", "base", "compound", "building", "factory", "depot", "airport", "port",
              "complex", "installation", "reactor", "headquarters", "camp", "target", "ship", "vessel", "tanker",
              "convoy", "embassy", "consulate", "house", "home", "hospital", "school"}
#: Nouns that name the surroundings of a place: "the outskirts of Tehran", "the city of Isfahan".
PLACE_NOUNS = {"city", "town", "village", "province", "region", "capital", "outskirt", "outskirts", "center",
               "centre", "suburb", "district", "area", "border", "edge", "heart", "north", "south", "east", "west"}
CARRIERS = {"campaign", "operation", "mission", "attempt", "plot", "wave", "spree"}
UNACCUSATIVE = {"die", "explode"}  # their subject undergoes the event
LOCATIVE_PREPS = {"in", "at", "near", "inside", "outside", "across", "around", "throughout", "within", "into",
                  "on", "over"}
MOTION_PREPS = {"to", "toward", "towards"}  # locative only for visits: "a visit to Israel", not "supplying to Russia"
TIME_PREPS = {"on", "in", "at", "during", "of"}  # not "before"/"since": a bound is not the event's time
PLACE_LABELS = {"GPE", "LOC", "FAC"}
ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP"}
NP_MODIFIERS = {"det", "predet", "amod", "compound", "nummod", "quantmod", "poss", "nmod"}


def extract_events(doc: Doc, article_id: str, anchor: date | None = None) -> list[Event]:
    """Every trigger in the article, in document order, with ids ``{article_id}:e{index}``."""
    times = _times_by_token(doc, anchor)
    events = []
    for token in doc:
        event_type = _trigger_type(token)
        if event_type is None:
            continue
        patient = _patient(token, event_type)
        events.append(Event(
            id=f"{article_id}:e{len(events)}",
            article=article_id,
            trigger=Span(token.text, token.idx, token.idx + len(token.text)),
            type=event_type,
            agent=_agent(token, event_type),
            patient=_phrase(patient, token),
            place=_place(token, patient, event_type),
            time=_time(token, times),
            factuality=_factuality(token),
        ))
    return events


# --- triggers ----------------------------------------------------------------------------------------------------

def _trigger_type(token: Token) -> EventType | None:
    """The event type a token triggers, or None (light verbs and modifiers of other triggers trigger nothing)."""
    if token.pos_ == "VERB":
        return _verb_type(token)
    if token.pos_ in ("NOUN", "PROPN") and token.ent_type_ in ("", "LAW", "EVENT"):  # not "Operation Strike"
        return _noun_type(token)
    if token.dep_ == "conj" and token.lower_ in ("another", "other"):
        return _elided_type(token)
    return None


def _verb_type(verb: Token) -> EventType | None:
    lemma = verb.lemma_.lower()
    particle = next((child.lower_ for child in verb.children if child.dep_ == "prt"), None)
    if (lemma, particle) in PARTICLES:
        return PARTICLES[lemma, particle]
    event_type = VERBS.get(lemma)
    if event_type is None or _carries_trigger(verb) or _lends_to_subject(verb, event_type):
        return None
    objects = [child for child in verb.children if child.dep_ in ("dobj", "nsubjpass")]
    if event_type is E.LAUNCH and not any(_lemma(obj) in WEAPONS for obj in objects):
        return None  # "launched a campaign", "fired the manager"
    if lemma == "hit" and not _military_hit(verb, objects):
        return None
    if lemma == "warn" and not any(child.dep_ == "prep" and child.lower_ == "of" for child in verb.children):
        return None  # a warning is speech unless it is a warning of something
    return event_type


def _noun_type(noun: Token) -> EventType | None:
    lemma = noun.lemma_.lower()
    event_type = NOUNS.get(lemma)
    if event_type is None or (lemma == "talk" and noun.tag_ != "NNS"):
        return None
    if noun.dep_ == "compound" and _lemma(noun.head) not in CARRIERS:
        return None  # "attack helicopter", or the modifier of another trigger ("sabotage attacks")
    if lemma == "deal" and any(child.lemma_ in ("great", "good") for child in noun.children):
        return None  # "a great deal of"
    if event_type is E.LAUNCH and not any(_lemma(t) in WEAPONS for t in noun.subtree if t != noun):
        return None
    return event_type


def _elided_type(token: Token) -> EventType | None:
    """ "one of the attacks was against X, and another against Y": the gapped conjunct is an event too."""
    subject = _subject_of(token.head)
    return _trigger_type(subject) if subject is not None and subject.pos_ == "NOUN" else None


def _carries_trigger(verb: Token) -> bool:
    return verb.lemma_ in LIGHT and any(
        child.dep_ in ("dobj", "nsubjpass") and child.pos_ == "NOUN" and _trigger_type(child) for child in verb.children
    )


def _lends_to_subject(verb: Token, event_type: EventType) -> bool:
    subject = _subject_of(verb)
    return subject is not None and subject.pos_ == "NOUN" and _trigger_type(subject) is event_type


def _military_hit(verb: Token, objects: list[Token]) -> bool:
    subject = _subject_of(verb)
    return any(_lemma(obj) in FACILITIES or obj.ent_type_ in PLACE_LABELS for obj in objects) or (
        subject is not None and _lemma(subject) in WEAPONS
    )


# --- arguments -----------------------------------------------------------------------------------------------

def _frame(trigger: Token) -> Token | None:
    """The verb a trigger noun borrows arguments from: its light verb, a same-type verb or a copula it is subject of."""
    if trigger.pos_ not in ("NOUN", "PROPN"):
        return None
    node = _role(trigger)
    head = node.head
    if node.dep_ in ("dobj", "nsubjpass") and head.lemma_ in LIGHT:
        return head
    if node.dep_ in ("nsubj", "attr") and head.lemma_ == "be":
        return head
    if node.dep_ == "nsubj" and head.pos_ == "VERB" and VERBS.get(head.lemma_) is _trigger_type(trigger):
        return head
    return None


def _role(trigger: Token) -> Token:
    """The token that plays the trigger's part in the clause: "one" in "one of the attacks", the head of a carrier."""
    if trigger.dep_ == "compound":
        return trigger.head
    if trigger.dep_ == "pobj" and trigger.head.lower_ == "of" and trigger.head.head.pos_ in ("NUM", "PRON", "DET"):
        return trigger.head.head
    return trigger


def _subject_of(node: Token) -> Token | None:
    """The subject of a clause, seen through "one of the N" so the noun itself comes back."""
    for child in node.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            partitive = [t for t in child.children if t.dep_ == "prep" and t.lower_ == "of"]
            objects = [t for prep in partitive for t in prep.children if t.dep_ == "pobj"]
            return objects[0] if objects and child.pos_ in ("NUM", "PRON", "DET") else child
    return None


def _agent(trigger: Token, event_type: EventType) -> Span | None:
    """Verbs: the subject (the "by" phrase when passive). Nouns: a possessive or actor modifier, "by X", or the
    subject of their light verb."""
    if trigger.pos_ == "VERB":
        if _is_passive(trigger):
            actor = _by_phrase(trigger)
        elif trigger.lemma_ in UNACCUSATIVE:
            actor = None
        else:
            actor = _controller(trigger)
        return _phrase(actor, trigger)
    frame = _frame(trigger)
    modifiers = [c for node in dict.fromkeys((trigger, _role(trigger))) for c in node.children]
    actor = next((c for c in modifiers if c.dep_ == "poss" and event_type not in (E.DEATH, E.ARREST)
                  and c.ent_type_ not in ("DATE", "TIME")), None)
    actor = actor or next((c for c in modifiers if c.dep_ in ("compound", "amod", "nmod")
                           and c.ent_type_ in ACTOR_LABELS), None)
    actor = actor or _by_phrase(trigger)
    if actor is None and frame is not None and frame.lemma_ in LIGHT:
        actor = _by_phrase(frame) if _is_passive(frame) else _controller(frame)
    return _phrase(actor, trigger)


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


def _patient(trigger: Token, event_type: EventType) -> Token | None:
    """The object (or passive subject); for nouns the object of a type's preposition ("attack on X", "talks with X")."""
    node = _role(trigger)
    if trigger.pos_ == "VERB":
        direct = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
        if trigger.lemma_ in UNACCUSATIVE:
            direct += [c for c in trigger.children if c.dep_ == "nsubj"]
        if direct:
            return direct[0]
    if trigger.pos_ == "NOUN" and event_type in (E.DEATH, E.ARREST):
        owner = next((c for c in trigger.children if c.dep_ == "poss"), None)
        if owner is not None:
            return owner
    frame = _frame(trigger)
    if frame is not None and frame.lemma_ not in LIGHT and frame.lemma_ != "be":
        direct = next((c for c in frame.children if c.dep_ == "dobj"), None)
        if direct is not None:
            return direct
    for owner in (trigger, node, frame):
        if owner is not None and (found := _prep_object(owner, _patient_preps(event_type), trigger)) is not None:
            return found
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
    return next((obj for obj in _prep_objects(owner, preps) if obj != trigger
                 and obj.ent_type_ not in ("DATE", "TIME") and _lemma(obj) not in PLACE_NOUNS), None)


def _by_phrase(node: Token) -> Token | None:
    for prep in node.children:
        if prep.dep_ == "agent" or prep.dep_ == "prep" and prep.lower_ == "by":
            return next((c for c in prep.children if c.dep_ == "pobj"), None)
    return None


def _is_passive(verb: Token) -> bool:
    return any(child.dep_ in ("auxpass", "nsubjpass") for child in verb.children)


def _place(trigger: Token, patient: Token | None, event_type: EventType) -> Span | None:
    """The place under a locative preposition of the trigger (or a clause on it), its frame, patient or clause."""
    preps = LOCATIVE_PREPS | MOTION_PREPS if event_type is E.VISIT else LOCATIVE_PREPS
    reduced = [c for c in trigger.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"]  # "talks held in"
    owners = [trigger, *reduced, _role(trigger), _frame(trigger), patient,
              _clause(trigger)]
    for owner in dict.fromkeys(o for o in owners if o is not None):
        for obj in _prep_objects(owner, preps):
            if obj != patient and (found := _place_in(obj, preps)) is not None:
                return _phrase(found, trigger, whole_entity=True)  # "an attack on X in Y": X is the patient
    if event_type in (E.ATTACK, E.VISIT) and patient is not None:  # "a strike on Iran" happened in Iran
        named = patient if patient.ent_type_ in PLACE_LABELS else _name_of(patient)
        return _phrase(named, trigger, whole_entity=True)
    return None


def _place_in(obj: Token, preps: set[str]) -> Token | None:
    """A place entity; else the place in "the city/outskirts of X" or in "a facility in X"; else the facility."""
    if obj.ent_type_ in PLACE_LABELS or obj.pos_ == "PROPN" and obj.head.lower_ == "of" \
            and _lemma(obj.head.head) in PLACE_NOUNS:
        return obj
    if _lemma(obj) in PLACE_NOUNS:
        return next(filter(None, (_place_in(o, preps) for o in _prep_objects(obj, {"of"}))), None)
    if _lemma(obj) in FACILITIES:
        return next(filter(None, (_place_in(o, preps) for o in _prep_objects(obj, preps))), _name_of(obj) or obj)
    return None


def _name_of(facility: Token) -> Token | None:
    """The proper name in "a site known as / called X": the place is named, whatever label the NER gave it."""
    if _lemma(facility) not in FACILITIES:
        return None
    for verb in facility.children:
        if verb.dep_ == "acl" and verb.lemma_ in ("know", "call", "name", "dub"):
            names = [*_prep_objects(verb, {"as"}), *(c for c in verb.children if c.dep_ == "oprd")]
            return next((name for name in names if name.pos_ == "PROPN"), None)
    return None


def _prep_objects(owner: Token, preps: set[str]) -> list[Token]:
    return [obj for prep in owner.children if prep.dep_ == "prep" and prep.lower_ in preps
            for obj in prep.children if obj.dep_ == "pobj"]


def _time(trigger: Token, times: dict[int, TimeValue]) -> TimeValue | None:
    """A time attached to the trigger, else to the verb that frames it, else to its clause."""
    for owner in (trigger, _role(trigger), _frame(trigger), _clause(trigger)):
        if owner is None:
            continue
        for child in owner.children:
            if child.i in times and child.dep_ in ("poss", "npadvmod", "tmod", "compound", "nmod", "nummod", "advmod"):
                return times[child.i]
            if child.dep_ == "prep" and child.lower_ in TIME_PREPS:
                for obj in child.children:
                    if obj.i in times:
                        return times[obj.i]
    return None


def _clause(trigger: Token) -> Token | None:
    """The nearest verb above the trigger (the trigger itself when it is a verb)."""
    node = trigger
    while node.pos_ not in ("VERB", "AUX"):
        if node.head == node:
            return None
        node = node.head
    return node


# --- factuality ----------------------------------------------------------------------------------------------

def _factuality(trigger: Token) -> Factuality:
    """Denied under negation (or a "no" subject/object), hypothetical under a modal, condition, intent or question.

    A trigger noun takes the modality of its light verb only: "a drone attack ... will not impede" leaves the attack
    asserted, while "could not carry out the attack" does not.
    """
    if any(child.dep_ == "det" and child.lower_ == "no" for child in trigger.children):
        return Factuality.DENIED
    verb = trigger if trigger.pos_ == "VERB" else _frame(trigger)
    if verb is not None and verb.pos_ == "VERB" and (verb == trigger or verb.lemma_ in LIGHT):
        if _hypothetical(verb):
            return Factuality.HYPOTHETICAL
        if _negated(verb):
            return Factuality.DENIED
    return Factuality.HYPOTHETICAL if trigger.sent.text.rstrip().endswith("?") else Factuality.ASSERTED


def _hypothetical(verb: Token) -> bool:
    """A modal, "if"/"unless" or purpose "to" on the verb, or on the verbs above it through infinitives, gerunds and
    conjuncts; or an infinitive under an intent verb ("plans to strike")."""
    node = verb
    while True:
        children = list(node.children)
        if any(c.tag_ == "MD" or c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in children):
            return True
        if node.dep_ in ("advcl", "acl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in children):
            return True  # "in order to prevent", "an effort to curb"
        if node.dep_ == "xcomp" and node.head.lemma_ in INTENT:
            return True
        if node.dep_ not in ("xcomp", "conj", "pcomp", "prep", "pobj") or node.head == node:
            return False
        node = node.head


def _negated(verb: Token) -> bool:
    for child in verb.children:
        if child.dep_ == "neg" or child.lower_ in ("never", "nobody", "nothing", "none"):
            return True
        if child.dep_ in ("nsubj", "nsubjpass", "dobj") and any(
            grandchild.dep_ == "det" and grandchild.lower_ == "no" for grandchild in child.children
        ):
            return True
    return False


# --- spans ---------------------------------------------------------------------------------------------------

def _phrase(head: Token | None, trigger: Token, whole_entity: bool = False) -> Span | None:
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


def _times_by_token(doc: Doc, anchor: date | None) -> dict[int, TimeValue]:
    """Each time expression that can say when an event happened under the index of every token it covers."""
    starts = [token.idx for token in doc]
    by_token: dict[int, TimeValue] = {}
    for time in filter(_says_when, find_times(doc, anchor)):
        i = bisect_left(starts, time.start)
        while i < len(starts) and starts[i] < time.end:
            by_token[i] = time
            i += 1
    return by_token


def _says_when(time: TimeValue) -> bool:
    """A date or time of day on the calendar (or one without an anchor to fix it): durations, sets and "now" or
    "recently" (PRESENT_REF, PAST_REF) say how long or how often, not when, and would read downstream as dates
    that conflict."""
    return time.type in ("DATE", "TIME") and (time.value is None or time.value[:1].isdigit())


def _lemma(token: Token) -> str:
    return token.lemma_.lower()
