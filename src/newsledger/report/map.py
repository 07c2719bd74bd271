"""A story's places drawn as a small server-rendered SVG map: no tiles, no CDN, no script.

The outlines are vendored TopoJSON (Natural Earth countries from the npm package ``world-atlas``, U.S. states from
``us-atlas``; see ``geodata/LICENSE.md``), decoded once per process. The view frames the story's places with a margin
(at least a few degrees, so one town shows its region), in an equirectangular projection scaled by the cosine of the
middle latitude. Each place is a numbered marker with its name beside it, so the map reads without colour; the
page lists the same numbers in text for screen readers. Every label is escaped here, because the page embeds the
SVG as markup.
"""

from __future__ import annotations

import gzip
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from importlib import resources

WIDTH, HEIGHT = 640, 400
MIN_SPAN_DEGREES = 6.0  # a single town is shown with its surroundings
MARGIN = 0.25  # share of the places' extent added on each side
MIN_STEP_PX = 0.8  # outline points closer than this to the previous one are dropped
FRAME_PX = 10  # how far outside the view off-view outline points are drawn


@dataclass(frozen=True, slots=True)
class MapPlace:
    label: str
    lat: float
    lon: float
    detail: str = ""  # shown in the marker's tooltip, e.g. "3 events"


@dataclass(frozen=True, slots=True)
class _Outline:
    """One country or state: its rings in (lon, lat) and their joint bounding box."""

    rings: tuple[tuple[tuple[float, float], ...], ...]
    west: float
    south: float
    east: float
    north: float


@dataclass(frozen=True, slots=True)
class _View:
    west: float
    north: float
    scale_x: float
    scale_y: float

    def xy(self, lon: float, lat: float) -> tuple[float, float]:
        return (lon - self.west) * self.scale_x, (self.north - lat) * self.scale_y

    @property
    def east(self) -> float:
        return self.west + WIDTH / self.scale_x

    @property
    def south(self) -> float:
        return self.north - HEIGHT / self.scale_y


def story_map(places: Sequence[MapPlace]) -> str | None:
    """The SVG markup of a map of ``places`` (numbered in the given order), or None when there is none."""
    if not places:
        return None
    view = _frame(places)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" class="story-map" role="img" '
        f'aria-labelledby="map-title"><title id="map-title">Map of the story\'s places: '
        f'{escape(", ".join(p.label for p in places))}</title>',
        f'<rect width="{WIDTH}" height="{HEIGHT}" class="water"/>',
    ]
    parts += _outlines(view, _countries(), "country")
    if _overlaps(view, _US_BOX):
        parts += _outlines(view, _us_states(), "state")
    parts += _markers(view, places)
    parts.append("</svg>")
    return "".join(parts)


def _frame(places: Sequence[MapPlace]) -> _View:
    lats = [p.lat for p in places]
    lons = [p.lon for p in places]
    mid_lat = (min(lats) + max(lats)) / 2
    lat_span = max(max(lats) - min(lats), MIN_SPAN_DEGREES) * (1 + 2 * MARGIN)
    lon_span = max(max(lons) - min(lons), MIN_SPAN_DEGREES) * (1 + 2 * MARGIN)
    squeeze = max(math.cos(math.radians(mid_lat)), 0.2)
    scale_y = min(HEIGHT / lat_span, WIDTH / (lon_span * squeeze))
    scale_x = scale_y * squeeze
    mid_lon = (min(lons) + max(lons)) / 2
    return _View(west=mid_lon - WIDTH / scale_x / 2, north=min(mid_lat + HEIGHT / scale_y / 2, 90.0),
                 scale_x=scale_x, scale_y=scale_y)


def _overlaps(view: _View, box: tuple[float, float, float, float]) -> bool:
    west, south, east, north = box
    return west < view.east and east > view.west and south < view.north and north > view.south


def _outlines(view: _View, outlines: Sequence[_Outline], kind: str) -> list[str]:
    paths = []
    for outline in outlines:
        if not _overlaps(view, (outline.west, outline.south, outline.east, outline.north)):
            continue
        data = "".join(_ring_path(view, ring) for ring in outline.rings)
        if data:
            paths.append(f'<path class="{kind}" d="{data}"/>')
    return paths


def _ring_path(view: _View, ring: Sequence[tuple[float, float]]) -> str:
    points: list[tuple[float, float]] = []
    for lon, lat in ring:
        x, y = view.xy(lon, lat)
        # Points off the view are pulled onto a frame just outside it: what shows is unchanged, the markup small.
        x, y = min(max(x, -FRAME_PX), WIDTH + FRAME_PX), min(max(y, -FRAME_PX), HEIGHT + FRAME_PX)
        if not points or abs(x - points[-1][0]) + abs(y - points[-1][1]) >= MIN_STEP_PX:
            points.append((x, y))
    if len(points) < 3:
        return ""
    head, *rest = points
    return f"M{head[0]:.1f},{head[1]:.1f}" + "".join(f"L{x:.1f},{y:.1f}" for x, y in rest) + "Z"


def _markers(view: _View, places: Sequence[MapPlace]) -> list[str]:
    """Numbered discs with their names; a name goes left of its disc when the right side is taken."""
    taken: list[tuple[float, float, float, float]] = []
    markers = []
    for number, place in enumerate(places, start=1):
        x, y = view.xy(place.lon, place.lat)
        width = 7.5 * len(place.label)
        sides = [(x + 12, "start", (x + 12, y - 10, x + 12 + width, y + 6)),
                 (x - 12, "end", (x - 12 - width, y - 10, x - 12, y + 6))]
        if x > WIDTH * 0.7:
            sides.reverse()
        label_x, anchor, box = next((side for side in sides if not any(_crosses(side[2], t) for t in taken)), sides[0])
        taken.append(box)
        tip = escape(f"{number}. {place.label}" + (f" — {place.detail}" if place.detail else ""))
        markers.append(
            f'<g class="place"><title>{tip}</title>'
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="8"/>'
            f'<text class="number" x="{x:.1f}" y="{y + 4:.1f}" text-anchor="middle">{number}</text>'
            f'<text class="label" x="{label_x:.1f}" y="{y + 4:.1f}" text-anchor="{anchor}">{escape(place.label)}</text></g>'
        )
    return markers


def _crosses(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


# --- TopoJSON -------------------------------------------------------------------------------------------------

_US_BOX = (-180.0, 15.0, -60.0, 72.0)


@lru_cache(maxsize=1)
def _countries() -> tuple[_Outline, ...]:
    return _decode("countries-50m.json.gz", "countries")


@lru_cache(maxsize=1)
def _us_states() -> tuple[_Outline, ...]:
    return _decode("us-states-10m.json.gz", "states")


def _decode(name: str, collection: str) -> tuple[_Outline, ...]:
    """The geometries of a TopoJSON collection as outlines (quantized, delta-encoded arcs decoded)."""
    raw = resources.files("newsledger.report").joinpath("geodata", name).read_bytes()
    topology = json.loads(gzip.decompress(raw))
    (scale_x, scale_y), (shift_x, shift_y) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        arcs.append(points)
    outlines = []
    for geometry in topology["objects"][collection]["geometries"]:
        polygons = {"Polygon": [geometry.get("arcs")], "MultiPolygon": geometry.get("arcs")}.get(geometry["type"])
        rings = tuple(_ring(arcs, indexes) for polygon in polygons or [] for indexes in polygon)
        if rings:
            lons = [lon for ring in rings for lon, _ in ring]
            lats = [lat for ring in rings for _, lat in ring]
            outlines.append(_Outline(rings, min(lons), min(lats), max(lons), max(lats)))
    return tuple(outlines)


def _ring(arcs: list[list[tuple[float, float]]], indexes: list[int]) -> tuple[tuple[float, float], ...]:
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])  # consecutive arcs share their joining point
    return tuple(points)
