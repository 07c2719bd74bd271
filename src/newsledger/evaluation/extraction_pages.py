"""Development pages for `newsledger bench extract`, written from the clean check set (issue 18).

No public set of article pages is in ``shared/datasets``, so pages are written from the 60 GVA articles whose
paragraphs were judged by hand (``benchmarks/clean/gva_check.tsv``): every paragraph goes into the page in its
place (the story's own and the captions, notices and related links), and the true body is the paragraphs judged
``article``. The pages carry what the issue found on real ones, in turn: HTML comments between paragraphs with
text after them, the site's name after the title, a JSON-LD placeholder date, a UTC date-time with a local one,
a copyright footer. These are written pages, so their figures say how the code handles those patterns, not how
it does on the web; the held-out real pages are scored with the same command.

    python -m newsledger.evaluation.extraction_pages --data ../shared/datasets/gva --out /tmp/aeb-dev
"""

from __future__ import annotations

import argparse
import gzip
import html
import json
from pathlib import Path
from urllib.parse import urlsplit

from newsledger.evaluation.clean import ARTICLE, DEFAULT_LABELS, paragraphs, read_articles, read_judgments


def write_pages(data: Path, out: Path, labels: Path = DEFAULT_LABELS) -> int:
    """Write ``out/html/<id>.html.gz`` and ``out/ground-truth.json``; returns the number of pages."""
    articles = read_articles(data)
    verdicts: dict[str, dict[int, str]] = {}
    for judgment in read_judgments(labels):
        verdicts.setdefault(judgment.article, {})[judgment.index] = judgment.verdict
    (out / "html").mkdir(parents=True, exist_ok=True)
    truth = {}
    for number, (key, judged) in enumerate(sorted(verdicts.items())):
        article = articles[key]
        parts = paragraphs(article["text"])
        body = "\n".join(p.text for p in parts if judged.get(p.index, ARTICLE) == ARTICLE)
        page = _page(article, [p.text for p in parts], number)
        (out / "html" / f"{key}.html.gz").write_bytes(gzip.compress(page.encode("utf-8"), mtime=0))
        truth[key] = {"articleBody": body, "url": article.get("url")}
    (out / "ground-truth.json").write_text(json.dumps(truth, indent=1, ensure_ascii=False), encoding="utf-8")
    return len(truth)


def _page(article: dict, texts: list[str], number: int) -> str:
    """A news page in one of four CMS shapes, chosen by the article's place in the set."""
    site = urlsplit(article.get("url") or "https://news.example/").hostname or "news.example"
    name = site.removeprefix("www.").split(".")[0].title()
    title = html.escape(article.get("title") or "")
    day = article.get("published") or "2016-01-01"
    shape = number % 4
    head = [f"<title>{title} – {name}</title>" if shape != 1 else f"<title>{name} | {title}</title>",
            f'<link rel="canonical" href="{html.escape(article.get("url") or "")}">']
    if shape in (0, 1):
        head.append(f'<meta property="og:site_name" content="{name}">')
    dates = {0: {"datePublished": f"{day}T09:00:00-05:00"},
             1: {"datePublished": "0001-01-01T00:00:00Z"},
             2: {"datePublished": f"{day}T23:30:00Z"},
             3: {}}[shape]
    head.append(f'<script type="application/ld+json">{json.dumps({"@type": "NewsArticle", **dates})}</script>')
    if shape in (1, 2):
        head.append(f'<meta property="article:published_time" content="{day}T18:30:00-05:00">')
    body = _with_comments(texts) if shape in (0, 2) else "".join(f"<p>{html.escape(t)}</p>" for t in texts)
    nav = "".join(f'<li><a href="/{s}">{s.title()}</a></li>' for s in ("news", "sports", "opinion", "weather"))
    return (f"<!DOCTYPE html><html><head>{''.join(head)}</head><body><header><nav><ul>{nav}</ul></nav></header>"
            f"<main><article><h1>{title}</h1>{body}</article></main>"
            f"<aside><h2>Most read</h2><ul><li><a href='/a'>Weather: rain ahead</a></li></ul></aside>"
            f"<footer><p>Copyright {day[:4]} {name}. All rights reserved.</p></footer></body></html>")


def _with_comments(texts: list[str]) -> str:
    """Paragraphs two by two in a <div>: the first in a <p>, the second as text after an ad slot's comment (the
    shape of the NYT and Gizmodo pages on which the comment bug lost half the article)."""
    pairs = [texts[i : i + 2] for i in range(0, len(texts), 2)]
    return "".join(f'<div class="story-body"><p>{html.escape(pair[0])}</p><!-- ad slot -->'
                   f"{html.escape(pair[1]) if len(pair) > 1 else ''}</div>" for pair in pairs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="the gva/ folder (articles.jsonl)")
    parser.add_argument("--out", type=Path, required=True, help="folder to write html/ and ground-truth.json in")
    parser.add_argument("--labels", type=Path, default=DEFAULT_LABELS)
    arguments = parser.parse_args()
    print(f"wrote {write_pages(arguments.data, arguments.out, arguments.labels)} pages to {arguments.out}")


if __name__ == "__main__":
    main()
