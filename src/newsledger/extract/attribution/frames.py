"""A cue verb's frame: which complement is its content (``cues`` lists the frames each verb takes), where
the cue starts and ends (auxiliaries, particles, a governed preposition, the medium, a colon), and who
speaks (subject, agent, the governor's subject, an inverted subject)."""

from __future__ import annotations

import itertools

from spacy.tokens import Token

from newsledger.extract import cues
from newsledger.extract.attribution import rules
from newsledger.extract.attribution.document import Document
from newsledger.extract.attribution.draft import Draft
from newsledger.extract.attribution.spans import (
    clip,
    edges,
    is_direct,
    source_range,
    tidy,
    token_range,
    without_aside,
)
from newsledger.extract.cues import Range

CLAUSES = ("ccomp", "xcomp")
_OBJECTS = ("dobj", "oprd", "dative")
_OBJECT_TAIL = ("dobj", "oprd", "prep", "dative", "xcomp", "ccomp", "advmod", "acomp")


def verbal(verb: Token, context: Document, open_frames: bool = False) -> Draft | None:
    """A draft around a cue verb: the content its frame takes (any complement when the cue model found the
    verb: ``open_frames``), else a quotation right beside it; its subject or agent speaks."""
    found = _content(verb, context, open_frames) or _adjacent_quotation(verb, context)
    if found is None:
        return None
    content, cue_end = found
    source_token = source_token_of(verb)
    if source_token is not None and _raised(verb, source_token, content):
        content, source_token = (edges(source_token)[0], content[1]), None
    elif source_token is not None and source_token.lower_ == "it" and verb.lemma_.lower() in cues.RAISING_CUES:
        source_token = None  # "it appears that …": nobody speaks
    content = tidy(without_aside(clip(content, verb.idx, context), context), context)
    if content is None:
        return None
    return Draft(
        cue=(cue_start(verb), cue_end),
        cue_token=verb,
        content=content,
        source=source_range(source_token, verb, context) if source_token is not None else None,
        source_token=source_token,
        direct=is_direct(content, context),
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


def _content(verb: Token, context: Document, open_frames: bool = False) -> tuple[Range, int] | None:
    """The content's character range and where the cue ends (a governed preposition joins the cue). Which
    complements count depends on the verb's frames in ``cues``; a verb the cue model found takes any."""
    lemma = verb.lemma_.lower()
    cue_end = _cue_end(verb)
    clauses = [c for c in verb.children if c.dep_ in CLAUSES]
    clause_cue = open_frames or lemma in cues.CLAUSE_CUES
    if clauses and clause_cue:
        clause = min(clauses, key=lambda c: abs(c.i - verb.i))
        subject = _passive_subject(verb)
        if subject is not None and clause.i > verb.i and clause.dep_ == "xcomp":
            return (edges(subject)[0], edges(clause)[1]), cue_end  # "X is expected to win"
        told = object_told(verb, clause, context)
        if told is not None:
            return (edges(told)[0], edges(clause)[1]), cue_end
        return edges(clause), cue_end
    if clause_cue and (verb.dep_ in ("parataxis", "ccomp") or _postposed(verb) or _as_clause(verb)):
        content = _clause_without(verb.head, verb)
        if content is not None:
            return content, cue_end
    fronted = _fronted_clause(verb) if clause_cue else None
    if fronted is not None:
        return _in_paragraph(edges(fronted), verb), cue_end
    shared = _shared_with_conjunct(verb, context)
    if shared is not None:
        return shared
    if not open_frames and lemma not in cues.OBJECT_CUES:
        return None
    for child in verb.rights:
        if child.dep_ == "prep" and child.lower_ in cues.CUE_PREPOSITIONS.get(lemma, ()):
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp") and not is_time(c)]
            if objects:
                return edges(objects[0]), max(cue_end, child.idx + len(child))
    objects = [c for c in verb.rights if c.dep_ in _OBJECTS]
    if objects:
        tail = [c for c in verb.rights if c.dep_ in _OBJECT_TAIL and c.i >= objects[0].i]
        return (edges(objects[0])[0], max(edges(c)[1] for c in tail)), cue_end
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


def is_time(token: Token) -> bool:
    """"reported on Saturday": a date or time (or a preposition governing one) is when it was said, never what."""
    if token.dep_ == "prep":
        objects = [c for c in token.children if c.dep_ == "pobj"]
        return bool(objects) and all(is_time(c) for c in objects)
    return token.ent_type_ in ("DATE", "TIME")


def object_told(verb: Token, clause: Token, context: Document) -> Token | None:
    """"urged Republicans to disavow him": the object of a verb that puts its clause to someone is part of
    the content (PolNeAR's reading), but not the addressee of "told reporters that…"."""
    if context.skips(rules.OBJECT_OF_URGING):
        return None
    lemma = verb.lemma_.lower()
    if clause.i < verb.i or lemma in cues.TELL_VERBS or (clause.dep_ == "ccomp" and lemma in cues.ADDRESSEE_VERBS):
        return None
    return next((c for c in verb.rights if c.dep_ == "dobj" and c.i < clause.left_edge.i), None)


def _adjacent_quotation(verb: Token, context: Document) -> tuple[Range, int] | None:
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


def _shared_with_conjunct(verb: Token, context: Document) -> tuple[Range, int] | None:
    """"has not confirmed or denied these reports": both verbs are the cue and share the object."""
    conjuncts = [c for c in verb.rights if c.dep_ == "conj" and c.lemma_.lower() in cues.CUE_VERBS]
    if not conjuncts or conjuncts[0].i - verb.i > 3 or any(c.dep_ in ("nsubj", "nsubjpass") for c in conjuncts[0].children):
        return None
    conjunct = conjuncts[0]
    if not any(c.dep_ == "cc" and verb.i < c.i < conjunct.i for c in verb.children):
        return None
    found = _content(conjunct, context)
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
    return token_range(doc, start, end) if start < end else None


def cue_start(verb: Token) -> int:
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


def source_token_of(verb: Token) -> Token | None:
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
        return source_token_of(verb.head)
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
