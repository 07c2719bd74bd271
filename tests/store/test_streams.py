"""Reading the ledger list by list as a stream: the same records in the same order as the store's list readers,
taken a group at a time from the database rather than loaded whole."""

from __future__ import annotations

import pytest

from newsledger.records import (
    Article,
    ArticleRecords,
    Attribution,
    CueSpan,
    Span,
    Story,
    to_dict,
)
from newsledger.store import streams
from newsledger.store.ledger import Store


def test_each_list_streams_what_the_list_readers_return(seed_ledger, monkeypatch):
    store = seed_ledger.store
    monkeypatch.setattr(streams, "ENTITIES_PER_CHUNK", 7)  # several chunks of entities, each with its mentions
    readers = {"articles": lambda: list(store.articles()), "entities": store.entities,
               "attributions": store.attributions, "events": store.events, "cross_events": store.cross_events,
               "findings": store.findings, "stories": store.stories}
    for name in streams.LISTS:
        expected = [to_dict(record) for record in readers[name]()]
        if name == "entities":  # the list reader orders by name alone; the stream breaks ties by id
            expected.sort(key=lambda entity: (entity["name"], entity["id"]))
        assert [to_dict(record) for record in streams.records(store, name)] == expected, name
        assert expected, name


def _attribution(article: str, number: int, start: int) -> Attribution:
    cue = CueSpan("xxx", start, start + 3, "say")
    return Attribution(id=f"{article}:a{number}", article=article, source=None, cue=cue,
                       content=Span("xxx", start + 4, start + 7))


def test_records_come_one_article_at_a_time_in_position_order(tmp_path):
    with Store(str(tmp_path / "l.db")) as store:
        batch = [ArticleRecords(Article(id=a, text="x" * 50), attributions=[_attribution(a, 0, 30), _attribution(a, 1, 5)],
                                features={"terms": {}}) for a in ("a2", "a1")]
        store.write(batch, [Story("s", "t", ["a1", "a2"])], {"a1": "s", "a2": "s"})
        stream = streams.records(store, "attributions")
        assert next(stream).id == "a1:a1"  # a1 before a2, and within a1 the cue at 5 before the one at 30
        store.write([ArticleRecords(Article(id="a0", text="y" * 50), attributions=[_attribution("a0", 0, 1)],
                                    features={"terms": {}})], [], {})
        assert [a.id for a in stream] == ["a1:a0", "a2:a1", "a2:a0"]  # one read: what came later is not in it


def test_the_ledger_api_iterates(seed_ledger):
    articles = seed_ledger.articles()
    assert iter(articles) is articles and isinstance(next(articles), Article)
    assert [s.id for s in seed_ledger.stories()] == [s.id for s in seed_ledger.store.stories()]


def test_an_unknown_list_is_named():
    with pytest.raises(ValueError, match="'mentions'"):
        next(streams.records(None, "mentions"))
