"""Attribution extras benchmark: the fields PolNeAR does not score (source kind, stance, relays, resolution).

Gold: ``benchmarks/attribution_extras/dev_gold.jsonl``, one attribution per line, its source/cue/content spans
taken from PolNeAR and its extras annotated by hand after ``docs/attribution-extras-guide.md``. Texts are read
from ``DATA/text/<doc>.txt`` (PolNeAR layout). Each article goes through the ledger's own extraction path
(``entity_mentions`` -> ``EntityIndex`` -> ``extract_attributions``).

Matching, one-to-one within an article, in gold order:

1. a gold attribution takes the unused system attribution whose cue overlaps its cue (if several, the one
   whose content shares most characters with the gold content, then the first);
2. gold attributions still unmatched then take the unused system attribution whose content shares most
   characters (at least one) with theirs.

Coverage is matched / gold. Every field is scored over the matched pairs only, and only over the gold rows
that carry it: a gold set may annotate some fields alone (``train_resolution.jsonl`` has only resolutions;
a row without content is matched by its cue alone, a field left out is not scored, and a field no row
carries shows n 0):

* kind: equal kinds (a system attribution without a source counts as ``unknown``);
* anonymous: both or neither ``anonymous``;
* affiliation (gold items with an affiliation): the system's affiliation contains the gold one or is
  contained in it, case-insensitively;
* stance: equal stances;
* via: the relay chains have the same length and the relays at each position share a word once both are
  normalised (case, possessive, punctuation and "the/a/an/of" dropped), so "CNN’s Wolf Blitzer" meets
  "CNN"; ``has_relay`` only asks whether both chains are empty or both are not;
* resolved (gold items with a resolution): the system's ``source.resolved`` or source text contains the last
  word of the gold name.

The baseline answers every item with the gold set's most frequent value of each field (the empty chain for
via; no affiliation and no resolution, so the source's own text stands for the resolution) and is scored the
same way, to put the figures in context.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc

from newsledger.extract.cues import Range
from newsledger.records import Attribution, SourceKind

FIELDS = ("kind", "anonymous", "affiliation", "stance", "via_exact", "has_relay", "resolved")
Extractor = Callable[[Doc, str], list[Attribution]]

_WORD = re.compile(r"[\w-]+")
_POSSESSIVE = re.compile(r"(?:'s|’s)\b", re.IGNORECASE)
_STOP = {"the", "a", "an", "of"}


@dataclass(frozen=True, slots=True)
class Item:
    """One attribution's extras, gold or predicted, in the shape both sides are compared in."""

    kind: str | None  # None: not annotated (a gold set of resolutions only)
    stance: str | None
    affiliation: str | None
    via: tuple[str, ...] | None
    resolved: str | None
    source_text: str | None


@dataclass(frozen=True, slots=True)
class Gold:
    doc: str
    cue: Range
    content: Range | None
    item: Item


# --- reading ---------------------------------------------------------------------------------------------

def load_gold(path: Path) -> list[Gold]:
    """The gold JSONL, one ``Gold`` per non-blank line."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return [_gold(json.loads(line)) for line in lines if line.strip()]


def _gold(row: dict) -> Gold:
    source, content = row.get("source"), row.get("content")
    item = Item(
        kind=row.get("kind"),
        stance=row.get("stance"),
        affiliation=row.get("affiliation"),
        via=tuple(row["via"]) if "via" in row else None,
        resolved=row.get("resolved"),
        source_text=source["text"] if source else None,
    )
    span = (content["start"], content["end"]) if content else None
    return Gold(row["doc"], (row["cue"]["start"], row["cue"]["end"]), span, item)


def predicted(attribution: Attribution) -> Item:
    """A system attribution in the comparison shape."""
    source = attribution.source
    return Item(
        kind=str(source.kind) if source else SourceKind.UNKNOWN.value,
        stance=str(attribution.stance),
        affiliation=source.affiliation if source else None,
        via=tuple(relay.text for relay in attribution.via),
        resolved=source.resolved if source else None,
        source_text=source.text if source else None,
    )


# --- matching --------------------------------------------------------------------------------------------

def _overlap(a: Range | None, b: Range | None) -> int:
    if a is None or b is None:
        return 0
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match(gold: list[Gold], system: list[Attribution]) -> list[Attribution | None]:
    """The system attribution matched to each gold one of a single article (None when unmatched)."""
    spans = [((a.cue.start, a.cue.end), (a.content.start, a.content.end)) for a in system]
    used: set[int] = set()
    found: list[int | None] = [None] * len(gold)
    for i, g in enumerate(gold):
        found[i] = _best(g, spans, used, by_cue=True)
    for i, g in enumerate(gold):
        if found[i] is None:
            found[i] = _best(g, spans, used, by_cue=False)
    return [system[j] if j is not None else None for j in found]


def _best(gold: Gold, spans: list[tuple[Range, Range]], used: set[int], by_cue: bool) -> int | None:
    """The unused candidate with the most content overlap, among those whose cue (or content) overlaps."""
    best, best_overlap = None, -1
    for j, (cue, content) in enumerate(spans):
        shared = _overlap(gold.content, content)
        eligible = _overlap(gold.cue, cue) > 0 if by_cue else shared > 0
        if j not in used and eligible and shared > best_overlap:
            best, best_overlap = j, shared
    if best is not None:
        used.add(best)
    return best


# --- field comparison ------------------------------------------------------------------------------------

def words(text: str) -> set[str]:
    """The normalised words of a relay or name: case folded, possessive, punctuation and articles dropped."""
    return {w for w in _WORD.findall(_POSSESSIVE.sub("", text.casefold())) if w not in _STOP}


def same_relay(gold: str, system: str) -> bool:
    return bool(words(gold) & words(system))


def field_checks(gold: Item, system: Item) -> dict[str, bool]:
    """Whether the system got each field right; fields a gold item does not bear are left out."""
    checks = {}
    if gold.kind is not None:
        checks["kind"] = gold.kind == system.kind
        checks["anonymous"] = (gold.kind == "anonymous") == (system.kind == "anonymous")
    if gold.stance is not None:
        checks["stance"] = gold.stance == system.stance
    if gold.via is not None:
        checks["via_exact"] = len(gold.via) == len(system.via) and all(map(same_relay, gold.via, system.via))
        checks["has_relay"] = bool(gold.via) == bool(system.via)
    if gold.affiliation:
        checks["affiliation"] = _contains_either(gold.affiliation, system.affiliation)
    if gold.resolved:
        checks["resolved"] = _names(gold.resolved, system)
    return checks


def _contains_either(gold: str, system: str | None) -> bool:
    if not system:
        return False
    a, b = gold.casefold(), system.casefold()
    return a in b or b in a


def _names(gold_name: str, system: Item) -> bool:
    """The gold name's last word is among the words of the system's resolution or source text."""
    last = gold_name.split()[-1].casefold()
    return any(last in words(text) for text in (system.resolved, system.source_text) if text)


# --- scoring ---------------------------------------------------------------------------------------------

def accuracy(pairs: Iterable[tuple[Item, Item]]) -> dict[str, dict[str, float]]:
    """Correct / total per field over (gold, system) pairs."""
    correct, total = Counter(), Counter()
    for gold, system in pairs:
        for name, ok in field_checks(gold, system).items():
            total[name] += 1
            correct[name] += ok
    return {
        name: {"correct": correct[name], "n": total[name], "accuracy": _ratio(correct[name], total[name])}
        for name in FIELDS
    }


def _ratio(num: float, den: float) -> float:
    return round(num / den, 4) if den else 0.0


def baseline(gold: list[Item]) -> list[Item]:
    """Each gold item answered with the gold set's most frequent kind, stance and chain, nothing else."""
    if not gold:
        return []
    kind, stance, via = (_most_common(getattr(g, name) for g in gold) for name in ("kind", "stance", "via"))
    return [Item(kind, stance, None, via, None, g.source_text) for g in gold]


def _most_common(values: Iterable):
    """The most frequent annotated value (None when no row carries the field)."""
    counts = Counter(value for value in values if value is not None)
    return counts.most_common(1)[0][0] if counts else None


def confusion(pairs: list[tuple[Item, Item]], field: str) -> dict[str, dict[str, int]]:
    """gold value -> system value -> count."""
    table: dict[str, Counter] = {}
    for gold, system in pairs:
        if getattr(gold, field) is not None:
            table.setdefault(getattr(gold, field), Counter())[getattr(system, field)] += 1
    return {value: dict(counts.most_common()) for value, counts in sorted(table.items())}


def score(gold: list[Gold], system: dict[str, list[Attribution]]) -> dict:
    """Coverage, per-field accuracy, baseline and confusion tables of system attributions per document."""
    pairs, items = [], []
    for doc in dict.fromkeys(g.doc for g in gold):
        doc_gold = [g for g in gold if g.doc == doc]
        for g, found in zip(doc_gold, match(doc_gold, system.get(doc, [])), strict=True):
            sys_item = predicted(found) if found else None
            if sys_item:
                pairs.append((g.item, sys_item))
            items.append(_item_report(g, found, sys_item))
    matched_gold = [g for g, _ in pairs]
    return {
        "documents": len({g.doc for g in gold}),
        "gold": len(gold),
        "matched": len(pairs),
        "coverage": _ratio(len(pairs), len(gold)),
        "fields": accuracy(pairs),
        "baseline": accuracy(zip(matched_gold, baseline(matched_gold))),
        "confusion": {"kind": confusion(pairs, "kind"), "stance": confusion(pairs, "stance")},
        "items": items,
    }


def _item_report(gold: Gold, found: Attribution | None, system: Item | None) -> dict:
    """One gold item beside what the system said, for error analysis (``--json``)."""
    report = {"doc": gold.doc, "cue": list(gold.cue), "gold": _plain(gold.item), "system": None}
    if found is not None and system is not None:
        report["system"] = {**_plain(system), "cue": [found.cue.start, found.cue.end]}
        report["errors"] = [name for name, ok in field_checks(gold.item, system).items() if not ok]
    return report


def _plain(item: Item) -> dict:
    return {name: getattr(item, name) for name in Item.__slots__}


# --- running ---------------------------------------------------------------------------------------------

def ledger_extractor(doc: Doc, doc_id: str) -> list[Attribution]:
    """The extraction path the ledger runs: entity mentions first, so sources resolve to entities, and the
    content ranker, whose edges the relays and stances read."""
    from newsledger.evaluation.attribution import publisher_of
    from newsledger.extract import content_spans
    from newsledger.extract.attribution import extract_attributions
    from newsledger.extract.entities import EntityIndex, entity_mentions

    return extract_attributions(doc, doc_id, EntityIndex(entity_mentions(doc)).entity_at, outlet=publisher_of(doc_id),
                                content_model=content_spans.shipped())


def run(gold: Path, data: Path, extractor: Extractor | None = None) -> dict:
    """Parse the gold set's articles from ``data/text`` and score the extractor (the ledger's by default)."""
    from newsledger.annotate.nlp import load

    gold_items = load_gold(Path(gold))
    names = list(dict.fromkeys(g.doc for g in gold_items))
    texts = [(Path(data) / "text" / f"{name}.txt").read_text(encoding="utf-8") for name in names]
    extract = extractor or ledger_extractor
    docs = load().pipe(texts, batch_size=16)
    system = {name: extract(doc, name) for name, doc in zip(names, docs, strict=True)}
    return {"gold_file": str(gold), "data_dir": str(data), **score(gold_items, system)}


# --- rendering -------------------------------------------------------------------------------------------

def render(result: dict) -> str:
    """Plain text: coverage, accuracy beside the baseline per field, the two confusion tables."""
    lines = [
        f"Attribution extras benchmark — {result.get('gold_file', '')}",
        (f"documents {result['documents']}  gold {result['gold']}  matched {result['matched']}  "
         f"coverage {result['coverage']:.3f}"),
        "",
        f"{'field':<13}{'n':>5}{'system':>9}{'baseline':>10}",
    ]
    for name in FIELDS:
        own, base = result["fields"][name], result["baseline"][name]
        if own["n"]:  # a gold set of some fields only leaves the others out
            lines.append(f"{name:<13}{own['n']:>5}{own['accuracy']:>9.3f}{base['accuracy']:>10.3f}")
    for field, table in result["confusion"].items():
        if table:
            lines += ["", f"{field} confusion (rows gold, columns system)", *_table(table)]
    return "\n".join(lines)


def _table(table: dict[str, dict[str, int]]) -> list[str]:
    columns = sorted({value for row in table.values() for value in row})
    width = max([len(c) for c in columns] + [len(r) for r in table] + [5]) + 2
    rows = ["".ljust(width) + "".join(c.rjust(width) for c in columns)]
    for gold, row in table.items():
        rows.append(gold.ljust(width) + "".join(str(row.get(c, 0)).rjust(width) for c in columns))
    return rows
