"""`newsledger bench clean`: does cleaning take out what is not the article, and only that?

Scored per paragraph against hand judgments (``benchmarks/clean/*.tsv``: article id, paragraph index, a short
excerpt, verdict). A paragraph is a block of the raw text between blank lines, as the ``newspaper`` library writes
them in ``gva/articles.jsonl``. The verdict is ``article`` for the story's own text, otherwise the kind of thing it
is (``notice``, ``related``, ``caption``, …). Cleaning "removes" a paragraph when the spans it put in
``Article.removed`` cover at least half of the paragraph's characters. Removal is the positive class: precision is
the share of removed paragraphs that were not the article (a removed sentence of the story is the costly error),
recall the share of non-article paragraphs removed.

The judged articles are drawn from the ``tune`` part of the GVA incidents (``facts.part_of``) with a fixed seed:
a first sample to write the rules on and a check set from other incidents to measure them on.
"""

from __future__ import annotations

import csv
import json
import random
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsledger.evaluation.facts import part_of
from newsledger.ingest.clean import clean_text
from newsledger.records import Removed

DEFAULT_LABELS = Path(__file__).resolve().parents[3] / "benchmarks" / "clean" / "gva_check.tsv"
ARTICLE = "article"
EXCERPT_CHARS = 80
SAMPLE_SEED = 17
_BLANK_LINE = re.compile(r"\n[ \t\r]*\n")


@dataclass(frozen=True, slots=True)
class Paragraph:
    index: int
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Judgment:
    article: str
    index: int
    excerpt: str
    verdict: str


def paragraphs(text: str) -> list[Paragraph]:
    """The non-blank blocks of ``text`` between blank lines, numbered from 0, with their offsets."""
    blocks, start = [], 0
    for gap in [*_BLANK_LINE.finditer(text), None]:
        end = gap.start() if gap else len(text)
        chunk = text[start:end]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            blocks.append(Paragraph(len(blocks), chunk.strip(), start + lead, start + lead + len(chunk.strip())))
        if gap:
            start = gap.end()
    return blocks


def draw_samples(articles: list[dict[str, Any]], tune_size: int, check_size: int,
                 seed: int = SAMPLE_SEED) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Two random sets of ``tune``-part articles whose incidents do not overlap: rules are written on the first."""
    pool = sorted((a for a in articles if part_of(str(a["incident"])) == "tune"), key=lambda a: a["id"])
    random.Random(seed).shuffle(pool)
    first, first_incidents = [], set()
    for article in pool:
        if len(first) == tune_size:
            break
        first.append(article)
        first_incidents.update(_incidents(article))
    chosen = {a["id"] for a in first}
    check = [a for a in pool if a["id"] not in chosen and not _incidents(a) & first_incidents][:check_size]
    return first, check


def _incidents(article: dict[str, Any]) -> set[str]:
    return {str(i) for i in article.get("incidents") or [article["incident"]]}


def judgment_rows(article: dict[str, Any], verdicts: dict[int, str]) -> list[Judgment]:
    """One row per paragraph; paragraphs without a verdict are the article's."""
    return [Judgment(article["id"], p.index, _excerpt(p.text), verdicts.get(p.index, ARTICLE))
            for p in paragraphs(article["text"])]


def _excerpt(text: str) -> str:
    return " ".join(text.split())[:EXCERPT_CHARS]


def write_judgments(path: Path, rows: Iterable[Judgment]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(["article", "paragraph", "excerpt", "verdict"])
        for row in rows:
            writer.writerow([row.article, row.index, row.excerpt, row.verdict])


def read_judgments(path: Path) -> list[Judgment]:
    with open(path, encoding="utf-8", newline="") as source:
        reader = csv.DictReader(source, delimiter="\t")
        return [Judgment(r["article"], int(r["paragraph"]), r["excerpt"], r["verdict"]) for r in reader]


def removed_paragraphs(text: str, removed: list[Removed]) -> dict[int, str]:
    """The paragraphs of ``text`` that ``removed`` covers at least half of, with the kind that covers most."""
    result = {}
    for paragraph in paragraphs(text):
        covered = Counter()
        for span in removed:
            overlap = min(span.end, paragraph.end) - max(span.start, paragraph.start)
            if overlap > 0:
                covered[span.kind] += overlap
        if covered and 2 * sum(covered.values()) >= paragraph.end - paragraph.start:
            result[paragraph.index] = covered.most_common(1)[0][0]
    return result


def score(articles: dict[str, dict[str, Any]], judgments: list[Judgment],
          cleaner: Callable[[str], list[Removed]] | None = None) -> dict[str, Any]:
    """Per-paragraph precision / recall / F1 of removal, the errors listed (excerpts only)."""
    cleaner = cleaner or (lambda text: clean_text(text).removed)
    by_article = defaultdict(list)
    for judgment in judgments:
        by_article[judgment.article].append(judgment)
    missing = sorted(set(by_article) - set(articles))
    if missing:
        raise ValueError(f"{len(missing)} judged articles are not in the data, e.g. {missing[0]}")
    true_pos = false_pos = false_neg = 0
    lost, kept = [], Counter()
    for article_id, rows in sorted(by_article.items()):
        text = articles[article_id]["text"]
        removed = removed_paragraphs(text, cleaner(text))
        for row in rows:
            is_noise, was_removed = row.verdict != ARTICLE, row.index in removed
            true_pos += is_noise and was_removed
            false_pos += was_removed and not is_noise
            false_neg += is_noise and not was_removed
            if was_removed and not is_noise:
                lost.append({"article": article_id, "paragraph": row.index, "excerpt": row.excerpt,
                             "removed_as": removed[row.index]})
            if is_noise and not was_removed:
                kept[row.verdict] += 1
    precision = true_pos / (true_pos + false_pos) if true_pos + false_pos else 1.0
    recall = true_pos / (true_pos + false_neg) if true_pos + false_neg else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "articles": len(by_article), "paragraphs": len(judgments),
        "not_article": sum(j.verdict != ARTICLE for j in judgments),
        "removed_right": true_pos, "removed_wrong": false_pos, "missed": false_neg,
        "precision": round(100 * precision, 1), "recall": round(100 * recall, 1), "f1": round(100 * f1, 1),
        "lost_sentences": lost, "missed_by_verdict": dict(kept.most_common()),
    }


def read_articles(folder: Path) -> dict[str, dict[str, Any]]:
    """``articles.jsonl`` of a GVA-layout folder, by id."""
    path = Path(folder) / "articles.jsonl"
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such file (a GVA-layout folder holds articles.jsonl)")
    with open(path, encoding="utf-8") as source:
        return {record["id"]: record for record in map(json.loads, source)}


def run(folder: Path, labels: Path | None = None) -> dict[str, Any]:
    """The cleaner's removal scores on ``labels`` (default: the check set) for the articles of ``folder``."""
    labels = Path(labels or DEFAULT_LABELS)
    result = score(read_articles(folder), read_judgments(labels))
    return {"data": str(folder), "labels": str(labels), **result}


def render(result: dict[str, Any]) -> str:
    lines = [
        (f"cleaning on {result['labels']}: {result['articles']} articles, {result['paragraphs']} paragraphs, "
         f"{result['not_article']} not the article"),
        (f"removal  P {result['precision']:.1f}  R {result['recall']:.1f}  F1 {result['f1']:.1f}  "
         f"(right {result['removed_right']}, wrong {result['removed_wrong']}, missed {result['missed']})"),
    ]
    if result["missed_by_verdict"]:
        lines.append("missed by kind: " + ", ".join(f"{k} {n}" for k, n in result["missed_by_verdict"].items()))
    lines += [f"lost: {e['article'][:8]} #{e['paragraph']} as {e['removed_as']}: {e['excerpt']}"
              for e in result["lost_sentences"]]
    return "\n".join(lines)
