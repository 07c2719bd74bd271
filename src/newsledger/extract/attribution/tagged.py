"""The cue model's say: which tokens are cues. Each run of cue-tagged tokens becomes one draft: the rules'
draft whose cue word is in it, else one framed around the run's head; its cue is widened to the verb of its
frame, and a cue inside a longer one is no cue again."""

from __future__ import annotations

import bisect

from spacy.tokens import Span, Token

from newsledger.extract import cues
from newsledger.extract.attribution import rules
from newsledger.extract.attribution.document import Document
from newsledger.extract.attribution.draft import Draft
from newsledger.extract.attribution.frames import (
    CLAUSES,
    cue_start,
    is_time,
    source_token_of,
    verbal,
)
from newsledger.extract.attribution.spans import (
    clip,
    is_direct,
    source_range,
    tidy,
    token_range,
    without_aside,
)
from newsledger.extract.attribution_model import CueModel, Sheet, runs
from newsledger.extract.cues import Range

#: Dependents of a cue run that are not its content when the rules cannot frame it.
_NOT_CONTENT = frozenset(("punct", "cc", "conj", "nsubj", "nsubjpass", "advmod", "npadvmod", "dep", "appos"))


def sheet_for(context: Document, proposed: list[Draft]) -> Sheet:
    """The cue model's view of the doc: parse, quotations, the lexicon rules' cues marked by the side their
    content lies on ("label" for a speaker's label before a colon), and which tokens lie in their contents (a
    cue after its content, "…, reported X", is outside the content of the cue that governs it in the
    parse)."""
    read = context.read
    starts, ends = read.idx, read.ends

    def tokens(chars: Range) -> range:  # the tokens overlapping a character range
        return range(bisect.bisect_right(ends, chars[0]), bisect.bisect_left(starts, chars[1]))

    rule = [""] * read.n
    reported = [False] * read.n
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
    return Sheet(read, quoted, rule, cues.CUE_VERBS, reported)


def accepted_drafts(proposed: list[Draft], model: CueModel, context: Document) -> list[Draft]:
    """One draft per run of cue-tagged tokens: the rules' draft whose cue word is in the run, else a draft
    built around the run's head; the cue becomes the run (widened to the rules' cue)."""
    doc = context.doc
    tags = model.tag(sheet_for(context, proposed))
    by_token = {d.cue_token.i: d for d in proposed}
    drafts = []
    for start, end in runs(tags):
        draft = next((by_token[i] for i in range(start, end) if i in by_token), None)
        if draft is None:
            anchor = _run_head(doc[start:end])
            draft = verbal(anchor, context, open_frames=True) if anchor is not None else None
        if draft is None:
            draft = around_run(doc[start:end], context)
        if draft is not None and _fitted(draft, doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), context):
            widen_to_verb(draft, doc[start:end], context)
            drafts.append(draft)
    return drafts


#: Links from a cue's preposition up to the verb of its frame: "provided new details | about",
#: "voting in favor | of", "to be cynical | about".
_UP_TO_VERB = frozenset(("prep", "pobj", "dobj", "acomp", "attr", "pcomp"))


def widen_to_verb(draft: Draft, run: Span, context: Document) -> None:
    """A cue run that starts with a preposition ("about") or an infinitive's "to" ("declined | to say") is
    the tail of a frame PolNeAR marks whole: the cue starts at the verb it hangs from (with its
    auxiliaries), when source and content stay clear of it."""
    if context.skips(rules.CUE_TO_FRAME_VERB):
        return
    first = run[0]
    if first.lower_ == "to" and first.dep_ == "aux" and first.head.dep_ == "xcomp" and first.head.head.i == first.i - 1:
        current = first.head.head
    elif first.pos_ == "ADP":
        current = _verb_above(first)
    else:
        return
    if current is None:
        return
    start = cue_start(current)
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


def around_run(run: Span, context: Document) -> Draft | None:
    """A cue the rules cannot frame: the content is what the run governs to its right ("has the support of
    | women"), else the subject of a passive ("X were echoed"); the source the subject of its head word."""
    head = _word_head(run)
    dependents = [c for t in run for c in t.rights if c.i >= run.end and c.dep_ not in _NOT_CONTENT and not is_time(c)]
    source_token = source_token_of(head)
    subject = next((c for c in head.lefts if c.dep_ == "nsubjpass"), None)
    agent = any(c.dep_ == "agent" for c in head.children)
    modified = subject is None and agent and head.dep_ == "acl" and head.head.pos_ in ("NOUN", "PROPN")
    if modified:
        subject = head.head  # "the bill, supported by Republicans": the agent speaks, of the bill
    if subject is not None and agent:
        # "X was first reported by the Post": the agent speaks, of X (of the clause, when one follows)
        dependents = [c for c in dependents if c.dep_ in CLAUSES]
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
    content = tidy(without_aside(clip(token_range(run.doc, *content), head.idx, context), context), context)
    if content is None:
        return None
    return Draft(
        cue=(run.start_char, run.end_char),
        cue_token=head,
        content=content,
        source=source_range(source_token, head, context) if source_token is not None else None,
        source_token=source_token,
        direct=is_direct(content, context),
    )


def _fitted(draft: Draft, start: int, end: int, context: Document) -> bool:
    """Join the run's span to the draft's cue; where the run reaches into the content's near edge ("his
    critique of | X"), the cue keeps those words and the content gives them up. False if no content is left."""
    draft.cue = min(start, draft.cue[0]), max(end, draft.cue[1])
    content = draft.content
    if draft.cue[0] <= content[0] < draft.cue[1]:
        content = (draft.cue[1], content[1])
    elif draft.cue[0] < content[1] <= draft.cue[1] and content[0] < draft.cue[0]:
        content = (content[0], draft.cue[0])
    if content != draft.content:
        tidied = tidy(content, context) if content[0] < content[1] else None
        if tidied is None:
            return False
        draft.content = tidied
        draft.gaps = [gap for gap in draft.gaps if tidied[0] < gap[0] and gap[1] < tidied[1]]
    return True


def without_nested_cues(drafts: list[Draft]) -> list[Draft]:
    """A verb already inside a longer cue ("denied" in "has not confirmed or denied") is not a cue again.
    Cues are distinct; in order of start, longest first, a cue is nested when an earlier one reaches its end."""
    nested, reach = set(), -1
    for draft in sorted(drafts, key=lambda d: (d.cue[0], -d.cue[1])):
        if reach >= draft.cue[1]:
            nested.add(id(draft))
        reach = max(reach, draft.cue[1])
    return [d for d in drafts if id(d) not in nested]
