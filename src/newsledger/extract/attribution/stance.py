"""The stance a cue takes toward its content: asserts, hedges, denies or declines to comment."""

from __future__ import annotations

from spacy.tokens import Token

from newsledger.extract import cues
from newsledger.extract.attribution.document import Document
from newsledger.extract.attribution.draft import Draft, cue_lemma
from newsledger.records import Stance


def stance(draft: Draft, document: Document) -> Stance:
    """Declining to comment and denials beat hedges; hedging cues ("claim", "is believed", "seemed to
    think") and reported beliefs ("said he thinks") beat assertion. A negated speech cue ("didn't say",
    "could not explain") withholds the content."""
    token = draft.cue_token
    content = document.text[draft.content[0]:draft.content[1]].lower()
    lemma = cue_lemma(token)
    around = _around(draft, document)
    if lemma in cues.DECLINE_LEMMAS or any(p in around for p in cues.DECLINE_PATTERNS):
        return Stance.DECLINES_TO_COMMENT
    if lemma in cues.DENY_LEMMAS or any(p in content for p in cues.DENIAL_PATTERNS):
        return Stance.DENIES
    cue_words = _cue_lemmas(draft, document)
    if _negated(token) and lemma in cues.CUE_VERBS and not cue_words & cues.HEDGE_LEMMAS:
        return Stance.DECLINES_TO_COMMENT
    passive = any(c.dep_ == "auxpass" for c in token.children)
    if cue_words & cues.HEDGE_LEMMAS or (passive and lemma in cues.HEDGE_PASSIVES) or _reports_belief(draft, document):
        return Stance.HEDGES
    return Stance.ASSERTS


def _cue_lemmas(draft: Draft, document: Document) -> set[str]:
    """Lemmas and lowercased words of the cue: "Claiming" at a sentence start may be lemmatised as a name."""
    span = document.doc.char_span(*draft.cue, alignment_mode="expand") or ()
    return {t.lemma_.lower() for t in span} | {t.lower_ for t in span}


def _negated(cue: Token) -> bool:
    """The cue's verb is negated ("has not said", "isn't saying much about"); a negated belief ("doesn't
    think") still hedges."""
    return any(c.dep_ == "neg" for c in cue.children)


def _reports_belief(draft: Draft, document: Document) -> bool:
    """"said he thinks …": the content opens with its own subject's belief, outside quotation marks (a quotation
    may follow: "…that she believes X, saying that "Y"")."""
    span = document.doc.char_span(*draft.content, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    quoted = cues.QUOTE_MARK.search(document.text, draft.content[0], root.idx) is not None
    return not quoted and root.lemma_.lower() in cues.BELIEF_LEMMAS and any(
        c.dep_ == "nsubj" and c.i < root.i for c in root.children
    )


def _around(draft: Draft, document: Document) -> str:
    """The cue with a few words either side, where "has not confirmed or denied" is said."""
    token = draft.cue_token
    sent = document.sentence(token)
    start = document.doc[max(token.i - 4, sent.start)].idx
    end_token = document.doc[min(token.i + 4, sent.end - 1)]
    return document.text[start:end_token.idx + len(end_token)].lower()
