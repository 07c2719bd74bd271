"""Parquet export: the CLI writes articles, events and attributions as flat typed columns that read back to the
same records as the JSON export."""

from __future__ import annotations

import json

import pyarrow.parquet as pq
from typer.testing import CliRunner

from newsledger.cli import app


def test_parquet_export_matches_the_json_export(seed_ledger, seed_export, tmp_path):
    result = CliRunner().invoke(app, ["export", "--format", "parquet", "-o", str(tmp_path / "pq"),
                                      "--db", str(seed_ledger.store.location)])
    assert result.exit_code == 0, result.output
    for name in ("articles", "events", "attributions"):
        table = pq.read_table(tmp_path / "pq" / f"{name}.parquet")
        rows = table.to_pylist()
        assert [row["id"] for row in rows] == [record["id"] for record in seed_export[name]]
    events = pq.read_table(tmp_path / "pq" / "events.parquet")
    assert events.schema.field("trigger_start").type == "int64"
    assert events.schema.field("place_geo_lat").type == "double"
    first = events.to_pylist()[0]
    exported = seed_export["events"][0]
    assert (first["trigger_text"], first["type"]) == (exported["trigger"]["text"], exported["type"])
    articles = pq.read_table(tmp_path / "pq" / "articles.parquet").to_pylist()
    assert json.loads(articles[0]["removed"]) == seed_export["articles"][0]["removed"]


def test_parquet_needs_a_folder(seed_ledger):
    result = CliRunner().invoke(app, ["export", "--format", "parquet", "--db", str(seed_ledger.store.location)])
    assert result.exit_code == 2 and "name a folder with -o" in result.output
