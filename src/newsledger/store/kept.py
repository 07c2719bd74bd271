"""What an ingest keeps between runs, so that a story that gains an article redoes only what the article
changes: the values read in each region of an article (``reconcile/region_values.py``) and the labels of each
group of event mentions clustered (``link/coref.resolve``), stored as JSON with the version of the code that
computed them (a row of another version is never used); and the story linker's state (``link/snapshot.py``)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import delete, func, insert, select, tuple_

from . import schema as t
from .ledger import Store

Region = tuple[str, int, int]  # (article, start, end)


def region_values(store: Store, articles: Iterable[str], version: str) -> dict[Region, dict[str, Any]]:
    """The kept regions of these articles that ``version`` of the code read."""
    wanted = sorted(set(articles))
    table = t.region_values
    found: dict[Region, dict[str, Any]] = {}
    with store.engine.connect() as connection:
        for i in range(0, len(wanted), t.ROWS_PER_STATEMENT):
            query = select(table.c.article, table.c.start, table.c.end, table.c.data).where(
                table.c.article.in_(wanted[i:i + t.ROWS_PER_STATEMENT]), table.c.version == version)
            for row in connection.execute(query):
                found[row.article, row.start, row.end] = row.data
    return found


def mention_groups(store: Store, story: str, version: str) -> dict[str, list[int]]:
    """The labels of the story's mention groups as its last resolution clustered them, by group key."""
    table = t.mention_groups
    query = select(table.c.key, table.c.data).where(table.c.story == story, table.c.version == version)
    with store.engine.connect() as connection:
        return {row.key: row.data for row in connection.execute(query)}


def keep(store: Store, story: str, regions: dict[Region, dict[str, Any]], regions_version: str,
         groups: dict[str, list[int]] | None, groups_version: str) -> None:
    """In one transaction: keep these regions (replacing what another version read of them), and replace the
    story's kept mention groups with these (the groups of its latest resolution only; None leaves them)."""
    values, clusters = t.region_values, t.mention_groups
    keys = sorted(regions)
    with store.engine.begin() as connection:
        for i in range(0, len(keys), t.ROWS_PER_STATEMENT):
            chunk = keys[i:i + t.ROWS_PER_STATEMENT]
            connection.execute(delete(values).where(tuple_(values.c.article, values.c.start, values.c.end).in_(chunk)))
            connection.execute(insert(values), [{"article": a, "start": s, "end": e, "version": regions_version,
                                                 "data": regions[a, s, e]} for a, s, e in chunk])
        if groups is None:
            return
        connection.execute(delete(clusters).where(clusters.c.story == story))
        rows = [{"story": story, "key": key, "version": groups_version, "data": labels}
                for key, labels in groups.items()]
        for i in range(0, len(rows), t.ROWS_PER_STATEMENT):
            connection.execute(insert(clusters), rows[i:i + t.ROWS_PER_STATEMENT])


def forget_removed_stories(store: Store) -> None:
    """Drop the groups and states of stories merged into others (their articles' stories are resolved anew)."""
    with store.engine.begin() as connection:
        for table in (t.mention_groups, t.story_state, t.kept_claims):
            connection.execute(delete(table).where(table.c.story.not_in(select(t.stories.c.id))))


def story_state(store: Store, story: str, version: str) -> dict[str, Any] | None:
    """The story's kept resolution state, if ``version`` of the code kept it."""
    table = t.story_state
    query = select(table.c.data).where(table.c.story == story, table.c.version == version)
    with store.engine.connect() as connection:
        return connection.execute(query).scalar_one_or_none()


def story_claims(store: Store, story: str, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], list]:
    """The story's kept claims of these (happening, slot) keys."""
    table = t.kept_claims
    wanted = sorted(set(keys))
    found: dict[tuple[str, str], list] = {}
    with store.engine.connect() as connection:
        for i in range(0, len(wanted), t.ROWS_PER_STATEMENT):
            query = select(table.c.happening, table.c.slot, table.c.data).where(
                table.c.story == story, tuple_(table.c.happening, table.c.slot).in_(wanted[i:i + t.ROWS_PER_STATEMENT]))
            found.update(((row.happening, row.slot), row.data) for row in connection.execute(query))
    return found


def keep_story(connection: Any, story: str, version: str, state: dict[str, Any] | None,
               claims: dict[tuple[str, str], list], every: bool) -> None:
    """Within the caller's transaction: the story's state (None: none kept) and these claims, replacing the kept
    claims of their keys, or ``every`` kept claim of the story."""
    table = t.kept_claims
    connection.execute(delete(t.story_state).where(t.story_state.c.story == story))
    if state is not None:
        connection.execute(insert(t.story_state).values(story=story, version=version, data=state))
    keys = sorted(claims)
    if every:
        connection.execute(delete(table).where(table.c.story == story))
    else:
        for i in range(0, len(keys), t.ROWS_PER_STATEMENT):
            connection.execute(delete(table).where(table.c.story == story, tuple_(table.c.happening, table.c.slot).in_(
                keys[i:i + t.ROWS_PER_STATEMENT])))
    rows = [{"story": story, "happening": h, "slot": slot, "data": claims[h, slot]} for h, slot in keys]
    for i in range(0, len(rows), t.ROWS_PER_STATEMENT):
        connection.execute(insert(table), rows[i:i + t.ROWS_PER_STATEMENT])


def articles_stamp(store: Store) -> tuple[int, int]:
    """(how many articles, the last one's ingestion number): what a kept linker state must have seen."""
    with store.engine.connect() as connection:
        row = connection.execute(select(func.count(), func.max(t.articles.c.seq))).one()
    return row[0], row[1] or 0


def kept_linker(store: Store, stamp: str) -> dict[str, Any] | None:
    """The kept linker's indexes, if they were kept under this stamp."""
    table = t.linker_snapshot
    with store.engine.connect() as connection:
        return connection.execute(select(table.c.data).where(table.c.stamp == stamp)).scalar_one_or_none()


def kept_linker_story(store: Store, story: str) -> dict[str, Any] | None:
    table = t.linker_stories
    with store.engine.connect() as connection:
        return connection.execute(select(table.c.data).where(table.c.story == story)).scalar_one_or_none()


def keep_linker(store: Store, stamp: str, state: dict[str, Any], removed: Iterable[str], every: bool) -> None:
    """In one transaction: the linker's indexes under ``stamp``, and its stories in ``state`` (the ones a run
    changed, or ``every`` one, replacing all kept before); the ``removed`` stories (merged into others) go."""
    stories = state["stories"]
    with store.engine.begin() as connection:
        connection.execute(delete(t.linker_snapshot))
        connection.execute(insert(t.linker_snapshot).values(id=1, stamp=stamp, data={**state, "stories": []}))
        table = t.linker_stories
        if every:
            connection.execute(delete(table))
        gone = sorted({*removed, *(story["id"] for story in stories)}) if not every else []
        for i in range(0, len(gone), t.ROWS_PER_STATEMENT):
            connection.execute(delete(table).where(table.c.story.in_(gone[i:i + t.ROWS_PER_STATEMENT])))
        for i in range(0, len(stories), t.ROWS_PER_STATEMENT):
            connection.execute(insert(table), [{"story": story["id"], "data": story}
                                               for story in stories[i:i + t.ROWS_PER_STATEMENT]])
