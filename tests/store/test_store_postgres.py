"""The ledger on PostgreSQL: the seeds give the same ledger as on SQLite, ingest stays idempotent, hostile text
round-trips, readers cannot write.

Runs when ``NEWSLEDGER_TEST_POSTGRES`` holds the SQLAlchemy URL of a server database the tests may create
databases beside (``.ci/run`` starts Debian's PostgreSQL and sets it); skipped otherwise, with that reason.
"""

from __future__ import annotations

import pytest
from postgres_server import URL, fresh_database

from newsledger.api import Ledger, sample_paths
from newsledger.records import Article, ArticleRecords, Story
from newsledger.resolution import values_version
from newsledger.store import kept
from newsledger.store.ledger import Store
from newsledger.store.search import search, search_page

pytestmark = pytest.mark.skipif(not URL, reason="set NEWSLEDGER_TEST_POSTGRES to a PostgreSQL URL to run these")

HOSTILE = "Robert'); DROP TABLE articles;-- said <script>alert(1)</script> \\x00-free ‘quotes’ and $$dollars$$."


@pytest.fixture
def database():
    """A fresh database on the server for one test, dropped afterwards."""
    yield from fresh_database()


def _comparable(export: dict) -> dict:
    return {table: sorted(rows, key=lambda row: str(row.get("id", row))) for table, rows in export.items()}


def test_the_seeds_give_the_same_ledger_as_on_sqlite(database, tmp_path):
    with Ledger(database) as on_postgres, Ledger(tmp_path / "ledger.db") as on_sqlite:
        on_postgres.ingest(sample_paths())
        on_sqlite.ingest(sample_paths())
        assert _comparable(on_postgres.export()) == _comparable(on_sqlite.export())
        assert on_postgres.brief(fmt="md") == on_sqlite.brief(fmt="md")
        # "Iran" is in every seed: BM25 gives it no weight and the two stores break that tie apart, so it is left out
        for query in ("Isfahan drone", "isfah*", "strike", "Israel attack", "Karaj", "minister", "nuclear site", "zzyzx"):
            found = [[story for story, _score in search(ledger.store, query)] for ledger in (on_postgres, on_sqlite)]
            assert found[0] == found[1], query  # the same stories in the same order, though scored apart
        for ledger in (on_postgres, on_sqlite):  # a page at a time, cut by the database, gives every hit once
            every, after = [], None
            while page := search_page(ledger.store, "Iran", after, 1):
                every.append(page[0])
                after = (-page[0][1], page[0][0])
            assert every == search(ledger.store, "Iran") and len(every) >= 2


def test_ingest_is_idempotent_on_postgres(database):
    with Ledger(database) as ledger:
        first = ledger.ingest(sample_paths())
        again = ledger.ingest(sample_paths())
        assert len(first.ingested) == 3 and again.ingested == [] and len(again.duplicates) == 3
        assert len(list(ledger.articles())) == 3


def test_hostile_text_round_trips_and_readers_cannot_write(database):
    store = Store(database)
    store.write([ArticleRecords(Article(id="a1", text=HOSTILE), features={"terms": {}})],
                [Story("s_a1", HOSTILE, ["a1"])], {"a1": "s_a1"})
    store.close()
    reader = Store(database, readonly=True)
    [article] = reader.articles()
    assert article.text == HOSTILE and reader.story("s_a1").title == HOSTILE
    with pytest.raises(Exception, match="read-only"):
        reader.write([ArticleRecords(Article(id="a2", text="x"), features={"terms": {}})], [], {})
    reader.close()


def test_a_story_grown_on_postgres_recalls_what_it_kept_and_equals_sqlite(database, tmp_path):
    added = tmp_path / "isfahan.txt"
    added.write_text("Iranian officials said three drones attacked a defense plant in Isfahan on Saturday and all "
                     "were shot down. The attack was carried out by Mossad, U.S. officials said.", encoding="utf-8")
    with Ledger(database) as on_postgres, Ledger(tmp_path / "ledger.db") as on_sqlite:
        for ledger in (on_postgres, on_sqlite):
            ledger.ingest(sample_paths())
            ledger.ingest([added])
        assert _comparable(on_postgres.export()) == _comparable(on_sqlite.export())
        articles = [a.id for a in on_postgres.articles()]
        assert kept.region_values(on_postgres.store, articles, "x") == {}  # another version's rows are not used
        regions = kept.region_values(on_postgres.store, articles, values_version())
        assert regions and regions == kept.region_values(on_sqlite.store, articles, values_version())
        assert any(v["value"]["high"] == "inf" for said in regions.values() for v in said["found"])  # "all"


def test_a_run_takes_up_the_linker_the_last_kept_on_postgres(database, tmp_path, monkeypatch):
    replays = []
    original = Store.linking_state
    monkeypatch.setattr(Store, "linking_state", lambda store: replays.append(1) or original(store))
    with Ledger(database) as ledger:
        ledger.ingest(sample_paths()[:2])
    assert replays == [1]  # a new ledger: the (empty) replay
    with Ledger(database) as ledger:
        assert kept.kept_linker(ledger.store, "no such stamp") is None
        assert ledger.store.count("linker_stories") == 1 and ledger.store.count("linker_snapshot") == 1
        assert len(ledger.ingest(sample_paths()).ingested) == 1
    assert replays == [1]  # the second run took up what the first kept
    with Ledger(tmp_path / "one.db") as one, Ledger(database) as grown:
        one.ingest(sample_paths())
        assert sorted(map(sorted, (s.articles for s in grown.stories()))) == \
            sorted(map(sorted, (s.articles for s in one.stories())))


def test_search_pages_through_tied_scores_on_postgres(database):
    """ts_rank is a 4-byte real: read back as a double it is another number, and a page's cursor would repeat or
    skip the hits tied with its last (the session's review). Five stories of one score, a page of one each."""
    store = Store(database)
    for n in range(5):
        article = Article(id=f"a{n}", title="", text=f"Flooding closed the river road {'abcde'[n]}x again.")
        store.write([ArticleRecords(article, features={"terms": {}})], [Story(f"s{n}", "t", [f"a{n}"])],
                    {f"a{n}": f"s{n}"})
    ranked = search(store, "flooding river")
    assert len(ranked) == 5 and len({score for _, score in ranked}) == 1
    every, after = [], None
    while page := search_page(store, "flooding river", after, 1):
        every.append(page[0])
        after = (-page[0][1], page[0][0])
        assert len(every) <= 5
    assert every == ranked
    store.close()
