"""Reconcile benchmark: do the slot values of two reports of one ECB+ sub-topic agree?

A gold item (``benchmarks/reconcile/gold.jsonl``) names a slot, two or more documents of one sub-topic, the span
of the value in each (character offsets into the document text as ``bench.ecbplus.read_document`` rebuilds it
from the XML tokens) and the label ``compatible`` (→ corroborated) or ``incompatible`` (→ disputed). The gold
set is annotated from the texts of topics 1–25 (the ECB+ train and dev topics), so its figures are dev figures.

The system reads each document with ``reconcile.slots.find_values`` and compares the values with
``reconcile.slots.compare``. Which system value stands for a document:

* ``located`` — the value of the slot whose span overlaps the gold span (tests normalising and comparing);
* ``first`` — the first value of the slot in the document, as the system would pick it unaided (end to end).

An item without a system value in some document gets no decision: it counts against recall, not precision.
``disputed`` is predicted when some pair of the item's values is incompatible, else ``corroborated``.

The bench also asks the stance model (``reconcile.stance``) whether the sentence holding one document's value
disagrees with the other's, both ways, and reports how often it says so per gold label: the test of whether the
model could tell a dispute that the slot comparison misses (on these items it cannot; see the reconcile guide).
"""

from __future__ import annotations

import json
from itertools import combinations
from pathlib import Path
from typing import Any

from newsledger.evaluation.ecbplus import Document, read_corpus
from newsledger.reconcile.slots import Found, compare, find_values
from newsledger.reconcile.stance import LABELS as STANCES
from newsledger.reconcile.stance import StanceModel

DEFAULT_GOLD = Path(__file__).resolve().parents[3] / "benchmarks" / "reconcile" / "gold.jsonl"
LABELS = {"compatible": "corroborated", "incompatible": "disputed"}
MODES = ("located", "first")


def load_gold(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]


def _pick(found: list[Found], side: dict[str, Any], mode: str) -> Found | None:
    if mode == "located":
        return next((f for f in found if f.start < side["end"] and side["start"] < f.end), None)
    return found[0] if found else None


def decide(item: dict[str, Any], docs: dict[str, Document], mode: str,
           cache: dict[str, list[Found]]) -> tuple[str | None, list[Found | None]]:
    """The system's status for one item (None: some document has no value) and the values it compared."""
    picked = []
    for side in item["values"]:
        if side["doc"] not in cache:
            cache[side["doc"]] = find_values(docs[side["doc"]].text)
        picked.append(_pick([f for f in cache[side["doc"]] if f.slot == item["slot"]], side, mode))
    if any(p is None for p in picked):
        return None, picked
    clash = any(not compare(item["slot"], a.value, b.value).compatible for a, b in combinations(picked, 2))
    return ("disputed" if clash else "corroborated"), picked


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence (or line) holding ``text[start:end]``."""
    period = text.rfind(". ", 0, start)
    begin = max(period + 2 if period != -1 else 0, text.rfind("\n", 0, start) + 1)
    stops = [i for i in (text.find(". ", end), text.find("\n", end)) if i != -1]
    return text[begin:min(stops) + 1 if stops else len(text)].strip()


def stance_check(items: list[dict[str, Any]], docs: dict[str, Document], truth: list[str]) -> dict[str, Any]:
    """Per gold label: items whose two value sentences the stance model calls ``disagree`` (either way round),
    and the mean of the larger disagree probability."""
    firsts = [[sentence_around(docs[side["doc"]].text, side["start"], side["end"]) for side in item["values"][:2]]
              for item in items]
    claims = [a for a, b in firsts] + [b for a, b in firsts]
    texts = [b for a, b in firsts] + [a for a, b in firsts]
    proba = StanceModel.load().predict_proba(claims, texts)
    said = proba.argmax(axis=1) == STANCES.index("disagree")
    disagree = proba[:, STANCES.index("disagree")]
    result = {}
    for label in ("disputed", "corroborated"):
        chosen = [i for i, t in enumerate(truth) if t == label]
        strongest = [max(disagree[i], disagree[i + len(items)]) for i in chosen]
        result[label] = {"items": len(chosen), "said_disagree": int(sum(said[i] or said[i + len(items)] for i in chosen)),
                         "mean_disagree_probability": round(float(sum(strongest) / len(chosen)), 3) if chosen else 0.0}
    return result


def _scores(gold: list[str], predicted: list[str | None]) -> dict[str, Any]:
    scores: dict[str, Any] = {}
    for label in ("disputed", "corroborated"):
        tp = sum(g == p == label for g, p in zip(gold, predicted))
        said = sum(p == label for p in predicted)
        true = sum(g == label for g in gold)
        precision, recall = (tp / said if said else 0.0), (tp / true if true else 0.0)
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        scores[label] = {"gold": true, "predicted": said, "correct": tp, "precision": round(precision, 3),
                         "recall": round(recall, 3), "f1": round(f1, 3)}
    decided = [(g, p) for g, p in zip(gold, predicted) if p is not None]
    scores["decided"] = len(decided)
    scores["accuracy_when_decided"] = round(sum(g == p for g, p in decided) / len(decided), 3) if decided else 0.0
    return scores


def run(data: Path, gold: Path | None = None) -> dict[str, Any]:
    """Scores of both modes, per slot too, and each item's decisions (for reading the errors)."""
    items = load_gold(gold or DEFAULT_GOLD)
    topics = sorted({int(item["subtopic"].split("ecb")[0]) for item in items})
    docs = {d.name: d for d in read_corpus(Path(data), topics)}
    for item in items:
        for side in item["values"]:
            text = docs[side["doc"]].text[side["start"]:side["end"]]
            if text != side["text"]:
                raise ValueError(f"gold item {item['id']}: {side['doc']}[{side['start']}:{side['end']}] is {text!r}, "
                                 f"not {side['text']!r} (has the text reconstruction changed?)")
    cache: dict[str, list[Found]] = {}
    truth = [LABELS[item["label"]] for item in items]
    result: dict[str, Any] = {"gold": str(gold or DEFAULT_GOLD), "items": len(items),
                              "labels": {label: truth.count(label) for label in ("disputed", "corroborated")},
                              "topics": topics, "modes": {}, "decisions": []}
    decisions = {mode: [decide(item, docs, mode, cache) for item in items] for mode in MODES}
    for mode in MODES:
        predicted = [status for status, _ in decisions[mode]]
        per_slot = {}
        for slot in sorted({item["slot"] for item in items}):
            chosen = [i for i, item in enumerate(items) if item["slot"] == slot]
            per_slot[slot] = _scores([truth[i] for i in chosen], [predicted[i] for i in chosen])
        result["modes"][mode] = {**_scores(truth, predicted), "per_slot": per_slot}
    result["stance"] = stance_check(items, docs, truth)
    for i, item in enumerate(items):
        result["decisions"].append({
            "id": item["id"], "slot": item["slot"], "gold": truth[i],
            **{mode: decisions[mode][i][0] for mode in MODES},
            "values": [p.value.label if p else None for p in decisions["located"][i][1]],
        })
    return result


def render(result: dict[str, Any]) -> str:
    lines = [(f"Reconcile benchmark: {result['items']} gold items ({result['labels']['disputed']} disputed, "
             f"{result['labels']['corroborated']} corroborated) from ECB+ topics "
             f"{', '.join(map(str, result['topics']))} (all within 1–25: train/dev, not a held-out test)")]
    for mode, scores in result["modes"].items():
        lines.append(f"\n{mode}: decided {scores['decided']}/{result['items']}, accuracy when decided "
                     f"{scores['accuracy_when_decided']:.3f}")
        for label in ("disputed", "corroborated"):
            s = scores[label]
            lines.append(f"  {label:<13} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}  "
                         f"({s['correct']} correct / {s['predicted']} predicted / {s['gold']} gold)")
        for slot, s in scores["per_slot"].items():
            lines.append(f"    {slot:<10} decided {s['decided']:>2}  accuracy {s['accuracy_when_decided']:.3f}  "
                         f"disputed P {s['disputed']['precision']:.2f} R {s['disputed']['recall']:.2f}")
    lines.append("\nstance model on the two value sentences (disagree either way round): " + "; ".join(
        f"{label} {s['said_disagree']}/{s['items']} said to disagree, mean P(disagree) {s['mean_disagree_probability']:.3f}"
        for label, s in result["stance"].items()))
    wrong = [d for d in result["decisions"] if d["located"] != d["gold"]]
    if wrong:
        lines.append("\nlocated-mode misses: " + ", ".join(f"{d['id']} {d['slot']} gold {d['gold']} got "
                                                          f"{d['located']} {d['values']}" for d in wrong))
    return "\n".join(lines)
