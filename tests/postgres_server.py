"""The PostgreSQL server the store tests may use (``NEWSLEDGER_TEST_POSTGRES``), and a fresh database on it."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

URL = os.environ.get("NEWSLEDGER_TEST_POSTGRES")


def fresh_database(icu_locale: str | None = None) -> Iterator[str]:
    """A new database beside ``URL``'s, for one test, dropped afterwards (a generator for a fixture); with
    ``icu_locale`` ("en-US"), text compares and sorts by that locale's ICU collation, as many servers do."""
    admin = create_engine(URL, isolation_level="AUTOCOMMIT")
    name = f"newsledger_{uuid.uuid4().hex[:12]}"
    collated = f" TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE '{icu_locale}'" if icu_locale else ""
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"{collated}'))
    yield make_url(URL).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    admin.dispose()
