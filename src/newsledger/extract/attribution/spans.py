"""Span edges: a token's phrase as characters, and the rules that move a source's or a content's edges to where
PolNeAR's annotators put them (``rules``: each named, with its reason, switched off by ``Document.skips``).
A source is its noun phrase edited by ``SOURCE_EDITS`` in order; a content is clipped to its paragraph, rid
of a trailing aside and tidied (``tidy``)."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from newsledger.extract.attribution import rules
from newsledger.extract.attribution.document import QUOTE_CHARS, Document
from newsledger.extract.cues import Range

_EDGE_PUNCT = ".,;:—–-"
_ABBREVIATION_END = re.compile(r"(?:\b[A-Za-z]\.){2}$")  # "the U.S." keeps its final stop
#: What trails a comma at the end of a content as the writer's aside: a non-restrictive relative clause
#: (", which votes on March 1"). Appositions, participles and adjuncts after a comma were tried too: PolNeAR
#: keeps them in the content as often as not (train exact content F1 fell).
_ASIDES = frozenset(("relcl",))
_ASIDE_MARKS = frozenset((",", "—", "–", "--"))


def edges(token: Token) -> Range:
    """The token's subtree as characters, without trailing punctuation other than closing quotes."""
    doc = token.doc
    start, end = token.left_edge.i, token.right_edge.i
    while end > start and (doc[end].text in (",", ";", ":", "-", "—", "–") or doc[end].dep_ == "cc"):
        end -= 1
    while start < end and doc[start].is_punct and doc[start].text not in "“\"'`":
        start += 1
    return doc[start].idx, doc[end].idx + len(doc[end])


def token_range(doc: Doc, start_token: int, end_token: int) -> Range:
    """Characters from the first to the last of a token range."""
    return doc[start_token].idx, doc[end_token - 1].idx + len(doc[end_token - 1])


def clip(content: Range, anchor: int, context: Document) -> Range:
    """Keep the content within the cue's paragraph (and the next, when the cue's ends in a colon and the next
    opens a quotation: "He said:⏎⏎“…”"), or within the quotation it continues into."""
    if context.skips(rules.WITHIN_PARAGRAPH):
        return content
    start, end = context.paragraph(anchor)
    below = context.quotation_below(anchor)
    if below is not None:
        end = below[1]
    for q_start, q_end in context.quotes_ending_after(start):
        if q_start >= end:
            break
        start, end = min(start, q_start), max(end, q_end)
    return max(content[0], start), min(content[1], end)


def without_aside(content: Range, context: Document) -> Range:
    """The content without a trailing aside: from the first comma (or dash) outside quotations after which
    the rest is one subtree hanging, as an aside, off a word before the mark (PolNeAR leaves it out). Such a
    subtree holds the content's last word, so its top is one of that word's governors: walking up from it
    finds every aside without trying each comma (a sentence of a thousand clauses has as many)."""
    if context.skips(rules.WITHOUT_ASIDE):
        return content
    doc, read = context.doc, context.read
    span = doc.char_span(*content, alignment_mode="expand") if content[0] < content[1] else None
    if span is None:
        return content
    end = span.end
    while end > span.start and (read.punct[end - 1] or read.space[end - 1]):
        end -= 1
    marks = []
    top = end - 1
    for _ in range(read.n):  # up the governors, at most the doc's length
        head = read.head[top]
        if read.dep[top] in _ASIDES and top < end:
            left = doc[top].left_edge.i  # the subtree opens right after its mark, or with it
            marks += [mark for mark in (left - 1, left)
                      if span.start < mark < end - 1 and read.orth[mark] in _ASIDE_MARKS
                      and not context.quoted(read.idx[mark]) and _hangs_aside(doc[mark + 1:end], span.start, mark)]
        if head == top:
            break
        top = head
    return (content[0], read.idx[min(marks)]) if marks else content


def _hangs_aside(tail: Span, start: int, mark: int) -> bool:
    """Whether ``tail`` is one aside subtree hanging off a word between ``start`` and its ``mark``."""
    root = tail.root
    return (root.dep_ in _ASIDES and start <= root.head.i < mark
            and root.left_edge.i >= mark and root.right_edge.i >= tail.end - 1)


def tidy(content: Range, context: Document) -> Range | None:
    """Trim edge punctuation (an abbreviation keeps its stop) and a dateline, then widen to a quotation the
    content starts or ends in; None when nothing is left."""
    text = context.text
    start, end = content
    if not context.skips(rules.WITHOUT_EDGE_PUNCTUATION):
        start, end = _without_edge_punctuation(text, start, end, not context.skips(rules.ABBREVIATION_STOP))
    if not context.skips(rules.CONTENT_AFTER_DATELINE):
        start = past_dateline(text, start, end)
    if start >= end:
        return None
    if context.skips(rules.WHOLE_QUOTATION):
        return start, end
    first = context.quote_at(start, start + 1)
    if first is not None and first[0] <= start:
        start = first[0]
    last = context.quote_at(end - 1, end)
    if last is not None and end <= last[1]:
        end = last[1]
    return start, end


def _without_edge_punctuation(text: str, start: int, end: int, abbreviation_stop: bool) -> Range:
    while start < end and (text[start].isspace() or text[start] in _EDGE_PUNCT):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _EDGE_PUNCT):
        if abbreviation_stop and text[end - 1] == "." and _ABBREVIATION_END.search(text, max(start, end - 4), end):
            break  # bounded look-back: hostile text
        end -= 1
    return start, end


def is_direct(content: Range, context: Document) -> bool:
    """Verbatim words: the content is a quotation or quotes the source in part ("must “do everything”")."""
    for start, end in context.quotes_from(content[0]):
        if start > content[1] + 1:
            return False
        if end <= content[1] + 1:
            return True
    return False


def source_range(source: Token, verb: Token, context: Document) -> Range:
    """The source's noun phrase, then ``SOURCE_EDITS`` in order. A subject the parser hung off a modifier takes
    that modifier along; a noun a present participle hangs on speaks up to the participle; otherwise modifiers
    PolNeAR leaves out are cut off (``set_off_participle``, ``trailing_date``)."""
    if source.head != verb and source.head.head == verb and source.head.i < verb.i:
        start, end = source.left_edge.idx, edges(source.head)[1]
    elif verb.dep_ == "acl" and verb.head == source and (verb.tag_ == "VBG" or source.head == source):
        # "voters in Iowa | saying they want …" speak, up to the cue; "material | now deemed classified" does not
        start = source.left_edge.idx
        end = max([source.idx + len(source)]
                  + [edges(c)[1] for c in source.rights if c.i < verb.i and c.dep_ == "prep"])
    else:
        start, end = edges(source)
        cuts = [_cut_before(c) for c in source.rights if _told_apart(c, verb, end, context)]
        end = max(start, min([end, *cuts]))
    for rule, edit in SOURCE_EDITS:
        if not context.skips(rule):
            start, end = edit(start, end, verb, context)
    return start, end


def _told_apart(modifier: Token, verb: Token, end: int, context: Document) -> bool:
    """Whether a modifier of the source's noun is left out of the source: never the cue's own clause ("A
    spokesman, asked about the claim, said": "asked" is no attribution of the spokesman's)."""
    if modifier.left_edge.i <= verb.i <= modifier.right_edge.i or modifier.left_edge.i == 0:
        return False
    if modifier.dep_ == "acl":
        return not context.skips(rules.SET_OFF_PARTICIPLE) and set_off_participle(modifier)
    return not context.skips(rules.TRAILING_DATE) and trailing_date(modifier, end, context)


def set_off_participle(modifier: Token) -> bool:
    """A participle set off by a comma ("The senator, speaking to reporters, said")."""
    return modifier.doc[modifier.left_edge.i - 1].text == ","


def trailing_date(modifier: Token, end: int, context: Document) -> bool:
    """A date or time the parser hung on the noun at the phrase's end ("the report on Wednesday", "Trump in
    recent weeks"; not "A statement on Monday from the White House", nor "voters in their 20s")."""
    if modifier.dep_ != "prep" or modifier.lower_ not in ("on", "in", "during"):
        return False
    dated = any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") and not any(p.dep_ == "poss" for p in c.children)
                for c in modifier.children)
    return dated and not context.text[modifier.right_edge.idx + len(modifier.right_edge):end].strip(" ,")


def after_blank_line(start: int, end: int, verb: Token, context: Document) -> Range:
    """A headline or dateline run into the sentence ("7 p.m.⏎⏎Donald Trump"): the source starts below the
    blank line (a single line break may only be hard wrapping)."""
    text = context.text
    blank = text.rfind("\n\n", start, end)
    return (blank + 2 if blank >= 0 and text[blank:end].strip() else start), end


def without_stray_mark(start: int, end: int, verb: Token, context: Document) -> Range:
    """Past white space and a closing quotation mark the parser left on the phrase."""
    text = context.text
    while start < end and (text[start].isspace() or text[start] in QUOTE_CHARS):
        start += 1
    return start, end


def after_dateline(start: int, end: int, verb: Token, context: Document) -> Range:
    return past_dateline(context.text, start, end), end


def without_opening_adverb(start: int, end: int, verb: Token, context: Document) -> Range:
    """Past a sentence adverb the parser put in the phrase ("Also, the administration"), or past "even"
    ("Even Donald Trump said"; "only" stays)."""
    first = context.doc.char_span(start, end, alignment_mode="expand")
    if first is not None and len(first) > 2 and first[0].pos_ in _DISCOURSE_POS and first[1].text == ",":
        return first[2].idx, end
    if first is not None and len(first) > 1 and first[0].lower_ == "even":
        return first[1].idx, end
    return start, end


def without_trailing_space(start: int, end: int, verb: Token, context: Document) -> Range:
    text = context.text
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def with_apposition_comma(start: int, end: int, verb: Token, context: Document) -> Range:
    """"Tad Devine, a senior adviser, said": the comma that closes an apposition before the cue stays."""
    text = context.text
    return start, end + 1 if end < verb.idx and text[end:end + 1] == "," and "," in text[start:end] else end


def _cut_before(modifier: Token) -> int:
    """Where a source ends that leaves ``modifier`` out: before it, and before the comma that sets it off."""
    doc, first = modifier.doc, modifier.left_edge.i
    return doc[first - 1].idx if doc[first - 1].text == "," else doc[first].idx


def past_dateline(text: str, start: int, end: int) -> int:
    """A span that opens its line starts after a dateline run into it ("NEW YORK - Donald Trump"); mid-line,
    "ISIS — not al Qaeda — was behind it" keeps its words."""
    line = start
    while line > 0 and text[line - 1] in " \t":
        line -= 1
    if line > 0 and text[line - 1] != "\n":
        return start
    found = _DATELINE.match(text, start, end)
    return found.end() if found else start


#: "NEW YORK -", "ROME —", "TALLAHASSEE, Fla. -"; one short word is a name, not a place ("US - China trade")
_DATELINE = re.compile(r"[A-Z](?:[A-Z.'’]{3,}|[A-Z.'’]+(?=[ ,]+[A-Z]))(?:[ ,]+[A-Z][A-Za-z.'’]*)*\s+(?:--|[-—–])\s+")
_DISCOURSE_POS = frozenset(("ADV", "CCONJ", "INTJ"))
#: The edits a source's phrase goes through, in order.
SOURCE_EDITS = (
    (rules.AFTER_BLANK_LINE, after_blank_line),
    (rules.WITHOUT_STRAY_MARK, without_stray_mark),
    (rules.SOURCE_AFTER_DATELINE, after_dateline),
    (rules.WITHOUT_OPENING_ADVERB, without_opening_adverb),
    (rules.WITHOUT_TRAILING_SPACE, without_trailing_space),
    (rules.APPOSITION_COMMA, with_apposition_comma),
)
