"""Stance of a text toward a claim: agree, disagree, discuss (reports it without taking a side) or unrelated.

The model follows the strong simple FNC-1 systems (the official baseline's and Athene's hand features,
UCLMR's one-hidden-layer MLP): a claim and a text become a few dozen dense features — TF-IDF cosine
similarities of the whole text, its lead and its sentences closest to the claim (unigrams and bigrams,
vocabulary fitted on the FNC-1 train headlines and bodies); a cosine and idf-weighted overlaps over all words,
where a word the vocabulary never saw weighs as the rarest (a new topic's names are what tie a claim to a
text); how much of the claim the best sentences and the first 255 characters repeat; counts of refuting
("hoax", "denied", "fake"), hedging ("reportedly", "allegedly") and confirming cue words, in the whole text and
in the sentences that echo the claim; whether the claim is a question or quotes someone. MLPs trained with
three seeds read them and their probabilities are averaged.

Generalisation is measured on a split by topic (``evaluation.fnc.split_rows``): whole connected components of the
headline–body graph are held out, so no dev headline or body is trained on, as in the competition test.

Everything inference needs (vocabulary, idf, feature scaling, MLP weights) ships in ``stance_model.npz``
(plain arrays, loaded with ``allow_pickle=False``), so predicting needs numpy and scipy only; scikit-learn is
needed to train (``python -m newsledger.training.stance``, ``pip install -e '.[train]'``).

Trained on FNC-1 train (``train_stances.csv`` + ``train_bodies.csv``); the dataset states no licence.
"""

from __future__ import annotations

import math
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

    @cached_property
    def unseen_idf(self) -> float:
        """The idf given to a word outside the vocabulary: the rarest's. A new topic's names are what tie a
        claim to a text, so they must weigh most, not least."""
        return float(self.idf.max())

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
    content: Counter[str]
    bigrams: set[str]
    lead: set[str]
    head: set[str]  # content words of the first 255 characters
    sentence_content: list[set[str]]
    vector: sparse.csr_matrix
    lead_vector: sparse.csr_matrix
    sentence_vectors: sparse.csr_matrix
    sentence_cues: np.ndarray  # sentences × cue sets: share of each sentence's words that are cues
    cues: np.ndarray
    questions: int
    quoted: bool


HEAD_CHARACTERS = 255
QUOTES = "\"“‘"


def _cue_rates(words: Sequence[str]) -> np.ndarray:
    n = max(len(words), 1)
    return np.array([sum(w in cue for w in words) / n for cue in CUE_SETS], dtype=np.float32)


def _content(words: Iterable[str]) -> list[str]:
    return [w for w in words if w not in STOP_WORDS]


def _bigrams(words: Sequence[str]) -> set[str]:
    return {f"{a} {b}" for a, b in pairwise(_content(words))}


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
            words=words[i], content=Counter(_content(words[i])), bigrams=_bigrams(words[i]),
            lead=set(_content(leads[i])), head=set(_content(tokens(texts[i][:HEAD_CHARACTERS]))),
            sentence_content=[set(_content(s)) for s in parts], vector=vectors[i], lead_vector=lead_vectors[i],
            sentence_vectors=sentence_matrix[start:end], cues=_cue_rates(words[i]),
            sentence_cues=np.array([_cue_rates(s) for s in parts], dtype=np.float32),
            questions=texts[i].count("?"), quoted=any(q in texts[i] for q in QUOTES)))
        start = end
    return described


def _idf_cosine(claim: Counter[str], text: Counter[str], weight: Any) -> float:
    """Cosine of sublinear tf × idf vectors over all words, unseen ones included (the vocabulary's cosines
    miss a new topic's names)."""
    def norm(counts: Counter[str]) -> float:
        return math.sqrt(sum(((1 + math.log(n)) * weight(w)) ** 2 for w, n in counts.items())) or 1.0

    shared = sum((1 + math.log(n)) * (1 + math.log(text[w])) * weight(w) ** 2 for w, n in claim.items() if w in text)
    return shared / (norm(claim) * norm(text))


def pair_features(claim: Text, text: Text, vectorizer: Vectorizer) -> list[float]:
    """Dense features of one (claim, text) pair: similarity and overlap (unseen words weighed as the rarest),
    then cue rates where they matter and the claim's own form (a question, a quote)."""
    idf, unseen = vectorizer.unigram_idf, vectorizer.unseen_idf

    def weight(word: str) -> float:
        return idf.get(word, unseen)

    sims = text.sentence_vectors.dot(claim.vector.T).toarray().ravel()
    top = np.argsort(-sims)[:TOP_SENTENCES]
    claim_words = set(claim.content)
    shared = claim_words & set(text.content)
    claim_weight = sum(map(weight, claim_words)) or 1.0
    coverage = sorted(sum(map(weight, claim_words & s)) / claim_weight for s in text.sentence_content)
    unseen_words = [w for w in claim_words if w not in idf]
    n_claim = max(len(claim_words), 1)
    return [
        float(claim.vector.multiply(text.vector).sum()),
        float(claim.vector.multiply(text.lead_vector).sum()),
        float(sims.max()),
        float(sims[top].mean()),
        float(np.sort(sims)[-2] if len(sims) > 1 else 0.0),
        _idf_cosine(claim.content, text.content, weight),
        coverage[-1],
        coverage[-2] if len(coverage) > 1 else 0.0,
        sum(map(weight, claim_words & text.head)) / claim_weight,
        len(shared) / n_claim,
        len(claim_words & text.lead) / n_claim,
        len(claim.bigrams & text.bigrams) / max(len(claim.bigrams), 1),
        sum(map(weight, shared)) / claim_weight,
        len(shared) / max(len(claim_words | set(text.content)), 1),
        len(unseen_words) / n_claim,
        sum(w in text.content for w in unseen_words) / len(unseen_words) if unseen_words else 1.0,
        math.log1p(next((i for i, s in enumerate(text.sentence_content) if claim_words & s),
                        len(text.sentence_content))),
        float(claim.questions > 0),
        float(claim.quoted),
        math.log1p(text.questions),
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
    ["cos", "cos_lead", "cos_sent_max", "cos_sent_top", "cos_sent_2nd", "cos_all_words", "cover_sent_max",
     "cover_sent_2nd", "cover_head", "overlap", "overlap_lead", "bigram_overlap", "idf_overlap", "jaccard",
     "claim_unseen", "claim_unseen_found", "first_mention", "claim_question", "claim_quoted", "text_questions",
     "claim_len", "text_len", "text_sentences"]
    + [f"{where}_{cue}" for where in ("claim", "claim_has", "text", "top_mean", "top_max", "lead")
       for cue in ("refute", "discuss", "confirm", "negate")]
)


# --- the model -----------------------------------------------------------------------------------------------

@dataclass
class StanceModel:
    """Dense pair features (TF-IDF cosines, idf-weighted overlaps, cue rates) read by an ensemble of
    one-hidden-layer MLPs (one per training seed) whose probabilities are averaged. Bag-of-words inputs are
    left out on purpose: on topics held out from training they learn the training topics' words and lose
    (see ``training.stance``)."""

    vectorizer: Vectorizer
    mean: np.ndarray
    scale: np.ndarray
    members: list[list[tuple[np.ndarray, np.ndarray]]]  # each member's layers: (weights, biases)
    trained_on: str = TRAINED_ON
    held_out: str = ""  # the dev split kept out of training ("split=topic fraction=0.2 seed=0"), empty when trained on all

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> StanceModel:
        with np.load(path, allow_pickle=False) as data:
            vocabulary = {term: i for i, term in enumerate(data["vocabulary"].tolist())}
            members = [[(data[f"m{m}_w{i}"].astype(np.float32), data[f"m{m}_b{i}"])
                        for i in range(int(data[f"m{m}_depth"]))] for m in range(int(data["members"]))]
            return cls(Vectorizer(vocabulary, data["idf"]), data["mean"], data["scale"], members,
                       str(data["trained_on"]), str(data["held_out"]))

    def save(self, path: Path = MODEL_PATH) -> None:
        """Plain arrays only (weight matrices as float16 to keep the file small), readable without pickle."""
        arrays: dict[str, np.ndarray] = {}
        for m, layers in enumerate(self.members):
            arrays[f"m{m}_depth"] = np.array(len(layers))
            for i, (w, b) in enumerate(layers):
                arrays[f"m{m}_w{i}"], arrays[f"m{m}_b{i}"] = w.astype(np.float16), b.astype(np.float32)
        vocabulary = sorted(self.vectorizer.vocabulary, key=self.vectorizer.vocabulary.get)
        np.savez_compressed(path, vocabulary=np.array(vocabulary), idf=self.vectorizer.idf, mean=self.mean,
                            scale=self.scale, members=np.array(len(self.members)),
                            trained_on=np.array(self.trained_on), held_out=np.array(self.held_out), **arrays)

    def features(self, claims: Sequence[str], texts: Sequence[str]) -> np.ndarray:
        """Raw dense features, one row per pair; each distinct claim and text is described once."""
        claim_index, text_index = _index(claims), _index(texts)
        claim_info = describe(list(claim_index), self.vectorizer)
        text_info = describe(list(text_index), self.vectorizer)
        rows = [pair_features(claim_info[claim_index[c]], text_info[text_index[t]], self.vectorizer)
                for c, t in zip(claims, texts)]
        return np.array(rows, dtype=np.float32).reshape(len(rows), len(FEATURE_NAMES))

    def predict_proba(self, claims: Sequence[str], texts: Sequence[str]) -> np.ndarray:
        """Rows of probabilities in ``LABELS`` order, one per (claim, text) pair."""
        if len(claims) != len(texts):
            raise ValueError(f"{len(claims)} claims but {len(texts)} texts")
        if not claims:
            return np.zeros((0, len(LABELS)), dtype=np.float32)
        x = (self.features(claims, texts) - self.mean) / self.scale
        return np.mean([forward(layers, x) for layers in self.members], axis=0)

    def predict(self, claims: Sequence[str], texts: Sequence[str]) -> list[str]:
        return [LABELS[i] for i in self.predict_proba(claims, texts).argmax(axis=1)]


def forward(layers: list[tuple[np.ndarray, np.ndarray]], x: np.ndarray) -> np.ndarray:
    """ReLU hidden layers, softmax output."""
    for w, b in layers[:-1]:
        x = np.maximum(x @ w + b, 0)
    w, b = layers[-1]
    z = x @ w + b
    z = np.exp(z - z.max(axis=1, keepdims=True))
    return z / z.sum(axis=1, keepdims=True)


def _index(items: Sequence[str]) -> dict[str, int]:
    return {item: i for i, item in enumerate(dict.fromkeys(items))}
