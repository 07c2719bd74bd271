"""What the worker and cluster tests share: a slice of PolNeAR dev, and a ledger's export in a comparable form."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import DATASETS

from newsledger.api import Ledger
from newsledger.config import Config
from newsledger.ingest.metadata import Metadata

POLNEAR = DATASETS / "polnear"
SLICE = 8
BATCH = 3


def polnear_slice(folder: Path) -> Path:
    """The first articles of PolNeAR dev, copied into ``folder``."""
    if not (POLNEAR / "dev" / "text").is_dir():
        pytest.skip("../shared/datasets/polnear not present")
    for path in sorted((POLNEAR / "dev" / "text").glob("*.txt"))[:SLICE]:
        shutil.copy(path, folder / path.name)
    return folder


def metadata() -> Metadata:
    """PolNeAR's publisher and date per article, so the slice's stories link as in a real archive."""
    return Metadata.from_file(POLNEAR / "metadata.tsv")


def ingested(db: Path | str, paths: list[Path], config: Config, **options) -> tuple[dict, object]:
    """Ingest into a new ledger; its export, in a comparable order, and the ingest's report."""
    with Ledger(db, config=config.but(batch_size=BATCH)) as ledger:
        report = ledger.ingest(paths, **options)
        return comparable(ledger.export()), report


def comparable(export: dict) -> dict:
    """The export with each list in id order (PostgreSQL may return rows in another order than SQLite)."""
    return {table: sorted(rows, key=lambda row: str(row.get("id", row))) for table, rows in export.items()}
