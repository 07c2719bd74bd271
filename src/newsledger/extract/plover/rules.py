"""Lexicon typing of one trigger token, refined by its sentence: phrases, ambiguous words, weapons, contexts.

Each rule is a named function or table with its reason. All of them look at the trigger's children, its subtree
(capped) or its sentence once, so typing a token is linear in its sentence.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from newsledger.extract.plover.lexicon import (
    NOUNS,
    OUTSIDE_PLOVER,
    PHRASES,
    SPEECH,
    VERBS,
    Plover,
)

#: Words that name the weapon, and so the ASSAULT mode, when the text says it ("shot", "a knife attack").
WEAPON_MODES: dict[str, str] = {
    **dict.fromkeys("gun rifle pistol handgun shotgun firearm bullet gunman gunfire gunshot sniper gunpoint "
                    "ak-47 revolver machine-gun shoot shooting".split(), "firearms"),
    **dict.fromkeys("knife blade machete sword axe dagger stab stabbing".split(), "blade"),
    **dict.fromkeys("bomb explosive ied grenade landmine mine dynamite bomber bombing detonate".split(), "explosives"),
    **dict.fromkeys("suicide".split(), "suicide-attack"),
    **dict.fromkeys("missile rocket artillery tank mortar airstrike warplane jet helicopter drone "
                    "shell shelling howitzer".split(), "heavy-weapons"),
}
#: Words that say what an event is about, first match wins in this order (the order is the reason: a soldier
#: makes a shooting military before a victim makes it a crime).
CONTEXT_CUES: tuple[tuple[str, frozenset[str]], ...] = (
    ("terrorism", frozenset("terrorist terrorism jihadist extremist".split())),
    ("military", frozenset("army troop soldier military militant rebel insurgent militia force airstrike "
                           "warplane artillery navy jet missile tank war".split())),
    ("election", frozenset("election vote ballot poll candidate campaign referendum".split())),
    ("crime", frozenset("police gunman robbery robber suspect murder homicide victim shooter gang thief "
                        "burglar drug cartel".split())),
    ("legal", frozenset("court judge trial prosecutor lawyer law charge jail prison sentence".split())),
    ("health", frozenset("hospital health vaccine disease virus epidemic patient doctor".split())),
    ("economic", frozenset("trade economy economic tariff market investment oil price bank budget tax "
                           "export import debt".split())),
    ("refugees", frozenset("refugee migrant asylum".split())),
    ("cbrn", frozenset("nuclear chemical uranium biological radiological".split())),
    ("political_institutions", frozenset("reform constitution constitutional parliament democracy democratic "
                                         "regime coup opposition".split())),
    ("rights_freedoms", frozenset("right freedom liberty censorship".split())),
    ("diplomatic", frozenset("ambassador diplomat embassy envoy treaty diplomatic minister ministry sanction "
                             "summit".split())),
)
#: Strikes by workers are protests (CAMEO 143), by armies assaults.
LABOUR = frozenset("general worker union labor labour teacher doctor nurse miner hunger nationwide".split())
DIPLOMATIC_PEOPLE = frozenset("diplomat ambassador envoy inspector observer monitor peacekeeper attache consul "
                              "mission".split())
CROWDS = frozenset("rioter protester protestor demonstrator mob crowd".split())
TRAVEL = frozenset("arrive travel fly".split())  # motion verbs that make a visit (CAMEO 042) with a destination
TROOPS = frozenset("troop soldier force army warship battalion unit marine peacekeeper".split())
#: "fired missiles" or "fired at" is an assault, "fired the coach" is not.
FIRE_OBJECTS = frozenset(WEAPON_MODES) | frozenset("shot round salvo volley".split())
#: Outcomes that are assaults only when violence is named in the sentence ("killed in the attack" vs "died of").
OUTCOMES = frozenset("die dead death kill killing wound wounded injure injured hurt casualty".split())
#: CAMEO codes a stated intention by its aim: intent to cooperate or yield is AGREE (03), intent to do harm is
#: THREATEN (13), saying another must act is REQUEST (10), refusing to cooperate is REJECT (12).
COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE"})
HOSTILE = frozenset({"ASSAULT", "COERCE", "SANCTION", "PROTEST", "MOBILIZE"})
FUTURE = frozenset({"will", "would", "'ll", "shall"})
OBLIGATION = frozenset({"must", "should"})
#: Heads that make their infinitive an intention ("willing to withdraw", "plans to impose").
INTENT_HEADS = frozenset("willing ready prepared plan intend prepare decide vow resolve aim want hope seek "
                         "expect determined eager set poised".split())
#: Verbs that carry an event noun rather than being one ("held talks", "issued an ultimatum", "undertook mediation").
LIGHT = frozenset("hold conduct carry launch stage give make take issue reach undertake begin start "
                  "mount wage engage have".split())
SUBTREE_CAP = 60
MAX_CHILDREN = 24
NOT_AN_EVENT = Plover("ASSAULT", "not-an-event")  # a sentinel: the word is known and here means no event
BAG_SIZE = 60


#: Event words the small English model lemmatizes wrongly ("raped" -> "rap").
LEMMA_FIXES = {"raped": "rape", "rapes": "rape", "jailed": "jail", "jailing": "jail", "staged": "stage"}


def kids(token: Token) -> list[Token]:
    """A token's first ``MAX_CHILDREN`` children, from a map built once per Doc in one pass. spaCy's
    ``Token.children`` scans the token's whole span each time, which a hostile parse (one head with 100,000
    dependents, or a 100,000-deep chain) makes quadratic."""
    doc = token.doc
    cache = doc_cache(doc)
    children = cache.get("children")
    if children is None:
        children = {}
        for other in doc:
            if other.head.i != other.i:
                siblings = children.setdefault(other.head.i, [])
                if len(siblings) < MAX_CHILDREN:
                    siblings.append(other.i)
        cache["children"] = children
    return [doc[i] for i in children.get(token.i, ())]


def lemma(token: Token) -> str:
    return LEMMA_FIXES.get(token.lower_) or token.lemma_.lower()


@dataclass(frozen=True, slots=True)
class SentenceFacts:
    """What the rules need from a sentence, read once per sentence so typing all its tokens stays linear."""

    lemmas: frozenset[str]
    violent: tuple[int, ...]  # the first two tokens naming violence (a weapon or an assault word)
    weapons: tuple[tuple[int, str], ...]  # the first two weapons named, with their modes
    outside: str | None  # the first non-PLOVER happening named (disaster, accident, health)
    bag: tuple[str, ...]  # the sentence's first content lemmas, in order, for the learned model


def doc_cache(doc: Doc) -> dict:
    """A per-Doc cache for the last ``CACHED_DOCS`` Docs typed. It holds the Doc itself, so an id is never
    reused while cached, and stays out of ``doc.user_data`` (which is serialised with the Doc)."""
    entry = _DOC_CACHE.get(id(doc))
    if entry is None or entry[0] is not doc:
        entry = (doc, {})
        _DOC_CACHE[id(doc)] = entry
        while len(_DOC_CACHE) > CACHED_DOCS:
            _DOC_CACHE.popitem(last=False)
    else:
        _DOC_CACHE.move_to_end(id(doc))
    return entry[1]


_DOC_CACHE: OrderedDict[int, tuple[Doc, dict]] = OrderedDict()
CACHED_DOCS = 8


def facts(sentence: Span) -> SentenceFacts:
    """The sentence's facts, cached."""
    cache = doc_cache(sentence.doc)
    key = ("facts", sentence.start, sentence.end)
    if key not in cache:
        cache[key] = _read_facts(sentence)
    return cache[key]


def _read_facts(sentence: Span) -> SentenceFacts:
    lemmas, violent, weapons, outside, bag = set(), [], [], None, {}
    for token in sentence:
        word = lemma(token)
        lemmas.add(word)
        if len(bag) < BAG_SIZE and token.is_alpha and not token.is_stop and len(word) > 2:
            bag[word] = None
        if word in WEAPON_MODES:
            if len(weapons) < 2:
                weapons.append((token.i, WEAPON_MODES[word]))
            if len(violent) < 2:
                violent.append(token.i)
        elif (word not in OUTCOMES and len(violent) < 2 and _plain(token, word, "ASSAULT")
              and not caused_by_happening(token)):
            violent.append(token.i)
        if outside is None and word in OUTSIDE_PLOVER:
            outside = OUTSIDE_PLOVER[word]
    return SentenceFacts(frozenset(lemmas), tuple(violent), tuple(weapons), outside, tuple(bag))


def lexicon_type(token: Token, sentence: Span) -> Plover | None:
    """The lexicon's PLOVER reading of a token in its sentence, or None (speech, unknown, or not PLOVER)."""
    word = lemma(token)
    if token.pos_ == "ADJ" and word in OUTCOMES:  # "found dead after a shooting"
        return refine(token, Plover("ASSAULT"), sentence) if violent_sentence(sentence, token) else None
    if word in SPEECH or token.pos_ not in ("VERB", "NOUN", "PROPN"):
        return None
    found = _phrase(token)
    if found is None:
        found = _ambiguous(token, word, sentence)
    if found is NOT_AN_EVENT:
        return None
    if found is None:
        if token.pos_ == "VERB" and word in LIGHT and _carries_event(token):
            return None  # the noun it carries is the event
        found = (VERBS if token.pos_ == "VERB" else NOUNS).get(word)
        if found is not None and word in OUTCOMES and not _has_agent(token) and not violent_sentence(sentence, token):
            return None  # "died of cancer", "injured in a crash" (but "guerrillas killed a chief" is an assault)
    if found is None or (found.type == "ASSAULT" and caused_by_happening(token)):
        return None  # "the earthquake struck", "a fire destroyed the warehouse", "killing 100"
    if found.type == "ASSAULT" and token.pos_ == "VERB" and any(
            c.dep_ == "nsubj" and lemma(c) in CROWDS for c in kids(token)):
        found = Plover("PROTEST", "riot")  # CAMEO 145: violence by protesters is a violent protest
    return refine(token, by_modality(token, found), sentence)


def caused_by_happening(token: Token) -> bool:
    """Whether the subject of the token's clause (or of the clause it hangs from) is a happening outside PLOVER."""
    for node in (token, token.head) if token.dep_ in ("advcl", "conj", "xcomp", "acl") else (token,):
        if any(c.dep_ in ("nsubj", "agent") and lemma(c) in OUTSIDE_PLOVER for c in kids(node)):
            return True
    return False


def _carries_event(verb: Token) -> bool:
    return any(c.dep_ in ("dobj", "nsubjpass") and lemma(c) in NOUNS for c in kids(verb)) or any(
        c.dep_ == "prep" and any(g.dep_ == "pobj" and lemma(g) in NOUNS for g in kids(c)) for c in kids(verb)
        if lemma(verb) == "engage")


def _has_agent(token: Token) -> bool:
    """An active verb with a subject: someone did it ("gunmen killed"), so it is an act, not an outcome."""
    return token.pos_ == "VERB" and any(c.dep_ == "nsubj" for c in kids(token))


def modality(token: Token) -> tuple[str | None, bool]:
    """("intent" | "obligation" | None, negated) of a verb trigger, from its auxiliaries and its head."""
    kind, negated = None, False
    for child in kids(token):
        word = child.lower_
        if child.dep_ == "neg":
            negated = True
        elif child.dep_ == "aux" and word in FUTURE:
            kind = kind or "intent"
        elif child.dep_ == "aux" and word in OBLIGATION:
            kind = "obligation"
    if kind is None and token.dep_ in ("xcomp", "acomp") and lemma(token.head) in INTENT_HEADS:
        kind = "intent"
    return kind, negated


def by_modality(token: Token, found: Plover) -> Plover:
    """Intentions and obligations typed the CAMEO way: "will withdraw" is AGREE, "would boycott" THREATEN,
    "must agree" REQUEST, "would not meet" REJECT."""
    if token.pos_ != "VERB":
        if token.dep_ not in ("dobj", "nsubjpass") or token.head.pos_ != "VERB":
            return found
        token = token.head  # "will provide food aid": the noun takes its verb's modality
    kind, negated = modality(token)
    if kind == "obligation" and found.type != "REQUEST":
        return Plover("REQUEST", None, found.context)
    if kind == "intent" and negated and found.type in COOPERATIVE | {"AGREE"}:
        return Plover("REJECT", None, found.context)
    if kind == "intent" and found.type in COOPERATIVE:
        return Plover("AGREE", None, found.context)
    if kind == "intent" and found.type in HOSTILE:
        return Plover("THREATEN", None, found.context)
    return found


def outside_plover(token: Token, sentence: Span) -> str | None:
    """The category of a happening PLOVER has no type for (disaster, accident, health), or None.

    Deaths and injuries with no violence named in their sentence take the sentence's happening ("died in the
    crash" is an accident); alone ("she died") they have none.
    """
    word = lemma(token)
    if word in OUTSIDE_PLOVER:
        return OUTSIDE_PLOVER[word]
    if word in OUTCOMES and not violent_sentence(sentence, token):
        return facts(sentence).outside
    return None


def _phrase(token: Token) -> Plover | None:
    """Verb + particle/object/prepositional object phrases ("opened fire", "went on strike", "called for")."""
    word = lemma(token)
    for child in kids(token):
        keys = [lemma(child)]
        if child.dep_ == "prep":
            keys += [lemma(grand) for grand in kids(child) if grand.dep_ == "pobj"]
        for key in keys:
            found = PHRASES.get((word, key)) or (PHRASES.get((key, word)) if child.dep_ == "compound" else None)
            if found is not None:
                return found
    return None


def _ambiguous(token: Token, word: str, sentence: Span) -> Plover | None:
    """Words whose type depends on what surrounds them: a reading, ``NOT_AN_EVENT``, or None to let the plain
    table decide."""
    if word == "strike" and token.pos_ == "NOUN" and any(lemma(c) in LABOUR for c in kids(token)):
        return Plover("PROTEST", "boycott")
    if word == "fire" and token.pos_ == "VERB":
        aimed = any(c.dep_ == "prep" and c.lower_ in ("at", "on", "into", "upon") for c in kids(token))
        armed = any(c.dep_ == "dobj" and lemma(c) in FIRE_OBJECTS for c in kids(token))
        return Plover("ASSAULT", "firearms" if aimed and not armed else None) if aimed or armed else NOT_AN_EVENT
    if word in ("hit", "strike") and token.pos_ == "VERB" and not violent_sentence(sentence, token):
        return NOT_AN_EVENT  # "the storm hit", "struck a deal"
    if word == "expel" and any(lemma(c) in DIPLOMATIC_PEOPLE for c in kids(token) if c.dep_ == "dobj"):
        return Plover("SANCTION", "expel", "diplomatic")  # CAMEO 166, not a deportation (174)
    if word == "send" and token.pos_ == "VERB":
        objects = {lemma(c) for c in kids(token) if c.dep_ == "dobj"}
        return Plover("MOBILIZE", "troops", "military") if objects & TROOPS else Plover("AID") if objects else None
    if word in TRAVEL and token.pos_ == "VERB":
        return Plover("CONSULT", "visit", "diplomatic") if _visit(token) else NOT_AN_EVENT
    if word == "accept" and token.pos_ == "VERB":
        objects = {lemma(c) for c in kids(token) if c.dep_ == "dobj"}
        return Plover("CONCEDE") if objects & {"demand", "request", "condition", "term"} else Plover("AGREE")
    return None




def _visit(verb: Token) -> bool:
    """CAMEO 042 (make a visit): someone other than troops travels to a named place."""
    subjects = [c for c in kids(verb) if c.dep_ == "nsubj"]
    if any(lemma(c) in TROOPS for c in subjects):
        return False
    return any(c.dep_ == "prep" and c.lower_ in ("in", "to", "for", "at") and
               any(g.dep_ == "pobj" and g.ent_type_ in ("GPE", "LOC") for g in kids(c)) for c in kids(verb))


def violent_sentence(sentence: Span, trigger: Token) -> bool:
    """Whether the sentence names violence other than the trigger: a weapon, or an assault word."""
    return any(index != trigger.i for index in facts(sentence).violent)


def _plain(token: Token, word: str, kind: str) -> bool:
    table = VERBS if token.pos_ == "VERB" else NOUNS if token.pos_ in ("NOUN", "PROPN") else {}
    found = table.get(word)
    return found is not None and found.type == kind


def refine(token: Token, found: Plover, sentence: Span) -> Plover:
    """Fill a missing ASSAULT mode from the weapon named nearest the trigger, and a missing context from cues."""
    mode, context = found.mode, found.context
    if found.type == "ASSAULT" and mode is None:
        mode = weapon_mode(token, sentence)
    if context is None:
        context = context_of(sentence, found.type)
    return replace(found, mode=mode, context=context) if (mode, context) != (found.mode, found.context) else found


def weapon_mode(token: Token, sentence: Span) -> str | None:
    """The weapon mode named in the trigger's own phrase, else the first named in its sentence."""
    for other in _subtree(token):
        mode = WEAPON_MODES.get(lemma(other))
        if mode is not None and other.i != token.i:
            return mode
    return next((mode for index, mode in facts(sentence).weapons if index != token.i), None)


def context_of(sentence: Span, kind: str) -> str | None:
    """The first context whose cue words occur in the sentence, or None."""
    words = facts(sentence).lemmas
    for context, cues in CONTEXT_CUES:
        if words & cues:
            return context
    return None


def _subtree(token: Token) -> list[Token]:
    """The trigger's phrase, capped so a hostile 2 MB sentence costs no more than its sentence scan."""
    left, right = token.left_edge.i, token.right_edge.i
    start = max(left, token.i - SUBTREE_CAP)
    return list(token.doc[start:min(right + 1, token.i + SUBTREE_CAP)])


def depth(token: Token, sentence: Span) -> int:
    """Steps from the token up to its sentence's root; a noun carried by a light verb stands where the verb does
    ("held talks"). Capped at 50."""
    steps, node = 0, token
    if token.dep_ in ("dobj", "nsubjpass") and lemma(token.head) in LIGHT:
        node = token.head
    while node.head.i != node.i and steps < 50 and sentence.start <= node.head.i < sentence.end:
        node, steps = node.head, steps + 1
    return steps


def lexicon_pick(sentence: Span) -> int | None:
    """The index of the token the lexicon alone takes for the sentence's event: the typed candidate nearest the
    root (the matrix verb carries "refused to meet" and "threatened to strike"), first on ties. Cached."""
    cache = doc_cache(sentence.doc)
    key = ("pick", sentence.start, sentence.end)
    if key not in cache:
        best, best_depth = None, None
        for token in sentence:
            if token.pos_ in ("VERB", "NOUN") and token.is_alpha and lexicon_type(token, sentence) is not None:
                steps = depth(token, sentence)
                if best_depth is None or steps < best_depth:
                    best, best_depth = token.i, steps
        cache[key] = best
    return cache[key]
