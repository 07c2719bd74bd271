"""The ledger store: writes an article and everything extracted from it in one transaction, reads records back.

A URL opens any SQLAlchemy database (``postgresql+psycopg://…``); a plain path opens SQLite. Each batch is
committed whole or not at all, so a killed ingest leaves a consistent ledger and a re-run completes it.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Engine,
    Text,
    cast,
    create_engine,
    delete,
    event,
    func,
    insert,
    make_url,
    select,
    update,
)
from sqlalchemy.exc import DBAPIError

from newsledger.records import (
    Article,
    ArticleRecords,
    Attribution,
    CrossEvent,
    Entity,
    Event,
    Finding,
    Mention,
    Story,
    from_dict,
    to_dict,
)
from newsledger.store import schema as t
from newsledger.store.errors import LedgerError
from newsledger.store.list_columns import insert_rows
from newsledger.store.writer import writer_lock

DB_ENV = "NEWSLEDGER_DB"
DEFAULT_DB = "newsledger.db"


def default_location() -> str:
    return os.environ.get(DB_ENV) or DEFAULT_DB


def _reader_options(url: str) -> dict[str, str]:
    """A reader of PostgreSQL gets read-only transactions from the server itself (libpq's ``options``, added to
    any the URL already sets)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql":
        return {}
    given = parsed.query.get("options", "")
    given = " ".join(given) if isinstance(given, tuple) else given
    return {"options": f"{given} -c default_transaction_read_only=on".strip()}


def _engine(location: str, readonly: bool) -> Engine:
    if "://" in location:
        return create_engine(location, future=True, connect_args=_reader_options(location) if readonly else {})
    path = Path(location)
    if readonly:
        if not path.exists():
            raise LedgerError(f"ledger {location} does not exist (run `newsledger ingest` first)")
        engine = create_engine(f"sqlite:///file:{path.resolve()}?mode=ro&uri=true", future=True)
    else:
        if path.parent and not path.parent.exists():
            raise LedgerError(f"cannot create ledger {location}: folder {path.parent} does not exist")
        engine = create_engine(f"sqlite:///{path}", future=True)

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        if not readonly:
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA busy_timeout=10000")
        cursor.close()

    return engine


def _write_listed(connection: Any, records: list[dict[str, Any]]) -> None:
    """Keep the story list's rows (``story_list``, ``story_facets``) of these story records in step with them."""
    records = list({record["id"]: record for record in records}.values())  # a story written twice: its last
    if not records:
        return
    _forget_listed(connection, [record["id"] for record in records])
    insert_rows(connection, t.story_list, t.story_facets, records)


def _forget_listed(connection: Any, story_ids: list[str]) -> None:
    """Drop the list's rows of stories that are gone (merged into others) or about to be written again."""
    for table in (t.story_list, t.story_facets):
        connection.execute(delete(table).where(table.c.story.in_(story_ids)))


def _replace(connection: Any, table: Any, story: str, records: list[CrossEvent] | list[Finding],
             removed: Iterable[str]) -> None:
    """Write these records of the story's rows of ``table`` and remove the ``removed``; the other rows stay."""
    gone = sorted({*removed, *(r.id for r in records)})
    for i in range(0, len(gone), t.ROWS_PER_STATEMENT):
        connection.execute(delete(table).where(table.c.id.in_(gone[i:i + t.ROWS_PER_STATEMENT])))
    rows = [{"id": r.id, "story": story, "data": to_dict(r)} for r in records]
    for i in range(0, len(rows), t.ROWS_PER_STATEMENT):
        connection.execute(insert(table), rows[i:i + t.ROWS_PER_STATEMENT])


def _replace_changed(connection: Any, table: Any, story: str, records: list[CrossEvent] | list[Finding]) -> None:
    """Make the story's rows of ``table`` these records, writing only the rows that changed: a story that gains an
    article keeps most of its happenings as they were, and rewriting them all cost as much as the story's size.
    (Findings are numbered in order, so a new finding renumbers those after it: they are written again.) Rows are compared as the JSON text the store holds (the serializer's output, which both
    dialects keep verbatim in a JSON column); a row that reads otherwise is simply written again."""
    wanted = {r.id: to_dict(r) for r in records}
    stored = {row.id: row.data for row in connection.execute(
        select(table.c.id, cast(table.c.data, Text).label("data")).where(table.c.story == story))}
    changed = [key for key, data in wanted.items() if stored.get(key) != json.dumps(data)]
    gone = [key for key in stored if key not in wanted]
    for i in range(0, len(gone) + len(changed), t.ROWS_PER_STATEMENT):
        connection.execute(delete(table).where(table.c.id.in_([*gone, *changed][i:i + t.ROWS_PER_STATEMENT])))
    for i in range(0, len(changed), t.ROWS_PER_STATEMENT):
        connection.execute(insert(table), [{"id": key, "story": story, "data": wanted[key]}
                                           for key in changed[i:i + t.ROWS_PER_STATEMENT]])




class Store:
    """One ledger database. Writers migrate the schema on open; readers refuse a ledger that needs migrating."""

    def __init__(self, location: str | None = None, readonly: bool = False) -> None:
        self.location = location or default_location()
        self.readonly = readonly
        self.engine = _engine(self.location, readonly)
        try:
            with self.engine.begin() as connection:
                version = t.current_version(connection)
            if readonly and version != t.LATEST:
                raise LedgerError(
                    f"ledger {self.location} has schema version {version}, not {t.LATEST}: "
                    "open it once for writing (e.g. `newsledger ingest`) to migrate it"
                )
            if not readonly and version != t.LATEST:
                with self.writer(), self.engine.begin() as connection:
                    t.migrate(connection)  # reads the version again: another writer may have migrated meanwhile
        except t.SchemaTooNew as error:
            raise LedgerError(f"ledger {self.location}: {error}") from error
        except DBAPIError as error:
            raise LedgerError(f"cannot open ledger {self.location}: {error.orig}") from error

    def close(self) -> None:
        self.engine.dispose()

    def writer(self) -> AbstractContextManager[None]:
        """The ledger's writer lock, for the length of a block: a second writer gets ``LedgerBusy`` at once."""
        if self.readonly:
            raise LedgerError(f"ledger {self.location} is open read-only")
        return writer_lock(self.engine, self.location)

    def check_writable(self) -> None:
        """A LedgerError saying "read-only" unless the ledger takes a write, so that an ingest fails before it
        parses anything: the schema version is written over with itself, and the transaction rolled back."""
        try:
            with self.engine.connect() as connection, connection.begin() as transaction:
                connection.execute(update(t.schema_version).values(version=t.schema_version.c.version))
                transaction.rollback()
        except DBAPIError as error:
            said = str(error.orig)
            if "readonly" in said.replace("-", "").replace(" ", "").lower():
                raise LedgerError(f"ledger {self.location} is read-only ({said})") from error
            raise LedgerError(f"ledger {self.location} cannot be written: {said}") from error

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # --- writing -------------------------------------------------------------------------------------------

    def known_articles(self, ids: Iterable[str]) -> set[str]:
        wanted = list(set(ids))
        if not wanted:
            return set()
        with self.engine.connect() as connection:
            rows = connection.execute(select(t.articles.c.id).where(t.articles.c.id.in_(wanted)))
            return {row.id for row in rows}

    def write(
        self,
        batch: list[ArticleRecords],
        stories: list[Story],
        assignments: dict[str, str],
        removed_stories: Iterable[str] = (),
    ) -> None:
        """Store a batch of articles with their records, and the stories they changed, atomically.

        ``removed_stories`` were merged into others (whose articles ``assignments`` must move): they go with
        their cross-document events and findings, in the same transaction, so no reader sees half a merge."""
        with self.engine.begin() as connection:
            for records in batch:
                self._write_article(connection, records)
            removed = list(removed_stories)
            if removed:
                for table in (t.stories, t.cross_events, t.findings, t.resolved_stories):
                    key = table.c.id if table is t.stories else table.c.story
                    connection.execute(delete(table).where(key.in_(removed)))
                _forget_listed(connection, removed)
            records = [to_dict(story) for story in stories]
            for record in records:
                connection.execute(delete(t.stories).where(t.stories.c.id == record["id"]))
                connection.execute(insert(t.stories).values(id=record["id"], data=record))
                connection.execute(delete(t.resolved_stories).where(t.resolved_stories.c.story == record["id"]))
            _write_listed(connection, records)
            if assignments:
                connection.execute(delete(t.story_articles).where(t.story_articles.c.article.in_(list(assignments))))
                connection.execute(
                    insert(t.story_articles),
                    [{"article": article, "story": story} for article, story in assignments.items()],
                )

    def write_resolution(self, story: str, found: list[CrossEvent], findings: list[Finding],
                         facets: dict[str, list[str]] | None = None, tally: dict[str, int] | None = None,
                         also: Callable[[Any], None] | None = None,
                         removed_findings: Iterable[str] | None = None) -> None:
        """Replace a story's cross-document events, findings, facets and tally, and mark it resolved, atomically;
        ``also`` writes what the resolution keeps, in the same transaction. Given ``removed_findings`` (the ids of
        findings to remove), ``found`` and ``findings`` are only the records that changed, and the others stay."""
        with self.engine.begin() as connection:
            if also is not None:
                also(connection)
            if facets is not None or tally is not None:
                row = connection.execute(select(t.stories.c.data).where(t.stories.c.id == story)).first()
                if row is not None:
                    derived = {"facets": facets or {}, "tally": tally or {}}
                    connection.execute(update(t.stories).where(t.stories.c.id == story).values(
                        data={**row.data, **derived}))
                    _write_listed(connection, [{**row.data, **derived}])
            for table, records in ((t.cross_events, found), (t.findings, findings)):
                if removed_findings is None:
                    _replace_changed(connection, table, story, records)
                else:
                    _replace(connection, table, story, records, removed_findings if table is t.findings else ())
            connection.execute(delete(t.resolved_stories).where(t.resolved_stories.c.story == story))
            connection.execute(insert(t.resolved_stories).values(story=story))

    def _write_article(self, connection: Any, records: ArticleRecords) -> None:
        article = records.article
        connection.execute(
            insert(t.articles).values(
                id=article.id,
                outlet=article.outlet,
                title=article.title,
                published=article.published,
                text=article.text,
                data=to_dict(article),
            )
        )
        self._merge_entities(connection, records)
        if records.attributions:
            connection.execute(
                insert(t.attributions),
                [
                    {
                        "id": a.id,
                        "article": a.article,
                        "source_entity": a.source.entity if a.source else None,
                        "data": to_dict(a),
                    }
                    for a in records.attributions
                ],
            )
        if records.events:
            connection.execute(
                insert(t.events),
                [{"id": e.id, "article": e.article, "type": e.type.value, "data": to_dict(e)} for e in records.events],
            )
        connection.execute(insert(t.article_features).values(article=article.id, data=records.features))

    def _merge_entities(self, connection: Any, records: ArticleRecords) -> None:
        if not records.mentions:
            return
        connection.execute(
            insert(t.mentions),
            [
                {
                    "entity": m.entity,
                    "article": records.article.id,
                    "start": m.start,
                    "end": m.end,
                    "label": m.label,
                    "surface": m.surface,
                }
                for m in records.mentions
            ],
        )
        by_entity: dict[str, list] = {}
        for mention in records.mentions:
            by_entity.setdefault(mention.entity, []).append(mention)
        existing = {
            row.id: row
            for row in connection.execute(select(t.entities).where(t.entities.c.id.in_(list(by_entity))))
        }
        for entity_id, found in by_entity.items():
            row = existing.get(entity_id)
            data = dict(row.data) if row else {"aliases": [], "labels": {}}
            labels = Counter(data["labels"])
            labels.update(m.label for m in found)
            aliases = list(dict.fromkeys([*data["aliases"], *(m.surface for m in found)]))
            values = {
                "name": found[0].name,
                "type": labels.most_common(1)[0][0],
                "data": {"aliases": aliases, "labels": dict(labels)},
            }
            if row:
                connection.execute(t.entities.update().where(t.entities.c.id == entity_id).values(**values))
            else:
                connection.execute(insert(t.entities).values(id=entity_id, **values))

    # --- reading -------------------------------------------------------------------------------------------

    def count(self, table: str) -> int:
        with self.engine.connect() as connection:
            return connection.execute(select(func.count()).select_from(t.metadata.tables[table])).scalar_one()

    def articles(self, ids: Iterable[str] | None = None) -> Iterator[Article]:
        query = select(t.articles.c.data).order_by(t.articles.c.seq)
        if ids is not None:
            query = query.where(t.articles.c.id.in_(list(ids)))
        with self.engine.connect() as connection:
            for row in connection.execute(query):
                yield from_dict(Article, row.data)

    def attributions(self, articles: Iterable[str] | None = None) -> list[Attribution]:
        found = self._records(t.attributions, Attribution, "article", articles)
        return sorted(found, key=lambda a: (a.article, a.cue.start))

    def events(self, articles: Iterable[str] | None = None) -> list[Event]:
        found = self._records(t.events, Event, "article", articles)
        return sorted(found, key=lambda e: (e.article, e.trigger.start))

    def _records(self, table: Any, cls: type, column: str, values: Iterable[str] | None) -> list:
        """The records of ``table`` whose ``column`` (article, story, id) is one of ``values``; all when None."""
        query = select(table.c.data).order_by(table.c[column], table.c.id)
        with self.engine.connect() as connection:
            if values is None:
                return [from_dict(cls, row.data) for row in connection.execute(query)]
            wanted = sorted(set(values))  # in order, chunk after chunk: the records come in the order of one query
            return [from_dict(cls, row.data) for i in range(0, len(wanted), t.ROWS_PER_STATEMENT)
                    for row in connection.execute(query.where(table.c[column].in_(wanted[i:i + t.ROWS_PER_STATEMENT])))]

    def entities(self, ids: Iterable[str] | None = None) -> list[Entity]:
        query = select(t.entities).order_by(t.entities.c.name)
        mention_query = select(t.mentions).order_by(t.mentions.c.article, t.mentions.c.start)
        if ids is not None:
            wanted = list(ids)
            query = query.where(t.entities.c.id.in_(wanted))
            mention_query = mention_query.where(t.mentions.c.entity.in_(wanted))
        with self.engine.connect() as connection:
            found = {
                row.id: Entity(id=row.id, name=row.name, type=row.type, aliases=row.data["aliases"])
                for row in connection.execute(query)
            }
            for row in connection.execute(mention_query):
                if row.entity in found:
                    found[row.entity].mentions.append(Mention(row.article, row.start, row.end))
        return list(found.values())

    def entity_names(self, ids: Iterable[str]) -> dict[str, str]:
        """Names only: a head of state has thousands of mentions that a list of names does not need."""
        query = select(t.entities.c.id, t.entities.c.name).where(t.entities.c.id.in_(list(ids)))
        with self.engine.connect() as connection:
            return {row.id: row.name for row in connection.execute(query)}

    def stories(self) -> list[Story]:
        with self.engine.connect() as connection:
            rows = connection.execute(select(t.stories.c.data))
            found = [from_dict(Story, row.data) for row in rows]
        return sorted(found, key=lambda s: (s.first_seen or "", s.id))

    def outlet_counts(self, outlets: set[str]) -> dict[str, int]:
        """How many articles of the ledger each of these outlets has."""
        if not outlets:
            return {}
        query = select(t.articles.c.outlet, func.count()).where(t.articles.c.outlet.in_(sorted(outlets))) \
            .group_by(t.articles.c.outlet)
        with self.engine.connect() as connection:
            return {row[0]: row[1] for row in connection.execute(query)}

    def story(self, story_id: str) -> Story | None:
        with self.engine.connect() as connection:
            row = connection.execute(select(t.stories.c.data).where(t.stories.c.id == story_id)).first()
        return from_dict(Story, row.data) if row else None

    def cross_events(self, story: str | None = None) -> list[CrossEvent]:
        return self._records(t.cross_events, CrossEvent, "story", [story] if story is not None else None)

    def findings(self, story: str | None = None) -> list[Finding]:
        return self._records(t.findings, Finding, "story", [story] if story is not None else None)

    def findings_by_id(self, ids: Iterable[str]) -> list[Finding]:
        return self._records(t.findings, Finding, "id", ids)

    def finding_statuses(self, story: str) -> dict[str, str]:
        """The status of each of the story's findings, by id, without decoding the findings."""
        status = t.findings.c.data["status"].as_string()
        with self.engine.connect() as connection:
            return dict(connection.execute(select(t.findings.c.id, status).where(t.findings.c.story == story)).all())

    def unresolved_stories(self) -> list[str]:
        """Stories whose cross-document events are missing or out of date (an article joined since)."""
        query = select(t.stories.c.id).where(t.stories.c.id.not_in(select(t.resolved_stories.c.story)))
        with self.engine.connect() as connection:
            return [row.id for row in connection.execute(query.order_by(t.stories.c.id))]

    def story_features(self, story: str) -> dict[str, dict[str, Any]]:
        """Linker features of a story's articles, by article id."""
        query = (
            select(t.article_features.c.article, t.article_features.c.data)
            .join(t.story_articles, t.story_articles.c.article == t.article_features.c.article)
            .where(t.story_articles.c.story == story)
        )
        with self.engine.connect() as connection:
            return {row.article: row.data for row in connection.execute(query)}

    def features(self, articles: Iterable[str]) -> dict[str, dict[str, Any]]:
        """Linker features of these articles, by article id."""
        wanted = sorted(set(articles))
        table = t.article_features
        found: dict[str, dict[str, Any]] = {}
        with self.engine.connect() as connection:
            for i in range(0, len(wanted), t.ROWS_PER_STATEMENT):
                query = select(table.c.article, table.c.data).where(table.c.article.in_(wanted[i:i + t.ROWS_PER_STATEMENT]))
                found.update((row.article, row.data) for row in connection.execute(query))
        return found

    def linking_state(self) -> Iterator[tuple[str, str, dict[str, Any]]]:
        """(article, story, features) in ingestion order: what the story linker needs to resume."""
        query = (
            select(t.articles.c.id, t.story_articles.c.story, t.article_features.c.data)
            .join(t.story_articles, t.story_articles.c.article == t.articles.c.id)
            .join(t.article_features, t.article_features.c.article == t.articles.c.id)
            .order_by(t.articles.c.seq)
        )
        with self.engine.connect() as connection:
            for row in connection.execute(query):
                yield row.id, row.story, row.data
