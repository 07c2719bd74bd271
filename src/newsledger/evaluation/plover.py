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

import html
import json
import re
import zlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from newsledger.extract.actors import event_countries, is_country_code
from newsledger.extract.plover import LEGACY_MODES, LEGACY_TYPES, PLOVER_TYPES, Plover, type_sentence
from newsledger.extract.plover.model import LinearModel

#: 2016 GSR contexts -> the names the typer uses.
CONTEXT_ALIASES = {"refugee": "refugees", "resources": "resource", "rights": "rights_freedoms",
                   "government": "executive", "political": "political_institutions",
                   "politics": "political_institutions"}
MAX_FILE_BYTES = 50_000_000


class PloverDataError(ValueError):
    """A file the benchmark cannot read (the message names it and says why)."""


@dataclass(frozen=True, slots=True)
class GoldEvent:
    plover: Plover | None
    contexts: frozenset[str] = frozenset()
    sources: frozenset[str] = frozenset()
    targets: frozenset[str] = frozenset()
    triggers: tuple[str, ...] = ()  # the GSR's marked event words, first is the main trigger


@dataclass(frozen=True, slots=True)
class GoldSentence:
    id: str
    text: str
    events: tuple[GoldEvent, ...]

    @property
    def types(self) -> list[str]:
        return list(dict.fromkeys(e.plover.type for e in self.events if e.plover is not None))


@dataclass(slots=True)
class Prediction:
    plover: Plover | None
    source: str | None = None
    target: str | None = None
    trigger: str | None = None


# --- readers ---------------------------------------------------------------------------------------------------

def read(path: Path, cameo_map: Path | None = None) -> list[GoldSentence]:
    """GSR JSON or PETRARCH XML, told apart by the first character; XML needs the CAMEO map."""
    text = _read_text(path)
    if text.lstrip().startswith("["):
        return read_gsr(text)
    if cameo_map is None:
        raise PloverDataError(f"{path}: PETRARCH XML needs --cameo-map (the CAMEO2PLOVER file)")
    return read_petrarch(text, read_cameo_map(cameo_map))


def _read_text(path: Path) -> str:
    path = Path(path)
    if not path.is_file():
        raise PloverDataError(f"{path}: not a file")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise PloverDataError(f"{path}: larger than {MAX_FILE_BYTES} bytes")
    return path.read_text(encoding="utf-8", errors="replace")


def read_gsr(text: str) -> list[GoldSentence]:
    """The PLOVER GSR records (DOCUMENT records skipped), one event each, in PLOVER 2021 names."""
    try:
        records = json.loads(text)
    except json.JSONDecodeError as error:
        raise PloverDataError(f"not JSON: {error}") from error
    sentences = []
    for record in records:
        if not isinstance(record, dict) or record.get("event") in (None, "DOCUMENT") or not record.get("text"):
            continue
        sentences.append(GoldSentence(str(record.get("id", len(sentences))), record["text"], (_gsr_event(record),)))
    return sentences


def _gsr_event(record: dict) -> GoldEvent:
    kind = record["event"].strip().upper()
    legacy = LEGACY_TYPES.get(kind)
    mode = (record.get("mode") or "").strip() or None
    mode = LEGACY_MODES.get(mode, mode) if mode else None
    if legacy is not None:
        kind, mode = legacy.type, mode or legacy.mode
    contexts = frozenset(CONTEXT_ALIASES.get(c.strip(), c.strip())
                         for c in str(record.get("context") or "").split(",") if c.strip())
    plover = Plover(kind, mode, None) if kind in PLOVER_TYPES else None
    markup = record.get("textInfo")
    markup = markup.get("markup", "") if isinstance(markup, dict) else str(markup or "")
    return GoldEvent(plover, contexts, _countries(record.get("source")), _countries(record.get("target")),
                     tuple(_marked_events(markup)))


def _countries(actors) -> frozenset[str]:
    if not isinstance(actors, list):
        return frozenset()
    codes = (str(a.get("code") or "") for a in actors if isinstance(a, dict))
    return frozenset(code[:3].upper() for code in codes if is_country_code(code))


EVT = re.compile(r"\(EVT: ([^()]*)\)")


def _marked_events(markup: str) -> list[str]:
    return [m.group(1).strip() for m in EVT.finditer(markup) if m.group(1).strip()]


CAMEO_LINE = re.compile(r"^\s*(\d{2,4})\s*:\s*([^#]*)")


def read_cameo_map(path: Path) -> dict[str, Plover]:
    """CAMEO2PLOVER: code -> Plover (the first line wins for a code listed twice)."""
    table: dict[str, Plover] = {}
    for line in _read_text(path).splitlines():
        match = CAMEO_LINE.match(line)
        if not match:
            continue
        parts = [p.strip() for p in match.group(2).split(",")] + ["", ""]
        kind = parts[0].upper()
        if kind in PLOVER_TYPES:
            context = parts[2].split(";")[0].strip() or None
            table.setdefault(match.group(1), Plover(kind, parts[1] or None, context))
    if not table:
        raise PloverDataError(f"{path}: no 'CODE: TYPE, mode, context' line")
    return table


def cameo_to_plover(code: str, table: dict[str, Plover]) -> Plover | None:
    """A CAMEO code's PLOVER reading: the code itself, else its nearest listed parent (3, then 2 digits); codes
    under 01/02 are not listed and have none."""
    code = code.strip()
    if not code.isdigit():
        return None
    for size in (len(code), 3, 2):
        found = table.get(code[:size])
        if found is not None:
            return found
    return None


SENTENCE_START = re.compile(r"<Sentence\b([^<>]*)>")
CODING = re.compile(r"<EventCoding\b([^<>]*?)/?>")
ATTRIBUTE = re.compile(r"([\w:-]+)\s*=\s*\"([^\"]*)\"")


def read_petrarch(text: str, table: dict[str, Plover]) -> list[GoldSentence]:
    """PETRARCH validation records, read tolerantly (their EventCoding elements are often left unclosed) and
    in linear time: the file is cut at each ``<Sentence`` and each piece is read up to its ``</Sentence>``."""
    text = strip_comments(text)
    starts = list(SENTENCE_START.finditer(text))
    sentences = []
    for number, match in enumerate(starts):
        end = starts[number + 1].start() if number + 1 < len(starts) else len(text)
        body = text[match.end():end]
        closing = body.find("</Sentence")
        body = body if closing < 0 else body[:closing]
        sentence_text = _element_text(body, "Text")
        if sentence_text is None:
            continue
        attributes = dict(ATTRIBUTE.findall(match.group(1)))
        events = []
        for coding in CODING.finditer(body):
            fields = dict(ATTRIBUTE.findall(coding.group(1)))
            if fields.get("noevents", "").lower() == "true" or "eventcode" not in fields:
                continue
            events.append(GoldEvent(
                cameo_to_plover(fields["eventcode"], table),
                sources=_code_country(fields.get("sourcecode", "")),
                targets=_code_country(fields.get("targetcode", "")),
            ))
        sentences.append(GoldSentence(attributes.get("id", f"s{number}"), sentence_text, tuple(events)))
    if not sentences:
        raise PloverDataError("no <Sentence> record with a <Text>")
    return sentences


def strip_comments(text: str) -> str:
    """The text without ``<!-- -->`` comments (an unclosed one runs to the end), in one pass."""
    pieces, position = [], 0
    while True:
        start = text.find("<!--", position)
        if start < 0:
            pieces.append(text[position:])
            return "".join(pieces)
        pieces.append(text[position:start])
        end = text.find("-->", start + 4)
        if end < 0:
            return "".join(pieces)
        position = end + 3


def _element_text(body: str, tag: str) -> str | None:
    start = body.find(f"<{tag}>")
    if start < 0:
        return None
    end = body.find(f"</{tag}", start)
    content = body[start + len(tag) + 2:end if end >= 0 else len(body)]
    return " ".join(html.unescape(content).split())


def _code_country(code: str) -> frozenset[str]:
    return frozenset({code[:3].upper()}) if len(code) >= 3 and is_country_code(code) else frozenset()


# --- the system --------------------------------------------------------------------------------------------------

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
    """Figures for every strategy: lexicon alone, the model, the hybrid (shipped). With ``cross_validate=K`` the
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
        setting = f"shipped model {Path(model_path or MODEL_PATH).name}" if shipped else "no model found"
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
