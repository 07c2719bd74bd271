"""`newsledger bench facts`: a story's facts against real incidents' registry facts (the Gun Violence Archive
collection of SemEval-2018 Task 5, ``gva/``: ``articles.jsonl`` and ``incidents.jsonl``).

The articles are ingested in date order into a fresh ledger, as a desk would receive them. Then:

* stories against incidents: B³ and pairwise P/R/F1 (an article's incident is its ``incident`` field), beside a
  TF-IDF cosine single-link baseline (``evaluation/tfidf.py``) whose threshold is chosen on the other part of the
  data (below), so the baseline is tuned and the system is not;
* facts, for incidents with two or more articles: the story holding most of the incident's articles is the
  incident's story; per slot (killed, injured, date, place) the share of incidents whose story's summary (what a
  reader sees first: the main happening's leading values, ``report/summary.py``) matches the registry
  (``matching.py`` says what matches); a slot the summary does not give counts as wrong, except a registry count
  of 0, which is right when the summary claims no positive count; and, the issue's own looser measure, the share
  whose story has a finding that holds the registry's value (``facts_held``);
* disputes over those slots whose every value agrees with the registry (false disputes), against all findings;
* seconds per article.

Parts: incidents are split by a stable hash into ``tune`` (one in three) and ``eval``; an article goes with its
incident. The baseline's threshold is tuned on ``tune``; figures are reported on the part asked for (``eval`` by
default). A held-out collection in the same layout is scored with the same command.
"""

from __future__ import annotations

import json
import tempfile
import time
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsledger.evaluation import tfidf
from newsledger.evaluation.clustering_metrics import b_cubed, pairwise
from newsledger.evaluation.matching import (
    count_matches,
    count_of,
    date_matches,
    near_registry,
    place_matches,
)
from newsledger.records import CrossEvent, Finding, FindingStatus, SlotValue
from newsledger.report.summary import summarize

PARTS = ("tune", "eval", "all")
SLOTS = ("killed", "injured", "date", "place")
FINDING_SLOT = {"killed": "killed", "injured": "injured", "date": "time", "place": "place"}


@dataclass(frozen=True, slots=True)
class Incident:
    id: str
    date: str
    state: str
    city: str
    address: str
    killed: int
    injured: int
    lat_lon: tuple[float, float] | None


class FactsDataError(ValueError):
    """A folder the facts bench cannot read (the message names the file and the reason)."""


def part_of(incident_id: str) -> str:
    return "tune" if zlib.crc32(incident_id.encode()) % 3 == 0 else "eval"


def read_folder(folder: Path) -> tuple[list[dict[str, Any]], dict[str, Incident]]:
    """The articles (in the file's order: by date) and the incidents, by id."""
    folder = Path(folder)
    incidents = {}
    for record in _jsonl(folder / "incidents.jsonl"):
        incidents[str(record["id"])] = Incident(
            id=str(record["id"]), date=record["date"], state=record.get("state") or "",
            city=record.get("city_or_county") or "", address=record.get("address") or "",
            killed=int(record.get("killed") or 0), injured=int(record.get("injured") or 0),
            lat_lon=tuple(record["lat_lon"]) if record.get("lat_lon") else None,
        )
    articles = [record for record in _jsonl(folder / "articles.jsonl") if str(record.get("incident")) in incidents]
    return articles, incidents


def _jsonl(path: Path) -> Iterable[dict[str, Any]]:
    if not path.is_file():
        raise FactsDataError(f"{path}: not found (the facts bench needs articles.jsonl and incidents.jsonl)")
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                try:
                    yield json.loads(line)
                except json.JSONDecodeError as error:
                    raise FactsDataError(f"{path}:{number}: not JSON ({error.msg})") from error


def select(articles: list[dict[str, Any]], part: str, limit: int | None) -> list[dict[str, Any]]:
    """The articles of a part; with ``limit``, those of its first ``limit`` incidents in date order."""
    chosen = [a for a in articles if part == "all" or part_of(str(a["incident"])) == part]
    if limit is not None:
        kept = set(list(dict.fromkeys(str(a["incident"]) for a in chosen))[:limit])
        chosen = [a for a in chosen if str(a["incident"]) in kept]
    return chosen


def run(data: Path, part: str = "eval", limit: int | None = None, model: str | None = None,
        ledger_path: Path | None = None, on_progress: Callable[[int, int], None] | None = None) -> dict[str, Any]:
    """``on_progress(done, total)`` is told the bytes of the article stream ingested so far."""
    from newsledger.api import Ledger  # loads the pipeline only when the bench runs

    if ledger_path is not None and Path(ledger_path).exists():
        raise FactsDataError(f"{ledger_path}: exists; the bench builds a fresh ledger (name a new path)")
    articles, incidents = read_folder(data)
    scored = select(articles, part, limit)
    if not scored:
        raise FactsDataError(f"{data}: no article in part {part!r}")
    tune = select(articles, "tune", limit) if part != "tune" else scored
    threshold = tfidf.best_threshold(tune)
    with tempfile.TemporaryDirectory() as scratch:
        stream = Path(scratch) / "articles.jsonl"
        with stream.open("w", encoding="utf-8") as handle:
            for article in scored:
                handle.write(json.dumps({key: article.get(key) for key in
                                         ("id", "title", "text", "published", "url", "outlet")}) + "\n")
        location = ledger_path or Path(scratch) / "facts.db"
        started = time.perf_counter()
        total = stream.stat().st_size
        done = 0

        def advance(size: int) -> None:
            nonlocal done
            done += size
            if on_progress:
                on_progress(done, total)

        with Ledger(location, model=model) as ledger:
            report = ledger.ingest([stream], on_progress=advance)
            seconds = time.perf_counter() - started
            story_of = _stories_by_input_id(ledger, scored, report)
            findings = defaultdict(list)
            for finding in ledger.store.findings():
                findings[finding.story].append(finding)
            happenings = defaultdict(list)
            for happening in ledger.store.cross_events():
                happenings[happening.story].append(happening)
    gold = {a["id"]: str(a["incident"]) for a in scored}
    system = {item: story_of[item] for item in gold if item in story_of}
    baseline = tfidf.single_link(scored, threshold)
    facts = _facts(scored, incidents, story_of, findings, happenings)
    return {
        "data": str(data), "part": part, "articles": len(scored), "incidents": len(set(gold.values())),
        "stored": len(report.ingested), "duplicates": len(report.duplicates), "rejected": len(report.rejected),
        "stories": {"system": {"b_cubed": b_cubed(gold, system), "pairwise": pairwise(gold, system),
                               "clusters": len(set(system.values()))},
                    "tfidf_single_link": {"threshold": threshold, "b_cubed": b_cubed(gold, baseline),
                                          "pairwise": pairwise(gold, baseline),
                                          "clusters": len(set(baseline.values()))}},
        **facts,
        "seconds_per_article": seconds / len(scored),
    }


def _stories_by_input_id(ledger, scored: list[dict[str, Any]], report) -> dict[str, str]:
    """Each input record's story; a record whose text repeats a stored article gets that article's story."""
    by_article = {article_id: story.id for story in ledger.stories() for article_id in story.articles}
    by_external = {a.external_id: by_article.get(a.id) for a in ledger.store.articles() if a.external_id}
    # The stream has one record a line, so a duplicate's origin ("articles.jsonl:N") names its record.
    repeats = {scored[int(origin.rsplit(":", 1)[-1]) - 1]["id"]: article_id for origin, article_id in report.duplicates}
    found = {}
    for record in scored:
        story = by_external.get(record["id"])
        if story is None and record["id"] in repeats:
            story = by_article.get(repeats[record["id"]])
        if story is not None:
            found[record["id"]] = story
    return found


def _facts(scored: list[dict[str, Any]], incidents: dict[str, Incident], story_of: dict[str, str],
           findings: dict[str, list[Finding]], happenings: dict[str, list[CrossEvent]]) -> dict[str, Any]:
    by_incident = defaultdict(list)
    for article in scored:
        by_incident[str(article["incident"])].append(article["id"])
    right = Counter()
    held = Counter()
    counted = Counter()
    positive = Counter()
    positive_right = Counter()
    disputes = false_disputes = total = 0
    seen_stories = set()
    for incident_id, members in by_incident.items():
        if len(members) < 2:
            continue
        stories = Counter(story_of[m] for m in members if m in story_of)
        story = stories.most_common(1)[0][0] if stories else None
        story_findings = findings.get(story, []) if story else []
        incident = incidents[incident_id]
        summary = summarize(story_findings, happenings.get(story, [])) if story else None
        for slot in SLOTS:
            ok = _slot_right(slot, incident, _summary_fact(summary, slot))
            counted[slot] += 1
            right[slot] += ok
            held[slot] += _slot_held(slot, incident, story_findings)
            if slot in ("killed", "injured") and getattr(incident, slot) > 0:
                positive[slot] += 1
                positive_right[slot] += ok
        if story and story not in seen_stories:
            seen_stories.add(story)
            total += len(story_findings)
            for finding in story_findings:
                slot = next((s for s, name in FINDING_SLOT.items() if name == finding.slot), None)
                if finding.status is FindingStatus.DISPUTED and slot:
                    disputes += 1
                    false_disputes += all(_value_right(slot, incident, v) for v in finding.values)
    return {
        "fact_incidents": counted["killed"],
        "facts": {slot: {"accuracy": right[slot] / counted[slot] if counted[slot] else 0.0,
                         "right": right[slot], "of": counted[slot]} for slot in SLOTS},
        "facts_held": {slot: {"accuracy": held[slot] / counted[slot] if counted[slot] else 0.0,
                              "right": held[slot], "of": counted[slot]} for slot in SLOTS},
        "facts_when_registry_positive": {slot: {"accuracy": positive_right[slot] / positive[slot] if positive[slot]
                                                else 0.0, "of": positive[slot]} for slot in ("killed", "injured")},
        "findings": total,
        "disputes": {"on_registry_slots": disputes, "false": false_disputes,
                     "false_share_of_findings": false_disputes / total if total else 0.0},
    }


def _summary_fact(summary: dict[str, Any] | None, slot: str) -> SlotValue | None:
    """What a reader takes from the story's summary for a slot (the leading value of the main happening's
    finding, else of the story's), as a value; None when the summary says nothing of it."""
    if summary is None:
        return None
    fact = summary["where"] if slot == "place" else summary["when"] if slot == "date" else next(
        (f for f in summary["counts"] if f["slot"] == slot), None)
    return SlotValue(fact["leading"], normal=fact["normal"]) if fact else None


def _slot_right(slot: str, incident: Incident, value: SlotValue | None) -> bool:
    if slot in ("killed", "injured") and getattr(incident, slot) == 0:
        return value is None or count_of(value.value) == 0
    return value is not None and _value_right(slot, incident, value)


def _slot_held(slot: str, incident: Incident, findings: list[Finding]) -> bool:
    """Whether a finding of the story holds the registry's value (the issue's measure, looser than the lead's): a
    registry count of 0 is held when no finding claims a positive count, or one holds 0."""
    values = [value for finding in findings if finding.slot == FINDING_SLOT[slot] for value in finding.values]
    if slot in ("killed", "injured") and getattr(incident, slot) == 0:
        return not any(count_of(value.value) for value in values) or any(
            count_of(value.value) == 0 for value in values)
    return any(_value_right(slot, incident, value) for value in values)


def _value_right(slot: str, incident: Incident, value: SlotValue) -> bool:
    if slot in ("killed", "injured"):
        return count_matches(value.value, getattr(incident, slot))
    if slot == "date":
        return date_matches(value.value, incident.date)
    geo = (value.normal or {}).get("geo") if isinstance(value.normal, dict) else None
    return place_matches(value.value, incident.city, incident.address) or near_registry(geo, incident.lat_lon)


def render(result: dict[str, Any]) -> str:
    system, baseline = result["stories"]["system"], result["stories"]["tfidf_single_link"]
    lines = [
        f"facts on {result['data']} (part {result['part']}): {result['articles']} articles, {result['incidents']} "
        f"incidents; stored {result['stored']}, duplicates {result['duplicates']}, rejected {result['rejected']}",
        "",
        "stories against incidents        B3 P / R / F1           pairwise P / R / F1     clusters",
        _cluster_line("newsledger", system),
        _cluster_line(f"tf-idf single-link @{baseline['threshold']:.2f}", baseline),
        "",
        f"facts of the {result['fact_incidents']} incidents with 2+ articles (share whose story's leading value matches):",
    ]
    for slot, figures in result["facts"].items():
        lines.append(f"  {slot:<8} {figures['accuracy']:.3f}  ({figures['right']} of {figures['of']})")
    lines.append("  and the share for which some finding of the story holds the registry's value:")
    for slot, figures in result.get("facts_held", {}).items():
        lines.append(f"  {slot:<8} {figures['accuracy']:.3f}  ({figures['right']} of {figures['of']})")
    for slot, figures in result["facts_when_registry_positive"].items():
        lines.append(f"  {slot} where the registry counts any: {figures['accuracy']:.3f} of {figures['of']}")
    disputes = result["disputes"]
    lines += [
        "",
        f"findings {result['findings']}; disputes on killed/injured/date/place {disputes['on_registry_slots']}, "
        f"false {disputes['false']} ({disputes['false_share_of_findings']:.1%} of findings)",
        f"seconds per article: {result['seconds_per_article']:.3f}",
    ]
    return "\n".join(lines)


def _cluster_line(name: str, figures: dict[str, Any]) -> str:
    b3, pw = figures["b_cubed"], figures["pairwise"]
    return (f"{name:<32} {b3['p']:.3f} / {b3['r']:.3f} / {b3['f1']:.3f}   "
            f"{pw['p']:.3f} / {pw['r']:.3f} / {pw['f1']:.3f}   {figures['clusters']}")
