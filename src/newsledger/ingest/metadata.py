"""Article metadata kept beside the texts: a TSV/CSV table keyed by file name, and the date rule for all metadata."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

FIELDS = ("url", "outlet", "title", "published", "author")
_ALIASES = {
    "url": ("url",),
    "outlet": ("outlet", "publisher", "source", "site"),
    "title": ("title",),
    "published": ("published", "publication_date", "date"),
    "author": ("author",),
}
_KEY_COLUMNS = ("filename", "file", "path", "id")
_MISSING = {"", "none", "null", "nan", "n/a"}
_DELIMITERS = {".tsv": "\t", ".tab": "\t", ".csv": ","}
EARLIEST_YEAR = 1900  # before it, a "publication date" is a placeholder such as 0001-01-01, not news


def iso_date(value: str) -> str:
    """``value`` as YYYY-MM-DD if it is an ISO 8601 date or date-time, else ValueError.

    A date-time keeps the calendar date it was written with (no time-zone shift), so nothing is invented.
    """
    try:
        return datetime.fromisoformat(value.strip()).date().isoformat()
    except ValueError:
        raise ValueError(f"published date {value!r} is not an ISO date (expected YYYY-MM-DD)") from None


def published_date(value: str) -> str | None:
    """``value`` as YYYY-MM-DD (ValueError when it is not ISO 8601), or None when it cannot be a publication date.

    A placeholder (0001-01-01, 9999-12-31) or a future date is no date: the article is kept without one, rather
    than dated wrongly or rejected.
    """
    day = usable_date(date.fromisoformat(iso_date(value)))
    return day.isoformat() if day else None


def usable_date(day: date) -> date | None:
    """``day`` unless it is before 1900 or after tomorrow (a day's grace for time zones ahead of ours)."""
    return day if day.year >= EARLIEST_YEAR and day <= date.today() + timedelta(days=1) else None


def missing(value: str | None) -> bool:
    """Datasets spell "no value" in many ways ("None", "null", empty); all of them mean missing."""
    return value is None or value.strip().casefold() in _MISSING


@dataclass(frozen=True)
class Metadata:
    """Metadata rows by file key; a file finds its row by name ("a.txt") or stem ("a")."""

    rows: dict[str, dict[str, str | None]]

    @classmethod
    def from_file(cls, path: Path) -> Metadata:
        """Read a TSV or CSV (delimiter from the extension, else sniffed) with a file-key column."""
        path = Path(path)
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle, delimiter=_delimiter(path, handle))
            header = {name.strip().casefold(): name for name in reader.fieldnames or []}
            key_column = next((header[k] for k in _KEY_COLUMNS if k in header), None)
            if key_column is None:
                raise ValueError(f"{path}: no file column (expected one of {', '.join(_KEY_COLUMNS)})")
            columns = {f: next((header[a] for a in _ALIASES[f] if a in header), None) for f in FIELDS}
            return cls(_rows(path, reader, key_column, columns))

    def lookup(self, path: Path) -> dict[str, str | None]:
        """The metadata of the file at ``path`` ({} when the table does not list it)."""
        return dict(self.rows.get(path.name) or self.rows.get(path.stem) or {})


def _delimiter(path: Path, handle) -> str:
    if path.suffix.lower() in _DELIMITERS:
        return _DELIMITERS[path.suffix.lower()]
    sample = handle.read(4096)
    handle.seek(0)
    return csv.Sniffer().sniff(sample, delimiters="\t,;").delimiter


def _rows(path: Path, reader: csv.DictReader, key_column: str, columns: dict[str, str | None]):
    """Rows by key; a key listed twice is an error, because silently picking one row would mislabel articles."""
    rows: dict[str, dict[str, str | None]] = {}
    for row in reader:
        key = (row.get(key_column) or "").strip()
        if missing(key):
            continue
        key = Path(key).name
        if key in rows:
            raise ValueError(f"{path}:{reader.line_num}: file {key!r} is listed twice")
        rows[key] = {f: _value(row.get(c) if c else None) for f, c in columns.items()}
    return rows


def _value(raw: str | None) -> str | None:
    return None if missing(raw) else raw.strip()
