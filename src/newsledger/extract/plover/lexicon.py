"""The PLOVER 2021 vocabulary and the trigger lexicon: lemma -> (type, mode, context).

Written from the PLOVER 2021 category definitions and the CAMEO category descriptions in CAMEO2PLOVER-2021 (CAMEO
code -> "TYPE, mode, context"), plus everyday news words for the same categories (crime, courts, protest, war).
It is not written from benchmark sentences. An entry is "TYPE/mode/context" with empty parts for "none"; the
rules that refine an entry from its sentence (particles, objects, weapons, outcomes) live in ``rules.py``.

Canonical vocabulary: PLOVER 2021 (16 types). The 2016 names of the GSR map onto it with ``LEGACY_TYPES``; the
ledger's provisional ``EventType`` names map onto it with ``EVENT_TYPE_TO_PLOVER``.
"""

from __future__ import annotations

from newsledger.records import Plover

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)


def entry(spec: str) -> Plover:
    """ "ASSAULT/firearms/crime" -> Plover("ASSAULT", "firearms", "crime"); empty parts are None."""
    kind, mode, context = (spec.split("/") + ["", ""])[:3]
    if kind not in PLOVER_TYPES:
        raise ValueError(f"not a PLOVER 2021 type: {kind!r}")
    return Plover(kind, mode or None, context or None)


def _table(groups: dict[str, str]) -> dict[str, Plover]:
    """{"word word word": spec} -> {word: Plover}, so related words share one line."""
    return {word: entry(spec) for words, spec in groups.items() for word in words.split()}


#: 2016 names (the GSR) -> 2021. INVESTIGATE became ACCUSE with mode investigate; DISAPPROVE became ACCUSE; FIGHT
#: (conventional military force) was folded into ASSAULT with context military; DEMAND became REQUEST.
LEGACY_TYPES: dict[str, Plover] = {
    "DEMAND": Plover("REQUEST"),
    "DISAPPROVE": Plover("ACCUSE", "disapprove"),
    "INVESTIGATE": Plover("ACCUSE", "investigate"),
    "FIGHT": Plover("ASSAULT", None, "military"),
}

#: 2016 GSR modes -> 2021 modes (the rest are already 2021 names or have no 2021 counterpart and are kept).
LEGACY_MODES: dict[str, str] = {
    "strike-hun": "hunger", "strike-gen": "boycott", "demo-org": "demo", "demo-spon": "demo", "riot-spon": "riot",
    "host": "visit", "detain": "arrest", "confiscate": "seize", "destroy": "seize", "censor": "restrict",
}

#: The ledger's provisional event types (records.EventType values) -> PLOVER 2021, so old names keep working.
#: "statement" has no PLOVER type (CAMEO 01 was dropped); "death" is an assault only when violence caused it,
#: which the typer decides from the sentence: this table gives the violent reading.
EVENT_TYPE_TO_PLOVER: dict[str, Plover | None] = {
    "attack": Plover("ASSAULT"),
    "interception": Plover("ASSAULT", None, "military"),
    "launch": Plover("ASSAULT", "heavy-weapons", "military"),
    "damage": Plover("ASSAULT", "seize"),
    "statement": None,
    "meeting": Plover("CONSULT"),
    "visit": Plover("CONSULT", "visit"),
    "agreement": Plover("AGREE"),
    "sanction": Plover("COERCE", "restrict", "economic"),
    "threat": Plover("THREATEN"),
    "arrest": Plover("COERCE", "arrest", "legal"),
    "death": Plover("ASSAULT"),
    "other": None,  # its own PLOVER reading is the type (extract/events/detected.py)
}

VERBS: dict[str, Plover] = _table({
    # AGREE (CAMEO 03: express intent to cooperate, meet, settle, yield, provide aid)
    "agree pledge promise offer commit consent undertake propose": "AGREE",
    # CONSULT (04: consult, visit, host, mediate, negotiate)
    "meet consult negotiate discuss confer talk": "CONSULT//diplomatic",
    "mediate broker": "CONSULT//diplomatic",
    "visit tour host": "CONSULT/visit/diplomatic",
    "telephone phone": "CONSULT/phone/diplomatic",
    # SUPPORT (05: diplomatic cooperation, praise, defend verbally, recognise, apologise, forgive, sign agreement)
    "praise endorse support back welcome commend hail applaud laud congratulate thank normalize": "SUPPORT//diplomatic",
    "apologize apologise forgive recognize recognise sign ratify defend": "SUPPORT//diplomatic",
    # COOPERATE (06: material, economic, military, judicial, intelligence cooperation)
    "cooperate collaborate partner": "COOPERATE",
    "extradite": "COOPERATE//legal",
    "share": "COOPERATE//intelligence",
    "trade invest": "COOPERATE//economic",
    # AID (07: economic, military, humanitarian aid, peacekeeping, asylum)
    "aid donate supply fund finance lend loan subsidize airlift contribute": "AID",
    "rescue evacuate shelter feed": "AID//humanitarian",
    "arm train equip": "AID//military",
    # CONCEDE (08 verbal yielding, 081-083) and RETREAT (084-087 material yielding)
    "concede yield accede relent capitulate compromise": "CONCEDE",
    "resign abdicate": "CONCEDE//political_institutions",
    "legalize legalise reinstate pardon amnesty": "CONCEDE//rights_freedoms",
    "release free": "RETREAT/release/legal",
    "return": "RETREAT/return",
    "withdraw retreat evacuate pull": "RETREAT/withdraw/military",
    "surrender disarm demobilize demobilise": "RETREAT/disarm/military",
    "lift ease relax": "RETREAT",
    # ACCUSE (09 investigate; 11 disapprove, criticise, accuse, sue, find guilty)
    "investigate probe inspect examine audit": "ACCUSE/investigate",
    "accuse blame allege implicate": "ACCUSE/allege",
    "criticize criticise condemn denounce deplore decry slam blast censure rebuke chide lambaste": "ACCUSE/disapprove",
    "sue": "ACCUSE/allege/legal",
    "convict": "ACCUSE/disapprove/legal",
    "complain": "ACCUSE/allege/diplomatic",
    # REQUEST (10: demand cooperation, aid, change, yielding, meeting)
    "demand request ask urge appeal press implore plead petition": "REQUEST",
    # REJECT (12: reject cooperation, aid, change, yielding, meeting; defy; veto)
    "reject refuse decline rebuff spurn dismiss repudiate oppose resist renege": "REJECT",
    "veto": "REJECT/yield/diplomatic",
    "defy flout violate": "REJECT/yield/legal",
    # THREATEN (13)
    "threaten warn menace": "THREATEN",
    # PROTEST (14: demonstrate, hunger strike, strike/boycott, obstruct, riot)
    "protest demonstrate rally march picket": "PROTEST/demo",
    "riot loot": "PROTEST/riot",
    "boycott": "PROTEST/boycott",
    "block barricade": "PROTEST/obstruct",
    "blockade besiege": "COERCE/restrict/military",
    # SANCTION (16: reduce or break relations, stop aid, halt talks, expel)
    "sever suspend halt cut recall downgrade freeze cancel": "SANCTION/withdraw/diplomatic",
    # MOBILIZE (15: alert and mobilise police or armed forces)
    "mobilize mobilise deploy mass station reinforce patrol": "MOBILIZE/troops/military",
    # COERCE (17: seize, restrict, ban, curfew, arrest, deport, blockade, occupy)
    "arrest detain jail imprison incarcerate apprehend nab intern": "COERCE/arrest/legal",
    "charge indict prosecute sentence fine summon": "COERCE/arrest/legal",
    "deport expel exile banish": "COERCE/deport/legal",
    "seize confiscate impound nationalize nationalise expropriate requisition": "COERCE/seize",
    "ban outlaw prohibit bar": "COERCE/ban",
    "censor restrict curb impose prevent": "COERCE/restrict",
    "sanction embargo": "COERCE/restrict/economic",
    "occupy annex capture": "COERCE/seize/military",
    "evict raze demolish bulldoze": "COERCE/seize/human_security",
    # ASSAULT (18-20: unconventional violence, military force, mass violence)
    "attack assault hit strike raid ambush storm": "ASSAULT",
    "kill murder slay slaughter execute behead lynch": "ASSAULT",
    "wound injure hurt maim": "ASSAULT",
    "shoot gun": "ASSAULT/firearms",
    "stab knife slash": "ASSAULT/blade",
    "bomb detonate explode": "ASSAULT/explosives",
    "shell bombard pound": "ASSAULT/heavy-weapons/military",
    "invade fight battle": "ASSAULT//military",
    "clash": "ASSAULT",
    "assassinate": "ASSAULT/assassinate",
    "kidnap abduct hijack": "ASSAULT/abduct",
    "torture": "ASSAULT/torture",
    "rape molest": "ASSAULT/sexual",
    "beat punch kick batter": "ASSAULT/beat",
    "massacre": "ASSAULT/massacre",
    "destroy burn torch vandalize vandalise sabotage": "ASSAULT/seize",
    "rob mug burgle": "ASSAULT//crime",
    "poison gas": "ASSAULT/unconventional",
})

NOUNS: dict[str, Plover] = _table({
    "agreement deal accord pact treaty pledge promise offer consensus understanding": "AGREE",
    "meeting talk talks summit negotiation consultation discussion conference mediation": "CONSULT//diplomatic",
    "visit trip tour": "CONSULT/visit/diplomatic",
    "praise endorsement support recognition apology condolence": "SUPPORT//diplomatic",
    "cooperation collaboration partnership alliance": "COOPERATE",
    "exercise drill maneuver manoeuvre": "COOPERATE//military",
    "extradition": "COOPERATE//legal",
    "aid assistance donation relief loan grant funding": "AID",
    "asylum": "AID//asylum",
    "concession reform amnesty pardon": "CONCEDE",
    "release withdrawal pullout retreat surrender ceasefire truce disarmament": "RETREAT",
    "investigation probe inquiry inspection audit": "ACCUSE/investigate",
    "accusation allegation charge complaint lawsuit suit": "ACCUSE/allege",
    "criticism condemnation denunciation rebuke": "ACCUSE/disapprove",
    "trial verdict conviction": "ACCUSE/disapprove/legal",
    "demand request appeal plea call petition": "REQUEST",
    "rejection refusal veto denial": "REJECT",
    "threat warning ultimatum": "THREATEN",
    "protest demonstration rally march sit-in picket demonstrator protester": "PROTEST/demo",
    "riot unrest looting": "PROTEST/riot",
    "boycott walkout stoppage": "PROTEST/boycott",
    "blockade": "COERCE/restrict/military",
    "suspension expulsion recall": "SANCTION/withdraw/diplomatic",
    "deployment mobilization mobilisation buildup reinforcement patrol": "MOBILIZE/troops/military",
    "arrest detention custody indictment prosecution sentence raid roundup": "COERCE/arrest/legal",
    "deportation eviction": "COERCE/deport/legal",
    "ban prohibition censorship crackdown restriction": "COERCE/restrict",
    "curfew": "COERCE/curfew",
    "sanction embargo tariff": "COERCE/restrict/economic",
    "occupation annexation siege seizure confiscation": "COERCE/seize",
    "attack assault strike airstrike offensive incursion ambush violence": "ASSAULT",
    "killing murder homicide slaying manslaughter execution": "ASSAULT",
    "shooting gunfire gunshot shootout gunbattle firefight": "ASSAULT/firearms",
    "stabbing": "ASSAULT/blade",
    "bombing explosion blast bomb ied": "ASSAULT/explosives",
    "shelling bombardment barrage": "ASSAULT/heavy-weapons/military",
    "war fighting battle clash combat hostility invasion insurgency": "ASSAULT//military",
    "assassination": "ASSAULT/assassinate",
    "kidnapping abduction hijacking hostage": "ASSAULT/abduct",
    "torture": "ASSAULT/torture",
    "rape": "ASSAULT/sexual",
    "beating": "ASSAULT/beat",
    "massacre genocide": "ASSAULT/massacre",
    "cleansing": "ASSAULT/cleansing",
    "arson sabotage vandalism destruction": "ASSAULT/seize",
    "robbery burglary mugging carjacking theft heist": "ASSAULT//crime",
})

#: Verb + object or particle phrases whose meaning is not their verb's: "opened fire", "went on strike".
PHRASES: dict[tuple[str, str], Plover] = {
    ("open", "fire"): Plover("ASSAULT", "firearms"),
    ("set", "fire"): Plover("ASSAULT", "seize"),
    ("go", "strike"): Plover("PROTEST", "boycott"),
    ("shoot", "down"): Plover("ASSAULT", None, "military"),
    ("call", "for"): Plover("REQUEST"),
    ("call", "on"): Plover("REQUEST"),
    ("take", "hostage"): Plover("ASSAULT", "abduct"),
    ("take", "custody"): Plover("COERCE", "arrest", "legal"),
    ("hand", "over"): Plover("RETREAT", "return"),
    ("turn", "down"): Plover("REJECT"),
    ("pull", "out"): Plover("RETREAT", "withdraw", "military"),
    ("crack", "down"): Plover("COERCE", "restrict"),
    ("break", "off"): Plover("SANCTION", "withdraw", "diplomatic"),
    ("break", "relation"): Plover("SANCTION", "withdraw", "diplomatic"),
    ("cut", "tie"): Plover("SANCTION", "withdraw", "diplomatic"),
    ("lodge", "protest"): Plover("ACCUSE", "allege", "diplomatic"),
    ("file", "lawsuit"): Plover("ACCUSE", "allege", "legal"),
    ("file", "suit"): Plover("ACCUSE", "allege", "legal"),
    ("find", "guilty"): Plover("ACCUSE", "disapprove", "legal"),
    ("put", "alert"): Plover("MOBILIZE"),
    ("hunger", "strike"): Plover("PROTEST", "hunger"),
    ("sit", "in"): Plover("PROTEST", "demo"),  # "a sit-in": the tokenizer splits it, "in" heads it
    ("establish", "tie"): Plover("SUPPORT", None, "diplomatic"),
    ("restore", "tie"): Plover("SUPPORT", None, "diplomatic"),
    ("upgrade", "tie"): Plover("SUPPORT", None, "diplomatic"),
    ("establish", "relation"): Plover("SUPPORT", None, "diplomatic"),
    ("restore", "relation"): Plover("SUPPORT", None, "diplomatic"),
    ("war", "game"): Plover("COOPERATE", None, "military"),
    ("violate", "ceasefire"): Plover("ASSAULT", None, "military"),
    ("violate", "truce"): Plover("ASSAULT", None, "military"),
    ("break", "ceasefire"): Plover("ASSAULT", None, "military"),
    ("step", "down"): Plover("CONCEDE", None, "political_institutions"),
    ("blow", "up"): Plover("ASSAULT", "explosives"),
    ("speak", "telephone"): Plover("CONSULT", "phone", "diplomatic"),
    ("speak", "phone"): Plover("CONSULT", "phone", "diplomatic"),
    ("speak", "with"): Plover("CONSULT", None, "diplomatic"),
    ("lift", "ban"): Plover("CONCEDE", None, "rights_freedoms"),
    ("lift", "restriction"): Plover("CONCEDE", None, "rights_freedoms"),
    ("ease", "restriction"): Plover("CONCEDE", None, "rights_freedoms"),
}

#: Reporting verbs: CAMEO 01 (public statements) has no PLOVER type; they never trigger.
SPEECH = frozenset("say tell announce state report claim add note comment explain insist describe quote "
                   "write declare reply respond confirm deny acknowledge believe think".split())

#: Happenings PLOVER has no type for. The typer returns no PLOVER type for them; ``outside_plover`` names the
#: category (an extension of this project, outside PLOVER) so the ledger can keep them as untyped events.
OUTSIDE_PLOVER: dict[str, str] = {
    **dict.fromkeys("earthquake quake flood flooding storm hurricane typhoon cyclone tornado tsunami drought "
                    "landslide mudslide avalanche eruption wildfire heatwave blizzard".split(), "disaster"),
    **dict.fromkeys("crash collision accident derailment capsize sink sinking collapse fire blaze "
                    "overdose drown drowning".split(), "accident"),
    **dict.fromkeys("outbreak epidemic pandemic disease illness infection virus flu cancer sicken "
                    "hospitalize hospitalise".split(), "health"),
}
