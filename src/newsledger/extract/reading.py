"""The doc being processed, read once from its arrays.

spaCy builds a ``Token`` and its strings anew on every access and rebuilds ``doc.text`` from every token, so
the attribution extractor's parts (the rules, the cue tagger, the content ranker, sources and relays) read
token attributes from one ``Reading``: one pass over the arrays per doc, made by the extractor's
``Document`` and passed to all of them.
"""

from __future__ import annotations

from functools import cached_property

from spacy.attrs import (
    DEP,
    ENT_TYPE,
    HEAD,
    IDX,
    IS_PUNCT,
    IS_SPACE,
    LEMMA,
    LENGTH,
    LOWER,
    ORTH,
    POS,
    SENT_START,
    SPACY,
)
from spacy.tokens import Doc

from newsledger.extract import cues


def strings_of(doc: Doc, attrs: tuple[int, ...]) -> list[list[str]]:
    """String attributes of every token, read as one array; each distinct hash is looked up once."""
    import numpy

    if not len(doc):
        return [[] for _ in attrs]
    table = doc.to_array(list(attrs)).reshape(len(doc), len(attrs))
    distinct, index = numpy.unique(table, return_inverse=True)
    strings = doc.vocab.strings
    words = [strings[int(key)] if key else "" for key in distinct.tolist()]
    index = index.reshape(table.shape)
    return [[words[k] for k in index[:, column].tolist()] for column in range(len(attrs))]


class Reading:
    """Every token's strings (``lemma`` lower-cased), head, offsets and flags, the text, where sentences start,
    and (on first use) where its quotations are."""

    def __init__(self, doc: Doc):
        self.n = len(doc)
        self.lower, self.orth, self.pos, self.dep, self.ent, lemma = strings_of(
            doc, (LOWER, ORTH, POS, DEP, ENT_TYPE, LEMMA))
        self.lemma = [word.lower() for word in lemma]
        self.head = [i + offset for i, offset in enumerate(doc.to_array(HEAD).astype("int64").tolist())]
        self.idx, self.length = doc.to_array(IDX).tolist(), doc.to_array(LENGTH).tolist()
        self.ends = [start + length for start, length in zip(self.idx, self.length)]
        self.space = [bool(flag) for flag in doc.to_array(IS_SPACE).tolist()]
        self.punct = [bool(flag) for flag in doc.to_array(IS_PUNCT).tolist()]
        self.sent_start = [flag == 1 for flag in doc.to_array(SENT_START).astype("int64").tolist()]
        self.sentence_starts = [0] + [i for i, start in enumerate(self.sent_start) if start and i > 0]
        spaces = doc.to_array(SPACY).tolist()
        self.text = "".join(word + " " if space else word for word, space in zip(self.orth, spaces))

    @cached_property
    def quotes(self) -> list[tuple[int, int]]:
        """The text's quotations as character ranges (``cues.quote_regions``), for the rules and the resolver."""
        return cues.quote_regions(self.text)

