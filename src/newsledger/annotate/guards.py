"""Sentence boundaries set before the parse (a paragraph break; a cap on length), and a time budget for the
stages after it.

A dateline ("GALLATIN –") and a blank line end a sentence: spaCy's small parser often runs a headline or a paragraph
without a final period ("Man shot on Elm Street\n\nPolice said …") into the next, and the happening, its place and
its count are then read as one clause with the wrong words; parsed with its dateline, "GALLATIN – An off-duty
officer was shot" made the town the one shot.

The stages after the parse (attributions, events, coreference features) compare words within a sentence, so a
2 MB "sentence" without punctuation costs far more than its length; capping sentences at ``MAX_SENTENCE_TOKENS``
keeps the cost of an article about linear in its length. The time budget catches whatever slips past the caps:
an article still running after ``ARTICLE_SECONDS`` is stopped and rejected with the reason, and the run goes on.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from spacy.language import Language
from spacy.tokens import Doc

from newsledger.annotate.dateline import lead_start

#: Tokens after which a sentence is cut when no punctuation ended it (news sentences stay well under 100).
MAX_SENTENCE_TOKENS = 200
#: Seconds the stages after the parse may spend on one article (a long news article takes well under one).
ARTICLE_SECONDS = 20.0
SENTENCE_CAP = "newsledger_sentence_cap"
_SENTENCE_END = frozenset(".!?")


@Language.component(SENTENCE_CAP)
def cap_sentences(doc: Doc) -> Doc:
    """Start a sentence after a dateline, after every blank line and at every ``MAX_SENTENCE_TOKENS``-th token since
    the last ., ! or ?; the parser keeps boundaries set before it and places the others itself."""
    since = 0
    after_blank_line = False
    lead = lead_start(doc.text)
    for token in doc:
        if lead is not None and token.idx >= lead and not token.is_space:
            token.is_sent_start = True
            lead = None
        if since >= MAX_SENTENCE_TOKENS or (after_blank_line and not token.is_space):
            token.is_sent_start = True
            since = 0
            after_blank_line = False
        if token.is_space:
            after_blank_line = after_blank_line or token.text.count("\n") >= 2
        since = 0 if token.text in _SENTENCE_END else since + 1
    return doc


def add_sentence_cap(nlp: Language) -> None:
    if "parser" in nlp.pipe_names and SENTENCE_CAP not in nlp.pipe_names:
        nlp.add_pipe(SENTENCE_CAP, before="parser")


class OverBudget(Exception):
    """An article used up its time budget."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise ``OverBudget`` inside the block once ``seconds`` have passed (with SIGALRM, in the main thread;
    elsewhere the block runs unbounded and the caller's check between stages is the only limit)."""
    if seconds <= 0:
        raise OverBudget
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expire(_signum: int, _frame: object) -> None:
        raise OverBudget

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
