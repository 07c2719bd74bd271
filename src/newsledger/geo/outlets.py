"""An outlet's home, learned from the places of its own articles.

Local outlets write "Dublin" for the Dublin down the road and seldom name its state. What the outlet's other
articles resolve to tells where home is: a first-level division (state, province) that holds most of their local
places. The thresholds are set a priori, not tuned: at least ``MIN_PLACES`` local places, and a division holding at
least ``MIN_SHARE`` of them (else a country holding that share, else no home).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from newsledger.geo.gazetteer import GeoEntry

MIN_PLACES = 3
MIN_SHARE = 0.4
#: Countries, continents and first-level divisions say little about where an outlet is: "Iran", "Texas" are news
#: everywhere; towns and counties are local.
_WIDE_CODES = frozenset({"PCLI", "PCLS", "PCLD", "PCLF", "PCL", "CONT", "ADM1"})


@dataclass(frozen=True, slots=True)
class OutletHome:
    """Where an outlet is: a country (ISO code) and, when one dominates, a first-level division (GeoNames code)."""

    country: str
    admin1: str | None
    places: int
    share: float


def local_places(entries: Iterable[GeoEntry | None]) -> Counter:
    """(country, admin1) of each local place (town, county) among an article's resolved places."""
    return Counter((e.country, e.admin1) for e in entries
                   if e is not None and e.country and e.feature_code not in _WIDE_CODES)


def outlet_home(counts: Counter) -> OutletHome | None:
    """The home these local-place counts (from an outlet's articles) point to, if they point clearly enough."""
    total = sum(value for value in counts.values() if value > 0)
    if total < MIN_PLACES:
        return None
    (country, admin1), top = max(counts.items(), key=lambda item: item[1])
    if top / total >= MIN_SHARE:
        return OutletHome(country, admin1 or None, total, round(top / total, 3))
    by_country: Counter = Counter()
    for (place_country, _), value in counts.items():
        by_country[place_country] += value
    country, top = by_country.most_common(1)[0]
    return OutletHome(country, None, total, round(top / total, 3)) if top / total >= MIN_SHARE else None
