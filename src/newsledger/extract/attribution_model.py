"""A learned cue detector for attribution, trained on PolNeAR TRAIN.

PolNeAR marks as cues many predicates beyond speech verbs ("has been ratcheting up his critique of", "is of
interest"), often several words long, which a lexicon cannot list. A logistic-regression tagger decides for
every token outside quotations whether it belongs to a cue, from features of the parse already computed
(lemma, tag, dependency, governor, dependents, neighbours) plus what the lexicon rules propose; runs of cue
tokens become cues, and the rules in ``attribution`` build source and content around them. Inference is a
sum of feature weights read from a small JSON artifact, so it needs neither scikit-learn nor a second
network. ``train`` rebuilds the artifact from a PolNeAR-layout folder (scikit-learn needed only there).
"""

from __future__ import annotations

import gzip
import itertools
import json
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from newsledger.extract.reading import reading

Fragments = tuple[tuple[int, int], ...]

ARTIFACT = Path(__file__).with_name("attribution_model")
WEIGHTS = "cue_weights.json.gz"  # gzip: the plain JSON is 3 MB, compressed under 1 MB
CONFIG = "config.json"

#: Dependents whose label, joined to the lemma, tells a predicate's frame ("say|ccomp", "critique|prep").
_FRAME_DEPS = frozenset(("ccomp", "xcomp", "dobj", "prep", "nsubj", "nsubjpass", "agent", "pobj", "attr", "acomp"))
#: Dependents whose lemma, joined to the word's, tells whether it is a cue: the object of a preposition
#: ("in | poll" against "in | statement"), the predicate of a copula ("is | adamant that").
_NAMING_DEPS = frozenset(("pobj", "acomp", "attr"))


class ArtifactMissing(RuntimeError):
    """The trained weights are not in the package; rebuild them with ``train``."""


# --- features ----------------------------------------------------------------------------------------------

class Sheet:
    """The tagger's view of a doc: its reading (``reading.reading``) with the quotation, rule and content flags
    of every token."""

    def __init__(self, doc: Doc, quoted: Sequence[bool], rule_cue: Sequence[str], lexicon: frozenset[str],
                 reported: Sequence[bool]):
        read = reading(doc)
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
                f"attribution cue model not found at {path}; rebuild it with "
                "newsledger.extract.attribution_model.train(<PolNeAR train dir>, <folder>)"
            )
        payload = json.loads(gzip.decompress(path.read_bytes()).decode("utf-8"))
        return cls(payload["weights"], payload["threshold"])


#: How many distinct tokens' own sums the tagger keeps before it starts again.
_MAX_OWN_SUMS = 200_000


@lru_cache(maxsize=1)
def shipped() -> CueModel:
    """The model shipped in the package, loaded once."""
    return CueModel.read(ARTIFACT)


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


# --- training ----------------------------------------------------------------------------------------------

#: Hyperparameters of the shipped model, chosen by cross-validation on PolNeAR TRAIN folds.
#: ``prune`` drops weights smaller than it, which keeps the artifact under 5 MB at no measured cost.
#: ``average``: the mean of the SGD iterates, not the last one. The last iterate moved with the seed (exact
#: content F1 on one fold 0.522-0.530 over three seeds, 300 predictions more or less); the mean is stable and
#: better (5-fold CV exact content 0.544 -> 0.550, exact cue 0.658 -> 0.669; overlap cue 0.640 -> 0.632).
DEFAULTS = {"alpha": 1e-5, "epochs": 15, "min_count": 2, "prune": 0.03, "threshold": 0.4, "seed": 0,
            "average": True}

LICENCE_NOTE = (
    "Trained on PolNeAR (Newell, Margolin & Ruths, LREC 2018), TRAIN split only. The corpus states no licence; "
    "it is a research corpus of news articles. The weights are derived statistics, not the texts."
)


def training_record(description: str, train_dir: Path, articles: Sequence, params: dict,
                    weights: dict[str, float]) -> dict[str, Any]:
    """What an artifact's config says of its training: the model, the data it saw, its settings, its size."""
    return {"model": description,
            "data": {"train_dir": str(train_dir), "articles": len(articles),
                     "annotation_files": sum(len(a.annotations) for a in articles)},
            "params": params, "features": len(weights)}


def train(train_dir: Path, out: Path = ARTIFACT, folds: int = 5, **overrides) -> dict:
    """Fit the cue model on a PolNeAR-layout folder (TRAIN only: never dev or test) and write it with its
    config to ``out``. With ``folds`` > 1, the attribution benchmark is first run on held-out document folds
    of that same folder, which the result reports. Deterministic for a given ``seed``."""
    params = {**DEFAULTS, **overrides}
    articles, docs, per_doc = _training_data(train_dir)
    validation = _cross_validate(articles, docs, per_doc, folds, params) if folds > 1 else None
    model = CueModel(_fit_docs(per_doc, range(len(docs)), params), params["threshold"])
    model.save(Path(out))
    config = {
        **training_record("logistic-regression cue tagger over spaCy parse features "
                          "(newsledger.extract.attribution_model)", train_dir, articles, params, model.weights),
        "cross_validation": validation,
        "licence": LICENCE_NOTE,
    }
    (Path(out) / CONFIG).write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
    return config


def cross_validate(train_dir: Path, folds: int = 5, **overrides) -> dict:
    """The cross-validation ``train`` reports, without fitting or saving the model the package ships: to
    measure a change of the rules, or the extractor against the annotators' own agreement, on TRAIN only."""
    if folds < 2:
        raise ValueError(f"cross-validation needs at least 2 folds, not {folds}")
    params = {**DEFAULTS, **overrides}
    articles, docs, per_doc = _training_data(train_dir)
    return {"data": {"train_dir": str(train_dir), "articles": len(articles)}, "params": params,
            "cross_validation": _cross_validate(articles, docs, per_doc, folds, params)}


def _training_data(train_dir: Path) -> tuple[list, list[Doc], list]:
    """A PolNeAR-layout folder's articles, their parses and their feature rows."""
    from newsledger.annotate.nlp import load
    from newsledger.bench.attribution import load_articles

    articles = load_articles(Path(train_dir))
    docs = list(load().pipe((a.text for a in articles), batch_size=32))
    return articles, docs, [_doc_examples(doc, article) for doc, article in zip(docs, articles, strict=True)]


def _doc_examples(doc: Doc, article) -> list[tuple[list[list[str]], list[bool]]]:
    """One set of rows per annotator file (doubly annotated articles teach both readings)."""
    return [examples(doc, [g.cue for g in gold]) for gold in article.annotations]


def _fit_docs(per_doc: list, chosen: Iterable[int], params: dict) -> dict[str, float]:
    rows, labels = [], []
    for n in chosen:
        for doc_rows, doc_labels in per_doc[n]:
            rows += doc_rows
            labels += doc_labels
    return fit(rows, labels, params["alpha"], params["epochs"], params["min_count"], params["prune"], params["seed"],
               params["average"])


def _cross_validate(articles: list, docs: list[Doc], per_doc: list, folds: int, params: dict) -> dict:
    """Overlap and exact F1 of the whole extractor on each held-out fold of documents, pooled; and, on the
    articles that several annotators marked, the same figures beside the annotators' agreement with each
    other (the ceiling the data allows), which is a fair comparison only here, where the system is held out."""
    import random

    from newsledger.bench.attribution import Counts, annotator_agreement, score_article
    from newsledger.extract.attribution import extract_attributions

    order = list(range(len(docs)))
    random.Random(params["seed"]).shuffle(order)
    total, several = Counts(), Counts()
    for k in range(folds):
        held = set(order[k::folds])
        model = CueModel(_fit_docs(per_doc, [n for n in order if n not in held], params), params["threshold"])
        for n in sorted(held):
            counts = score_article(docs[n], articles[n], extract_attributions(docs[n], articles[n].name, model=model))
            total.merge(counts)
            if len(articles[n].annotations) > 1:
                several.merge(counts)
    result: dict[str, Any] = {"folds": folds, "scores": total.table()}
    marked = [n for n in range(len(docs)) if len(articles[n].annotations) > 1]
    if marked:
        agreement = annotator_agreement([articles[n] for n in marked], [docs[n] for n in marked])
        result["several_annotators"] = {"articles": len(marked), "scores": several.table(),
                                        "annotators": agreement.table()}
    return result


def examples(doc: Doc, gold_cues: Iterable[Fragments]) -> tuple[list[list[str]], list[bool]]:
    """Feature rows and cue labels for the tokens the model tags (outside quotations, not whitespace)."""
    from newsledger.extract.attribution import proposals_and_context, sheet_for

    context, proposed = proposals_and_context(doc)
    sheet = sheet_for(doc, context, proposed)
    inside = labelled(doc, gold_cues)
    kept = [i for i in range(sheet.n) if weighed(sheet, i)]
    return [features(sheet, i) for i in kept], [inside[i] for i in kept]


def labelled(doc: Doc, gold_cues: Iterable[Fragments]) -> list[bool]:
    """Which tokens lie in a gold cue (cues given as character fragments)."""
    inside = [False] * len(doc)
    for fragments in gold_cues:
        for start, end in fragments:
            for token in doc.char_span(start, end, alignment_mode="expand") or ():
                inside[token.i] = True
    return inside


def fit(rows: list[list[str]], labels: list[bool], alpha: float, epochs: int, min_count: int, prune: float,
        seed: int, average: bool = True) -> dict[str, float]:
    """Logistic-regression weights (SGD, seeded; the mean of its iterates when ``average``) for features seen
    at least ``min_count`` times, rounded and without those below ``prune``; the bias is folded into the
    always-on feature "b"."""
    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import SGDClassifier

    counts = Counter(f for row in rows for f in set(row))
    vocab = {f: n for n, f in enumerate(sorted(f for f, k in counts.items() if k >= min_count))}
    indices, indptr = [], [0]
    for row in rows:
        indices.extend(sorted({vocab[f] for f in row if f in vocab}))
        indptr.append(len(indices))
    matrix = csr_matrix((np.ones(len(indices)), indices, indptr), shape=(len(rows), len(vocab)))
    model = SGDClassifier(loss="log_loss", alpha=alpha, max_iter=epochs, tol=None, random_state=seed,
                          average=average)
    model.fit(matrix, np.array(labels))
    weights = {f: round(float(model.coef_[0][n]), 3) for f, n in vocab.items()}
    weights["b"] = round(weights.get("b", 0.0) + float(model.intercept_[0]), 3)
    return {f: w for f, w in weights.items() if abs(w) >= prune or f == "b"}
