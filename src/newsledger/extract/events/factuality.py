"""Whether a happening is asserted, denied or hypothetical, from negation, modality and intent above it."""

from __future__ import annotations

from spacy.tokens import Token

from newsledger.extract.events.arguments import framing_verb
from newsledger.extract.events.lexicon import INTENT, LIGHT
from newsledger.records import Factuality


def factuality(trigger: Token) -> Factuality:
    """Denied under negation (or a "no" subject/object), hypothetical under a modal, condition, intent or question.

    A trigger noun takes the modality of its light verb only: "a drone attack ... will not impede" leaves the attack
    asserted, while "could not carry out the attack" does not.
    """
    if any(child.dep_ == "det" and child.lower_ == "no" for child in trigger.children):
        return Factuality.DENIED
    if any(child.dep_ == "amod" and child.lower_ == "attempted" for child in trigger.children):
        return Factuality.HYPOTHETICAL  # "charged with attempted murder": no one was murdered
    said_through = _predicating(trigger)
    if said_through is not None and said_through.lemma_.lower() in _NOT_KNOWN:
        return Factuality.HYPOTHETICAL  # "feared dead", "presumed dead", "wanted her dead"
    verb = trigger if trigger.pos_ == "VERB" else said_through or framing_verb(trigger)
    if verb is not None and verb.pos_ in ("VERB", "AUX") and (verb in (trigger, said_through) or verb.lemma_ in LIGHT):
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


def _predicating(trigger: Token) -> Token | None:
    """The verb a predicate adjective is said through ("is not dead", "may be dead", "was found dead")."""
    return trigger.head if trigger.pos_ == "ADJ" and trigger.dep_ in ("acomp", "oprd", "xcomp", "ccomp") else None


#: Verbs that say a state is supposed, not known: "feared dead", "presumed dead", "believed dead".
SUPPOSING = {"fear", "presume", "believe", "think", "suspect"}
_NOT_KNOWN = INTENT | SUPPOSING  # built once: factuality runs for every event
