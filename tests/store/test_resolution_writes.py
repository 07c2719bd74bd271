"""Writing a story's resolution touches only the rows that changed (issue 21: a story that gains an article keeps
most of its happenings and findings, and rewriting them all cost as much as the story's size), on SQLite and,
when ``NEWSLEDGER_TEST_POSTGRES`` is set, on PostgreSQL."""

from __future__ import annotations

import dataclasses

import pytest
from postgres_server import URL, fresh_database
from sqlalchemy import event

from newsledger.api import Ledger, sample_paths


@pytest.fixture(params=["sqlite", "postgresql"])
def location(request, tmp_path):
    if request.param == "sqlite":
        yield str(tmp_path / "ledger.db")
    elif not URL:
        pytest.skip("set NEWSLEDGER_TEST_POSTGRES to a PostgreSQL URL to run this on PostgreSQL")
    else:
        yield from fresh_database()


def _written(engine) -> list[str]:
    """The statements that insert, update or delete rows of findings or cross_events, as they run (one entry per
    row inserted)."""
    seen: list[str] = []

    @event.listens_for(engine, "before_cursor_execute")
    def _note(_connection, _cursor, statement, parameters, _context, executemany):
        head = statement.lstrip().split(None, 1)[0].upper()
        if head in ("INSERT", "UPDATE", "DELETE") and ("findings" in statement or "cross_events" in statement):
            rows = len(parameters) if executemany else 1
            seen.extend([statement.split("(")[0].strip()] * rows)

    return seen


def test_a_resolution_written_again_writes_only_what_changed(location):
    with Ledger(location) as ledger:
        ledger.ingest(sample_paths())
        store = ledger.store
        story = max(store.stories(), key=lambda s: len(store.findings(s.id)))
        found, findings = store.cross_events(story.id), store.findings(story.id)
        assert len(findings) >= 3 and found
        written = _written(store.engine)

        store.write_resolution(story.id, found, findings)
        assert written == []  # the same resolution again: nothing to write

        changed = [dataclasses.replace(findings[0], explanation="another explanation"), *findings[1:-1]]
        store.write_resolution(story.id, found, changed)
        inserted = [statement for statement in written if statement.startswith("INSERT")]
        assert inserted == ["INSERT INTO findings"]  # the changed finding alone is written again
        assert store.findings(story.id) == changed and store.cross_events(story.id) == found
