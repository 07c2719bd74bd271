"""Reading inputs: files and folders in, one ``RawDocument`` or ``Rejection`` per item out.

Inputs are hostile (binary junk, broken encodings, huge or truncated files, malformed records), so every check
turns a bad item into a ``Rejection`` with a sentence saying what is wrong, and the good items keep flowing.
"""

from __future__ import annotations

import codecs
import gzip
import json
import os
import re
import stat
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from .metadata import FIELDS, Metadata, published_date

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
SUFFIXES = (".txt", ".html", ".htm", ".json", ".jsonl")  # each also gzipped: ".html.gz"
META_FIELDS = ("id", *FIELDS)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_MAX_CONTROL_SHARE = 0.1  # real text has next to no control characters; a tenth of them is not text
_BINARY_PROBE = 8192
# A page that is not UTF-8 may say what it is; only the first bytes are searched, as a browser does.
_DECLARED_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([a-z0-9_:.-]{1,40})", re.IGNORECASE)
_CHARSET_PROBE = 4096
_NOT_REGULAR = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"),
                (stat.S_ISSOCK, "a socket"))


class InputError(ValueError):
    """Content that cannot become an article; the message is the reason shown to the user."""


@dataclass(frozen=True)
class RawDocument:
    """One input item before cleaning: plain ``text`` or ``html``, and the metadata given with it."""

    origin: str  # "path/to/file.txt" or "path/to/file.jsonl:17", shown to users
    text: str | None
    html: str | None
    meta: dict[str, str | None]  # every key of META_FIELDS; published already YYYY-MM-DD
    size: int  # bytes of input this item consumed, for progress bars
    hints: dict[str, str | None] = field(default_factory=dict)  # a feed entry's or archive's, below the page's own


@dataclass(frozen=True)
class Rejection:
    origin: str
    reason: str
    size: int = 0  # bytes of input skipped, so progress still adds up


@dataclass(frozen=True)
class Skipped:
    """Items of an input that are not articles and were not read (a web archive's requests, a feed's entries over
    the cap), counted in one line: reported, but not a rejection."""

    origin: str
    reason: str
    size: int = 0


def discover(paths: Iterable[Path]) -> list[Path | Rejection]:
    """Files under ``paths``: folders expanded recursively and sorted, hidden files and folders skipped.

    A path that is not a folder is kept as given (even if missing or hidden), so ``read_inputs`` can say what is
    wrong with it rather than dropping it silently; so is a folder that cannot be listed. A folder reached a
    second time (a symlink to a folder already read, or a loop) is a ``Rejection`` saying so: each is read once.
    """
    found: list[Path | Rejection] = []
    seen: set[tuple[int, int]] = set()
    for path in map(Path, paths):
        found.extend(_walk(path, seen) if path.is_dir() else [path])
    return found


def _walk(root: Path, seen: set[tuple[int, int]]) -> list[Path | Rejection]:
    """Iterative, so a tree of any depth is walked without recursion; ``seen`` holds the folders read."""
    files: list[Path] = []
    skipped: list[Rejection] = []
    folders = [root]
    while folders:
        folder = folders.pop()
        try:
            info = folder.stat()
            if (info.st_dev, info.st_ino) in seen:
                skipped.append(Rejection(str(folder), "folder already read (a symlink to it, or a loop): skipped"))
                continue
            seen.add((info.st_dev, info.st_ino))
            with os.scandir(folder) as listing:
                entries = [entry for entry in listing if not entry.name.startswith(".")]
        except OSError:
            files.append(folder)  # read_inputs says why it cannot be read
            continue
        for entry in entries:
            if _is_folder(entry):
                folders.append(Path(entry.path))
            else:
                files.append(Path(entry.path))
    return [*sorted(files), *skipped]


def _is_folder(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def read_inputs(
    paths: Iterable[Path], metadata: Metadata | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[RawDocument | Rejection]:
    """Every item of every input file, in order; a bad file or record is a ``Rejection`` and reading goes on."""
    for path in discover(paths):
        if isinstance(path, Rejection):
            yield path
        else:
            yield from _read_file(path, metadata.lookup(path) if metadata else {}, max_bytes)


def _read_file(path: Path, file_meta: dict[str, str | None], max_bytes: int) -> Iterator[RawDocument | Rejection]:
    origin = str(path)
    try:
        info = path.stat()
    except OSError as error:
        yield Rejection(origin, _os_reason(error))
        return
    try:
        yield from _read_checked(path, info, file_meta, max_bytes)
    except InputError as error:
        yield Rejection(origin, str(error), info.st_size)
    except OSError as error:
        yield Rejection(origin, _os_reason(error), info.st_size)
    except Exception as error:  # noqa: BLE001 - whatever else one input does, it costs only that input
        yield Rejection(origin, unexpected(error, "read"), info.st_size)


def unexpected(error: BaseException, step: str) -> str:
    """The reason for a failure no check foresaw, named by its kind (a RecursionError says "nested too deeply")."""
    if isinstance(error, RecursionError):
        return f"could not be {step}: nested too deeply (RecursionError)"
    if isinstance(error, MemoryError):
        return f"could not be {step}: out of memory (MemoryError)"
    return f"could not be {step} ({type(error).__name__}: {error})"


def _read_checked(
    path: Path, info: os.stat_result, file_meta: dict, max_bytes: int
) -> Iterator[RawDocument | Rejection]:
    """The file's items; file-level problems raise InputError, checked before anything is read."""
    gzipped = path.suffix.lower() == ".gz"
    suffix = (path.with_suffix("") if gzipped else path).suffix.lower()
    if stat.S_ISDIR(info.st_mode):
        raise InputError("folder could not be listed")
    if kind := next((name for test, name in _NOT_REGULAR if test(info.st_mode)), None):
        raise InputError(f"not a regular file ({kind})")
    if suffix not in SUFFIXES:
        found = f"'{suffix}{'.gz' if gzipped else ''}'" if suffix else "(no extension)"
        raise InputError(f"unsupported file type {found} (expected {', '.join(SUFFIXES)}, or one of them .gz)")
    if info.st_size == 0:
        raise InputError("empty file")
    if suffix == ".jsonl":  # a collection: the size limit applies to each line, which is one article
        yield from _read_jsonl(path, file_meta, max_bytes, gzipped)
        return
    if info.st_size > max_bytes:
        raise InputError(f"file is {_size(info.st_size)}, over the {_size(max_bytes)} limit")
    data = _gunzipped(path, max_bytes) if gzipped else path.read_bytes()
    text = _decode(data, html=suffix in (".html", ".htm"))
    if suffix == ".json":
        yield from _read_json(path, text, file_meta, info.st_size)
    else:
        meta = _checked_meta(file_meta)
        yield _document(str(path), text, suffix in (".html", ".htm"), meta, info.st_size)


def _gunzipped(path: Path, max_bytes: int) -> bytes:
    """The decompressed bytes, read no further than the size limit (a small file may inflate to gigabytes)."""
    try:
        with gzip.open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except (gzip.BadGzipFile, EOFError, zlib.error) as error:
        raise InputError(f"not a valid gzip file ({error})") from None
    if len(data) > max_bytes:
        raise InputError(f"decompresses to over the {_size(max_bytes)} limit")
    return data


def _document(origin: str, content: str, is_html: bool, meta: dict, size: int) -> RawDocument:
    _check_text(content)  # a page cut short is kept: cleaning marks it (``html.truncation``)
    return RawDocument(origin, None if is_html else content, content if is_html else None, meta, size)


def _read_json(path: Path, text: str, file_meta: dict, size: int) -> Iterator[RawDocument | Rejection]:
    """One object, or a list of objects (origin ``file.json[i]``, i counted from 0 as in the JSON array)."""
    data = _json(text, lambda error: f"line {error.lineno}, column {error.colno}")
    if isinstance(data, dict):
        yield _record(str(path), data, file_meta, size)
        return
    if not isinstance(data, list):
        raise InputError(f"expected a JSON object or a list of objects, got {_json_type(data)}")
    for index, item in enumerate(data):
        origin, item_size = f"{path}[{index}]", len(json.dumps(item, ensure_ascii=False).encode())
        try:
            yield _record(origin, item, file_meta, item_size)
        except InputError as error:
            yield Rejection(origin, str(error), item_size)
        except Exception as error:  # noqa: BLE001 - one record's failure is that record's rejection
            yield Rejection(origin, unexpected(error, "read"), item_size)


def _json(text: str, where: Callable[[json.JSONDecodeError], str]) -> Any:
    """Parsed JSON; what the parser refuses (bad syntax, a number of over 4,300 digits, nesting deeper than
    Python's recursion limit) is an InputError."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(f"invalid JSON at {where(error)}: {error.msg}") from None
    except RecursionError:
        raise InputError("invalid JSON: nested too deeply") from None
    except ValueError:  # int(): "Exceeds the limit (4300 digits) for integer string conversion"
        raise InputError("invalid JSON: a number too long to read (over 4,300 digits)") from None


def _read_jsonl(path: Path, file_meta: dict, max_bytes: int, gzipped: bool = False) -> Iterator[RawDocument | Rejection]:
    """One record per line (origin ``file.jsonl:N``, N from 1); a bad line is rejected alone."""
    with (gzip.open(path, "rb") if gzipped else path.open("rb")) as handle:
        _refuse_binary(handle.read(_BINARY_PROBE))
        handle.seek(0)
        offset, records = 0, 0
        for number, line, size in _lines(handle, max_bytes):
            origin = f"{path}:{number}"
            try:
                if line is None:
                    records += 1  # a record, too long to read: rejected alone, the file is not empty
                    raise InputError(f"line is {_size(size)}, over the {_size(max_bytes)} limit")
                if line.strip():
                    records += 1
                    yield _record(origin, _json_line(line, offset), file_meta, size)
            except InputError as error:
                yield Rejection(origin, str(error), size)
            except Exception as error:  # noqa: BLE001 - one line's failure is that line's rejection
                yield Rejection(origin, unexpected(error, "read"), size)
            offset += size
    if not records:
        raise InputError("no records (only blank lines)")


def _lines(handle: BinaryIO, max_bytes: int) -> Iterator[tuple[int, bytes | None, int]]:
    """(line number, line or None when over ``max_bytes``, bytes consumed), never holding an overlong line."""
    number = 0
    while line := handle.readline(max_bytes + 1):
        number += 1
        if len(line) <= max_bytes or line.endswith(b"\n"):
            yield number, line, len(line)
            continue
        size = len(line)
        while not line.endswith(b"\n") and (line := handle.readline(1 << 20)):
            size += len(line)
        yield number, None, size


def _json_line(line: bytes, offset: int) -> Any:
    return _json(_decode(line, offset).rstrip("\r\n"), lambda error: f"column {error.colno}")


def _record(origin: str, data: Any, file_meta: dict, size: int) -> RawDocument:
    """A JSON record as a RawDocument: ``text`` or ``html`` required, every known field a string or null.

    ``text`` wins when both are present, as it needs no extraction. Record fields override the metadata file.
    """
    if not isinstance(data, dict):
        raise InputError(f"expected a JSON object, got {_json_type(data)}")
    for key in ("text", "html", *META_FIELDS):
        if data.get(key) is not None and not isinstance(data[key], str):
            raise InputError(f"field '{key}' must be a string, got {_json_type(data[key])}")
    if data.get("text") is None and data.get("html") is None:
        raise InputError("record has neither 'text' nor 'html'")
    for key in ("text", "html", *META_FIELDS):
        if isinstance(data.get(key), str) and (at := _lone_surrogate(data[key])) is not None:
            code = ord(data[key][at])
            raise InputError(f"field '{key}' holds a lone surrogate (\\u{code:04x} at character {at}), not valid Unicode")
    is_html = data.get("text") is None
    given = {key: data[key] for key in META_FIELDS if data.get(key) is not None}
    return _document(origin, data["html"] if is_html else data["text"], is_html, _checked_meta(file_meta | given), size)


def _checked_meta(meta: dict[str, str | None]) -> dict[str, str | None]:
    """All META_FIELDS, blanks as None, ``published`` as YYYY-MM-DD; a date that is not ISO is an InputError, a
    placeholder or future one is dropped (``published_date``)."""
    clean = {key: (meta.get(key) or "").strip() or None for key in META_FIELDS}
    if clean["published"]:
        try:
            clean["published"] = published_date(clean["published"])
        except ValueError as error:
            raise InputError(str(error)) from None
    return clean


def _lone_surrogate(text: str) -> int | None:
    """Where ``text`` holds a surrogate code point (JSON's "\\ud800" escapes decode to one), or None."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        return error.start
    return None


def _decode(data: bytes, offset: int = 0, html: bool = False) -> str:
    """UTF-8 text (a BOM is dropped); binary data and invalid UTF-8 are InputErrors naming the byte offset.

    A page that is not valid UTF-8 is read in the charset its ``<meta>`` declares (Latin-1, Windows-1252…):
    valid UTF-8 wins over a declaration, since pages re-saved as UTF-8 often keep their old one."""
    _refuse_binary(data, offset)
    bom = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        return data[bom:].decode("utf-8")
    except UnicodeDecodeError as error:
        at = bom + error.start
        declared = _declared_charset(data) if html else None
        if declared is None:
            raise InputError(f"not valid UTF-8 (byte 0x{data[at]:02x} at offset {offset + at})") from None
    try:
        return data.decode(declared)
    except UnicodeDecodeError as error:
        raise InputError(f"not valid {declared}, the charset the page declares (byte 0x{data[error.start]:02x} "
                         f"at offset {offset + error.start})") from None


def _declared_charset(data: bytes) -> str | None:
    """The Python codec of the charset a page's <meta> declares, if Python knows it and it is not UTF-8."""
    if not (match := _DECLARED_CHARSET.search(data[:_CHARSET_PROBE])):
        return None
    try:
        name = codecs.lookup(match.group(1).decode("ascii")).name
    except LookupError:
        return None
    return None if name.startswith("utf") else name


def _refuse_binary(data: bytes, offset: int = 0) -> None:
    """UTF-16 and binary data are refused; a stray NUL byte in text is not binary (cleaning blanks it)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError("UTF-16 text is not supported (save it as UTF-8)")
    nuls = data.count(0)
    if nuls > 1 + len(data) // 1000:
        raise InputError(f"binary data, not text ({nuls} NUL bytes, the first at offset {offset + data.find(0)})")


def _check_text(text: str) -> None:
    """Text with nothing to read (blank, or mostly control characters) is an InputError."""
    if not text.strip():
        raise InputError("contains only whitespace")
    control = len(_CONTROL.findall(text))
    if control > _MAX_CONTROL_SHARE * len(text):
        raise InputError(f"binary data, not text ({control * 100 // len(text)}% control characters)")


def _os_reason(error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return "no such file or folder"
    return f"cannot read: {(error.strerror or str(error)).lower()}"


def _size(size: int) -> str:
    if size < 1024:
        return f"{size} bytes"
    return f"{size / 1024:.1f} KB" if size < 1_048_576 else f"{size / 1_048_576:.1f} MB"


def _json_type(value: Any) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "a boolean", type(None): "null"}
    return names.get(type(value), "a number")
