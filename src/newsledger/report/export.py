"""Export the whole ledger in the export contract's shape: one JSON object, JSON lines, or one CSV per list.

Records are written one by one as the store streams them (``store.streams``): neither the ledger nor the JSON
text is ever held whole in memory.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from newsledger.records import to_dict
from newsledger.store import streams
from newsledger.store.ledger import Store

FORMATS = ("json", "jsonl", "csv")
LISTS = streams.LISTS


def records(store: Store, name: str) -> Iterator[dict[str, Any]]:
    """The records of one list of the contract, as plain dicts."""
    for record in streams.records(store, name):
        yield to_dict(record)


def write_json(store: Store, out: IO[str]) -> None:
    out.write("{")
    for position, name in enumerate(LISTS):
        out.write(f'{"," if position else ""}\n  "{name}": [')
        for index, record in enumerate(records(store, name)):
            out.write(("," if index else "") + "\n    " + json.dumps(record, ensure_ascii=False))
        out.write("\n  ]")
    out.write("\n}\n")


def write_jsonl(store: Store, out: IO[str]) -> None:
    """One record a line, each with ``record`` naming its list ("article", "entity", …)."""
    for name in LISTS:
        kind = name[:-3] + "y" if name.endswith("ies") else name[:-1]
        for record in records(store, name):
            out.write(json.dumps({"record": kind, **record}, ensure_ascii=False) + "\n")


def write_csv(store: Store, folder: Path) -> list[Path]:
    """One CSV per list; nested fields (spans, lists) are JSON in their cell."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in LISTS:
        path = folder / f"{name}.csv"
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer: csv.DictWriter | None = None
            for record in records(store, name):
                if writer is None:
                    writer = csv.DictWriter(handle, fieldnames=list(record))
                    writer.writeheader()
                writer.writerow({key: _cell(value) for key, value in record.items()})
        written.append(path)
    return written


def _cell(value: Any) -> Any:
    """Nested values as JSON; text a spreadsheet would run as a formula (=, +, -, @) is quoted with an apostrophe."""
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


FINDING_COLUMNS = ("slot", "status", "happening", "value", "normal", "origins", "outlet", "title", "published",
                   "chain", "evidence")


def findings_csv(brief: dict[str, Any]) -> str:
    """A brief's findings as CSV, one row per piece of evidence: what is said, its status, where and by whom."""
    articles = {a["id"]: a for a in brief["articles"]}
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(FINDING_COLUMNS)
    for section in brief["findings"].values():
        for finding in section:
            for value in finding["values"]:
                for evidence in value["evidence"]:
                    article = articles.get(evidence["article"], {})
                    writer.writerow([_cell(cell) for cell in (
                        finding["slot"], finding["status"], finding["happening"], value["value"], value.get("normal"),
                        len(value["origins"]), article.get("outlet"), article.get("title"), article.get("published"),
                        " ← ".join(evidence["chain"]), evidence["text"])])
    return out.getvalue()
