"""`newsledger bench plover`: PLOVER event typing and actor countries on hand-coded news sentences.

Two layouts are read:

- the PLOVER gold standard records (a JSON array; 2016 type names mapped to PLOVER 2021 with ``LEGACY_TYPES``);
- PETRARCH validation XML (``<Sentence id=.. date=..>`` holding ``<EventCoding eventcode="042" sourcecode="USA"
  targetcode="CHN">`` elements, closed or not, ``<EventCoding noevents="True"/>`` and ``<Text>``), whose CAMEO
  codes map to PLOVER 2021 with ``--cameo-map`` (CAMEO2PLOVER: "CODE: TYPE, mode, context # description";
  a code missing from it, such as 01x/02x, maps to no type).

The system picks one event per sentence: the candidate with the highest event score (``type_sentence``). A
sentence's gold is the set of its codings' types; the prediction is right when its type is among them.
Scored: type accuracy and macro-F1 on sentences with a gold type, how often no type is predicted where gold
has none, mode and context accuracy where the type is right and gold has them, and actor-country accuracy
(source, target) on the codings PLOVER has a type for, where gold gives an ISO3 country code (a 6-letter
CAMEO code's first three letters); a sentence's prediction is right when it is any of its codings' countries.
"""

from __future__ import annotations

import zlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from newsledger.evaluation.plover_corpus import GoldSentence, PloverDataError, read
from newsledger.extract.actors import event_countries
from newsledger.extract.plover import (
    Plover,
    type_sentence,
)
from newsledger.extract.plover.model import LinearModel


#: 2016 GSR contexts -> the names the typer uses.
@dataclass(slots=True)
class Prediction:
    plover: Plover | None
    source: str | None = None
    target: str | None = None
    trigger: str | None = None


# --- readers ---------------------------------------------------------------------------------------------------

def predict(doc, model: LinearModel | None, strategy: str) -> Prediction:
    """The sentence's main event with its actor countries (``event_countries``)."""
    sentence = doc[:]
    chosen = type_sentence(sentence, model=model, strategy=strategy)
    if chosen is None:
        return Prediction(None)
    source, target = event_countries(chosen.token, sentence)
    return Prediction(chosen.plover, source, target, chosen.token.text)


# --- scoring -----------------------------------------------------------------------------------------------------

@dataclass(slots=True)
class Tally:
    """Counts behind every figure; ``figures`` turns them into the report."""

    typed: int = 0
    type_correct: int = 0
    untyped: int = 0
    untyped_correct: int = 0
    mode_total: int = 0
    mode_correct: int = 0
    context_total: int = 0
    context_correct: int = 0
    source_total: int = 0
    source_correct: int = 0
    target_total: int = 0
    target_correct: int = 0
    pairs: list[tuple[str, str]] = field(default_factory=list)  # (gold, predicted) on typed sentences

    def add(self, gold: GoldSentence, prediction: Prediction) -> None:
        types = gold.types
        kind = prediction.plover.type if prediction.plover else "NONE"
        if not types:
            self.untyped += 1
            self.untyped_correct += kind == "NONE"
        else:
            self.typed += 1
            right = kind in types
            self.type_correct += right
            self.pairs.append((kind if right else types[0], kind))
            if right:
                self._add_mode_context(gold, prediction)
        typed = [e for e in gold.events if e.plover is not None]  # actors of codings PLOVER has a type for
        sources = frozenset().union(*(e.sources for e in typed))
        targets = frozenset().union(*(e.targets for e in typed))
        if sources:
            self.source_total += 1
            self.source_correct += prediction.source in sources
        if targets:
            self.target_total += 1
            self.target_correct += prediction.target in targets

    def _add_mode_context(self, gold: GoldSentence, prediction: Prediction) -> None:
        event = next(e for e in gold.events if e.plover and e.plover.type == prediction.plover.type)
        if event.plover.mode:
            self.mode_total += 1
            self.mode_correct += prediction.plover.mode == event.plover.mode
        contexts = event.contexts or frozenset({event.plover.context} - {None})
        if contexts:
            self.context_total += 1
            self.context_correct += prediction.plover.context in contexts

    def figures(self) -> dict:
        return {
            "sentences": self.typed + self.untyped,
            "typed_sentences": self.typed,
            "type_accuracy": _ratio(self.type_correct, self.typed),
            "macro_f1": round(macro_f1(self.pairs), 4),
            "per_type_f1": per_type_f1(self.pairs),
            "untyped_sentences": self.untyped,
            "none_accuracy": _ratio(self.untyped_correct, self.untyped),
            "mode_accuracy": _ratio(self.mode_correct, self.mode_total), "mode_scored": self.mode_total,
            "context_accuracy": _ratio(self.context_correct, self.context_total),
            "context_scored": self.context_total,
            "source_country_accuracy": _ratio(self.source_correct, self.source_total),
            "source_scored": self.source_total,
            "target_country_accuracy": _ratio(self.target_correct, self.target_total),
            "target_scored": self.target_total,
        }


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def per_type_f1(pairs: list[tuple[str, str]], digits: int | None = 4) -> dict[str, float]:
    """F1 of every type that occurs in gold."""
    gold_counts = Counter(g for g, _ in pairs)
    predicted = Counter(p for _, p in pairs)
    hits = Counter(g for g, p in pairs if g == p)
    scores = {}
    for kind in sorted(gold_counts):
        precision = hits[kind] / predicted[kind] if predicted[kind] else 0.0
        recall = hits[kind] / gold_counts[kind]
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        scores[kind] = round(f1, digits) if digits is not None else f1
    return scores


def macro_f1(pairs: list[tuple[str, str]]) -> float:
    """The mean F1 over the types that occur in gold (a predicted NONE counts against the gold type)."""
    scores = per_type_f1(pairs, digits=None)
    return sum(scores.values()) / len(scores) if scores else 0.0


def fold_of(sentence_id: str, folds: int) -> int:
    """A stable fold number from the sentence id."""
    return zlib.crc32(sentence_id.encode()) % folds


# --- runs --------------------------------------------------------------------------------------------------------

def run(data: Path, cameo_map: Path | None = None, cross_validate: int = 0, model_path: Path | None = None,
        spacy_model: str | None = None) -> dict:
    """Figures for every strategy: lexicon alone (what the ledger uses), the model, the hybrid. With ``cross_validate=K`` the
    model is refitted on K-1 folds of ``data`` (GSR layout) and scored on the remaining fold, K times."""
    from newsledger.extract.plover.model import MODEL_PATH, load
    from newsledger.training.plover import fit, parse

    sentences = read(data, cameo_map)
    parsed = parse(sentences, spacy_model)
    if cross_validate:
        if cross_validate < 2:
            raise PloverDataError("--cross-validate needs at least 2 folds")
        if not any(e.triggers for _, g in parsed for e in g.events):
            raise PloverDataError(f"{data}: cross-validation needs marked triggers (the GSR layout)")
        folds = [fold_of(g.id, cross_validate) for _, g in parsed]
        models = [fit([p for p, f in zip(parsed, folds) if f != k]) for k in range(cross_validate)]
        model_for = [models[f] for f in folds]
        setting = f"{cross_validate}-fold cross-validation (model refitted per fold)"
    else:
        shipped = load(model_path or MODEL_PATH)
        model_for = [shipped] * len(parsed)
        setting = f"model {Path(model_path or MODEL_PATH).name}" if shipped else \
            "no model given: the lexicon alone, as the ledger types (fit one with python -m " \
            "newsledger.training.plover --out FILE and score it with --model FILE)"
    result = {"data": str(data), "setting": setting, "strategies": {}}
    for strategy in ("lexicon", "model", "hybrid"):
        if strategy != "lexicon" and model_for and model_for[0] is None:
            continue
        tally = Tally()
        for (doc, gold), model in zip(parsed, model_for):
            tally.add(gold, predict(doc, model if strategy != "lexicon" else None, strategy))
        result["strategies"][strategy] = tally.figures()
    return result


def render(result: dict) -> str:
    lines = [f"PLOVER typing on {result['data']} ({result['setting']})"]
    for strategy, figures in result["strategies"].items():
        lines.append(
            f"  {strategy:8s} type accuracy {_pct(figures['type_accuracy'])} on {figures['typed_sentences']}"
            f" | macro-F1 {figures['macro_f1']:.3f} | no-type right {_pct(figures['none_accuracy'])}"
            f" of {figures['untyped_sentences']} | mode {_pct(figures['mode_accuracy'])} ({figures['mode_scored']})"
            f" | context {_pct(figures['context_accuracy'])} ({figures['context_scored']})"
            f" | source country {_pct(figures['source_country_accuracy'])} ({figures['source_scored']})"
            f" | target country {_pct(figures['target_country_accuracy'])} ({figures['target_scored']})")
    return "\n".join(lines)


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{100 * value:.1f}%"
