"""The content ranker's shortcuts give what the straightforward definitions give."""

from __future__ import annotations

import itertools

from newsledger.annotate.nlp import load
from newsledger.extract import content_spans
from newsledger.extract.attribution import extract_attributions
from newsledger.extract.content_sheet import Sheet
from newsledger.extract.content_spans import ContentModel
from newsledger.extract.reading import Reading

TEXT = ("Smith said the plan had failed in the city,  reversing a decade of growth.\n\n"
        "\"It is over,\" she told reporters on Friday, adding that talks, which began in May, had collapsed.  ")


def test_char_span_is_spacys_expanded_span():
    doc = load()(TEXT)
    sheet = Sheet(Reading(doc))
    for start, end in itertools.combinations(range(-2, len(TEXT) + 3), 2):
        span = doc.char_span(start, end, alignment_mode="expand")
        assert sheet.char_span(start, end) == ((span.start, span.end) if span is not None else None), (start, end)


def test_bin_is_the_distance_up_to_three():
    assert [content_spans._bin(n) for n in (-9, -4, -3, 0, 2, 3, 4, 40)] == ["<", "<", "-3", "0", "2", "3", ">", ">"]


def test_first_at_each_keeps_the_first_edge_at_a_token_in_order():
    edges = [(5, "r"), (4, "m1"), (5, "sent"), (6, "p1"), (4, "comma")]
    assert content_spans._first_at_each(edges) == [(5, "r"), (4, "m1"), (6, "p1")]


class _Keep:
    def __init__(self):
        self.found = []

    def refine(self, drafts, context, settled=frozenset()):
        cues = [draft.cue for draft in drafts]
        self.found += [content_spans.candidates(draft, context, cues) for draft in drafts]


def test_scores_are_the_sums_part_by_part():
    keep = _Keep()
    extract_attributions(load()(TEXT), "t", content_model=keep)
    model = content_spans.shipped()
    found = [c for candidates in keep.found for c in candidates]
    assert len(found) > 10
    for candidates in keep.found:
        plain = [0.0 + sum(model.weights.get(f, 0.0) for f in start) + sum(model.weights.get(f, 0.0) for f in end)
                 + sum(model.weights.get(f, 0.0) for f in pair) for start, end, pair in (c.parts for c in candidates)]
        assert model.scores(candidates) == plain
    assert ContentModel({"eo=comma": 1.0}).score(content_spans.Candidate(0, 1, (0, 1), (("eo=comma",),))) == 1.0


def test_a_candidates_cues_are_the_run_of_sorted_cues_inside_it_without_its_own():
    cues = [(0, 4), (10, 14), (10, 16), (20, 24), (30, 34)]
    for own in range(-1, len(cues)):
        for first in range(len(cues) + 1):
            for past in range(first, len(cues) + 1):
                held = {k for k in range(first, past) if k != own}
                for other_first in range(len(cues) + 1):
                    for other_past in range(other_first, len(cues) + 1):
                        other = {k for k in range(other_first, other_past) if k != own}
                        same = content_spans._held(first, past, own) == content_spans._held(other_first, other_past, own)
                        assert same == (held == other)
    assert content_spans._cues_from(cues, 10) == 1 and content_spans._cues_from(cues, 11) == 3
    assert content_spans._index_of(cues, (10, 16)) == 2 and content_spans._index_of(cues, (10, 15)) == -1
