"""PLOVER gold sentences read for `bench plover` and for training the typer: the PLOVER GSR JSON layout, and
PETRARCH's validation XML layout (CAMEO codes mapped to PLOVER by the CAMEO2PLOVER table)."""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from pathlib import Path

from newsledger.extract.actors import is_country_code
from newsledger.extract.plover import (
    LEGACY_MODES,
    LEGACY_TYPES,
    PLOVER_TYPES,
    Plover,
)

#: 2016 GSR contexts -> the names the typer uses.
CONTEXT_ALIASES = {"refugee": "refugees", "resources": "resource", "rights": "rights_freedoms",
                   "government": "executive", "political": "political_institutions",
                   "politics": "political_institutions"}
MAX_FILE_BYTES = 50_000_000


class PloverDataError(ValueError):
    """A file the benchmark cannot read (the message names it and says why)."""


@dataclass(frozen=True, slots=True)
class GoldEvent:
    plover: Plover | None
    contexts: frozenset[str] = frozenset()
    sources: frozenset[str] = frozenset()
    targets: frozenset[str] = frozenset()
    triggers: tuple[str, ...] = ()  # the GSR's marked event words, first is the main trigger


@dataclass(frozen=True, slots=True)
class GoldSentence:
    id: str
    text: str
    events: tuple[GoldEvent, ...]

    @property
    def types(self) -> list[str]:
        return list(dict.fromkeys(e.plover.type for e in self.events if e.plover is not None))


def read(path: Path, cameo_map: Path | None = None) -> list[GoldSentence]:
    """GSR JSON or PETRARCH XML, told apart by the first character; XML needs the CAMEO map."""
    text = _read_text(path)
    if text.lstrip().startswith("["):
        return read_gsr(text)
    if cameo_map is None:
        raise PloverDataError(f"{path}: PETRARCH XML needs --cameo-map (the CAMEO2PLOVER file)")
    return read_petrarch(text, read_cameo_map(cameo_map))


def _read_text(path: Path) -> str:
    path = Path(path)
    if not path.is_file():
        raise PloverDataError(f"{path}: not a file")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise PloverDataError(f"{path}: larger than {MAX_FILE_BYTES} bytes")
    return path.read_text(encoding="utf-8", errors="replace")


def read_gsr(text: str) -> list[GoldSentence]:
    """The PLOVER GSR records (DOCUMENT records skipped), one event each, in PLOVER 2021 names."""
    try:
        records = json.loads(text)
    except json.JSONDecodeError as error:
        raise PloverDataError(f"not JSON: {error}") from error
    sentences = []
    for record in records:
        if not isinstance(record, dict) or record.get("event") in (None, "DOCUMENT") or not record.get("text"):
            continue
        sentences.append(GoldSentence(str(record.get("id", len(sentences))), record["text"], (_gsr_event(record),)))
    return sentences


def _gsr_event(record: dict) -> GoldEvent:
    kind = record["event"].strip().upper()
    legacy = LEGACY_TYPES.get(kind)
    mode = (record.get("mode") or "").strip() or None
    mode = LEGACY_MODES.get(mode, mode) if mode else None
    if legacy is not None:
        kind, mode = legacy.type, mode or legacy.mode
    contexts = frozenset(CONTEXT_ALIASES.get(c.strip(), c.strip())
                         for c in str(record.get("context") or "").split(",") if c.strip())
    plover = Plover(kind, mode, None) if kind in PLOVER_TYPES else None
    markup = record.get("textInfo")
    markup = markup.get("markup", "") if isinstance(markup, dict) else str(markup or "")
    return GoldEvent(plover, contexts, _countries(record.get("source")), _countries(record.get("target")),
                     tuple(_marked_events(markup)))


def _countries(actors) -> frozenset[str]:
    if not isinstance(actors, list):
        return frozenset()
    codes = (str(a.get("code") or "") for a in actors if isinstance(a, dict))
    return frozenset(code[:3].upper() for code in codes if is_country_code(code))


EVT = re.compile(r"\(EVT: ([^()]*)\)")


def _marked_events(markup: str) -> list[str]:
    return [m.group(1).strip() for m in EVT.finditer(markup) if m.group(1).strip()]


CAMEO_LINE = re.compile(r"^\s*(\d{2,4})\s*:\s*([^#]*)")


def read_cameo_map(path: Path) -> dict[str, Plover]:
    """CAMEO2PLOVER: code -> Plover (the first line wins for a code listed twice)."""
    table: dict[str, Plover] = {}
    for line in _read_text(path).splitlines():
        match = CAMEO_LINE.match(line)
        if not match:
            continue
        parts = [p.strip() for p in match.group(2).split(",")] + ["", ""]
        kind = parts[0].upper()
        if kind in PLOVER_TYPES:
            context = parts[2].split(";")[0].strip() or None
            table.setdefault(match.group(1), Plover(kind, parts[1] or None, context))
    if not table:
        raise PloverDataError(f"{path}: no 'CODE: TYPE, mode, context' line")
    return table


def cameo_to_plover(code: str, table: dict[str, Plover]) -> Plover | None:
    """A CAMEO code's PLOVER reading: the code itself, else its nearest listed parent (3, then 2 digits); codes
    under 01/02 are not listed and have none."""
    code = code.strip()
    if not code.isdigit():
        return None
    for size in (len(code), 3, 2):
        found = table.get(code[:size])
        if found is not None:
            return found
    return None


SENTENCE_START = re.compile(r"<Sentence\b([^<>]*)>")
CODING = re.compile(r"<EventCoding\b([^<>]*?)/?>")
ATTRIBUTE = re.compile(r"([\w:-]+)\s*=\s*\"([^\"]*)\"")


def read_petrarch(text: str, table: dict[str, Plover]) -> list[GoldSentence]:
    """PETRARCH validation records, read tolerantly (their EventCoding elements are often left unclosed) and
    in linear time: the file is cut at each ``<Sentence`` and each piece is read up to its ``</Sentence>``."""
    text = strip_comments(text)
    starts = list(SENTENCE_START.finditer(text))
    sentences = []
    for number, match in enumerate(starts):
        end = starts[number + 1].start() if number + 1 < len(starts) else len(text)
        body = text[match.end():end]
        closing = body.find("</Sentence")
        body = body if closing < 0 else body[:closing]
        sentence_text = _element_text(body, "Text")
        if sentence_text is None:
            continue
        attributes = dict(ATTRIBUTE.findall(match.group(1)))
        events = []
        for coding in CODING.finditer(body):
            fields = dict(ATTRIBUTE.findall(coding.group(1)))
            if fields.get("noevents", "").lower() == "true" or "eventcode" not in fields:
                continue
            events.append(GoldEvent(
                cameo_to_plover(fields["eventcode"], table),
                sources=_code_country(fields.get("sourcecode", "")),
                targets=_code_country(fields.get("targetcode", "")),
            ))
        sentences.append(GoldSentence(attributes.get("id", f"s{number}"), sentence_text, tuple(events)))
    if not sentences:
        raise PloverDataError("no <Sentence> record with a <Text>")
    return sentences


def strip_comments(text: str) -> str:
    """The text without ``<!-- -->`` comments (an unclosed one runs to the end), in one pass."""
    pieces, position = [], 0
    while True:
        start = text.find("<!--", position)
        if start < 0:
            pieces.append(text[position:])
            return "".join(pieces)
        pieces.append(text[position:start])
        end = text.find("-->", start + 4)
        if end < 0:
            return "".join(pieces)
        position = end + 3


def _element_text(body: str, tag: str) -> str | None:
    start = body.find(f"<{tag}>")
    if start < 0:
        return None
    end = body.find(f"</{tag}", start)
    content = body[start + len(tag) + 2:end if end >= 0 else len(body)]
    return " ".join(html.unescape(content).split())


def _code_country(code: str) -> frozenset[str]:
    return frozenset({code[:3].upper()}) if len(code) >= 3 and is_country_code(code) else frozenset()


# --- the system --------------------------------------------------------------------------------------------------
