"""A large story that gains articles is resolved online (issue 21): only what the added articles change is computed,
and the findings are those a full resolution gives; when the story has doubled, it is resolved in full again."""

from __future__ import annotations

import json
import shutil
import sqlite3

import pytest

from newsledger.api import Ledger
from newsledger.config import Config
from newsledger.link.coref import CorefModel
from newsledger.resolution import resolve_story
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


def _state(db):
    with sqlite3.connect(db) as connection:
        return {story: json.loads(data) for story, data in connection.execute("select story, data from story_state")}


def _findings(db):
    """The findings, each happening named by its mentions (a full resolution names a happening by its first
    mention in article order, which an added article may change; online, a happening keeps its name)."""
    with sqlite3.connect(db) as connection:
        found = [json.loads(data) for (data,) in connection.execute("select data from findings")]
        mentions = {i: sorted(json.loads(data)["mentions"]) for i, data in connection.execute(
            "select id, data from cross_events")}
    return sorted((mentions.get(f["event"], []), f["slot"], f["status"], f["independent_origins"],
                   sorted((v["value"], sorted((e["article"], e["start"]) for e in v["evidence"])) for v in f["values"]))
                  for f in found)


@pytest.fixture(scope="module")
def grown(tmp_path_factory):
    """A ledger whose story kept its state at three articles, then gained two, one run each (online)."""
    folder = tmp_path_factory.mktemp("online")
    db = folder / "ledger.db"
    with Ledger(db, config=Config(online_from=3)) as ledger:
        ledger.ingest([_write(folder, REPORTS[:3], 0)])
        kept = _state(db)
        for n in (3, 4):
            ledger.ingest([_write(folder, REPORTS[n:n + 1], n)])
    return folder, db, kept


def test_a_large_story_keeps_its_state_and_is_resolved_online_as_it_grows(grown):
    _, db, kept = grown
    ((story, first),) = kept.items()
    assert first["full"] == 3 and len(first["articles"]) == 3
    state = _state(db)[story]
    assert state["full"] == 3 and len(state["articles"]) == 5  # resolved online twice: no full resolution since


def test_what_an_added_article_says_joins_the_kept_findings(grown):
    _, db, _ = grown
    with sqlite3.connect(db) as connection:
        (added,) = connection.execute("select id from articles where title like '%death toll%'").fetchone()
        found = [json.loads(d) for (d,) in connection.execute("select data from findings")]
    killed = [f for f in found if f["slot"] == "killed"]
    said = {v["value"]: {e["article"] for e in v["evidence"]} for f in killed for v in f["values"]}
    assert added in said.get("3", set()) and len(said.get("2", ())) == 4
    assert any(f["status"] in ("updated", "disputed") for f in killed)  # "two killed", then three have died


def test_online_findings_are_those_of_a_full_resolution(grown, tmp_path):
    _, db, _ = grown
    full = tmp_path / "full.db"
    shutil.copy(db, full)
    store = Store(str(full))
    for story in store.stories():
        resolve_story(store, story.id, CorefModel.load(), online_from=10 ** 9)
    store.close()
    assert _findings(full) == _findings(db)


def test_a_story_that_doubled_is_resolved_in_full_again(grown, tmp_path):
    folder, db, _ = grown
    copy = tmp_path / "ledger.db"
    shutil.copy(db, copy)
    with Ledger(copy, config=Config(online_from=3)) as ledger:
        ledger.ingest([_write(folder, REPORTS[5:], 5)])
    ((_, state),) = _state(copy).items()
    assert state["full"] == 6 == len(state["articles"])
