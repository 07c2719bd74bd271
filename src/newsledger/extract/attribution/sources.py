"""Who speaks: the kind of a source (person, organisation, government, anonymous, media, document), the
descriptor and affiliation of an unnamed one, and whom a pronoun, "the report" or "the ministry" stands for."""

from __future__ import annotations

import bisect

from spacy.tokens import Token

from newsledger.extract import cues
from newsledger.extract.attribution.document import Document
from newsledger.extract.attribution.draft import Draft, cue_lemma
from newsledger.extract.cues import Range
from newsledger.records import SourceKind


def source_kind(head: Token | None, document: Document, span: Range | None) -> SourceKind:
    """Person, organisation, government, anonymous, media, document or unknown, from the head noun,
    the named entities inside the source and the lexicons in ``cues``."""
    if head is None or span is None:
        return SourceKind.UNKNOWN
    text = document.text[span[0]:span[1]]
    lemma = head.lemma_.lower()
    name = _name_of(head, span, document).lower()
    outlet = cues.names_an_outlet(name) or _outlet_name(head, document, span)
    if lemma in cues.SOURCE_DOCUMENTS and not (outlet and head.pos_ == "PROPN"):  # "a Bloomberg poll", not "The Post"
        return SourceKind.DOCUMENT
    if outlet or lemma in cues.MEDIA_NOUNS:
        return SourceKind.MEDIA
    if head.lower_ in cues.PERSON_PRONOUNS:
        return SourceKind.PERSON
    if head.ent_type_ == "PERSON" or (head.pos_ == "PROPN" and _has_entity(document, span, "PERSON")):
        return SourceKind.PERSON
    if head.pos_ == "PROPN" and head.ent_type_ not in _PLACES and document.people.bears(head.lower_):
        return SourceKind.PERSON  # "Trump", which the tagger read as an organisation here, is a person elsewhere
    if lemma in cues.ANONYMOUS_NOUNS and not _has_entity(document, (span[0], head.idx + len(head)), "PERSON"):
        return SourceKind.ANONYMOUS
    if lemma in cues.ROLE_NOUNS:  # "the minister" is someone; "a federal judge", "two senators" are unnamed
        indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in head.children)
        unnamed = head.tag_ == "NNS" and not _has_entity(document, span, "PERSON")  # not "Senators Schumer and Durbin"
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


def _outlet_name(head: Token, document: Document, span: Range) -> bool:
    """A proper name the list of outlets lacks but whose words make it one ("The Denver Post", "RT", "Christian
    News Service")."""
    if head.pos_ != "PROPN" or head.ent_type_ == "PERSON":  # "Dr. Anna Herald"
        return False
    if head.lower_ in cues.OUTLET_HEADS:
        return True
    start = min(span[0], head.idx)  # a source cut below a dateline may start after its parse head
    words = document.doc.char_span(start, head.idx + len(head), alignment_mode="expand") or ()
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


def _name_of(head: Token, span: Range, document: Document) -> str:
    """The source up to its head noun: "David Frum, … editor of The Atlantic" is named "David Frum"."""
    start = max(span[0], head.left_edge.idx)
    return document.text[start:head.idx + len(head)]


def _has_entity(document: Document, span: Range, label: str) -> bool:
    return any(e.label_ == label and span[0] <= e.start_char < span[1] for e in document.entities)


def anonymity_of(draft: Draft, document: Document) -> tuple[str | None, str | None]:
    """The descriptor of an unnamed source and its affiliation: named entities, noun modifiers and an
    institution's adjective before the head ("Senior U.S. intelligence officials" -> "U.S. intelligence", "a
    federal judge" -> "federal"), or a group's own name ("Republicans said")."""
    head = draft.source_token
    descriptor = document.text[draft.source[0]:draft.source[1]]
    words = [t for t in document.doc[head.left_edge.i:head.i] if t.idx >= draft.source[0]]
    official = head.lemma_.lower() in cues.OFFICIAL_NOUNS
    kept = [t for t in words if _places(t, official) and t.lower_ not in cues.RANK_WORDS]
    if not kept:
        return descriptor, head.text if head.ent_type_ == "NORP" else None
    affiliation = document.doc[kept[0].i:kept[-1].i + 1]
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


def _relative_antecedent(head: Token) -> Token | None:
    """The noun a relative pronoun source stands for: "the Federal Reserve, which said…" → Reserve."""
    if head.lower_ not in _RELATIVE_PRONOUNS or head.dep_ not in ("nsubj", "nsubjpass") or head.head.dep_ != "relcl":
        return None
    noun = head.head.head
    return noun if noun.pos_ in ("NOUN", "PROPN") else None


_RELATIVE_PRONOUNS = frozenset(("who", "which", "that"))


def referent_kind(span: Range, document: Document) -> SourceKind | None:
    """The kind of the name a descriptor stands for: "the agency" is the International Atomic Energy Agency's,
    not an outlet's."""
    named = document.doc.char_span(*span, alignment_mode="expand")
    kind = source_kind(named.root, document, span) if named is not None else SourceKind.UNKNOWN
    return kind if kind is not SourceKind.UNKNOWN else None


def kind_of(draft: Draft, document: Document) -> SourceKind:
    """The source's kind; a relative pronoun's is its antecedent's ("officials, who said" are anonymous)."""
    noun = _relative_antecedent(draft.source_token) if draft.source_token is not None else None
    if noun is not None:
        return source_kind(noun, document, (noun.left_edge.idx, noun.idx + len(noun)))
    return source_kind(draft.source_token, document, draft.source)


def antecedent_of(draft: Draft, earlier: list[Draft], kinds: dict, document: Document, outlet: str | None,
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
        return (document.text[span[0]:span[1]], span) if noun.pos_ == "PROPN" else None
    if lemma in cues.PERSON_PRONOUNS:  # not "I": outside a quotation that is the writer
        return document.people.pronoun(head, draft.source[0]) if lemma != "i" else None
    if head.lemma_.lower() in cues.SOURCE_DOCUMENTS and kinds[id(draft)] is SourceKind.DOCUMENT:  # not "The Post"
        return _named_publisher(head) or publisher_of(draft, earlier, kinds, document)
    if lemma in ("it", "they"):
        for other in reversed(earlier):
            if other.source and kinds[id(other)] not in (SourceKind.PERSON, SourceKind.UNKNOWN):
                return named_source(other, document)
    # a singular common noun ("daily" is often read as an adverb), with no article but "the"
    outlet_noun = cue_lemma(head) in _OUTLET_DESCRIPTORS
    if ((head.tag_ == "NN" or (outlet_noun and head.tag_ not in ("NNS", "NNP", "NNPS")))
            and not any(c.dep_ == "det" and c.lower_ != "the" for c in head.children)):
        return (document.people.described(head, draft.source[0])  # "the mayor", not "a senator"
                or _same_head_name(head, draft.source[0], document)
                or (_earlier_outlet(draft.source[0], outlets, document, outlet) if outlet_noun else None))
    return None


#: Nouns that, as a descriptor, stand for an outlet ("the influential US daily"); not "agency", which is as
#: often a government's ("the agency said in a June report" after the Congressional Budget Office).
_OUTLET_DESCRIPTORS = cues.MEDIA_NOUNS - {"agency"}


def _same_head_name(head: Token, before: int, document: Document) -> tuple[str, Range] | None:
    """"The ministry" for the nearest earlier name headed by that noun ("Iran's Defense Ministry"), "the
    agency" for "the International Atomic Energy Agency"."""
    if not head.text.islower():  # "Trump", read as a common noun, is a name
        return None
    names = document.names_by_head.get(cue_lemma(head), [])
    found = bisect.bisect_right(names, before, key=lambda name: name[1][1])
    return names[found - 1] if found else None


def outlet_of(draft: Draft, kinds: dict, document: Document) -> tuple[str, Range] | None:
    """The outlet a draft speaks through: its relay, else its source when that is a named outlet."""
    if draft.relay is not None and draft.relay.kind is SourceKind.MEDIA:
        return draft.relay.text, (draft.relay.start, draft.relay.end)
    if draft.source and kinds[id(draft)] is SourceKind.MEDIA and (
            draft.resolved or draft.source_token is not None and draft.source_token.pos_ == "PROPN"):
        return named_source(draft, document)
    return None


def _earlier_outlet(before: int, outlets: list[tuple[str, Range]], document: Document,
                    own: str | None) -> tuple[str, Range] | None:
    """"The influential US daily" for the nearest outlet named before, other than the article's own (which
    calls itself by its name): one an earlier attribution speaks through (``outlets``), else a name of the
    text that is an outlet's ("RT hired Larry King. The network said …")."""
    if outlets:
        return outlets[-1]
    named = document.outlet_names(own)
    found = bisect.bisect_right(named, before, key=lambda name: name[1][1])
    return named[found - 1] if found else None


def named_source(draft: Draft, document: Document) -> tuple[str, Range]:
    if draft.resolved is not None:
        return draft.resolved
    return document.text[draft.source[0]:draft.source[1]], draft.source


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


def publisher_of(draft: Draft, earlier: list[Draft], kinds: dict, document: Document) -> tuple[str, Range] | None:
    head = draft.source_token
    governor = head.head
    if head.dep_ in ("dobj", "pobj") and governor.pos_ == "VERB":
        subject = next((c for c in governor.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            start, end = subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge)
            return document.text[start:end], (start, end)
    for other in reversed(earlier):
        if other.relay is not None and other.relay.kind is SourceKind.MEDIA:
            return other.relay.text, (other.relay.start, other.relay.end)
        if other.source and kinds[id(other)] is SourceKind.MEDIA:
            return named_source(other, document)
    return None
