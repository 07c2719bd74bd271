"""Geoparsing benchmark: LGL-layout XML (LGL, GeoWebNews, TR-News as distributed with Gritta et al.'s Pragmatic
Guide to Geoparsing Evaluation) read and scored.

Two tasks, reported apart:
- resolution: the gold toponym spans are given to the resolver (as mordecai3 and the Pragmatic Guide score
  toponym resolution); every gold toponym with gold coordinates counts, and one the resolver leaves unresolved
  counts as wrong (error 20,039 km, half the Earth's circumference, in the mean). Toponyms the annotators could
  not ground (no ``gaztag``/coordinates) are left out, as both do. The figure comparable with mordecai3's README
  is also given: mordecai3 scores distances only where the gold GeoNames id is among the gazetteer's candidates
  for the name ("conditional").
- end to end: toponyms found by ``geo.toponyms`` in a spaCy parse, then resolved; spans scored with precision and
  recall (exact and overlapping), and acc@161 over the gold toponyms found.

Development uses a fixed split (``split_of``): about one article in five (a stable hash of its docid) is dev, the
rest tune; an article that names its own split (``<article split="dev">``, as the committed global-news set does)
keeps it. Rules and weights are tuned on tune only.

A file may hold offsets only, without the articles' texts (publishers' texts are not ours to copy): an article
without ``<text>`` is read from ``--texts DIR`` at its docid, a path under DIR (a plain text file, or an ECB+ XML
file whose text is rebuilt from its tokens by ``evaluation.ecbplus``); every gold span's phrase is checked against
the text so a changed file is reported, not silently misscored.
"""

from __future__ import annotations

import statistics
import time
import zlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

from newsledger.geo.distance import km as haversine_km

SPLITS = ("all", "tune", "dev")
ACCURACY_KM = 161.0
#: Error charged for a toponym left unresolved: the largest distance on Earth.
MAX_ERROR_KM = 20039.0


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    text: str
    geonameid: int | None
    lat: float | None
    lon: float | None
    feature_code: str = ""


@dataclass(slots=True)
class GeoArticle:
    docid: str
    text: str
    domain: str = ""
    toponyms: list[GoldToponym] = field(default_factory=list)


class GeoparseDataError(ValueError):
    """A file the geoparsing bench cannot read (the message names it and says why)."""


def split_of(docid: str) -> str:
    """``dev`` for about one article in five (a stable hash of its docid), else ``tune``."""
    return "dev" if zlib.crc32(docid.encode()) % 5 == 0 else "tune"


def _number(element, tag: str) -> float | None:
    text = element.findtext(tag) if element is not None else None
    try:
        return float(text) if text not in (None, "") else None
    except ValueError:
        return None


def article_text(texts: Path, docid: str) -> str:
    """The text of an article kept as a path under ``texts``: a plain text file, or an ECB+ XML file's text."""
    path = (texts / docid).resolve()
    if not path.is_relative_to(texts.resolve()):
        raise GeoparseDataError(f"{docid}: not a path under {texts}")
    try:
        if path.suffix == ".xml":
            from newsledger.evaluation.ecbplus import read_document

            return read_document(path).text
        return path.read_text(encoding="utf-8")
    except (OSError, ElementTree.ParseError, AttributeError) as error:
        raise GeoparseDataError(f"{path}: {error}") from error


def read_articles(path: Path, split: str = "all", texts: Path | None = None) -> list[GeoArticle]:
    """The articles of an LGL-layout XML file in the split, with their gold toponyms in text order; an article
    without ``<text>`` is read from ``texts`` (see ``article_text``)."""
    if split not in SPLITS:
        raise ValueError(f"split must be one of {', '.join(SPLITS)}, not {split!r}")
    try:
        root = ElementTree.parse(path).getroot()
    except (OSError, ElementTree.ParseError) as error:
        raise GeoparseDataError(f"{path}: {error}") from error
    articles = []
    for number, node in enumerate(root.iter("article")):
        docid = node.get("docid") or str(number)
        if split != "all" and (node.get("split") or split_of(docid)) != split:
            continue
        text = node.findtext("text")
        if text is None:
            if texts is None:
                raise GeoparseDataError(f"{path}: article {docid} keeps offsets only: give --texts DIR")
            text = article_text(texts, docid)
        article = GeoArticle(docid, text, node.findtext("domain") or "")
        for toponym in node.iter("toponym"):
            gold = _gold_toponym(toponym, article.text)
            if gold is None:
                continue
            if node.find("text") is None and article.text[gold.start:gold.end] != gold.text:
                raise GeoparseDataError(f"{path}: article {docid}: {gold.text!r} is not at {gold.start}-{gold.end} "
                                        "of its text (a different version of the corpus?)")
            article.toponyms.append(gold)
        article.toponyms.sort(key=lambda t: (t.start, t.end))
        articles.append(article)
    if not articles and split == "all":
        raise GeoparseDataError(f"{path}: no <article> element found")
    return articles


def _gold_toponym(toponym, text: str) -> GoldToponym | None:
    """One ``<toponym>``: LGL/TR-News keep the gold in ``gaztag`` (``@geonameid``, ``lat``, ``lon``, ``fcode``);
    GeoWebNews' own XML writes ``geonamesID``, ``lat``, ``lon`` and ``extractedName`` on the toponym itself."""
    try:
        start, end = int(toponym.findtext("start")), int(toponym.findtext("end"))
    except (TypeError, ValueError):
        return None
    gaztag = toponym.find("gaztag")
    holder = gaztag if gaztag is not None else toponym
    geonameid = (gaztag.get("geonameid") if gaztag is not None else None) or (toponym.findtext("geonamesID") or "")
    geonameid = geonameid.strip()
    return GoldToponym(
        start, end, toponym.findtext("phrase") or toponym.findtext("extractedName") or text[start:end],
        int(geonameid) if geonameid.isdigit() else None,
        _number(holder, "lat"), _number(holder, "lon"), holder.findtext("fcode") or "",
    )


def with_gazetteer_coordinates(articles: list[GeoArticle], gazetteer) -> int:
    """Give a gold toponym that has a GeoNames id but no coordinates the gazetteer's for that id (as mordecai3
    scores against its gazetteer's record); returns how many were filled. Ids the gazetteer lacks stay out."""
    wanted = {t.geonameid for a in articles for t in a.toponyms if t.geonameid is not None and t.lat is None}
    if not wanted:
        return 0
    points = {e.geonameid: (e.lat, e.lon) for e in gazetteer.entries_with_ids(wanted)}
    filled = 0
    for article in articles:
        for number, gold in enumerate(article.toponyms):
            if gold.lat is None and gold.geonameid in points:
                lat, lon = points[gold.geonameid]
                article.toponyms[number] = GoldToponym(gold.start, gold.end, gold.text, gold.geonameid, lat, lon,
                                                       gold.feature_code)
                filled += 1
    return filled


@dataclass(slots=True)
class ResolutionScore:
    """Accumulates resolution outcomes over gold toponyms that have gold coordinates."""

    errors: list[float] = field(default_factory=list)  # km; MAX_ERROR_KM when unresolved
    exact: int = 0
    unresolved: int = 0
    conditional_errors: list[float] = field(default_factory=list)  # where the gold id is a candidate

    def add(self, gold: GoldToponym, predicted, gold_among_candidates: bool) -> None:
        if predicted is None:
            self.unresolved += 1
            self.errors.append(MAX_ERROR_KM)
            if gold_among_candidates:
                self.conditional_errors.append(MAX_ERROR_KM)
            return
        error = haversine_km(gold.lat, gold.lon, predicted.lat, predicted.lon)
        self.errors.append(error)
        self.exact += int(predicted.geonameid == gold.geonameid)
        if gold_among_candidates:
            self.conditional_errors.append(error)

    def figures(self) -> dict:
        n = len(self.errors)
        resolved = [e for e in self.errors if e < MAX_ERROR_KM]
        conditional = self.conditional_errors
        return {
            "toponyms": n,
            "acc_at_161": _share(sum(e <= ACCURACY_KM for e in self.errors), n),
            "exact_id": _share(self.exact, n),
            "mean_error_km": round(statistics.fmean(self.errors), 1) if n else None,
            "median_error_km": round(statistics.median(self.errors), 1) if n else None,
            "unresolved": self.unresolved,
            "mean_error_km_resolved": round(statistics.fmean(resolved), 1) if resolved else None,
            "conditional_toponyms": len(conditional),
            "conditional_acc_at_161": _share(sum(e <= ACCURACY_KM for e in conditional), len(conditional)),
        }


def _share(part: int, whole: int) -> float | None:
    return round(100.0 * part / whole, 2) if whole else None


def learn_outlet_homes(articles: list[GeoArticle], gazetteer) -> dict:
    """docid -> the home of its outlet (domain), learned from the places the resolver finds in the outlet's other
    articles of the corpus (their text only: no gold coordinates are read); leave-one-out, so an article's own
    places never make its outlet's home."""
    from newsledger.geo.outlets import local_places, outlet_home
    from newsledger.geo.resolve import Mention, ResolveContext, resolve

    own, by_domain = {}, {}
    for article in articles:
        mentions = [Mention(t.start, t.end, t.text) for t in article.toponyms]
        counts = local_places(resolve(mentions, gazetteer, ResolveContext(text=article.text)))
        own[article.docid] = (article.domain, counts)
        if article.domain:
            by_domain.setdefault(article.domain, Counter()).update(counts)
    homes = {}
    for docid, (domain, counts) in own.items():
        if domain:
            others = by_domain[domain].copy()
            others.subtract(counts)
            homes[docid] = outlet_home(others)
    return homes


def run_resolution(articles: list[GeoArticle], gazetteer, resolver_options: dict | None = None,
                   homes: dict | None = None) -> dict:
    """Resolve each article's gold toponyms in context (with its outlet's home, if given) and score them."""
    from newsledger.geo.resolve import Mention, ResolveContext, candidates_for, resolve

    score = ResolutionScore()
    with_id = ResolutionScore()  # gold toponyms with a GeoNames id (an annotator's point without one is looser)
    by_code: dict[str, ResolutionScore] = {}
    started = time.perf_counter()
    for article in articles:
        mentions = [Mention(t.start, t.end, t.text) for t in article.toponyms]
        home = (homes or {}).get(article.docid)
        context = ResolveContext(text=article.text, home_country=home.country if home else None,
                                 home_admin1=home.admin1 if home else None)
        results = resolve(mentions, gazetteer, context, **(resolver_options or {}))
        for gold, predicted in zip(article.toponyms, results):
            if gold.lat is None or gold.lon is None:
                continue
            ids = {c.geonameid for c in candidates_for(gold.text, gazetteer)}
            among = gold.geonameid in ids
            score.add(gold, predicted, among)
            if gold.geonameid is not None:
                with_id.add(gold, predicted, among)
            by_code.setdefault(_code_group(gold.feature_code), ResolutionScore()).add(gold, predicted, among)
    seconds = time.perf_counter() - started
    figures = score.figures()
    figures["ms_per_article"] = round(1000 * seconds / max(1, len(articles)), 2)
    figures["by_feature"] = {code: s.figures()["acc_at_161"] for code, s in sorted(by_code.items())}
    figures["gold_with_id"] = len(with_id.errors)
    figures["acc_at_161_gold_with_id"] = with_id.figures()["acc_at_161"]
    return figures


def _code_group(code: str) -> str:
    if code.startswith("PCL"):
        return "country"
    if code in ("ADM1", "ADM2"):
        return code
    if code.startswith("PPL"):
        return "place"
    return "other"


def _rss_mb() -> float | None:
    """This process's resident memory (Linux /proc), in MB."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, ValueError, IndexError):
        return None
    import os

    return round(pages * os.sysconf("SC_PAGE_SIZE") / 2**20, 1)


def run(data: Path, gazetteer_path: Path | None = None, split: str = "all", end_to_end: bool = False,
        model: str | None = None, outlet_homes: bool = True, texts: Path | None = None) -> dict:
    """The bench: load the gazetteer (timed, with its memory), then score resolution (each article alone, and with
    its outlet's home learned from the outlet's other articles in the file) and, if asked, end to end."""
    from newsledger.geo.gazetteer import Gazetteer

    articles = read_articles(data, split, texts)
    before = _rss_mb()
    gazetteer = Gazetteer.load(gazetteer_path)
    after = _rss_mb()
    report = gazetteer.report
    result = {
        "data": str(data),
        "split": split,
        "articles": len(articles),
        "gazetteer": {
            "source": report.source,
            "records": report.records,
            "names": report.names,
            "load_seconds": round(report.seconds, 2),
            "built_cache": report.built_cache,
            "memory_mb": round(after - before, 1) if before is not None and after is not None else None,
        },
        "gold_coordinates_from_gazetteer": with_gazetteer_coordinates(articles, gazetteer),
        "resolution": run_resolution(articles, gazetteer),
    }
    if outlet_homes:
        corpus = articles if split == "all" else read_articles(data, "all", texts)
        homes = learn_outlet_homes(corpus, gazetteer)
        result["resolution_with_outlet_homes"] = run_resolution(articles, gazetteer, homes=homes)
        result["resolution_with_outlet_homes"]["articles_with_home"] = sum(
            homes.get(a.docid) is not None for a in articles)
    if end_to_end:
        result["end_to_end"] = run_end_to_end(articles, gazetteer, model)
    return result


def render(result: dict) -> str:
    """The figures for people."""
    gaz = result["gazetteer"]
    res = result["resolution"]
    lines = [
        f"Geoparsing on {result['data']} (split {result['split']}, {result['articles']} articles)",
        f"Gazetteer: {gaz['records']:,} records, {gaz['names']:,} names from {gaz['source']}; "
        f"loaded in {gaz['load_seconds']} s{' (cache built)' if gaz['built_cache'] else ''}, "
        f"{gaz['memory_mb']} MB",
        "",
        f"Resolution (gold toponyms given; {res['toponyms']} with gold coordinates, unresolved count as wrong"
        + (f"; {result['gold_coordinates_from_gazetteer']} gold ids given the gazetteer's coordinates"
           if result.get("gold_coordinates_from_gazetteer") else "") + "):",
        f"  acc@161 km  {res['acc_at_161']}%   exact GeoNames id {res['exact_id']}%",
        f"  error km    mean {res['mean_error_km']}  median {res['median_error_km']}  "
        f"(mean over resolved: {res['mean_error_km_resolved']}; unresolved {res['unresolved']})",
        f"  conditional acc@161 (mordecai3's way: gold id among the candidates, {res['conditional_toponyms']} "
        f"toponyms) {res['conditional_acc_at_161']}%",
        "  by gold kind: " + ", ".join(f"{k} {v}%" for k, v in res["by_feature"].items()),
        f"  over the {res['gold_with_id']} gold toponyms with a GeoNames id: acc@161 {res['acc_at_161_gold_with_id']}%",
        f"  {res['ms_per_article']} ms per article",
    ]
    homed = result.get("resolution_with_outlet_homes")
    if homed:
        lines += [
            "",
            f"Resolution with outlet homes (each outlet's home learned from the places found in its other articles "
            f"of the file, no gold read; {homed['articles_with_home']} articles got one):",
            f"  acc@161 km  {homed['acc_at_161']}%   exact GeoNames id {homed['exact_id']}%   "
            f"mean error {homed['mean_error_km']} km   conditional acc@161 {homed['conditional_acc_at_161']}%",
        ]
    e2e = result.get("end_to_end")
    if e2e:
        lines += [
            "",
            "End to end (toponyms found in a spaCy parse by geo.toponyms, then resolved):",
            f"  spans exact    P {e2e['exact']['precision']}  R {e2e['exact']['recall']}  F1 {e2e['exact']['f1']}",
            f"  spans overlap  P {e2e['overlap']['precision']}  R {e2e['overlap']['recall']}  F1 {e2e['overlap']['f1']}",
            f"  acc@161 over gold toponyms found: {e2e['acc_at_161_found']}% of {e2e['found']}; "
            f"over all gold toponyms: {e2e['acc_at_161_all']}%",
            f"  spans that are no gold toponym yet got a place: {e2e['spurious_resolved']} of {e2e['predicted']}",
        ]
    return "\n".join(lines)

def _prf(true_positives: int, predicted: int, gold: int) -> dict:
    precision = true_positives / predicted if predicted else 0.0
    recall = true_positives / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(100 * precision, 2), "recall": round(100 * recall, 2), "f1": round(100 * f1, 2)}


def run_end_to_end(articles: list[GeoArticle], gazetteer, model: str | None = None, person_guard: bool = True) -> dict:
    """Parse each article with the project's spaCy pipeline, find and resolve its toponyms, and score them.

    ``spurious_resolved`` counts found spans that are no gold toponym yet were given a place: what the resolver's
    refusal of weak evidence (person names, alternate-only matches) is meant to keep down."""
    from newsledger.annotate.nlp import load
    from newsledger.geo.resolve import Mention, ResolveContext, resolve
    from newsledger.geo.toponyms import toponyms

    nlp = load(model)
    predicted_total = gold_total = exact_hits = overlap_hits_gold = overlap_hits_predicted = 0
    found = correct = gold_with_coordinates = spurious_resolved = 0
    for article, doc in zip(articles, nlp.pipe((a.text for a in articles), batch_size=16, n_process=1)):
        spans = toponyms(doc, gazetteer)
        mentions = [Mention(start, end, text) for start, end, text in spans]
        results = resolve(mentions, gazetteer, ResolveContext(text=article.text), person_guard=person_guard)
        predicted_total += len(spans)
        gold_total += len(article.toponyms)
        exact = {(s, e) for s, e, _ in spans}
        exact_hits += sum((t.start, t.end) in exact for t in article.toponyms)
        for (s, e, _), entry in zip(spans, results):
            hit = any(s < t.end and t.start < e for t in article.toponyms)
            overlap_hits_predicted += hit
            spurious_resolved += not hit and entry is not None
        for gold in article.toponyms:
            match = next((i for i, (s, e, _) in enumerate(spans) if s < gold.end and gold.start < e), None)
            overlap_hits_gold += match is not None
            if gold.lat is None:
                continue
            gold_with_coordinates += 1
            if match is None:
                continue
            found += 1
            entry = results[match]
            correct += entry is not None and haversine_km(gold.lat, gold.lon, entry.lat, entry.lon) <= ACCURACY_KM
    overlap = _prf(0, 0, 0)
    if predicted_total and gold_total:
        precision = overlap_hits_predicted / predicted_total
        recall = overlap_hits_gold / gold_total
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        overlap = {"precision": round(100 * precision, 2), "recall": round(100 * recall, 2), "f1": round(100 * f1, 2)}
    return {
        "predicted": predicted_total,
        "gold": gold_total,
        "exact": _prf(exact_hits, predicted_total, gold_total),
        "overlap": overlap,
        "spurious_resolved": spurious_resolved,
        "found": found,
        "acc_at_161_found": _share(correct, found),
        "acc_at_161_all": _share(correct, gold_with_coordinates),
    }
