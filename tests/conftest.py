"""Shared fixtures: the seed articles, a ledger built from them once per test session, and the web tests' ledger
(the seeds plus one hostile, script-laden article)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsledger.api import Ledger, sample_paths
from newsledger.web import create_app

REPO = Path(__file__).resolve().parents[1]
DATASETS = REPO.parent / "shared" / "datasets"
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


TOKEN = "s3cret-token-for-tests-0123456789"
LONG_LINE = ("lorem ipsum dolor sit amet " * 4000)[:100_000]
HOSTILE = {
    "id": "hostile-1",
    "title": '<script>window.__pwned=1</script>"><svg onload=alert(1)> Minister denies plot',
    "outlet": "<img src=x onerror=alert(1)>Evil Times",
    "author": '"><script>alert(1)</script>',
    "url": "javascript:alert(1)",
    "published": "2024-01-02",
    "text": (
        'The minister said that "<script>window.__pwned=1</script>" was planted in the ministry files.\n'
        "Officials said <img src=x onerror=alert(1)> appeared on the screens of the ministry in Tehran.\n"
        'A spokesman denied that the agency ran "><svg onload=alert(1)> and <a href="javascript:alert(1)">this link</a>.\n'
        'Critics said the record {"note": "<b onmouseover=alert(1)>bold</b>", "x": "</textarea><iframe src=//evil>"} was forged.\n'
        f"{LONG_LINE}\n"
        "The ministry declined to comment on the report.\n"
        '"<script>window.__pwned=2</script> is ours," the minister said, "and <img src=x onerror=alert(2)> too."\n'
    ),
}


@pytest.fixture(scope="session")
def ledger_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The web tests' ledger: the seeds and the hostile article (the web tests only read it)."""
    folder = tmp_path_factory.mktemp("web-ledger")
    hostile = folder / "hostile.jsonl"
    hostile.write_text(json.dumps(HOSTILE) + "\n", encoding="utf-8")
    path = folder / "web.db"
    with Ledger(path) as ledger:
        report = ledger.ingest([*sample_paths(), hostile])
        assert not report.rejected, report.rejected
    return path


@pytest.fixture(scope="session")
def client(ledger_path: Path) -> TestClient:
    return TestClient(create_app(ledger_path))
