"""From drafts to records: a content carried on into the next sentence, then kinds, antecedents, relays and
stance settled, and ``Attribution`` records made with their ids."""

from __future__ import annotations

from spacy.tokens import Token

from newsledger.extract import cues
from newsledger.extract.attribution.document import Document
from newsledger.extract.attribution.draft import Draft, EntityAt, cue_lemma
from newsledger.extract.attribution.outlets import names_outlet
from newsledger.extract.attribution.relays import (
    containers_of,
    hand_over_citations,
    relays_of,
)
from newsledger.extract.attribution.sources import (
    anonymity_of,
    antecedent_of,
    kind_of,
    outlet_of,
    referent_kind,
)
from newsledger.extract.attribution.stance import stance
from newsledger.extract.cues import Range
from newsledger.records import (
    Attribution,
    CueSpan,
    SourceKind,
    SourceSpan,
    Span,
    pieces,
)


def extend_continuations(drafts: list[Draft], document: Document) -> None:
    """"According to X, three drones were launched. The third hit the building." — a next sentence in the
    same paragraph with no cue of its own and an elliptical subject ("The third", "It") goes on reporting."""
    cue_starts = sorted(d.cue[0] for d in drafts)
    for draft in drafts:
        if draft.direct:
            continue
        while (following := _continuation(draft, document, cue_starts)) is not None:
            draft.content = (draft.content[0], following)


def _continuation(draft: Draft, document: Document, cue_starts: list[int]) -> int | None:
    sent = document.doc.char_span(*draft.content, alignment_mode="expand")
    if sent is None:
        return None
    last = document.sentence(sent[-1])
    if draft.content[1] < _content_end(last) or last.end >= len(document.doc) or draft.cue[0] > draft.content[1]:
        return None
    following = document.sentence(document.doc[last.end])
    if "\n" in document.text[last.end_char:following.start_char] or any(
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


def assemble(drafts: list[Draft], document: Document, article_id: str, entity_at: EntityAt | None,
             outlet: str | None = None) -> list[Attribution]:
    """Records with kinds, stance, resolved antecedents and relays (the article's own outlet is none), in
    document order of the cue."""
    entity_at = entity_at or (lambda start, end: None)
    drafts = hand_over_citations(drafts, document)
    kinds = {id(d): kind_of(d, document) for d in drafts}
    outlets: list[tuple[str, Range]] = []  # the outlets earlier drafts speak through, but the article's own
    for index, draft in enumerate(drafts):
        draft.resolved = antecedent_of(draft, drafts[:index], kinds, document, outlet, outlets)
        if draft.resolved is not None and draft.source_token.pos_ != "PRON" \
                and kinds[id(draft)] is not SourceKind.DOCUMENT:  # a document resolves to its publisher
            kinds[id(draft)] = referent_kind(draft.resolved[1], document) or kinds[id(draft)]
        speaking = outlet_of(draft, kinds, document)
        if speaking is not None and not names_outlet(speaking[0], outlet):
            outlets.append(speaking)
    containers, chains = containers_of(drafts), {}
    for draft in drafts:
        draft.via = [r for r in relays_of(draft, containers, chains, kinds, document, entity_at)
                     if not (r.kind is SourceKind.MEDIA and names_outlet(r.text, outlet))]
    said = [d for d in drafts if _says_something(d, document)]  # after the chains, which such a draft may carry
    return [_record(d, kinds[id(d)], document, article_id, n, entity_at) for n, d in enumerate(said)]


def _says_something(draft: Draft, document: Document) -> bool:
    """Whether the content has words beyond the source, cue and narration it runs around (a cue run inside
    its own source's phrase leaves none: "Emails … now deemed classified")."""
    return bool(pieces(document.text, draft.content, draft.holes()))


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


def _record(draft: Draft, kind: SourceKind, document: Document, article_id: str, n: int, entity_at: EntityAt) -> Attribution:
    text = document.text
    source = None
    if draft.source is not None:
        entity_span = draft.resolved[1] if draft.resolved else draft.source
        anonymity, affiliation = anonymity_of(draft, document) if kind is SourceKind.ANONYMOUS else (None, None)
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
        cue=CueSpan(cue_text, *draft.cue, lemma=cue_lemma(draft.cue_token)),
        content=Span.of(text, *draft.content),
        direct=draft.direct,
        stance=stance(draft, document),
        via=draft.via,
        gaps=[Span.of(text, *gap) for gap in draft.gaps],
    )
