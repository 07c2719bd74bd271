"""Shared fixtures: the seed articles and a ledger built from them once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsledger.api import Ledger, sample_paths

DATASETS = Path(__file__).resolve().parents[1].parent / "shared" / "datasets"
SEEDS = DATASETS / "seeds"


def seed(prefix: str) -> Path:
    """The sample copy of a seed article, by its number ("000", "002", "004")."""
    return next(path for path in sample_paths() if path.name.startswith(prefix))


@pytest.fixture(scope="session")
def seed_ledger(tmp_path_factory: pytest.TempPathFactory) -> Ledger:
    ledger = Ledger(tmp_path_factory.mktemp("seeds") / "seeds.db")
    ledger.ingest(sample_paths())
    yield ledger
    ledger.close()


@pytest.fixture(scope="session")
def seed_export(seed_ledger: Ledger) -> dict:
    return seed_ledger.export()


def article_of(export: dict, prefix: str) -> dict:
    return next(a for a in export["articles"] if Path(a["source_path"]).name.startswith(prefix))
