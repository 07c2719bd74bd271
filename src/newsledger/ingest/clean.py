"""Cleaning: turn one raw input item into an ``Article``, taking out what is not the article into ``removed``.

Text that is not the article (captions, credits, site notices, lists of other stories) is found line by line with
a lexicon of rules (``rules.py``), each bound to a maximum line length, because such text stands in short lines of
its own while the article's sentences are long and varied; then by blocks (``blocks.py``): runs of short lines
that together are a playlist, a related-stories list or a prompt tail. Each removal keeps its kind and its offsets
in the raw input. Nothing is matched on a known article's exact text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice

from ..records import HEADLINE_ONLY, TRUNCATED, Article, Removed
from .blocks import block_kinds
from .html import CUT, extract, truncation
from .identity import content_id
from .readers import (  # InputError lives in readers, the lower module; shared here
    InputError,
    RawDocument,
)
from .rules import line_kind

# trafilatura's fallbacks return menu scraps ("Home") for a page without an article; that is not main text.
MIN_HTML_WORDS = 10
# The most of one input read as an article: 100,000 characters or 20,000 words and marks (about 16,000 words of
# prose), longer than nearly any news article; the parse and the stages after it cost about linearly up to here,
# and the memory of the parse is bounded by it. What is over is cut at a line end and marked.
MAX_ARTICLE_CHARS = 100_000
MAX_ARTICLE_TOKENS = 20_000
_TOKEN = re.compile(r"\w+|[^\w\s]")  # a word or one mark: about one spaCy token each
OVER_LENGTH = "over-length"  # the kind of the ``Removed`` that marks the cut
# A run of characters without a space longer than this is not prose (a URL rarely reaches it); spaCy's tokenizer
# is quadratic on such a run of punctuation (4,000 quotation marks: 2 s), so it is taken out like boilerplate.
MAX_RUN_CHARS = 300
_LONG_RUN = re.compile(rf"\S{{{MAX_RUN_CHARS + 1},}}")
_BLANKED_RUN = re.compile(rf" {{{MAX_RUN_CHARS + 1},}}")
# Control characters other than tab and newlines (a form feed, a stray NUL or \x01), and the two non-characters:
# lxml refuses a page holding one and PostgreSQL a text holding NUL, so each is blanked (offsets stay).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
# Text has at least one letter or digit; zero-width, bidi-control, punctuation and symbols alone are no text.
_READABLE = re.compile(r"[^\W_]")
SHORT_LINE = 120  # a teaser tail line; article paragraphs are longer
_HEADLINE_MAX_WORDS = 25


@dataclass(frozen=True)
class Line:
    """One line of the input: ``text`` is stripped, ``start``/``end`` locate it in the input; ``tail`` is a
    related-stories pointer cut off its end."""

    text: str
    start: int
    end: int
    tail: Removed | None = None


# "<the story's sentence>. Related Articles <another story's headline>": sites that inline their related links
# flatten them onto the end of a paragraph; only a short tail (one headline) is cut, a long one may be the story.
_INLINE_RELATED = re.compile(r"(?<=[.!?”\"])\s+(?:Advertisement\s+)?Related\s(?:Articles|Content|Coverage|Stories)\s")
_MAX_RELATED_TAIL = 160


@dataclass(frozen=True)
class Cleaned:
    """A cleaned text, what was removed from it, and its headline line if it opens with one."""

    text: str
    removed: list[Removed]
    headline: str | None


def clean_article(raw: RawDocument) -> Article:
    """The article in ``raw``: HTML extracted, boilerplate removed, id from the clean text."""
    meta = _given(raw.meta)
    if raw.html is not None:
        source, page = extract(_blanked(raw.html), raw.meta.get("url") or raw.hints.get("url"))
        if len(source.split()) < MIN_HTML_WORDS:
            raise InputError("the HTML page has no main text")
        trimmed = page.pop(CUT, None)
        cut_short = raw.hints.get("truncated") or truncation(raw.html)
        meta = _given(raw.hints) | _given(page) | meta  # the user's word, then the page's, then a feed entry's
    else:
        source, trimmed, cut_short = _blanked(raw.text or ""), None, None
    source, over = _within_limit(source)
    if trimmed:
        over.append(Removed(OVER_LENGTH, trimmed, len(source), len(source)))
    if cut_short:
        over.append(Removed(TRUNCATED, cut_short, len(source), len(source)))
    cleaned = clean_text(source)
    if not cleaned.text and meta.get("title") and _READABLE.search(meta["title"]):
        cleaned = _headline_only(meta["title"], cleaned, len(source))
    if not cleaned.text:
        raise InputError("no text left after removing boilerplate")
    if not _READABLE.search(cleaned.text):
        raise InputError("no text: only punctuation, symbols or invisible characters")
    return Article(
        id=content_id(cleaned.text),
        text=cleaned.text,
        url=meta.get("url"),
        outlet=meta.get("outlet"),
        title=meta.get("title") or cleaned.headline,
        published=meta.get("published"),
        removed=cleaned.removed + over,
        source_path=raw.origin,
        author=meta.get("author"),
        external_id=meta.get("id"),
    )


def _headline_only(title: str, cleaned: Cleaned, length: int) -> Cleaned:
    """A record whose body was all boilerplate keeps its given headline as its text, marked: the outlet did report
    the story, and a reader sees that the headline is all the ledger has of it."""
    note = "[the body was all boilerplate; only the headline is kept]"
    text = " ".join(title.split())
    return Cleaned(text, [*cleaned.removed, Removed(HEADLINE_ONLY, note, 0, length)], text)


def _given(meta: dict[str, str | None]) -> dict[str, str]:
    return {key: _blanked(value) for key, value in meta.items() if value}


def _blanked(text: str) -> str:
    return _CONTROL.sub(" ", text)


def _within_limit(source: str) -> tuple[str, list[Removed]]:
    """``source`` cut to MAX_ARTICLE_CHARS, or MAX_ARTICLE_TOKENS words and marks, at the last line end (else
    space) before the limit, and the cut's mark: a ``Removed`` of kind "over-length" saying what was left unread.
    Words and marks count as spaCy's tokens do, so that 100,000 emoji (one token each) are bounded too."""
    limit = min(len(source), MAX_ARTICLE_CHARS)
    if (token := next(islice(_TOKEN.finditer(source, 0, limit), MAX_ARTICLE_TOKENS, None), None)) is not None:
        limit = token.start()
    if limit == len(source):
        return source, []
    line_end, space = source.rfind("\n", 0, limit) + 1, source.rfind(" ", 0, limit) + 1
    cut = line_end if line_end > limit // 2 else space if space > limit // 2 else limit
    note = (f"[{len(source) - cut:,} characters not read: over the limit per article of {MAX_ARTICLE_CHARS:,} "
            f"characters or {MAX_ARTICLE_TOKENS:,} words and marks]")
    return source[:cut], [Removed(OVER_LENGTH, note, cut, len(source))]



def clean_text(source: str) -> Cleaned:
    """Remove boilerplate lines; ``Removed`` offsets point into ``source``, the kept lines make the clean text."""
    runs = [Removed("no-spaces", run.group(), run.start(), run.end()) for run in _LONG_RUN.finditer(source)]
    if runs:  # blanked, not cut, so that every offset into ``source`` still holds
        source = _LONG_RUN.sub(lambda run: " " * len(run.group()), source)
    lines = [_without_related_tail(line) for line in split_lines(source)]
    kinds = {i: kind for i, line in enumerate(lines) if line.text and (kind := line_kind(line.text))}
    kinds |= _paywall_tail(lines, kinds)
    kinds |= block_kinds(lines, kinds)
    headline = _headline(lines, kinds)
    removed = runs
    for i, line in enumerate(lines):
        if i in kinds:
            removed.append(Removed(kinds[i], line.text, line.start, line.end))
        if line.tail is not None:
            removed.append(line.tail)
    kept = "\n".join(line.text for i, line in enumerate(lines) if i not in kinds)
    text = re.sub(r"\n{3,}", "\n\n", _BLANKED_RUN.sub(" ", kept) if runs else kept).strip()
    return Cleaned(text, removed, lines[headline].text if headline is not None else None)


def split_lines(source: str) -> list[Line]:
    """Lines split on any newline convention (\\r\\n, \\r, \\n), stripped, with their offsets in ``source``."""
    lines, start = [], 0
    for newline in re.finditer(r"\r\n|\r|\n", source):
        lines.append(_stripped(source[start : newline.start()], start))
        start = newline.end()
    lines.append(_stripped(source[start:], start))
    return lines


def _without_related_tail(line: Line) -> Line:
    marker = _INLINE_RELATED.search(line.text)
    if marker is None or len(line.text) - marker.start() > _MAX_RELATED_TAIL:
        return line
    cut = marker.start()
    tail_start = cut + (len(line.text[cut:]) - len(line.text[cut:].lstrip()))
    tail = Removed("related", line.text[tail_start:], line.start + tail_start, line.end)
    return Line(line.text[:cut], line.start, line.start + cut, tail)


def _stripped(text: str, start: int) -> Line:
    inner = text.strip()
    offset = start + (len(text) - len(text.lstrip()))
    return Line(inner, offset, offset + len(inner))


def _paywall_tail(lines: list[Line], kinds: dict[int, str]) -> dict[int, str]:
    """Teasers end in a prompt of several short lines; once one is a paywall line, the short lines after it are too.

    The tail is the run of short lines after the last long (paragraph) line, so a subscription prompt in the
    middle of an article never swallows the text after it.
    """
    tail_start = len(lines)
    while tail_start > 0 and len(lines[tail_start - 1].text) <= SHORT_LINE:
        tail_start -= 1
    first = next((i for i in range(tail_start, len(lines)) if kinds.get(i) == "paywall"), None)
    if first is None:
        return {}
    return {i: "paywall" for i in range(first, len(lines)) if lines[i].text and i not in kinds}


def _headline(lines: list[Line], boilerplate: dict[int, str]) -> int | None:
    """Index of a first line that reads as a headline: short, no final period, a blank line after, text below."""
    first = next((i for i, line in enumerate(lines) if line.text and i not in boilerplate), None)
    if first is None or first + 2 >= len(lines) or lines[first + 1].text:
        return None
    text = lines[first].text
    words = len(text.split())
    if not 2 <= words <= _HEADLINE_MAX_WORDS or text[-1] in ".,;:" or len(text) > 200:
        return None
    if not any(line.text for line in lines[first + 2 :]):
        return None
    return first
