"""The day a story's happening took place on, among the days its reports name (``reconcile/incident_day``)."""

from __future__ import annotations

import json
from datetime import date

import pytest

from newsledger.reconcile.incident_day import FEATURES, DayModel, best_day, features
from newsledger.reconcile.leading import leading
from newsledger.records import Evidence, Finding, FindingStatus, SlotValue


def _value(label, text, origins, start):
    return SlotValue(label, [Evidence(f"article-{o}", text, start, start + len(text)) for o in origins], [],
                     list(origins))


def test_the_day_told_with_its_time_at_the_top_beats_a_follow_up_day_told_more_often():
    # Two reports open with the shooting on Saturday afternoon; three tell, further down, of Monday's arrest.
    shooting = Finding("f1", "s", "shooting", "time", FindingStatus.CORROBORATED, [
        _value("2016-05-14TAF", "Saturday afternoon", ["A"], 60),
        _value("2016-05-14T16:30", "4:30 p.m. Saturday", ["B"], 90)])
    arrest = Finding("f2", "s", "arrest", "time", FindingStatus.CORROBORATED, [
        _value("2016-05-16", "Monday", ["A", "B", "C"], 900)])
    pairs = [(finding, value) for finding in (shooting, arrest) for value in finding.values]
    finding, value = leading(pairs, "time", main="shooting")
    assert finding is shooting and value.value.startswith("2016-05-14")


def test_no_day_named_gives_no_day():
    assert best_day([(True, _value("2016-05", "May", ["A"], 10))]) is None
    assert features([]) == {}


def test_every_day_named_gets_a_row_of_every_feature():
    rows = features([(True, _value("2016-05-14", "Saturday", ["A"], 10)),
                     (False, _value("2016-05-16", "Monday", ["B"], 500)),
                     (False, _value("2016-05", "May", ["C"], 700))])
    assert sorted(rows) == [date(2016, 5, 14), date(2016, 5, 16)]
    assert all(len(row) == len(FEATURES) for row in rows.values())


def test_a_model_trained_on_other_features_is_refused(tmp_path):
    saved = tmp_path / "model.json"
    saved.write_text(json.dumps({"features": ["origins"], "means": [0], "scales": [1], "weights": [1], "bias": 0}))
    with pytest.raises(ValueError, match="trained on features"):
        DayModel.load(saved)
