"""Origins: repetition through several outlets is one origin; syndicated copies speak with one voice."""

from __future__ import annotations

from newsledger.reconcile.independence import origin
from newsledger.records import (
    Article,
    Attribution,
    CueSpan,
    Relay,
    SourceKind,
    SourceSpan,
    Span,
)


def _attribution(article: str, source: SourceSpan | None, via: list[Relay] | None = None) -> Attribution:
    return Attribution(f"{article}:a0", article, source, CueSpan("said", 0, 4, "say"), Span("x", 5, 6),
                       via=via or [])


def _anonymous(text: str, affiliation: str | None) -> SourceSpan:
    return SourceSpan(text, 0, len(text), SourceKind.ANONYMOUS, anonymity=text, affiliation=affiliation)


ARTICLES = {
    "a": Article("a", "text", outlet="The Wall Street Journal"),
    "b": Article("b", "text", outlet=None, source_path="/x/002_b.txt"),
    "c": Article("c", "text", outlet="Yahoo News", duplicate_of="a"),
}


def test_two_outlets_citing_anonymous_officials_of_one_affiliation_share_an_origin():
    wsj = origin(_attribution("a", _anonymous("Senior U.S. intelligence officials", "U.S. intelligence"),
                              [Relay("The Wall Street Journal", 0, 1)]), ARTICLES["a"], ARTICLES)
    nyt = origin(_attribution("b", _anonymous("a U.S. senior intelligence official", "U.S. intelligence"),
                              [Relay("The New York Times", 0, 1)]), ARTICLES["b"], ARTICLES)
    assert wsj.key == nyt.key == "anon:u.s. intelligence"
    assert wsj.label == "anonymous U.S. intelligence officials"


def test_unaffiliated_anonymous_sources_are_keyed_by_what_they_are_called():
    assert origin(_attribution("a", _anonymous("Senior officials", None)), ARTICLES["a"], ARTICLES).key == \
        origin(_attribution("b", _anonymous("officials", None)), ARTICLES["b"], ARTICLES).key == "anon:officials"


def test_an_outlet_cited_is_that_outlet_and_a_copy_speaks_with_its_originals_voice():
    cited = origin(_attribution("b", SourceSpan("The Wall Street Journal", 0, 1, SourceKind.MEDIA)), ARTICLES["b"],
                   ARTICLES)
    own = origin(None, ARTICLES["a"], ARTICLES)
    copy = origin(None, ARTICLES["c"], ARTICLES)
    assert cited.key == own.key == copy.key == "outlet:wall street journal"


def test_own_voice_without_outlet_is_the_article_and_relays_end_chains_without_source():
    assert origin(None, ARTICLES["b"], ARTICLES).key == "article:b"
    relayed = origin(_attribution("b", None, [Relay("the Iranian Defense Ministry", 0, 1, SourceKind.GOVERNMENT,
                                                    "ent_1")]), ARTICLES["b"], ARTICLES)
    assert relayed.key == "entity:ent_1"
    named = origin(_attribution("b", SourceSpan("Mossad", 0, 6, SourceKind.GOVERNMENT, entity="ent_2")),
                   ARTICLES["b"], ARTICLES)
    assert named.key == "entity:ent_2"
