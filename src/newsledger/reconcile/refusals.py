"""Which denials and refusals are a party's answer about the story's facts.

The attribution extractor marks a stance ``denies`` or ``declines_to_comment`` from the cue alone: a negated
speech verb ("did not know", "don't forget to …"), "declined", "refused", "denied", "dismissed", or content
such as "was not involved". Read on real stories, most such marks are no answer about the facts at all: a
refused interview or ride, "declined to give his name", charges that were dismissed, "their condition was not
known", a vehicle that "was not involved". A finding "X denies" / "X will not say" is drawn only when every
rule below lets the attribution through; each rule is a named function with its reason, and
``why_not`` gives the first that stops it (the benchmark's rows show it).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from newsledger.extract.cues import DENIAL_PATTERNS, words
from newsledger.records import Attribution, SourceKind, SourceSpan, Stance

#: Verbs that, refused or negated, withhold what is known: "would not confirm", "declined to identify the
#: shooter", "has not released the names", "did not respond to a request for comment".
WITHHOLDING = words("""comment confirm discuss elaborate speculate disclose divulge reveal release identify name
    specify detail answer respond reply""")
#: Verbs of saying that withhold only when their content is a question or a piece of information ("police are
#: not saying who the gun belonged to"); "he never said a word", "did not say that he would" tell no refusal.
TELLING = words("say tell explain describe indicate share talk provide give offer")
#: What a party may decline or refuse to do that is saying: any verb of saying ("refused to say that Sanders was
#: up to it", "refused to speak to reporters"), and conceding a claim ("refusing to admit any fault"); not acts
#: ("refused to comply", "declined to seek the death penalty", "refused to endorse Trump").
REFUSED_SAYING = WITHHOLDING | TELLING | words("speak address define admit acknowledge concede weigh")
#: The object of "declined" when it is the act of commenting itself ("declined an interview request", "declined
#: comment").
COMMENT_OBJECT = re.compile(r"^\W*(?:an?\s+|the\s+|further\s+|requests?\s+for\s+)?(?:interviews?|comments?)\b",
                            re.IGNORECASE)
#: Words that make a refused object a piece of information ("declined to give further details").
INFORMATION = re.compile(r"\b(?:details?|information|specifics|names?|identit(?:y|ies)|motive|cause|reason|"
                         r"circumstances|weapons?|guns?|suspects?|shooter|victims?|number|comments?|updates?|"
                         r"reports?|questions?|evidence|conditions?|whereabouts|charges?|case|investigation)\b",
                         re.IGNORECASE)
#: An embedded question: what the party will not say ("whether guns were found", "who the gun belonged to").
QUESTION = re.compile(r"^\W*(?:(?:to\s+\w+\s+)?(?:on|about|as to)\s+)?(?:who|whom|whose|what|which|when|where|why|how|"
                      r"whether|if)\b", re.IGNORECASE)
#: "declined to give his name", "asked not to be identified": a witness withholding their own name tells
#: nothing of the happening.
OWN_NAME = re.compile(r"^\W*(?:to\s+)?(?:be\s+(?:identified|named)|(?:give|share|provide|release|use|disclose)\s+"
                      r"(?:his|her|their|my|a)\s+(?:full\s+|last\s+)?names?|identify\s+(?:himself|herself|themselves))",
                      re.IGNORECASE)
#: What "denied" takes when it is an act, not a denial of a claim: "denied a reporter's request", "was denied
#: bail", "denied the motion".
DENIED_ACTS = re.compile(r"\b(?:request|interview|motion|bail|appeal|application|permit|petition|access|entry|"
                         r"parole|admission|bond|license|licence|visa|service|benefits)\b", re.IGNORECASE)
#: A claim a party can reject, dismiss or dispute ("dismissed the reports as false"); "the charges were
#: dismissed" is a court's act.
CLAIM_WORDS = re.compile(r"\b(?:reports?|claims?|allegations?|accusations?|suggestions?|speculation|rumou?rs?|"
                         r"assertions?|charges? that|notion|idea|account|story|stories|characterization|criticism|"
                         r"comments?|remarks?|statements?|argument)\b",
                         re.IGNORECASE)
#: A court's act: "the charges against Martin", "the lawsuit", "the case" (not "Clinton's charges about his stance").
COURT_ACT = re.compile(r"^\W*(?:the\s+|all\s+|\w+\s+)?(?:charges?|case|cases|counts?|lawsuit|suit|indictment|"
                       r"complaint)\b(?!\s+(?:about|that|of)\b)", re.IGNORECASE)
#: A personal subject or object of "was not involved" / "nothing to do with": the party itself.
PERSONAL = re.compile(r"\b(?:I|we|he|she|they|it|us|me|him|them|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*)\W*$")
PARTY_REACH = 60
#: How far around a resolved pronoun its party must be named (bounds the work on a paragraph of megabytes).
NEARBY_CHARS = 1500
PERSONAL_AFTER = re.compile(r"^\W*(?:us|me|him|her|them|it|[A-Z][a-z]+)\b")
NEGATION = re.compile(r"\b(?:not|never|no longer)\s+(?:\w+\s+)?$|n['’]t\s+(?:\w+\s+)?$")
PRONOUNS = words("i me we us you he him she her it they them who whom this that these those one someone")
#: Sources that are no party: a document or record ("the affidavit", "the video") cannot decline or deny.
NO_PARTY = {SourceKind.DOCUMENT}

Rule = Callable[[Attribution, str], bool]  # (the attribution, its article's text) -> lets it through


def why_not(attribution: Attribution, text: str) -> str | None:
    """The name of the first rule that says the attribution (of an article of ``text``) is no answer about the
    facts, None when none does."""
    if attribution.stance not in (Stance.DENIES, Stance.DECLINES_TO_COMMENT):
        return "not a denial or a refusal"
    rules = DENIAL_RULES if attribution.stance == Stance.DENIES else REFUSAL_RULES
    return next((name for name, rule in rules if not rule(attribution, text)), None)


def answers_about_facts(attribution: Attribution, text: str) -> bool:
    return why_not(attribution, text) is None


# --- both kinds ---------------------------------------------------------------------------------------------

def _has_party(attribution: Attribution, text: str) -> bool:
    """The narration ("their condition was not known"), records ("court records did not list an attorney") and
    an outlet that only relays the refusal are no party; a lone pronoun the extractor could not resolve ("I", "who") names none."""
    source = attribution.source
    if source is None or source.kind in NO_PARTY:  # a relay ("…, The Miami Herald reported") is not who refused
        return False
    return source.name.strip(" ,.;:").casefold() not in PRONOUNS


def _party_named_nearby(attribution: Attribution, text: str) -> bool:
    """A party the extractor resolved from a pronoun or a description ("they", "his spokesman") must be named in
    its paragraph or the one before: "they have not yet named Sweatt" resolved to a newspaper named nowhere near
    is a guess, and a refusal said of the wrong party is worse than none."""
    source = attribution.source
    if source is None or not source.resolved or source.resolved.split()[-1] in source.text:
        return True
    start = text.rfind("\n", 0, max(0, text.rfind("\n", 0, source.start) - 1)) + 1  # the paragraph before
    start = max(start, source.start - NEARBY_CHARS)
    end = text.find("\n", source.end)
    window = text[start:end if end >= 0 else len(text)][:2 * NEARBY_CHARS]
    return source.resolved.split()[-1] in window


_FULL_NAME = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z]\.)?\s+[A-Z][a-z]+")


def party_name(source: SourceSpan) -> str:
    """Who refuses or denies: a source that names itself ("Clinton's attorney, David Kendall,") by its own words,
    not by what a role word in it was resolved to (the "attorney" taken for the Attorney General); else its
    name."""
    own = source.text.strip(" ,;:")
    if source.resolved and _FULL_NAME.search(own) and source.resolved.split()[-1] not in own:
        return own
    return source.name


# --- refusals -----------------------------------------------------------------------------------------------

def _content(attribution: Attribution) -> str:
    return " ".join(attribution.content.text.split())


def _withholds_information(attribution: Attribution, text: str) -> bool:
    """What is refused or not said is information: a withholding verb ("would not confirm"), "declined to"
    such a verb, or a verb of saying with a question or information as its content. "Did not know", "don't
    forget", "refused the advances", "refused to comply", "declined to seek the death penalty" are no refusal
    to say."""
    lemma = _lemma(attribution)
    content = _content(attribution)
    if lemma in ("decline", "refuse"):
        return _refuses_to_say(attribution.cue.text, content)
    if lemma in WITHHOLDING:
        return True
    if lemma in TELLING:
        return bool(QUESTION.search(content) or (INFORMATION.search(content[:80])
                                                 and not re.match(r"^\W*(?:that|a word)\b", content)))
    return False


def _refuses_to_say(cue: str, content: str) -> bool:
    """"declined to discuss …", "refused to publicly detail …", "declined comment": the refused verb is in the cue
    or opens the content, past an adverb."""
    if COMMENT_OBJECT.match(content):
        return True
    refused = re.search(r"\b(?:declin|refus)\w*\s+(?:to\s+)?(?:\w+ly\s+)?(?!to\b)(\w+)\W*$", cue, re.IGNORECASE) \
        or re.match(r"^\W*(?:to\s+)?(?:\w+ly\s+)?(\w+)", content)
    return bool(refused) and refused.group(1).casefold() in REFUSED_SAYING


def _lemma(attribution: Attribution) -> str:
    return attribution.cue.lemma.split()[-1].casefold() if attribution.cue.lemma else ""


def _not_own_name(attribution: Attribution, text: str) -> bool:
    """A witness who "declined to be identified" withholds their own name, not a fact of the happening."""
    return not OWN_NAME.search(_content(attribution))


# --- denials ------------------------------------------------------------------------------------------------

def _not_negated(attribution: Attribution, text: str) -> bool:
    """"He has never disavowed", "Trump did not dismiss Lewandowski": a negated denial is none."""
    cue = attribution.cue
    before = text[max(0, cue.start - 24):cue.start].casefold()
    return not NEGATION.search(before) and not NEGATION.search(cue.text.casefold().rsplit(" ", 1)[0] + " ")


def _denies_a_claim(attribution: Attribution, text: str) -> bool:
    """"Denied" answers a claim, not a request ("denied a reporter's request for an interview"); "rejected",
    "dismissed", "disputed" answer one only when the content is a claim ("dismissed the reports"), not in a
    court ("the charges were dismissed"); content such as "was not involved" denies only of a party ("he was
    not involved"), not of a thing ("that vehicle was not involved")."""
    content = _content(attribution)
    lemma = _lemma(attribution)
    folded = content.casefold()
    pattern = next((p for p in DENIAL_PATTERNS if p in folded), None)
    if pattern is not None:
        at = folded.index(pattern)
        subject = content[max(0, at - PARTY_REACH):at]  # bounded: a name search back over 2 MB would be quadratic
        return bool(PERSONAL.search(subject) or PERSONAL_AFTER.search(content[at + len(pattern):]))
    if lemma == "deny":
        return not DENIED_ACTS.search(content[:60])
    return bool(CLAIM_WORDS.search(content)) and not COURT_ACT.search(content)


REFUSAL_RULES: tuple[tuple[str, Rule], ...] = (
    ("no party", _has_party),
    ("party not named nearby", _party_named_nearby),
    ("withholds no information", _withholds_information),
    ("own name", _not_own_name),
)
DENIAL_RULES: tuple[tuple[str, Rule], ...] = (
    ("no party", _has_party),
    ("party not named nearby", _party_named_nearby),
    ("negated", _not_negated),
    ("denies no claim", _denies_a_claim),
)
