"""What the parse rules leave open: what kind of source speaks, whom a pronoun or "the report" stands for,
which outlets relayed a claim (``via``), what stance the cue takes, and which next sentence continues a
reported content. Works on ``Draft`` attributions and turns them into ``Attribution`` records.
"""

from __future__ import annotations

import bisect
import heapq
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpanType

from newsledger.extract import antecedents, cues
from newsledger.extract.cues import Range
from newsledger.extract.reading import reading
from newsledger.records import (
    Attribution,
    CueSpan,
    Relay,
    SourceKind,
    SourceSpan,
    Span,
    Stance,
    pieces,
)

EntityAt = Callable[[int, int], "str | None"]


@dataclass(slots=True)
class Draft:
    """An attribution before ids, kinds, relays and stance are settled."""

    cue: Range
    cue_token: Token
    content: Range
    source: Range | None = None
    source_token: Token | None = None
    direct: bool = False
    via: list[Relay] = field(default_factory=list)
    relay: Relay | None = None  # set when the source was handed over to whom a report cited
    gaps: list[Range] = field(default_factory=list)  # narration between the pieces of the content
    resolved: tuple[str, Range] | None = None  # the named antecedent of a pronoun or "the report"

    def holes(self) -> list[Range]:
        """What the content runs around and does not report: the source, the cue, the narration."""
        return [hole for hole in (self.source, self.cue, *self.gaps) if hole is not None]


def text_of(doc: Doc) -> str:
    """``doc.text``, kept for the doc being processed."""
    return reading(doc).text


def sentence(token: Token) -> SpanType:
    """The token's sentence, found from sentence-start flags: ``Token.sent`` rescans the whole doc."""
    doc = token.doc
    starts = reading(doc).sentence_starts
    k = bisect.bisect_right(starts, token.i) - 1
    return doc[starts[k]:starts[k + 1] if k + 1 < len(starts) else len(doc)]


# --- continuation sentences ------------------------------------------------------------------------------

def extend_continuations(drafts: list[Draft], doc: Doc) -> None:
    """"According to X, three drones were launched. The third hit the building." — a next sentence in the
    same paragraph with no cue of its own and an elliptical subject ("The third", "It") goes on reporting."""
    cue_starts = sorted(d.cue[0] for d in drafts)
    for draft in drafts:
        if draft.direct:
            continue
        while (following := _continuation(draft, doc, cue_starts)) is not None:
            draft.content = (draft.content[0], following)


def _continuation(draft: Draft, doc: Doc, cue_starts: list[int]) -> int | None:
    sent = doc.char_span(*draft.content, alignment_mode="expand")
    if sent is None:
        return None
    last = sentence(sent[-1])
    if draft.content[1] < _content_end(last) or last.end >= len(doc) or draft.cue[0] > draft.content[1]:
        return None
    following = sentence(doc[last.end])
    if "\n" in text_of(doc)[last.end_char:following.start_char] or any(
        following.start_char <= start < following.end_char for start in cue_starts
    ):
        return None
    subject = next((c for c in following.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or not _elliptical(subject):
        return None
    return _content_end(following)


def _content_end(sent) -> int:
    end = sent.end - 1
    while end > sent.start and sent.doc[end].is_punct:
        end -= 1
    return sent.doc[end].idx + len(sent.doc[end])


def _elliptical(subject: Token) -> bool:
    """A subject that leans on the previous sentence: "it", "they", or a numeral/ordinal with no noun."""
    if subject.lower_ in cues.CONTINUING_PRONOUNS:
        return True
    return subject.like_num or subject.lower_ in cues.ORDINALS


# --- assembling records ----------------------------------------------------------------------------------

def assemble(drafts: list[Draft], doc: Doc, article_id: str, entity_at: EntityAt | None,
             outlet: str | None = None) -> list[Attribution]:
    """Records with kinds, stance, resolved antecedents and relays (the article's own outlet is none), in
    document order of the cue."""
    entity_at = entity_at or (lambda start, end: None)
    drafts = _hand_over_citations(drafts, doc)
    kinds = {id(d): _kind(d, doc) for d in drafts}
    outlets: list[tuple[str, Range]] = []  # the outlets earlier drafts speak through, but the article's own
    for index, draft in enumerate(drafts):
        draft.resolved = _antecedent(draft, drafts[:index], kinds, doc, outlet, outlets)
        if draft.resolved is not None and draft.source_token.pos_ != "PRON" \
                and kinds[id(draft)] is not SourceKind.DOCUMENT:  # a document resolves to its publisher
            kinds[id(draft)] = _referent_kind(draft.resolved[1], doc) or kinds[id(draft)]
        speaking = _outlet_of(draft, kinds, doc)
        if speaking is not None and not names_outlet(speaking[0], outlet):
            outlets.append(speaking)
    containers, chains = _containers(drafts), {}
    for draft in drafts:
        draft.via = [r for r in _relays(draft, containers, chains, kinds, doc, entity_at)
                     if not (r.kind is SourceKind.MEDIA and names_outlet(r.text, outlet))]
    said = [d for d in drafts if _says_something(d, doc)]  # after the chains, which such a draft may carry
    return [_record(d, kinds[id(d)], doc, article_id, n, entity_at) for n, d in enumerate(said)]


def _says_something(draft: Draft, doc: Doc) -> bool:
    """Whether the content has words beyond the source, cue and narration it runs around (a cue run inside
    its own source's phrase leaves none: "Emails … now deemed classified")."""
    return bool(pieces(text_of(doc), draft.content, draft.holes()))


def _named_entity(draft: Draft, entity_at: EntityAt) -> str | None:
    """The entity the source names: its head's, or an apposition's ("Iran's foreign minister, Hossein Amir
    Abdollahian"); a name's own words when the head is a proper noun; never one that only modifies another word
    ("the Biden administration" is not Biden, "One of Trump's lawyers" not Trump)."""
    head = draft.source_token
    if head is None or not draft.source[0] <= head.idx < draft.source[1]:
        return entity_at(*draft.source)
    for token in (head, *(c for c in head.children if c.dep_ == "appos")):
        if found := entity_at(token.idx, token.idx + len(token)):
            return found
    return entity_at(*draft.source) if head.pos_ == "PROPN" else None


def _record(draft: Draft, kind: SourceKind, doc: Doc, article_id: str, n: int, entity_at: EntityAt) -> Attribution:
    text = text_of(doc)
    source = None
    if draft.source is not None:
        entity_span = draft.resolved[1] if draft.resolved else draft.source
        anonymity, affiliation = _anonymity(draft) if kind is SourceKind.ANONYMOUS else (None, None)
        source = SourceSpan(
            text=text[draft.source[0]:draft.source[1]],
            start=draft.source[0],
            end=draft.source[1],
            kind=kind,
            entity=None if kind is SourceKind.ANONYMOUS else  # "U.S. officials" are not the U.S.
            entity_at(*entity_span) if draft.resolved else _named_entity(draft, entity_at),
            resolved=draft.resolved[0] if draft.resolved else None,
            anonymity=anonymity,
            affiliation=affiliation,
        )
    cue_text = text[draft.cue[0]:draft.cue[1]]
    return Attribution(
        id=f"{article_id}:a{n}",
        article=article_id,
        source=source,
        cue=CueSpan(cue_text, *draft.cue, lemma=_lemma(draft.cue_token)),
        content=Span.of(text, *draft.content),
        direct=draft.direct,
        stance=stance(draft, doc),
        via=draft.via,
        gaps=[Span.of(text, *gap) for gap in draft.gaps],
    )


def _lemma(token: Token) -> str:
    if token.lower_ == "according":
        return "according to"
    return token.lemma_.lower()


# --- source kinds ---------------------------------------------------------------------------------------

def source_kind(head: Token | None, doc: Doc, span: Range | None) -> SourceKind:
    """Person, organisation, government, anonymous, media, document or unknown, from the head noun,
    the named entities inside the source and the lexicons in ``cues``."""
    if head is None or span is None:
        return SourceKind.UNKNOWN
    text = text_of(doc)[span[0]:span[1]]
    lemma = head.lemma_.lower()
    name = _name_of(head, span).lower()
    outlet = cues.names_an_outlet(name) or _outlet_name(head, doc, span)
    if lemma in cues.SOURCE_DOCUMENTS and not (outlet and head.pos_ == "PROPN"):  # "a Bloomberg poll", not "The Post"
        return SourceKind.DOCUMENT
    if outlet or lemma in cues.MEDIA_NOUNS:
        return SourceKind.MEDIA
    if head.lower_ in cues.PERSON_PRONOUNS:
        return SourceKind.PERSON
    if head.ent_type_ == "PERSON" or (head.pos_ == "PROPN" and _has_entity(doc, span, "PERSON")):
        return SourceKind.PERSON
    if head.pos_ == "PROPN" and head.ent_type_ not in _PLACES and antecedents.people(doc).bears(head.lower_):
        return SourceKind.PERSON  # "Trump", which the tagger read as an organisation here, is a person elsewhere
    if lemma in cues.ANONYMOUS_NOUNS and not _has_entity(doc, (span[0], head.idx + len(head)), "PERSON"):
        return SourceKind.ANONYMOUS
    if lemma in cues.ROLE_NOUNS:  # "the minister" is someone; "a federal judge", "two senators" are unnamed
        indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in head.children)
        unnamed = head.tag_ == "NNS" and not _has_entity(doc, span, "PERSON")  # not "Senators Schumer and Durbin"
        return SourceKind.ANONYMOUS if indefinite or unnamed else SourceKind.PERSON
    if lemma in cues.GOVERNMENT_NOUNS or head.ent_type_ == "GPE" or any(w in text for w in cues.GOVERNMENT_WORDS):
        return SourceKind.GOVERNMENT
    if lemma in cues.ORGANIZATION_NOUNS:  # "the committees", before plural people
        return SourceKind.ORGANIZATION
    if _unnamed_people(head):
        return SourceKind.ANONYMOUS
    if head.ent_type_ in ("ORG", "NORP"):
        return SourceKind.ORGANIZATION
    return SourceKind.UNKNOWN


def _outlet_name(head: Token, doc: Doc, span: Range) -> bool:
    """A proper name the list of outlets lacks but whose words make it one ("The Denver Post", "RT", "Christian
    News Service")."""
    if head.pos_ != "PROPN" or head.ent_type_ == "PERSON":  # "Dr. Anna Herald"
        return False
    if head.lower_ in cues.OUTLET_HEADS:
        return True
    start = min(span[0], head.idx)  # a source cut below a dateline may start after its parse head
    words = doc.char_span(start, head.idx + len(head), alignment_mode="expand") or ()
    return any(t.lower_ == "news" and t.pos_ == "PROPN" for t in words)


#: Entity labels the tagger is trusted on over a surname the article gives a person ("Washington", "Israel").
_PLACES = frozenset(("GPE", "LOC", "NORP"))


def _unnamed_people(head: Token) -> bool:
    """"Voting rights advocates", "Republicans", "Some", "Twelve percent": people the text counts but does not
    name — a group of people by nationality or party, or a plural agent noun ("advocates", "physicians",
    "journalists"; not "the nuclear facilities")."""
    if head.lower_ in cues.SHARE_WORDS:
        return True
    if head.tag_ not in ("NNS", "NNPS"):
        return False
    lemma = head.lemma_.lower()
    return head.ent_type_ == "NORP" or (not head.ent_type_ and lemma.endswith(cues.AGENT_SUFFIXES)
                                        and not lemma.endswith("ment") and lemma not in cues.NOT_AGENTS)


def _name_of(head: Token, span: Range) -> str:
    """The source up to its head noun: "David Frum, … editor of The Atlantic" is named "David Frum"."""
    doc = head.doc
    start = max(span[0], head.left_edge.idx)
    return text_of(doc)[start:head.idx + len(head)]


def _has_entity(doc: Doc, span: Range, label: str) -> bool:
    return any(e.label_ == label and span[0] <= e.start_char < span[1] for e in _entities(doc))


def _anonymity(draft: Draft) -> tuple[str | None, str | None]:
    """The descriptor of an unnamed source and its affiliation: named entities, noun modifiers and an
    institution's adjective before the head ("Senior U.S. intelligence officials" -> "U.S. intelligence", "a
    federal judge" -> "federal"), or a group's own name ("Republicans said")."""
    head = draft.source_token
    doc = head.doc
    descriptor = text_of(doc)[draft.source[0]:draft.source[1]]
    words = [t for t in doc[head.left_edge.i:head.i] if t.idx >= draft.source[0]]
    official = head.lemma_.lower() in cues.OFFICIAL_NOUNS
    kept = [t for t in words if _places(t, official) and t.lower_ not in cues.RANK_WORDS]
    if not kept:
        return descriptor, head.text if head.ent_type_ == "NORP" else None
    affiliation = doc[kept[0].i:kept[-1].i + 1]
    if any(t.lower_ in cues.RANK_WORDS for t in affiliation):
        affiliation_text = " ".join(t.text for t in kept)
    else:
        affiliation_text = affiliation.text
    return descriptor, affiliation_text


def _places(word: Token, official: bool) -> bool:
    """Whether a modifier of unnamed people says where they belong: a named place, group or organisation, a
    common noun ("police officials"), an outlet's call sign ("RT journalists"; not a person's name, "Clinton
    aides"), an institution's adjective for people who serve one (``official``: "federal prosecutors", not
    "local residents" or "military analysts"), or the "and" and conjunct that join two such words ("local and
    state officials")."""
    if word.dep_ in ("cc", "conj") and word.head.dep_ in ("amod", "compound"):
        return _places(word.head, official) and (word.dep_ == "cc" or word.pos_ in ("ADJ", "NOUN", "PROPN"))
    return bool(word.ent_type_ in ("GPE", "NORP", "ORG")
                or (word.dep_ == "compound" and (word.pos_ != "PROPN" or word.lower_ in cues.CALL_SIGNS))
                or (word.dep_ == "cc" and word.head.ent_type_)
                or (official and word.dep_ == "amod" and word.lower_ in cues.INSTITUTION_ADJECTIVES))


# --- antecedents ----------------------------------------------------------------------------------------

def _relative_antecedent(head: Token) -> Token | None:
    """The noun a relative pronoun source stands for: "the Federal Reserve, which said…" → Reserve."""
    if head.lower_ not in _RELATIVE_PRONOUNS or head.dep_ not in ("nsubj", "nsubjpass") or head.head.dep_ != "relcl":
        return None
    noun = head.head.head
    return noun if noun.pos_ in ("NOUN", "PROPN") else None


_RELATIVE_PRONOUNS = frozenset(("who", "which", "that"))


def _referent_kind(span: Range, doc: Doc) -> SourceKind | None:
    """The kind of the name a descriptor stands for: "the agency" is the International Atomic Energy Agency's,
    not an outlet's."""
    named = doc.char_span(*span, alignment_mode="expand")
    kind = source_kind(named.root, doc, span) if named is not None else SourceKind.UNKNOWN
    return kind if kind is not SourceKind.UNKNOWN else None


def _kind(draft: Draft, doc: Doc) -> SourceKind:
    """The source's kind; a relative pronoun's is its antecedent's ("officials, who said" are anonymous)."""
    noun = _relative_antecedent(draft.source_token) if draft.source_token is not None else None
    if noun is not None:
        return source_kind(noun, doc, (noun.left_edge.idx, noun.idx + len(noun)))
    return source_kind(draft.source_token, doc, draft.source)


def _antecedent(draft: Draft, earlier: list[Draft], kinds: dict, doc: Doc, outlet: str | None,
                outlets: list[tuple[str, Range]]) -> tuple[str, Range] | None:
    """A pronoun source stands for the nearest earlier compatible source or named person; "the report" for
    the outlet that published it (the subject that released it, or the nearest earlier outlet)."""
    head = draft.source_token
    if head is None or draft.resolved is not None:
        return draft.resolved
    lemma = head.lower_
    noun = _relative_antecedent(head)
    if noun is not None:  # "Glenn Beck, who said…"; "senators who say…" stand for no one named
        span = (noun.left_edge.idx, noun.idx + len(noun))
        return (text_of(doc)[span[0]:span[1]], span) if noun.pos_ == "PROPN" else None
    if lemma in cues.PERSON_PRONOUNS:  # not "I": outside a quotation that is the writer
        return antecedents.people(doc).pronoun(head, draft.source[0]) if lemma != "i" else None
    if head.lemma_.lower() in cues.SOURCE_DOCUMENTS and kinds[id(draft)] is SourceKind.DOCUMENT:  # not "The Post"
        return _named_publisher(head) or _publisher(draft, earlier, kinds, doc)
    if lemma in ("it", "they"):
        for other in reversed(earlier):
            if other.source and kinds[id(other)] not in (SourceKind.PERSON, SourceKind.UNKNOWN):
                return _named(other, doc)
    # a singular common noun ("daily" is often read as an adverb), with no article but "the"
    outlet_noun = _lemma(head) in _OUTLET_DESCRIPTORS
    if ((head.tag_ == "NN" or (outlet_noun and head.tag_ not in ("NNS", "NNP", "NNPS")))
            and not any(c.dep_ == "det" and c.lower_ != "the" for c in head.children)):
        return (antecedents.people(doc).described(head, draft.source[0])  # "the mayor", not "a senator"
                or _same_head_name(head, draft.source[0], doc)
                or (_earlier_outlet(draft.source[0], outlets, doc, outlet) if outlet_noun else None))
    return None


#: Nouns that, as a descriptor, stand for an outlet ("the influential US daily"); not "agency", which is as
#: often a government's ("the agency said in a June report" after the Congressional Budget Office).
_OUTLET_DESCRIPTORS = cues.MEDIA_NOUNS - {"agency"}


def _same_head_name(head: Token, before: int, doc: Doc) -> tuple[str, Range] | None:
    """"The ministry" for the nearest earlier name headed by that noun ("Iran's Defense Ministry"), "the
    agency" for "the International Atomic Energy Agency"."""
    if not head.text.islower():  # "Trump", read as a common noun, is a name
        return None
    names = _names_by_head(doc).get(_lemma(head), [])
    found = bisect.bisect_right(names, before, key=lambda name: name[1][1])
    return names[found - 1] if found else None


@lru_cache(maxsize=1)
def _names_by_head(doc: Doc) -> dict[str, list[tuple[str, Range]]]:
    """The doc's names of more than one word that end in their head noun, by that noun (lower-cased), in text
    order: read once per doc, so that each descriptor bisects."""
    names: dict[str, list[tuple[str, Range]]] = {}
    for entity in _entities(doc):
        root = entity.root
        if entity.label_ != "PERSON" and len(entity) > 1 and root.i == entity.end - 1 and root.pos_ == "PROPN":
            names.setdefault(root.lower_, []).append((entity.text, (entity.start_char, entity.end_char)))
    return names


def _outlet_of(draft: Draft, kinds: dict, doc: Doc) -> tuple[str, Range] | None:
    """The outlet a draft speaks through: its relay, else its source when that is a named outlet."""
    if draft.relay is not None and draft.relay.kind is SourceKind.MEDIA:
        return draft.relay.text, (draft.relay.start, draft.relay.end)
    if draft.source and kinds[id(draft)] is SourceKind.MEDIA and (
            draft.resolved or draft.source_token is not None and draft.source_token.pos_ == "PROPN"):
        return _named(draft, doc)
    return None


def _earlier_outlet(before: int, outlets: list[tuple[str, Range]], doc: Doc,
                    own: str | None) -> tuple[str, Range] | None:
    """"The influential US daily" for the nearest outlet named before, other than the article's own (which
    calls itself by its name): one an earlier attribution speaks through (``outlets``), else a name of the
    text that is an outlet's ("RT hired Larry King. The network said …")."""
    if outlets:
        return outlets[-1]
    named = _outlet_names(doc, own)
    found = bisect.bisect_right(named, before, key=lambda name: name[1][1])
    return named[found - 1] if found else None


@lru_cache(maxsize=1)
def _outlet_names(doc: Doc, own: str | None) -> list[tuple[str, Range]]:
    """The names of outlets in the doc but the article's own, by where they end (then longest first): entities
    an outlet's list or words name, and the call signs the entity tagger misses ("RT hired Larry King"), not
    words of other names ("Times Square")."""
    named = [(entity.text, (entity.start_char, entity.end_char)) for entity in _entities(doc)
             if entity.label_ != "PERSON"
             and (cues.names_an_outlet(entity.text.lower()) or entity.root.lower_ in cues.OUTLET_HEADS)]
    read = reading(doc)
    named += [(read.orth[i], (read.idx[i], read.ends[i])) for i in range(read.n)
              if read.lower[i] in cues.CALL_SIGNS and read.pos[i] == "PROPN" and not read.ent[i]
              and read.dep[i] != "compound"]
    named = [name for name in named if not names_outlet(name[0], own)]
    return sorted(dict.fromkeys(named), key=lambda name: (name[1][1], -name[1][0], name[0]))


def _named(draft: Draft, doc: Doc) -> tuple[str, Range]:
    if draft.resolved is not None:
        return draft.resolved
    return text_of(doc)[draft.source[0]:draft.source[1]], draft.source


def forget() -> None:
    """Drop what was read of the last doc (its entities, names, people), so that a doc changed since
    (retokenized) is read anew."""
    for cached in (_entities, _names_by_head, _outlet_names, antecedents.people):
        cached.cache_clear()


@lru_cache(maxsize=1)
def _entities(doc: Doc) -> tuple[SpanType, ...]:
    """The doc's named entities, read once per doc: ``doc.ents`` is rebuilt from the tokens on every access,
    which made an article of thousands of attributions quadratic."""
    return tuple(doc.ents)


def _named_publisher(head: Token) -> tuple[str, Range] | None:
    """"NYT Report: …", "a CNN report": the outlet named before the document noun (abbreviations spelt out)."""
    for child in head.lefts:
        if child.dep_ in ("compound", "poss") and child.pos_ == "PROPN":
            words = child.lower_
            name = cues.OUTLET_ABBREVIATIONS.get(words)
            if name is None and any(words == outlet.removeprefix("the ") for outlet in cues.MEDIA_NAMES):
                name = child.text
            if name is not None:
                return name, (child.idx, child.idx + len(child))
    return None


def _publisher(draft: Draft, earlier: list[Draft], kinds: dict, doc: Doc) -> tuple[str, Range] | None:
    head = draft.source_token
    governor = head.head
    if head.dep_ in ("dobj", "pobj") and governor.pos_ == "VERB":
        subject = next((c for c in governor.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            start, end = subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge)
            return text_of(doc)[start:end], (start, end)
    for other in reversed(earlier):
        if other.relay is not None and other.relay.kind is SourceKind.MEDIA:
            return other.relay.text, (other.relay.start, other.relay.end)
        if other.source and kinds[id(other)] is SourceKind.MEDIA:
            return _named(other, doc)
    return None


# --- citations and relays -------------------------------------------------------------------------------

def _hand_over_citations(drafts: list[Draft], doc: Doc) -> list[Draft]:
    """"…, the Times reported. The report cited Israeli officials." — the cited people become the origin of
    the report's attribution and the outlet its relay; the citing sentence is no attribution of its own."""
    kept: list[Draft] = []
    for draft in drafts:
        cited = _cited(draft)
        target = _cited_report(kept, draft, doc) if cited is not None else None
        if target is None:
            kept.append(draft)
            continue
        outlet = target.resolved or _named(target, doc) if target.source else None
        kind = source_kind(target.source_token, doc, target.source)
        if outlet is not None:
            if kind is SourceKind.DOCUMENT:
                publisher = _publisher(target, kept, {id(d): source_kind(d.source_token, doc, d.source)
                                                      for d in kept}, doc)
                outlet = publisher or outlet
                kind = SourceKind.MEDIA if publisher else kind
            target.relay = Relay(outlet[0], outlet[1][0], outlet[1][1], kind=kind)
        target.source, target.source_token, target.resolved = cited
    return kept


def _cited(draft: Draft) -> tuple[Range, Token, None] | None:
    """A "cite"/"quote" cue whose subject is a report or outlet and whose object names people, either as an
    object ("cited a senior official") or heading a participle ("cited officials briefed on…")."""
    head, verb = draft.source_token, draft.cue_token
    if _lemma(verb) not in ("cite", "quote") or head is None:
        return None
    if head.lemma_.lower() not in cues.SOURCE_DOCUMENTS | cues.MEDIA_NOUNS and not _is_outlet(head):
        return None
    people = cues.ANONYMOUS_NOUNS | cues.ROLE_NOUNS
    for child in verb.rights:
        if child.dep_ == "dobj" and (child.lemma_.lower() in people or child.ent_type_ == "PERSON"):
            return _phrase(child, child), child, None
        subject = next((c for c in child.children if c.dep_ == "nsubj"), None) if child.dep_ == "ccomp" else None
        if subject is not None and subject.lemma_.lower() in people:
            return _phrase(subject, child), subject, None
    return None


def _is_outlet(token: Token) -> bool:
    return cues.names_an_outlet(sentence(token).text) and token.ent_type_ == "ORG"


def _phrase(first: Token, last: Token) -> Range:
    doc = first.doc
    start, end = first.left_edge.idx, last.right_edge.idx + len(last.right_edge)
    while end > start and not text_of(doc)[end - 1].isalnum():
        end -= 1
    return start, end


def _cited_report(kept: list[Draft], citing: Draft, doc: Doc) -> Draft | None:
    """The nearest earlier attribution, at most two sentences back, whose source is an outlet or report."""
    start = sentence(citing.cue_token).start
    for other in reversed(kept):
        if other.source_token is None or start - sentence(other.cue_token).start > 80:
            continue
        kind = source_kind(other.source_token, doc, other.source)
        if kind in (SourceKind.MEDIA, SourceKind.DOCUMENT):
            return other
    return None


def _relays(draft: Draft, containers: dict[int, Draft | None], chains: dict[int, list[Relay]], kinds: dict,
            doc: Doc, entity_at: EntityAt) -> list[Relay]:
    """Outer attributions whose content holds this cue (those that report it, not those that merely believe
    it), outermost first, then outlets the source spoke to. ``chains`` keeps each draft's chain once made."""
    if id(draft) in chains:
        return chains[id(draft)]
    chains[id(draft)] = []  # a draft met again while its own chain is being made adds nothing
    chain: list[Relay | None] = []
    outer = containers[id(draft)]
    if outer is not None:
        chain = list(_relays(outer, containers, chains, kinds, doc, entity_at))
        if outer.cue_token.lemma_.lower() not in cues.ATTITUDE_LEMMAS:
            chain.append(_as_relay(outer, kinds, doc, entity_at))
    if draft.relay is not None:
        chain.append(_with_entity(draft.relay, entity_at))
    chain.extend(_outlets_spoken_to(draft, doc, entity_at))
    chains[id(draft)] = [relay for relay in chain if relay is not None]
    return chains[id(draft)]


def names_outlet(name: str, outlet: str | None) -> bool:
    """Whether ``name`` ("The Washington Post", "The Post", "USA TODAY's video series") names the outlet
    given as a name or slug ("The Washington Post", "wash-post", "nyt", "washingtonpost.com"): the outlet's
    words begin the name's words in order, or are its initials; a short form ("The Post") names it when
    the full name it shortens (from ``cues.MEDIA_NAMES``) does."""
    if not outlet:
        return False
    wanted = _outlet_words(outlet)
    words = _outlet_words(name)
    if not wanted or not words:
        return False
    full_names = [_outlet_words(full) for full in cues.MEDIA_NAMES if _abbreviates(wanted, _outlet_words(full))]
    return _abbreviates(wanted, words) or any(len(words) == 1 and full[-1] == words[0] for full in full_names)


def _outlet_words(name: str) -> list[str]:
    lowered = re.sub(r"(?:'s|’s)\b", "", name.lower())
    lowered = re.sub(r"^(?:https?://)?(?:www\.)?|\.(?:com|org|net|co\.uk)\b.*$", "", lowered)
    return [w for w in re.split(r"[^a-z0-9]+", lowered) if w and w != "the"]


def _abbreviates(wanted: list[str], words: list[str]) -> bool:
    """"wash post" begins "washington post …" (a one-word outlet must be the whole first word: "hill" does
    not begin "hillary"); "nyt" is the initials of "new york times"; "huffpost" is "huff post" written solid."""
    if len(wanted) == 1 and words[0] == wanted[0]:
        return True
    if 1 < len(wanted) <= len(words) and all(w.startswith(x) for x, w in zip(wanted, words)):
        return True
    solid = "".join(wanted)
    return solid == "".join(words) or (len(words) > 1 and solid == "".join(w[0] for w in words))


def _containers(drafts: list[Draft]) -> dict[int, Draft | None]:
    """For each draft, the draft with the shortest content holding its cue (not one whose cue its own content
    holds: two attributions of one sentence do not report each other), the first of equals. A sweep over cue
    starts keeps only the contents open there: the cost per cue is the number of contents holding it, small
    in news text however long the article (it was a scan of every attribution)."""
    by_start = sorted(range(len(drafts)), key=lambda n: drafts[n].content[0])
    open_contents: list[tuple[int, int]] = []  # heap of (content end, draft number)
    found: dict[int, Draft | None] = {}
    k = 0
    for n in sorted(range(len(drafts)), key=lambda n: drafts[n].cue[0]):
        draft, position = drafts[n], drafts[n].cue[0]
        while k < len(by_start) and drafts[by_start[k]].content[0] <= position:
            heapq.heappush(open_contents, (drafts[by_start[k]].content[1], by_start[k]))
            k += 1
        while open_contents and open_contents[0][0] <= position:
            heapq.heappop(open_contents)
        holders = [(drafts[m].content[1] - drafts[m].content[0], m) for _, m in open_contents
                   if m != n and not draft.content[0] <= drafts[m].cue[0] < draft.content[1]]
        found[id(draft)] = drafts[min(holders)[1]] if holders else None
    return found


def _as_relay(draft: Draft, kinds: dict, doc: Doc, entity_at: EntityAt) -> Relay | None:
    if draft.source is None:
        return None
    start, end = draft.source
    return _with_entity(Relay(text_of(doc)[start:end], start, end, kind=kinds[id(draft)]), entity_at)


def _with_entity(relay: Relay, entity_at: EntityAt) -> Relay:
    return Relay(relay.text, relay.start, relay.end, relay.kind, entity_at(relay.start, relay.end))


def _outlets_spoken_to(draft: Draft, doc: Doc, entity_at: EntityAt) -> list[Relay]:
    """"officials close to The Wall Street Journal claimed…", "officials told The Times that…", "said on
    CNN", "told Bill O'Reilly of Fox News", "said in an interview with Cosmopolitan magazine"."""
    candidates: list[Token] = []
    if draft.source is not None:
        source = doc.char_span(*draft.source, alignment_mode="expand")
        candidates += [t for t in source if t.dep_ == "pobj" and t.head.lower_ == "to"
                       and t.head.head.lemma_.lower() in cues.SPOKEN_TO]
    cue = draft.cue_token
    lemma = cue.lemma_.lower()
    if lemma == "tell":
        candidates += [c for c in cue.children if c.dep_ in ("dobj", "dative")]
    for prep in (c for c in cue.children if c.dep_ == "prep"):
        if prep.lower_ in cues.CUE_PREPOSITIONS.get(lemma, ()):
            continue  # "commented on the CNN interview": what is said, not whom to
        for noun in (c for c in prep.children if c.dep_ == "pobj"):
            if draft.source and noun.idx < draft.source[1] and draft.source[0] < noun.idx + len(noun):
                continue  # "according to Politico": the outlet is the source, not a relay
            if prep.lower_ in ("on", "with") or (prep.lower_ == "to" and lemma in cues.SPOKEN_TO):
                candidates.append(noun)
            elif noun.lemma_.lower() in cues.STATEMENT_NOUNS:  # "in an interview with …"
                candidates += [o for p in noun.children if p.dep_ == "prep" and p.lower_ in _TO_AN_OUTLET
                               for o in p.children if o.dep_ == "pobj"]
    relays = []
    for token in candidates:
        start, end = _name_span(token)
        if _is_outlet_span(token, doc, (start, end)):
            relays.append(_with_entity(Relay(text_of(doc)[start:end], start, end, SourceKind.MEDIA), entity_at))
    return relays


#: Prepositions by which a speaker reaches an outlet in a statement: "an interview with …", "remarks to …".
_TO_AN_OUTLET = frozenset(("on", "to", "with"))
#: What a relay's name takes along after its head: "Bill O'Reilly | of Fox News", not "the show | that he…".
_NAME_PARTS = frozenset(("prep", "compound", "appos", "nmod", "poss", "amod", "nummod", "det"))


def _name_span(head: Token) -> Range:
    """A relay's noun phrase without the clauses it governs."""
    end = max([head, *(c.right_edge for c in head.rights if c.dep_ in _NAME_PARTS)], key=lambda t: t.i)
    return head.left_edge.idx, end.idx + len(end)


def _is_outlet_span(head: Token, doc: Doc, span: Range) -> bool:
    """An outlet, a named programme, or a journalist named with their outlet ("Bill O'Reilly of Fox News");
    never a document ("the CNN report")."""
    if head.lemma_.lower() in cues.SOURCE_DOCUMENTS and head.pos_ != "PROPN":  # but "The Washington Post"
        return False
    words = doc.char_span(*span, alignment_mode="expand")
    named = words is not None and any(t.pos_ == "PROPN" for t in words)
    return (source_kind(head, doc, span) is SourceKind.MEDIA
            or (named and head.lemma_.lower() in cues.PROGRAMME_NOUNS)
            or cues.names_an_outlet(text_of(doc)[span[0]:span[1]]))


# --- stance ---------------------------------------------------------------------------------------------

def stance(draft: Draft, doc: Doc) -> Stance:
    """Declining to comment and denials beat hedges; hedging cues ("claim", "is believed", "seemed to
    think") and reported beliefs ("said he thinks") beat assertion. A negated speech cue ("didn't say",
    "could not explain") withholds the content."""
    token = draft.cue_token
    content = text_of(doc)[draft.content[0]:draft.content[1]].lower()
    lemma = _lemma(token)
    around = _around(draft, doc)
    if lemma in cues.DECLINE_LEMMAS or any(p in around for p in cues.DECLINE_PATTERNS):
        return Stance.DECLINES_TO_COMMENT
    if lemma in cues.DENY_LEMMAS or any(p in content for p in cues.DENIAL_PATTERNS):
        return Stance.DENIES
    cue_words = _cue_lemmas(draft, doc)
    if _negated(token) and lemma in cues.CUE_VERBS and not cue_words & cues.HEDGE_LEMMAS:
        return Stance.DECLINES_TO_COMMENT
    passive = any(c.dep_ == "auxpass" for c in token.children)
    if cue_words & cues.HEDGE_LEMMAS or (passive and lemma in cues.HEDGE_PASSIVES) or _reports_belief(draft, doc):
        return Stance.HEDGES
    return Stance.ASSERTS


def _cue_lemmas(draft: Draft, doc: Doc) -> set[str]:
    """Lemmas and lowercased words of the cue: "Claiming" at a sentence start may be lemmatised as a name."""
    span = doc.char_span(*draft.cue, alignment_mode="expand") or ()
    return {t.lemma_.lower() for t in span} | {t.lower_ for t in span}


def _negated(cue: Token) -> bool:
    """The cue's verb is negated ("has not said", "isn't saying much about"); a negated belief ("doesn't
    think") still hedges."""
    return any(c.dep_ == "neg" for c in cue.children)


def _reports_belief(draft: Draft, doc: Doc) -> bool:
    """"said he thinks …": the content opens with its own subject's belief, outside quotation marks (a quotation
    may follow: "…that she believes X, saying that "Y"")."""
    span = doc.char_span(*draft.content, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    quoted = cues.QUOTE_MARK.search(text_of(doc), draft.content[0], root.idx) is not None
    return not quoted and root.lemma_.lower() in cues.BELIEF_LEMMAS and any(
        c.dep_ == "nsubj" and c.i < root.i for c in root.children
    )


def _around(draft: Draft, doc: Doc) -> str:
    """The cue with a few words either side, where "has not confirmed or denied" is said."""
    token = draft.cue_token
    sent = sentence(token)
    start = doc[max(token.i - 4, sent.start)].idx
    end_token = doc[min(token.i + 4, sent.end - 1)]
    return text_of(doc)[start:end_token.idx + len(end_token)].lower()
