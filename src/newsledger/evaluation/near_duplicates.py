"""`newsledger bench near-duplicates`: the linker's hand-written bottom-k sketch (``link/duplicates.py``) beside
datasketch's MinHash and MinHash LSH, on real texts (PolNeAR and ECB+ documents) and near-copies made of them.

A near-copy of a text gets a new first line (a headline) and a share of its words replaced by words of other
texts, as a reprint with a new headline and a few edits; its exact Jaccard similarity with the original (word
5-shingles, as the sketch reads them) says whether it should be found (≥ ``DUPLICATE_JACCARD``). Each method
reads the originals, then each copy in turn, and names the earlier text it nearly repeats (or none). Reported:
how far each estimate of the Jaccard is from the exact one, copies found and missed, texts wrongly named as
copies, and the time per text to sketch it and to look it up and add it to the index (process time).
"""

from __future__ import annotations

import random
import re
import statistics
import time
from pathlib import Path
from typing import Any

from newsledger.evaluation.ecbplus import read_corpus
from newsledger.link.duplicates import (
    DUPLICATE_JACCARD,
    SHINGLE,
    DuplicateIndex,
    estimate,
    sketch,
)

_WORD = re.compile(r"\w+")
NUM_PERM = 128


def texts(datasets: Path) -> list[str]:
    found = [p.read_text(encoding="utf-8") for p in sorted((datasets / "polnear").rglob("*.txt"))]
    if (datasets / "ecbplus").exists():
        found += [document.text for document in read_corpus(datasets / "ecbplus")]
    return [text for text in found if len(_WORD.findall(text)) >= 50]


def shingles(text: str) -> set[str]:
    words = _WORD.findall(text.casefold())
    return {" ".join(words[i: i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def near_copy(text: str, rng: random.Random, vocabulary: list[str], edits: float) -> str:
    words = text.split()
    for i in rng.sample(range(len(words)), int(len(words) * edits)):
        words[i] = rng.choice(vocabulary)
    return f"{' '.join(rng.sample(vocabulary, 8))}\n" + " ".join(words)


def run(datasets: Path, copies: int = 300, seed: int = 0) -> dict[str, Any]:
    rng = random.Random(seed)
    originals = texts(datasets)
    vocabulary = sorted({w for text in rng.sample(originals, min(100, len(originals))) for w in text.split()})
    chosen = rng.sample(range(len(originals)), min(copies, len(originals)))
    made = [near_copy(originals[i], rng, vocabulary, edits=rng.choice((0.01, 0.02, 0.05, 0.1))) for i in chosen]
    stream = originals + made
    exact = [_jaccard(shingles(originals[i]), shingles(copy)) for i, copy in zip(chosen, made, strict=True)]
    truth = {len(originals) + n: chosen[n] for n in range(len(made))}
    return {
        "texts": len(originals), "copies": len(made),
        "copies_to_find": sum(j >= DUPLICATE_JACCARD for j in exact),
        "hand-written bottom-k (32)": _hand_written(stream, truth, exact),
        f"datasketch MinHash ({NUM_PERM}) + LSH": _datasketch(stream, truth, exact),
    }


def _jaccard(first: set[str], second: set[str]) -> float:
    return len(first & second) / len(first | second) if first | second else 0.0


def _hand_written(stream: list[str], truth: dict[int, int], exact: list[float]) -> dict[str, Any]:
    began = time.process_time()
    sketches = [sketch(text) for text in stream]
    sketched = time.process_time() - began
    index, named = DuplicateIndex(), {}
    began = time.process_time()
    for n, signature in enumerate(sketches):
        found = index.find(signature)
        if found is not None:
            named[n] = int(found)
        else:
            index.add(str(n), signature)
    indexed = time.process_time() - began
    estimates = []
    for (n, original), _j in zip(truth.items(), exact, strict=True):
        first, second = set(sketches[original]), sketches[n]
        estimates.append(estimate(first, second, first.intersection(second), min(len(first), len(second), 32)))
    return _scores(stream, truth, exact, named, estimates, sketched, indexed)


def _datasketch(stream: list[str], truth: dict[int, int], exact: list[float]) -> dict[str, Any]:
    from datasketch import MinHash, MinHashLSH

    began = time.process_time()
    hashes = []
    for text in stream:
        minhash = MinHash(num_perm=NUM_PERM)
        minhash.update_batch([s.encode() for s in shingles(text)])
        hashes.append(minhash)
    sketched = time.process_time() - began
    lsh, named = MinHashLSH(threshold=DUPLICATE_JACCARD, num_perm=NUM_PERM), {}
    began = time.process_time()
    for n, minhash in enumerate(hashes):
        scored = [(minhash.jaccard(hashes[int(c)]), int(c)) for c in lsh.query(minhash)]
        best = max((pair for pair in scored if pair[0] >= DUPLICATE_JACCARD), default=None)
        if best is not None:
            named[n] = best[1]
        else:
            lsh.insert(str(n), minhash)
    indexed = time.process_time() - began
    estimates = [hashes[n].jaccard(hashes[original]) for n, original in truth.items()]
    return _scores(stream, truth, exact, named, estimates, sketched, indexed)


def _scores(stream, truth, exact, named, estimates, sketched, indexed) -> dict[str, Any]:
    """A copy counts as found when the text named has an exact Jaccard ≥ the threshold with it (its original, or
    a text the original itself repeats); a text named wrongly when the pair is below it."""
    should = {n for (n, _o), j in zip(truth.items(), exact, strict=True) if j >= DUPLICATE_JACCARD}
    right = {n for n, other in named.items()
             if _jaccard(shingles(stream[n]), shingles(stream[other])) >= DUPLICATE_JACCARD}
    return {
        "estimate_mean_abs_error": statistics.fmean(abs(e - j) for e, j in zip(estimates, exact, strict=True)),
        "found": len(should & right),
        "missed": len(should - right),
        "wrongly_named": len(set(named) - right),
        "also_found": len(right - should),  # near-copies among the real texts themselves
        "sketch_ms_per_text": sketched * 1000 / len(stream),
        "index_ms_per_text": indexed * 1000 / len(stream),
    }


def render(result: dict[str, Any]) -> str:
    title = (f"{result['texts']} texts (PolNeAR, ECB+) and {result['copies']} near-copies, "
             f"{result['copies_to_find']} of them at Jaccard ≥ {DUPLICATE_JACCARD}")
    header = (f"{'method':34}{'|est-J|':>9}{'found':>7}{'missed':>8}{'wrong':>7}{'others':>8}{'sketch ms':>11}"
              f"{'index ms':>10}")
    lines = [title, header]
    for name, row in result.items():
        if isinstance(row, dict):
            lines.append(f"{name:34}{row['estimate_mean_abs_error']:>9.3f}{row['found']:>7}{row['missed']:>8}"
                         f"{row['wrongly_named']:>7}{row['also_found']:>8}{row['sketch_ms_per_text']:>11.2f}"
                         f"{row['index_ms_per_text']:>10.3f}")
    return "\n".join(lines)
