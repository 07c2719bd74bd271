"""PolNeAR attribution benchmark: score ``extract_attributions`` against brat standoff annotations.

Layout read (nothing else from the dataset is opened, in particular not ``metadata.tsv``)::

    DIR/text/NAME.txt
    DIR/attributions/NAME.ann  and/or  DIR/attributions/NAME_<annotator>.ann

Gold attributions are the brat events typed ``Attribution`` or ``Attribution-no-source``; their ``Source``,
``Cue`` and ``Content``/``Content2`` arguments are text-bound annotations whose spans may be discontinuous
(``10 20;25 30``). Fragments separated only by whitespace (brat splits spans at line breaks) are merged, and
``Content2`` joins ``Content`` as extra fragments. The publisher is the file name's prefix
(``breitbart_2016-...`` -> ``breitbart``).

Metrics, each micro-averaged over the corpus (counts are summed over articles, then P/R/F1 computed once):

* exact: a predicted cue is correct when a gold cue has exactly its span. A predicted source (content) is
  correct when some gold attribution whose cue overlaps the predicted cue has exactly that source (content)
  span. A whole attribution is exact when cue, source (both absent counts as equal) and content all are.
  Precision = correct predictions / predictions; recall = gold items matched the same way / gold items.
* token overlap (after citron's ``evaluate``, which compares token overlap rather than spans): spans become
  sets of spaCy tokens (whitespace tokens ignored); for each role,
  ``P = sum_p max_g |tok(p) & tok(g)| / sum_p |tok(p)|`` and ``R = sum_g max_p |tok(g) & tok(p)| / sum_g |tok(g)|``
  over the predicted spans p and gold spans g of that role in the article, whatever attribution they belong
  to. Citron sums the overlap over every (p, g) pair; taking the best gold span instead keeps nested
  attributions (common in PolNeAR) from counting a token twice, so P and R stay within [0, 1]. For whole
  attributions the overlaps and lengths of the three roles are added together.

Several annotators: when an article has k annotation files, the system is scored against each file and the
article contributes the mean of the k sets of counts, so doubly annotated articles do not weigh double.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc

from newsledger.records import Attribution
from newsledger.spans import pieces

ROLES = ("source", "cue", "content")
LEVELS = ("exact", "overlap")

Fragments = tuple[tuple[int, int], ...]

_TEXT_BOUND = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t")
_EVENT = re.compile(r"^(E\d+)\t(\S+)")
_GOLD_EVENTS = ("Attribution", "Attribution-no-source")


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    cue: Fragments
    source: Fragments | None
    content: Fragments | None


# --- reading the dataset ---------------------------------------------------------------------------------

def normalise(fragments: Iterable[tuple[int, int]], text: str) -> Fragments:
    """Sorted fragments with surrounding whitespace trimmed and whitespace-only gaps closed."""
    merged: list[list[int]] = []
    for start, end in sorted(fragments):
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start >= end:
            continue
        if merged and (start <= merged[-1][1] or not text[merged[-1][1]:start].strip()):
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return tuple((start, end) for start, end in merged)


def read_ann(path: Path, text: str) -> list[GoldAttribution]:
    """The gold attributions of one brat ``.ann`` file (annotator notes and stray lines are skipped)."""
    bound: dict[str, list[tuple[int, int]]] = {}
    events: list[list[str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if match := _TEXT_BOUND.match(line):
            bound[match.group(1)] = [tuple(map(int, frag.split())) for frag in match.group(3).split(";")]
        elif (match := _EVENT.match(line)) and match.group(2).split(":")[0] in _GOLD_EVENTS:
            events.append(line.split("\t")[1].split()[1:])
    return [gold for args in events if (gold := _gold(args, bound, text)) is not None]


def _gold(args: list[str], bound: dict[str, list[tuple[int, int]]], text: str) -> GoldAttribution | None:
    roles: dict[str, list[tuple[int, int]]] = {}
    for arg in args:
        role, _, ref = arg.partition(":")
        role = role.rstrip("0123456789").lower()
        roles.setdefault(role, []).extend(bound.get(ref, []))
    cue = normalise(roles.get("cue", []), text)
    if not cue:
        return None
    source = normalise(roles.get("source", []), text) or None
    content = normalise(roles.get("content", []), text) or None
    return GoldAttribution(cue, source, content)


@dataclass(slots=True)
class Article:
    name: str
    text: str
    annotations: list[list[GoldAttribution]]

    @property
    def publisher(self) -> str:
        return publisher_of(self.name)


def publisher_of(name: str) -> str:
    """PolNeAR names its files after their publisher: "wash-post_2016-…" → "wash-post"."""
    return name.split("_", 1)[0]


def load_articles(data_dir: Path, limit: int | None = None) -> list[Article]:
    """Texts paired with their annotation files; texts without any ``.ann`` are not scored."""
    texts = {path.stem: path for path in sorted((data_dir / "text").glob("*.txt"))}
    files: dict[str, list[Path]] = {}
    for ann in sorted((data_dir / "attributions").glob("*.ann")):
        name = ann.stem if ann.stem in texts else ann.stem.rsplit("_", 1)[0]
        if name in texts:
            files.setdefault(name, []).append(ann)
    articles = []
    for name in sorted(files)[:limit]:
        text = texts[name].read_text(encoding="utf-8")
        articles.append(Article(name, text, [read_ann(ann, text) for ann in files[name]]))
    return articles


# --- scoring ----------------------------------------------------------------------------------------------

@dataclass(slots=True)
class Counts:
    """Numerators and denominators of P and R for every role and level, kept as floats to allow averaging."""

    values: dict[str, float] = field(default_factory=dict)

    def add(self, key: str, value: float) -> None:
        self.values[key] = self.values.get(key, 0.0) + value

    def merge(self, other: Counts, weight: float = 1.0) -> None:
        for key, value in other.values.items():
            self.add(key, value * weight)

    def prf(self, role: str, level: str) -> dict[str, float]:
        get = self.values.get
        p_den, r_den = get(f"{role}.{level}.p_den", 0.0), get(f"{role}.{level}.r_den", 0.0)
        p = get(f"{role}.{level}.p_num", 0.0) / p_den if p_den else 0.0
        r = get(f"{role}.{level}.r_num", 0.0) / r_den if r_den else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(p, 4), "r": round(r, 4), "f1": round(f1, 4)}

    def table(self) -> dict[str, dict[str, dict[str, float]]]:
        return {role: {level: self.prf(role, level) for level in LEVELS} for role in (*ROLES, "attribution")}


def predicted_spans(attribution: Attribution, text: str) -> GoldAttribution:
    """A prediction in the gold shape, so both sides are scored by the same code."""
    source, cue = attribution.source, attribution.cue
    return GoldAttribution(
        cue=((cue.start, cue.end),),
        source=((source.start, source.end),) if source else None,
        content=normalise(((p.start, p.end) for p in attribution.content_pieces()), text) or None,
    )


def content_fragments(content: tuple[int, int], holes: list[tuple[int, int]], text: str) -> Fragments | None:
    """A predicted content as scored: its pieces without the source, cue and narration (``holes``) it runs
    around, as PolNeAR annotators mark discontinuous spans (``Attribution.content_pieces``)."""
    return normalise(pieces(text, content, holes), text) or None


def score(doc: Doc, predicted: list[GoldAttribution], gold: list[GoldAttribution]) -> Counts:
    """Exact and token-overlap counts of one prediction against one annotator's attributions."""
    counts = Counts()
    tokens = _token_index(doc)
    _exact(counts, predicted, gold)
    for role in ROLES:
        pred_sets = [_tokens(getattr(a, role), tokens) for a in predicted if getattr(a, role)]
        gold_sets = [_tokens(getattr(a, role), tokens) for a in gold if getattr(a, role)]
        p_num, p_den = _best_overlap(pred_sets, gold_sets)
        r_num, r_den = _best_overlap(gold_sets, pred_sets)
        for key, value in (("p_num", p_num), ("p_den", p_den), ("r_num", r_num), ("r_den", r_den)):
            counts.add(f"{role}.overlap.{key}", value)
            counts.add(f"attribution.overlap.{key}", value)
    return counts


def _exact(counts: Counts, predicted: list[GoldAttribution], gold: list[GoldAttribution]) -> None:
    for role in (*ROLES, "attribution"):
        pred = [a for a in predicted if role == "attribution" or getattr(a, role)]
        ref = [a for a in gold if role == "attribution" or getattr(a, role)]
        counts.add(f"{role}.exact.p_num", sum(any(_same(role, a, b) for b in ref) for a in pred))
        counts.add(f"{role}.exact.p_den", len(pred))
        counts.add(f"{role}.exact.r_num", sum(any(_same(role, a, b) for a in pred) for b in ref))
        counts.add(f"{role}.exact.r_den", len(ref))


def _same(role: str, a: GoldAttribution, b: GoldAttribution) -> bool:
    if role == "cue":
        return a.cue == b.cue
    if role == "attribution":
        return a == b
    return overlaps(a.cue, b.cue) and getattr(a, role) == getattr(b, role)


def overlaps(a: Fragments, b: Fragments) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def _token_index(doc: Doc) -> list[int]:
    """Token number of every character of the text; -1 for whitespace."""
    index = [-1] * len(doc.text)
    for token in doc:
        if not token.is_space:
            index[token.idx:token.idx + len(token.text)] = [token.i] * len(token.text)
    return index


def _tokens(fragments: Fragments, index: list[int]) -> frozenset[int]:
    return frozenset(i for start, end in fragments for i in index[start:end] if i >= 0)


def _best_overlap(spans: list[frozenset[int]], others: list[frozenset[int]]) -> tuple[int, int]:
    """Sum over ``spans`` of the tokens shared with the best-matching span of ``others``, and the total size."""
    shared = sum(max((len(span & other) for other in others), default=0) for span in spans)
    return shared, sum(len(span) for span in spans)


def score_article(doc: Doc, article: Article, predicted: list[Attribution]) -> Counts:
    """The article's counts averaged over its annotators' files."""
    text = doc.text
    spans = [predicted_spans(a, text) for a in predicted]
    total = Counts()
    for gold in article.annotations:
        total.merge(score(doc, spans, gold), weight=1 / len(article.annotations))
    total.add("gold", sum(len(gold) for gold in article.annotations) / len(article.annotations))
    total.add("predicted", len(spans))
    return total


def annotator_agreement(articles: list[Article], docs: Iterable[Doc]) -> Counts:
    """How far the annotators agree with each other, by the same metric: each annotation file is scored as a
    prediction against every other file of its article, and each article contributes the mean over its ordered
    pairs of files (articles with one file contribute nothing). Pooled over ordered pairs, P = R = F1."""
    total = Counts()
    for article, doc in zip(articles, docs, strict=True):
        files = article.annotations
        pairs = [(one, other) for i, one in enumerate(files) for j, other in enumerate(files) if i != j]
        for one, other in pairs:
            total.merge(score(doc, one, other), weight=1 / len(pairs))
    return total


# --- running ----------------------------------------------------------------------------------------------

Extractor = Callable[[Doc, str], list[Attribution]]


def evaluate(articles: list[Article], docs: Iterable[Doc], extractor: Extractor | None = None) -> dict:
    """Score already-parsed docs (one per article, same order); returns the result dict without timings."""
    if extractor is None:
        from newsledger.extract.attribution import extract_attributions as extractor
    overall, publishers, per_article = Counts(), {}, []
    extract_seconds = 0.0
    for article, doc in zip(articles, docs, strict=True):
        started = time.perf_counter()
        predicted = extractor(doc, article.name)
        extract_seconds += time.perf_counter() - started
        counts = score_article(doc, article, predicted)
        overall.merge(counts)
        publishers.setdefault(article.publisher, Counts()).merge(counts)
        per_article.append({"article": article.name, "predicted": len(predicted), "scores": counts.table()})
    return {
        "articles": len(articles),
        "annotation_files": sum(len(a.annotations) for a in articles),
        "gold_attributions": round(overall.values.get("gold", 0.0), 1),
        "predicted_attributions": int(overall.values.get("predicted", 0)),
        "scores": overall.table(),
        "publishers": {name: counts.table() for name, counts in sorted(publishers.items())},
        "per_article": per_article,
        "extract_seconds": round(extract_seconds, 3),
    }


def run(data_dir: Path, json_output: bool = False, limit: int | None = None, content_model: bool = True,
        agreement: bool = False, without: frozenset[str] = frozenset()) -> dict:
    """Parse and score a PolNeAR-layout folder, with the learned content-boundary ranker when ``content_model``.
    With ``agreement``, only the articles that several annotators marked are scored, and the annotators'
    agreement with each other on them (``annotator_agreement``) is reported beside the system's figures: the
    ceiling the data allows. ``without`` names span rules to switch off (``extract.attribution.RULES``), to
    see what each buys. ``json_output`` keeps the per-article scores in the result (for machine consumers);
    otherwise they are dropped to keep the result small."""
    from newsledger.annotate.nlp import load
    from newsledger.extract import content_spans
    from newsledger.extract.attribution import extract_attributions

    data_dir = Path(data_dir)
    articles = load_articles(data_dir, None if agreement else limit)
    if agreement:  # the limit counts the articles scored
        articles = [article for article in articles if len(article.annotations) > 1][:limit]
    nlp = load()
    started = time.perf_counter()
    docs = list(nlp.pipe((a.text for a in articles), batch_size=32))
    parse_seconds = time.perf_counter() - started
    ranker = content_spans.shipped() if content_model else None
    result = evaluate(articles, docs, lambda doc, name: extract_attributions(doc, name, content_model=ranker,
                                                                             without=without))
    result["content_model"] = content_model
    if without:
        result["without"] = sorted(without)
    if agreement:
        result["annotators"] = annotator_agreement(articles, docs).table()
    total = parse_seconds + result["extract_seconds"]
    result.update(
        data_dir=str(data_dir),
        parse_seconds=round(parse_seconds, 3),
        total_seconds=round(total, 3),
        extract_overhead=round(result["extract_seconds"] / parse_seconds, 4) if parse_seconds else 0.0,
        articles_per_second=round(len(articles) / total, 2) if total else 0.0,
    )
    if not json_output:
        result.pop("per_article")
    return result


def render(result: dict) -> str:
    """A plain-text table: P/R/F1 per role and level, then F1 per publisher, then timings."""
    lines = [
        f"PolNeAR attribution benchmark — {result.get('data_dir', '')}"
        + ("  (with the content-boundary ranker)" if result.get("content_model") else "  (rules' content edges)")
        + (f"  without {', '.join(result['without'])}" if result.get("without") else ""),
        (
            f"articles {result['articles']}  annotation files {result['annotation_files']}  "
            f"gold attributions {result['gold_attributions']}  predicted {result['predicted_attributions']}"
        ),
        "",
        f"{'':<12}{'exact P':>9}{'R':>8}{'F1':>8}   {'overlap P':>9}{'R':>8}{'F1':>8}",
    ]
    lines += _score_rows(result["scores"])
    if "annotators" in result:
        lines += ["", "the annotators against each other, on the same articles (each file scored against the others)"]
        lines += _score_rows(result["annotators"])
    lines += ["", "F1 by publisher (exact / overlap)", f"{'publisher':<16}" + "".join(f"{r:>16}" for r in result["scores"])]
    for name, table in result["publishers"].items():
        cells = "".join(f"{table[r]['exact']['f1']:>8.3f}{table[r]['overlap']['f1']:>8.3f}" for r in table)
        lines.append(f"{name:<16}{cells}")
    if "total_seconds" in result:
        lines += [
            "",
            (
                f"time {result['total_seconds']:.1f}s (parse {result['parse_seconds']:.1f}s, extract "
                f"{result['extract_seconds']:.2f}s = {100 * result['extract_overhead']:.1f}% of parse)  "
                f"{result['articles_per_second']:.2f} articles/s"
            ),
        ]
    return "\n".join(lines)


def _score_rows(scores: dict) -> list[str]:
    rows = []
    for role, levels in scores.items():
        exact, overlap = levels["exact"], levels["overlap"]
        rows.append(
            f"{role:<12}{exact['p']:>9.3f}{exact['r']:>8.3f}{exact['f1']:>8.3f}   "
            f"{overlap['p']:>9.3f}{overlap['r']:>8.3f}{overlap['f1']:>8.3f}"
        )
    return rows
