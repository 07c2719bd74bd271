"""Denials benchmark: of the "denied" and "no comment" findings a ledger's stories give, how many are a party
denying, or declining to say, something of the story's facts?

The judged sample is a TSV (``benchmarks/denials/*.tsv``) of findings that the code of some earlier version drew
from a ledger of real articles, each judged by hand: ``correct`` (a party denies a fact or a role, or declines
to say something of the happening) or ``wrong`` (a refused interview, dismissed charges, "not known", a recipe's
"don't forget"), with the reason. The findings are recomputed from the ledger's stored records with the code
as it is now (``findings_for_story`` over each story), and each judged row is matched to a current finding of the
same status and party whose evidence is the row's span (else overlaps it) in the same article. Figures:

* ``precision`` — correct rows still found / rows still found (the sample's own share of correct is the
  precision of the version that drew it: ``before``);
* ``recall`` — correct rows still found / correct rows (what a stricter rule costs);
* ``unjudged`` — current findings that no row of the sample stands for (a new finding: listed so a reader sees
  how far the sample speaks for the output); rows drawn but not judged are counted apart (``kept_unjudged``).

The bench also checks every finding of the ledger for two other faults (``ledger_checks``): values that are a
bare pronoun, and origins that rest only on attributions that say nothing.

Rows carry a ``half`` (``tune`` / ``report``, by a stable hash of the story): rules are tuned on ``tune`` and the
figure to quote is ``report``'s.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsledger.reconcile.findings import findings_for_story
from newsledger.reconcile.independence import says_something
from newsledger.reconcile.people import merge_people
from newsledger.reconcile.pronouns import is_bare
from newsledger.records import Finding, FindingStatus
from newsledger.store.ledger import Store

STATUSES = (FindingStatus.DENIED, FindingStatus.NO_COMMENT)
HALVES = ("tune", "report", "all")
COLUMNS = ("story", "article", "start", "end", "status", "slot", "party", "span", "verdict", "half", "reason")
#: The longest span a row quotes (the TSV holds short spans of the articles, not their text).
SPAN_CHARS = 160


class DenialsDataError(ValueError):
    """The judged TSV or the ledger cannot be read."""


@dataclass(frozen=True, slots=True)
class Row:
    story: str
    article: str
    start: int
    end: int
    status: str
    slot: str
    party: str
    span: str
    verdict: str  # correct | wrong | "" (not judged yet)
    half: str
    reason: str


def half_of(story: str) -> str:
    """A stable half for a story: the rows of one story stay together, so a rule tuned on a story's refusals is
    never scored on that story's other refusals."""
    return "tune" if hashlib.sha1(story.encode()).digest()[0] % 2 == 0 else "report"


def current_findings(store: Store, stories: Iterable[str] | None = None) -> list[Finding]:
    """The findings the code as it is now draws from the ledger's stored records, story by story (what
    ``Ingestor.resolve_stories`` does, with the stored happenings)."""
    wanted = set(stories) if stories is not None else None
    found: list[Finding] = []
    for story in store.stories():
        if wanted is not None and story.id not in wanted:
            continue
        attributions = merge_people(store.attributions(story.articles), store.entity_names)
        found += findings_for_story(story, list(store.articles(story.articles)), attributions,
                                    store.events(story.articles), store.cross_events(story.id))
    return found


def refusals(findings: Iterable[Finding]) -> list[Finding]:
    return [f for f in findings if f.status in STATUSES]


def sample_rows(store: Store, findings: list[Finding], min_outlets: int = 2) -> list[Row]:
    """Unjudged rows for the refusals of stories told by ``min_outlets`` or more outlets (or sites)."""
    outlets = {a.id: a.outlet or a.id for a in store.articles()}
    stories = {s.id: s for s in store.stories()}
    rows = []
    for finding in refusals(findings):
        if len({outlets[a] for a in stories[finding.story].articles}) < min_outlets:
            continue
        evidence = finding.values[0].evidence[0]
        span = " ".join(evidence.text.split())[:SPAN_CHARS]
        rows.append(Row(finding.story, evidence.article, evidence.start, evidence.end, finding.status.value,
                        finding.slot, finding.values[0].value, span, "", half_of(finding.story), ""))
    return rows


def read_rows(path: Path) -> list[Row]:
    try:
        with Path(path).open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle, delimiter="\t")
            return [Row(r["story"], r["article"], int(r["start"]), int(r["end"]), r["status"], r["slot"],
                        r["party"], r["span"], r["verdict"], r["half"], r["reason"]) for r in reader]
    except (OSError, KeyError, ValueError) as error:
        raise DenialsDataError(f"cannot read judged findings from {path}: {error}") from error


def write_rows(rows: list[Row], path: Path) -> None:
    with Path(path).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(COLUMNS)
        for row in rows:
            writer.writerow([getattr(row, column) for column in COLUMNS])


def _same_party(row: Row, finding: Finding) -> bool:
    """A verdict judges the finding as shown: its status and its party too (a renamed party is judged anew)."""
    return finding.status.value == row.status and finding.values[0].value == row.party


def _overlaps(row: Row, finding: Finding) -> bool:
    return _same_party(row, finding) and any(
        e.article == row.article and e.start < row.end and row.start < e.end
        for v in finding.values for e in v.evidence)


def _exact(row: Row, finding: Finding) -> bool:
    return _same_party(row, finding) and any(
        (e.article, e.start, e.end) == (row.article, row.start, row.end) for v in finding.values for e in v.evidence)


def match(rows: list[Row], finding: Finding) -> list[Row]:
    """The rows a current finding stands for: those of its exact evidence span, else those it overlaps (a
    finding's span may have moved since the sample was drawn)."""
    return [r for r in rows if _exact(r, finding)] or [r for r in rows if _overlaps(r, finding)]


def score(rows: list[Row], findings: list[Finding], half: str = "report") -> dict[str, Any]:
    """Precision before (the sample) and now, and the recall of the correct rows, on ``half``."""
    in_half = [r for r in rows if half == "all" or r.half == half]
    judged = [r for r in in_half if r.verdict in ("correct", "wrong")]
    stories = {r.story for r in in_half}
    now = [f for f in refusals(findings) if f.story in stories]
    matched = {f.id or str(n): match(in_half, f) for n, f in enumerate(now)}
    kept_ids = {id(r) for found in matched.values() for r in found}
    kept = [r for r in judged if id(r) in kept_ids]
    correct = [r for r in judged if r.verdict == "correct"]
    kept_correct = [r for r in kept if r.verdict == "correct"]
    new = [f for n, f in enumerate(now) if not matched[f.id or str(n)]]
    return {
        "half": half,
        "judged": len(judged),
        "before": {"findings": len(judged), "correct": len(correct), "precision": _share(len(correct), len(judged))},
        "now": {"findings": len(kept), "correct": len(kept_correct), "precision": _share(len(kept_correct), len(kept)),
                "recall": _share(len(kept_correct), len(correct))},
        "kept_unjudged": sum(1 for r in in_half if not r.verdict and id(r) in kept_ids),
        "unjudged": [f.explanation for f in new],
        "dropped_correct": [r.span for r in correct if id(r) not in kept_ids],
        "kept_wrong": [r.span for r in kept if r.verdict == "wrong"],
    }


#: Slots whose values are names or descriptions (a count of "none" or "all" is no pronoun).
NAME_SLOTS = ("agent", "target", "place", "claim")


def ledger_checks(store: Store, findings: list[Finding]) -> dict[str, int]:
    """Two checks of issue 17 over every finding of the ledger: values that are a bare pronoun ("He", "who"), and
    values whose origins are not the outlet's own yet rest only on attributions that say nothing ("officers
    responded to a shooting call")."""
    attributions = {a.id: a for a in store.attributions()}
    values = [(f, v) for f in findings for v in f.values]
    bare = sum(1 for f, v in values if f.slot in NAME_SLOTS and is_bare(v.value))
    silent = sum(1 for _, v in values if v.attributions and any(not o.startswith(("outlet:", "article:"))
                                                                for o in v.origins)
                 and not any(says_something(attributions[a]) for a in v.attributions if a in attributions))
    return {"findings": len(findings), "bare_pronoun_values": bare, "origins_from_attributions_that_say_nothing": silent}


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def run(data: Path, ledger: Path, half: str = "report") -> dict[str, Any]:
    """Score the judged rows of ``data`` against the findings recomputed from ``ledger``."""
    if half not in HALVES:
        raise DenialsDataError(f"half must be one of {', '.join(HALVES)}, not {half!r}")
    rows = read_rows(data)
    if not Path(ledger).exists():
        raise DenialsDataError(f"no ledger at {ledger}")
    with Store(str(ledger), readonly=True) as store:
        findings = current_findings(store)
        checks = ledger_checks(store, findings)
    return {"data": str(data), "ledger": str(ledger), **score(rows, findings, half), "ledger_checks": checks}


def render(result: dict[str, Any]) -> str:
    def pct(value: float | None) -> str:
        return "n/a" if value is None else f"{100 * value:.1f}%"

    before, now = result["before"], result["now"]
    lines = [
        f"Denied / no-comment findings judged by hand ({result['half']} half): {result['judged']}",
        f"  before (the sample): {before['correct']}/{before['findings']} correct, precision {pct(before['precision'])}",
        (f"  now: {now['correct']}/{now['findings']} correct, precision {pct(now['precision'])}, "
         f"recall of the correct ones {pct(now['recall'])}"),
        f"  sampled but not judged, still found: {result['kept_unjudged']}",
        f"  findings now that no row of the sample stands for: {len(result['unjudged'])}",
    ]
    lines += [f"    new: {text[:150]}" for text in result["unjudged"][:10]]
    checks = result["ledger_checks"]
    lines.append(f"  the whole ledger: {checks['findings']} findings, {checks['bare_pronoun_values']} values that are a "
                 f"bare pronoun, {checks['origins_from_attributions_that_say_nothing']} values whose origin rests on "
                 f"attributions that say nothing")
    lines += [f"    kept, judged wrong: {span}" for span in result["kept_wrong"]]
    lines += [f"    dropped, judged correct: {span}" for span in result["dropped_correct"]]
    return "\n".join(lines)
