"""Tables of the ledger and the migrations that build them, version by version.

Each record keeps the columns that queries filter or join on, and its full export shape in a JSON column:
the contract can grow fields without a migration, while lookups stay indexed (see docs/decisions.md).
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Connection,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    insert,
    select,
    text,
)

from newsledger.store.list_columns import insert_rows

metadata = MetaData()

schema_version = Table("schema_version", metadata, Column("version", Integer, nullable=False))

articles = Table(
    "articles",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),  # ingestion order
    Column("id", String(40), nullable=False, unique=True),
    Column("outlet", Text),
    Column("title", Text),
    Column("published", String(10), index=True),
    Column("text", Text, nullable=False),
    Column("data", JSON, nullable=False),
)

entities = Table(
    "entities",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("name", Text, nullable=False),
    Column("type", String(16), nullable=False),
    Column("data", JSON, nullable=False),  # aliases and label counts
)

mentions = Table(
    "mentions",
    metadata,
    Column("entity", String(40), primary_key=True),
    Column("article", String(40), primary_key=True, index=True),
    Column("start", Integer, primary_key=True),
    Column("end", Integer, nullable=False),
    Column("label", String(16), nullable=False),
    Column("surface", Text, nullable=False),
)

attributions = Table(
    "attributions",
    metadata,
    Column("id", String(60), primary_key=True),
    Column("article", String(40), nullable=False, index=True),
    Column("source_entity", String(40), index=True),
    Column("data", JSON, nullable=False),
)

events = Table(
    "events",
    metadata,
    Column("id", String(60), primary_key=True),
    Column("article", String(40), nullable=False, index=True),
    Column("type", String(20), nullable=False),
    Column("data", JSON, nullable=False),
)

stories = Table(
    "stories",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("data", JSON, nullable=False),  # title, first_seen, last_seen, key_entities
)

story_articles = Table(
    "story_articles",
    metadata,
    Column("article", String(40), primary_key=True),
    Column("story", String(40), nullable=False, index=True),
)

article_features = Table(
    "article_features",
    metadata,
    Column("article", String(40), primary_key=True),
    Column("data", JSON, nullable=False),  # what the story linker compares: terms, entities, places, date
)

Index("ix_mentions_entity", mentions.c.entity)

# --- version 2 ---------------------------------------------------------------------------------------------

cross_events = Table(
    "cross_events",
    metadata,
    Column("id", String(80), primary_key=True),
    Column("story", String(40), nullable=False, index=True),
    Column("data", JSON, nullable=False),
)

#: Stories whose cross-document events are up to date; a story loses its row whenever it gains an article.
resolved_stories = Table("resolved_stories", metadata, Column("story", String(40), primary_key=True))

# --- version 3 ---------------------------------------------------------------------------------------------

findings = Table(
    "findings",
    metadata,
    Column("id", String(80), primary_key=True),
    Column("story", String(40), nullable=False, index=True),
    Column("data", JSON, nullable=False),
)

# --- version 5 ---------------------------------------------------------------------------------------------

#: Feeds that `newsledger watch` polls: the validators of the last answer, for conditional requests.
feeds = Table(
    "feeds",
    metadata,
    Column("url", Text, primary_key=True),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("checked", String(32), nullable=False),  # when last polled, ISO 8601 UTC
)

#: The entries of each feed already read, so a restarted watch fetches none of them again.
feed_entries = Table(
    "feed_entries",
    metadata,
    Column("feed", Text, primary_key=True),
    Column("entry", Text, primary_key=True),  # the entry's guid/id, else its link
    Column("seen", String(32), nullable=False),
)

# --- version 6 ---------------------------------------------------------------------------------------------

#: What resolution read in each region of an article (``reconcile/region_values.py``), kept so that a story that
#: gains an article reads only that article's regions again; ``version`` names the code that read them.
region_values = Table(
    "region_values",
    metadata,
    Column("article", String(40), primary_key=True),
    Column("start", Integer, primary_key=True),
    Column("end", Integer, primary_key=True),
    Column("version", String(32), nullable=False),
    Column("data", JSON, nullable=False),
)

#: The labels of each group of a story's event mentions its latest resolution clustered (``link/coref.resolve``),
#: by the group's key: a group of the same mentions gets the same labels, so only changed groups are clustered.
mention_groups = Table(
    "mention_groups",
    metadata,
    Column("story", String(40), primary_key=True),
    Column("key", String(64), primary_key=True),
    Column("version", String(32), nullable=False),
    Column("data", JSON, nullable=False),
)

# --- version 8 ---------------------------------------------------------------------------------------------

#: Story ids and dates compared and ordered byte by byte on PostgreSQL too, as Python orders them (a server's
#: locale collation may order "s-1" and "s1" otherwise, and a keyset page would skip or repeat a story).
_BYTEWISE = String(40).with_variant(String(40, collation="C"), "postgresql")
_BYTEWISE_TEXT = Text().with_variant(Text(collation="C"), "postgresql")

#: What the story list sorts and filters on, one narrow row per story (``store/story_list.py``), written with the
#: story: the list pages through this table instead of reading every story's record.
story_list = Table(
    "story_list",
    metadata,
    Column("story", _BYTEWISE, primary_key=True),
    Column("size", Integer, nullable=False),  # articles
    Column("undated", Boolean, nullable=False),  # no last_seen: listed after the dated stories
    Column("day", Integer, nullable=False),  # last_seen (else first_seen) as YYYYMMDD, 0 when unknown
    Column("first", _BYTEWISE_TEXT),  # first_seen; NULL when unknown (an undated story meets no date range)
    Column("last", _BYTEWISE_TEXT),  # last_seen, else first_seen
)
Index("ix_story_list_recent", story_list.c.undated, story_list.c.day.desc(), story_list.c.story)
Index("ix_story_list_size", story_list.c.size.desc(), story_list.c.undated, story_list.c.day.desc(), story_list.c.story)

#: A story's facets, one row per value: "countries", "types", "places" (its ``facets``, in their order) and
#: "status" (a finding status its ``tally`` counts). ``match`` is the form a filter compares (upper-case type,
#: case-folded place); ``value`` the form shown and counted.
story_facets = Table(
    "story_facets",
    metadata,
    Column("story", _BYTEWISE, primary_key=True),
    Column("facet", String(10), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("value", _BYTEWISE_TEXT, nullable=False),
    Column("match", _BYTEWISE_TEXT, nullable=False),
)
Index("ix_story_facets_match", story_facets.c.facet, story_facets.c.match, story_facets.c.story)
#: The facet choices count each value and find where it first appears: read from this index alone (at 100,000
#: articles the types' count took 0.54 s from the table, 0.07 s from the index).
Index("ix_story_facets_value", story_facets.c.facet, story_facets.c.value, story_facets.c.story,
      story_facets.c.position)

# --- version 9 ---------------------------------------------------------------------------------------------

#: The story linker's state as the last ingest run left it (``link/snapshot.py``): its indexes in one row,
#: replaced by each run, and its stories a row each, rewritten when a run changed them.
linker_snapshot = Table(
    "linker_snapshot",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("stamp", String(128), nullable=False),
    Column("data", JSON, nullable=False),
)
linker_stories = Table(
    "linker_stories",
    metadata,
    Column("story", String(40), primary_key=True),
    Column("data", JSON, nullable=False),
)

V1_TABLES = [schema_version, articles, entities, mentions, attributions, events, stories, story_articles, article_features]


def _create_v1(connection: Connection) -> None:
    metadata.create_all(connection, tables=V1_TABLES)


def _add_cross_events(connection: Connection) -> None:
    metadata.create_all(connection, tables=[cross_events, resolved_stories])


def _add_findings(connection: Connection) -> None:
    """Findings are derived per story like cross-document events: stories resolved before this version are
    marked unresolved so the next ingest run computes their findings."""
    metadata.create_all(connection, tables=[findings])
    connection.execute(resolved_stories.delete())


def _resolve_again(connection: Connection) -> None:
    """Version 4 gives stories their facets and findings their values' normal forms: every story is marked
    unresolved so the next ingest run computes them (its events keep what they were extracted with)."""
    connection.execute(resolved_stories.delete())


def _add_feeds(connection: Connection) -> None:
    metadata.create_all(connection, tables=[feeds, feed_entries])


def _add_resolution_memory(connection: Connection) -> None:
    """What resolution keeps between runs (``store/kept.py``); nothing to fill: the next resolutions keep it."""
    metadata.create_all(connection, tables=[region_values, mention_groups])


def _add_search_index(connection: Connection) -> None:
    """The articles' full-text index (see ``store/search.py``), filled from the stored articles and kept in step
    by the database: triggers on SQLite (FTS5), a generated column on PostgreSQL (``tsvector``, GIN index)."""
    if connection.dialect.name == "postgresql":
        connection.execute(text(
            "ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS ("
            "setweight(to_tsvector('simple', coalesce(title, '')), 'A') || "
            "setweight(to_tsvector('simple', text), 'B')) STORED"
        ))
        connection.execute(text("CREATE INDEX ix_articles_search ON articles USING gin (search)"))
        return
    # External content: the index holds no second copy of the texts, only their tokens.
    connection.execute(text(
        "CREATE VIRTUAL TABLE articles_fts USING fts5("
        "title, text, content='articles', content_rowid='seq', tokenize='unicode61 remove_diacritics 2')"
    ))
    connection.execute(text(
        "CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN "
        "INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text); END"
    ))
    connection.execute(text(
        "CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN "
        "INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text); END"
    ))
    connection.execute(text(
        "CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN "
        "INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text); "
        "INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text); END"
    ))
    connection.execute(text("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')"))


def _add_story_list(connection: Connection) -> None:
    """The story list's sort and filter columns (``story_list``, ``story_facets``), filled from each stored
    story's record a thousand at a time; every later write of a story keeps them (``ledger._write_listed``)."""
    metadata.create_all(connection, tables=[story_list, story_facets])
    last = None
    while True:
        query = select(stories.c.data).order_by(stories.c.id).limit(1000)
        records = [row.data for row in connection.execute(query if last is None else query.where(stories.c.id > last))]
        if not records:
            return
        insert_rows(connection, story_list, story_facets, records)
        last = records[-1]["id"]


def _add_linker_snapshot(connection: Connection) -> None:
    """Nothing to fill: the next ingest run that links an article keeps its linker's state."""
    metadata.create_all(connection, tables=[linker_snapshot, linker_stories])


# --- version 10 --------------------------------------------------------------------------------------------

#: A large story's resolution state (``resolution.py``): its happenings' compact facts, the ids of its findings, what
#: its articles' claims count; ``version`` names the code that made it (another version's is never used).
story_state = Table(
    "story_state",
    metadata,
    Column("story", String(40), primary_key=True),
    Column("version", String(32), nullable=False),
    Column("data", JSON, nullable=False),
)

#: A large story's claims (``reconcile/claims.py``) by happening and slot: a slot is judged again from them and an
#: added article's claims, without reading the story's other articles.
kept_claims = Table(
    "kept_claims",
    metadata,
    Column("story", String(40), primary_key=True),
    Column("happening", String(200), primary_key=True),
    Column("slot", String(40), primary_key=True),
    Column("data", JSON, nullable=False),
)


def _add_story_state(connection: Connection) -> None:
    """Nothing to fill: a large story's next full resolution keeps its state."""
    metadata.create_all(connection, tables=[story_state, kept_claims])


#: Rows per statement: far below the parameter limits of SQLite and PostgreSQL.
ROWS_PER_STATEMENT = 500

#: Migration ``i`` brings a ledger from version ``i`` to ``i + 1``; append, never edit, once released.
MIGRATIONS: list[Callable[[Connection], None]] = [_create_v1, _add_cross_events, _add_findings, _resolve_again,
                                                  _add_feeds, _add_resolution_memory, _add_search_index,
                                                  _add_story_list, _add_linker_snapshot, _add_story_state]
LATEST = len(MIGRATIONS)


class SchemaTooNew(RuntimeError):
    pass


def current_version(connection: Connection) -> int:
    if not connection.dialect.has_table(connection, schema_version.name):
        return 0
    return connection.execute(select(schema_version.c.version)).scalar_one_or_none() or 0


def migrate(connection: Connection) -> int:
    """Apply the migrations this ledger has not seen yet, in one transaction; return the new version."""
    version = current_version(connection)
    if version > LATEST:
        raise SchemaTooNew(f"the ledger has schema version {version}; this newsledger knows up to {LATEST}")
    for step in MIGRATIONS[version:]:
        step(connection)
    if version < LATEST:
        connection.execute(schema_version.delete())
        connection.execute(insert(schema_version).values(version=LATEST))
    return LATEST
