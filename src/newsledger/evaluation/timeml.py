"""TimeML documents (``*.tml``: TimeBank, AQUAINT, the TempEval-3 platinum test) read for the event and time
benchmarks.

A document's ``text`` is the content of its ``<TEXT>`` element with every tag removed; each ``EVENT`` and
``TIMEX3`` inside it becomes an ``Annotation`` with character offsets into that text. The document creation time
(``<DCT>``) is the anchor relative expressions are resolved against.

Development uses a fixed split of the public folder (``split_of``): about one document in five is dev, the rest
train. Models are fitted on train only and figures on dev are reported as dev; the held-out platinum test is
another folder, scored with the same commands.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from xml.etree import ElementTree

SPLITS = ("all", "train", "dev")


@dataclass(frozen=True, slots=True)
class Annotation:
    """One tagged span: an ``EVENT`` (``kind`` its class) or a ``TIMEX3`` (``kind`` its type, ``value`` its value)."""

    tag: str
    start: int
    end: int
    text: str
    kind: str | None = None
    value: str | None = None


@dataclass(slots=True)
class TimemlDocument:
    name: str
    text: str
    dct: date | None
    events: list[Annotation] = field(default_factory=list)
    timexes: list[Annotation] = field(default_factory=list)


class TimemlError(ValueError):
    """A file that is not TimeML the benchmarks can read (the message names it and says why)."""


def split_of(name: str) -> str:
    """``dev`` for about one document in five (a stable hash of its name), else ``train``."""
    return "dev" if zlib.crc32(name.encode()) % 5 == 0 else "train"


def read_folder(folder: Path, split: str = "all") -> list[TimemlDocument]:
    """Every ``*.tml`` under ``folder`` (recursively, sorted by path) in the given split."""
    if split not in SPLITS:
        raise ValueError(f"split must be one of {', '.join(SPLITS)}, not {split!r}")
    paths = sorted(Path(folder).rglob("*.tml"))
    if not paths:
        raise TimemlError(f"{folder}: no *.tml file found")
    documents = (read_file(path) for path in paths)
    return [doc for doc in documents if split == "all" or split_of(doc.name) == split]


def read_file(path: Path) -> TimemlDocument:
    try:
        root = ElementTree.parse(path).getroot()
    except (ElementTree.ParseError, OSError) as error:
        raise TimemlError(f"{path}: not readable as XML ({error})") from error
    body = root.find("TEXT")
    if body is None:
        raise TimemlError(f"{path}: no <TEXT> element")
    pieces: list[str] = []
    found: list[Annotation] = []
    _walk(body, pieces, found, inside=False)
    text = "".join(pieces)
    return TimemlDocument(
        name=path.name.removesuffix(".tml"),
        text=text,
        dct=_creation_time(root),
        events=[a for a in found if a.tag == "EVENT"],
        timexes=[a for a in found if a.tag == "TIMEX3"],
    )


def _walk(element: ElementTree.Element, pieces: list[str], found: list[Annotation], inside: bool) -> None:
    """Append the element's text to ``pieces`` and its EVENT/TIMEX3 descendants to ``found``, in text order."""
    if inside and element.tag in ("EVENT", "TIMEX3"):
        start = sum(map(len, pieces))
        _text_of(element, pieces, found)
        end = sum(map(len, pieces))
        text = "".join(pieces)[start:end]
        kind = element.get("class") if element.tag == "EVENT" else element.get("type")
        found.append(Annotation(element.tag, start, end, text, kind, element.get("value")))
    else:
        _text_of(element, pieces, found)
    if inside and element.tail:
        pieces.append(element.tail)


def _text_of(element: ElementTree.Element, pieces: list[str], found: list[Annotation]) -> None:
    if element.text:
        pieces.append(element.text)
    for child in element:
        _walk(child, pieces, found, inside=True)


def _creation_time(root: ElementTree.Element) -> date | None:
    timex = root.find("DCT/TIMEX3")
    value = (timex.get("value") or "") if timex is not None else ""
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
