"""Through whom a claim came (``via``): a report that cites people hands its attribution over to them and
becomes their relay; an attribution inside another's content is relayed by that one's source; and a source
that spoke to an outlet ("told The Times", "said on CNN") reaches readers through it."""

from __future__ import annotations

import heapq

from spacy.tokens import Token

from newsledger.extract import cues
from newsledger.extract.attribution.document import Document
from newsledger.extract.attribution.draft import Draft, EntityAt, cue_lemma
from newsledger.extract.attribution.sources import (
    named_source,
    publisher_of,
    source_kind,
)
from newsledger.extract.cues import Range
from newsledger.records import Relay, SourceKind


def hand_over_citations(drafts: list[Draft], document: Document) -> list[Draft]:
    """"…, the Times reported. The report cited Israeli officials." — the cited people become the origin of
    the report's attribution and the outlet its relay; the citing sentence is no attribution of its own."""
    kept: list[Draft] = []
    for draft in drafts:
        cited = _cited(draft, document)
        target = _cited_report(kept, draft, document) if cited is not None else None
        if target is None:
            kept.append(draft)
            continue
        outlet = target.resolved or named_source(target, document) if target.source else None
        kind = source_kind(target.source_token, document, target.source)
        if outlet is not None:
            if kind is SourceKind.DOCUMENT:
                publisher = publisher_of(target, kept, {id(d): source_kind(d.source_token, document, d.source)
                                                      for d in kept}, document)
                outlet = publisher or outlet
                kind = SourceKind.MEDIA if publisher else kind
            target.relay = Relay(outlet[0], outlet[1][0], outlet[1][1], kind=kind)
        target.source, target.source_token, target.resolved = cited
    return kept


def _cited(draft: Draft, document: Document) -> tuple[Range, Token, None] | None:
    """A "cite"/"quote" cue whose subject is a report or outlet and whose object names people, either as an
    object ("cited a senior official") or heading a participle ("cited officials briefed on…")."""
    head, verb = draft.source_token, draft.cue_token
    if cue_lemma(verb) not in ("cite", "quote") or head is None:
        return None
    if head.lemma_.lower() not in cues.SOURCE_DOCUMENTS | cues.MEDIA_NOUNS and not _is_outlet(head, document):
        return None
    people = cues.ANONYMOUS_NOUNS | cues.ROLE_NOUNS
    for child in verb.rights:
        if child.dep_ == "dobj" and (child.lemma_.lower() in people or child.ent_type_ == "PERSON"):
            return _phrase(child, child, document), child, None
        subject = next((c for c in child.children if c.dep_ == "nsubj"), None) if child.dep_ == "ccomp" else None
        if subject is not None and subject.lemma_.lower() in people:
            return _phrase(subject, child, document), subject, None
    return None


def _is_outlet(token: Token, document: Document) -> bool:
    return cues.names_an_outlet(document.sentence(token).text) and token.ent_type_ == "ORG"


def _phrase(first: Token, last: Token, document: Document) -> Range:
    start, end = first.left_edge.idx, last.right_edge.idx + len(last.right_edge)
    while end > start and not document.text[end - 1].isalnum():
        end -= 1
    return start, end


def _cited_report(kept: list[Draft], citing: Draft, document: Document) -> Draft | None:
    """The nearest earlier attribution, at most two sentences back, whose source is an outlet or report."""
    start = document.sentence(citing.cue_token).start
    for other in reversed(kept):
        if other.source_token is None or start - document.sentence(other.cue_token).start > 80:
            continue
        kind = source_kind(other.source_token, document, other.source)
        if kind in (SourceKind.MEDIA, SourceKind.DOCUMENT):
            return other
    return None


def relays_of(draft: Draft, containers: dict[int, Draft | None], chains: dict[int, list[Relay]], kinds: dict,
            document: Document, entity_at: EntityAt) -> list[Relay]:
    """Outer attributions whose content holds this cue (those that report it, not those that merely believe
    it), outermost first, then outlets the source spoke to. ``chains`` keeps each draft's chain once made."""
    if id(draft) in chains:
        return chains[id(draft)]
    chains[id(draft)] = []  # a draft met again while its own chain is being made adds nothing
    chain: list[Relay | None] = []
    outer = containers[id(draft)]
    if outer is not None:
        chain = list(relays_of(outer, containers, chains, kinds, document, entity_at))
        if outer.cue_token.lemma_.lower() not in cues.ATTITUDE_LEMMAS:
            chain.append(_as_relay(outer, kinds, document, entity_at))
    if draft.relay is not None:
        chain.append(_with_entity(draft.relay, entity_at))
    chain.extend(_outlets_spoken_to(draft, document, entity_at))
    chains[id(draft)] = [relay for relay in chain if relay is not None]
    return chains[id(draft)]


def containers_of(drafts: list[Draft]) -> dict[int, Draft | None]:
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


def _as_relay(draft: Draft, kinds: dict, document: Document, entity_at: EntityAt) -> Relay | None:
    if draft.source is None:
        return None
    start, end = draft.source
    return _with_entity(Relay(document.text[start:end], start, end, kind=kinds[id(draft)]), entity_at)


def _with_entity(relay: Relay, entity_at: EntityAt) -> Relay:
    return Relay(relay.text, relay.start, relay.end, relay.kind, entity_at(relay.start, relay.end))


def _outlets_spoken_to(draft: Draft, document: Document, entity_at: EntityAt) -> list[Relay]:
    """"officials close to The Wall Street Journal claimed…", "officials told The Times that…", "said on
    CNN", "told Bill O'Reilly of Fox News", "said in an interview with Cosmopolitan magazine"."""
    candidates: list[Token] = []
    if draft.source is not None:
        source = document.doc.char_span(*draft.source, alignment_mode="expand")
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
        if _is_outlet_span(token, document, (start, end)):
            relays.append(_with_entity(Relay(document.text[start:end], start, end, SourceKind.MEDIA), entity_at))
    return relays


#: Prepositions by which a speaker reaches an outlet in a statement: "an interview with …", "remarks to …".
_TO_AN_OUTLET = frozenset(("on", "to", "with"))
#: What a relay's name takes along after its head: "Bill O'Reilly | of Fox News", not "the show | that he…".
_NAME_PARTS = frozenset(("prep", "compound", "appos", "nmod", "poss", "amod", "nummod", "det"))


def _name_span(head: Token) -> Range:
    """A relay's noun phrase without the clauses it governs."""
    end = max([head, *(c.right_edge for c in head.rights if c.dep_ in _NAME_PARTS)], key=lambda t: t.i)
    return head.left_edge.idx, end.idx + len(end)


def _is_outlet_span(head: Token, document: Document, span: Range) -> bool:
    """An outlet, a named programme, or a journalist named with their outlet ("Bill O'Reilly of Fox News");
    never a document ("the CNN report")."""
    if head.lemma_.lower() in cues.SOURCE_DOCUMENTS and head.pos_ != "PROPN":  # but "The Washington Post"
        return False
    words = document.doc.char_span(*span, alignment_mode="expand")
    named = words is not None and any(t.pos_ == "PROPN" for t in words)
    return (source_kind(head, document, span) is SourceKind.MEDIA
            or (named and head.lemma_.lower() in cues.PROGRAMME_NOUNS)
            or cues.names_an_outlet(document.text[span[0]:span[1]]))
