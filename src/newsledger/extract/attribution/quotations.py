"""Quotations as contents: a quotation signed with a dash and a name on its own line, and a quotation that goes
on past its cue — split around its speaker (""A," she said, "B.""), run on in the next sentences or over
the next paragraphs — gathered into one content in pieces, the narration between them as gaps."""

from __future__ import annotations

import itertools
import re

from spacy.tokens import Span, Token

from newsledger.extract.attribution.document import (
    NON_SPACE,
    OPENING_MARKS,
    QUOTE_CHARS,
    WORD_CHAR,
    Document,
)
from newsledger.extract.attribution.draft import Draft
from newsledger.extract.cues import Range

#: A line that is a quotation signed with a dash and a name: "“…” ― Sonya Herridge", "“…” — Mark Twain". The
#: quotation ends a sentence inside its marks, so a title ("“Anti-Hero” — Taylor Swift") signs nothing; it may
#: quote words itself ("what he calls “hell” than"), but a line of several quotations ("“Yes.” “No.”") or of
#: one split around its speaker ("“We will win,” Smith said, “and …”", "“Why?” she asked. “…”") is no one
#: quotation: no sentence ends inside it at a closing mark but the last.
_DASH = r"(?:[―—–]|--|-)"
_SIGNED_LINE = re.compile(
    rf"\s*(?P<quotation>[\"“”‘](?:(?![,;:][\"”’]|[.!?…][\"”’](?!\s*{_DASH}\s)|[\"”’]\s*[\"“‘]).)*"
    rf"[.!?…][\"”’])\s*(?P<dash>{_DASH})\s+(?P<name>[^\W\d_][\w.’'-]*(?:[ \xa0][\w.’'-]+){{0,3}})\s*")
#: What a signature's first word is not: "― The End", "― And more", "― Said Jones", "― Even Smith".
_NOT_NAME_START = frozenset(("DET", "PRON", "CCONJ", "SCONJ", "ADP", "ADV", "PART", "VERB"))
MAX_QUOTED_PARAGRAPHS = 3


def signed_quotations(context: Document) -> list[Draft]:
    """Quotations signed with a dash and a name, as in roundups of readers' or voters' words and in
    epigraphs: the name is the source, the dash the cue, the quotation (with the paragraphs it opened above,
    when it runs over several) the content. The form says who speaks without a cue word, and PolNeAR's train
    split holds none for the cue model to learn, so the rule stands alone."""
    doc, text, found = context.doc, context.text, []
    for index, (start, end) in enumerate(context.paragraphs):
        line = _SIGNED_LINE.fullmatch(text, start, end)
        name = doc.char_span(*line.span("name"), alignment_mode="expand") if line else None
        if name is not None and name[-1].text == "." and len(name) > 1:
            name = name[:-1]  # a full stop after the name, not an abbreviation's ("Jr.", "Inc.": one token)
        if name is None or not _is_signature(name):
            continue
        dash = doc.char_span(*line.span("dash"), alignment_mode="expand")
        content = (_opened_above(index, line.start("quotation"), context), line.end("quotation"))
        found.append(Draft(cue=line.span("dash"), cue_token=dash[0], content=content,
                           source=(name.start_char, name.end_char), source_token=name.root, direct=True))
    return found


def without_signed_quotations(drafts: list[Draft], signed: list[Draft], length: int) -> list[Draft]:
    """The drafts but those that give a signed quotation to another source from outside it ("One reader
    wrote:⏎⏎“…” ― Sonya Herridge"): the signature says who speaks. Words reported inside it stay."""
    if not signed:
        return drafts
    inside = bytearray(length + 1)
    for draft in signed:
        inside[draft.content[0]:draft.content[1]] = b"\x01" * (draft.content[1] - draft.content[0])
    covered = list(itertools.accumulate(inside, initial=0))  # signed characters before each position
    return [d for d in drafts if inside[d.cue[0]] or covered[d.content[1]] == covered[d.content[0]]]


def _is_signature(name: Span) -> bool:
    """Capitalised words, or a name's lower-case particle inside them ("Ludwig van Beethoven")."""
    words = [t for t in name if not t.is_punct]
    return bool(words) and (words[0].text[0].isupper() and words[-1].text[0].isupper()
                            and words[0].pos_ not in _NOT_NAME_START
                            and all(w.text[0].isupper() or w.pos_ == "PROPN" for w in words))


def _opened_above(index: int, start: int, context: Document) -> int:
    """Where the quotation that ends on paragraph ``index`` began: a quotation over several paragraphs opens
    each with a mark and closes only the last ("“First …⏎⏎“Second.” ― Ann Lee")."""
    text, paragraphs, opened = context.text, context.paragraphs, 0
    for above in range(index - 1, -1, -1):
        body = text[paragraphs[above][0]:paragraphs[above][1]].strip()
        if not body:
            continue
        if opened == MAX_QUOTED_PARAGRAPHS or body[0] not in "\"“" or any(mark in body[1:] for mark in "\"”"):
            break
        start, opened = NON_SPACE.search(text, *paragraphs[above]).start(), opened + 1
    return start


def continue_quotes(draft: Draft, context: Document, claimed: set[int]) -> None:
    """A quotation split around its speaker is one content in pieces: ""A," she said, "B."", ""A," she said.
    "B."" (the quotations right after the cue's sentence too) and "“A,” he said, “B.”" when the rules found B.
    A quotation another attribution's content starts with (""B," he replied") is that speaker's, and a stray
    mark with no word is none."""
    if not draft.direct:
        return
    text = context.text
    frame = (min(draft.cue[0], draft.source[0]) if draft.source else draft.cue[0],
             max(draft.cue[1], draft.source[1]) if draft.source else draft.cue[1])
    paragraph = context.paragraph(draft.cue[0])
    if draft.content[0] >= frame[1]:  # the rules found B: A, ending in a comma, ends right before the speaker
        before = context.last_quote_ending_by(frame[0])
        opens = context.quote_at(draft.content[0], draft.content[0] + 1)
        if (before is not None and opens is not None and opens[0] == draft.content[0] and before[0] >= paragraph[0]
                and text[before[0]:before[1]].rstrip(QUOTE_CHARS).endswith(",")
                and not text[before[1]:frame[0]].strip(" ,—–-")):
            draft.gaps.append((before[1], draft.content[0]))
            draft.content = (before[0], draft.content[1])
        if text[frame[0]:draft.content[0]].rstrip().endswith(":"):  # "said in an interview: “A.” “B.”"
            for quotation in context.quotes_within(draft.content[1], paragraph[1]):
                if (text[draft.content[1]:quotation[0]].strip(" .") or not _free(quotation, text, claimed)
                        or text[max(draft.content[0], draft.content[1] - 8):draft.content[1]]
                        .rstrip(QUOTE_CHARS + " ").endswith("?")):
                    break  # "asked him: “Will you run?” “Never.”": the answer is not the asker's
                _append_piece(draft, quotation)
        return
    if draft.cue[0] < draft.content[1]:
        return
    after = next(context.quotes_from(frame[1]), None)
    if after and after[0] < paragraph[1] and _free(after, text, claimed) and (
            not text[frame[1]:after[0]].strip(" ,") or _narrates(draft.cue_token, frame[1], after[0], context)):
        _append_piece(draft, after)
    sent_end = context.sentence(draft.cue_token).end_char
    while sent_end > draft.cue[1] and (text[sent_end - 1].isspace() or text[sent_end - 1] in OPENING_MARKS):
        sent_end -= 1  # the parser often ends the sentence after the next quotation's opening mark
    sent_end = max(sent_end, draft.content[1])
    for quotation in context.quotes_from(sent_end):
        if quotation[0] >= paragraph[1] or text[sent_end:quotation[0]].strip() or not _free(quotation, text, claimed):
            break
        _append_piece(draft, quotation)
        sent_end = quotation[1]


def _free(quotation: Range, text: str, claimed: set[int]) -> bool:
    """A quotation with words that no other attribution's content starts with."""
    return quotation[0] not in claimed and any(c.isalnum() for c in text[quotation[0]:quotation[1]])


def _narrates(cue: Token, start: int, end: int, context: Document) -> bool:
    """Whether the text from ``start`` to ``end`` is only the cue's own clause going on ("said to cheers at a
    rally on the outskirts of Disneyland.", "told The New York Times in 2012,"): every word in it hangs from
    the cue, and it closes with a stop or a comma."""
    if end - start > _MAX_NARRATION:
        return False
    span = cue.doc.char_span(start, end, alignment_mode="expand")
    if span is None or not context.text[start:end].rstrip().endswith((".", ",", ":")):
        return False
    return all(t.is_punct or t.is_space or (cue.is_ancestor(t) and not _speaks_itself(t)) for t in span)


def _speaks_itself(token: Token) -> bool:
    """"as protesters shouted": a clause in the narration with a subject of its own ("referring to …" shares
    the speaker's)."""
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)


_MAX_NARRATION = 250  # characters of the cue's clause between two pieces of a quotation


def continue_paragraphs(draft: Draft, context: Document, claimed: set[int]) -> None:
    """A direct quotation that ends its paragraph, or whose cue's clause does, goes on through the next
    paragraphs that hold nothing but free quotations ("“A,” he said.⏎⏎“B.”"): a speech quoted over several
    paragraphs."""
    text = context.text
    if not draft.direct or context.quote_at(draft.content[1] - 1, draft.content[1]) is None:
        return
    end = draft.content[1]
    if draft.cue[0] >= end:  # "“A,” Collins told MSNBC.⏎⏎“B.”": the cue's clause closes the paragraph
        end = max(end, min(context.sentence(draft.cue_token).end_char, context.paragraph(draft.cue[0])[1]))
    for _ in range(MAX_QUOTED_PARAGRAPHS):
        if NON_SPACE.search(text, end, context.paragraph(end - 1)[1]):
            return
        following = context.paragraph_after(end)
        if following is None:
            return
        inside = context.quotes_within(*following)
        if not inside or NON_SPACE.search(text, following[0], inside[0][0]):
            return
        outside = zip((q[1] for q in inside), [*(q[0] for q in inside[1:]), following[1]])
        if any(WORD_CHAR.search(text, a, b) for a, b in outside) or not all(_free(q, text, claimed) for q in inside):
            return
        for quotation in inside:
            _append_piece(draft, quotation)
        end = draft.content[1]


def _append_piece(draft: Draft, quotation: Range) -> None:
    draft.gaps.append((draft.content[1], quotation[0]))
    draft.content = (draft.content[0], quotation[1])
