"""Learned content boundaries for attribution, trained on PolNeAR TRAIN.

The dependency rules in ``attribution`` find a content for each cue, but PolNeAR's edges are a matter of
convention the rules cannot settle (a trailing apposition or participle after a comma is kept about as often
as not; a final stop or closing quotation mark; a multi-sentence quotation; the clause before "…, X said")
and the parse misplaces some (coordination, PP attachment). Around the rules' span this module generates
candidate spans — other start and end boundaries: one token either way, the sentence's edges, the commas and
dashes inside, the phrases hanging on the right of the span's top words, the following sentences of the
paragraph, the quotation's marks; never over another cue the rules' span leaves out — and a pairwise
logistic-regression ranker over boundary features (words, tags and dependencies at each edge and beside it, the
phrase cut off or added, quotation balance, distance from the rules' span) scores them; the best one becomes
the content (the rules' span wins ties). Inference is a sum of feature weights from a small gzip JSON artifact.
The training entry is ``newsledger.bench.attribution.train_content`` (``bench attribution --train-content``).
"""

from __future__ import annotations

import bisect
import gzip
import itertools
import json
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from newsledger.extract.reading import reading

if TYPE_CHECKING:
    from newsledger.extract.chains import Draft

Range = tuple[int, int]

ARTIFACT = Path(__file__).with_name("content_model.json.gz")
_QUOTES = frozenset(("“", "”", '"', "''", "``", "‘", "’", "'"))
_MARKS = frozenset((",", ";", "—", "–", "--", "-", ":"))
#: The end of a candidate: one of the commas or dashes nearest its end, at most this many.
_MAX_CUTS = 3
#: ... or where one of the phrases hanging on the right of the span's top words starts, the last this many
#: (4 rather than 3 reaches more of "his presidential candidacy | with a speech that included …": oracle
#: +0.35 points on TRAIN folds; 6 gains a little more but costs a further 6% of the ranker's time).
_MAX_TAILS = 4
_MAX_NEXT = 2  # following sentences of the paragraph a candidate may reach over


class ArtifactMissing(RuntimeError):
    """The trained content model is not in the package; rebuild it with ``bench attribution --train-content``."""


class Candidate:
    """A candidate content as a token range ``start:end`` with the features that describe its edges, in
    parts (those of its start and of its end are shared with the other candidates of the draft)."""

    __slots__ = ("chars", "end", "parts", "start")

    def __init__(self, start: int, end: int, chars: Range, parts: tuple[tuple[str, ...], ...]):
        self.start, self.end, self.chars, self.parts = start, end, chars, parts

    @property
    def features(self) -> list[str]:
        return [f for part in self.parts for f in part]


# --- candidates ----------------------------------------------------------------------------------------------

def candidates(draft: Draft, context, cues: Sequence[Range] = ()) -> list[Candidate]:
    """The rules' content (always first) and its variants, each once, with its features. ``context`` is the
    rules' view of the doc (``attribution._Context``: quotations and paragraphs). A variant holds the same
    other ``cues`` as the rules' span (it neither reaches over "…, reported The Wall Street Journal" nor
    drops a nested cue the relay chains hang on) and adds back no ", which …" aside. ``cues`` come sorted by
    start, so the nearby ones are found by bisection."""
    doc: Doc = context.doc
    rule = _tokens(doc, draft.content)
    cue = _tokens(doc, draft.cue)
    if rule is None or cue is None:
        return []
    s, e = rule
    side = "after" if s >= cue[1] else "before" if e <= cue[0] else "around"
    lo, hi = _bounds(doc, draft, context, side, rule, cue)
    starts = _starts(doc, context, s, e, lo, side)
    ends = _ends(doc, context, s, e, hi, side)
    rule_chars = _chars(doc, s, e)
    lo_char, hi_char = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1])
    near = []
    for k in range(bisect.bisect_left(cues, lo_char, key=lambda c: c[0]), len(cues)):
        if cues[k][0] >= hi_char:
            break
        if cues[k] != draft.cue:
            near.append(cues[k][0])
    held = {c for c in near if rule_chars and rule_chars[0] <= c < rule_chars[1]}
    sh = _sheet(doc)
    found: dict[Range, Candidate] = {}
    key = (draft.cue_token.i, s, e)
    end_parts: list[tuple[str, ...] | None] = [None] * len(ends)  # made once per end, when first used
    for a, start_op in starts:
        start_part = None
        for k, (b, end_op) in enumerate(ends):
            if a >= b or not (lo <= a and b <= hi) or (b > e and _adds_aside(doc, e, b)):
                continue
            chars = _sheet_chars(sh, a, b)
            if chars is None or chars in found or {c for c in near if chars[0] <= c < chars[1]} != held:
                continue
            if start_part is None:
                start_part = _part(sh, draft, side, key, "s", a, s, start_op)
            end_part = end_parts[k]
            if end_part is None:
                end_part = end_parts[k] = _part(sh, draft, side, key, "e", b, e, end_op)
            found[chars] = Candidate(a, b, chars, (start_part, end_part, _pair(sh, a, b, s, e, start_op, end_op)))
    if rule_chars is not None and rule_chars not in found:  # a span the bounds would exclude stays a choice
        found[rule_chars] = Candidate(s, e, rule_chars, _features(sh, draft, side, s, e, s, e, "r", "r"))
    ordered = sorted(found.values(), key=lambda c: c.chars != rule_chars)
    return ordered


def _tokens(doc: Doc, chars: Range) -> Range | None:
    span = doc.char_span(*chars, alignment_mode="expand") if chars[0] < chars[1] else None
    return (span.start, span.end) if span is not None and len(span) else None


def _bounds(doc: Doc, draft: Draft, context, side: str, rule: Range, cue: Range) -> Range:
    """Token limits a candidate stays within: on its side of the cue and the source, within the paragraph
    (or the quotation running out of it)."""
    para = context.paragraph(draft.cue[0] if side == "after" else draft.content[0])
    for q_start, q_end in context.quotes_ending_after(para[0]):  # in text order: stop past the paragraph
        if q_start >= para[1]:
            break
        para = (min(para[0], q_start), max(para[1], q_end))
    span = doc.char_span(*para, alignment_mode="expand") if para[0] < para[1] else None
    lo, hi = (span.start, span.end) if span is not None else (0, len(doc))
    source = _tokens(doc, draft.source) if draft.source is not None else None
    if side == "after":
        lo = max(lo, cue[1], source[1] if source and source[1] <= rule[0] else 0)
    elif side == "before":
        hi = min(hi, cue[0], source[0] if source and source[0] >= rule[1] else len(doc))
    lo, hi = min(lo, rule[0]), max(hi, rule[1])
    return lo, hi


def _starts(doc: Doc, context, s: int, e: int, lo: int, side: str) -> list[tuple[int, str]]:
    starts = [(s, "r"), (s - 1, "m1"), (s + 1, "p1")]
    sent_start = _sentence_start(doc, s)
    starts.append((sent_start, "sent"))
    if side == "after":
        starts.append((lo, "cue"))
    cuts = _cuts(doc, context, s, e - 1)
    starts += [(i + 1, "comma") for i in cuts[:2]]
    quotation = context.quote_at(doc[s].idx, doc[s].idx + 1)
    if quotation is not None:
        q = _tokens(doc, (quotation[0], quotation[0] + 1))
        if q is not None:
            starts.append((q[0], "q"))
    return [(a, op) for a, op in starts if lo <= a < e]


def _ends(doc: Doc, context, s: int, e: int, hi: int, side: str) -> list[tuple[int, str]]:
    ends = [(e, "r"), (e - 1, "m1"), (e + 1, "p1")]
    cuts = _cuts(doc, context, s + 1, e)
    ends += [(i, "comma") for i in cuts[-_MAX_CUTS:]]
    ends += [(i, "tail") for i in _tails(doc, s, e)[-_MAX_TAILS:]]
    sent_end = _sentence_end(doc, e - 1)
    ends += [(sent_end, "sent"), (_without_punct(doc, s, sent_end), "sent-p")]
    if side != "before":
        end = sent_end
        for n in range(1, _MAX_NEXT + 1):
            if end >= hi:
                break
            end = _sentence_end(doc, end)
            ends += [(end, f"next{n}"), (_without_punct(doc, s, end), f"next{n}-p")]
    quotation = context.quote_at(doc[e - 1].idx, doc[e - 1].idx + 1)
    if quotation is not None and quotation[0] < doc[e - 1].idx:
        q = _tokens(doc, (quotation[1] - 1, quotation[1]))
        if q is not None:
            ends.append((q[1], "q"))
    if side == "before":
        ends.append((_without_punct(doc, s, hi), "cue"))
    return [(b, op) for b, op in ends if s < b <= hi or (op == "r")]


def _cuts(doc: Doc, context, a: int, b: int) -> list[int]:
    """The commas and dashes among tokens ``a:b`` outside quotations."""
    sh = _sheet(doc)
    text, idx = sh.text, sh.idx
    return [i for i in range(a, b) if text[i] in _MARKS and not context.quoted(idx[i])]


def _adds_aside(doc: Doc, e: int, b: int) -> bool:
    """Whether reaching from ``e`` to ``b`` adds back a non-restrictive relative clause after a comma
    (", which votes on Friday"), the writer's aside the rules leave out."""
    sh = _sheet(doc)
    return sh.text[e] in _MARKS and e + 1 < b and sh.dep[sh.root(e + 1, b)] == "relcl"


def _tails(doc: Doc, s: int, e: int) -> list[int]:
    """Where a phrase hanging on the right of the span's top words starts ("the resolution | on free speech
    grounds", "that the crime was a genocide | and goes …"): PP attachment and coordination the parse may
    have got wrong. (Read from the sheet's arrays: spaCy makes a new Token object on every access.)"""
    sh = _sheet(doc)
    head, left, rights = sh.head, sh.left_edge, sh.rights
    found = set()
    for i in range(s, e):
        if not s <= head[i] < e or head[i] == i:
            found.update(left[c] for c in rights[i] if s < left[c] < e)
            if i > s:
                found.add(left[i] if left[i] > s else i)
    return sorted(found)


def _sentence_start(doc: Doc, i: int) -> int:
    starts = _sheet(doc).starts
    return starts[bisect.bisect_right(starts, i) - 1]


def _sentence_end(doc: Doc, i: int) -> int:
    """Where the sentence of token ``i`` ends (the doc's length in the last one)."""
    sh = _sheet(doc)
    k = bisect.bisect_right(sh.starts, i)
    return sh.starts[k] if k < len(sh.starts) else sh.n


def _without_punct(doc: Doc, s: int, end: int) -> int:
    sh = _sheet(doc)
    while end > s + 1 and (sh.punct[end - 1] or sh.space[end - 1]) and sh.text[end - 1] not in _QUOTES:
        end -= 1
    return end


def _chars(doc: Doc, a: int, b: int) -> Range | None:
    return _sheet_chars(_sheet(doc), a, b)


def _sheet_chars(sh: _Sheet, a: int, b: int) -> Range | None:
    while a < b and sh.space[a]:
        a += 1
    while b > a and sh.space[b - 1]:
        b -= 1
    return (sh.idx[a], sh.idx[b - 1] + sh.length[b - 1]) if a < b else None


def _bin(n: int) -> str:
    return str(n) if -3 <= n <= 3 else ("<" if n < 0 else ">")


class _Sheet:
    """The ranker's view of a doc: its reading (``reading.reading``), with running counts of quotation marks
    and sentence starts and what is made once per draft."""

    def __init__(self, doc: Doc):
        read = reading(doc)
        self.n = read.n
        self.lower, self.text, self.pos, self.dep, self.lemma = read.lower, read.orth, read.pos, read.dep, read.lemma
        self.head, self.idx, self.length = read.head, read.idx, read.length
        self.space, self.punct, self.sent_start = read.space, read.punct, read.sent_start
        self.starts = read.sentence_starts
        self.quotes = [0, *itertools.accumulate(int(word in _QUOTES) for word in read.orth)]
        self.sentences = [0, *itertools.accumulate(map(int, self.sent_start))]
        self._roots: dict[Range, int] = {}
        self._left: list[int] | None = None
        self._rights: list[list[int]] | None = None
        self.parts: dict[tuple, tuple[str, ...]] = {}  # the features of a draft's start or end, made once

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

    @property
    def rights(self) -> list[list[int]]:
        """Each token's dependents on its right, in order, made on first use."""
        if self._rights is None:
            rights: list[list[int]] = [[] for _ in range(self.n)]
            for j, h in enumerate(self.head):
                if h < j:
                    rights[h].append(j)
            self._rights = rights
        return self._rights

    def root(self, a: int, b: int) -> int:
        """The first token of ``a:b`` whose head lies outside it."""
        found = self._roots.get((a, b))
        if found is None:
            head = self.head
            found = next((i for i in range(a, b) if not a <= head[i] < b or head[i] == i), a)
            self._roots[(a, b)] = found
        return found


@lru_cache(maxsize=1)  # the doc being processed (a Doc hashes and compares by identity)
def _sheet(doc: Doc) -> _Sheet:
    return _Sheet(doc)


def forget() -> None:
    """Drop the last doc's sheet, so that a doc changed since is read anew."""
    _sheet.cache_clear()


def _features(sh: _Sheet, draft: Draft, side: str, a: int, b: int, s: int, e: int, start_op: str,
              end_op: str) -> tuple[tuple[str, ...], ...]:
    key = (draft.cue_token.i, s, e)
    return (_part(sh, draft, side, key, "s", a, s, start_op), _part(sh, draft, side, key, "e", b, e, end_op),
            _pair(sh, a, b, s, e, start_op, end_op))


def _part(sh: _Sheet, draft: Draft, side: str, key: tuple, which: str, i: int, edge: int,
          op: str) -> tuple[str, ...]:
    """The features of a candidate's start (``which`` "s") or end ("e") at token ``i``, made once per draft."""
    found = sh.parts.get((key, which, i, op))
    if found is None:
        rule_start = key[1]
        made = (_start_features(sh, draft, side, i, edge, op) if which == "s"
                else _end_features(sh, draft, side, i, edge, op, rule_start))
        found = sh.parts[(key, which, i, op)] = tuple(made)
    return found


def _pair(sh: _Sheet, a: int, b: int, s: int, e: int, start_op: str, end_op: str) -> tuple[str, ...]:
    """The features of a candidate's start and end together."""
    quotes = sh.quotes[b] - sh.quotes[a]
    sentences = sh.sentences[b] - sh.sentences[a + 1]
    pair = ("se=" + start_op + "|" + end_op, "dse=" + _bin(a - s) + "|" + _bin(b - e),
            "q=" + str(quotes % 2) + "|" + str(sh.text[a] in _QUOTES) + "|" + str(sh.text[b - 1] in _QUOTES),
            "ns=" + str(min(sentences, 3)))
    if b < e:
        root = sh.root(b, e)
        pair += ("cuth=" + str(a <= sh.head[root] < b) + "|" + sh.dep[root],)
    return pair


def _relation(sh: _Sheet, draft: Draft, token: int, inside: bool) -> str:
    """How a phrase cut off or added hangs on the rest: on the cue, on itself (a root), inside or outside."""
    head = sh.head[token]
    return "cue" if head == draft.cue_token.i else "self" if head == token else "in" if inside else "out"


def _start_features(sh: _Sheet, draft: Draft, side: str, a: int, s: int, start_op: str) -> list[str]:
    lower, pos, dep, text = sh.lower, sh.pos, sh.dep, sh.text
    before_w, before_p = (lower[a - 1], pos[a - 1]) if a > 0 else ("<d>", "<d>")
    found = ["b", "so=" + start_op, "sso=" + side + "|" + start_op, "sw=" + lower[a], "sp=" + pos[a],
             "sd=" + dep[a], "s-1=" + before_w, "s-1p=" + before_p, "ds=" + _bin(a - s),
             "ss=" + str(sh.sent_start[a]), "sdep=" + dep[a] + "|" + dep[sh.head[a]]]
    if a > s:
        root = sh.root(s, a)
        head = sh.head[root]
        found += ["drop=" + dep[root] + "|" + text[a - 1],
                  "droph=" + _relation(sh, draft, root, s <= head) + "|" + dep[root] + "|" + pos[head] + "|" + start_op]
    elif a < s:
        found.append("gain=" + dep[a] + "|" + text[s - 1])
    return found


def _end_features(sh: _Sheet, draft: Draft, side: str, b: int, e: int, end_op: str, s: int) -> list[str]:
    """The features of a candidate ending at ``b``, the rules' span being ``s:e``."""
    lower, pos, dep, text = sh.lower, sh.pos, sh.dep, sh.text
    last = b - 1
    after_w, after_p = (lower[b], pos[b]) if b < sh.n else ("</d>", "</d>")
    lemma = sh.lemma[draft.cue_token.i]
    found = [
        "eo=" + end_op, "seo=" + side + "|" + end_op, "ew=" + lower[last], "ep=" + pos[last], "ed=" + dep[last],
        "e+1=" + after_w, "e+1p=" + after_p, "de=" + _bin(b - e), "es=" + str(b >= sh.n or sh.sent_start[b]),
        "qd=" + str(bool(draft.direct)) + "|" + end_op, "cl=" + lemma + "|" + side, "cle=" + lemma + "|" + end_op,
        "epair=" + lower[last] + "|" + after_w,
    ]
    if b < e:  # what the candidate leaves off its end: the phrase's role and how it is joined
        root = sh.root(b, e)
        found += ["cut=" + dep[root] + "|" + text[b], "cutp=" + pos[root] + "|" + end_op,
                  "cutl=" + sh.lemma[root] + "|" + end_op, "cutn=" + _bin(e - b) + "|" + end_op,
                  "cuthd=" + _relation(sh, draft, root, sh.head[root] < b) + "|" + dep[root] + "|"
                  + pos[sh.head[root]] + "|" + end_op, "cutpre=" + text[b - 1] + "|" + dep[root] + "|" + end_op]
    elif b > e:
        root = sh.root(e, b)
        found += ["add=" + dep[root] + "|" + text[e], "addn=" + _bin(b - e) + "|" + end_op,
                  "addh=" + str(sh.head[root] == draft.cue_token.i) + "|" + dep[root] + "|" + end_op,
                  "addl=" + sh.lemma[root] + "|" + end_op, "addp=" + pos[root] + "|" + pos[e]]
    if b != e:  # the phrase cut off or added past its leading comma or dash (whose own role is only punct)
        lo, hi, tag = (b, e, "c") if b < e else (e, b, "a")
        j = lo
        while j < hi and text[j] in _MARKS:
            j += 1
        if j < hi:
            root = sh.root(j, hi)
            rel = _relation(sh, draft, root, s <= sh.head[root] < lo)
            mark = text[j - 1] if j > lo else "_"
            found += [tag + "x=" + mark + "|" + dep[root] + "|" + pos[root],
                      tag + "xh=" + rel + "|" + dep[root] + "|" + pos[sh.head[root]] + "|" + end_op,
                      tag + "xw=" + mark + "|" + lower[j] + "|" + dep[root],
                      tag + "xl=" + dep[root] + "|" + sh.lemma[root]]
    return found


# --- the model -------------------------------------------------------------------------------------------------

class ContentModel:
    """Weights of a logistic regression over candidate features; the best-scoring candidate wins."""

    def __init__(self, weights: dict[str, float]):
        self.weights = weights

    def score(self, candidate: Candidate, memo: dict[int, float] | None = None) -> float:
        """The sum of the candidate's feature weights; ``memo`` keeps the sums of the start and end parts
        shared by candidates (the last part, of the pair, is the candidate's own)."""
        get, total = self.weights.get, 0.0
        *shared, own = candidate.parts
        for part in shared:
            value = memo.get(id(part)) if memo is not None else None
            if value is None:
                value = sum(map(get, part, itertools.repeat(0.0)))
                if memo is not None:
                    memo[id(part)] = value
            total += value
        return total + sum(map(get, own, itertools.repeat(0.0)))

    def refine(self, drafts: Iterable[Draft], context) -> None:
        """Set each draft's content to its best candidate (the rules' span wins ties, being first)."""
        drafts = list(drafts)
        cues = [d.cue for d in drafts]
        for draft in drafts:
            found = candidates(draft, context, cues)
            if found:
                memo: dict[int, float] = {}
                best = max(found, key=lambda c: self.score(c, memo))
                draft.content = best.chars
                draft.gaps = [g for g in draft.gaps if best.chars[0] <= g[0] and g[1] <= best.chars[1]]
                first = next(context.quotes_from(best.chars[0]), None)  # the quotation inside it that ends first
                draft.direct = first is not None and first[1] <= best.chars[1] + 1

    def save(self, path: Path, config: dict) -> None:
        payload = {"config": config, "weights": dict(sorted(self.weights.items()))}
        data = json.dumps(payload, separators=(",", ":")).encode("utf-8")
        Path(path).write_bytes(gzip.compress(data, mtime=0))

    @classmethod
    def read(cls, path: Path = ARTIFACT) -> ContentModel:
        if not Path(path).exists():
            raise ArtifactMissing(f"content model not found at {path}; rebuild it with "
                                  "newsledger bench attribution --data <PolNeAR train> --train-content")
        return cls(json.loads(gzip.decompress(Path(path).read_bytes()).decode("utf-8"))["weights"])


def config(path: Path = ARTIFACT) -> dict:
    """The training configuration and cross-validation figures stored with the artifact."""
    return json.loads(gzip.decompress(Path(path).read_bytes()).decode("utf-8"))["config"]


@lru_cache(maxsize=1)
def shipped() -> ContentModel:
    """The model shipped in the package, loaded once."""
    return ContentModel.read(ARTIFACT)
