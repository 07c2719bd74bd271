"""Step 2 of making the global-news toponym set: turn the proposed spans (``propose.py``'s sheet) and a person's
decisions (``global_decisions.tsv``) into ``global.xml``, in the LGL layout with offsets only (no text).

    PYTHONPATH=src python benchmarks/geoparse/build_global.py --texts ../shared/datasets \
        --sheet /tmp/sheet.jsonl --decisions benchmarks/geoparse/global_decisions.tsv --out benchmarks/geoparse/global.xml

A decision is a GeoNames id (the record's name, feature code and coordinates are copied from the packaged
gazetteer), ``point:LAT,LON,CODE`` (a place the gazetteer lacks: the annotator's approximate point, no id), or
``skip``. Every span of a decided name in its article is written. Articles are split into tune and dev halves of
about equal mentions, never sharing a story: articles of one ECB+ topic (reports of the same events) and the three
seed articles (one story) stay together; in the order of a stable hash of their group, each group goes to the
half that has fewer mentions so far.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import zlib
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from newsledger.evaluation.geoparse import article_text
from newsledger.geo.gazetteer import Gazetteer


def story_of(docid: str) -> str:
    """The group an article is split with: its ECB+ topic, the seeds as one story, else the article itself."""
    parts = docid.split("/")
    if parts[0] == "ecbplus":
        return "/".join(parts[:3])
    return "seeds" if parts[0] == "seeds" else docid


def halves(spans: dict[str, list]) -> dict[str, str]:
    """docid -> tune or dev, balancing the halves' mention counts, a story's articles together."""
    groups: dict[str, list[str]] = {}
    for docid in spans:
        groups.setdefault(story_of(docid), []).append(docid)
    sizes = {"tune": 0, "dev": 0}
    split = {}
    for group in sorted(groups, key=lambda g: (zlib.crc32(g.encode()), g)):
        half = min(("dev", "tune"), key=sizes.__getitem__)
        for docid in groups[group]:
            split[docid] = half
            sizes[half] += len(spans[docid])
    return split


def _gaztag(decision: str, name: str, entries: dict) -> str:
    if decision.startswith("point:"):
        lat, lon, code = decision[len("point:"):].split(",")
        return (f"<gaztag><name>{escape(name)}</name><fcode>{code}</fcode><lat>{float(lat)}</lat>"
                f"<lon>{float(lon)}</lon></gaztag>")
    entry = entries[int(decision)]
    return (f"<gaztag geonameid=\"{entry.geonameid}\"><name>{escape(entry.name)}</name><fclass>{entry.feature_class}"
            f"</fclass><fcode>{entry.feature_code}</fcode><lat>{entry.lat:.5f}</lat><lon>{entry.lon:.5f}</lon></gaztag>")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--texts", type=Path, required=True)
    parser.add_argument("--sheet", type=Path, required=True)
    parser.add_argument("--decisions", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    with args.decisions.open(encoding="utf-8") as handle:
        decisions = {(row["docid"], row["name"]): row["decision"] for row in csv.DictReader(handle, delimiter="\t")}
    ids = {int(d) for d in decisions.values() if d.isdigit()}
    entries = {e.geonameid: e for e in Gazetteer.load().entries_with_ids(ids)}
    missing = ids - entries.keys()
    if missing:
        raise SystemExit(f"ids not in the gazetteer: {sorted(missing)}")
    spans: dict[str, list] = {}
    with args.sheet.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            decision = decisions.get((row["docid"], row["name"]))
            if decision and decision != "skip":
                spans.setdefault(row["docid"], []).extend((s, e, decision) for s, e in row["spans"])
    split = halves(spans)
    parts = ['<?xml version="1.0" encoding="utf-8"?>\n<articles>']
    for docid in sorted(spans):
        text = article_text(args.texts, docid)
        parts.append(f"<article docid={quoteattr(docid)} split=\"{split[docid]}\"><toponyms>")
        for start, end, decision in sorted(spans[docid]):
            phrase = text[start:end].rstrip("'’")  # "the United States' role": the name without the apostrophe
            end = start + len(phrase)
            parts.append(f"<toponym><start>{start}</start><end>{end}</end><phrase>{escape(phrase)}</phrase>"
                         f"{_gaztag(decision, phrase, entries)}</toponym>")
        parts.append("</toponyms></article>")
    parts.append("</articles>\n")
    args.out.write_text("\n".join(parts), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
