"""Cleaning: turn one raw input item into an ``Article``, taking boilerplate lines out into ``Article.removed``.

Boilerplate is found line by line with a small lexicon of patterns, each bound to a maximum line length, because
captions, paywall prompts, sharing links and cookie notices are short lines of their own in copied text, while
the article's sentences are long and varied. Nothing is matched on a known article's exact text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..records import Article, Removed
from .html import extract
from .identity import content_id
from .readers import (  # InputError lives in readers, the lower module; shared here
    InputError,
    RawDocument,
)


@dataclass(frozen=True)
class Rule:
    """One kind of boilerplate: lines up to ``max_len`` characters that ``pattern`` finds."""

    kind: str
    pattern: re.Pattern[str]
    max_len: int  # longer lines are article text, whatever they contain


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE | re.VERBOSE)


# A line ending in a photo credit: "(REUTERS/Ken Cedeno)", "(AP Photo/…)", "… Photo: Jane Doe", "… Getty Images".
_CAPTION = _rx(r"""
    (?: \( (?=[^()]{2,80}\)\.?$) (?: (?-i:[A-Z][\w.'’&-]*) (?:\s[\w.'’&-]+){0,3} / [^()]+
                                  | [^()]* \b(?:photo|photograph|image|credit|courtesy)\b [^()]* ) \)
      | (?:^|[.!?"”]\s+|\s[|–—-]\s) (?:photo(?:graph)?|image|picture|photo\ credit|credit)s?\s*:\s*[^!?]{2,80}
      | \bgetty\ images\b [^.!?]{0,40}
    ) \.?$
    | ^(?:image|photo)\ caption\b
""")

_PAYWALL = _rx(r"""^(?:
      (?:to\ )?(?:read|continue\ reading|keep\ reading)\ (?:the\ )?(?:full|rest\ of\ the|entire)\ (?:story|article)
    | (?:are\ you\ )?already\ (?:a\ )?(?:subscriber|member|registered)
    | already\ have\ an\ account
    | (?:click|tap)\ (?:here\ )?to\ (?:log\ ?in|sign\ ?in|subscribe|register)
    | (?:log|sign)\ ?in\ to\ (?:continue|read|keep|access|view)
    | subscribe\b
    | sign\ up\ (?:for|to|now|today)\b
    | (?:become|register\ as)\ a\ (?:subscriber|member)
    | (?:create|register)\ (?:a\ )?(?:free\ )?account
    | (?:start|get)\ (?:your\ )?(?:free\ )?(?:trial|unlimited\ access|full\ access)
    | (?:you(?:'|’)ve|you\ have)\ (?:reached|read|used)\ .*\b(?:free|limit)
    | this\ (?:article|story|content)\ is\ (?:only\ )?(?:available\ )?(?:for|to|exclusive\ to)
      \ (?:our\ )?(?:subscribers|members)
    | (?:subscribers|members)[\ -]only
)""")

_NAVIGATION = _rx(r"""^(?:
      share(?:\ (?:this|on|via)\b.*)?
    | advertisement | advertising | sponsored(?:\ content)?
    | skip\ to\ (?:main\ )?(?:content|navigation)
    | follow\ (?:us|me)\b.*
    | (?:back\ to\ top | copy\ link | tweet | whatsapp | facebook | twitter | linkedin | comments?)
    | print(?:\ this)?(?:\ (?:article|page|story))? | e-?mail(?:\ this)?(?:\ (?:article|story))?
    | listen\ to\ (?:this\ )?(?:article|story)\b.* | recommended(?:\ for\ you)? | most\ (?:read|popular)
    | more\ from\b.* | trending(?:\ now)?
)[\s:.!>»›|]*$""")

# "Read more: <headline>" and "Related: <headline>" carry a whole headline, so they get a longer limit.
_SEE_ALSO = _rx(r"^(?:read\ more|see\ also|related(?:\ (?:articles?|stories|coverage|content|news))?)\b\s*:?")

_COOKIE = _rx(r"""
      ^(?:this\ (?:web)?site|we)\ uses?\ cookies\b
    | \bby\ continuing\ to\ (?:use|browse)\ (?:this|our)\ (?:web)?site
    | ^(?:accept|reject|allow)\ (?:all\ )?cookies\W*$
    | ^(?:cookie\ (?:policy|settings|preferences|notice)|manage\ cookies)\W*$
""")

RULES = (
    Rule("caption", _CAPTION, 600),
    Rule("paywall", _PAYWALL, 120),
    Rule("navigation", _NAVIGATION, 80),
    Rule("navigation", _SEE_ALSO, 200),
    Rule("cookie", _COOKIE, 300),
)

# trafilatura's fallbacks return menu scraps ("Home") for a page without an article; that is not main text.
MIN_HTML_WORDS = 10
SHORT_LINE = 120  # a teaser tail line; article paragraphs are longer
_HEADLINE_MAX_WORDS = 25


@dataclass(frozen=True)
class Line:
    """One line of the input: ``text`` is stripped, ``start``/``end`` locate it in the input."""

    text: str
    start: int
    end: int


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
        source, page = extract(raw.html)
        if len(source.split()) < MIN_HTML_WORDS:
            raise InputError("the HTML page has no main text")
        meta = _given(page) | meta  # what the user gave wins over what the page says
    else:
        source = raw.text or ""
    cleaned = clean_text(source)
    if not cleaned.text:
        raise InputError("no text left after removing boilerplate")
    return Article(
        id=content_id(cleaned.text),
        text=cleaned.text,
        url=meta.get("url"),
        outlet=meta.get("outlet"),
        title=meta.get("title") or cleaned.headline,
        published=meta.get("published"),
        removed=cleaned.removed,
        source_path=raw.origin,
        author=meta.get("author"),
        external_id=meta.get("id"),
    )


def _given(meta: dict[str, str | None]) -> dict[str, str]:
    return {key: value for key, value in meta.items() if value}


def clean_text(source: str) -> Cleaned:
    """Remove boilerplate lines; ``Removed`` offsets point into ``source``, the kept lines make the clean text."""
    lines = split_lines(source)
    kinds = {i: kind for i, line in enumerate(lines) if line.text and (kind := line_kind(line.text))}
    kinds |= _paywall_tail(lines, kinds)
    headline = _headline(lines, kinds)
    removed = [Removed(kind, lines[i].text, lines[i].start, lines[i].end) for i, kind in sorted(kinds.items())]
    kept = "\n".join(line.text for i, line in enumerate(lines) if i not in kinds)
    text = re.sub(r"\n{3,}", "\n\n", kept).strip()
    return Cleaned(text, removed, lines[headline].text if headline is not None else None)


def split_lines(source: str) -> list[Line]:
    """Lines split on any newline convention (\\r\\n, \\r, \\n), stripped, with their offsets in ``source``."""
    lines, start = [], 0
    for newline in re.finditer(r"\r\n|\r|\n", source):
        lines.append(_stripped(source[start : newline.start()], start))
        start = newline.end()
    lines.append(_stripped(source[start:], start))
    return lines


def _stripped(text: str, start: int) -> Line:
    inner = text.strip()
    offset = start + (len(text) - len(text.lstrip()))
    return Line(inner, offset, offset + len(inner))


def line_kind(text: str) -> str | None:
    """The boilerplate kind of one stripped line, or None for article text."""
    for rule in RULES:
        if len(text) <= rule.max_len and rule.pattern.search(text):
            return rule.kind
    return None


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
