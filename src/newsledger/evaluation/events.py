"""Event trigger benchmark on TimeML documents (TimeBank + AQUAINT, the TempEval-3 platinum test).

Scored as the TempEval-3 entity scorer scores events: precision and recall of system events against gold
events under a **strict** match (the same character offsets) and a **relaxed** match (the spans overlap; each
gold and each system event is matched at most once), and the accuracy of the class on relaxed matches. The
TempEval-3 "class" figure is reported too: relaxed F1 times class accuracy. To say where a model falls short,
the result also has per-class precision/recall (a match of the right class) and recall per part of speech of
the gold word as spaCy tags it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from newsledger.evaluation.timeml import Annotation, TimemlDocument, read_folder
from newsledger.extract.triggers import CLASSES, Trigger, TriggerModel, find_triggers


@dataclass(frozen=True, slots=True)
class Mention:
    """An event as the scorer sees it: a character span and a class."""

    start: int
    end: int
    event_class: str


@dataclass(slots=True)
class Tally:
    """Counts summed over documents."""

    gold: int = 0
    predicted: int = 0
    strict: int = 0
    relaxed: int = 0
    class_correct: int = 0  # relaxed matches whose classes agree
    gold_by_class: Counter = field(default_factory=Counter)
    predicted_by_class: Counter = field(default_factory=Counter)
    correct_by_class: Counter = field(default_factory=Counter)
    gold_by_pos: Counter = field(default_factory=Counter)
    found_by_pos: Counter = field(default_factory=Counter)


def strict_matches(gold: Sequence[Mention], predicted: Sequence[Mention]) -> list[tuple[int, int]]:
    """Pairs (gold index, predicted index) with the same offsets."""
    where = {(p.start, p.end): j for j, p in enumerate(predicted)}
    return [(i, where[(g.start, g.end)]) for i, g in enumerate(gold) if (g.start, g.end) in where]


def relaxed_matches(gold: Sequence[Mention], predicted: Sequence[Mention]) -> list[tuple[int, int]]:
    """Pairs (gold index, predicted index) of overlapping spans, one-to-one: in text order, each gold event takes
    the first overlapping system event not yet taken, an exact match first (a sweep, near-linear)."""
    gold_order = sorted(range(len(gold)), key=lambda i: (gold[i].start, gold[i].end))
    system_order = sorted(range(len(predicted)), key=lambda j: (predicted[j].start, predicted[j].end))
    exact = dict(strict_matches(gold, predicted))
    taken = set(exact.values())
    pairs = list(exact.items())
    first = 0
    for i in gold_order:
        if i in exact:
            continue
        g = gold[i]
        while first < len(system_order) and predicted[system_order[first]].end <= g.start:
            first += 1  # wholly before this gold span, so before every later one too
        k = first
        while k < len(system_order) and predicted[system_order[k]].start < g.end:
            j = system_order[k]
            if j not in taken and predicted[j].end > g.start:
                taken.add(j)
                pairs.append((i, j))
                break
            k += 1
    return sorted(pairs)


def tally_document(tally: Tally, gold: Sequence[Annotation], found: Sequence[Trigger], doc: Doc | None = None) -> None:
    """Add one document's counts to ``tally``; ``doc`` (the parse of its text) gives the gold words' POS."""
    gold_mentions = [Mention(a.start, a.end, a.kind or "") for a in gold]
    system = [Mention(t.start_char, t.end_char, t.event_class) for t in found]
    relaxed = relaxed_matches(gold_mentions, system)
    tally.gold += len(gold_mentions)
    tally.predicted += len(system)
    tally.strict += len(strict_matches(gold_mentions, system))
    tally.relaxed += len(relaxed)
    tally.gold_by_class.update(m.event_class for m in gold_mentions)
    tally.predicted_by_class.update(m.event_class for m in system)
    for i, j in relaxed:
        if gold_mentions[i].event_class == system[j].event_class:
            tally.class_correct += 1
            tally.correct_by_class[system[j].event_class] += 1
    if doc is not None:
        matched = {i for i, _ in relaxed}
        for i, mention in enumerate(gold_mentions):
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            pos = span.root.pos_ if span is not None and len(span) else "?"
            tally.gold_by_pos[pos] += 1
            tally.found_by_pos[pos] += i in matched


def _prf(correct: int, predicted: int, gold: int) -> dict[str, float]:
    precision = correct / predicted if predicted else 0.0
    recall = correct / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(100 * precision, 2), "recall": round(100 * recall, 2), "f1": round(100 * f1, 2)}


def figures(tally: Tally) -> dict[str, Any]:
    """Percentages from the counts."""
    relaxed = _prf(tally.relaxed, tally.predicted, tally.gold)
    accuracy = tally.class_correct / tally.relaxed if tally.relaxed else 0.0
    return {
        "gold": tally.gold, "predicted": tally.predicted, "strict_matches": tally.strict,
        "relaxed_matches": tally.relaxed,
        "strict": _prf(tally.strict, tally.predicted, tally.gold),
        "relaxed": relaxed,
        "class_accuracy": round(100 * accuracy, 2),
        "class_f1": round(relaxed["f1"] * accuracy, 2),
        "per_class": {c: {"gold": tally.gold_by_class[c], "predicted": tally.predicted_by_class[c],
                          **_prf(tally.correct_by_class[c], tally.predicted_by_class[c], tally.gold_by_class[c])}
                      for c in CLASSES},
        "recall_by_pos": {pos: {"gold": count, "recall": round(100 * tally.found_by_pos[pos] / count, 2)}
                          for pos, count in tally.gold_by_pos.most_common()},
    }


def score(documents: Sequence[TimemlDocument], docs: Sequence[Doc], model: TriggerModel | None = None,
          threshold: float | None = None) -> Tally:
    """Detect triggers in each parsed document and count them against its gold events."""
    tally = Tally()
    for document, doc in zip(documents, docs, strict=True):
        tally_document(tally, document.events, find_triggers(doc, model, threshold), doc)
    return tally


def run(data: Path, split: str = "all", spacy_model: str | None = None, weights: Path | None = None,
        threshold: float | None = None) -> dict[str, Any]:
    """Parse every TimeML document of ``split`` under ``data``, detect its triggers and score them
    (``threshold``: on the event probability instead of the model's own)."""
    from newsledger.annotate.nlp import load

    documents = read_folder(Path(data), split)
    nlp = load(spacy_model)
    model = TriggerModel.load(weights) if weights else None
    docs = nlp.pipe((document.text for document in documents), batch_size=16)
    result = figures(score(documents, list(docs), model, threshold))
    return {"data": str(data), "split": split, "documents": len(documents),
            "model": str(weights) if weights else "shipped", "threshold": threshold, **result}


def render(result: dict[str, Any]) -> str:
    threshold = "" if result["threshold"] is None else f", threshold {result['threshold']}"
    heading = (f"Event triggers on {result['data']} (split {result['split']}, {result['documents']} documents, "
               f"model {result['model']}{threshold}): {result['gold']} gold, {result['predicted']} found")
    lines = [heading, f"{'match':10} {'P':>7} {'R':>7} {'F1':>7}"]
    for name in ("strict", "relaxed"):
        row = result[name]
        lines.append(f"{name:10} {row['precision']:7.2f} {row['recall']:7.2f} {row['f1']:7.2f}")
    lines.append(f"class accuracy on relaxed matches {result['class_accuracy']:.2f}; class F1 {result['class_f1']:.2f}")
    lines.append(f"{'class':12} {'gold':>6} {'found':>6} {'P':>7} {'R':>7} {'F1':>7}")
    for name, row in result["per_class"].items():
        lines.append(f"{name:12} {row['gold']:6} {row['predicted']:6} {row['precision']:7.2f} "
                     f"{row['recall']:7.2f} {row['f1']:7.2f}")
    lines.append("recall by POS: " + ", ".join(f"{pos} {row['recall']:.1f} ({row['gold']})"
                                                for pos, row in result["recall_by_pos"].items()))
    return "\n".join(lines)
