"""End-to-end geoparsing: toponyms found by ``geo.toponyms`` in a spaCy parse, resolved in context, scored against
the gold spans (precision/recall, exact and overlapping) and, for the gold toponyms found, by distance."""

from __future__ import annotations

from newsledger.evaluation.geoparse import ACCURACY_KM, GeoArticle, _share, haversine_km


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
