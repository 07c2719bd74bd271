"""`newsledger bench plover`: both readers on tiny files written here, the CAMEO mapping, the scorer's arithmetic,
and the command line."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from newsledger.cli import app
from newsledger.evaluation import plover as bench
from newsledger.evaluation import plover_corpus as corpus
from newsledger.extract.plover import Plover

CAMEO_MAP = """# CAMEO to PLOVER conversion table (a few lines in the published layout)
04: CONSULT
042: CONSULT, visit,   # Make a visit
043: CONSULT, visit,   # Host a visit
11: ACCUSE
111: ACCUSE, disapprove,    # Criticize or denounce
1121: ACCUSE, allege, crime; corruption # Accuse of crime, corruption
17: COERCE
173: COERCE, arrest, legal            # Arrest, detain, or charge with legal action
19: ASSAULT
190: ASSAULT, , military # Use conventional military force
"""

# PETRARCH validation layout: unclosed and closed EventCoding elements, a noevents record, a comment, an entity,
# sector-suffixed actor codes, a code under 01 (no PLOVER type) and a 4-digit code whose parent is mapped.
PETRARCH_XML = """<?xml version='1.0' encoding='utf-8'?>
<?xml version='1.0' encoding='utf-8'?>
<Validation>
<!-- <Sentence id="commented-out"><Text>Ignored.</Text></Sentence> -->
<Sentences>
<Sentence category="TEST" date="20240102" id="T-1" evaluate="true">
<EventCoding eventcode="042" sourcecode="FRAGOV" targetcode="DEU" >
<EventCoding eventcode="043" sourcecode="DEU" targetcode="FRAGOV" >
<Text>
French President Emmanuel Macron visited Berlin on Tuesday,
officials said.
</Text>
<Parse>1	French	French	ADJ</Parse></Sentence>

<Sentence category="TEST" date="20240103" id="T-2" evaluate="true">
<EventCoding sourcecode="EGYCOP" targetcode="---" eventcode="173"></EventCoding>
<Text>Egyptian police arrested 12 protesters in Cairo &amp; Giza on Monday.</Text>
</Sentence>

<Sentence category="TEST" date="20240104" id="T-3" evaluate="true">
<EventCoding noevents="True" />
<Text>The weather in Oslo was mild for the season.</Text>
</Sentence>

<Sentence category="TEST" date="20240105" id="T-4" evaluate="true">
<EventCoding eventcode="010" sourcecode="USAGOV" targetcode="" />
<Text>The White House said the report was accurate.</Text>
</Sentence>

<Sentence category="TEST" date="20240106" id="T-5" evaluate="true">
<EventCoding eventcode="1125" sourcecode="RUS" targetcode="GBR" />
<Text>Russia criticized Britain over the expulsion.</Text>
</Sentence>
</Sentences>
</Validation>
"""

GSR = [
    {"id": "DOC-1", "event": "DOCUMENT", "eventText": "documentation"},
    {"id": "G-1", "event": "DISAPPROVE", "context": "diplomatic",
     "source": [{"actorText": "Iranian", "code": "IRN"}], "target": [{"actorText": "Israel", "code": "ISR"}],
     "text": "The Iranian government condemned Israel on Monday.",
     "textInfo": {"markup": "The (SRC: Iranian) government (EVT: condemned) (TAR: Israel) on Monday."}},
    {"id": "G-2", "event": "FIGHT", "mode": "heavy-weapons", "context": "military",
     "source": [{"actorText": "Syrian", "code": "SYRMIL"}], "target": "",
     "text": "Syrian troops shelled rebel positions near Aleppo.",
     "textInfo": {"markup": "(SRC: Syrian) troops (EVT: shelled) rebel positions near Aleppo."}},
    {"id": "G-3", "event": "DEMAND", "context": "refugee",
     "source": [{"actorText": "UN", "code": "IGO"}], "target": [{"actorText": "Kenya", "code": "KEN"}],
     "text": "The UN on Friday demanded that Kenya reopen its border to refugees.",
     "textInfo": {"markup": "The (SRC: UN) on Friday (EVT: demanded) that (TAR: Kenya) reopen its border."}},
]


@pytest.fixture()
def files(tmp_path):
    cameo = tmp_path / "CAMEO2PLOVER.txt"
    cameo.write_text(CAMEO_MAP, encoding="utf-8")
    xml = tmp_path / "validation.xml"
    xml.write_text(PETRARCH_XML, encoding="utf-8")
    gsr = tmp_path / "gsr.json"
    gsr.write_text(json.dumps(GSR), encoding="utf-8")
    return {"cameo": cameo, "xml": xml, "gsr": gsr}


def test_cameo_map_and_code_lookup(files):
    table = corpus.read_cameo_map(files["cameo"])
    assert table["042"] == Plover("CONSULT", "visit", None)
    assert table["1121"] == Plover("ACCUSE", "allege", "crime")  # "crime; corruption": the first context
    assert corpus.cameo_to_plover("190", table).context == "military"
    assert corpus.cameo_to_plover("1125", table) == table["11"]  # unlisted: its nearest listed parent
    assert corpus.cameo_to_plover("1731", table) == table["173"]
    assert corpus.cameo_to_plover("010", table) is None and corpus.cameo_to_plover("---", table) is None


def test_petrarch_reader(files):
    sentences = corpus.read(files["xml"], files["cameo"])
    assert [s.id for s in sentences] == ["T-1", "T-2", "T-3", "T-4", "T-5"]
    visit, arrest, none, statement, criticism = sentences
    assert visit.text == "French President Emmanuel Macron visited Berlin on Tuesday, officials said."
    assert visit.types == ["CONSULT"] and {e.plover.mode for e in visit.events} == {"visit"}
    assert visit.events[0].sources == {"FRA"} and visit.events[0].targets == {"DEU"}
    assert arrest.text.endswith("in Cairo & Giza on Monday.") and arrest.types == ["COERCE"]
    assert arrest.events[0].sources == {"EGY"} and arrest.events[0].targets == frozenset()
    assert none.events == () and none.types == []
    assert statement.types == []  # CAMEO 01x maps to no PLOVER type
    assert criticism.types == ["ACCUSE"]


def test_petrarch_needs_the_cameo_map(files):
    with pytest.raises(corpus.PloverDataError, match="cameo-map"):
        corpus.read(files["xml"])


def test_gsr_reader_maps_2016_names(files):
    sentences = corpus.read(files["gsr"])
    assert [s.id for s in sentences] == ["G-1", "G-2", "G-3"]  # the DOCUMENT record is skipped
    condemn, shell, demand = (s.events[0] for s in sentences)
    assert condemn.plover == Plover("ACCUSE", "disapprove") and condemn.triggers == ("condemned",)
    assert condemn.sources == {"IRN"} and condemn.targets == {"ISR"}
    assert shell.plover == Plover("ASSAULT", "heavy-weapons") and shell.sources == {"SYR"}
    assert demand.plover.type == "REQUEST" and demand.contexts == {"refugees"} and demand.sources == frozenset()


def test_tally_arithmetic_by_hand():
    gold_typed = corpus.GoldSentence("a", "x", (corpus.GoldEvent(Plover("ASSAULT", "firearms"), frozenset({"crime"}),
                                                               frozenset({"USA"}), frozenset({"MEX"})),))
    gold_two = corpus.GoldSentence("b", "y", (corpus.GoldEvent(Plover("CONSULT", "visit")),
                                             corpus.GoldEvent(Plover("AGREE"))))
    gold_none = corpus.GoldSentence("c", "z", ())
    tally = bench.Tally()
    tally.add(gold_typed, bench.Prediction(Plover("ASSAULT", "firearms", "military"), "USA", None))
    tally.add(gold_two, bench.Prediction(Plover("AGREE"), None, None))  # right: AGREE is one of its codings
    tally.add(gold_none, bench.Prediction(Plover("CONSULT")))  # wrong: gold has no type
    figures = tally.figures()
    assert figures["type_accuracy"] == 1.0 and figures["typed_sentences"] == 2
    assert figures["none_accuracy"] == 0.0 and figures["untyped_sentences"] == 1
    assert figures["mode_accuracy"] == 1.0 and figures["mode_scored"] == 1
    assert figures["context_accuracy"] == 0.0 and figures["context_scored"] == 1
    assert figures["source_country_accuracy"] == 1.0 and figures["target_country_accuracy"] == 0.0
    assert bench.macro_f1([("A", "A"), ("B", "A"), ("B", "B")]) == pytest.approx((2 / 3 + 2 / 3) / 2)


def test_run_on_petrarch_xml(files):
    result = bench.run(files["xml"], files["cameo"])
    assert set(result["strategies"]) == {"lexicon"}  # no model ships: the lexicon is what the ledger types with
    hybrid = result["strategies"]["lexicon"]
    assert hybrid["typed_sentences"] == 3 and hybrid["untyped_sentences"] == 2
    assert hybrid["type_accuracy"] == 1.0  # visited -> CONSULT, arrested -> COERCE, criticized -> ACCUSE
    assert hybrid["none_accuracy"] == 1.0  # nothing typed in the weather and the statement sentences
    assert hybrid["source_country_accuracy"] == 1.0 and hybrid["source_scored"] == 3
    assert hybrid["target_country_accuracy"] == 1.0 and hybrid["target_scored"] == 2


def test_cross_validation_refits_on_gsr_and_refuses_xml(files):
    result = bench.run(files["gsr"], cross_validate=3)
    assert "cross-validation" in result["setting"]
    assert set(result["strategies"]) == {"lexicon", "model", "hybrid"}
    with pytest.raises(corpus.PloverDataError, match="marked triggers"):
        bench.run(files["xml"], files["cameo"], cross_validate=2)


def test_cli_bench_plover(files):
    result = CliRunner().invoke(app, ["bench", "plover", "--data", str(files["xml"]), "--cameo-map",
                                      str(files["cameo"]), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["strategies"]["lexicon"]["type_accuracy"] == 1.0
    missing = CliRunner().invoke(app, ["bench", "plover", "--data", str(files["xml"])])
    assert missing.exit_code == 3


def test_petrarch_reader_is_linear_on_hostile_files():
    import time

    table = {"173": Plover("COERCE", "arrest", "legal")}
    hostile = ("<Sentence id='x'>" + "<!--" * 20_000 + "<Sentence " * 20_000 + "<Text>" * 20_000
               + "<Sentence id=\"ok\"><EventCoding eventcode=\"173\" sourcecode=\"USA\"><Text>Police arrested him."
               "</Text></Sentence>")
    start = time.perf_counter()
    with pytest.raises(corpus.PloverDataError):
        corpus.read_petrarch(hostile, table)  # everything after the unclosed comment is commented out
    sentences = corpus.read_petrarch(hostile.replace("<!--", "<!-- -->"), table)
    assert sentences[-1].types == ["COERCE"] and sentences[-1].text == "Police arrested him."
    assert time.perf_counter() - start < 5
