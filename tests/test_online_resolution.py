"""A large story that gains articles is resolved online (issue 21): only what the added articles change is computed,
and the findings are those a full resolution gives; when the story has doubled, it is resolved in full again."""

from __future__ import annotations

import json

import pytest
from postgres_server import URL, fresh_database

from newsledger.api import Ledger
from newsledger.config import Config
from newsledger.link.coref import CorefModel
from newsledger import resolution
from newsledger.reconcile.facets import tally
from newsledger.resolution import groups_version, resolve_story, state_version
from newsledger.store import kept
from newsledger.store.ledger import Store

REPORTS = [
    ("Two killed, three wounded in Wilkinsburg shooting", "2016-03-10",
     "Two men were killed and three people were wounded in a shooting at a backyard cookout in Wilkinsburg on "
     "Wednesday night, police said. Allegheny County police said two gunmen opened fire on the cookout."),
    ("Wilkinsburg cookout shooting leaves two dead", "2016-03-10",
     "Police said two men were killed at a family cookout in Wilkinsburg on Wednesday night when two gunmen opened "
     "fire. Three other people were wounded in the Wilkinsburg shooting, Allegheny County police said."),
    ("Gunmen fire on Wilkinsburg cookout", "2016-03-10",
     "Two gunmen opened fire on a backyard cookout in Wilkinsburg on Wednesday night, killing two men and wounding "
     "three people, Allegheny County police said. No arrests have been made in the Wilkinsburg shooting."),
    ("Police seek gunmen in Wilkinsburg shooting", "2016-03-11",
     "Allegheny County police are searching for the two gunmen who opened fire on a family cookout in Wilkinsburg "
     "on Wednesday night. Two men were killed and three people were wounded in the Wilkinsburg shooting."),
    ("Wilkinsburg shooting: death toll rises", "2016-03-12",
     "Three people were killed when two gunmen opened fire on a backyard cookout in Wilkinsburg on Wednesday "
     "night, Allegheny County police said on Saturday. Two others were wounded in the Wilkinsburg shooting."),
    ("Neighbors mourn Wilkinsburg cookout victims", "2016-03-12",
     "Neighbors gathered on Friday to mourn the victims of the Wilkinsburg shooting, where two gunmen opened fire "
     "on a family cookout on Wednesday night, Allegheny County police said. Three people were killed."),
]


def _write(folder, reports, first):
    path = folder / f"reports-{first}.jsonl"
    path.write_text("\n".join(json.dumps({"title": title, "published": day, "text": text,
                                          "outlet": f"outlet{first + n}.example"})
                              for n, (title, day, text) in enumerate(reports)), encoding="utf-8")
    return path


def _state(store):
    return {story.id: state for story in store.stories()
            if (state := kept.story_state(store, story.id, state_version())) is not None}


def _findings(store):
    """The findings, each happening named by its mentions (a full resolution names a happening by its first
    mention in article order, which an added article may change; online, a happening keeps its name)."""
    mentions = {c.id: sorted(c.mentions) for c in store.cross_events()}
    return sorted((mentions.get(f.event, []), f.slot, f.status.value, f.independent_origins,
                   sorted((v.value, sorted((e.article, e.start) for e in v.evidence)) for v in f.values))
                  for f in store.findings())


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def grown(request, tmp_path_factory):
    """A ledger whose story kept its state at three articles, then gained two, one run each (online)."""
    folder = tmp_path_factory.mktemp("online")
    databases = iter([str(folder / "ledger.db")]) if request.param == "sqlite" else fresh_database() if URL else None
    if databases is None:
        pytest.skip("set NEWSLEDGER_TEST_POSTGRES to a PostgreSQL URL to run this on PostgreSQL")
    with Ledger(next(databases), config=Config(online_from=3)) as ledger:
        ledger.ingest([_write(folder, REPORTS[:3], 0)])
        first = _state(ledger.store)
        for n in (3, 4):
            ledger.ingest([_write(folder, REPORTS[n:n + 1], n)])
        yield folder, ledger, first
    next(databases, None)  # a PostgreSQL database is dropped




def test_a_large_story_keeps_its_state_and_is_resolved_online_as_it_grows(grown):
    _, ledger, first = grown
    ((story, kept_first),) = first.items()
    assert kept_first["full"] == 3 and len(kept_first["articles"]) == 3
    state = _state(ledger.store)[story]
    assert state["full"] == 3 and len(state["articles"]) == 5  # resolved online twice: no full resolution since


def test_what_an_added_article_says_joins_the_kept_findings(grown):
    _, ledger, _ = grown
    (added,) = [a.id for a in ledger.store.articles() if "death toll" in a.title]
    killed = [f for f in ledger.store.findings() if f.slot == "killed"]
    said = {v.value: {e.article for e in v.evidence} for f in killed for v in f.values}
    assert added in said.get("3", set()) and len(said.get("2", ())) == 4
    assert any(f.status.value in ("updated", "disputed") for f in killed)  # "two killed", then three were
    (story,) = ledger.store.stories()
    assert story.tally == tally(f.status for f in ledger.store.findings())  # online, the tally is the findings'


def test_online_keeps_the_mention_groups_of_the_last_full_resolution(grown):
    _, ledger, _ = grown
    (story,) = ledger.store.stories()
    assert kept.mention_groups(ledger.store, story.id, groups_version())


def test_online_findings_are_those_of_a_full_resolution(grown):
    """(Last of the tests on ``grown``: it resolves the ledger in full.)"""
    _, ledger, _ = grown
    online = _findings(ledger.store)
    for story in ledger.store.stories():
        resolve_story(ledger.store, story.id, CorefModel.load(), online_from=10 ** 9)
    assert _findings(ledger.store) == online
    assert _state(ledger.store) == {}  # resolved in full below the threshold: no state kept


def test_a_story_that_did_not_hold_together_keeps_no_state_to_be_resolved_online_from(tmp_path, monkeypatch):
    """Its findings were not drawn: an online resolution from its state would judge the added articles alone."""
    db = tmp_path / "ledger.db"
    with Ledger(db, config=Config(online_from=3)) as ledger:
        monkeypatch.setattr(resolution, "comparable", lambda story: False)
        ledger.ingest([_write(tmp_path, REPORTS[:3], 0)])
        assert _state(ledger.store) == {} and ledger.store.findings() == []
        monkeypatch.setattr(resolution, "comparable", lambda story: True)
        ledger.ingest([_write(tmp_path, REPORTS[3:4], 3)])
        ((_, state),) = _state(ledger.store).items()
        assert state["full"] == 4  # resolved in full, every article's claims judged together
        killed = [f for f in ledger.store.findings() if f.slot == "killed"]
        assert killed and max(len(v.evidence) for f in killed for v in f.values) >= 3


def test_a_story_that_doubled_is_resolved_in_full_again(tmp_path):
    db = tmp_path / "ledger.db"
    with Ledger(db, config=Config(online_from=3)) as ledger:
        ledger.ingest([_write(tmp_path, REPORTS[:3], 0)])
        ledger.ingest([_write(tmp_path, REPORTS[3:5], 3)])
        assert [s["full"] for s in _state(ledger.store).values()] == [3]
        ledger.ingest([_write(tmp_path, REPORTS[5:], 5)])
        ((_, state),) = _state(ledger.store).items()
    assert state["full"] == 6 == len(state["articles"])


def test_an_online_resolution_stopped_before_its_write_is_done_again_by_the_next_run(tmp_path, monkeypatch):
    """The state, the claims and the findings are written in one transaction: a run stopped before it leaves the
    story unresolved with its former state, and resolving it again gives what an uninterrupted run gives."""
    whole = tmp_path / "whole.db"
    with Ledger(whole, config=Config(online_from=3)) as ledger:
        ledger.ingest([_write(tmp_path, REPORTS[:3], 0)])
        ledger.ingest([_write(tmp_path, REPORTS[3:5], 3)])
        expected = _findings(ledger.store)
    stopped = tmp_path / "stopped.db"
    with Ledger(stopped, config=Config(online_from=3)) as ledger:
        ledger.ingest([_write(tmp_path, REPORTS[:3], 0)])
        written = Store.write_resolution

        def fail(*args, **kwargs):
            raise KeyboardInterrupt  # as the process stopped here

        monkeypatch.setattr(Store, "write_resolution", fail)
        with pytest.raises(KeyboardInterrupt):
            ledger.ingest([_write(tmp_path, REPORTS[3:5], 3)])
        monkeypatch.setattr(Store, "write_resolution", written)
        assert ledger.store.unresolved_stories() and len(next(iter(_state(ledger.store).values()))["articles"]) == 3
        assert ledger.resolve() == 1
        assert _findings(ledger.store) == expected
