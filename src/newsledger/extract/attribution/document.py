"""The document being read for attributions: one object made per call of ``extract_attributions`` and passed
to every part of the extractor, holding the doc's arrays (``reading.Reading``), its text, quotations and
paragraphs, and what the rules look up in it more than once (names, entities, people, the content ranker's
sheet). Nothing about a doc is kept anywhere else, so nothing has to be forgotten between docs."""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Iterator
from functools import cached_property
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpanType

from newsledger.extract import cues
from newsledger.extract.antecedents import People
from newsledger.extract.attribution.outlets import names_outlet
from newsledger.extract.attribution.rules import Rule
from newsledger.extract.cues import Range
from newsledger.extract.reading import Reading

QUOTE_CHARS = "\"“”'`"
OPENING_MARKS = "\"“'`"
NON_SPACE = re.compile(r"\S")
WORD_CHAR = re.compile(r"[^\W_]")
_NAME_TYPES = frozenset(("PERSON", "ORG", "NORP", "GPE"))


class Document:
    """The doc with what the rules need beyond the parse: quotation and paragraph boundaries, names, and the
    span rules switched off (``without``, by their names in ``spans.RULES``: to measure what each buys)."""

    def __init__(self, doc: Doc, without: frozenset[str] = frozenset()):
        self.doc = doc
        self.read = Reading(doc)
        self.without = without
        self.text = self.read.text
        self.quotes = self.read.quotes
        self.paragraphs = _paragraphs(self.text)
        self._inside = bytearray(len(self.text) + 1)
        for start, end in self.quotes:
            self._inside[start + 1:end] = b"\x01" * max(end - start - 1, 0)
        # both lists are in text order without overlaps, so their ends are sorted: lookups bisect, and an
        # article of thousands of quotations costs log time per lookup, not a scan
        self._quote_starts = [start for start, _ in self.quotes]
        self._quote_ends = [end for _, end in self.quotes]
        self._paragraph_ends = [end for _, end in self.paragraphs]
        # per paragraph: the first paragraph with words from it on, and whether it ends in a colon (read once,
        # so that a text of thousands of blank lines costs no scan per cue)
        worded = [NON_SPACE.search(self.text, start, end) is not None for start, end in self.paragraphs]
        self._next_worded = [len(self.paragraphs)] * (len(self.paragraphs) + 1)
        for i in range(len(self.paragraphs) - 1, -1, -1):
            self._next_worded[i] = i if worded[i] else self._next_worded[i + 1]
        self._colon_ended = [has_words and self.text[start:end].rstrip().endswith(":")
                             for (start, end), has_words in zip(self.paragraphs, worded)]
        self._outlet_names: dict[str | None, list[tuple[str, Range]]] = {}
        self.content_sheet: Any = None  # the content ranker's view of the doc, made by it on first use

    @cached_property
    def names(self) -> Counter[str]:
        """How often each word (lower-cased) is a proper noun of a named person, organisation, group or place
        in the doc ("the" of "the Clinton Foundation" is not); made on first use."""
        read = self.read
        return Counter(word for word, tag, kind in zip(read.lower, read.pos, read.ent) if is_name_word(word, tag, kind))

    @cached_property
    def entities(self) -> tuple[SpanType, ...]:
        """The doc's named entities, read once: ``doc.ents`` is rebuilt from the tokens on every access, which
        made an article of thousands of attributions quadratic."""
        return tuple(self.doc.ents)

    @cached_property
    def names_by_head(self) -> dict[str, list[tuple[str, Range]]]:
        """The doc's names of more than one word that end in their head noun, by that noun (lower-cased), in
        text order, so that each descriptor bisects."""
        names: dict[str, list[tuple[str, Range]]] = {}
        for entity in self.entities:
            root = entity.root
            if entity.label_ != "PERSON" and len(entity) > 1 and root.i == entity.end - 1 and root.pos_ == "PROPN":
                names.setdefault(root.lower_, []).append((entity.text, (entity.start_char, entity.end_char)))
        return names

    @cached_property
    def people(self) -> People:
        """The people the doc names, for pronouns and descriptors (``antecedents``)."""
        return People(self.doc, self.read)

    def outlet_names(self, own: str | None) -> list[tuple[str, Range]]:
        """The names of outlets in the doc but the article's own, by where they end (then longest first):
        entities an outlet's list or words name, and the call signs the entity tagger misses ("RT hired Larry
        King"), not words of other names ("Times Square")."""
        if own not in self._outlet_names:
            named = [(entity.text, (entity.start_char, entity.end_char)) for entity in self.entities
                     if entity.label_ != "PERSON"
                     and (cues.names_an_outlet(entity.text.lower()) or entity.root.lower_ in cues.OUTLET_HEADS)]
            read = self.read
            named += [(read.orth[i], (read.idx[i], read.ends[i])) for i in range(read.n)
                      if read.lower[i] in cues.CALL_SIGNS and read.pos[i] == "PROPN" and not read.ent[i]
                      and read.dep[i] != "compound"]
            named = [name for name in named if not names_outlet(name[0], own)]
            self._outlet_names[own] = sorted(dict.fromkeys(named), key=lambda name: (name[1][1], -name[1][0], name[0]))
        return self._outlet_names[own]

    def skips(self, rule: Rule) -> bool:
        """Whether the span rule is switched off for this document."""
        return rule.name in self.without

    def sentence(self, token: Token) -> SpanType:
        """The token's sentence, found from sentence-start flags: ``Token.sent`` rescans the whole doc."""
        doc, starts = self.doc, self.read.sentence_starts
        k = bisect.bisect_right(starts, token.i) - 1
        return doc[starts[k]:starts[k + 1] if k + 1 < len(starts) else len(doc)]

    def quoted(self, position: int) -> bool:
        return bool(self._inside[position])

    def quotes_from(self, position: int) -> Iterator[Range]:
        """The quotations that start at or after ``position``, in text order; lazily, as callers stop at the
        first few (a copy of the rest would cost every cue the article's quotation count)."""
        quotes = self.quotes
        return (quotes[i] for i in range(bisect.bisect_left(self._quote_starts, position), len(quotes)))

    def quotes_within(self, start: int, end: int) -> list[Range]:
        """The quotations that start at or after ``start`` and end by ``end``, in text order, up to the first
        that does not."""
        return list(itertools.takewhile(lambda quotation: quotation[1] <= end, self.quotes_from(start)))

    def quotes_ending_after(self, position: int) -> Iterator[Range]:
        """The quotations that end after ``position``, in text order, lazily."""
        quotes = self.quotes
        return (quotes[i] for i in range(bisect.bisect_right(self._quote_ends, position), len(quotes)))

    def last_quote_ending_by(self, position: int) -> Range | None:
        i = bisect.bisect_right(self._quote_ends, position)
        return self.quotes[i - 1] if i else None

    def quote_at(self, start: int, end: int) -> Range | None:
        """The first quotation overlapping ``start:end``."""
        i = bisect.bisect_right(self._quote_ends, start)
        return self.quotes[i] if i < len(self.quotes) and self.quotes[i][0] < end else None

    def paragraph(self, position: int) -> Range:
        i = bisect.bisect_left(self._paragraph_ends, position)
        if i < len(self.paragraphs) and self.paragraphs[i][0] <= position:
            return self.paragraphs[i]
        return 0, len(self.text)

    def paragraph_after(self, position: int) -> Range | None:
        """The first paragraph with words that starts after ``position``."""
        i = bisect.bisect_right(self._paragraph_ends, position)
        if i < len(self.paragraphs) and self.paragraphs[i][0] <= position:
            i += 1
        i = self._next_worded[i]
        return self.paragraphs[i] if i < len(self.paragraphs) else None

    def quotation_below(self, position: int) -> Range | None:
        """The next paragraph when the paragraph at ``position`` ends in a colon and that one opens with a
        quotation mark ("He said:⏎⏎“…”"); a heading or another speaker's line below is no content of it."""
        i = bisect.bisect_left(self._paragraph_ends, position)
        if i >= len(self.paragraphs) or self.paragraphs[i][0] > position or not self._colon_ended[i]:
            return None
        following = self.paragraph_after(self.paragraphs[i][1])
        if following is None or self.text[following[0]:following[1]].lstrip()[:1] not in OPENING_MARKS:
            return None
        return following


def _paragraphs(text: str) -> list[Range]:
    ranges, offset = [], 0
    for paragraph in text.split("\n"):
        ranges.append((offset, offset + len(paragraph)))
        offset += len(paragraph) + 1
    return ranges


def is_name_word(lower: str, pos: str, entity_type: str) -> bool:
    """A proper noun of a named person, organisation, group or place, not a stop word ("the")."""
    return entity_type in _NAME_TYPES and pos == "PROPN" and lower not in STOP_WORDS
