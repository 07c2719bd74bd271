"""Blocks that are not the article but whose lines, one by one, could be: lists of other stories and prompt tails.

A block is a run of short lines (in ``newspaper`` or trafilatura text every paragraph is a line). Each rule takes
the lines and the kinds the line lexicon already found, and returns more kinds by line index; all are linear in
the number of lines. Precision first: a rule removes a run only when the run as a whole says what it is (a
playlist's durations, a "Related:" header above it, headlines that share no words with the story).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

# "3:02 Sacramento woman parts with beloved dog …": a video playlist's duration and title; "12:47 p.m.:" is a time.
_PLAYLIST_ITEM = re.compile(r"^\d{1,2}:\d{2}\s+(?![ap]\.?m\b)\S", re.IGNORECASE)
_MIN_PLAYLIST = 2

# A header that introduces a list of other stories, alone on its line: "READ MORE:", "Related Stories", "► Related".
_LIST_HEADER = re.compile(
    r"^\W{0,3}(?:read\ more|related(?:\ (?:articles?|stories|coverage|content|news|links|videos?))?|see\ also"
    r"|also\ see|more\ (?:from|on)\b[^:.]{0,40}|previous\ stories|also\ on\ [\w.]+|more\ stories|you\ may\ also\ like"
    r"|recommended(?:\ for\ you)?|most\ (?:read|popular))[\s:>»›|•-]*$",
    re.IGNORECASE | re.VERBOSE,
)
_MAX_LISTED = 12

# A headline line: a few words with no closing period (lists of other stories are headlines, the story is prose).
_HEADLINE_MIN_WORDS, _HEADLINE_MAX_WORDS, _HEADLINE_MAX_LEN = 3, 25, 160
_SENTENCE_BREAK = re.compile(r"\b[a-z]{3,}[.!?][\"”’]?\s+[\"“‘]?[A-Z]")  # "… he said. Police …", not "St. Louis"
_MIN_EDGE_RUN = 2
_MIN_BODY_WORDS = 60
_MAX_SHARED = 0.25  # a headline of this story shares more of its words with the story than this
_WORD = re.compile(r"[a-z][a-z'’-]{3,}")
_STOPWORDS = frozenset(
    "about after again against also among been before being between both could does doing down during each from "
    "further have having here into just more most never only other over said same says should since some such than "
    "that their them then there these they this those through under until very were what when where which while "
    "will with would your year years told today week month".split()
)


class LineLike(Protocol):
    text: str
    tail: object | None  # a related-stories pointer cut off the line's end, if any


@dataclass(frozen=True)
class BlockRule:
    kind: str
    find: Callable[[list[LineLike], dict[int, str]], set[int]]
    reason: str


def is_headline(text: str) -> bool:
    """A few words that do not end a sentence (a quote's closing mark aside) and hold no sentence break."""
    words = len(text.split())
    return (
        _HEADLINE_MIN_WORDS <= words <= _HEADLINE_MAX_WORDS
        and len(text) <= _HEADLINE_MAX_LEN
        and not text.rstrip("\"”’') ").endswith((".", ":", ",", ";"))
        and not _SENTENCE_BREAK.search(text)
        and "@" not in text  # an embedded post ("… pic.twitter.com/… — Name (@handle)") is quoted reporting
    )


def playlist(lines: list[LineLike], kinds: dict[int, str]) -> set[int]:
    """Runs of two or more "m:ss Title" lines."""
    found, run = set(), []
    for i, line in enumerate([*lines, None]):
        if line is not None and not line.text:
            continue
        if line is not None and _PLAYLIST_ITEM.match(line.text):
            run.append(i)
            continue
        if len(run) >= _MIN_PLAYLIST:
            found.update(run)
        run = []
    return found


def listed_under_header(lines: list[LineLike], kinds: dict[int, str]) -> set[int]:
    """The headline lines right after a bare "Related:" / "READ MORE:" header (the header itself is a rule's)."""
    found, listing, listed = set(), False, 0
    for i, line in enumerate(lines):
        if not line.text:
            continue
        if _LIST_HEADER.match(line.text) or line.tail is not None:
            listing, listed = True, 0
            if line.tail is None:
                found.add(i)
            continue
        if listing and i not in kinds and is_headline(line.text) and listed < _MAX_LISTED:
            found.add(i)
            listed += 1
            continue
        if i not in kinds:
            listing = False
    return found


def repeated(lines: list[LineLike], kinds: dict[int, str]) -> set[int]:
    """A line identical to the line before it (blank lines aside): galleries and teasers repeat, and dropping a
    later copy loses nothing of the story, as its first copy stays."""
    found, previous = set(), None
    for i, line in enumerate(lines):
        if not line.text:
            continue
        if line.text == previous:
            found.add(i)
        previous = line.text
    return found


# "<the lead sentence>. (KTUL)": a photo's caption often repeats a paragraph of the story and adds its credit.
_TRAILING_CREDIT = re.compile(r"\s*\([^()]{2,60}\)\W*$")
_PREFIX_CHARS = 80
_MAX_SAME_OPENING = 4


def credited_copy(lines: list[LineLike], kinds: dict[int, str]) -> set[int]:
    """A line that is another line of the text (or its opening) plus a closing "(credit)": a caption's copy."""
    by_opening: dict[str, list[tuple[int, str]]] = {}
    for i, line in enumerate(lines):
        bucket = by_opening.setdefault(line.text[:_PREFIX_CHARS], [])
        if line.text and len(bucket) < _MAX_SAME_OPENING:  # bounded work when many lines open alike
            bucket.append((i, line.text))
    found = set()
    for i, line in enumerate(lines):
        credit = _TRAILING_CREDIT.search(line.text) if line.text.endswith(")") else None
        if credit is None or credit.start() < _PREFIX_CHARS:
            continue
        copied = line.text[: credit.start()]
        if any(j != i and other.startswith(copied) for j, other in by_opening.get(copied[:_PREFIX_CHARS], ())):
            found.add(i)
    return found


def foreign_headlines_at_edges(lines: list[LineLike], kinds: dict[int, str]) -> set[int]:
    """Headlines at the top or bottom of the text that share almost no words with the story: other stories.

    Only runs of two or more count (a single line may be the story's own title), and only beside a body of prose
    long enough to compare with; a text of highlights alone is kept whole.
    """
    kept = [i for i, line in enumerate(lines) if line.text and i not in kinds]
    body = [lines[i].text for i in kept if not is_headline(lines[i].text)]
    vocabulary = {word for text in body for word in _content_words(text)}
    if sum(len(text.split()) for text in body) < _MIN_BODY_WORDS:
        return set()
    found = set()
    for edge in (kept, kept[::-1]):
        run = []
        for i in edge:
            text = lines[i].text
            words = _content_words(text)
            if not is_headline(text) or not words or sum(w in vocabulary for w in words) > _MAX_SHARED * len(words):
                break
            run.append(i)
        if len(run) >= _MIN_EDGE_RUN:
            found.update(run)
    return found


def _content_words(text: str) -> list[str]:
    return [word for word in _WORD.findall(text.lower()) if word not in _STOPWORDS]


BLOCK_RULES = (
    BlockRule("related", playlist, "a video playlist lists other stories' titles with their durations"),
    BlockRule("related", listed_under_header, "the headlines under a 'Related' header are other stories"),
    BlockRule("related", foreign_headlines_at_edges, "headlines at the edges sharing no words with the story"),
    BlockRule("caption", credited_copy, "a paragraph repeated with a closing credit is its photo's caption"),
    BlockRule("repeat", repeated, "a line repeated right after itself is a gallery's or teaser's copy"),
)


# Words that report a violent happening; a list of headlines most of which hold one is a sidebar of other cases.
_INCIDENT = re.compile(
    r"\b(?:shot|shoot\w*|gunfire|gunman|kill\w*|dead|deaths?|dies|died|murder\w*|slay\w*|slain|homicides?"
    r"|wound\w*|injur\w*|stabb\w*|arrest\w*|charged)\b",
    re.IGNORECASE,
)
OTHER_CASES = "list of other cases"
_MIN_CASES = 2


def block_kinds(lines: list[LineLike], kinds: dict[int, str]) -> dict[int, str]:
    """Kinds the block rules add to the line lexicon's ``kinds`` (which they never change)."""
    added: dict[int, str] = {}
    for rule in BLOCK_RULES:
        for i in rule.find(lines, kinds | added):
            if i not in kinds and i not in added:
                added[i] = rule.kind
    for run in _related_runs(lines, added):
        if len(run) >= _MIN_CASES and 2 * sum(bool(_INCIDENT.search(lines[i].text)) for i in run) >= len(run):
            added.update(dict.fromkeys(run, OTHER_CASES))
    return added


def _related_runs(lines: list[LineLike], added: dict[int, str]) -> list[list[int]]:
    """Consecutive related lines the block rules found (blank lines between them aside)."""
    runs, run = [], []
    for i, line in enumerate(lines):
        if not line.text:
            continue
        if added.get(i) == "related":
            run.append(i)
            continue
        if run:
            runs.append(run)
        run = []
    return [*runs, run] if run else runs
