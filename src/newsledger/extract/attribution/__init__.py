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

The package, in the order a doc goes through it: ``document`` (the doc, and what the rules look up in it,
made once per call and passed to every part), ``proposals`` (the lexicon rules' drafts), ``frames`` (a cue
verb's content and extent), ``tagged`` (the cue model's runs become drafts), ``quotations`` (signed
quotations; a quotation split around its speaker or running over paragraphs), ``spans`` (the span rules,
named and in order, each with its reason; ``without`` switches rules off), then ``assemble`` (continuations,
records) with ``sources``, ``relays`` and ``stance``.
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsledger.extract import attribution_model
from newsledger.extract.attribution.assemble import assemble, extend_continuations
from newsledger.extract.attribution.document import Document
from newsledger.extract.attribution.draft import Draft, EntityAt
from newsledger.extract.attribution.proposals import proposals_and_context
from newsledger.extract.attribution.quotations import (
    continue_paragraphs,
    continue_quotes,
    signed_quotations,
    without_signed_quotations,
)
from newsledger.extract.attribution.rules import NAMES, RULES
from newsledger.extract.attribution.tagged import (
    accepted_drafts,
    sheet_for,
    without_nested_cues,
)
from newsledger.extract.attribution_model import CueModel
from newsledger.extract.content_spans import ContentModel
from newsledger.extract.cues import Range
from newsledger.records import Attribution

__all__ = ["RULES", "Document", "Draft", "extract_attributions", "proposals_and_context", "sheet_for"]

def extract_attributions(
    doc: Doc, article_id: str, entity_at: EntityAt | None = None, *, model: CueModel | None = None,
    outlet: str | None = None, content_model: ContentModel | None = None, without: frozenset[str] = frozenset(),
) -> list[Attribution]:
    """Every attribution in ``doc`` in document order of its cue, with ids ``{article_id}:a{n}``. The cue
    model (the shipped one unless given) decides which words are cues; the rules build the rest. The
    article's ``outlet`` (a name or slug: "The Washington Post", "wash-post") is no relay of its own
    article: "told The Post" in the Post is first-hand. A content model (``content_spans.shipped()``), when
    given, settles where each content starts and ends among variants of the rules' span (about +0.7 point of
    exact content F1 for about 2.5% of parse time; the ledger's pipeline gives it by default, this primitive
    only when asked, so that the rules alone stay callable). ``without`` names span rules (``RULES``) to
    switch off, to measure what each buys."""
    unknown = set(without) - NAMES
    if unknown:
        raise ValueError(f"no span rule named {', '.join(sorted(unknown))}")
    context, proposed = proposals_and_context(doc, frozenset(without))
    drafts: dict[Range, Draft] = {}
    signed = signed_quotations(context)
    accepted = accepted_drafts(proposed, model or attribution_model.shipped(), context)
    for draft in (*without_signed_quotations(accepted, signed, len(context.text)), *signed):
        drafts.setdefault(draft.cue, draft)
    ordered = without_nested_cues(sorted(drafts.values(), key=lambda d: d.cue))
    claimed = {draft.content[0] for draft in ordered}  # where contents start: no other speaker's next piece
    settled = {id(draft) for draft in signed}  # a signed quotation is whole: its marks are its edges
    for draft in ordered:
        if id(draft) not in settled:
            continue_quotes(draft, context, claimed)
            continue_paragraphs(draft, context, claimed)
    extend_continuations(ordered, context)
    if content_model is not None:
        content_model.refine(ordered, context, settled)
    return assemble(ordered, context, article_id, entity_at, outlet)
