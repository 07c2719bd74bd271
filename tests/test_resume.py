"""A restarted ingest reads the stored linking state only when a new article needs linking."""

from __future__ import annotations

import sqlite3

from newsledger.api import Ledger, sample_paths
from newsledger.store.ledger import Store


def test_a_rerun_over_stored_inputs_never_reads_the_linking_state(seed_ledger, tmp_path, monkeypatch):
    copy = tmp_path / "seeds.db"
    with sqlite3.connect(seed_ledger.store.engine.url.database) as source, sqlite3.connect(copy) as target:
        source.backup(target)  # a copy of the file alone would miss what its write-ahead log still holds
    read = []
    original = Store.linking_state

    def counted(store):
        read.append(store.location)
        return original(store)

    monkeypatch.setattr(Store, "linking_state", counted)
    with Ledger(copy) as ledger:
        again = ledger.ingest(sample_paths())
        assert again.ingested == [] and len(again.duplicates) == 3 and read == []
        new = tmp_path / "new.txt"
        new.write_text(sample_paths()[0].read_text(encoding="utf-8") + "\nA line that makes it a new article.\n")
        added = ledger.ingest([new])
        assert len(added.ingested) == 1 and read == [str(copy)]  # read once, for the new article
        assert len(list(ledger.articles())) == 4
