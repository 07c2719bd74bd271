"""An offline gazetteer: GeoNames records looked up by name, alternate name or abbreviation.

One loader reads the standard GeoNames dump format (``allCountries.txt``, ``cities500.txt``: 19 tab-separated
columns). The packaged gazetteer is such a file too, built once from data that installs from PyPI (see
``geo.sources``) and kept under the user's cache folder, so a user's full dump and the packaged data go through the
same code. A gazetteer is loaded once per process (``Gazetteer.load``).
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import io
import json
import os
import sys
import time
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from sys import intern

from newsledger.geo.abbreviations import (
    COUNTRY_FORMS,
    POSTAL_CODES,
    STATE_FORMS,
    WORD_LIKE_FORMS,
    demonym_country,
)
from newsledger.geo.names import alternate_worth_indexing, name_key, normalize

#: GeoNames feature classes kept from a dump by default: administrative areas, populated places, areas/parks,
#: water and terrain features. Spots (S), roads (R), undersea (U) and vegetation (V) are rarely news toponyms and
#: would multiply the memory a full dump takes.
DEFAULT_FEATURE_CLASSES = frozenset("APLHT")
#: At most this many alternate names per record: the rest are mostly other scripts' spellings and codes.
MAX_ALTERNATES = 60


@dataclass(frozen=True, slots=True)
class GeoEntry:
    """One GeoNames record, as much of it as resolution and the ledger need."""

    geonameid: int
    name: str
    feature_class: str
    feature_code: str
    country: str
    admin1: str
    lat: float
    lon: float
    population: int
    admin2: str = ""


@dataclass(frozen=True, slots=True)
class Candidate:
    """A record a name can refer to, and whether the name is the record's own (not one of its alternates)."""

    entry: GeoEntry
    main_name: bool


@dataclass(slots=True)
class LoadReport:
    """How long loading took and how much it holds, for the bench to print."""

    source: str
    seconds: float
    records: int
    names: int
    built_cache: bool = False


_COLUMNS = ("geonameid", "name", "feature_class", "feature_code", "country", "admin1", "lat", "lon", "population",
            "admin2")
_CODE_COLUMNS = (2, 3, 4, 5, 9)  # short codes repeated across records: interned, so each is stored once
_NUMBER_COLUMNS = {0: "q", 6: "d", 7: "d", 8: "q"}  # ids, coordinates, populations: packed machine numbers
#: Bump when the compiled index's layout changes.
INDEX_FORMAT = 2


class _Entries(Sequence):
    """The records as GeoEntry objects, made when asked for: the gazetteer keeps columns, which load faster."""

    def __init__(self, columns: list[list]) -> None:
        self._columns = columns

    def __len__(self) -> int:
        return len(self._columns[0])

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        c = self._columns
        return GeoEntry(c[0][index], c[1][index], c[2][index], c[3][index], c[4][index], c[5][index], c[6][index],
                        c[7][index], c[8][index], c[9][index])


class Gazetteer:
    """GeoNames records indexed by normalized name; countries and first- and second-level divisions also by code."""

    def __init__(self, records: Iterable[tuple[GeoEntry, Iterable[str]]] = ()) -> None:
        self._columns: list = [array(_NUMBER_COLUMNS[n]) if n in _NUMBER_COLUMNS else [] for n in range(len(_COLUMNS))]
        self.entries = _Entries(self._columns)
        # name key -> the index of its one record, or a list of indexes when several records share it
        self._main: dict[str, int | list[int]] = {}
        self._alternate: dict[str, int | list[int]] = {}
        self._codes: dict[str, int] = {}  # "US", "US.IL", "US.IL.167" -> the country's or division's record
        self.report = LoadReport(source="memory", seconds=0.0, records=0, names=0)
        for entry, alternates in records:
            self._add(entry, alternates)
        self._count()

    def _count(self) -> None:
        self.report.records = len(self.entries)
        self.report.names = len(self._main) + len(self._alternate)

    def _add(self, entry: GeoEntry, alternates: Iterable[str]) -> None:
        index = len(self.entries)
        for column, value in zip(self._columns, (entry.geonameid, entry.name, entry.feature_class,
                                                 entry.feature_code, entry.country, entry.admin1, entry.lat,
                                                 entry.lon, entry.population, entry.admin2)):
            column.append(value)
        main_key = name_key(entry.name)
        if main_key:
            _index(self._main, main_key, index)
        for key in {name_key(alternate) for alternate in alternates} - {main_key, ""}:
            if key.isascii():  # Latin spellings only: news in English does not write names in other scripts
                _index(self._alternate, key, index)
        code = _division_code(entry)
        if code and (code not in self._codes or (
                entry.feature_code.startswith("PCL") and entry.population > self._columns[8][self._codes[code]])):
            self._codes[code] = index

    def lookup(self, name: str) -> list[Candidate]:
        """Every record the name can refer to: records with that name first, then those with it as an alternate."""
        key = normalize(name)
        main = _indexes(self._main.get(key))
        seen = set(main)
        found = [Candidate(self.entries[i], True) for i in main]
        found.extend(Candidate(self.entries[i], False) for i in _indexes(self._alternate.get(key)) if i not in seen)
        return found

    def abbreviation(self, text: str, after_comma: bool = False) -> GeoEntry | None:
        """The country or US state an abbreviation or demonym names ("U.S.", "Calif.", "N.Y.", "Russian"; "IL" only
        after a comma)."""
        key = normalize(text)
        demonym = demonym_country(text) if text[:1].isupper() else None
        if demonym:
            return self.country(demonym)
        if key in COUNTRY_FORMS:
            return self.country(COUNTRY_FORMS[key])
        if key in STATE_FORMS and (after_comma or key not in WORD_LIKE_FORMS or text.rstrip().endswith(".")):
            return self.admin1("US", STATE_FORMS[key])
        if after_comma and text.strip() in POSTAL_CODES:
            return self.admin1("US", text.strip())
        return None

    def __contains__(self, name: str) -> bool:
        key = normalize(name)
        return key in self._main or key in self._alternate

    def entries_with_ids(self, geonameids: Iterable[int]) -> list[GeoEntry]:
        """The records with these GeoNames ids (one pass over the ids: no id index is kept in memory)."""
        wanted = set(geonameids)
        return [self.entries[i] for i, geonameid in enumerate(self._columns[0]) if geonameid in wanted]

    def _by_code(self, code: str) -> GeoEntry | None:
        index = self._codes.get(code)
        return None if index is None else self.entries[index]

    def country(self, code: str) -> GeoEntry | None:
        """The country with this ISO alpha-2 code."""
        return self._by_code(code.upper())

    def admin1(self, country: str, code: str) -> GeoEntry | None:
        """The first-level division (state, province) with this GeoNames admin1 code in the country."""
        return self._by_code(f"{country.upper()}.{code}")

    def admin2(self, country: str, admin1: str, code: str) -> GeoEntry | None:
        """The second-level division (county, district) with these codes."""
        return self._by_code(f"{country.upper()}.{admin1}.{code}")

    @classmethod
    def from_geonames_dump(
        cls, path: Path | str, feature_classes: Iterable[str] = DEFAULT_FEATURE_CLASSES
    ) -> "Gazetteer":
        """A gazetteer from a GeoNames dump (``allCountries.txt``, ``cities*.txt``, plain or ``.gz``/``.zip``).

        The dump is parsed once; its index is then kept as JSON in the user's cache folder, keyed by the file's
        path, size and time, so later processes load it in about a second."""
        started = time.perf_counter()
        path = Path(path)
        classes = "".join(sorted(set(feature_classes)))
        compiled = _compiled_path(path, classes)
        gazetteer = _read_compiled(compiled)
        if gazetteer is None:
            gazetteer = cls(_read_dump(path, frozenset(classes)))
            _write_compiled(gazetteer, compiled)
        gazetteer.report.source = str(path)
        gazetteer.report.seconds = time.perf_counter() - started
        return gazetteer

    @classmethod
    def load(cls, path: Path | str | None = None) -> "Gazetteer":
        """The gazetteer of this process: the packaged data when ``path`` is None, else the user's GeoNames dump."""
        return _load_once(str(Path(path).expanduser().resolve()) if path is not None else None)


def _division_code(entry: GeoEntry) -> str | None:
    """The code a country or division is found by: "US", "US.IL", "US.IL.167"."""
    if entry.feature_class != "A":
        return None
    if entry.feature_code.startswith("PCL"):
        return entry.country
    if entry.feature_code == "ADM1":
        return f"{entry.country}.{entry.admin1}"
    if entry.feature_code == "ADM2":
        return f"{entry.country}.{entry.admin1}.{entry.admin2}"
    return None


def _compiled_path(dump: Path, classes: str) -> Path:
    """Where the compiled index of this dump (as it is now) is cached."""
    from newsledger.geo.sources import cache_dir

    try:
        stat = dump.stat()
    except OSError as error:
        raise GazetteerError(f"{dump}: {error.strerror or error}") from error
    identity = f"{INDEX_FORMAT}|{dump.resolve()}|{stat.st_size}|{stat.st_mtime_ns}|{classes}|{MAX_ALTERNATES}"
    return cache_dir() / "geo" / f"index-{hashlib.sha1(identity.encode()).hexdigest()[:16]}.json"


def _write_compiled(gazetteer: Gazetteer, path: Path) -> None:
    """Keep the index for the next process; a cache folder that cannot be written only costs time."""
    columns = [base64.b64encode(column.tobytes()).decode("ascii") if isinstance(column, array) else column
               for column in gazetteer._columns]  # numbers as packed bytes: no million number objects to parse
    payload = {"format": INDEX_FORMAT, "byteorder": sys.byteorder, "columns": columns,
               "main": gazetteer._main, "alternate": gazetteer._alternate, "codes": gazetteer._codes}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.part")
        temporary.write_text(json.dumps(payload, separators=(",", ":")), encoding="utf-8")
        os.replace(temporary, path)
    except OSError:
        return


def _read_compiled(path: Path) -> Gazetteer | None:
    """The cached index, or None when there is none or it is not one this version wrote (then the dump is parsed)."""
    try:
        payload = json.loads(path.read_text(encoding="utf-8"))
        if payload.get("format") != INDEX_FORMAT or payload.get("byteorder") != sys.byteorder:
            return None
        gazetteer = Gazetteer()
        columns = payload["columns"]
        for number in _CODE_COLUMNS:
            columns[number] = [intern(value) for value in columns[number]]
        for number, typecode in _NUMBER_COLUMNS.items():
            packed = array(typecode)
            packed.frombytes(base64.b64decode(columns[number]))
            columns[number] = packed
        if len(columns) != len(_COLUMNS) or len({len(column) for column in columns}) != 1:
            return None
        gazetteer._columns[:] = columns
        gazetteer._main, gazetteer._alternate, gazetteer._codes = payload["main"], payload["alternate"], payload["codes"]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    gazetteer._count()
    return gazetteer


def _index(index: dict[str, int | list[int]], key: str, value: int) -> None:
    """Add a record to a name's bucket, keeping a lone record as a bare int (most names have one: less memory)."""
    known = index.get(key)
    if known is None:
        index[key] = value
    elif isinstance(known, int):
        index[key] = [known, value]
    else:
        known.append(value)


def _indexes(bucket: int | list[int] | None) -> list[int]:
    if bucket is None:
        return []
    return [bucket] if isinstance(bucket, int) else bucket


@lru_cache(maxsize=2)
def _load_once(path: str | None) -> Gazetteer:
    if path is not None:
        return Gazetteer.from_geonames_dump(path)
    from newsledger.geo import sources

    started = time.perf_counter()
    dump, built = sources.packaged_dump()
    gazetteer = Gazetteer.from_geonames_dump(dump)
    gazetteer.report.seconds = time.perf_counter() - started
    gazetteer.report.built_cache = built
    return gazetteer


class GazetteerError(ValueError):
    """A file that is not a GeoNames dump (the message names it and the line)."""


def _open_text(path: Path) -> io.TextIOBase:
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8")
    if path.suffix == ".zip":
        import zipfile

        archive = zipfile.ZipFile(path)
        member = next((n for n in archive.namelist() if n.endswith(".txt") and "readme" not in n.lower()), None)
        if member is None:
            raise GazetteerError(f"{path}: no .txt dump inside the archive")
        return io.TextIOWrapper(archive.open(member), encoding="utf-8")
    return open(path, encoding="utf-8")


def _read_dump(path: Path, feature_classes: frozenset[str]) -> Iterator[tuple[GeoEntry, list[str]]]:
    """Records of a GeoNames dump, line by line (bounded memory per line), with their Latin alternate names."""
    try:
        handle = _open_text(path)
    except OSError as error:
        raise GazetteerError(f"{path}: {error.strerror or error}") from error
    with handle:
        for number, line in enumerate(handle, 1):
            columns = line.rstrip("\n").split("\t")
            if len(columns) < 15:
                if line.strip() and not line.startswith("#"):
                    raise GazetteerError(f"{path}:{number}: {len(columns)} columns, a GeoNames dump has 19")
                continue
            if columns[6] not in feature_classes:
                continue
            try:
                entry = GeoEntry(
                    int(columns[0]), columns[1], intern(columns[6]), intern(columns[7]), intern(columns[8]),
                    intern(columns[10]), float(columns[4]), float(columns[5]), int(columns[14] or 0),
                    intern(columns[11]),
                )
            except ValueError as error:
                raise GazetteerError(f"{path}:{number}: {error}") from error
            names = [columns[2]] if columns[2] and columns[2] != columns[1] else []
            names.extend(n for n in columns[3].split(",") if alternate_worth_indexing(n))
            yield entry, names[:MAX_ALTERNATES]
