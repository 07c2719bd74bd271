"""Whom a source stands for (a pronoun, a role description) and what kind of source it is, on small hand-written articles."""

from __future__ import annotations

import pytest

from newsledger.annotate.nlp import load
from newsledger.extract.attribution import extract_attributions


@pytest.fixture(scope="module")
def nlp():
    return load()


def resolved(nlp, text: str, source: str) -> str | None:
    found = [a for a in extract_attributions(nlp(text), "t") if a.source and a.source.text == source]
    assert found, f"no attribution with source {source!r}"
    return found[-1].source.resolved


def test_a_relative_pronoun_stands_for_the_name_its_clause_hangs_on(nlp):
    text = "Rates rose after a statement from the Federal Reserve, which said inflation was falling."
    [found] = [a for a in extract_attributions(nlp(text), "t") if a.source and a.source.text == "which"]
    assert found.source.resolved == "the Federal Reserve" and found.source.kind.value == "organization"
    text = "Senators who oppose the bill say it is too costly."
    [found] = [a for a in extract_attributions(nlp(text), "t") if a.source and a.source.text == "who"]
    assert found.source.resolved is None  # no one named: the guide's null


@pytest.mark.parametrize(("text", "source", "person"), [
    pytest.param("Ms. Ann Petersen runs the shelter. Mr. Tom Walsh visited it on Monday and praised the staff.\n\n"
                 "She said the shelter needs more beds.", "She", "Ann Petersen", id="agrees-not-nearer-subject"),
    pytest.param("Ms. Ann Petersen runs the shelter. On Monday the shelter was visited by Jordan Baker.\n\n"
                 "She said the shelter needs more beds.", "She", "Ann Petersen", id="own-gender-before-unknown"),
    pytest.param("Senator Mark Ellison met Governor Paul Drake in Albany on Monday.\n\nHe said the talks went well.",
                 "He", "Mark Ellison", id="subject-of-nearest-sentence"),
    pytest.param("Mayor Bill de Blasio spoke at the site on Sunday, hours after the explosion.\n\n"
                 "Police closed the streets around it.\n\n"
                 "The mayor said there was no evidence of a link to terrorism.",
                 "The mayor", "Bill de Blasio", id="role-description"),
    pytest.param("Sen. Lindsey Graham criticized the plan on Tuesday.\n\n"
                 "The South Carolina senator said the deal was a mistake.",
                 "The South Carolina senator", "Lindsey Graham", id="abbreviated-title"),
    pytest.param("Sen. Lindsey Graham criticized the plan on Tuesday.\n\nA senator said the deal was a mistake.",
                 "A senator", None, id="indefinite-description-is-no-one"),
    pytest.param("Mr. Ed Schultz said he did not support Mr. Trump. The difference now, he told me on Friday, is that "
                 "he makes Mr. Trump look better.\n\nHe said he did not mention the hacking.",
                 "He", "Ed Schultz", id="a-subject-pronoun-carries-its-person-on"),
    pytest.param("Leslie Wimes, a Florida Democrat, was blunt about the campaign.\n\n"
                 "\u201cThey thought Obama and Michelle saying, \u2018Go vote\u2019 would do it,\u201d she said.",
                 "she", "Leslie Wimes", id="names-inside-a-quotation-are-not-its-speaker"),
    pytest.param("Aparna Mathur, a mother of three, studies tax policy. The plan was drafted by Jordan Baker.\n\n"
                 "She said the plan leaves too much out.", "She", "Aparna Mathur", id="a-gendered-noun-beside-the-name"),
    pytest.param("James Murdoch runs the company with his father. James told staff on Monday that nothing would "
                 "change.\n\nHe said the network would keep its hosts.", "He", "James Murdoch",
                 id="a-first-name-alone-is-its-only-bearer"),
    pytest.param("Carole King released an album on Friday.\n\nShe said it was her best.", "She", "Carole King",
                 id="a-gendered-word-inside-a-name-is-no-gender"),
])
def test_a_pronoun_or_description_stands_for_the_person_the_article_names(nlp, text, source, person):
    assert resolved(nlp, text, source) == person


@pytest.mark.parametrize(("text", "source", "named"), [
    pytest.param("The Washington Post reported on Monday that the talks had failed. The influential US daily said "
                 "the White House was divided.", "The influential US daily", "The Washington Post",
                 id="an-outlet-descriptor-for-the-outlet-named-before"),
    pytest.param("RT hired Larry King last year. The network said it pays its hosts well.", "The network", "RT",
                 id="an-outlet-the-entity-tagger-missed"),
    pytest.param("The International Monetary Fund cut its forecast on Tuesday. The fund said trade had slowed.",
                 "The fund", "The International Monetary Fund", id="the-name-with-the-same-head-noun"),
    pytest.param("The New York Times reported the cuts. The top 1 percent paid 25 percent of all federal taxes, "
                 "according to the Congressional Budget Office. The middle fifth paid 9 percent, the agency said.",
                 "the agency", None, id="an-agency-is-no-outlet-by-its-noun-alone"),
    pytest.param("The Washington Post reported on Monday that the talks had failed.", "The Washington Post", None,
                 id="a-name-stands-for-itself"),
    pytest.param("Thousands gathered in Times Square on Monday. The network said the crowd was peaceful.",
                 "The network", None, id="an-outlets-word-inside-another-name-is-no-outlet"),
    pytest.param("Reporters spoke to the New York Times on Monday. The daily said the talks had failed.",
                 "The daily", "the New York Times", id="the-whole-name-not-a-word-of-it"),
])
def test_a_description_of_an_outlet_or_organisation_stands_for_its_name(nlp, text, source, named):
    assert resolved(nlp, text, source) == named


def test_an_outlet_descriptor_is_not_the_articles_own_outlet(nlp):
    text = ("RT hired Larry King, whose show is carried by The New York Times website.\n\n"
            "The network said it pays its hosts well.")
    [found] = [a for a in extract_attributions(nlp(text), "t", outlet="nyt") if a.source.text == "The network"]
    assert found.source.resolved == "RT"


def test_a_he_that_takes_someone_up_is_no_later_shes_to_take(nlp):
    from newsledger.extract.antecedents import People

    doc = nlp("Alex Reyes arrived on Monday. On Tuesday the officials met, and he said the talks went well.")
    found = People(doc)
    he = doc.text.index("he said")
    assert any(m.span[0] == he for m in found._agreeing["m"].mentions)  # "He" carries Alex Reyes on…
    assert not any(m.span[0] == he for m in found._agreeing["f"].mentions)  # …but for "he" only
    assert any(m.person == "alex reyes" for m in found._agreeing["f"].mentions)  # the name may still be hers


def test_a_long_run_of_pronouns_and_descriptors_resolves(nlp):
    from newsledger.extract.antecedents import People

    doc = nlp("John Smith said that " + ", and ".join("he said he knew" for _ in range(2000)) + ".")
    last = [t for t in doc if t.lower_ == "he"][-1]
    assert People(doc).pronoun(last, last.idx)[0] == "John Smith"
    doc = nlp("CNN said it.\n\n" + " ".join("The network said it was true." for _ in range(1000)))
    assert extract_attributions(doc, "t", outlet="CNN")[-1].source.resolved is None  # not the article's own CNN


def test_a_first_name_alone_still_names_a_person(nlp):
    from newsledger.extract.antecedents import People

    doc = nlp("James Murdoch runs the company. James told staff on Monday that nothing would change.")
    assert People(doc).bears("james") and People(doc).bears("murdoch")


def test_a_surname_alone_is_the_bearer_named_most_so_far(nlp):
    text = ("Donald Trump spoke in Ohio. Donald Trump then flew to Iowa with Ivanka Trump.\n\n"
            "Trump told reporters the race was close. He said he would win both states.")
    assert resolved(nlp, text, "He") == "Donald Trump"


def test_a_surname_the_tagger_misreads_is_still_a_person(nlp):
    text = ("Donald Trump spoke in Ohio on Monday.\n\n"
            "Trump has faced questions about business practices at a foundation that bears his name.")
    kinds = {a.source.text: a.source.kind.value for a in extract_attributions(nlp(text), "t") if a.source}
    assert kinds["Trump"] == "person"


def test_an_outlets_poll_is_a_document_and_the_outlet_itself_media(nlp):
    text = ("A Bloomberg poll shows the race is tied.\n\n"
            "The Washington Post reported that the campaign was short of money.")
    kinds = {a.source.text: a.source.kind.value for a in extract_attributions(nlp(text), "t") if a.source}
    assert kinds == {"A Bloomberg poll": "document", "The Washington Post": "media"}


@pytest.mark.parametrize(("text", "source"), [
    ("A federal judge found that the law was discriminatory.", "A federal judge"),
    ("Voting rights advocates said the purge was illegal.", "Voting rights advocates"),
    ("Twelve percent said they would not vote.", "Twelve percent"),
    ("Two Democratic senators said the vote was rushed.", "Two Democratic senators"),
    ("Lawmakers said the bill would pass.", "Lawmakers"),
])
def test_people_counted_but_not_named_are_anonymous(nlp, text, source):
    kinds = {a.source.text: a.source.kind.value for a in extract_attributions(nlp(text), "t") if a.source}
    assert kinds[source] == "anonymous"


@pytest.mark.parametrize(("text", "affiliation"), [
    ("A federal judge found that the law was discriminatory.", "federal"),
    ("Military sources said the base was hit.", "Military"),
    ("Republicans said the bill would pass.", "Republicans"),
    ("Senior U.S. intelligence officials said the strike was Israel's.", "U.S. intelligence"),
    ("Some experts said the plan would fail.", None),
    ("Prominent analysts said the plan would fail.", None),
    # an institution's adjective places those who serve it, and both of two joined ones count
    ("Local residents said the water tasted odd.", None),
    ("Local and state officials said the road would reopen.", "Local and state"),
])
def test_the_affiliation_of_unnamed_people_is_the_institution_the_text_places_them_in(nlp, text, affiliation):
    source = next(a.source for a in extract_attributions(nlp(text), "t") if a.source)
    assert source.kind.value == "anonymous" and source.affiliation == affiliation


@pytest.mark.parametrize(("text", "affiliation"), [
    ("Several former RT journalists said the channel was told what to air.", "RT"),  # an outlet's call sign
    ("Clinton aides said the rally would go ahead.", None),  # a person's name places no one
])
def test_a_proper_noun_without_an_entity_label_places_people_only_when_it_is_an_outlet(nlp, text, affiliation):
    doc = nlp(text)
    doc.ents = []  # as where the entity tagger left the name unlabelled
    source = next(a.source for a in extract_attributions(doc, "t") if a.source)
    assert source.kind.value == "anonymous" and source.affiliation == affiliation


def test_named_holders_of_a_plural_role_are_people(nlp):
    found = extract_attributions(nlp("Senators Chuck Schumer and Dick Durbin said the bill would pass."), "t")
    assert [a.source.kind.value for a in found] == ["person"]


def test_plural_things_are_not_unnamed_people(nlp):
    text = "The nuclear facilities suggest that the program continues."
    kinds = [a.source.kind.value for a in extract_attributions(nlp(text), "t") if a.source]
    assert kinds and "anonymous" not in kinds


def test_the_writers_own_i_stands_for_no_one_in_the_article(nlp):
    text = "Donald Trump spoke in Ohio on Monday.\n\nI said at the time that the rally would be large."
    assert resolved(nlp, text, "I") is None


@pytest.mark.parametrize(("text", "source", "kind"), [
    # names with apostrophes, and plural nouns
    ("Bill O'Reilly hosted the debate.\n\nO'Reilly said the questions were fair.", "O'Reilly", "person"),
    ("The agreements state that the plant must close.", "The agreements", "unknown"),
    ("Federal agents said the suspect was armed.", "Federal agents", "anonymous"),
    # data and rulings speak as documents
    ("The data show that turnout fell by a third.", "The data", "document"),
    ("The ruling said the purge violated federal law.", "The ruling", "document"),
    # outlets known by their names' words
    ("The Denver Post reported that the mayor would resign.", "The Denver Post", "media"),
    ("Christian News Service reported that the bill had passed.", "Christian News Service", "media"),
    ("Dr. Anna Herald said the vaccine works.", "Dr. Anna Herald", "person"),
])
def test_the_kind_of_a_named_source(nlp, text, source, kind):
    kinds = {a.source.text: a.source.kind.value for a in extract_attributions(nlp(text), "t") if a.source}
    assert kinds[source] == kind


def test_a_headlines_speech_verb_is_no_part_of_a_name(nlp):
    from newsledger.extract.entities import entity_mentions

    doc = nlp("Obama Says African-American Museum Will Tell of 'Suffering and Delight.'\n\n"
              "WASHINGTON -- President Obama spoke. Charles Wells spoke too.")
    names = {m.name for m in entity_mentions(doc) if m.label == "PERSON"}
    assert "Obama Says" not in names and {"Obama", "Charles Wells"} <= names


def test_a_surname_the_entity_tagger_left_unlabelled_still_names_its_person(nlp):
    from spacy.tokens import Span

    from newsledger.extract.antecedents import People

    doc = nlp("Oz spoke first. Tom Ford spoke next.\n\nLater, Oz took questions. He said the cures work.")
    oz = next(t.i for t in doc if t.text == "Oz")
    ford = next(t.i for t in doc if t.text == "Ford")
    doc.ents = [Span(doc, oz, oz + 1, "PERSON"), Span(doc, ford - 1, ford + 1, "PERSON")]  # the second "Oz" untagged
    he = next(t for t in doc if t.text == "He")
    assert People(doc).pronoun(he, he.idx)[0] == "Oz"


def test_an_untagged_full_name_is_not_a_mention_of_its_surnames_best_known_bearer(nlp):
    from spacy.tokens import Span

    from newsledger.extract.antecedents import People

    doc = nlp("Donald Trump spoke first. Then Ivanka Trump took questions. She said the plan was fair.")
    donald = next(t.i for t in doc if t.text == "Donald")
    doc.ents = [Span(doc, donald, donald + 2, "PERSON")]  # "Ivanka Trump" left untagged
    ivanka = next(t for t in doc if t.text == "Ivanka")
    assert [(m.person, m.span[0]) for m in People(doc).mentions] == [
        ("donald trump", doc[donald].idx), ("ivanka trump", ivanka.idx)]
