"""Origins: who a claim ultimately comes from, so that repetition is not mistaken for confirmation.

An attribution's origin is the end of its chain — its source — keyed so that the same origin reached through
different outlets gets the same key:

* a source that speaks for a country's government (``governments``: "Iranian officials", "Iran's Defense
  Ministry", "Tehran", "Iran's foreign minister", anonymous "U.S. intelligence officials"): ``gov:<country>`` —
  one government quoted twice is one party, and two outlets citing anonymous U.S. officials share one origin;
* another anonymous source: ``anon:<affiliation>`` ("Hamas"), else ``anon:<description>``;
* a named source: ``entity:<id>`` when it resolves to a ledger entity, else ``name:<name>``; an outlet cited
  as a source is ``outlet:<name>``, the same key as that outlet's own reporting;
* an attribution with no source of its own but a chain of relays: the last relay, keyed as above;
* the outlet's own voice (no attribution, or an attribution with no source and no relay): ``outlet:<outlet>``,
  or ``article:<id>`` when the outlet is unknown;
* a syndicated copy (``duplicate_of``) speaks with the voice of the article it copies;
* only a source that says something is an origin (``says_something``): "officers responded to a shooting call",
  "Bowser entered the program after attacking Zina Bowser", "a deputy talks on a mobile phone" (a caption) are
  what the outlet narrates, so its own voice is their origin, not the officers, the attacker or the deputy; a
  place cut from its office ("Police in Oakland, California say": source "California") is no origin either.

See docs/reconcile-guide.md for the rule and its limits.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from newsledger.extract.cues import RANK_WORDS, names_an_outlet, words
from newsledger.reconcile.governments import government_of
from newsledger.records import Article, Attribution, SourceKind, SourceSpan

#: Words of an anonymous source's description that do not tell who it is: the rank words of ``cues`` (but the
#: two that mark anonymity itself, which the key keeps), the parts of "high-ranking", articles and "one other".
_NOT_WHO = (RANK_WORDS - {"unnamed", "anonymous"}) | words("high ranking a an the one other")
#: Longest first, so that "high-ranking" goes whole before "high"; what follows "close to" goes too.
_QUALIFIERS = re.compile(r"\b(?:" + "|".join(sorted(_NOT_WHO, key=lambda w: (-len(w), w))) + r"|close to .*)\b",
                         re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Origin:
    key: str
    label: str  # how the explanation names it: "anonymous U.S. intelligence officials"
    party: str = ""  # the party several labels share, for a government: "the government of Iran"


def _government_origin(description: str, label: str, is_government: bool) -> Origin | None:
    country = government_of(description, is_government)
    if country is None:
        return None
    return Origin(f"gov:{country.name.casefold()}", label, f"the government of {country.name}")


def _norm(text: str) -> str:
    text = text.replace("’", "'").casefold()
    text = re.sub(r"^the\s+", "", text)
    return " ".join(re.sub(r"[^\w.' -]", " ", text).split())


def root_article(article: Article, articles: dict[str, Article]) -> Article:
    """The article a syndicated copy repeats (following ``duplicate_of``), else the article itself."""
    seen = {article.id}
    while article.duplicate_of and article.duplicate_of in articles and article.duplicate_of not in seen:
        article = articles[article.duplicate_of]
        seen.add(article.id)
    return article


def outlet_origin(article: Article, articles: dict[str, Article]) -> Origin:
    root = root_article(article, articles)
    if root.outlet:
        return Origin(f"outlet:{_norm(root.outlet)}", root.outlet)
    return Origin(f"article:{root.id}", f"the reporting of {root.label}")


def written_up(article: Article, attributions: Sequence[Attribution], articles: dict[str, Article]) -> Origin | None:
    """The outlet whose report ``article`` writes up, when its headline or lead credits one ("…, reported The Wall
    Street Journal"; "NYT Report: …"): what the article then says in its own voice comes from that report, so it
    is that outlet's voice, not a second origin beside it."""
    lead_end = _lead_end(article)
    own = outlet_origin(article, articles)
    for attribution in sorted(attributions, key=lambda a: a.cue.start):
        if attribution.cue.start >= lead_end:
            break
        outlet = _credited_outlet(attribution)
        if outlet and f"outlet:{_norm(outlet)}" != own.key:
            return Origin(f"outlet:{_norm(outlet)}", outlet)
    return None


#: A lead paragraph has at least this many words; shorter lines after a headline are datelines or bylines.
_LEAD_MIN_WORDS = 8


def _lead_end(article: Article) -> int:
    """Where the lead ends: after the headline (when the text opens with the title) and the first paragraph."""
    offset = 0
    for line in article.text.splitlines(keepends=True):
        offset += len(line)
        headline = offset == len(line) and article.title and line.strip() == article.title.strip()
        if not headline and len(line.split()) >= _LEAD_MIN_WORDS:
            break
    return offset


def _credited_outlet(attribution: Attribution) -> str | None:
    """The outlet an attribution credits: its source, or the outermost relay, when that is a news outlet."""
    if attribution.source is not None and (outlet := _outlet_source(attribution.source)):
        return outlet
    return next((relay.text for relay in attribution.via if relay.kind == SourceKind.MEDIA), None)


def _outlet_source(source: SourceSpan) -> str | None:
    """The outlet a source is: a news outlet, or a report resolved to the outlet that published it ("NYT
    Report" → The New York Times)."""
    name = source.name
    if source.kind == SourceKind.MEDIA:
        return name
    if source.kind == SourceKind.DOCUMENT and source.resolved and names_an_outlet(name):
        return name
    return None


#: Cue lemmas of an act, not of saying: the extractor takes "responded to a call", "then ordered the driver",
#: "after attacking her", "then continued on foot" for speech cues.
ACT_LEMMAS = words("attack order continue about")
#: Cue words of an act: a police call ("responded to a call of shots fired"), a caption ("talks on a phone").
_ACT_CUES = re.compile(r"\b(?:calls? (?:of|about)|talks? on|responded to|responding to)\b", re.IGNORECASE)
#: The office a place was cut from: "Police in Oakland, California say" leaves the source "California".
_OFFICE_IN = re.compile(r"\b(?:police|officials|authorities|officers|deputies|investigators|prosecutors)\s+in\s+"
                        r"[\w .'’-]{1,40},\s*$", re.IGNORECASE)


def says_something(attribution: Attribution) -> bool:
    """Whether the attribution is a source saying something, not an act the extractor took for a cue
    ("officers responded to a robbery at 2041 Hubert", "after attacking her", a caption's "talks on a phone")."""
    cue = attribution.cue
    lemma = cue.lemma.split()[-1] if cue.lemma else ""
    if lemma in ACT_LEMMAS or _ACT_CUES.search(cue.text):
        return False
    return lemma != "respond" or bool(re.match(r"^\W*(?:[“\"‘']|that\b|by saying\b)", attribution.content.text,
                                                re.IGNORECASE))


def _cut_place(source: SourceSpan, article: Article) -> bool:
    """A source that is the place an office was named with ("Police in Oakland, California say"): the office
    spoke, and the extractor kept only the place."""
    return bool(_OFFICE_IN.search(article.text[max(0, source.start - 80):source.start]))


def origin(attribution: Attribution | None, article: Article, articles: dict[str, Article],
           own_voice: Origin | None = None) -> Origin:
    """Where what ``attribution`` says (None: the outlet's own statement in ``article``) comes from;
    ``own_voice``: the origin of the article's own statements when it is not its outlet (``written_up``).
    An attribution that says nothing (``says_something``) is the outlet's narration."""
    if attribution is not None and (not says_something(attribution) or (
            attribution.source is not None and _cut_place(attribution.source, article))):
        attribution = None
    source = attribution.source if attribution else None
    if source is None and attribution and attribution.via:  # no source of its own: the last relay said it
        relay = attribution.via[-1]
        if relay.kind == SourceKind.MEDIA:
            return Origin(f"outlet:{_norm(relay.text)}", relay.text)
        government = _government_origin(relay.text, relay.text, relay.kind == SourceKind.GOVERNMENT)
        if government:
            return government
        return Origin(f"entity:{relay.entity}" if relay.entity else f"name:{_norm(relay.text)}", relay.text)
    if source is None:
        return own_voice or outlet_origin(article, articles)
    name = source.name
    if source.kind == SourceKind.ANONYMOUS:
        described = source.affiliation or _QUALIFIERS.sub(" ", source.anonymity or name)
        key = _norm(described) or _norm(name)
        who = source.affiliation or source.anonymity or name
        label = f"anonymous {_anonymous_label(who, name)}"
        return _government_origin(_anonymous_office(source.affiliation, name), label, False) or \
            Origin(f"anon:{key}", label)
    if outlet := _outlet_source(source):
        return Origin(f"outlet:{_norm(outlet)}", outlet)
    government = _government_origin(name, name, source.kind == SourceKind.GOVERNMENT)
    if government:
        return government
    if source.entity:
        return Origin(f"entity:{source.entity}", name)
    return Origin(f"name:{_norm(name)}", name)


_HEADS = re.compile(r"\b(officials?|sources?|people|aides?|diplomats?|officers?|analysts?|experts?|spokes\w+|members?"
                    r"|residents?|witness\w*)\b", re.IGNORECASE)


def _anonymous_office(affiliation: str | None, name: str) -> str:
    """What an anonymous source is, for telling a government's officials from its nationals: the affiliation
    and the head noun ("U.S. intelligence" + "officials"; "Iranian" + "witnesses"), else the name."""
    head = _HEADS.search(name)
    return f"{affiliation} {head.group(1)}" if affiliation and head else name


def _anonymous_label(who: str, name: str) -> str:
    """"U.S. intelligence" + "Senior U.S. intelligence officials close to …" → "U.S. intelligence officials"."""
    head = _HEADS.search(name)
    noun = head.group(1).lower() if head else "sources"
    noun = noun if noun.endswith(("s", "people")) or noun.startswith("witness") else noun + "s"
    return who if who.casefold().endswith(noun) or _HEADS.search(who) else f"{who} {noun}"


def origin_labels(origins: list[Origin]) -> list[str]:
    """One label per origin key; a party named by several labels (one government's ministry and officials)
    reads "the government of Iran: anonymous Iranian officials, the Iranian Defense Ministry"."""
    by_key: dict[str, dict[str, None]] = defaultdict(dict)
    parties = {}
    for found in origins:
        by_key[found.key][found.label] = None
        parties[found.key] = found.party
    return sorted(f"{parties[key]}: {', '.join(sorted(labels))}" if len(labels) > 1 and parties[key]
                  else next(iter(labels)) for key, labels in by_key.items())


def speaks(attribution: Attribution) -> bool:
    """Whether the attribution's end is someone who can say things: not "the drones", "This", "recent years";
    and whether it says anything ("officers responded to a shooting call" does not)."""
    if not says_something(attribution):
        return False
    if attribution.source is not None:
        return attribution.source.kind != SourceKind.UNKNOWN
    return not attribution.via or attribution.via[-1].kind != SourceKind.UNKNOWN
