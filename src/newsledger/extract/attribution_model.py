"""A learned cue detector for attribution, trained on PolNeAR TRAIN.

PolNeAR marks as cues many predicates beyond speech verbs ("has been ratcheting up his critique of", "is of
interest"), often several words long, which a lexicon cannot list. A logistic-regression tagger decides for
every token outside quotations whether it belongs to a cue, from features of the parse already computed
(lemma, tag, dependency, governor, dependents, neighbours) plus what the lexicon rules propose; runs of cue
tokens become cues, and the rules in ``attribution`` build source and content around them. Inference is a
sum of feature weights read from a small JSON artifact, so it needs neither scikit-learn nor a second
network. ``python -m newsledger.training.attribution_cues`` rebuilds the artifact from a PolNeAR-layout folder
(scikit-learn needed only there).
"""

from __future__ import annotations

import gzip
import itertools
import json
import math
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from newsledger.extract.reading import Reading
from newsledger.shipped import load as load_shipped

ARTIFACT = Path(__file__).with_name("attribution_model")
WEIGHTS = "cue_weights.json.gz"  # gzip: the plain JSON is 3 MB, compressed under 1 MB
CONFIG = "config.json"

#: Dependents whose label, joined to the lemma, tells a predicate's frame ("say|ccomp", "critique|prep").
_FRAME_DEPS = frozenset(("ccomp", "xcomp", "dobj", "prep", "nsubj", "nsubjpass", "agent", "pobj", "attr", "acomp"))
#: Dependents whose lemma, joined to the word's, tells whether it is a cue: the object of a preposition
#: ("in | poll" against "in | statement"), the predicate of a copula ("is | adamant that").
_NAMING_DEPS = frozenset(("pobj", "acomp", "attr"))


class ArtifactMissing(RuntimeError):
    """The trained weights are not in the package; rebuild them with ``training.attribution_cues``."""


# --- features ----------------------------------------------------------------------------------------------

class Sheet:
    """The tagger's view of a doc: its reading (``reading.Reading``) with the quotation, rule and content flags
    of every token."""

    def __init__(self, read: Reading, quoted: Sequence[bool], rule_cue: Sequence[str], lexicon: frozenset[str],
                 reported: Sequence[bool]):
        self.n = read.n
        self.lower, self.lemma, self.pos, self.dep, self.ent = read.lower, read.lemma, read.pos, read.dep, read.ent
        self.head, self.space, self.first = read.head, read.space, read.sent_start
        self.quoted = quoted
        self.rule = rule_cue
        self.reported = reported
        self.lexical = [lemma in lexicon for lemma in self.lemma]
        self.children: list[list[int]] = [[] for _ in range(self.n)]
        for i, head in enumerate(self.head):
            if head != i:
                self.children[head].append(i)


#: Parts of speech PolNeAR's cues almost never are: pronouns, determiners, numbers, conjunctions and
#: punctuation but the colon (on dev, 29 of the 2,900 tokens the tagger marked, 12 of them inside a cue, which
#: the gap filling of ``CueModel.tag`` keeps); skipping them saves 30% of the tokens the tagger weighs. Names
#: stay weighed: skipping them too saved 12% more, but cut "wrote on Twitter" to "wrote on".
_NEVER_CUES = frozenset(("PRON", "DET", "NUM", "CCONJ", "PUNCT", "SYM", "X", "INTJ", "SPACE"))


def weighed(sheet: Sheet, i: int) -> bool:
    """Whether the tagger weighs token ``i``: not quoted, not whitespace, and of a part of speech that cues
    take, or proposed by the rules, or a colon (PolNeAR's cue "said:" takes it in)."""
    return not sheet.quoted[i] and not sheet.space[i] and (
        sheet.pos[i] not in _NEVER_CUES or bool(sheet.rule[i]) or sheet.lower[i] == ":")


def features(sheet: Sheet, i: int) -> list[str]:
    """The cue features of token ``i``: itself, whether it opens its sentence, its governor chain up to the
    nearest verb, its dependents (with the lemma of a preposition's object or a copula's predicate) and its
    neighbours, whether the lexicon rules put it in a cue (and on which side they found the
    content), and whether it lies in the content of another proposed cue."""
    return _own(*_own_key(sheet, i)) + _in_context(sheet, i)


def _own_key(sheet: Sheet, i: int) -> tuple[str, str, str, str, str, str, bool]:
    """What the features of token ``i`` alone read: many tokens share it, so the tagger sums their weights once."""
    return sheet.lower[i], sheet.lemma[i], sheet.pos[i], sheet.dep[i], sheet.ent[i], sheet.rule[i], sheet.lexical[i]


def _own(lower: str, lemma: str, pos: str, dep: str, ent: str, rule: str, lexical: bool) -> list[str]:
    """The features of a token by itself: its word, lemma, tag, dependency, entity, and the rules' say."""
    return ["b", "w=" + lower, "l=" + lemma, "p=" + pos, "d=" + dep, "lp=" + lemma + "|" + pos,
            "ld=" + lemma + "|" + dep, "e=" + ent, "r=" + rule + pos, "x=" + str(lexical) + pos, "rd=" + rule + dep]


def _in_context(sheet: Sheet, i: int) -> list[str]:
    """The features of token ``i`` among the others: its governor, dependents, neighbours and anchor verb."""
    lemma, dep, head = sheet.lemma[i], sheet.dep[i], sheet.head[i]
    h_lemma = sheet.lemma[head] if head != i else "<root>"
    found = [
        "hl=" + h_lemma, "hp=" + sheet.pos[head], "hd=" + sheet.dep[head], "dhl=" + dep + "|" + h_lemma,
        "lhl=" + lemma + "|" + h_lemma, "hr=" + sheet.rule[head], "hx=" + str(sheet.lexical[head]) + dep,
        "ic=" + str(sheet.reported[i]) + sheet.rule[head] + dep,
    ]
    if sheet.lexical[i]:  # "…, reported The Wall Street Journal": a post-posed cue between comma and name
        before = sheet.lower[i - 1] if i > 0 else "<s>"
        found.append("xp=" + before + "|" + (sheet.pos[i + 1] if i + 1 < sheet.n else "</s>"))
    if sheet.first[i]:  # "In a new poll, …", "For Republican voters, …": a phrase opening its sentence
        found.append("s0=" + sheet.lower[i])
    for child in sheet.children[i]:
        c_dep = sheet.dep[child]
        found.append("c=" + c_dep)
        if c_dep in _FRAME_DEPS:
            found.append("lc=" + lemma + "|" + c_dep)
            if c_dep == "prep":
                found.append("lcp=" + lemma + "|" + sheet.lower[child])
            elif c_dep in _NAMING_DEPS:  # "in | poll" speaks, "in | statement" is a medium; "is | adamant"
                found.append("lcl=" + lemma + "|" + sheet.lemma[child])
    found += _neighbours(sheet, i) + _anchor(sheet, i)
    return found


def _neighbours(sheet: Sheet, i: int) -> list[str]:
    prev_l = sheet.lemma[i - 1] if i > 0 else "<s>"
    next_l = sheet.lemma[i + 1] if i + 1 < sheet.n else "</s>"
    prev_p = sheet.pos[i - 1] if i > 0 else "<s>"
    next_p = sheet.pos[i + 1] if i + 1 < sheet.n else "</s>"
    return [
        "l-1=" + prev_l, "l+1=" + next_l, "p-1=" + prev_p, "p+1=" + next_p,
        "ll-1=" + prev_l + "|" + sheet.lemma[i], "ll+1=" + sheet.lemma[i] + "|" + next_l,
        "pp=" + prev_p + "|" + sheet.pos[i] + "|" + next_p,
        "r-1=" + (sheet.rule[i - 1] if i > 0 else ""), "r+1=" + (sheet.rule[i + 1] if i + 1 < sheet.n else ""),
        "w-1=" + (sheet.lower[i - 1] if i > 0 else "<s>"), "w+1=" + (sheet.lower[i + 1] if i + 1 < sheet.n else "</s>"),
        "l-2=" + (sheet.lemma[i - 2] if i > 1 else "<s>"), "l+2=" + (sheet.lemma[i + 2] if i + 2 < sheet.n else "</s>"),
    ]


def _anchor(sheet: Sheet, i: int) -> list[str]:
    """The path of dependency labels up to the nearest verb ("critique" -> "dobj"), with that verb's lemma:
    the words of a multi-word cue hang off its verb."""
    path, j = [], i
    for _ in range(3):
        if sheet.pos[j] in ("VERB", "AUX") and j != i:
            break
        path.append(sheet.dep[j])
        if sheet.head[j] == j:
            return ["path=" + ">".join(path) + "|root"]
        j = sheet.head[j]
    joined = ">".join(path)
    return ["path=" + joined, "pathl=" + joined + "|" + sheet.lemma[j], "pathx=" + joined + "|" + sheet.rule[j]]


# --- the model ---------------------------------------------------------------------------------------------

class CueModel:
    """Logistic-regression weights over string features, and the probability above which a token is cue."""

    def __init__(self, weights: dict[str, float], threshold: float):
        self.weights = weights
        self.threshold = threshold
        self._margin = math.log(threshold / (1 - threshold))
        self._own_sums: dict[tuple, float] = {}  # a token's own features' weight sum, by what they read

    def tag(self, sheet: Sheet) -> list[bool]:
        """Cue membership of every token: the weighed ones (``weighed``) by their features; a word between two
        cue tokens of one sentence that is not weighed ("made | the | case") joins them (a comma, a line break
        or a sentence start does not: "said, adding")."""
        get, margin, zero = self.weights.get, self._margin, itertools.repeat(0.0)
        if len(self._own_sums) > _MAX_OWN_SUMS:  # a long run over a large archive meets new words without end
            self._own_sums.clear()
        tags = [weighed(sheet, i) and self._own_sum(_own_key(sheet, i)) + sum(map(get, _in_context(sheet, i), zero))
                > margin for i in range(sheet.n)]
        for i in range(1, sheet.n - 1):
            if (tags[i - 1] and tags[i + 1] and not tags[i] and sheet.pos[i] != "PUNCT" and not sheet.space[i]
                    and not sheet.quoted[i] and not sheet.first[i] and not sheet.first[i + 1]
                    and not weighed(sheet, i)):
                tags[i] = True
        return tags

    def _own_sum(self, key: tuple) -> float:
        found = self._own_sums.get(key)
        if found is None:
            found = self._own_sums[key] = sum(map(self.weights.get, _own(*key), itertools.repeat(0.0)))
        return found

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        payload = {"threshold": self.threshold, "weights": dict(sorted(self.weights.items()))}
        data = json.dumps(payload, separators=(",", ":")).encode("utf-8")
        (folder / WEIGHTS).write_bytes(gzip.compress(data, mtime=0))  # mtime 0: the same model, the same bytes

    @classmethod
    def read(cls, folder: Path) -> CueModel:
        path = folder / WEIGHTS
        if not path.exists():
            raise ArtifactMissing(
                f"attribution cue model not found at {path}; rebuild it with python -m "
                "newsledger.training.attribution_cues --data <PolNeAR train dir> --out <folder>"
            )
        payload = json.loads(gzip.decompress(path.read_bytes()).decode("utf-8"))
        return cls(payload["weights"], payload["threshold"])


#: How many distinct tokens' own sums the tagger keeps before it starts again.
_MAX_OWN_SUMS = 200_000


@lru_cache(maxsize=1)
def shipped() -> CueModel:
    """The model shipped in the package, loaded once."""
    return load_shipped("attribution_cues")


def runs(tags: Sequence[bool]) -> list[tuple[int, int]]:
    """Maximal runs of cue tokens as token ranges."""
    spans, start = [], None
    for i, tag in enumerate([*tags, False]):
        if tag and start is None:
            start = i
        elif not tag and start is not None:
            spans.append((start, i))
            start = None
    return spans
