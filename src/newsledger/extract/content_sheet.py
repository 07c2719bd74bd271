"""The content ranker's view of a doc (``content_spans``): the doc's reading with running counts of quotation
marks and sentence starts, and the subtree edges it looks up, made once per document and kept on it."""

from __future__ import annotations

import bisect
import itertools
from typing import TYPE_CHECKING

from newsledger.extract.cues import Range
from newsledger.extract.reading import Reading

if TYPE_CHECKING:
    from newsledger.extract.attribution.document import Document

QUOTES = frozenset(("“", "”", '"', "''", "``", "‘", "’", "'"))


class Sheet:
    """The ranker's view of a doc: its reading (``reading.Reading``), with running counts of quotation marks
    and sentence starts."""

    def __init__(self, read: Reading):
        self.n = read.n
        self.lower, self.text, self.pos, self.dep, self.lemma = read.lower, read.orth, read.pos, read.dep, read.lemma
        self.head, self.idx, self.length = read.head, read.idx, read.length
        self.chars = len(read.text)
        self.space, self.punct, self.sent_start = read.space, read.punct, read.sent_start
        self.starts = read.sentence_starts
        self.quotes = list(itertools.accumulate(map(QUOTES.__contains__, read.orth), initial=0))
        self.sentences = list(itertools.accumulate(self.sent_start, initial=0))
        self._roots: dict[int, int] = {}
        self._left: list[int] | None = None
        self._rights: tuple[list[int], list[int]] | None = None

    @property
    def left_edge(self) -> list[int]:
        """Each token's leftmost descendant (or itself), made on first use."""
        if self._left is None:
            head, left = self.head, list(range(self.n))
            for i in range(self.n):
                j = i
                while head[j] != j:
                    j = head[j]
                    if left[j] <= i:
                        break
                    left[j] = i
            self._left = left
        return self._left

    def rights(self, i: int) -> list[int]:
        """Token ``i``'s dependents on its right, in order. All tokens' are kept in one list grouped by head,
        made on first use: a list per token would be thousands of objects for the garbage collector to track."""
        if self._rights is None:
            head = self.head
            order = sorted((j for j, h in enumerate(head) if h < j), key=head.__getitem__)
            self._rights = (order, [head[j] for j in order])
        order, heads = self._rights
        return order[bisect.bisect_left(heads, i):bisect.bisect_right(heads, i)]

    def char_span(self, start: int, end: int) -> Range | None:
        """The tokens of ``doc.char_span(start, end, alignment_mode="expand")``, found by bisection without
        making a Span: those covering characters ``start:end`` with their trailing whitespace, less the first
        when ``start`` is on its trailing space; None if a character is outside the text."""
        if not (0 <= start < self.chars and 0 < end <= self.chars):
            return None
        first = bisect.bisect_right(self.idx, start) - 1
        last = bisect.bisect_right(self.idx, end - 1) - 1
        if start == self.idx[first] + self.length[first]:
            first += 1
        return first, last + 1

    def root(self, a: int, b: int) -> int:
        """The first token of ``a:b`` whose head lies outside it (kept by an int key: a tuple would be one more
        object for the garbage collector to track)."""
        key = a * (self.n + 1) + b
        found = self._roots.get(key)
        if found is None:
            head, found = self.head, a
            for i in range(a, b):
                if not a <= head[i] < b or head[i] == i:
                    found = i
                    break
            self._roots[key] = found
        return found


def sheet(context: Document) -> Sheet:
    """The ranker's view of the document's doc, made once and kept on the document."""
    if context.content_sheet is None:
        context.content_sheet = Sheet(context.read)
    return context.content_sheet
