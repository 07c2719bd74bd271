"""Stance benchmark: score ``StanceModel`` on FNC-1 or on any labelled (claim, text, label) CSV.

Layouts read with ``data``:

* competition: ``competition_test_stances.csv`` + ``competition_test_bodies.csv``; every pair is scored.
* train: ``train_stances.csv`` + ``train_bodies.csv``; only the dev pairs of the split the model was held out
  on are scored (``evaluation.fnc.split_rows``; by default the topic split, whose dev headlines and bodies
  were never trained on, as in the competition test). A model refitted on all of train has seen them too: the
  result says so (``contaminated``), and the clean dev figures are the ones ``training.stance`` reports before
  refitting.

Metrics: the FNC-1 score as the official scorer computes it (+0.25 when related/unrelated is decided right,
+0.75 more when a related pair's exact label is right; reported as a percentage of the gold labels' own
score), per-class precision/recall/F1, macro-F1 over the four classes, the 4×4 confusion matrix (rows gold,
columns predicted), run time and pairs per second. Given the labels of a reference set (all of train), the FNC
score is also reported at that set's class mix: the topic split's dev pairs are about a third unrelated where
train and the competition test are about 72%, and unrelated pairs are the easy ones.
"""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path
from typing import Any

from newsledger.evaluation.fnc import parse_held_out, read_csv, read_fnc, split_rows
from newsledger.reconcile.stance import LABELS, MODEL_PATH, StanceModel

LAYOUTS = {"competition": "competition_test", "train": "train"}


def fnc_score(gold: list[str], predicted: list[str]) -> tuple[float, float]:
    """(score, best possible score) with the official FNC-1 weights."""
    def points(g: str, p: str) -> float:
        value = 0.25 if g == p else 0.0
        if g == p and g != "unrelated":
            value += 0.50
        if g != "unrelated" and p != "unrelated":
            value += 0.25
        return value

    return sum(map(points, gold, predicted)), sum(points(g, g) for g in gold)


def fnc_at_mix(gold: list[str], predicted: list[str], reference: list[str]) -> float:
    """The FNC score (percent) the same per-class behaviour would earn on pairs in ``reference``'s class mix:
    each gold class's share of its best points, weighted by how often the class occurs in ``reference``."""
    mix = Counter(reference)
    earned = best = 0.0
    for label in LABELS:
        rows = [(g, p) for g, p in zip(gold, predicted) if g == label]
        if rows and mix[label]:
            points, most = fnc_score(*map(list, zip(*rows)))
            earned += mix[label] * points / len(rows)
            best += mix[label] * most / len(rows)
    return 100 * earned / best if best else 0.0


def score(gold: list[str], predicted: list[str], reference: list[str] | None = None) -> dict[str, Any]:
    """FNC score, per-class P/R/F1, macro-F1 and confusion matrix of predicted against gold labels; with
    ``reference`` labels, the FNC score at their class mix too."""
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold labels but {len(predicted)} predictions")
    confusion = [[sum(1 for g, p in zip(gold, predicted) if g == row and p == col) for col in LABELS]
                 for row in LABELS]
    per_class = {}
    for i, label in enumerate(LABELS):
        hits, predicted_n, gold_n = confusion[i][i], sum(r[i] for r in confusion), sum(confusion[i])
        p = hits / predicted_n if predicted_n else 0.0
        r = hits / gold_n if gold_n else 0.0
        per_class[label] = {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "support": gold_n}
    points, best = fnc_score(gold, predicted)
    result = {
        "pairs": len(gold),
        "fnc": {"score": points, "max": best, "percent": 100 * points / best if best else 0.0},
        "accuracy": sum(g == p for g, p in zip(gold, predicted)) / len(gold) if gold else 0.0,
        "per_class": per_class,
        "macro_f1": sum(c["f1"] for c in per_class.values()) / len(LABELS),
        "confusion": confusion,
    }
    if reference:
        result["fnc"]["percent_at_reference_mix"] = fnc_at_mix(gold, predicted, reference)
    return result


def layout(data: Path) -> str:
    """``competition`` or ``train``, from which FNC-1 files the folder holds."""
    for name, prefix in LAYOUTS.items():
        if (Path(data) / f"{prefix}_stances.csv").exists() and (Path(data) / f"{prefix}_bodies.csv").exists():
            return name
    raise FileNotFoundError(f"{data}: no competition_test_* or train_* stances and bodies CSVs")


def fnc_pairs(data: Path, model: StanceModel) -> tuple[list[str], list[str], list[str], dict[str, Any]]:
    """Claims, texts and gold labels to score from an FNC-1 folder, and what was chosen."""
    kind = layout(data)
    stances, bodies = read_fnc(data, LAYOUTS[kind])
    info: dict[str, Any] = {"layout": kind}
    if kind == "train":
        split, fraction, seed = parse_held_out(model.held_out) if model.held_out else ("topic", 0.2, 0)
        info["reference"] = [s for _, _, s in stances]
        stances = split_rows(stances, split, fraction, seed)[1]
        info |= {"scored": f"dev pairs of the {split} split (fraction={fraction} seed={seed})",
                 "contaminated": not model.held_out}
    else:
        info["scored"] = "all pairs"
    return [h for h, _, _ in stances], [bodies[b] for _, b, _ in stances], [s for _, _, s in stances], info


def parse_label_map(text: str) -> dict[str, str]:
    """``"a=agree,b=disagree"`` → ``{"a": "agree", "b": "disagree"}``."""
    pairs = [item.split("=", 1) for item in text.split(",") if item.strip()]
    return {raw.strip(): label.strip() for raw, label in pairs}


def csv_pairs(path: Path, claim_col: str | None, text_col: str | None, label_col: str | None,
              label_map: dict[str, str] | None) -> tuple[list[str], list[str], list[str], dict[str, Any]]:
    """Claims, texts and gold labels from a labelled CSV, its labels mapped onto ``LABELS``."""
    claim_col, text_col, label_col = claim_col or "claim", text_col or "text", label_col or "label"
    label_map = label_map or {}
    claims, texts, gold = [], [], []
    for number, row in enumerate(read_csv(path), start=2):
        raw = row[label_col].strip()
        label = label_map.get(raw, raw)
        if label not in LABELS:
            raise ValueError(f"{path}:{number}: label {raw!r} maps to none of {', '.join(LABELS)}")
        claims.append(row[claim_col])
        texts.append(row[text_col])
        gold.append(label)
    return claims, texts, gold, {"layout": "csv", "scored": "all rows", "label_map": label_map}


def run(data: Path | None = None, csv: Path | None = None, claim_col: str | None = None,
        text_col: str | None = None, label_col: str | None = None, label_map: dict[str, str] | None = None,
        model_path: Path = MODEL_PATH) -> dict[str, Any]:
    """Score the model on an FNC-1 folder (``data``) or a labelled CSV (``csv``)."""
    if (data is None) == (csv is None):
        raise ValueError("give exactly one of data (an FNC-1 folder) or csv (a labelled CSV)")
    model = StanceModel.load(model_path)
    if data is not None:
        claims, texts, gold, info = fnc_pairs(Path(data), model)
    else:
        claims, texts, gold, info = csv_pairs(Path(csv), claim_col, text_col, label_col, label_map)
    reference = info.pop("reference", None)
    started = time.perf_counter()
    predicted = model.predict(claims, texts)
    seconds = time.perf_counter() - started
    return {"data": str(data or csv), **info, "model": str(model_path), "trained_on": model.trained_on,
            **score(gold, predicted, reference), "seconds": seconds, "pairs_per_second": len(gold) / seconds if seconds else 0.0}


def render(result: dict[str, Any]) -> str:
    lines = [f"{result['pairs']} pairs from {result['data']} ({result['layout']}: {result['scored']})"]
    if result.get("contaminated"):
        lines.append("WARNING: the model was refitted on all of train, dev pairs included: this figure is "
                     "contaminated; the clean dev figures are the ones training.stance reports")
    fnc = result["fnc"]
    lines.append(f"FNC score {fnc['percent']:.2f}% ({fnc['score']:.2f} of {fnc['max']:.2f})   "
                 f"macro-F1 {100 * result['macro_f1']:.2f}   accuracy {100 * result['accuracy']:.2f}")
    if "percent_at_reference_mix" in fnc:
        lines.append(f"FNC score at train's class mix {fnc['percent_at_reference_mix']:.2f}%")
    lines.append(f"{'':10}{'P':>7}{'R':>7}{'F1':>7}{'gold':>8}")
    for label, c in result["per_class"].items():
        lines.append(f"{label:10}{100 * c['p']:>7.1f}{100 * c['r']:>7.1f}{100 * c['f1']:>7.1f}{c['support']:>8}")
    lines.append("confusion (rows gold, columns predicted):")
    lines.append(f"{'':10}" + "".join(f"{label:>10}" for label in LABELS))
    for label, row in zip(LABELS, result["confusion"]):
        lines.append(f"{label:10}" + "".join(f"{n:>10}" for n in row))
    if "seconds" in result:
        lines.append(f"{result['seconds']:.1f} s, {result['pairs_per_second']:.0f} pairs/s")
    return "\n".join(lines)
