"""Stance of a text toward a claim: agree, disagree, discuss (reports it without taking a side) or unrelated.

The model follows the strong simple FNC-1 systems (UCLMR's bag-of-words MLP, Athene's and the official
baseline's hand features): a claim and a text become their TF-IDF vectors (unigrams and bigrams, vocabulary
fitted on the FNC-1 train headlines and bodies) plus a few dozen dense features — cosine similarities of the
whole text, its lead and its sentences closest to the claim; how much of the claim's words and bigrams the text
repeats; and counts of refuting ("hoax", "denied", "fake"), hedging ("reportedly", "allegedly") and confirming
cue words, in the whole text and in the sentences that echo the claim. Two one-hidden-layer MLPs read them
(one the dense features only, one the 5,000 most frequent terms' TF-IDF of claim and text as well) and their
probabilities are averaged.

Everything inference needs (vocabulary, idf, feature scaling, MLP weights) ships in ``stance_model.npz``
(plain arrays, loaded with ``allow_pickle=False``), so predicting needs numpy and scipy only; scikit-learn is
needed to train (``newsledger bench stance --train``, ``pip install -e '.[train]'``).

Trained on FNC-1 train (``train_stances.csv`` + ``train_bodies.csv``); the dataset states no licence.
"""

from __future__ import annotations

import csv
import io
import math
import random
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import pairwise
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse

LABELS = ("agree", "disagree", "discuss", "unrelated")
MODEL_PATH = Path(__file__).with_name("stance_model.npz")
TRAINED_ON = "FNC-1 train_stances.csv + train_bodies.csv (no licence stated)"

# Function words dropped from the vocabulary; negations stay, they carry stance.
STOP_WORDS = frozenset(["a", "about", "above", "after", "again", "all", "am", "an", "and", "any", "are", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "did", "do", "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "me", "more", "most", "my", "myself", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own", "same", "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your", "yours", "yourself", "yourselves", "s", "t", "ll", "re", "ve", "d", "m", "o", "y"])
REFUTING = frozenset(["fake", "fakes", "faked", "fraud", "fraudulent", "hoax", "hoaxes", "hoaxed", "false", "falsely", "deny", "denies", "denied", "denial", "debunk", "debunks", "debunked", "debunking", "retract", "retracts", "retracted", "retraction", "untrue", "misleading", "fabricated", "fabrication", "bogus", "doubt", "doubts", "doubtful", "dubious", "myth", "nope", "despite", "satire", "satirical", "parody", "prank", "pranks", "joke", "phony", "rumours", "baseless", "unfounded", "refute", "refutes", "refuted", "refuting", "incorrect", "wrong", "dismissed", "dismisses", "dismiss", "reject", "rejects", "rejected", "photoshopped", "doctored", "scam", "contrary", "never", "nonsense", "erroneous"])
DISCUSS = frozenset(["reportedly", "allegedly", "alleged", "alleges", "according", "claim", "claims", "claimed", "claiming", "rumor", "rumored", "rumour", "rumoured", "rumors", "unconfirmed", "unverified", "purportedly", "purported", "apparently", "appears", "appear", "appeared", "may", "might", "could", "possibly", "possible", "suggest", "suggests", "suggested", "suspected", "believed", "speculation", "speculated", "supposedly", "report", "reports", "reported", "sources", "source", "whether", "if", "seems", "seemed", "likely", "unclear", "uncertain"])
CONFIRMING = frozenset(["confirmed", "confirms", "confirm", "confirming", "officially", "announced", "announces", "verified", "indeed", "revealed", "reveals", "true", "proof", "proves", "proved", "evidence", "shows", "showed", "footage", "video", "photos", "admitted", "admits", "acknowledged", "statement"])
NEGATIONS = frozenset(["not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "without", "cannot"])
CUE_SETS = (REFUTING, DISCUSS, CONFIRMING, NEGATIONS)

_WORD = re.compile(r"[a-z0-9]+")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+|\n+")
LEAD_SENTENCES = 3
TOP_SENTENCES = 3


# --- reading FNC-1 -------------------------------------------------------------------------------------------

def read_csv(path: Path) -> list[dict[str, str]]:
    """Rows of a CSV whose lines mix UTF-8 and Windows-1252 (FNC-1's files do), each line decoded on its own."""
    lines = []
    for raw in Path(path).read_bytes().split(b"\n"):
        try:
            lines.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            lines.append(raw.decode("cp1252", errors="replace"))
    return list(csv.DictReader(io.StringIO("\n".join(lines).lstrip("\ufeff"), newline="")))


def read_fnc(data_dir: Path, prefix: str = "train") -> tuple[list[tuple[str, str, str]], dict[str, str]]:
    """(headline, body id, stance) rows and the bodies by id, from ``PREFIX_stances.csv`` + ``PREFIX_bodies.csv``."""
    data_dir = Path(data_dir)
    stances = [(row["Headline"], row["Body ID"].strip(), row["Stance"].strip().lower())
               for row in read_csv(data_dir / f"{prefix}_stances.csv")]
    bodies = {row["Body ID"].strip(): row["articleBody"] for row in read_csv(data_dir / f"{prefix}_bodies.csv")}
    return stances, bodies


def dev_bodies(body_ids: Iterable[str], dev_fraction: float = 0.2, seed: int = 0) -> set[str]:
    """The body ids held out for dev: a seeded random fraction of bodies, so no dev body is ever trained on."""
    ids = sorted(set(body_ids), key=lambda b: (len(b), b))
    random.Random(seed).shuffle(ids)
    return set(ids[: round(dev_fraction * len(ids))])


def held_out(dev_fraction: float, seed: int) -> str:
    return f"fraction={dev_fraction} seed={seed}"


def parse_held_out(text: str) -> tuple[float, int]:
    fields = dict(item.split("=") for item in text.split())
    return float(fields["fraction"]), int(fields["seed"])


# --- text features -------------------------------------------------------------------------------------------

def tokens(text: str) -> list[str]:
    """Lower-cased word tokens, with "n't" read as "not" so negations survive."""
    text = text.lower().replace("’", "'").replace("n't", " not")
    return _WORD.findall(text)


def terms(words: Sequence[str]) -> list[str]:
    """Content unigrams and the bigrams of the content words' sequence: the vocabulary's units."""
    content = [w for w in words if w not in STOP_WORDS]
    return content + [f"{a} {b}" for a, b in pairwise(content)]


def sentences(text: str) -> list[str]:
    parts = [part.strip() for part in _SENTENCE_END.split(text)]
    return [part for part in parts if part] or [""]


@dataclass
class Vectorizer:
    """TF-IDF over a fixed vocabulary: sublinear tf, smoothed idf, rows L2-normalised (as scikit-learn's)."""

    vocabulary: dict[str, int]
    idf: np.ndarray

    @classmethod
    def fit(cls, documents: Iterable[list[str]], size: int) -> Vectorizer:
        documents = list(documents)
        df = Counter(term for doc in documents for term in set(doc))
        kept = sorted(df, key=lambda term: (-df[term], term))[:size]
        idf = np.array([math.log((1 + len(documents)) / (1 + df[term])) + 1 for term in kept], dtype=np.float32)
        return cls({term: i for i, term in enumerate(kept)}, idf)

    @cached_property
    def unigram_idf(self) -> dict[str, float]:
        """Idf of single words, to weigh a claim's words by how telling they are."""
        return {term: float(self.idf[i]) for term, i in self.vocabulary.items() if " " not in term}

    def transform(self, documents: Sequence[list[str]]) -> sparse.csr_matrix:
        rows, cols, values = [], [], []
        for row, doc in enumerate(documents):
            counts = Counter(self.vocabulary[t] for t in doc if t in self.vocabulary)
            rows.extend([row] * len(counts))
            cols.extend(counts)
            values.extend(1 + math.log(n) for n in counts.values())
        matrix = sparse.csr_matrix((np.asarray(values, dtype=np.float32), (rows, cols)),
                                   shape=(len(documents), len(self.vocabulary)))
        matrix = matrix.multiply(self.idf).tocsr()
        norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
        return sparse.diags(1 / np.maximum(norms, 1e-12)).dot(matrix).tocsr()


@dataclass
class Text:
    """What the features need from one text, computed once however many claims it is paired with."""

    words: list[str]
    content: set[str]
    bigrams: set[str]
    lead: set[str]
    vector: sparse.csr_matrix
    lead_vector: sparse.csr_matrix
    sentence_vectors: sparse.csr_matrix
    sentence_cues: np.ndarray  # sentences × cue sets: share of each sentence's words that are cues
    cues: np.ndarray


def _cue_rates(words: Sequence[str]) -> np.ndarray:
    n = max(len(words), 1)
    return np.array([sum(w in cue for w in words) / n for cue in CUE_SETS], dtype=np.float32)


def _bigrams(words: Sequence[str]) -> set[str]:
    content = [w for w in words if w not in STOP_WORDS]
    return {f"{a} {b}" for a, b in pairwise(content)}


def describe(texts: Sequence[str], vectorizer: Vectorizer) -> list[Text]:
    """Each text's words, vectors and cue counts, its sentences' too."""
    split = [sentences(text) for text in texts]
    sentence_words = [[tokens(s) for s in parts] for parts in split]
    flat = [words for parts in sentence_words for words in parts]
    sentence_matrix = vectorizer.transform([terms(words) for words in flat])
    words = [[w for s in parts for w in s] for parts in sentence_words]
    leads = [[w for s in parts[:LEAD_SENTENCES] for w in s] for parts in sentence_words]
    vectors = vectorizer.transform([terms(w) for w in words])
    lead_vectors = vectorizer.transform([terms(w) for w in leads])
    described, start = [], 0
    for i, parts in enumerate(sentence_words):
        end = start + len(parts)
        described.append(Text(
            words=words[i], content={w for w in words[i] if w not in STOP_WORDS}, bigrams=_bigrams(words[i]),
            lead={w for w in leads[i] if w not in STOP_WORDS}, vector=vectors[i], lead_vector=lead_vectors[i],
            sentence_vectors=sentence_matrix[start:end], cues=_cue_rates(words[i]),
            sentence_cues=np.array([_cue_rates(s) for s in parts], dtype=np.float32)))
        start = end
    return described


def pair_features(claim: Text, text: Text, idf: dict[str, float]) -> list[float]:
    """Dense features of one (claim, text) pair: similarity and overlap, then cue rates where they matter."""
    sims = text.sentence_vectors.dot(claim.vector.T).toarray().ravel()
    top = np.argsort(-sims)[:TOP_SENTENCES]
    shared = claim.content & text.content
    claim_weight = sum(idf.get(w, 1.0) for w in claim.content) or 1.0
    n_claim = max(len(claim.content), 1)
    return [
        float(claim.vector.multiply(text.vector).sum()),
        float(claim.vector.multiply(text.lead_vector).sum()),
        float(sims.max()),
        float(sims[top].mean()),
        float(np.sort(sims)[-2] if len(sims) > 1 else 0.0),
        len(shared) / n_claim,
        len(claim.content & text.lead) / n_claim,
        len(claim.bigrams & text.bigrams) / max(len(claim.bigrams), 1),
        sum(idf.get(w, 1.0) for w in shared) / claim_weight,
        len(shared) / max(len(claim.content | text.content), 1),
        math.log1p(len(claim.words)),
        math.log1p(len(text.words)),
        math.log1p(len(text.sentence_cues)),
        *claim.cues,
        *(claim.cues > 0),
        *text.cues,
        *text.sentence_cues[top].mean(axis=0),
        *text.sentence_cues[top].max(axis=0),
        *text.sentence_cues[:LEAD_SENTENCES].mean(axis=0),
    ]


FEATURE_NAMES = (
    ["cos", "cos_lead", "cos_sent_max", "cos_sent_top", "cos_sent_2nd", "overlap", "overlap_lead",
     "bigram_overlap", "idf_overlap", "jaccard", "claim_len", "text_len", "text_sentences"]
    + [f"{where}_{cue}" for where in ("claim", "claim_has", "text", "top_mean", "top_max", "lead")
       for cue in ("refute", "discuss", "confirm", "negate")]
)


# --- the model -----------------------------------------------------------------------------------------------

@dataclass
class Member:
    """One MLP of the ensemble; it reads the dense features, after the ``bow`` most frequent terms' TF-IDF of
    claim and text when ``bow`` > 0."""

    layers: list[tuple[np.ndarray, np.ndarray]]
    bow: int = 0


@dataclass
class StanceModel:
    """TF-IDF vectors and dense pair features, read by an ensemble of one-hidden-layer MLPs whose
    probabilities are averaged: a dense-only member generalises to unseen topics, a bag-of-words one
    (UCLMR-style) learns cue words the hand lists miss; together they beat either on held-out topics."""

    vectorizer: Vectorizer
    mean: np.ndarray
    scale: np.ndarray
    members: list[Member]
    trained_on: str = TRAINED_ON
    held_out: str = ""  # the dev split kept out of training ("fraction=0.2 seed=0"), empty when trained on all

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> StanceModel:
        with np.load(path, allow_pickle=False) as data:
            vocabulary = {term: i for i, term in enumerate(data["vocabulary"].tolist())}
            members = []
            for m in range(int(data["members"])):
                layers = [(data[f"m{m}_w{i}"].astype(np.float32), data[f"m{m}_b{i}"])
                          for i in range(int(data[f"m{m}_depth"]))]
                members.append(Member(layers, int(data[f"m{m}_bow"])))
            return cls(Vectorizer(vocabulary, data["idf"]), data["mean"], data["scale"], members,
                       str(data["trained_on"]), str(data["held_out"]))

    def save(self, path: Path = MODEL_PATH) -> None:
        """Plain arrays only (weight matrices as float16 to keep the file small), readable without pickle."""
        arrays: dict[str, np.ndarray] = {}
        for m, member in enumerate(self.members):
            arrays[f"m{m}_depth"], arrays[f"m{m}_bow"] = np.array(len(member.layers)), np.array(member.bow)
            for i, (w, b) in enumerate(member.layers):
                arrays[f"m{m}_w{i}"], arrays[f"m{m}_b{i}"] = w.astype(np.float16), b.astype(np.float32)
        vocabulary = sorted(self.vectorizer.vocabulary, key=self.vectorizer.vocabulary.get)
        np.savez_compressed(path, vocabulary=np.array(vocabulary), idf=self.vectorizer.idf, mean=self.mean,
                            scale=self.scale, members=np.array(len(self.members)),
                            trained_on=np.array(self.trained_on), held_out=np.array(self.held_out), **arrays)

    def inputs(self, claims: Sequence[str], texts: Sequence[str]) -> tuple[sparse.csr_matrix, sparse.csr_matrix,
                                                                             np.ndarray]:
        """Claim TF-IDF rows, text TF-IDF rows and raw dense features; each distinct text is described once."""
        claim_index, text_index = _index(claims), _index(texts)
        claim_info = describe(list(claim_index), self.vectorizer)
        text_info = describe(list(text_index), self.vectorizer)
        idf = self.vectorizer.unigram_idf
        c = [claim_index[claim] for claim in claims]
        t = [text_index[text] for text in texts]
        dense = np.array([pair_features(claim_info[i], text_info[j], idf) for i, j in zip(c, t)], dtype=np.float32)
        claim_vectors = sparse.vstack([info.vector for info in claim_info]).tocsr()[c]
        text_vectors = sparse.vstack([info.vector for info in text_info]).tocsr()[t]
        return claim_vectors, text_vectors, dense.reshape(len(c), len(FEATURE_NAMES))

    def member_input(self, member: Member, claim_vectors: sparse.csr_matrix, text_vectors: sparse.csr_matrix,
                     dense: np.ndarray) -> sparse.csr_matrix:
        scaled = sparse.csr_matrix((dense - self.mean) / self.scale)
        if not member.bow:
            return scaled
        return sparse.hstack([claim_vectors[:, :member.bow], text_vectors[:, :member.bow], scaled]).tocsr()

    def predict_proba(self, claims: Sequence[str], texts: Sequence[str]) -> np.ndarray:
        """Rows of probabilities in ``LABELS`` order, one per (claim, text) pair."""
        if len(claims) != len(texts):
            raise ValueError(f"{len(claims)} claims but {len(texts)} texts")
        if not claims:
            return np.zeros((0, len(LABELS)), dtype=np.float32)
        parts = self.inputs(claims, texts)
        return np.mean([forward(m.layers, self.member_input(m, *parts)) for m in self.members], axis=0)

    def predict(self, claims: Sequence[str], texts: Sequence[str]) -> list[str]:
        return [LABELS[i] for i in self.predict_proba(claims, texts).argmax(axis=1)]


def forward(layers: list[tuple[np.ndarray, np.ndarray]], x: Any) -> np.ndarray:
    """ReLU hidden layers, softmax output."""
    for w, b in layers[:-1]:
        x = np.maximum(x @ w + b, 0)
    w, b = layers[-1]
    z = np.asarray(x @ w + b)
    z = np.exp(z - z.max(axis=1, keepdims=True))
    return z / z.sum(axis=1, keepdims=True)


def _index(items: Sequence[str]) -> dict[str, int]:
    return {item: i for i, item in enumerate(dict.fromkeys(items))}


# --- training ------------------------------------------------------------------------------------------------

VOCABULARY_SIZE = 10_000
BOW_SIZE = 5_000
MEMBERS = ({"bow": 0, "max_iter": 50}, {"bow": BOW_SIZE, "max_iter": 20})


def fit(rows: Sequence[tuple[str, str, str]], bodies: dict[str, str], seed: int = 0) -> StanceModel:
    """A model fitted on (headline, body id, stance) rows: vocabulary from their headlines and bodies, then
    each member MLP (scikit-learn's, its weights copied out)."""
    import warnings

    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPClassifier

    used = sorted({b for _, b, _ in rows})
    documents = [terms(tokens(h)) for h in dict.fromkeys(h for h, _, _ in rows)] + [terms(tokens(bodies[b])) for b in used]
    model = StanceModel(Vectorizer.fit(documents, VOCABULARY_SIZE), np.zeros(0), np.ones(0), [])
    claim_vectors, text_vectors, dense = model.inputs([h for h, _, _ in rows], [bodies[b] for _, b, _ in rows])
    model.mean, model.scale = dense.mean(axis=0), dense.std(axis=0) + 1e-6
    y = np.array([LABELS.index(s) for _, _, s in rows])
    for settings in MEMBERS:
        member = Member([], settings["bow"])
        x = model.member_input(member, claim_vectors, text_vectors, dense)
        classifier = MLPClassifier(hidden_layer_sizes=(100,), alpha=1e-4, batch_size=500,
                                   max_iter=settings["max_iter"], random_state=seed)
        with warnings.catch_warnings():  # a fixed epoch budget (as UCLMR's) rather than convergence
            warnings.simplefilter("ignore", ConvergenceWarning)
            classifier.fit(x, y)
        member.layers = [(w.astype(np.float32), b.astype(np.float32))
                         for w, b in zip(classifier.coefs_, classifier.intercepts_)]
        model.members.append(member)
    return model


def train(data_dir: Path, out: Path = MODEL_PATH, dev_fraction: float = 0.2, seed: int = 0,
          refit: bool = True) -> dict[str, Any]:
    """Fit on FNC-1 train less a held-out fraction of bodies, score that dev split, then (``refit``) fit again
    on all of train and save. The split is by body id, so a dev body's text is never trained on."""
    import time

    from newsledger.bench.stance import score

    stances, bodies = read_fnc(data_dir)
    held = dev_bodies(bodies, dev_fraction, seed)
    train_rows = [row for row in stances if row[1] not in held]
    dev_rows = [row for row in stances if row[1] in held]
    started = time.perf_counter()
    model = fit(train_rows, bodies, seed)
    fitted = time.perf_counter() - started
    predicted = model.predict([h for h, _, _ in dev_rows], [bodies[b] for _, b, _ in dev_rows])
    dev = score([s for _, _, s in dev_rows], predicted)
    if refit:
        model = fit(stances, bodies, seed)
    else:
        model.held_out = held_out(dev_fraction, seed)
    model.save(out)
    return {"train_pairs": len(train_rows), "dev_pairs": len(dev_rows), "dev_bodies": len(held),
            "dev_fraction": dev_fraction, "seed": seed, "fit_seconds": round(fitted, 1), "dev": dev,
            "refit_on_all_train": refit, "saved": str(out), "bytes": Path(out).stat().st_size}
