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
damage         damage, destroy, harm, injure, wound;                           damage, destruction, injury, wound
               "wounded" said of someone
meeting        meet, consult, negotiate                                        meeting, talks, summit,
                                                                               consultation, negotiation
visit          visit, arrive, tour                                             visit, trip, arrival
agreement      sign                                                            deal, agreement, accord, treaty,
                                                                               pact, ceasefire, truce
sanction       sanction, embargo                                               sanction, embargo
threat         threaten, warn + of                                             threat
arrest         arrest, detain                                                  arrest, detention
death          kill, die, assassinate, murder, slay, succumb, pass + away;     death, killing, assassination,
               "dead", "slain" said of someone ("are dead", "found dead")      murder, homicide, dead, suicide
=============  ==============================================================  =====================================

A wound or an injury is borne by its owner or by the subject of the verb it hangs from ("Smith suffered a gunshot
wound"); "shot and killed" shares its passive subject; "shot to death" is a death of the one shot.

Harm to people ("no one was harmed") is ``damage``: the vocabulary has no injury type, and ``death`` is kept for
deaths. Light verbs (carry out, conduct, launch, cause, sign…) whose object is a trigger noun are not events of
their own: the noun is the trigger and takes the verb's subject, place, time and modality. Likewise a verb of the
same type whose subject is a trigger noun ("Saturday's strike targeted a compound") only lends the noun its object.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from newsledger.extract.actors import country_of
from newsledger.extract.events.arguments import agent, patient, phrase
from newsledger.extract.events.detected import (
    ANAPHOR_REACH,
    detected_tokens,
    kind_of,
    refers_back,
)
from newsledger.extract.events.factuality import factuality
from newsledger.extract.events.places import SCENE_TYPES, place, response_address
from newsledger.extract.events.times import (
    calendar_times,
    discourse_time,
    time_of,
    times_by_token,
)
from newsledger.extract.events.triggers import trigger_type
from newsledger.extract.plover import outside_plover, type_trigger
from newsledger.records import Actor, Event, EventType, Factuality, Plover, Span


def extract_events(doc: Doc, article_id: str, anchor: date | None = None, detect: bool = True) -> list[Event]:
    """Every happening in the article, in document order, with ids ``{article_id}:e{index}``: the lexicon's
    triggers and, with ``detect``, those of the learned detector that PLOVER types (``detected.py``)."""
    times = times_by_token(doc, anchor)
    calendar = calendar_times(times)
    lexical = {token.i: kind for token in doc if (kind := trigger_type(token)) is not None}
    candidates = dict.fromkeys(sorted(lexical))
    if detect:
        candidates.update(dict.fromkeys(token.i for token in detected_tokens(doc, set(lexical))))
    text = doc.text
    sentences = list(doc.sents)
    sentence_starts = [sentence.start for sentence in sentences]
    events: list[Event] = []
    for i in sorted(candidates):
        token = doc[i]
        sentence = sentences[bisect_right(sentence_starts, i) - 1]
        plover = _plover(token, sentence)
        event_type = lexical.get(i) or (_kind_referred_to(token, events) if refers_back(token) else kind_of(plover))
        if event_type is None:
            continue
        patient_token = patient(token, event_type)
        events.append(Event(
            id=f"{article_id}:e{len(events)}",
            article=article_id,
            trigger=Span(token.text, token.idx, token.idx + len(token.text)),
            type=event_type,
            agent=_actor(agent(token, event_type)),
            patient=_actor(phrase(patient_token, token)),
            place=place(token, patient_token, event_type),
            time=_when(token, sentence, times, calendar, text, happened := factuality(token)),
            factuality=happened,
            plover=plover if plover is not None or not refers_back(token) else _plover_referred_to(token, events),
        ))
    return _at_the_scene(doc, events)


def _at_the_scene(doc: Doc, events: list[Event]) -> list[Event]:
    """The incident's happenings that name no place are where the report sends police (``response_address``)."""
    unplaced = [e for e in events if e.place is None and e.type in SCENE_TYPES
                and e.factuality in (Factuality.ASSERTED, Factuality.REPORTED)]
    scene = response_address(doc) if unplaced else None
    if scene is None:
        return events
    placed = {e.id for e in unplaced}
    return [replace(e, place=scene) if e.id in placed else e for e in events]


def _kind_referred_to(token: Token, events: list[Event]) -> EventType | None:
    """The kind of the happening a referring word names: the last one said before it, within reach."""
    before = [e for e in events if token.idx - ANAPHOR_REACH <= e.trigger.start < token.idx]
    return before[-1].type if before else None


def _plover_referred_to(token: Token, events: list[Event]) -> Plover | None:
    before = [e for e in events if token.idx - ANAPHOR_REACH <= e.trigger.start < token.idx]
    return before[-1].plover if before else None


def _plover(trigger: Token, sentence: SpacySpan) -> Plover | None:
    """The trigger's PLOVER type in its sentence; for a happening PLOVER has no type for, its context alone."""
    typed = type_trigger(trigger, sentence, model=None, strategy="lexicon")
    if typed is not None:
        return typed
    context = outside_plover(trigger, sentence)
    return Plover(None, None, context) if context else None


def _actor(span: Span | None) -> Actor | None:
    """The span as an actor, with its country when the words name one ("Israeli officials": ISR)."""
    return None if span is None else Actor(span.text, span.start, span.end, country=country_of(span.text))


def _when(trigger: Token, sentence: SpacySpan, times, calendar, text: str, happened: Factuality):
    """The trigger's own time, else (for what the text does not make hypothetical) the discourse's."""
    own = time_of(trigger, times)
    if own is not None or happened is Factuality.HYPOTHETICAL or _named_again(trigger):
        return own
    return discourse_time(trigger, sentence, calendar, text)


def _named_again(trigger: Token) -> bool:
    """A happening named again as "the shooting" under another verb ("arrested Tuesday in the shooting"): the time
    around it is that verb's, so it takes only a time of its own. Follow-up reports name the incident so."""
    return trigger.pos_ == "NOUN" and trigger.dep_ not in ("nsubj", "nsubjpass", "ROOT") and any(
        child.dep_ == "det" and child.lower_ in ("the", "this", "that") for child in trigger.children)


