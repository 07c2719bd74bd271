"""Event extraction: lexicon triggers, arguments from the parse, time from timex, factuality from the clause."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from importlib.resources import files

import pytest

from newsledger.annotate.nlp import load
from newsledger.extract.events import extract_events
from newsledger.records import Event, EventType, Factuality

MONDAY = date(2023, 1, 30)


@lru_cache(maxsize=None)
def seed_events(prefix: str, anchor: date | None = None) -> tuple[str, list[Event]]:
    path = next(p for p in (files("newsledger") / "sample").iterdir() if p.name.startswith(prefix))
    doc = load()(path.read_text(encoding="utf-8"))
    return doc.text, extract_events(doc, prefix, anchor)


def events_of(text: str, anchor: date | None = MONDAY) -> list[Event]:
    return extract_events(load()(text), "t", anchor)


def only(text: str, anchor: date | None = MONDAY) -> Event:
    events = events_of(text, anchor)
    assert len(events) == 1, [(e.trigger.text, e.type) for e in events]
    return events[0]


def find(events: list[Event], trigger: str, near: str | None = None, text: str | None = None) -> Event:
    """The event with this trigger word, optionally the one whose trigger sits inside the passage ``near``."""
    for event in events:
        if event.trigger.text != trigger:
            continue
        if near is None:
            return event
        at = text.index(near)
        if at <= event.trigger.start < at + len(near):
            return event
    raise AssertionError(f"no event {trigger!r} near {near!r}: {[e.trigger.text for e in events]}")


# --- the seeds --------------------------------------------------------------------------------------------------

def test_seed_000_saturdays_drone_attack_in_isfahan():
    text, events = seed_events("000")
    attack = find(events, "attack", "Saturday’s drone attack in the center of Isfahan", text)
    assert attack.type is EventType.ATTACK
    assert attack.place.text == "Isfahan"
    assert attack.agent.text == "Mossad"  # "was conducted by Mossad": the light verb lends its agent
    assert attack.time.text == "Saturday"
    assert attack.time.value is None  # no anchor, no date
    assert attack.factuality is Factuality.ASSERTED


def test_seed_000_anchored_attack_time_is_the_saturday_before_publication():
    text, events = seed_events("000", MONDAY)
    attack = find(events, "attack", "Saturday’s drone attack", text)
    assert attack.time.value == "2023-01-28"
    assert attack.time.anchor == "2023-01-30"


def test_seed_000_shot_down_is_an_interception_not_an_attack():
    _, events = seed_events("000")
    shot = find(events, "shot")
    assert shot.type is EventType.INTERCEPTION
    assert shot.agent.text == "a surface-to-air defense system"


def test_seed_000_light_verb_and_same_type_verb_do_not_double_count():
    text, events = seed_events("000")
    assert not [e for e in events if e.trigger.text in ("conducted", "targeted") and e.trigger.start < 300]
    strike = find(events, "strike", "Saturday’s strike targeted an Iranian defense compound", text)
    assert strike.patient.text == "an Iranian defense compound"
    assert strike.place.text == "Isfahan"  # "the Central Iranian city of Isfahan", whatever the NER label


def test_seed_002_launch_interception_and_hit():
    text, events = seed_events("002")
    launch = find(events, "launched")
    assert launch.type is EventType.LAUNCH
    assert launch.patient.text == "three drones"
    assert launch.place.text == "the facility"
    down = find(events, "shot")
    assert down.type is EventType.INTERCEPTION
    assert down.patient.text == "two"
    hit = find(events, "hit")
    assert hit.type is EventType.ATTACK
    assert hit.patient.text == "the building"
    harmed = find(events, "harmed")
    assert harmed.factuality is Factuality.DENIED


def test_seed_002_last_week_attack_and_carried_out_strike():
    text, events = seed_events("002", MONDAY)
    attack = find(events, "attack", "there was a drone attack", text)
    assert attack.time.value == "2023-W04"
    assert attack.patient.text == "an Iranian military defense site"
    assert attack.place.text == "Isfahan"  # "a site known as Isfahan"
    strike = find(events, "strike", "the strike was carried out", text)
    assert strike.agent.text == "the Mossad intelligence agency"
    assert not [e for e in events if e.trigger.text == "carried"]


def test_seed_004_strikes_at_karaj_and_outside_tehran():
    text, events = seed_events("004")
    attacks = [e for e in events if e.type is EventType.ATTACK]
    places = {e.place.text for e in attacks if e.place}
    assert {"Karaj", "Tehran"} <= places
    karaj = next(e for e in attacks if e.place and e.place.text == "Karaj")
    assert karaj.patient.text == "the centrifuge production facility"
    tehran = next(e for e in attacks if e.place and e.place.text == "Tehran")
    assert "missile plant" in tehran.patient.text
    strikes = find(events, "strikes", "launching covert strikes", text)
    assert strikes.agent.text == "Israeli officials"
    assert strikes.patient.text == "Iranian facilities"
    assert not [e for e in events if e.trigger.text == "launching"]


def test_seed_004_meeting_and_visit():
    text, events = seed_events("004", MONDAY)
    meeting = find(events, "meeting", "In the meeting", text)
    assert meeting.type is EventType.MEETING
    arrived = find(events, "arrived")
    assert arrived.type is EventType.VISIT
    assert arrived.place.text == "Washington"
    assert arrived.time.value == "2023-W05"


@pytest.mark.parametrize("prefix", ["000", "002", "004"])
def test_seeds_have_no_speech_events_exact_spans_and_ordered_ids(prefix):
    text, events = seed_events(prefix)
    speech = {"said", "say", "saying", "claim", "claimed", "reported", "stated", "told", "wrote", "warned", "spoke"}
    assert not [e for e in events if e.trigger.text.lower() in speech]
    assert [e.id for e in events] == [f"{prefix}:e{i}" for i in range(len(events))]
    assert [e.trigger.start for e in events] == sorted(e.trigger.start for e in events)
    for event in events:
        for span in (event.trigger, event.agent, event.patient, event.place, event.time):
            if span is not None:
                assert text[span.start:span.end] == span.text


# --- triggers and arguments on general sentences ---------------------------------------------------------------

@pytest.mark.parametrize(
    ("sentence", "trigger", "event_type"),
    [
        ("Israeli jets bombed a military base near Damascus.", "bombed", EventType.ATTACK),
        ("Air defenses shot down two drones.", "shot", EventType.INTERCEPTION),
        ("The army intercepted a missile.", "intercepted", EventType.INTERCEPTION),
        ("Hezbollah fired rockets at northern Israel.", "fired", EventType.LAUNCH),
        ("The strike destroyed a warehouse.", "destroyed", EventType.DAMAGE),
        ("Blinken met Netanyahu in Jerusalem.", "met", EventType.MEETING),
        ("The two countries signed a treaty.", "treaty", EventType.AGREEMENT),
        ("The United States imposed new sanctions on Iran.", "sanctions", EventType.SANCTION),
        ("Iran threatened Israel.", "threatened", EventType.THREAT),
        ("Police arrested three men.", "arrested", EventType.ARREST),
        ("Five soldiers died.", "died", EventType.DEATH),
        ("Gantz visited Washington.", "visited", EventType.VISIT),
    ],
)
def test_lexicon_types(sentence, trigger, event_type):
    event = find(events_of(sentence), trigger)
    assert event.type is event_type


@pytest.mark.parametrize(
    "sentence",
    ["Iran launched a new campaign.", "He hit the ball.", "The minister said the talks were useful but warned Iran.",
     "A great deal of money was spent."],
)
def test_non_events(sentence):
    events = events_of(sentence)
    assert not [e for e in events if e.trigger.text in ("launched", "hit", "said", "warned", "deal")]


def test_light_verb_hands_its_subject_and_time_to_the_noun():
    event = only("Israel carried out the attack on Tuesday.")
    assert (event.trigger.text, event.agent.text, event.time.value) == ("attack", "Israel", "2023-01-24")


def test_launching_an_attack_is_one_attack():
    event = only("Israel launched an attack on Iran.")
    assert (event.type, event.agent.text, event.patient.text) == (EventType.ATTACK, "Israel", "Iran")


def test_verb_arguments_place_and_time():
    event = only("Israeli jets bombed a military base near Damascus on Saturday.")
    assert event.agent.text == "Israeli jets"
    assert event.patient.text == "a military base"
    assert event.place.text == "Damascus"
    assert event.time.value == "2023-01-28"


def test_passive_agent_comes_from_the_by_phrase():
    event = only("The base was bombed by Israeli jets.")
    assert (event.agent.text, event.patient.text) == ("Israeli jets", "The base")


def test_possessive_actor_of_a_noun_trigger():
    event = find(events_of("Tehran's attacks on Israelis in Turkey in 2022 failed."), "attacks")
    assert (event.agent.text, event.patient.text, event.place.text) == ("Tehran", "Israelis", "Turkey")
    assert event.time.value == "2022"


@pytest.mark.parametrize("sentence, target", [
    ("A gunman opened fire on the crowd outside the bar.", "the crowd"),
    ("He set fire to the house after the shooting.", "the house"),
    ("The man in that vehicle opened fire before fleeing.", None),  # "fire" is no one's name: no target said
    ("The gunman opened fire at a party on Elm Street.", None),  # "at" a party is where
])
def test_opened_fire_hits_whom_it_was_opened_on(sentence, target):
    event = find(events_of(sentence), "opened" if "opened" in sentence else "set")
    assert (event.patient.text if event.patient else None) == target


@pytest.mark.parametrize("sentence, trigger, agent, place", [
    ("Four teens were wounded in an Englewood shooting on Sunday, police said.", "shooting", None, "Englewood"),
    ("An Israeli strike hit the base.", "strike", "Israeli", None),
    ("The U.S. strike on the convoy killed 5.", "strike", "U.S.", "U.S."),  # a country acts (and is where)
])
def test_a_town_before_a_shooting_is_where_not_who(sentence, trigger, agent, place):
    event = find(events_of(sentence), trigger)
    assert (event.agent.text if event.agent else None, event.place.text if event.place else None) == (agent, place)


def test_a_death_is_no_one_shot():
    """"the shooting death of Jayden", parsed as a verb "shooting" whose object is "death": the target is not "death"."""
    event = find(events_of("Police are investigating the Fourth of July shooting death of 2-year-old Jayden."), "shooting")
    assert event.patient is None or event.patient.text != "death"


def test_no_invented_dates_without_anchor():
    event = only("Israeli jets bombed a military base near Damascus on Saturday.", anchor=None)
    assert event.time.text == "Saturday" and event.time.value is None


# --- factuality ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("sentence", "factuality"),
    [
        ("Israel attacked Iran.", Factuality.ASSERTED),
        ("Israel did not attack Iran.", Factuality.DENIED),
        ("Israel never attacked Iran.", Factuality.DENIED),
        ("No one was killed.", Factuality.DENIED),
        ("There was no attack.", Factuality.DENIED),
        ("Israel could strike Iran.", Factuality.HYPOTHETICAL),
        ("Israel might attack Iran.", Factuality.HYPOTHETICAL),
        ("If Iran attacks Israel, the region will burn.", Factuality.HYPOTHETICAL),
        ("Israel plans to strike Iranian nuclear sites.", Factuality.HYPOTHETICAL),
        ("Israel seeks to carry out more attacks.", Factuality.HYPOTHETICAL),
        ("Did Israel attack the facility?", Factuality.HYPOTHETICAL),
        ("Iran threatened to destroy Israel.", Factuality.HYPOTHETICAL),
    ],
)
def test_factuality(sentence, factuality):
    events = [e for e in events_of(sentence) if e.type is not EventType.THREAT]
    assert [e.factuality for e in events] == [factuality]


def test_the_threat_itself_is_asserted():
    threat = find(events_of("Iran threatened to destroy Israel."), "threatened")
    assert threat.factuality is Factuality.ASSERTED


def test_a_noun_trigger_does_not_take_the_modality_of_the_clause_it_is_subject_of():
    event = only("A cowardly drone attack on a military site will not impede Iran's progress.")
    assert event.factuality is Factuality.ASSERTED


def test_a_named_facility_is_the_place_whatever_its_ner_label():
    event = only("Israel struck a nuclear facility called Natanz.")
    assert (event.patient.text, event.place.text) == ("a nuclear facility", "Natanz")


# --- places and times on local crime news (issue 16) -----------------------------------------------------------

MONDAY_2013 = date(2013, 1, 7)


@pytest.mark.parametrize("sentence, place", [
    ("The shooting happened shortly after 1 a.m. Tuesday in the 13500 block of Cerise Avenue.",
     "the 13500 block of Cerise Avenue"),
    ("The shooting happened near the intersection of Versailles Avenue and Coursin Street.",
     "the intersection of Versailles Avenue and Coursin Street"),
    ("Greg Griego was killed at 2806 Long Lane in southwest Albuquerque.", "2806 Long Lane"),
    ("A man was gunned down and three others were wounded at a New Year's Eve party in Hawthorne.", "Hawthorne"),
    # A venue's proper name the small model calls an organisation (GVA reports): where its street is given, the
    # street; else the venue.
    ("Four people were wounded in a shooting at the Eastland Bowling Center on New Circle Road just before "
     "midnight Sunday.", "New Circle Road"),
    ("One of the five men shot at Eastland Bowling Lanes Sunday night described the scene.", "Eastland Bowling Lanes"),
])
def test_a_local_happening_is_placed_at_its_street_address_or_town(sentence, place):
    placed = [e.place.text for e in events_of(sentence, MONDAY_2013) if e.place]
    assert placed and placed[0] == place


def test_a_town_the_ner_calls_a_people_is_still_the_place():
    # A real report's opening (GVA): the small model labels this "Joliet" NORP.
    text = ("Woman killed, daughter and brother wounded in Joliet shooting\n\nA woman was killed in front of her "
            "family in a shooting Sunday night that also wounded her brother and 4-year-old daughter in southwest "
            "suburban Joliet.\n\nOfficers responded about 10:35 p.m. to a call of shots fired near East Washington "
            "and Richards streets, according to Joliet Deputy Police Chief Al Roechner.")
    shooting = [e for e in events_of(text, MONDAY_2013) if e.trigger.text == "shooting"][-1]
    assert shooting.place is not None and shooting.place.text == "Joliet"
    assert not any(e.place and e.place.text == "Israeli" for e in events_of("Israeli jets struck targets in Syria."))


def test_the_sentence_gives_the_street_address_its_happening_does_not_name():
    # A real report (GVA): the scene is in the main clause, the shooting in the "when" clause.
    text = ("The victims were inside the Tangeray Tavern on the 900 block of Pratt Street early Sunday evening "
            "when a gunman opened fire.")
    [opened] = [e for e in events_of(text, MONDAY_2013) if e.trigger.text == "opened"]
    assert opened.place is not None and opened.place.text == "the 900 block of Pratt Street"


@pytest.mark.parametrize("text", [
    "Coleman, 21, of the 4800 block of Margaretta Avenue, is charged with shooting six people.",  # where he lives
    "He was shot and taken to a hospital in the 100 block of Main Street.",  # where he was taken
    "A man was shot after a fight at a bar in the 100 block of Main Street went on at a lot in the 200 block of Elm "
    "Street.",
])
def test_a_sentence_address_that_is_a_home_a_hospital_or_one_of_two_places_nothing(text):
    assert all(e.place is None for e in events_of(text, MONDAY_2013) if e.trigger.text in ("shooting", "shot"))


def test_a_happening_named_with_its_town_is_there():
    [shooting] = [e for e in events_of("The Brooklyn shooting left two dead.") if e.trigger.text == "shooting"]
    assert shooting.place is not None and shooting.place.text == "Brooklyn"
    assert all(e.place is None for e in events_of("The Smith shooting shocked the town."))


def test_a_happening_named_again_under_another_verb_takes_only_its_own_time():
    # A follow-up report: Tuesday is the arrest's day, not the shooting's.
    events = {e.trigger.text: e for e in events_of("Police arrested a man Tuesday in the shooting of two teens.",
                                                    MONDAY_2013)}
    assert events["arrested"].time is not None and events["shooting"].time is None
    assert events_of("The shooting happened Saturday night.", MONDAY_2013)[0].time.value == "2013-01-05TNI"


def test_a_headline_without_a_period_is_a_sentence_of_its_own():
    doc = load()("Man shot on Elm Street\n\nPolice said the victim was taken to a hospital.")
    assert [s.text.strip() for s in doc.sents][0] == "Man shot on Elm Street"


def test_a_dateline_is_no_part_of_the_first_sentence_and_a_relative_pronoun_is_its_noun():
    # A real report's opening (GVA): parsed with its dateline, the town was the one shot.
    text = ("GALLATIN – An off-duty police officer was shot in the leg Tuesday evening when a hunter mistook him for "
            "a deer.\n\nThe officer who was shot Tuesday is in stable condition.")
    shot = [e for e in events_of(text, MONDAY_2013) if e.trigger.text == "shot"]
    assert [e.patient.text for e in shot] == ["An off-duty police officer", "The officer"]


def test_the_scene_is_where_the_report_sends_police():
    # Real reports (GVA) give the scene so, in the happening's sentence or in one that names none.
    [shooting] = [e for e in events_of("Police were called about 2:15 a.m. Sunday to East 24th Street and Park Avenue "
                                       "on a reported shooting.", MONDAY_2013) if e.trigger.text == "shooting"]
    assert shooting.place.text == "East 24th Street and Park Avenue"
    died = events_of("A 13-year-old boy died Sunday. At 11:07 a.m. Sunday, police responded to the 1700 block of "
                     "Silver Bell Circle after his brother called 911.", MONDAY_2013)[0]
    assert died.place.text == "the 1700 block of Silver Bell Circle"
    two = events_of("He was shot and died. Police responded to the 100 block of Main Street. Officers were later "
                    "called to the 200 block of Elm Street.", MONDAY_2013)
    assert all(e.place is None for e in two)  # two addresses: neither is sure
    went = events_of("The victim went to the 1700 block of Silver Bell Circle and was shot.", MONDAY_2013)
    assert all(e.place is None or "Silver Bell" not in e.place.text for e in went)  # no responder sent there


def test_where_a_suspect_was_booked_is_not_where_the_crime_happened():
    events = events_of("Bandemer was booked Monday into the Hale County Jail and charged with murder.", MONDAY_2013)
    murder = next(e for e in events if e.trigger.text == "murder")
    assert murder.place is None and murder.time is None


def test_a_person_is_never_a_place():
    events = events_of("The teenager was shot at Hale's house and later near Bandemer.", MONDAY_2013)
    assert all(e.place is None or "Hale" not in e.place.text or "house" in e.place.text for e in events)


def test_a_happening_takes_the_time_its_paragraph_stated_before_it():
    text = "A man was shot Saturday night in Hawthorne. He died at the hospital, police said.\nThe gunman fled."
    events = {e.trigger.text: e for e in events_of(text, MONDAY_2013)}
    assert events["shot"].time.value == "2013-01-05TNI"
    assert events["died"].time.text == "Saturday night"  # the discourse's time: same paragraph, said before
    assert events["fled"].time is None if "fled" in events else True  # a new paragraph does not inherit it


def test_a_hypothetical_happening_takes_no_time_from_around_it():
    events = events_of("Police arrested a man on Monday. He could kill again, they said.", MONDAY_2013)
    kill = next(e for e in events if e.trigger.text == "kill")
    assert kill.time is None


@pytest.mark.parametrize(
    ("sentence", "victim", "factuality"),
    [
        ("Four people are dead and another is fighting for her life.", "Four people", Factuality.ASSERTED),
        ("Police found a father and daughter dead on New Year's Day.", "a father and daughter", Factuality.ASSERTED),
        ("The father was pronounced dead at the scene.", "The father", Factuality.ASSERTED),
        ("The shooting left two men dead.", "two men", Factuality.ASSERTED),
        ("One dead after shooting involving officer", "One", Factuality.ASSERTED),
        ("1 dead, 3 wounded in South Side shootings", "1", Factuality.ASSERTED),
        ("Police say the man is not dead.", "the man", Factuality.DENIED),
        ("He may be dead.", "He", Factuality.HYPOTHETICAL),
    ],
)
def test_dead_said_of_someone_is_their_death(sentence, victim, factuality):
    death = find(events_of(sentence), "dead")
    assert (death.type, death.patient.text, death.factuality) == (EventType.DEATH, victim, factuality)


@pytest.mark.parametrize("sentence", ["The road was a dead end.", "They worked in the dead of night."])
def test_dead_of_no_one_is_no_death(sentence):
    assert not [e for e in events_of(sentence) if e.trigger.text == "dead"]


@pytest.mark.parametrize(
    ("sentence", "trigger", "victim"),
    [
        ("A man was shot and killed Sunday.", "killed", "A man"),  # the conjunct shares the passive subject
        ("He was shot to death.", "death", "He"),
        ("The victim succumbed to his injuries.", "succumbed", "The victim"),
        ("Police say it was a murder-suicide.", "suicide", None),
    ],
)
def test_the_common_ways_news_tells_of_a_death_and_whose(sentence, trigger, victim):
    death = find(events_of(sentence), trigger)
    assert death.type is EventType.DEATH and (death.patient.text if death.patient else None) == victim


def test_what_a_charge_is_raised_to_is_no_victim():
    murder = find(events_of("Prosecutors upgraded the charges to attempted murder."), "murder")
    assert murder.patient is None


@pytest.mark.parametrize(
    ("sentence", "trigger", "event_type", "who"),
    [
        ("Thibodeaux was treated for a gunshot wound.", "wound", EventType.DAMAGE, "Thibodeaux"),
        ("He suffered non-life-threatening injuries.", "injuries", EventType.DAMAGE, "He"),
        ("All were taken to hospitals to be treated for their wounds.", "wounds", EventType.DAMAGE, "their"),
        ("The wounded deputies were taken to a hospital.", "wounded", EventType.DAMAGE, "The wounded deputies"),
        ("The slain officer was married.", "slain", EventType.DEATH, "The slain officer"),
        ("Marcela Franco passed away this morning.", "passed", EventType.DEATH, "Marcela Franco"),
    ],
)
def test_wounds_and_deaths_told_by_nouns_adjectives_and_particles_and_who_bears_them(sentence, trigger, event_type,
                                                                                     who):
    event = find(events_of(sentence), trigger)
    assert (event.type, event.patient.text if event.patient else None) == (event_type, who)


def test_a_wound_someone_inflicts_is_not_theirs_and_life_threatening_threatens_no_one():
    assert find(events_of("The shooter inflicted wounds on three people."), "wounds").patient is None
    assert not [e for e in events_of("He suffered non-life-threatening injuries.") if e.type is EventType.THREAT]


@pytest.mark.parametrize("sentence", ["The battery was dead.", "The deal is dead.", "Her hopes were dead.",
                                      "Obamacare is dead.", "The company succumbed to pressure.",
                                      "The besieged city finally succumbed after months of shelling."])
def test_dead_or_succumbed_said_of_a_thing_is_no_death(sentence):
    assert not [e for e in events_of(sentence) if e.type is EventType.DEATH]


def test_what_a_verb_does_to_death_is_a_death_only_when_the_verb_harms():
    assert find(events_of("He was beaten to death."), "death").patient.text == "He"
    assert not [e for e in events_of("He was sentenced to death for the murders.") if e.trigger.text == "death"]


def test_feared_dead_is_not_known_dead_and_a_hyphenated_participle_still_tells_of_damage():
    assert find(events_of("Five people are feared dead."), "dead").factuality is Factuality.HYPOTHETICAL
    assert find(events_of("The Russian-damaged bridge collapsed."), "damaged").type is EventType.DAMAGE


def test_the_one_cared_for_bears_the_wound_not_the_carer():
    assert find(events_of("Doctors treated the man for a gunshot wound."), "wound").patient.text == "the man"
    assert find(events_of("Police have no information on injuries."), "injuries").patient is None
    assert find(events_of("The victim succumbed to his injuries."), "injuries").agent is None  # "his" bears them


def test_a_conjunct_sharing_a_passive_subject_is_passive_too():
    killed = find(events_of("The man was shot and killed Sunday."), "killed")
    assert (killed.patient.text, killed.agent) == ("The man", None)  # the victim is not the killer
    relative = find(events_of("Police said the man who was shot and killed was 19."), "killed")
    assert relative.patient.text == "the man"


def test_an_attempted_murder_is_no_death():
    murder = find(events_of("He was charged with attempted murder."), "murder")
    assert murder.factuality is Factuality.HYPOTHETICAL


@pytest.mark.parametrize(("sentence", "shooter"), [("The suspect was confronted by police and opened fire.", "The suspect"),
                                                   ("The gunman was spotted by deputies and attacked them.", "The gunman")])
def test_an_active_conjunct_keeps_its_own_subject_as_the_agent(sentence, shooter):
    attack = next(e for e in events_of(sentence) if e.type is EventType.ATTACK)
    assert attack.agent is not None and attack.agent.text == shooter
