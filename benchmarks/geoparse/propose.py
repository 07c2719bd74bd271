"""Step 1 of making the global-news toponym set: propose spans and list their gazetteer candidates for a person
to decide. Run from the worktree root:

    PYTHONPATH=src python benchmarks/geoparse/propose.py --texts ../shared/datasets --out /tmp/sheet.jsonl DOCID...

Each DOCID is a path under --texts (a PolNeAR or seed .txt, or an ECB+ .xml). Spans are spaCy's GPE and LOC
entities (leading "the" and a possessive trimmed, as ``geo.toponyms`` does); the sheet lists, per distinct name of
each article, its first context and its candidates (own names first, most populous first). Nothing here decides.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from newsledger.annotate.nlp import load
from newsledger.evaluation.geoparse import article_text
from newsledger.geo.gazetteer import Gazetteer
from newsledger.geo.resolve import candidates_for
from newsledger.geo.toponyms import _trimmed

LABELS = ("GPE", "LOC")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--texts", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("docids", nargs="+")
    args = parser.parse_args(argv)
    nlp = load(None)
    gazetteer = Gazetteer.load()
    with args.out.open("w", encoding="utf-8") as out:
        for docid in args.docids:
            text = article_text(args.texts, docid)
            seen: dict[str, dict] = {}
            for ent in nlp(text).ents:
                if ent.label_ not in LABELS:
                    continue
                start, end, name = _trimmed(ent)
                row = seen.get(name)
                if row is None:
                    context = text[max(0, start - 70): end + 50].replace("\n", " ")
                    row = seen[name] = {"docid": docid, "name": name, "label": ent.label_, "context": context,
                                        "spans": [], "candidates": [
                                            [e.geonameid, e.name, e.feature_code, f"{e.country}.{e.admin1}",
                                             e.population, round(e.lat, 2), round(e.lon, 2)]
                                            for e in candidates_for(name, gazetteer)[:8]]}
                row["spans"].append([start, end])
            for row in seen.values():
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
