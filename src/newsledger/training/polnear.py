"""What the two PolNeAR trainings (cue tagger, content ranker) share: parsing the folder, the gold cue labels
of tokens, the licence note and the record of training written beside each artifact."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from newsledger.evaluation.attribution import Article, Fragments, load_articles

LICENCE_NOTE = (
    "Trained on PolNeAR (Newell, Margolin & Ruths, LREC 2018), TRAIN split only. The corpus states no licence; "
    "it is a research corpus of news articles. The weights are derived statistics, not the texts."
)


def parsed_articles(train_dir: Path) -> tuple[list[Article], list[Doc]]:
    """A PolNeAR-layout folder's articles and their parses, in the same order."""
    from newsledger.annotate.nlp import load

    articles = load_articles(Path(train_dir))
    return articles, list(load().pipe((a.text for a in articles), batch_size=32))


def training_record(description: str, train_dir: Path, articles: Sequence, params: dict,
                    weights: dict[str, float]) -> dict[str, Any]:
    """What an artifact's config says of its training: the model, the data it saw, its settings, its size."""
    return {"model": description,
            "data": {"train_dir": str(train_dir), "articles": len(articles),
                     "annotation_files": sum(len(a.annotations) for a in articles)},
            "params": params, "features": len(weights)}


def labelled(doc: Doc, gold_cues: Iterable[Fragments]) -> list[bool]:
    """Which tokens lie in a gold cue (cues given as character fragments)."""
    inside = [False] * len(doc)
    for fragments in gold_cues:
        for start, end in fragments:
            for token in doc.char_span(start, end, alignment_mode="expand") or ():
                inside[token.i] = True
    return inside

