"""Attribution extraction: who said what, from a learned cue tagger and dependency-parse rules over a
spaCy ``Doc``.

A cue anchors each attribution; its subject is the source and its complement the content. The rules
propose cues (a speech or cognition verb from ``cues.CUE_VERBS``, "according to", "in a poll", "reportedly",
a colon after a speaker's name); the cue model of ``attribution_model`` decides which words are cues, keeping the rules'
proposals it confirms and adding the predicates PolNeAR annotates beyond them. A quotation signed with a dash
and a name on its own line ("“…” ― Sonya Herridge") has no cue word to weigh and is read by rule alone.
Quotation marks widen the content to the whole quotation, which may span sentences and paragraphs; a quotation
split around its speaker (""A," she said, "B."") is one content in pieces, with the narration between as gaps.
Spans follow PolNeAR's conventions, as measured on its TRAIN split: the cue is the verb with its auxiliaries
(a cue the model found from its preposition, "… about", reaches back to the verb of the frame); the source
the full noun phrase, with the comma that closes an apposition before the cue; the content the clause
without its final full stop (quotations keep their punctuation and marks, "the U.S." its stop), with the
object of "urged X to …" but not the addressee of "told X that …", and without a trailing ", which …".
Sources, relays and stance are settled afterwards by ``chains``; the article's own outlet is no relay.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterator

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token

from newsledger.extract import attribution_model, chains, content_spans, cues
from newsledger.extract.attribution_model import CueModel, Sheet, runs
from newsledger.extract.chains import Draft, sentence, text_of
from newsledger.extract.content_spans import ContentModel
from newsledger.extract.cues import Range
from newsledger.extract.reading import forget as forget_reading
from newsledger.extract.reading import reading
from newsledger.records import Attribution

EntityAt = Callable[[int, int], "str | None"]

_CLAUSES = ("ccomp", "xcomp")
_OBJECTS = ("dobj", "oprd", "dative")
_OBJECT_TAIL = ("dobj", "oprd", "prep", "dative", "xcomp", "ccomp", "advmod", "acomp")
_QUOTE_CHARS = "\"“”'`"
_OPENING_MARKS = "\"“'`"
_EDGE_PUNCT = ".,;:—–-"
_ABBREVIATION_END = re.compile(r"(?:\b[A-Za-z]\.){2}$")  # "the U.S." keeps its final stop
#: What trails a comma at the end of a content as the writer's aside: a non-restrictive relative clause
#: (", which votes on March 1"). Appositions, participles and adjuncts after a comma were tried too: PolNeAR
#: keeps them in the content as often as not (train exact content F1 fell).
_ASIDES = frozenset(("relcl",))
_ASIDE_MARKS = frozenset((",", "—", "–", "--"))
#: Dependents of a cue run that are not its content when the rules cannot frame it.
_NOT_CONTENT = frozenset(("punct", "cc", "conj", "nsubj", "nsubjpass", "advmod", "npadvmod", "dep", "appos"))


def extract_attributions(
    doc: Doc, article_id: str, entity_at: EntityAt | None = None, *, model: CueModel | None = None,
    outlet: str | None = None, content_model: ContentModel | None = None,
) -> list[Attribution]:
    """Every attribution in ``doc`` in document order of its cue, with ids ``{article_id}:a{n}``. The cue
    model (the shipped one unless given) decides which words are cues; the rules build the rest. The
    article's ``outlet`` (a name or slug: "The Washington Post", "wash-post") is no relay of its own
    article: "told The Post" in the Post is first-hand. A content model (``content_spans.shipped()``), when
    given, settles where each content starts and ends among variants of the rules' span (about +0.7 point of
    exact content F1 for about 2.5% of parse time; the ledger's pipeline gives it by default, this primitive
    only when asked, so that the rules alone stay callable)."""
    forget_reading()  # a doc changed since it was last read (retokenized) is read anew
    content_spans.forget()
    chains.forget()
    context, proposed = proposals_and_context(doc)
    drafts: dict[Range, Draft] = {}
    signed = _signed(context)
    accepted = _accepted(proposed, model or attribution_model.shipped(), context)
    for draft in (*_without_signed_quotations(accepted, signed, len(context.text)), *signed):
        drafts.setdefault(draft.cue, draft)
    ordered = _without_nested_cues(sorted(drafts.values(), key=lambda d: d.cue))
    claimed = {draft.content[0] for draft in ordered}  # where contents start: no other speaker's next piece
    settled = {id(draft) for draft in signed}  # a signed quotation is whole: its marks are its edges
    for draft in ordered:
        if id(draft) not in settled:
            _continue_quotes(draft, context, claimed)
            _continue_paragraphs(draft, context, claimed)
    chains.extend_continuations(ordered, doc)
    if content_model is not None:
        content_model.refine(ordered, context, settled)
    return chains.assemble(ordered, doc, article_id, entity_at, outlet)


def proposals_and_context(doc: Doc) -> tuple[_Context, list[Draft]]:
    """The lexicon rules' drafts, which the cue model weighs among its features, and the quotations and
    paragraphs they were found in."""
    context = _Context(doc)
    proposed = []
    for i in _draftable(doc):
        token = doc[i]
        if context.quoted(token.idx) and token.text != ":":  # a transcript's "WALLACE: …" is quoted
            continue  # the speaker's own "I think" inside a quotation is not the article's attribution
        draft = _draft(token, context)
        if draft is not None:
            proposed.append(draft)
    return context, proposed


#: Words a draft may start from besides cue verbs (``_draft``).
_DRAFT_WORDS = frozenset(("according", "in", ":")) | cues.HEARSAY_ADVERBS


def _draftable(doc: Doc) -> list[int]:
    """The tokens ``_draft`` may start from, found from the doc's reading so that no other token is built as a
    spaCy ``Token``."""
    read = reading(doc)
    lemma, pos = read.lemma, read.pos
    return [i for i, word in enumerate(read.lower)
            if word in _DRAFT_WORDS or pos[i] in ("VERB", "AUX") and lemma[i] in cues.CUE_VERBS]


def sheet_for(doc: Doc, context: _Context, proposed: list[Draft]) -> Sheet:
    """The cue model's view of the doc: parse, quotations, the lexicon rules' cues marked by the side their
    content lies on ("label" for a speaker's label before a colon), and which tokens lie in their contents (a
    cue after its content, "…, reported X", is outside the content of the cue that governs it in the
    parse)."""
    read = reading(doc)
    starts, ends = read.idx, read.ends

    def tokens(chars: Range) -> range:  # the tokens overlapping a character range
        return range(bisect.bisect_right(ends, chars[0]), bisect.bisect_left(starts, chars[1]))

    rule = [""] * len(doc)
    reported = [False] * len(doc)
    for draft in proposed:
        side = "label" if draft.cue_token.is_punct else "after" if draft.content[0] >= draft.cue[1] else "before"
        for i in tokens(draft.cue):
            rule[i] = side
        for i in tokens(draft.content):
            if not draft.cue[0] <= starts[i] < draft.cue[1]:
                reported[i] = True
    quoted = [context.quoted(start) for start in starts]
    for draft in proposed:  # a transcript's label inside the quotation marks of its paragraph is weighed too
        quoted[draft.cue_token.i] = False
    return Sheet(doc, quoted, rule, cues.CUE_VERBS, reported)


def _accepted(proposed: list[Draft], model: CueModel, context: _Context) -> list[Draft]:
    """One draft per run of cue-tagged tokens: the rules' draft whose cue word is in the run, else a draft
    built around the run's head; the cue becomes the run (widened to the rules' cue)."""
    doc = context.doc
    tags = model.tag(sheet_for(doc, context, proposed))
    by_token = {d.cue_token.i: d for d in proposed}
    drafts = []
    for start, end in runs(tags):
        draft = next((by_token[i] for i in range(start, end) if i in by_token), None)
        if draft is None:
            anchor = _run_head(doc[start:end])
            draft = _verbal(anchor, context, open_frames=True) if anchor is not None else None
        if draft is None:
            draft = _around_run(doc[start:end], context)
        if draft is not None and _fitted(draft, doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), context):
            _widen_to_verb(draft, doc[start:end])
            drafts.append(draft)
    return drafts


#: Links from a cue's preposition up to the verb of its frame: "provided new details | about",
#: "voting in favor | of", "to be cynical | about".
_UP_TO_VERB = frozenset(("prep", "pobj", "dobj", "acomp", "attr", "pcomp"))


def _widen_to_verb(draft: Draft, run: Span) -> None:
    """A cue run that starts with a preposition ("about") or an infinitive's "to" ("declined | to say") is
    the tail of a frame PolNeAR marks whole: the cue starts at the verb it hangs from (with its
    auxiliaries), when source and content stay clear of it."""
    first = run[0]
    if first.lower_ == "to" and first.dep_ == "aux" and first.head.dep_ == "xcomp" and first.head.head.i == first.i - 1:
        current = first.head.head
    elif first.pos_ == "ADP":
        current = _verb_above(first)
    else:
        return
    if current is None:
        return
    start = _cue_start(current)
    for other in (draft.source, draft.content):
        if other is not None and other[0] < draft.cue[1] and start < other[1]:
            return
    draft.cue = (min(start, draft.cue[0]), draft.cue[1])


def _verb_above(preposition: Token) -> Token | None:
    """The verb a preposition's frame hangs from, at most four links up, all leftwards."""
    current = preposition
    for _ in range(4):
        if current.dep_ not in _UP_TO_VERB or current.head.i >= current.i:
            return None
        current = current.head
        if current.pos_ in ("VERB", "AUX"):
            return current
    return None


def _run_head(run: Span) -> Token | None:
    """The verb of a cue run that governs the rest (the first verb whose head lies outside the run)."""
    return next((t for t in run if t.pos_ in ("VERB", "AUX") and _governs(t, run)), None)


#: Words that hang off a predicate without being it: "not | convinced", "has | repeatedly | said".
_SATELLITES = frozenset(("neg", "aux", "auxpass", "advmod"))


def _word_head(run: Span) -> Token:
    """The run's word that the rest hangs from: of the words whose head lies outside it, the first that is no
    negation, auxiliary or adverb ("are not convinced that": "convinced", whose frame has the speaker)."""
    governing = [t for t in run if _governs(t, run)]
    return next((t for t in governing if t.dep_ not in _SATELLITES), governing[0])


def _governs(token: Token, run: Span) -> bool:
    return token.head == token or not run.start <= token.head.i < run.end


def _around_run(run: Span, context: _Context) -> Draft | None:
    """A cue the rules cannot frame: the content is what the run governs to its right ("has the support of
    | women"), else the subject of a passive ("X were echoed"); the source the subject of its head word."""
    head = _word_head(run)
    dependents = [c for t in run for c in t.rights if c.i >= run.end and c.dep_ not in _NOT_CONTENT and not _when(c)]
    source_token = _source_token(head)
    subject = next((c for c in head.lefts if c.dep_ == "nsubjpass"), None)
    agent = any(c.dep_ == "agent" for c in head.children)
    modified = subject is None and agent and head.dep_ == "acl" and head.head.pos_ in ("NOUN", "PROPN")
    if modified:
        subject = head.head  # "the bill, supported by Republicans": the agent speaks, of the bill
    if subject is not None and agent:
        # "X was first reported by the Post": the agent speaks, of X (of the clause, when one follows)
        dependents = [c for c in dependents if c.dep_ in _CLAUSES]
    if dependents:
        first = dependents[0]
        objects = [c for c in first.children if c.dep_ in ("pobj", "pcomp")] if first.dep_ == "prep" else []
        start = objects[0].left_edge.i if objects and first.i == run.end else first.left_edge.i
        content = start, max(c.right_edge.i for c in dependents) + 1
    else:
        if subject is None:
            return None
        content = subject.left_edge.i, (subject.i if modified else subject.right_edge.i) + 1
        if not agent:
            source_token = None
    content = _tidy(_without_aside(_clip(_token_range(run.doc, *content), head.idx, context), context), context)
    if content is None:
        return None
    return Draft(
        cue=(run.start_char, run.end_char),
        cue_token=head,
        content=content,
        source=_source_range(source_token, head) if source_token is not None else None,
        source_token=source_token,
        direct=_direct(content, context),
    )


def _fitted(draft: Draft, start: int, end: int, context: _Context) -> bool:
    """Join the run's span to the draft's cue; where the run reaches into the content's near edge ("his
    critique of | X"), the cue keeps those words and the content gives them up. False if no content is left."""
    draft.cue = min(start, draft.cue[0]), max(end, draft.cue[1])
    content = draft.content
    if draft.cue[0] <= content[0] < draft.cue[1]:
        content = (draft.cue[1], content[1])
    elif draft.cue[0] < content[1] <= draft.cue[1] and content[0] < draft.cue[0]:
        content = (content[0], draft.cue[0])
    if content != draft.content:
        tidy = _tidy(content, context) if content[0] < content[1] else None
        if tidy is None:
            return False
        draft.content = tidy
        draft.gaps = [gap for gap in draft.gaps if tidy[0] < gap[0] and gap[1] < tidy[1]]
    return True


def _without_nested_cues(drafts: list[Draft]) -> list[Draft]:
    """A verb already inside a longer cue ("denied" in "has not confirmed or denied") is not a cue again.
    Cues are distinct; in order of start, longest first, a cue is nested when an earlier one reaches its end."""
    nested, reach = set(), -1
    for draft in sorted(drafts, key=lambda d: (d.cue[0], -d.cue[1])):
        if reach >= draft.cue[1]:
            nested.add(id(draft))
        reach = max(reach, draft.cue[1])
    return [d for d in drafts if id(d) not in nested]


class _Context:
    """What the rules need beyond the parse: quotation and paragraph boundaries."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.text = text_of(doc)
        self.quotes = reading(doc).quotes
        self.paragraphs = _paragraphs(self.text)
        self._inside = bytearray(len(self.text) + 1)
        for start, end in self.quotes:
            self._inside[start + 1:end] = b"\x01" * max(end - start - 1, 0)
        # both lists are in text order without overlaps, so their ends are sorted: lookups bisect, and an
        # article of thousands of quotations costs log time per lookup, not a scan
        self._quote_starts = [start for start, _ in self.quotes]
        self._quote_ends = [end for _, end in self.quotes]
        self._paragraph_ends = [end for _, end in self.paragraphs]
        # per paragraph: the first paragraph with words from it on, and whether it ends in a colon (read once,
        # so that a text of thousands of blank lines costs no scan per cue)
        worded = [_NON_SPACE.search(self.text, start, end) is not None for start, end in self.paragraphs]
        self._next_worded = [len(self.paragraphs)] * (len(self.paragraphs) + 1)
        for i in range(len(self.paragraphs) - 1, -1, -1):
            self._next_worded[i] = i if worded[i] else self._next_worded[i + 1]
        self._colon_ended = [has_words and self.text[start:end].rstrip().endswith(":")
                             for (start, end), has_words in zip(self.paragraphs, worded)]
        self._names: Counter[str] | None = None

    @property
    def names(self) -> Counter[str]:
        """How often each word (lower-cased) is a proper noun of a named person, organisation, group or place
        in the doc ("the" of "the Clinton Foundation" is not); made on first use."""
        if self._names is None:
            read = reading(self.doc)
            self._names = Counter(word for word, tag, kind in zip(read.lower, read.pos, read.ent)
                                  if _name_word(word, tag, kind))
        return self._names

    def quoted(self, position: int) -> bool:
        return bool(self._inside[position])

    def quotes_from(self, position: int) -> Iterator[Range]:
        """The quotations that start at or after ``position``, in text order; lazily, as callers stop at the
        first few (a copy of the rest would cost every cue the article's quotation count)."""
        quotes = self.quotes
        return (quotes[i] for i in range(bisect.bisect_left(self._quote_starts, position), len(quotes)))

    def quotes_within(self, start: int, end: int) -> list[Range]:
        """The quotations that start at or after ``start`` and end by ``end``, in text order, up to the first
        that does not."""
        return list(itertools.takewhile(lambda quotation: quotation[1] <= end, self.quotes_from(start)))

    def quotes_ending_after(self, position: int) -> Iterator[Range]:
        """The quotations that end after ``position``, in text order, lazily."""
        quotes = self.quotes
        return (quotes[i] for i in range(bisect.bisect_right(self._quote_ends, position), len(quotes)))

    def last_quote_ending_by(self, position: int) -> Range | None:
        i = bisect.bisect_right(self._quote_ends, position)
        return self.quotes[i - 1] if i else None

    def quote_at(self, start: int, end: int) -> Range | None:
        """The first quotation overlapping ``start:end``."""
        i = bisect.bisect_right(self._quote_ends, start)
        return self.quotes[i] if i < len(self.quotes) and self.quotes[i][0] < end else None

    def paragraph(self, position: int) -> Range:
        i = bisect.bisect_left(self._paragraph_ends, position)
        if i < len(self.paragraphs) and self.paragraphs[i][0] <= position:
            return self.paragraphs[i]
        return 0, len(self.text)

    def paragraph_after(self, position: int) -> Range | None:
        """The first paragraph with words that starts after ``position``."""
        i = bisect.bisect_right(self._paragraph_ends, position)
        if i < len(self.paragraphs) and self.paragraphs[i][0] <= position:
            i += 1
        i = self._next_worded[i]
        return self.paragraphs[i] if i < len(self.paragraphs) else None

    def quotation_below(self, position: int) -> Range | None:
        """The next paragraph when the paragraph at ``position`` ends in a colon and that one opens with a
        quotation mark ("He said:⏎⏎“…”"); a heading or another speaker's line below is no content of it."""
        i = bisect.bisect_left(self._paragraph_ends, position)
        if i >= len(self.paragraphs) or self.paragraphs[i][0] > position or not self._colon_ended[i]:
            return None
        following = self.paragraph_after(self.paragraphs[i][1])
        if following is None or self.text[following[0]:following[1]].lstrip()[:1] not in _OPENING_MARKS:
            return None
        return following


# --- quotations and paragraphs ------------------------------------------------------------------------------

def _paragraphs(text: str) -> list[Range]:
    ranges, offset = [], 0
    for paragraph in text.split("\n"):
        ranges.append((offset, offset + len(paragraph)))
        offset += len(paragraph) + 1
    return ranges


# --- one draft per cue -------------------------------------------------------------------------------------

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


def _signed(context: _Context) -> list[Draft]:
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


def _without_signed_quotations(drafts: list[Draft], signed: list[Draft], length: int) -> list[Draft]:
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


def _opened_above(index: int, start: int, context: _Context) -> int:
    """Where the quotation that ends on paragraph ``index`` began: a quotation over several paragraphs opens
    each with a mark and closes only the last ("“First …⏎⏎“Second.” ― Ann Lee")."""
    text, paragraphs, opened = context.text, context.paragraphs, 0
    for above in range(index - 1, -1, -1):
        body = text[paragraphs[above][0]:paragraphs[above][1]].strip()
        if not body:
            continue
        if opened == _MAX_QUOTED_PARAGRAPHS or body[0] not in "\"“" or any(mark in body[1:] for mark in "\"”"):
            break
        start, opened = _NON_SPACE.search(text, *paragraphs[above]).start(), opened + 1
    return start


def _draft(token: Token, context: _Context) -> Draft | None:
    lower = token.lower_
    if lower == "according" and token.i + 1 < len(token.doc) and token.nbor().lower_ == "to":
        return _prepositional(token, token.nbor(), context)
    if lower == "in" and token.dep_ == "prep" and _is_document_pp(token):
        return _prepositional(token, token, context)
    if token.text == ":":
        return _colon(token, context)
    if lower in cues.HEARSAY_ADVERBS and token.dep_ == "advmod":
        return _hearsay(token, context)
    if token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in cues.CUE_VERBS:
        return _verbal(token, context)
    return None


def _is_document_pp(prep: Token) -> bool:
    """"In a new poll, …": a sentence-initial "in" whose object is a poll, survey, statement…; a poll or
    survey speaks through "in" mid-sentence too ("Clinton leads Trump in a CBS News poll"), which PolNeAR
    marks as the cue, while a statement or email there is the medium of a speech verb ("said in a statement")."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    if not objects:
        return False
    lemma = objects[0].lemma_.lower()
    if prep.i == sentence(prep).start:
        return lemma in cues.SOURCE_DOCUMENTS and prep.head.pos_ in ("VERB", "AUX")
    return lemma in cues.POLL_NOUNS and prep.head.pos_ in ("VERB", "AUX", "NOUN")


def _prepositional(first: Token, last: Token, context: _Context) -> Draft | None:
    """"According to X, CONTENT" / "In X, CONTENT": the object is the source, the rest of the sentence the
    content (the part before the phrase when it stands mid-sentence, as PolNeAR annotates it)."""
    objects = [c for c in last.children if c.dep_ == "pobj"] or [c for c in first.children if c.dep_ == "pobj"]
    if not objects:
        return None
    sent = sentence(first)
    phrase_start, phrase_end = first.i, max(first.right_edge.i, objects[0].right_edge.i) + 1
    doc = first.doc
    gaps = []
    if phrase_start - sent.start <= 1:
        span = (phrase_end, sent.end)
    elif first.head.i >= phrase_end and phrase_end < sent.end - 1:
        # "The economy, according to the report, is growing": the clause around it
        span = (_past_conjunction(doc, sent.start, phrase_start), sent.end)
        gaps = [_token_range(doc, phrase_start, phrase_end)]
    else:
        span = (_past_conjunction(doc, sent.start, phrase_start), phrase_start)
    if span[0] >= span[1]:
        return None
    content = _tidy(_without_aside(_token_range(doc, span[0], span[1]), context), context)
    if content is None:
        return None
    return Draft(
        cue=(first.idx, last.idx + len(last)),
        cue_token=first,
        content=content,
        source=_edges(objects[0]),
        source_token=objects[0],
        gaps=[gap for gap in gaps if content[0] < gap[0] and gap[1] < content[1]],
    )


def _past_conjunction(doc: Doc, start: int, end: int) -> int:
    """A content around "according to X" starts after the "And"/"But" or the "Still," that opens its
    sentence."""
    if start < end and doc[start].pos_ == "CCONJ":
        start += 1
    if start + 1 < end and doc[start].pos_ == "ADV" and doc[start + 1].text == ",":
        start += 2
    return start


def _token_range(doc: Doc, start_token: int, end_token: int) -> Range:
    """Characters from the first to the last of a token range."""
    return doc[start_token].idx, doc[end_token - 1].idx + len(doc[end_token - 1])


def _colon(colon: Token, context: _Context) -> Draft | None:
    """A short name opening a line or sentence before a colon is a speaker's label: a headline's "Clinton
    camp: Trump's Islamophobia threatens…" or "Poll: …", a transcript's "PENCE: Well, …" (inside the
    quotation marks that open each of its paragraphs), a roundup's "… - Carl Bialik: “…”". The label is the
    source, the rest of the sentence (in a transcript, of the speaker's turn) the content."""
    doc, text = colon.doc, context.text
    paragraph_start, paragraph_end = context.paragraph(colon.idx)
    start = _label_start(colon, paragraph_start)
    if start is None:
        return None
    transcript = context.quoted(colon.idx)
    if transcript:  # only the label right after the mark that opens the paragraph
        opening = text[paragraph_start:doc[start].idx].strip()
        if len(opening) != 1 or opening not in _OPENING_MARKS:
            return None
    label = doc[start:colon.i]
    if not _is_speaker_label(label, context):
        return None
    if transcript:
        content = _turn(colon, context, paragraph_end)
    else:
        sent = sentence(colon)
        end = paragraph_end if sent.end_char <= colon.idx + 2 else min(paragraph_end, sent.end_char)
        content = _tidy((colon.idx + 1, end), context)
    if content is None:
        return None
    return Draft(
        cue=(colon.idx, colon.idx + 1),
        cue_token=colon,
        content=content,
        source=(label.start_char, label.end_char),
        source_token=label.root,
    )


def _turn(colon: Token, context: _Context, paragraph_end: int) -> Range | None:
    """A transcript speaker's words: after the colon to the end of the paragraph or of the quotation marks
    around it, whichever comes first ("PENCE: Yes." He smiled.), without those marks."""
    text = context.text
    quotation = context.quote_at(colon.idx, colon.idx + 1)
    start, end = colon.idx + 1, min(paragraph_end, quotation[1]) if quotation is not None else paragraph_end
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _QUOTE_CHARS):
        end -= 1
    return (start, end) if start < end else None


_NAME_TYPES = frozenset(("PERSON", "ORG", "NORP", "GPE"))
#: Dashes that may stand between a section title and a speaker's label ("EARLY - Carl Bialik:"); a hyphen
#: only with spaces around it ("Wasserman-Schultz" is one name).
_LABEL_BREAKS = frozenset(("-", "–", "—", "―", "--"))
_SPACED_ONLY = frozenset(("-", "--"))
_MAX_LABEL = 5


def _label_start(colon: Token, paragraph_start: int) -> int | None:
    """Where a label before ``colon`` starts: at its sentence's or line's start, or past a dash, and past
    opening quotation marks; None when that lies more than a label's length away."""
    doc = colon.doc
    floor = max(sentence(colon).start, colon.i - _MAX_LABEL - 3)  # room for marks and a dash before the label
    start = None
    for i in range(colon.i - 1, floor - 1, -1):
        if doc[i].idx < paragraph_start or _breaks_label(doc, i):
            start = i + 1
            break
    if start is None:
        if floor > sentence(colon).start:
            return None  # the sentence began further back in the line: a long clause, no label
        start = floor
    while start < colon.i and (doc[start].is_space or doc[start].text in _OPENING_MARKS):
        start += 1
    return start


def _breaks_label(doc: Doc, i: int) -> bool:
    token = doc[i]
    if token.text not in _LABEL_BREAKS:
        return False
    return token.text not in _SPACED_ONLY or bool(token.whitespace_ and i and doc[i - 1].whitespace_)


def _is_speaker_label(label: Span, context: _Context) -> bool:
    """One to five capitalised words naming someone, with no verb and no punctuation but a name's own hyphen:
    a proper noun or entity, a group or document noun ("Clinton camp", "Poll"), or a word the article names a
    person or organisation by elsewhere ("TRUMP", "Milbank": capitals mislead the tagger in headlines and
    transcripts). Newsroom labels ("Editor's note", "The Latest", "CORRECTION", "BREAKING NEWS") and
    "Another problem for Sanders" name no one."""
    if not 1 <= len(label) <= _MAX_LABEL:
        return False
    group_words = cues.GROUP_NOUNS | cues.SOURCE_DOCUMENTS
    words = [t for t in label if not t.is_punct]
    if not words or any(t.is_punct and not (t.text == "-" and not t.whitespace_) for t in label):
        return False
    if any(not t.text[:1].isupper() and t.lemma_.lower() not in group_words for t in words):
        return False
    if any(t.lower_ in cues.SECTION_LABELS or t.lemma_.lower() in cues.CUE_VERBS - group_words for t in words):
        return False  # "TRUMP SAYS:" is a cue of its own, not a label
    if label.text.isupper():
        return len(label.text) > 1 and any(_named_elsewhere(t, context) for t in words)
    if any(t.pos_ in ("VERB", "AUX") for t in label):
        return False
    return any(t.pos_ == "PROPN" or t.ent_type_ or _named_elsewhere(t, context) or t.lemma_.lower() in group_words
               for t in label)


def _named_elsewhere(token: Token, context: _Context) -> bool:
    return context.names[token.lower_] > _name_word(token.lower_, token.pos_, token.ent_type_)


def _name_word(lower: str, pos: str, entity_type: str) -> bool:
    """A proper noun of a named person, organisation, group or place, not a stop word ("the")."""
    return entity_type in _NAME_TYPES and pos == "PROPN" and lower not in STOP_WORDS


def _hearsay(adverb: Token, context: _Context) -> Draft | None:
    """"The Club for Growth is reportedly spending $1.5 million": the adverb is the cue, the clause of the
    verb it modifies the content (the adverb cut out by the span's reader), and nobody is named as source."""
    verb = adverb.head
    if verb.pos_ not in ("VERB", "AUX") or verb == adverb:
        return None
    clause = _token_range(adverb.doc, verb.left_edge.i, verb.right_edge.i + 1)
    content = _tidy(_without_aside(_clip(clause, adverb.idx, context), context), context)
    if content is None:
        return None
    return Draft(
        cue=(adverb.idx, adverb.idx + len(adverb)),
        cue_token=adverb,
        content=content,
        direct=_direct(content, context),
    )


def _verbal(verb: Token, context: _Context, open_frames: bool = False) -> Draft | None:
    found = _content(verb, open_frames) or _adjacent_quotation(verb, context)
    if found is None:
        return None
    content, cue_end = found
    source_token = _source_token(verb)
    if source_token is not None and _raised(verb, source_token, content):
        content, source_token = (_edges(source_token)[0], content[1]), None
    elif source_token is not None and source_token.lower_ == "it" and verb.lemma_.lower() in cues.RAISING_CUES:
        source_token = None  # "it appears that …": nobody speaks
    content = _tidy(_without_aside(_clip(content, verb.idx, context), context), context)
    if content is None:
        return None
    return Draft(
        cue=(_cue_start(verb), cue_end),
        cue_token=verb,
        content=content,
        source=_source_range(source_token, verb) if source_token is not None else None,
        source_token=source_token,
        direct=_direct(content, context),
        gaps=_inner_clause(verb, content),
    )


def _raised(verb: Token, subject: Token, content: Range) -> bool:
    """"X seemed unperturbed", "X appears to be moving": the subject belongs to the content. Not when the
    complement is a cue of its own ("seemed to recognize"), whose subject does speak, nor when the subject is
    another verb's ("She suggested …, but appeared to …"), which would take that verb's clause into it."""
    if (verb.lemma_.lower() not in cues.RAISING_CUES or subject.dep_ != "nsubj" or subject.i > verb.i
            or subject.head != verb):
        return False
    complement = next((c for c in verb.rights if c.dep_ in ("xcomp", "oprd", "acomp", "attr")), None)
    return (complement is not None and content[0] >= verb.idx
            and complement.lemma_.lower() not in cues.CUE_VERBS - {"be"})


def _inner_clause(verb: Token, content: Range) -> list[Range]:
    """A cue clause inside its content ("that, as Trump points out, is…") is narration between two pieces."""
    if not content[0] < verb.idx < content[1]:
        return []
    doc = verb.doc
    start, end = verb.left_edge.i, verb.right_edge.i
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end].is_punct or doc[end].is_space):
        end -= 1
    frame = doc[start].idx, doc[end].idx + len(doc[end])
    return [frame] if content[0] < frame[0] and frame[1] < content[1] else []


def _source_range(source: Token, verb: Token) -> Range:
    """The source's noun phrase; a subject the parser hung off a modifier takes that modifier along. An
    apposition closed by a comma before the cue keeps the comma ("Tad Devine, a senior adviser, said"), as
    PolNeAR does twelve times in thirteen on train."""
    if source.head != verb and source.head.head == verb and source.head.i < verb.i:
        start, end = source.left_edge.idx, _edges(source.head)[1]
    elif verb.dep_ == "acl" and verb.head == source and (verb.tag_ == "VBG" or source.head == source):
        # "voters in Iowa | saying they want …" speak, up to the cue; "material | now deemed classified" does not
        start = source.left_edge.idx
        end = max([source.idx + len(source)]
                  + [_edges(c)[1] for c in source.rights if c.i < verb.i and c.dep_ == "prep"])
    else:
        start, end = _edges(source)
        cuts = [_cut_before(c) for c in source.rights if _told_apart(c, verb, end)]
        end = max(start, min([end, *cuts]))
    text = text_of(verb.doc)
    blank = text.rfind("\n\n", start, end)  # a headline or dateline run into the sentence ("7 p.m.⏎⏎Donald Trump");
    if blank >= 0 and text[blank:end].strip():  # a single line break may only be hard wrapping
        start = blank + 2
    while start < end and (text[start].isspace() or text[start] in _QUOTE_CHARS):  # a closing mark the parser left on
        start += 1
    start = _past_discourse_adverb(verb.doc, _past_dateline(text, start, end), end)
    while end > start and text[end - 1].isspace():  # a source ending in a line break's whitespace token
        end -= 1
    if end < verb.idx and text[end:end + 1] == "," and "," in text[start:end]:
        end += 1
    return start, end


def _told_apart(modifier: Token, verb: Token, end: int) -> bool:
    """Whether PolNeAR leaves a modifier of the source's noun out of the source, as it does on train: a
    participle set off by a comma ("The senator, speaking to reporters, said": 30 times in 40), a date or time
    the parser hung on the noun at the phrase's end ("the report on Wednesday", "Trump in recent weeks": 23 in
    26; not "A statement on Monday from the White House", nor "voters in their 20s"). Never the cue's own
    clause ("A spokesman, asked about the claim, said": "asked" is no attribution of the spokesman's)."""
    doc = modifier.doc
    if modifier.left_edge.i <= verb.i <= modifier.right_edge.i or modifier.left_edge.i == 0:
        return False
    if modifier.dep_ == "acl":
        return doc[modifier.left_edge.i - 1].text == ","
    if modifier.dep_ != "prep" or modifier.lower_ not in ("on", "in", "during"):
        return False
    dated = any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") and not any(p.dep_ == "poss" for p in c.children)
                for c in modifier.children)
    return dated and not text_of(doc)[modifier.right_edge.idx + len(modifier.right_edge):end].strip(" ,")


def _cut_before(modifier: Token) -> int:
    """Where a source ends that leaves ``modifier`` out: before it, and before the comma that sets it off."""
    doc, first = modifier.doc, modifier.left_edge.i
    return doc[first - 1].idx if doc[first - 1].text == "," else doc[first].idx


def _past_dateline(text: str, start: int, end: int) -> int:
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


def _past_discourse_adverb(doc: Doc, start: int, end: int) -> int:
    """A source starts after a sentence adverb the parser put in its phrase ("Also, the administration"), and
    after "even" ("Even Donald Trump said"), which PolNeAR leaves out 23 times in 27 on train ("only" it keeps)."""
    first = doc.char_span(start, end, alignment_mode="expand")
    if first is not None and len(first) > 2 and first[0].pos_ in _DISCOURSE_POS and first[1].text == ",":
        return first[2].idx
    if first is not None and len(first) > 1 and first[0].lower_ == "even":
        return first[1].idx
    return start


_DISCOURSE_POS = frozenset(("ADV", "CCONJ", "INTJ"))


def _direct(content: Range, context: _Context) -> bool:
    """Verbatim words: the content is a quotation or quotes the source in part ("must “do everything”")."""
    for start, end in context.quotes_from(content[0]):
        if start > content[1] + 1:
            return False
        if end <= content[1] + 1:
            return True
    return False


def _content(verb: Token, open_frames: bool = False) -> tuple[Range, int] | None:
    """The content's character range and where the cue ends (a governed preposition joins the cue). Which
    complements count depends on the verb's frames in ``cues``; a verb the cue model found takes any."""
    lemma = verb.lemma_.lower()
    cue_end = _cue_end(verb)
    clauses = [c for c in verb.children if c.dep_ in _CLAUSES]
    clause_cue = open_frames or lemma in cues.CLAUSE_CUES
    if clauses and clause_cue:
        clause = min(clauses, key=lambda c: abs(c.i - verb.i))
        subject = _passive_subject(verb)
        if subject is not None and clause.i > verb.i and clause.dep_ == "xcomp":
            return (_edges(subject)[0], _edges(clause)[1]), cue_end  # "X is expected to win"
        told = _object_told(verb, clause)
        if told is not None:
            return (_edges(told)[0], _edges(clause)[1]), cue_end
        return _edges(clause), cue_end
    if clause_cue and (verb.dep_ in ("parataxis", "ccomp") or _postposed(verb) or _as_clause(verb)):
        content = _clause_without(verb.head, verb)
        if content is not None:
            return content, cue_end
    fronted = _fronted_clause(verb) if clause_cue else None
    if fronted is not None:
        return _in_paragraph(_edges(fronted), verb), cue_end
    shared = _shared_with_conjunct(verb)
    if shared is not None:
        return shared
    if not open_frames and lemma not in cues.OBJECT_CUES:
        return None
    for child in verb.rights:
        if child.dep_ == "prep" and child.lower_ in cues.CUE_PREPOSITIONS.get(lemma, ()):
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp") and not _when(c)]
            if objects:
                return _edges(objects[0]), max(cue_end, child.idx + len(child))
    objects = [c for c in verb.rights if c.dep_ in _OBJECTS]
    if objects:
        tail = [c for c in verb.rights if c.dep_ in _OBJECT_TAIL and c.i >= objects[0].i]
        return (_edges(objects[0])[0], max(_edges(c)[1] for c in tail)), cue_end
    return None


def _fronted_clause(verb: Token) -> Token | None:
    """"CONTENT, the Times reported" parsed with the content as the cue's adverbial clause: a clause with no
    subordinator ("because", "when") before the cue's subject, a comma right before the subject; not a passive
    participle with its agent ("Asked by reporters, Trump said no")."""
    subject = next((c for c in reversed(list(verb.lefts)) if c.dep_ == "nsubj"), None)
    if subject is None or subject.left_edge.i == 0 or verb.doc[subject.left_edge.i - 1].text != ",":
        return None
    return next((c for c in verb.lefts if c.dep_ == "advcl" and c.i < subject.i
                 and not any(g.dep_ in ("mark", "advmod") and g.i < c.i for g in c.children)
                 and not (c.tag_ == "VBN" and any(g.dep_ == "agent" for g in c.children))), None)


def _in_paragraph(span: Range, verb: Token) -> Range:
    """A content before its cue starts in the cue's paragraph: the parser may run a headline or a dateline
    into the sentence below it."""
    text = verb.doc.text
    paragraph = text.rfind("\n\n", span[0], verb.idx)
    if paragraph < 0:
        return span
    start = paragraph + 2
    while start < span[1] and text[start].isspace():
        start += 1
    return start, span[1]


def _when(token: Token) -> bool:
    """"reported on Saturday": a date or time (or a preposition governing one) is when it was said, never what."""
    if token.dep_ == "prep":
        objects = [c for c in token.children if c.dep_ == "pobj"]
        return bool(objects) and all(_when(c) for c in objects)
    return token.ent_type_ in ("DATE", "TIME")


def _object_told(verb: Token, clause: Token) -> Token | None:
    """"urged Republicans to disavow him": the object of a verb that puts its clause to someone is part of
    the content (PolNeAR's reading), but not the addressee of "told reporters that…"."""
    lemma = verb.lemma_.lower()
    if clause.i < verb.i or lemma in cues.TELL_VERBS or (clause.dep_ == "ccomp" and lemma in cues.ADDRESSEE_VERBS):
        return None
    return next((c for c in verb.rights if c.dep_ == "dobj" and c.i < clause.left_edge.i), None)


def _adjacent_quotation(verb: Token, context: _Context) -> tuple[Range, int] | None:
    """"“…,” Trump said." / "He said: “…”" where the parser split the quotation off into sentences of its
    own: the quotation that ends right before the cue's clause (only its subject between, same paragraph)
    or opens right after the cue is the content."""
    doc, text = verb.doc, context.text
    if verb.lemma_.lower() not in cues.CLAUSE_CUES:
        return None
    cue_end = _cue_end(verb)
    paragraph = context.paragraph(verb.idx)
    clause_start = min([verb.i] + [c.left_edge.i for c in verb.lefts if c.dep_ in ("nsubj", "aux", "neg", "advmod")
                                   and not context.quoted(c.left_edge.idx)])
    before = doc[clause_start].idx
    last = context.last_quote_ending_by(before)
    if last is not None and last[0] >= paragraph[0] and not text[last[1]:before].strip(" ,—–-"):
        return last, cue_end
    for start, end in itertools.islice(context.quotes_from(cue_end), 1):
        between = text[cue_end:start]
        if not between.strip(" ,:\n") and ("\n" not in between or text[cue_end - 1] == ":"):
            return (start, end), cue_end  # a quotation in the next paragraph only after "said:"
    return None


def _shared_with_conjunct(verb: Token) -> tuple[Range, int] | None:
    """"has not confirmed or denied these reports": both verbs are the cue and share the object."""
    conjuncts = [c for c in verb.rights if c.dep_ == "conj" and c.lemma_.lower() in cues.CUE_VERBS]
    if not conjuncts or conjuncts[0].i - verb.i > 3 or any(c.dep_ in ("nsubj", "nsubjpass") for c in conjuncts[0].children):
        return None
    conjunct = conjuncts[0]
    if not any(c.dep_ == "cc" and verb.i < c.i < conjunct.i for c in verb.children):
        return None
    found = _content(conjunct)
    if found is None:
        return None
    return found[0], conjunct.idx + len(conjunct)


def _passive_subject(verb: Token) -> Token | None:
    if any(c.dep_ == "agent" for c in verb.children):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    return subject if subject is not None and subject.lower_ not in ("it", "there") else None


def _postposed(verb: Token) -> bool:
    """"CONTENT, X said" / "CONTENT, said X": the parser sometimes hangs the cue clause off the content's verb."""
    if verb.dep_ not in ("advcl", "conj") or verb.head.i > verb.i:
        return False
    if any(c.dep_ in ("mark", "advmod", "dobj", "ccomp", "xcomp") and c.i < verb.i for c in verb.children):
        return False
    return any(c.dep_ == "nsubj" for c in verb.children) or _inverted_subject(verb) is not None


def _as_clause(verb: Token) -> bool:
    """"…, as Breitbart reported" / "that, as Trump points out, is…": the clause the cue comments on is the content."""
    return verb.dep_ == "advcl" and verb.head.pos_ in ("VERB", "AUX") and any(
        c.dep_ == "mark" and c.lower_ == "as" for c in verb.lefts) and not any(  # not "as X talked about Y"
        c.dep_ not in ("punct", "prt", "advmod", "npadvmod") for c in verb.rights)


def _inverted_subject(verb: Token) -> Token | None:
    """"…, said the spokesman": a name right after a saying verb, which the parser may call its object."""
    following = [c for c in verb.rights if c.dep_ in ("dobj", "attr", "nsubj")]
    if following and following[0].pos_ == "PROPN" and following[0].left_edge.i == verb.i + 1:
        return following[0]
    return None


def _clause_without(head: Token, part: Token) -> Range | None:
    """The clause of ``head`` minus the subtree of ``part`` when that sits at its start or end; a cue in the
    middle ("A," he said, "B.") keeps the whole clause, and the cut is the benchmark's job."""
    doc = head.doc
    start, end = head.left_edge.i, head.right_edge.i + 1
    while end > start and (doc[end - 1].is_space or doc[end - 1].is_punct and doc[end - 1].text not in "”\"'"):
        end -= 1  # a line break after the final stop hangs on the root too
    cut_start, cut_end = part.left_edge.i, part.right_edge.i + 1
    if cut_start <= start:
        start = cut_end
    elif cut_end >= end:
        end = cut_start
    return _token_range(doc, start, end) if start < end else None


def _source_token(verb: Token) -> Token | None:
    """The subject; for passives the agent; for subjectless participles and conjuncts, the governor's; an
    inverted subject ("…, said the spokesman") may be parsed as an object after the verb."""
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    if subjects:  # of two subjects ("…Congress," Rep. Cummings said), the parser's stray one is the farther
        return min(subjects, key=lambda c: abs(c.i - verb.i))
    for child in verb.lefts:
        nested = next((t for t in child.subtree if t.dep_ == "nsubj" and t.head == child), None)
        if nested is not None and child.dep_ in ("advmod", "prep", "npadvmod"):
            return nested  # "officials close to the Journal claimed": the parser hangs them off "close"
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head  # "a report saying that…"
    if verb.tag_ == "VBN" and verb.lemma_.lower() == "ask" and verb.dep_ == "advcl":
        return None  # "Asked about it, he said": he is who was asked, not who asks
    if verb.dep_ in ("advcl", "conj", "xcomp") and verb.head != verb and verb.head.pos_ in ("VERB", "AUX"):
        return _source_token(verb.head)
    if verb.dep_ in ("parataxis", "ccomp", "advcl", "conj", "ROOT"):
        return _inverted_subject(verb)
    return _governing_subject(verb)


#: Links from a cue word up to the verb whose subject speaks: "turned his attention to", "aggressive in
#: denouncing", "remain hopeful that", "portraying … as" after the main clause.
_UP_TO_SPEAKER = frozenset(("dobj", "pobj", "prep", "pcomp", "acomp", "attr", "xcomp", "advcl", "oprd"))


def _governing_subject(cue: Token) -> Token | None:
    """The source of a nominal or embedded cue: its possessor ("Sanders's attacks on"), else the subject
    of the nearest verb it hangs from (at most three links up)."""
    possessor = next((c for c in cue.children if c.dep_ == "poss"), None)
    if possessor is not None:
        return possessor
    current = cue
    for _ in range(3):
        if current.dep_ not in _UP_TO_SPEAKER or current.head == current:
            return None
        current = current.head
        subject = next((c for c in current.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            return subject
    return None


def _cue_start(verb: Token) -> int:
    """Auxiliaries, negation and adverbs right before the verb belong to the cue ("has also said")."""
    start = verb.i
    for child in reversed(list(verb.lefts)):
        if child.i == start - 1 and child.dep_ in ("aux", "auxpass", "neg", "advmod"):
            start = child.i
        else:
            break
    return verb.doc[start].idx


def _cue_end(verb: Token) -> int:
    """What directly follows the verb and belongs to the cue: a particle ("shot back"), a weekday or manner
    adverb ("said Sunday"), a governed preposition ("called on"), the medium ("said in a statement") and a
    colon introducing a quote ("said:")."""
    doc = verb.doc
    lemma = verb.lemma_.lower()
    end = verb.i
    for child in verb.rights:
        if child.i != end + 1:
            break
        if child.dep_ == "prt" or (child.dep_ in ("advmod", "npadvmod") and _is_cue_adverb(child)) or child.dep_ == "prep" and child.lower_ in cues.CUE_PREPOSITIONS.get(lemma, ()):
            end = child.i
        elif child.dep_ == "prep" and child.lower_ == "in":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects and objects[0].lemma_.lower() in cues.STATEMENT_NOUNS:
                end = objects[0].i
        else:
            break
    if end + 1 < len(doc) and doc[end + 1].text == ":":
        end += 1
    return doc[end].idx + len(doc[end])


def _is_cue_adverb(token: Token) -> bool:
    return (token.pos_ == "ADV" and token.lower_ not in ("that", "so", "as")) or token.lower_ in cues.WEEKDAYS


# --- spans ---------------------------------------------------------------------------------------------------

def _edges(token: Token) -> Range:
    """The token's subtree as characters, without trailing punctuation other than closing quotes."""
    doc = token.doc
    start, end = token.left_edge.i, token.right_edge.i
    while end > start and (doc[end].text in (",", ";", ":", "-", "—", "–") or doc[end].dep_ == "cc"):
        end -= 1
    while start < end and doc[start].is_punct and doc[start].text not in "“\"'`":
        start += 1
    return doc[start].idx, doc[end].idx + len(doc[end])


def _clip(content: Range, anchor: int, context: _Context) -> Range:
    """Keep the content within the cue's paragraph (and the next, when the cue's ends in a colon and the next
    opens a quotation: "He said:⏎⏎“…”"), or within the quotation it continues into."""
    start, end = context.paragraph(anchor)
    below = context.quotation_below(anchor)
    if below is not None:
        end = below[1]
    for q_start, q_end in context.quotes_ending_after(start):
        if q_start >= end:
            break
        start, end = min(start, q_start), max(end, q_end)
    return max(content[0], start), min(content[1], end)


def _without_aside(content: Range, context: _Context) -> Range:
    """The content without a trailing aside: from the first comma (or dash) outside quotations after which
    the rest is one subtree hanging, as an aside, off a word before the mark (PolNeAR leaves it out). Such a
    subtree holds the content's last word, so its top is one of that word's governors: walking up from it
    finds every aside without trying each comma (a sentence of a thousand clauses has as many)."""
    doc, read = context.doc, reading(context.doc)
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


def _tidy(content: Range, context: _Context) -> Range | None:
    """Trim edge punctuation, then widen to a quotation the content starts or ends in."""
    text = context.text
    start, end = content
    while start < end and (text[start].isspace() or text[start] in _EDGE_PUNCT):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _EDGE_PUNCT):
        if text[end - 1] == "." and _ABBREVIATION_END.search(text, max(start, end - 4), end):  # bounded: hostile text
            break
        end -= 1
    start = _past_dateline(text, start, end)
    if start >= end:
        return None
    first = context.quote_at(start, start + 1)
    if first is not None and first[0] <= start:
        start = first[0]
    last = context.quote_at(end - 1, end)
    if last is not None and end <= last[1]:
        end = last[1]
    return start, end


def _continue_quotes(draft: Draft, context: _Context, claimed: set[int]) -> None:
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
                and text[before[0]:before[1]].rstrip(_QUOTE_CHARS).endswith(",")
                and not text[before[1]:frame[0]].strip(" ,—–-")):
            draft.gaps.append((before[1], draft.content[0]))
            draft.content = (before[0], draft.content[1])
        if text[frame[0]:draft.content[0]].rstrip().endswith(":"):  # "said in an interview: “A.” “B.”"
            for quotation in context.quotes_within(draft.content[1], paragraph[1]):
                if (text[draft.content[1]:quotation[0]].strip(" .") or not _free(quotation, text, claimed)
                        or text[max(draft.content[0], draft.content[1] - 8):draft.content[1]]
                        .rstrip(_QUOTE_CHARS + " ").endswith("?")):
                    break  # "asked him: “Will you run?” “Never.”": the answer is not the asker's
                _append_piece(draft, quotation)
        return
    if draft.cue[0] < draft.content[1]:
        return
    after = next(context.quotes_from(frame[1]), None)
    if after and after[0] < paragraph[1] and _free(after, text, claimed) and (
            not text[frame[1]:after[0]].strip(" ,") or _narrates(draft.cue_token, frame[1], after[0])):
        _append_piece(draft, after)
    sent_end = sentence(draft.cue_token).end_char
    while sent_end > draft.cue[1] and (text[sent_end - 1].isspace() or text[sent_end - 1] in _OPENING_MARKS):
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


def _narrates(cue: Token, start: int, end: int) -> bool:
    """Whether the text from ``start`` to ``end`` is only the cue's own clause going on ("said to cheers at a
    rally on the outskirts of Disneyland.", "told The New York Times in 2012,"): every word in it hangs from
    the cue, and it closes with a stop or a comma."""
    if end - start > _MAX_NARRATION:
        return False
    span = cue.doc.char_span(start, end, alignment_mode="expand")
    if span is None or not text_of(cue.doc)[start:end].rstrip().endswith((".", ",", ":")):
        return False
    return all(t.is_punct or t.is_space or (cue.is_ancestor(t) and not _speaks_itself(t)) for t in span)


def _speaks_itself(token: Token) -> bool:
    """"as protesters shouted": a clause in the narration with a subject of its own ("referring to …" shares
    the speaker's)."""
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)


_MAX_NARRATION = 250  # characters of the cue's clause between two pieces of a quotation


def _continue_paragraphs(draft: Draft, context: _Context, claimed: set[int]) -> None:
    """A direct quotation that ends its paragraph, or whose cue's clause does, goes on through the next
    paragraphs that hold nothing but free quotations ("“A,” he said.⏎⏎“B.”"): a speech quoted over several
    paragraphs."""
    text = context.text
    if not draft.direct or context.quote_at(draft.content[1] - 1, draft.content[1]) is None:
        return
    end = draft.content[1]
    if draft.cue[0] >= end:  # "“A,” Collins told MSNBC.⏎⏎“B.”": the cue's clause closes the paragraph
        end = max(end, min(sentence(draft.cue_token).end_char, context.paragraph(draft.cue[0])[1]))
    for _ in range(_MAX_QUOTED_PARAGRAPHS):
        if _NON_SPACE.search(text, end, context.paragraph(end - 1)[1]):
            return
        following = context.paragraph_after(end)
        if following is None:
            return
        inside = context.quotes_within(*following)
        if not inside or _NON_SPACE.search(text, following[0], inside[0][0]):
            return
        outside = zip((q[1] for q in inside), [*(q[0] for q in inside[1:]), following[1]])
        if any(_WORD_CHAR.search(text, a, b) for a, b in outside) or not all(_free(q, text, claimed) for q in inside):
            return
        for quotation in inside:
            _append_piece(draft, quotation)
        end = draft.content[1]


_MAX_QUOTED_PARAGRAPHS = 3
_NON_SPACE = re.compile(r"\S")
_WORD_CHAR = re.compile(r"[^\W_]")


def _append_piece(draft: Draft, quotation: Range) -> None:
    draft.gaps.append((draft.content[1], quotation[0]))
    draft.content = (draft.content[0], quotation[1])
