"""`newsledger bench timex`: TIMEX3 tagging and normalisation scored on TimeML documents as TempEval-3 scores it.

Each document's text is parsed with the spaCy model and tagged with the document creation time (DCT) as anchor.
Scores (TempEval-3): span precision/recall/F1 with strict (exact offsets) and relaxed (any overlap, one-to-one)
matching; type and value scored over the relaxed pairs as attribute F1 (precision = pairs with the right attribute
/ system timexes, recall = the same / gold timexes, i.e. relaxed F1 times attribute accuracy). The DCT is not
scored: it sits outside TEXT. Beside the system, a baseline on a well-kept library (dateparser's
``search_dates`` with the DCT as relative base, each hit a DATE valued at its ISO day) shows what the rules gain.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from newsledger.annotate.nlp import load
from newsledger.evaluation.timeml import Annotation, TimemlDocument, read_folder
from newsledger.extract.timex import tag

SYSTEMS = ("newsledger", "dateparser")


@dataclass(frozen=True, slots=True)
class Tagged:
    """A system's time expression: offsets into the document text, TIMEX3 type and value."""

    start: int
    end: int
    type: str
    value: str | None


@dataclass(slots=True)
class Tally:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type: int = 0
    value: int = 0

    def add(self, other: Tally) -> None:
        for name in self.__slots__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


def pair(gold: list[Annotation], system: list[Tagged]) -> list[tuple[Annotation, Tagged]]:
    """Relaxed one-to-one matching: each gold timex takes the first unmatched system one it overlaps."""
    ordered = sorted(system, key=lambda t: (t.start, t.end))
    used: set[int] = set()
    pairs, cursor = [], 0
    for annotation in sorted(gold, key=lambda a: (a.start, a.end)):
        while cursor < len(ordered) and ordered[cursor].end <= annotation.start:
            cursor += 1
        for index in range(cursor, len(ordered)):
            if ordered[index].start >= annotation.end:
                break
            if index not in used:
                used.add(index)
                pairs.append((annotation, ordered[index]))
                break
    return pairs


def tally(gold: list[Annotation], system: list[Tagged]) -> Tally:
    exact = {(t.start, t.end) for t in system}
    pairs = pair(gold, system)
    return Tally(
        gold=len(gold), system=len(system), strict=sum((a.start, a.end) in exact for a in gold),
        relaxed=len(pairs), type=sum(a.kind == t.type for a, t in pairs),
        value=sum(t.value is not None and a.value == t.value for a, t in pairs),
    )


def scores(total: Tally) -> dict:
    def prf(correct: int) -> dict:
        precision = correct / total.system if total.system else 0.0
        recall = correct / total.gold if total.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}

    return {
        "gold": total.gold, "system": total.system, "strict": prf(total.strict), "relaxed": prf(total.relaxed),
        "type": {**prf(total.type), "accuracy": round(total.type / total.relaxed, 4) if total.relaxed else 0.0},
        "value": {**prf(total.value), "accuracy": round(total.value / total.relaxed, 4) if total.relaxed else 0.0},
    }


def system_timexes(document: TimemlDocument, nlp) -> list[Tagged]:
    doc = nlp(document.text)
    return [Tagged(t.start, t.end, t.reading.type, t.reading.value) for t in tag(document.text, document.dct, doc)]


def baseline_timexes(document: TimemlDocument) -> list[Tagged]:
    """dateparser's hits, located left to right in the text; each a DATE with its ISO day."""
    from dateparser.search import search_dates

    settings = {"RELATIVE_BASE": datetime(document.dct.year, document.dct.month, document.dct.day)} \
        if document.dct else {}
    found = search_dates(document.text, languages=["en"], settings=settings) or []
    tagged, cursor = [], 0
    for text, when in found:
        start = document.text.find(text, cursor)
        if start < 0:
            continue
        cursor = start + len(text)
        tagged.append(Tagged(start, cursor, "DATE", when.date().isoformat()))
    return tagged


def run(data: Path, split: str = "all", model: str | None = None) -> dict:
    documents = read_folder(data, split)
    nlp = load(model)
    totals = {name: Tally() for name in SYSTEMS}
    for document in documents:
        totals["newsledger"].add(tally(document.timexes, system_timexes(document, nlp)))
        totals["dateparser"].add(tally(document.timexes, baseline_timexes(document)))
    return {"data": str(data), "split": split, "documents": len(documents),
            "systems": {name: scores(total) for name, total in totals.items()}}


def render(result: dict) -> str:
    lines = [f"TIMEX3 benchmark: {result['documents']} documents ({result['split']}) from {result['data']}",
             f"{'':<22}" + "".join(f"{name:>24}" for name in result["systems"])]
    for label, key in (("strict span", "strict"), ("relaxed span", "relaxed"), ("type", "type"), ("value", "value")):
        for measure in ("precision", "recall", "f1"):
            cells = "".join(f"{system[key][measure] * 100:>24.1f}" for system in result["systems"].values())
            lines.append(f"{label + ' ' + measure[0].upper() if measure != 'f1' else label + ' F1':<22}{cells}")
    lines.append(f"{'gold / system':<22}" + "".join(f"{str(s['gold']) + ' / ' + str(s['system']):>24}"
                                                   for s in result["systems"].values()))
    return "\n".join(lines)
