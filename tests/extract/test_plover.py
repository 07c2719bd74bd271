"""PLOVER typing of realistic news sentences across domains, and actor countries."""

from __future__ import annotations

import time

import pytest

from newsledger.annotate.nlp import load
from newsledger.extract.actors import actor_countries, country_of, event_countries
from newsledger.extract.plover import (
    EVENT_TYPE_TO_PLOVER,
    LEGACY_TYPES,
    PLOVER_TYPES,
    outside_plover,
    type_sentence,
    type_trigger,
)
from newsledger.records import EventType


@pytest.fixture(scope="module")
def nlp():
    return load()


def typed(nlp, text: str):
    chosen = type_sentence(nlp(text)[:])
    return chosen


def trigger(nlp, text: str, word: str):
    doc = nlp(text)
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize(("text", "kind", "mode", "context"), [
    # a local shooting: the weapon gives the mode, the gunman the context
    ("A gunman opened fire at a bar on Main Street late Saturday, killing two people and wounding three others, "
     "police said.", "ASSAULT", "firearms", "crime"),
    ("A 19-year-old man was stabbed to death outside a nightclub in Leeds early Sunday.", "ASSAULT", "blade", None),
    ("Two men robbed a convenience store at gunpoint on Friday night.", "ASSAULT", "firearms", None),
    # arrests, charges, trials
    ("Police arrested a 23-year-old man on Tuesday and charged him with murder.", "COERCE", "arrest", "legal"),
    ("The court sentenced the former minister to ten years in prison.", "COERCE", "arrest", "legal"),
    ("A jury convicted the former governor of bribery.", "ACCUSE", "disapprove", "legal"),  # CAMEO 116
    ("Prosecutors opened an investigation into the company.", "ACCUSE", "investigate", None),
    # protest
    ("Thousands of protesters marched through Paris against the pension reform.", "PROTEST", "demo", None),
    ("Teachers went on strike across the country over pay.", "PROTEST", "boycott", None),
    # armed conflict
    ("Russian forces shelled the city of Kharkiv overnight.", "ASSAULT", "heavy-weapons", "military"),
    ("Israeli jets struck targets in Gaza on Sunday.", "ASSAULT", "heavy-weapons", "military"),
    # politics and diplomacy
    ("President Biden met Chinese President Xi Jinping in Bali.", "CONSULT", None, "diplomatic"),
    ("The European Union imposed new sanctions on Iran.", "COERCE", "restrict", None),
    ("North Korea threatened to strike the United States.", "THREATEN", None, None),
    ("Iran rejected the proposal.", "REJECT", None, None),
    ("The United States urged Israel to allow more aid into Gaza.", "REQUEST", None, None),
    ("Washington expelled two Russian diplomats.", "SANCTION", "expel", "diplomatic"),
    ("Japan donated $10 million in humanitarian aid to Pakistan.", "AID", None, None),
    ("France condemned the attack.", "ACCUSE", "disapprove", None),
    ("The Chinese foreign minister arrived in Tokyo on Monday.", "CONSULT", "visit", "diplomatic"),
    ("The president spoke by telephone with the Turkish leader.", "CONSULT", "phone", "diplomatic"),
    ("The government lifted the ban on opposition parties.", "CONCEDE", None, None),  # CAMEO 0812
    ("Rioters set cars on fire in the suburbs of Paris.", "PROTEST", "riot", None),  # CAMEO 145
    ("Britain will send humanitarian aid to flood-hit Pakistan.", "AGREE", None, None),  # CAMEO 033: intent
    ("Opposition supporters staged a sit-in outside the election commission.", "PROTEST", "demo", None),
    # CAMEO modality: a stated intention to cooperate is AGREE, to harm is THREATEN, a refusal REJECT
    ("Syria said it will withdraw its troops from Lebanon.", "AGREE", None, None),
    ("Farmers said they would blockade the capital.", "THREATEN", None, None),
    ("The government said it would not meet the rebels.", "REJECT", None, None),
])
def test_sentence_types_across_domains(nlp, text, kind, mode, context):
    chosen = typed(nlp, text)
    assert chosen is not None and chosen.plover.type == kind, (text, chosen)
    assert chosen.plover.mode == mode
    if context is not None:
        assert chosen.plover.context == context


@pytest.mark.parametrize(("text", "word", "category"), [
    ("Three people died when a bus crashed on the highway.", "died", "accident"),
    ("An earthquake struck central Turkey on Monday, killing more than 100 people.", "killing", "disaster"),
    ("An earthquake struck central Turkey on Monday, killing more than 100 people.", "struck", None),
    ("Health officials reported an outbreak of cholera in Haiti.", "outbreak", "health"),
])
def test_happenings_outside_plover_get_no_type(nlp, text, word, category):
    token = trigger(nlp, text, word)
    assert type_trigger(token) is None
    assert outside_plover(token) == category


def test_killed_and_wounded_are_assaults_when_violence_is_named(nlp):
    doc = nlp("A gunman opened fire at a bar, killing two people and wounding three.")
    for word in ("killing", "wounding"):
        plover = type_trigger(next(t for t in doc if t.text == word))
        assert plover is not None and plover.type == "ASSAULT" and plover.mode == "firearms"
    agent = type_trigger(trigger(nlp, "Guerrillas killed the deputy chief of the militia.", "killed"))
    assert agent is not None and agent.type == "ASSAULT"


def test_dead_as_the_outcome_of_a_shooting(nlp):
    doc = nlp("Two men were found dead after a shooting in Baltimore.")
    dead = next(t for t in doc if t.text == "dead")
    plover = type_trigger(dead)
    assert plover is not None and plover.type == "ASSAULT" and plover.mode == "firearms"
    assert type_trigger(next(t for t in nlp("The singer was found dead at home.") if t.text == "dead")) is None


def test_trigger_span_uses_its_root(nlp):
    doc = nlp("Police arrested three men.")
    assert type_trigger(doc[1:2]).type == "COERCE"


def test_lexicon_only_strategy_needs_no_model(nlp):
    doc = nlp("Police arrested three men.")
    assert type_trigger(doc[1], model=None, strategy="lexicon").type == "COERCE"
    with pytest.raises(ValueError):
        type_trigger(doc[1], strategy="guess")


def test_vocabulary_mappings_land_in_plover_2021():
    assert all(p.type in PLOVER_TYPES for p in LEGACY_TYPES.values())
    assert set(EVENT_TYPE_TO_PLOVER) == {t.value for t in EventType}
    assert EVENT_TYPE_TO_PLOVER["arrest"].type == "COERCE" and EVENT_TYPE_TO_PLOVER["arrest"].mode == "arrest"
    assert EVENT_TYPE_TO_PLOVER["meeting"].type == "CONSULT" and EVENT_TYPE_TO_PLOVER["statement"] is None
    assert LEGACY_TYPES["DEMAND"].type == "REQUEST" and LEGACY_TYPES["INVESTIGATE"].mode == "investigate"


@pytest.mark.parametrize(("text", "code"), [
    ("Israeli officials", "ISR"), ("Tehran", "IRN"), ("the U.S.", "USA"), ("Libya", "LBY"),
    ("Senior Hungarian and Romanian officials", "HUN"), ("Taiwan's Vice Foreign Minister", "TWN"),
    ("North Korean troops", "PRK"), ("Palestinians", "PSE"), ("Britons", "GBR"), ("US forces", "USA"),
    ("President Obama", None), ("let us know", None), ("a turkey dinner", None),
])
def test_country_of(text, code):
    assert country_of(text) == code


def test_actor_countries_of_a_trigger(nlp):
    doc = nlp("Washington expelled two Russian diplomats.")
    assert actor_countries(doc[1]) == ("USA", "RUS")
    doc = nlp("Chinese troops were attacked by Indian soldiers.")
    assert actor_countries(doc[3]) == ("IND", "CHN")


def test_hostile_input_is_bounded(nlp):
    """A long sentence full of event words, dates and capitalised words types in seconds."""
    words = " ".join(["Police arrested Smith Jones Brown in Paris on 12 May 2020 and killed protesters ,"] * 1500)
    doc = nlp(words)
    start = time.perf_counter()
    chosen = type_sentence(doc[:])
    for token in doc[:3000]:
        type_trigger(token, doc[:])
    assert country_of("Smith " * 50_000) is None
    assert chosen is not None
    assert time.perf_counter() - start < 20


def test_event_countries_fill_in_from_the_sentence(nlp):
    doc = nlp("Finland will give Tanzania a grant of 580 million shillings.")
    grant = next(t for t in doc if t.text == "grant")
    assert event_countries(grant, doc[:]) == ("FIN", "TZA")  # the carrier verb's indirect object
    doc = nlp("Sudan's government on Sunday lifted a state of emergency in West Darfur.")
    assert event_countries(doc[5], doc[:]) == ("SDN", "SDN")  # a domestic event: the target is the source's own
    doc = nlp("The PRC on Tuesday demanded that the US cancel plans to sell weapons to Taiwan.")
    assert event_countries(next(t for t in doc if t.text == "demanded"), doc[:]) == ("CHN", "USA")


@pytest.mark.parametrize(("text", "kind"), [
    ("The two companies struck a deal on Monday.", "AGREE"),  # struck: no violence named, the deal is the event
    ("The club fired its coach after the defeat.", None),  # fired a person, not a weapon
    ("Soldiers fired on the crowd.", "ASSAULT"),
    ("The man was accused of having raped a woman.", "ACCUSE"),
])
def test_ambiguous_words(nlp, text, kind):
    chosen = typed(nlp, text)
    assert (chosen.plover.type if chosen else None) == kind


def test_typing_leaves_the_doc_serialisable(nlp):
    doc = nlp("Police arrested three men in Paris.")
    type_sentence(doc[:])
    assert not doc.user_data
    doc.to_bytes()


def test_flat_hostile_parse_is_bounded(nlp):
    """One head with 50,000 dependents (event words, capitalised names) types in seconds."""
    from spacy.tokens import Doc

    size = 50_000
    words = ["attacked"] + ["Police" if i % 2 else "arrests" for i in range(size)]
    doc = Doc(nlp.vocab, words=words, heads=[0] * (size + 1), deps=["ROOT"] + ["dobj"] * size,
              pos=["VERB"] + ["PROPN" if i % 2 else "NOUN" for i in range(size)],
              lemmas=["attack"] + ["Police" if i % 2 else "arrest" for i in range(size)])
    start = time.perf_counter()
    chosen = type_sentence(doc[:])
    assert chosen is not None and chosen.plover.type == "ASSAULT"
    actor_countries(doc[0])
    assert time.perf_counter() - start < 20
