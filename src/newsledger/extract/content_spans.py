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
It is trained by ``python -m newsledger.training.attribution_content``.
"""

from __future__ import annotations

import bisect
import gzip
import itertools
import json
from collections.abc import Container, Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from newsledger.extract.content_sheet import QUOTES, Sheet, sheet
from newsledger.extract.cues import Range
from newsledger.shipped import load as load_shipped

if TYPE_CHECKING:
    from newsledger.extract.attribution.document import Document
    from newsledger.extract.attribution.draft import Draft


ARTIFACT = Path(__file__).with_name("content_model.json.gz")
_MARKS = frozenset((",", ";", "—", "–", "--", "-", ":"))
#: The end of a candidate: one of the commas or dashes nearest its end, at most this many.
_MAX_CUTS = 3
#: ... or where one of the phrases hanging on the right of the span's top words starts, the last this many
#: (4 rather than 3 reaches more of "his presidential candidacy | with a speech that included …": oracle
#: +0.35 points on TRAIN folds; 6 gains a little more but costs a further 6% of the ranker's time).
_MAX_TAILS = 4
_MAX_NEXT = 2  # following sentences of the paragraph a candidate may reach over


class ArtifactMissing(RuntimeError):
    """The trained content model is not in the package; rebuild it with ``training.attribution_content``."""


class Candidate:
    """A candidate content as a token range ``start:end`` with the features that describe its edges, in
    parts: its start's and its end's (the same objects for the draft's candidates that share them) and, last,
    the pair's (the same object for every candidate with the same pair features)."""

    __slots__ = ("chars", "end", "parts", "start")

    def __init__(self, start: int, end: int, chars: Range, parts: tuple[tuple[str, ...], ...]):
        self.start, self.end, self.chars, self.parts = start, end, chars, parts

    @property
    def features(self) -> list[str]:
        return [f for part in self.parts for f in part]


# --- candidates ----------------------------------------------------------------------------------------------

def candidates(draft: Draft, context: Document, cues: Sequence[Range] = ()) -> list[Candidate]:
    """The rules' content (always first) and its variants, each once, with its features. ``context`` is the
    rules' view of the doc (``attribution._Context``: quotations and paragraphs). A variant holds the same
    other ``cues`` as the rules' span (it neither reaches over "…, reported The Wall Street Journal" nor
    drops a nested cue the relay chains hang on) and adds back no ", which …" aside. ``cues`` come sorted by
    start, so the nearby ones are found by bisection."""
    sh = sheet(context)
    rule = _tokens(sh, draft.content)
    cue = _tokens(sh, draft.cue)
    if rule is None or cue is None:
        return []
    s, e = rule
    side = "after" if s >= cue[1] else "before" if e <= cue[0] else "around"
    lo, hi = _bounds(sh, draft, context, side, rule, cue)
    starts = _starts(sh, context, s, e, lo, side)
    ends = _ends(sh, context, s, e, hi, side)
    rule_chars = _sheet_chars(sh, s, e)
    own = _index_of(cues, draft.cue)
    held = _held(_cues_from(cues, rule_chars[0]), _cues_from(cues, rule_chars[1]), own) if rule_chars else _NONE
    firsts = [_Start(sh, a, op, s, cues) for a, op in _first_at_each(starts)]
    lasts = [_End(sh, b, op, e, cues) for b, op in _first_at_each(ends) if not (b > e and _adds_aside(sh, e, b))]
    found: dict[Range, Candidate] = {}
    for start in firsts:
        for end in lasts:
            if start.word >= end.i:  # empty, or only spaces
                continue
            chars = (start.char, end.char)
            if chars in found or _held(start.first_cue, end.past_cue, own) != held:
                continue
            if start.part is None:
                start.part = tuple(_start_features(sh, draft, side, start.i, s, start.op))
            if end.part is None:
                end.part = tuple(_end_features(sh, draft, side, end.i, e, end.op, s))
            found[chars] = Candidate(start.i, end.i, chars, (start.part, end.part, _pair(start, end)))
    if rule_chars is not None and rule_chars not in found:  # a span the bounds would exclude stays a choice
        found[rule_chars] = Candidate(s, e, rule_chars, _features(sh, draft, side, s, e))
    rule_candidate = found.pop(rule_chars, None)
    return [rule_candidate, *found.values()] if rule_candidate is not None else list(found.values())


def _first_at_each(edges: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The first edge at each token, in order: a later one at the same token makes only spans made already."""
    first: dict[int, str] = {}
    for i, op in edges:
        first.setdefault(i, op)
    return list(first.items())


_NONE = (0, 0)


def _cues_from(cues: Sequence[Range], char: int) -> int:
    """How many of ``cues`` (sorted by start) start before character ``char``."""
    return bisect.bisect_left(cues, char, key=_start)


def _start(cue: Range) -> int:
    return cue[0]


def _index_of(cues: Sequence[Range], cue: Range) -> int:
    """Where ``cue`` is among ``cues`` (sorted by start), or -1."""
    for k in range(_cues_from(cues, cue[0]), len(cues)):
        if cues[k] == cue:
            return k
        if cues[k][0] != cue[0]:
            break
    return -1


def _held(first: int, past: int, own: int) -> Range:
    """The cues a span holds, as the run ``first:past`` of the sorted cues that start inside it, without the
    draft's own cue (``own``), which may open or close the run: equal runs, equal cues, with no walk over them
    (a paragraph of thousands of cues would make a set per candidate quadratic)."""
    if first == own:
        first += 1
    if past - 1 == own and past > first:
        past -= 1
    return (first, past) if first < past else _NONE


class _Start:
    """A start ``i`` (found as ``op``) of a draft's candidates and what the checks and the pair features read of
    it, worked out once for all the ends it is paired with; ``part``, its features, is made on first use."""

    __slots__ = ("char", "dist", "first_cue", "i", "op", "part", "quoted", "quotes", "sentences", "word")

    def __init__(self, sh: Sheet, i: int, op: str, s: int, cues: Sequence[Range]):
        word = i  # its first word: a candidate ending at or before it holds only spaces
        while word < sh.n and sh.space[word]:
            word += 1
        self.i, self.op, self.word, self.part = i, op, word, None
        self.char = sh.idx[word] if word < sh.n else sh.chars
        self.first_cue = _cues_from(cues, self.char)  # the first cue starting inside a span from here
        self.dist, self.quotes, self.quoted = _bin(i - s), sh.quotes[i], sh.text[i] in QUOTES
        self.sentences = sh.sentences[i + 1]


class _End:
    """An end ``i`` (found as ``op``) of a draft's candidates, as ``_Start`` is a start; ``cut`` is the head and
    dependency of the phrase it cuts off the rules' span ending at ``e``, if any."""

    __slots__ = ("char", "cut", "dist", "i", "op", "part", "past_cue", "quoted", "quotes", "sentences")

    def __init__(self, sh: Sheet, i: int, op: str, e: int, cues: Sequence[Range]):
        word = i  # past its last word
        while word > 0 and sh.space[word - 1]:
            word -= 1
        self.i, self.op, self.part = i, op, None
        self.char = sh.idx[word - 1] + sh.length[word - 1] if word else 0
        self.past_cue = _cues_from(cues, self.char)  # past the last cue starting inside a span to here
        self.dist, self.quotes, self.quoted = _bin(i - e), sh.quotes[i], sh.text[i - 1] in QUOTES
        self.sentences = sh.sentences[i]
        root = sh.root(i, e) if i < e else None
        self.cut = (sh.head[root], sh.dep[root]) if root is not None else None


def _tokens(sh: Sheet, chars: Range) -> Range | None:
    span = sh.char_span(*chars) if chars[0] < chars[1] else None
    return span if span is not None and span[0] < span[1] else None


def _bounds(sh: Sheet, draft: Draft, context, side: str, rule: Range, cue: Range) -> Range:
    """Token limits a candidate stays within: on its side of the cue and the source, within the paragraph
    (or the quotation running out of it)."""
    para = context.paragraph(draft.cue[0] if side == "after" else draft.content[0])
    for q_start, q_end in context.quotes_ending_after(para[0]):  # in text order: stop past the paragraph
        if q_start >= para[1]:
            break
        para = (min(para[0], q_start), max(para[1], q_end))
    span = sh.char_span(*para) if para[0] < para[1] else None
    lo, hi = span if span is not None else (0, sh.n)
    source = _tokens(sh, draft.source) if draft.source is not None else None
    if side == "after":
        lo = max(lo, cue[1], source[1] if source and source[1] <= rule[0] else 0)
    elif side == "before":
        hi = min(hi, cue[0], source[0] if source and source[0] >= rule[1] else sh.n)
    lo, hi = min(lo, rule[0]), max(hi, rule[1])
    return lo, hi


def _starts(sh: Sheet, context, s: int, e: int, lo: int, side: str) -> list[tuple[int, str]]:
    starts = [(s, "r"), (s - 1, "m1"), (s + 1, "p1")]
    sent_start = _sentence_start(sh, s)
    starts.append((sent_start, "sent"))
    if side == "after":
        starts.append((lo, "cue"))
    cuts = _cuts(sh, context, s, e - 1)
    starts += [(i + 1, "comma") for i in cuts[:2]]
    quotation = context.quote_at(sh.idx[s], sh.idx[s] + 1)
    if quotation is not None:
        q = _tokens(sh, (quotation[0], quotation[0] + 1))
        if q is not None:
            starts.append((q[0], "q"))
    return [(a, op) for a, op in starts if lo <= a < e]


def _ends(sh: Sheet, context, s: int, e: int, hi: int, side: str) -> list[tuple[int, str]]:
    ends = [(e, "r"), (e - 1, "m1"), (e + 1, "p1")]
    cuts = _cuts(sh, context, s + 1, e)
    ends += [(i, "comma") for i in cuts[-_MAX_CUTS:]]
    ends += [(i, "tail") for i in _tails(sh, s, e)[-_MAX_TAILS:]]
    sent_end = _sentence_end(sh, e - 1)
    ends += [(sent_end, "sent"), (_without_punct(sh, s, sent_end), "sent-p")]
    if side != "before":
        end = sent_end
        for n in range(1, _MAX_NEXT + 1):
            if end >= hi:
                break
            end = _sentence_end(sh, end)
            ends += [(end, f"next{n}"), (_without_punct(sh, s, end), f"next{n}-p")]
    last = sh.idx[e - 1]
    quotation = context.quote_at(last, last + 1)
    if quotation is not None and quotation[0] < last:
        q = _tokens(sh, (quotation[1] - 1, quotation[1]))
        if q is not None:
            ends.append((q[1], "q"))
    if side == "before":
        ends.append((_without_punct(sh, s, hi), "cue"))
    return [(b, op) for b, op in ends if s < b <= hi or (op == "r")]


def _cuts(sh: Sheet, context, a: int, b: int) -> list[int]:
    """The commas and dashes among tokens ``a:b`` outside quotations."""
    text, idx = sh.text, sh.idx
    return [i for i in range(a, b) if text[i] in _MARKS and not context.quoted(idx[i])]


def _adds_aside(sh: Sheet, e: int, b: int) -> bool:
    """Whether reaching from ``e`` to ``b`` adds back a non-restrictive relative clause after a comma
    (", which votes on Friday"), the writer's aside the rules leave out."""
    return sh.text[e] in _MARKS and e + 1 < b and sh.dep[sh.root(e + 1, b)] == "relcl"


def _tails(sh: Sheet, s: int, e: int) -> list[int]:
    """Where a phrase hanging on the right of the span's top words starts ("the resolution | on free speech
    grounds", "that the crime was a genocide | and goes …"): PP attachment and coordination the parse may
    have got wrong. (Read from the sheet's arrays: spaCy makes a new Token object on every access.)"""
    head, left = sh.head, sh.left_edge
    found = set()
    for i in range(s, e):
        if not s <= head[i] < e or head[i] == i:
            found.update(left[c] for c in sh.rights(i) if s < left[c] < e)
            if i > s:
                found.add(left[i] if left[i] > s else i)
    return sorted(found)


def _sentence_start(sh: Sheet, i: int) -> int:
    starts = sh.starts
    return starts[bisect.bisect_right(starts, i) - 1]


def _sentence_end(sh: Sheet, i: int) -> int:
    """Where the sentence of token ``i`` ends (the doc's length in the last one)."""
    k = bisect.bisect_right(sh.starts, i)
    return sh.starts[k] if k < len(sh.starts) else sh.n


def _without_punct(sh: Sheet, s: int, end: int) -> int:
    while end > s + 1 and (sh.punct[end - 1] or sh.space[end - 1]) and sh.text[end - 1] not in QUOTES:
        end -= 1
    return end


def _sheet_chars(sh: Sheet, a: int, b: int) -> Range | None:
    while a < b and sh.space[a]:
        a += 1
    while b > a and sh.space[b - 1]:
        b -= 1
    return (sh.idx[a], sh.idx[b - 1] + sh.length[b - 1]) if a < b else None


_BINS = ("<", "-3", "-2", "-1", "0", "1", "2", "3", ">")


def _bin(n: int) -> str:
    """A distance as "-3" to "3", or "<" or ">" beyond."""
    return _BINS[min(max(n, -4), 4) + 4]


def _features(sh: Sheet, draft: Draft, side: str, s: int, e: int) -> tuple[tuple[str, ...], ...]:
    """The features of the rules' span ``s:e`` as a candidate."""
    start, end = _Start(sh, s, "r", s, []), _End(sh, e, "r", e, [])
    return (tuple(_start_features(sh, draft, side, s, s, "r")), tuple(_end_features(sh, draft, side, e, e, "r", s)),
            _pair(start, end))


def _pair(start: _Start, end: _End) -> tuple[str, ...]:
    """The features of a candidate's start and end together."""
    cut = None if end.cut is None else (start.i <= end.cut[0] < end.i, end.cut[1])
    return _pair_part(start.op, end.op, start.dist, end.dist, (end.quotes - start.quotes) % 2, start.quoted,
                      end.quoted, min(end.sentences - start.sentences, 3), cut)


@lru_cache(maxsize=1 << 16)  # the values are few: each pair of features is made once and its weights summed once
def _pair_part(start_op: str, end_op: str, start_dist: str, end_dist: str, quotes: int, start_quoted: bool,
               end_quoted: bool, sentences: int, cut: tuple[bool, str] | None) -> tuple[str, ...]:
    pair = (f"se={start_op}|{end_op}", f"dse={start_dist}|{end_dist}", f"q={quotes}|{start_quoted}|{end_quoted}",
            f"ns={sentences}")
    if cut is not None:
        pair += (f"cuth={cut[0]}|{cut[1]}",)
    return pair


def _relation(sh: Sheet, draft: Draft, token: int, inside: bool) -> str:
    """How a phrase cut off or added hangs on the rest: on the cue, on itself (a root), inside or outside."""
    head = sh.head[token]
    return "cue" if head == draft.cue_token.i else "self" if head == token else "in" if inside else "out"


def _start_features(sh: Sheet, draft: Draft, side: str, a: int, s: int, start_op: str) -> list[str]:
    lower, pos, dep, text = sh.lower, sh.pos, sh.dep, sh.text
    before_w, before_p = (lower[a - 1], pos[a - 1]) if a > 0 else ("<d>", "<d>")
    found = ["b", f"so={start_op}", f"sso={side}|{start_op}", f"sw={lower[a]}", f"sp={pos[a]}", f"sd={dep[a]}",
             f"s-1={before_w}", f"s-1p={before_p}", f"ds={_bin(a - s)}", f"ss={sh.sent_start[a]}",
             f"sdep={dep[a]}|{dep[sh.head[a]]}"]
    if a > s:
        root = sh.root(s, a)
        head = sh.head[root]
        found += [f"drop={dep[root]}|{text[a - 1]}",
                  f"droph={_relation(sh, draft, root, s <= head)}|{dep[root]}|{pos[head]}|{start_op}"]
    elif a < s:
        found.append(f"gain={dep[a]}|{text[s - 1]}")
    return found


def _end_features(sh: Sheet, draft: Draft, side: str, b: int, e: int, end_op: str, s: int) -> list[str]:
    """The features of a candidate ending at ``b``, the rules' span being ``s:e``."""
    lower, pos, dep, text = sh.lower, sh.pos, sh.dep, sh.text
    last = b - 1
    after_w, after_p = (lower[b], pos[b]) if b < sh.n else ("</d>", "</d>")
    lemma = sh.lemma[draft.cue_token.i]
    found = [
        f"eo={end_op}", f"seo={side}|{end_op}", f"ew={lower[last]}", f"ep={pos[last]}", f"ed={dep[last]}",
        f"e+1={after_w}", f"e+1p={after_p}", f"de={_bin(b - e)}", f"es={b >= sh.n or sh.sent_start[b]}",
        f"qd={bool(draft.direct)}|{end_op}", f"cl={lemma}|{side}", f"cle={lemma}|{end_op}",
        f"epair={lower[last]}|{after_w}",
    ]
    if b < e:  # what the candidate leaves off its end: the phrase's role and how it is joined
        root = sh.root(b, e)
        found += [f"cut={dep[root]}|{text[b]}", f"cutp={pos[root]}|{end_op}", f"cutl={sh.lemma[root]}|{end_op}",
                  f"cutn={_bin(e - b)}|{end_op}",
                  f"cuthd={_relation(sh, draft, root, sh.head[root] < b)}|{dep[root]}|{pos[sh.head[root]]}|{end_op}",
                  f"cutpre={text[b - 1]}|{dep[root]}|{end_op}"]
    elif b > e:
        root = sh.root(e, b)
        found += [f"add={dep[root]}|{text[e]}", f"addn={_bin(b - e)}|{end_op}",
                  f"addh={sh.head[root] == draft.cue_token.i}|{dep[root]}|{end_op}",
                  f"addl={sh.lemma[root]}|{end_op}", f"addp={pos[root]}|{pos[e]}"]
    if b != e:  # the phrase cut off or added past its leading comma or dash (whose own role is only punct)
        lo, hi, tag = (b, e, "c") if b < e else (e, b, "a")
        j = lo
        while j < hi and text[j] in _MARKS:
            j += 1
        if j < hi:
            root = sh.root(j, hi)
            rel = _relation(sh, draft, root, s <= sh.head[root] < lo)
            mark = text[j - 1] if j > lo else "_"
            found += [f"{tag}x={mark}|{dep[root]}|{pos[root]}",
                      f"{tag}xh={rel}|{dep[root]}|{pos[sh.head[root]]}|{end_op}",
                      f"{tag}xw={mark}|{lower[j]}|{dep[root]}", f"{tag}xl={dep[root]}|{sh.lemma[root]}"]
    return found


# --- the model -------------------------------------------------------------------------------------------------

class ContentModel:
    """Weights of a logistic regression over candidate features; the best-scoring candidate wins."""

    def __init__(self, weights: dict[str, float]):
        self.weights = weights  # fixed once the model is made: the sums of pair parts are kept
        #: The sums of pair parts, by value: their kinds are few (some thousands), shared by drafts and docs.
        self._pair_sums: dict[tuple[str, ...], float] = {}

    def score(self, candidate: Candidate) -> float:
        """The sum of the candidate's feature weights."""
        return self.scores([candidate])[0]

    def scores(self, found: Sequence[Candidate]) -> list[float]:
        """The sums of the candidates' feature weights, part by part: the start and end parts they share are
        summed once, by identity (``found`` keeps them alive, so no other part takes their id), the last part,
        of the pair, once for all drafts."""
        get, pair_sums = self.weights.get, self._pair_sums
        part_sums: dict[int, float] = {}
        totals = []
        for candidate in found:
            *shared, pair = candidate.parts
            total = 0.0
            for part in shared:
                value = part_sums.get(id(part))
                if value is None:
                    value = part_sums[id(part)] = sum(map(get, part, itertools.repeat(0.0)))
                total += value
            value = pair_sums.get(pair)
            if value is None:
                value = pair_sums[pair] = sum(map(get, pair, itertools.repeat(0.0)))
            totals.append(total + value)
        return totals

    def refine(self, drafts: Iterable[Draft], context: Document, settled: Container[int] = frozenset()) -> None:
        """Set each draft's content to its best candidate (the rules' span wins ties, being first), but for
        the drafts whose ``id`` is ``settled`` (their edges are the text's own), which still bound the others."""
        drafts = list(drafts)
        cues = [d.cue for d in drafts]
        for draft in drafts:
            if id(draft) in settled:
                continue
            found = candidates(draft, context, cues)
            if found:
                scores = self.scores(found)
                best = found[scores.index(max(scores))]  # the first of the best
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
            raise ArtifactMissing(f"content model not found at {path}; rebuild it with python -m "
                                  "newsledger.training.attribution_content --data <PolNeAR train> --out <file>")
        return cls(json.loads(gzip.decompress(Path(path).read_bytes()).decode("utf-8"))["weights"])


def config(path: Path = ARTIFACT) -> dict:
    """The training configuration and cross-validation figures stored with the artifact."""
    return json.loads(gzip.decompress(Path(path).read_bytes()).decode("utf-8"))["config"]


@lru_cache(maxsize=1)
def shipped() -> ContentModel:
    """The model shipped in the package, loaded once."""
    return load_shipped("attribution_content")
