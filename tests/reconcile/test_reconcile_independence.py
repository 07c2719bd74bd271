"""Origins: repetition through several outlets is one origin; syndicated copies speak with one voice."""

from __future__ import annotations

from newsledger.reconcile.independence import origin, written_up
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
    assert wsj.key == nyt.key == "gov:united states"
    assert wsj.label == "anonymous U.S. intelligence officials"


def test_unaffiliated_anonymous_sources_are_keyed_by_what_they_are_called():
    assert origin(_attribution("a", _anonymous("Senior officials", "Hamas")), ARTICLES["a"], ARTICLES).key == \
        "anon:hamas"
    assert origin(_attribution("a", _anonymous("Senior officials", None)), ARTICLES["a"], ARTICLES).key == \
        origin(_attribution("b", _anonymous("officials", None)), ARTICLES["b"], ARTICLES).key == "anon:officials"


def test_an_outlet_cited_is_that_outlet_and_a_copy_speaks_with_its_originals_voice():
    cited = origin(_attribution("b", SourceSpan("The Wall Street Journal", 0, 1, SourceKind.MEDIA)), ARTICLES["b"],
                   ARTICLES)
    own = origin(None, ARTICLES["a"], ARTICLES)
    copy = origin(None, ARTICLES["c"], ARTICLES)
    assert cited.key == own.key == copy.key == "outlet:wall street journal"


def test_own_voice_without_outlet_is_the_article_and_relays_end_chains_without_source():
    own = origin(None, ARTICLES["b"], ARTICLES)
    assert (own.key, own.label) == ("article:b", "the reporting of 002_b.txt")
    relayed = origin(_attribution("b", None, [Relay("the Defense Ministry", 0, 1, SourceKind.GOVERNMENT, "ent_1")]), ARTICLES["b"], ARTICLES)
    assert relayed.key == "entity:ent_1"
    named = origin(_attribution("b", SourceSpan("Mossad", 0, 6, SourceKind.GOVERNMENT, entity="ent_2")),
                   ARTICLES["b"], ARTICLES)
    assert named.key == "entity:ent_2"


def _government(text: str, kind: SourceKind = SourceKind.GOVERNMENT, entity: str | None = None) -> SourceSpan:
    return SourceSpan(text, 0, len(text), kind, entity=entity)


def test_names_of_one_government_are_one_origin():
    keys = {origin(_attribution("a", source), ARTICLES["a"], ARTICLES).key for source in (
        _anonymous("Iranian officials", "Iranian"),
        _government("the Iranian Defense Ministry", entity="ent_1"),
        _government("Tehran"),
        _government("the Iranian government"),
        _government("Iran's foreign minister, Hossein Amir Abdollahian,", SourceKind.PERSON, "ent_2"),
    )}
    assert keys == {"gov:iran"}
    relayed = origin(_attribution("b", None, [Relay("Iran’s Defense Ministry", 0, 1, SourceKind.GOVERNMENT)]),
                     ARTICLES["b"], ARTICLES)
    assert relayed.key == "gov:iran" and relayed.party == "the government of Iran"
    assert relayed.label == "Iran’s Defense Ministry"


def test_anonymous_officials_of_a_countrys_service_are_its_government():
    us = origin(_attribution("a", _anonymous("Senior U.S. intelligence officials", "U.S. intelligence")),
                ARTICLES["a"], ARTICLES)
    assert us.key == origin(_attribution("b", _government("The United States", entity="ent_3")), ARTICLES["b"],
                            ARTICLES).key == "gov:united states"
    assert us.label == "anonymous U.S. intelligence officials"


def test_nationals_without_office_and_two_countries_keep_their_own_origin():
    witnesses = origin(_attribution("a", _anonymous("Iranian witnesses", "Iranian")), ARTICLES["a"], ARTICLES)
    red_cross = origin(_attribution("a", _anonymous("American Red Cross officials", "American Red Cross")),
                       ARTICLES["a"], ARTICLES)
    assert red_cross.key == "anon:american red cross"
    analyst = origin(_attribution("a", _government("a Russian analyst", SourceKind.PERSON, "ent_4")),
                     ARTICLES["a"], ARTICLES)
    envoy = origin(_attribution("a", _government("Iran's envoy to Russia", SourceKind.PERSON, "ent_5")),
                   ARTICLES["a"], ARTICLES)
    outlet = origin(_attribution("a", _government("The Washington Post", SourceKind.MEDIA)), ARTICLES["a"], ARTICLES)
    assert (witnesses.key, analyst.key, envoy.key, outlet.key) == (
        "anon:iranian", "entity:ent_4", "entity:ent_5", "outlet:washington post")


def test_an_article_is_named_by_its_outlet_else_its_file_else_its_id():
    assert [a.label for a in ARTICLES.values()] == ["The Wall Street Journal", "002_b.txt", "Yahoo News"]
    assert Article("d", "text").label == "d"


def _credit(article: str, start: int, source: SourceSpan | None, via: list[Relay] | None = None) -> Attribution:
    return Attribution(f"{article}:{start}", article, source, CueSpan("reported", start, start + 8, "report"),
                       Span("x", 0, 1), via=via or [])


def test_an_article_crediting_an_outlet_in_its_lead_writes_up_that_outlets_report():
    text = "NYT Report: Israel Struck Iran\n\nKARAJ\nIsraeli officials consulted the U.S. twice, the paper said.\nLater news."
    article = Article("n", text, title="NYT Report: Israel Struck Iran")
    articles = {"n": article}
    report = SourceSpan("NYT Report", 0, 10, SourceKind.DOCUMENT, resolved="The New York Times")
    voice = written_up(article, [_credit("n", 10, report)], articles)
    assert voice is not None and voice.key == "outlet:new york times"
    assert origin(None, article, articles, voice) == voice
    assert origin(_credit("n", 10, report), article, articles).key == voice.key
    wsj = [_credit("n", 60, None, [Relay("The Wall Street Journal", 0, 1, SourceKind.MEDIA)])]
    assert written_up(article, wsj, articles).key == "outlet:wall street journal"  # past the dateline, in the lead


def test_a_credit_after_the_lead_or_to_the_articles_own_outlet_is_no_write_up():
    text = "Officials met in Vienna on Monday to discuss the deal and its future.\nThe Times reported more later."
    later = [_credit("a", text.index("reported"), SourceSpan("The Times", 0, 9, SourceKind.MEDIA))]
    assert written_up(Article("a", text), later, {}) is None
    own = Article("w", text, outlet="The Wall Street Journal")
    cites_itself = [_credit("w", 5, SourceSpan("The Wall Street Journal", 0, 23, SourceKind.MEDIA))]
    assert written_up(own, cites_itself, {"w": own}) is None
