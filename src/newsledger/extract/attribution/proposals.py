"""The lexicon rules' proposals: a draft attribution around each cue word the rules know — a speech or
cognition verb (``frames``), "according to", "in a poll", a hearsay adverb ("reportedly"), a speaker's label
before a colon. The cue model weighs them among its features and keeps those it confirms (``tagged``)."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from newsledger.extract import cues
from newsledger.extract.attribution import rules
from newsledger.extract.attribution.document import (
    OPENING_MARKS,
    QUOTE_CHARS,
    Document,
    is_name_word,
)
from newsledger.extract.attribution.draft import Draft
from newsledger.extract.attribution.frames import verbal
from newsledger.extract.attribution.spans import (
    clip,
    edges,
    is_direct,
    tidy,
    token_range,
    without_aside,
)
from newsledger.extract.cues import Range


def proposals_and_context(doc: Doc, without: frozenset[str] = frozenset()) -> tuple[Document, list[Draft]]:
    """The lexicon rules' drafts, which the cue model weighs among its features, and the document (quotations,
    paragraphs, the span rules switched off) they were found in."""
    context = Document(doc, without)
    proposed = []
    for i in _draftable(context):
        token = doc[i]
        if context.quoted(token.idx) and token.text != ":":  # a transcript's "WALLACE: …" is quoted
            continue  # the speaker's own "I think" inside a quotation is not the article's attribution
        draft = propose(token, context)
        if draft is not None:
            proposed.append(draft)
    return context, proposed


#: Words a draft may start from besides cue verbs (``propose``).
_DRAFT_WORDS = frozenset(("according", "in", ":")) | cues.HEARSAY_ADVERBS


def _draftable(context: Document) -> list[int]:
    """The tokens ``propose`` may start from, found from the doc's reading so that no other token is built as a
    spaCy ``Token``."""
    read = context.read
    lemma, pos = read.lemma, read.pos
    return [i for i, word in enumerate(read.lower)
            if word in _DRAFT_WORDS or pos[i] in ("VERB", "AUX") and lemma[i] in cues.CUE_VERBS]


def propose(token: Token, context: Document) -> Draft | None:
    lower = token.lower_
    if lower == "according" and token.i + 1 < len(token.doc) and token.nbor().lower_ == "to":
        return _prepositional(token, token.nbor(), context)
    if lower == "in" and token.dep_ == "prep" and _is_document_pp(token, context):
        return _prepositional(token, token, context)
    if token.text == ":":
        return _colon(token, context)
    if lower in cues.HEARSAY_ADVERBS and token.dep_ == "advmod":
        return _hearsay(token, context)
    if token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in cues.CUE_VERBS:
        return verbal(token, context)
    return None


def _is_document_pp(prep: Token, context: Document) -> bool:
    """"In a new poll, …": a sentence-initial "in" whose object is a poll, survey, statement…; a poll or
    survey speaks through "in" mid-sentence too ("Clinton leads Trump in a CBS News poll"), which PolNeAR
    marks as the cue, while a statement or email there is the medium of a speech verb ("said in a statement")."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    if not objects:
        return False
    lemma = objects[0].lemma_.lower()
    if prep.i == context.sentence(prep).start:
        return lemma in cues.SOURCE_DOCUMENTS and prep.head.pos_ in ("VERB", "AUX")
    return lemma in cues.POLL_NOUNS and prep.head.pos_ in ("VERB", "AUX", "NOUN")


def _prepositional(first: Token, last: Token, context: Document) -> Draft | None:
    """"According to X, CONTENT" / "In X, CONTENT": the object is the source, the rest of the sentence the
    content (the part before the phrase when it stands mid-sentence, as PolNeAR annotates it)."""
    objects = [c for c in last.children if c.dep_ == "pobj"] or [c for c in first.children if c.dep_ == "pobj"]
    if not objects:
        return None
    sent = context.sentence(first)
    phrase_start, phrase_end = first.i, max(first.right_edge.i, objects[0].right_edge.i) + 1
    doc = first.doc
    gaps = []
    if phrase_start - sent.start <= 1:
        span = (phrase_end, sent.end)
    elif first.head.i >= phrase_end and phrase_end < sent.end - 1:
        # "The economy, according to the report, is growing": the clause around it
        span = (past_conjunction(context, sent.start, phrase_start), sent.end)
        gaps = [token_range(doc, phrase_start, phrase_end)]
    else:
        span = (past_conjunction(context, sent.start, phrase_start), phrase_start)
    if span[0] >= span[1]:
        return None
    content = tidy(without_aside(token_range(doc, span[0], span[1]), context), context)
    if content is None:
        return None
    return Draft(
        cue=(first.idx, last.idx + len(last)),
        cue_token=first,
        content=content,
        source=edges(objects[0]),
        source_token=objects[0],
        gaps=[gap for gap in gaps if content[0] < gap[0] and gap[1] < content[1]],
    )


def past_conjunction(context: Document, start: int, end: int) -> int:
    """A content around "according to X" starts after the "And"/"But" or the "Still," that opens its
    sentence."""
    if context.skips(rules.AFTER_OPENING_CONJUNCTION):
        return start
    doc = context.doc
    if start < end and doc[start].pos_ == "CCONJ":
        start += 1
    if start + 1 < end and doc[start].pos_ == "ADV" and doc[start + 1].text == ",":
        start += 2
    return start


def _colon(colon: Token, context: Document) -> Draft | None:
    """A short name opening a line or sentence before a colon is a speaker's label: a headline's "Clinton
    camp: Trump's Islamophobia threatens…" or "Poll: …", a transcript's "PENCE: Well, …" (inside the
    quotation marks that open each of its paragraphs), a roundup's "… - Carl Bialik: “…”". The label is the
    source, the rest of the sentence (in a transcript, of the speaker's turn) the content."""
    doc, text = colon.doc, context.text
    paragraph_start, paragraph_end = context.paragraph(colon.idx)
    start = _label_start(colon, paragraph_start, context)
    if start is None:
        return None
    transcript = context.quoted(colon.idx)
    if transcript:  # only the label right after the mark that opens the paragraph
        opening = text[paragraph_start:doc[start].idx].strip()
        if len(opening) != 1 or opening not in OPENING_MARKS:
            return None
    label = doc[start:colon.i]
    if not _is_speaker_label(label, context):
        return None
    if transcript:
        content = _turn(colon, context, paragraph_end)
    else:
        sent = context.sentence(colon)
        end = paragraph_end if sent.end_char <= colon.idx + 2 else min(paragraph_end, sent.end_char)
        content = tidy((colon.idx + 1, end), context)
    if content is None:
        return None
    return Draft(
        cue=(colon.idx, colon.idx + 1),
        cue_token=colon,
        content=content,
        source=(label.start_char, label.end_char),
        source_token=label.root,
    )


def _turn(colon: Token, context: Document, paragraph_end: int) -> Range | None:
    """A transcript speaker's words: after the colon to the end of the paragraph or of the quotation marks
    around it, whichever comes first ("PENCE: Yes." He smiled.), without those marks."""
    text = context.text
    quotation = context.quote_at(colon.idx, colon.idx + 1)
    start, end = colon.idx + 1, min(paragraph_end, quotation[1]) if quotation is not None else paragraph_end
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in QUOTE_CHARS):
        end -= 1
    return (start, end) if start < end else None


#: Dashes that may stand between a section title and a speaker's label ("EARLY - Carl Bialik:"); a hyphen
#: only with spaces around it ("Wasserman-Schultz" is one name).
_LABEL_BREAKS = frozenset(("-", "–", "—", "―", "--"))
_SPACED_ONLY = frozenset(("-", "--"))
_MAX_LABEL = 5


def _label_start(colon: Token, paragraph_start: int, context: Document) -> int | None:
    """Where a label before ``colon`` starts: at its sentence's or line's start, or past a dash, and past
    opening quotation marks; None when that lies more than a label's length away."""
    doc = colon.doc
    floor = max(context.sentence(colon).start, colon.i - _MAX_LABEL - 3)  # room for marks and a dash before the label
    start = None
    for i in range(colon.i - 1, floor - 1, -1):
        if doc[i].idx < paragraph_start or _breaks_label(doc, i):
            start = i + 1
            break
    if start is None:
        if floor > context.sentence(colon).start:
            return None  # the sentence began further back in the line: a long clause, no label
        start = floor
    while start < colon.i and (doc[start].is_space or doc[start].text in OPENING_MARKS):
        start += 1
    return start


def _breaks_label(doc: Doc, i: int) -> bool:
    token = doc[i]
    if token.text not in _LABEL_BREAKS:
        return False
    return token.text not in _SPACED_ONLY or bool(token.whitespace_ and i and doc[i - 1].whitespace_)


def _is_speaker_label(label: Span, context: Document) -> bool:
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


def _named_elsewhere(token: Token, context: Document) -> bool:
    return context.names[token.lower_] > is_name_word(token.lower_, token.pos_, token.ent_type_)


def _hearsay(adverb: Token, context: Document) -> Draft | None:
    """"The Club for Growth is reportedly spending $1.5 million": the adverb is the cue, the clause of the
    verb it modifies the content (the adverb cut out by the span's reader), and nobody is named as source."""
    verb = adverb.head
    if verb.pos_ not in ("VERB", "AUX") or verb == adverb:
        return None
    clause = token_range(adverb.doc, verb.left_edge.i, verb.right_edge.i + 1)
    content = tidy(without_aside(clip(clause, adverb.idx, context), context), context)
    if content is None:
        return None
    return Draft(
        cue=(adverb.idx, adverb.idx + len(adverb)),
        cue_token=adverb,
        content=content,
        direct=is_direct(content, context),
    )
