"""`newsledger bench extract`: the clean text of web pages against their true article bodies, beside trafilatura.

The layout and the score are those of the public Article Extraction Benchmark (scrapinghub/article-extraction-
benchmark): ``html/<key>.html.gz`` pages and a ``ground-truth.json`` of ``{key: {"articleBody", "url"}}``. A text
is a bag of 4-word shingles (words: runs of ``\\w``); per page, true positives, false positives and false
negatives are counted over the shingles and divided by their sum (so long pages weigh no more than short ones);
precision and recall are the means over the pages where they are defined, and F1 is their harmonic mean.
Bare ``trafilatura.extract`` on the same pages is scored in the same run. A page is *lost* when newsledger keeps
no text of a page whose truth has some. The share of pages with a title, a date and an outlet is counted too.
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
from collections import Counter
from pathlib import Path
from typing import Any

import trafilatura

from newsledger.ingest.clean import clean_article
from newsledger.ingest.fetch import decoded
from newsledger.ingest.readers import META_FIELDS, InputError, RawDocument

_WORD = re.compile(r"\w+")
SHINGLE = 4


def shingles(text: str) -> Counter:
    words = _WORD.findall(text or "")
    return Counter(tuple(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1)) if words)


def counts(true: str, predicted: str) -> tuple[float, float, float]:
    """(tp, fp, fn) over shingles, as shares of their sum (all zero when both texts are empty)."""
    expected, found = shingles(true), shingles(predicted)
    tp = sum((expected & found).values())
    fp = sum((found - expected).values())
    fn = sum((expected - found).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def scores(per_page: list[tuple[float, float, float]]) -> dict[str, float]:
    """Mean precision and recall over the pages where each is defined, and their harmonic mean."""
    precision = statistics.mean([_ratio(tp, fp, fn, fp) for tp, fp, fn in per_page if tp + fp > 0] or [0.0])
    recall = statistics.mean([_ratio(tp, fp, fn, fn) for tp, fp, fn in per_page if tp + fn > 0] or [0.0])
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def _ratio(tp: float, fp: float, fn: float, miss: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + miss) if tp + miss else 0.0


def run(data: Path, truth: Path | None = None) -> dict[str, Any]:
    truth_path = truth or data / "ground-truth.json"
    expected = json.loads(truth_path.read_text(encoding="utf-8"))
    ours, bare, lost = [], [], []
    stated = Counter()
    for key, item in sorted(expected.items()):
        html = decoded(gzip.decompress((data / "html" / f"{key}.html.gz").read_bytes()), None)
        body = item.get("articleBody") or ""
        text, meta = _newsledger(key, html, item.get("url"))
        if body.strip() and not text.strip():
            lost.append(key)
        stated.update(field for field in ("title", "published", "outlet") if meta.get(field))
        ours.append(counts(body, text))
        bare.append(counts(body, trafilatura.extract(html) or ""))
    pages = len(expected)
    return {
        "pages": pages,
        "newsledger": scores(ours),
        "trafilatura": scores(bare),
        "lost": lost,
        "with": {field: stated[field] / pages if pages else 0.0 for field in ("title", "published", "outlet")},
    }


def _newsledger(key: str, html: str, url: str | None) -> tuple[str, dict[str, str | None]]:
    """The clean text and metadata an ingest would store for the page ("" and {} when it is rejected)."""
    try:
        article = clean_article(RawDocument(key, None, html, dict.fromkeys(META_FIELDS), len(html), {"url": url}))
    except InputError:
        return "", {}
    return article.text, {"title": article.title, "published": article.published, "outlet": article.outlet}


def render(result: dict[str, Any]) -> str:
    lines = [f"{result['pages']} pages; shingle P / R / F1 of the article body (Article Extraction Benchmark score)"]
    for name in ("newsledger", "trafilatura"):
        s = result[name]
        lines.append(f"  {name:<12} {s['precision']:.3f} / {s['recall']:.3f} / {s['f1']:.3f}")
    lost = result["lost"]
    lines.append(f"  pages lost by newsledger: {len(lost)}" + (f" ({', '.join(lost[:10])})" if lost else ""))
    shares = result["with"]
    lines.append(f"  with a title {shares['title']:.1%}, a date {shares['published']:.1%}, an outlet {shares['outlet']:.1%}")
    return "\n".join(lines)
