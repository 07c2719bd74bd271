"""What a summary leads with (a date read at the day, a place at two levels, a revised count's latest value), and
counts that later reports revise: an update in time order, not a dispute."""

from __future__ import annotations

import json

from newsledger.reconcile.leading import leading
from newsledger.reconcile.updates import revision_order
from newsledger.reconcile.values import Value
from newsledger.records import Evidence, Finding, FindingStatus, SlotValue


def _value(label, origins, normal=None, evidence=1):
    spans = [Evidence(f"a{i}", label, i, i + 1) for i in range(evidence)]
    return SlotValue(label, spans, [], list(origins), normal)


def _finding(slot, values, status=FindingStatus.SINGLE_SOURCE):
    return Finding("f", "s", "e", slot, status, values)


def _lead(finding):
    return leading([(finding, value) for value in finding.values], finding.slot)[1]


def test_a_date_is_read_at_the_day_so_coarser_and_finer_values_back_one_day():
    # One outlet gives the 4th, another 9 p.m. on the 4th; a third the 19th, said three times.
    finding = _finding("time", [_value("2013-03-04", ["WXYZ"]), _value("2013-03-04T21:00", ["KOMO"]),
                                _value("2013-03-19", ["KTVB"], evidence=3)])
    assert _lead(finding).value == "2013-03-04T21:00"  # the day two origins back, shown by its most precise value
    # The month backs the day it holds against a day of another month.
    finding = _finding("time", [_value("2013-03", ["KOMO"]), _value("2013-03-04", ["WXYZ"]),
                                _value("2013-04-03", ["KTVB"], evidence=3)])
    assert _lead(finding).value == "2013-03-04"


def test_between_days_equally_supported_the_earliest_leads():
    finding = _finding("time", [_value("2016-07-21", ["A"]), _value("2016-07-20TNI", ["B"])])
    assert _lead(finding).value == "2016-07-20TNI"


def test_an_undisputed_place_leads_with_the_street_and_its_town():
    town = {"text": "OCEANSIDE", "geo": {"name": "Oceanside", "feature": "P.PPL", "lat": 33.2, "lon": -117.4},
            "street": False}
    street = {"text": "500 block of Calle Montecito", "geo": None, "street": True}
    finding = _finding("place", [_value("OCEANSIDE", ["A", "B"], town), _value("500 block of Calle Montecito", ["A"],
                                                                               street)])
    lead = _lead(finding)
    assert lead.value == "500 block of Calle Montecito, Oceanside"
    assert lead.normal["geo"]["name"] == "Oceanside" and lead.normal["street"]
    assert sorted(lead.origins) == ["A", "B"]
    disputed = _finding("place", finding.values, FindingStatus.DISPUTED)
    assert _lead(disputed).value == "OCEANSIDE"  # two places in dispute are not joined


def test_a_street_placed_in_its_town_is_joined_to_the_town_not_to_itself():
    # A real report (GVA): the address was placed in the dateline's town and was read as that town.
    vegas = {"name": "Las Vegas", "feature": "P.PPL", "lat": 36.17, "lon": -115.14}
    town = {"text": "LAS VEGAS", "geo": vegas, "street": False}
    street = {"text": "intersection of Warm Springs Road and Interstate 215", "geo": vegas, "street": True}
    finding = _finding("place", [_value("intersection of Warm Springs Road and Interstate 215", ["A", "B"], street),
                                 _value("LAS VEGAS", ["A"], town)])
    assert _lead(finding).value == "intersection of Warm Springs Road and Interstate 215, Las Vegas"


def test_a_state_leads_only_when_nothing_finer_is_said():
    state = {"text": "Mississippi", "geo": {"name": "Mississippi", "feature": "A.ADM1", "lat": 32.8, "lon": -89.8}}
    street = {"text": "600 block of Fort Hill Drive", "geo": None, "street": True}
    finding = _finding("place", [_value("Mississippi", ["A", "B"], state),
                                 _value("600 block of Fort Hill Drive", ["A"], street)])
    assert _lead(finding).value == "600 block of Fort Hill Drive"
    assert _lead(_finding("place", [_value("Mississippi", ["A"], state)])).value == "Mississippi"


def test_the_summary_takes_the_storys_finer_place_over_a_state_for_its_main_happening():
    from newsledger.records import CrossEvent, EventType
    from newsledger.report.summary import summarize

    state = {"text": "Mississippi", "geo": {"name": "Mississippi", "feature": "A.ADM1", "lat": 32.8, "lon": -89.8}}
    town = {"text": "Vicksburg", "geo": {"name": "Vicksburg", "feature": "P.PPL", "lat": 32.35, "lon": -90.88}}
    shooting = CrossEvent("e1", "s", EventType.ATTACK, ["m1", "m2"], ["a1", "a2"], ["shooting"])
    arrest = CrossEvent("e2", "s", EventType.ARREST, ["m3"], ["a1"], ["arrested"])
    findings = [Finding("f1", "s", "e1", "place", FindingStatus.CORROBORATED,
                        [_value("Mississippi", ["A", "B"], state)]),
                Finding("f2", "s", "e2", "place", FindingStatus.SINGLE_SOURCE, [_value("Vicksburg", ["A"], town)])]
    assert summarize(findings, [shooting, arrest])["where"]["leading"] == "Vicksburg"
    findings[1] = Finding("f2", "s", "e2", "place", FindingStatus.SINGLE_SOURCE, [_value("Texas", ["A"], state)])
    assert summarize(findings, [shooting, arrest])["where"]["leading"] == "Mississippi"


def test_a_revised_count_leads_with_its_latest_value():
    finding = _finding("killed", [_value("2", ["A", "B"]), _value("3", ["C"])], FindingStatus.UPDATED)
    assert _lead(finding).value == "3"


class _Said:
    def __init__(self, label, article):
        number = float(label)
        self.value, self.article = Value("count", label, number, number), article


def test_a_count_rising_on_a_later_day_is_an_update_and_any_other_conflict_is_not():
    published = {"mon": "2016-06-06", "tue": "2016-06-07", "mon2": "2016-06-06"}.get
    two, three = [_Said("2", "mon")], [_Said("3", "tue")]
    order = revision_order("killed", [three, two], published, [(three, two)])
    assert [(group[0].value.label, day) for group, day in order] == [("2", "2016-06-06"), ("3", "2016-06-07")]
    falling = [_Said("1", "tue")]
    assert revision_order("killed", [two, falling], published, [(two, falling)]) is None
    same_day = [_Said("3", "mon2")]
    assert revision_order("killed", [two, same_day], published, [(two, same_day)]) is None
    assert revision_order("launched", [two, three], published, [(two, three)]) is None  # launches are not revised
    undated = [_Said("3", "unknown")]
    assert revision_order("killed", [two, undated], published, [(two, undated)]) is None


def test_a_toll_that_grows_the_next_day_is_shown_as_an_update_in_the_ledger(tmp_path):
    from newsledger.api import Ledger

    lead = ("A shooting at a birthday party on Elm Street in Dayton, Ohio, on Saturday night left {} people dead, "
            "police said. Officers found the victims in the backyard of a home on Elm Street after neighbours "
            "called 911. Police have not named a suspect in the Dayton birthday party shooting.")
    records = [{"id": "first", "text": lead.format("two"), "published": "2016-06-05", "outlet": "WDTN",
                "title": "Two dead in Dayton birthday party shooting"},
               {"id": "later", "text": lead.format("three"), "published": "2016-06-06", "outlet": "Dayton Daily News",
                "title": "Three dead in Dayton birthday party shooting"}]
    path = tmp_path / "reports.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    with Ledger(tmp_path / "ledger.db") as ledger:
        ledger.ingest([path])
        (story,) = ledger.stories()
        killed = [f for f in ledger.store.findings() if f.slot == "killed"]
        (brief,) = ledger.brief(story.id)
    assert [(f.status, [v.value for v in f.values]) for f in killed] == [(FindingStatus.UPDATED, ["2", "3"])]
    assert "updated as the story went on" in killed[0].explanation
    (count,) = [c for c in brief["summary"]["counts"] if c["slot"] == "killed"]
    assert (count["leading"], count["value"], count["status"]) == ("3", "2 → 3", "updated")

