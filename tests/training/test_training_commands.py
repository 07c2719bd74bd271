"""The training commands: an explicit output path, and the shipped model only when asked to replace it."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from newsledger.extract import attribution_model, content_spans
from newsledger.link import coref
from newsledger.reconcile import stance
from newsledger.shipped import path as shipped_path

SHIPPED = {
    "attribution_cues": attribution_model.ARTIFACT,
    "attribution_content": content_spans.ARTIFACT,
    "coref": coref.MODEL_PATH,
    "stance": stance.MODEL_PATH,
    "incident_day": shipped_path("incident_day"),
    "count_reader": shipped_path("count_reader"),
}
#: Commands with options of their own that are required besides --data and --out.
EXTRA = {"incident_day": ["--ledger", "missing.db"], "count_reader": ["--ledger", "missing.db"]}


def _train(name: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", f"newsledger.training.{name}", *args],
                          capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("name", sorted(SHIPPED))
def test_training_needs_an_output_path(name, tmp_path):
    result = _train(name, "--data", str(tmp_path), *EXTRA.get(name, []))
    assert result.returncode == 2 and "--out" in result.stderr


@pytest.mark.parametrize("name", sorted(SHIPPED))
def test_training_refuses_the_shipped_model_unless_told_to_replace_it(name, tmp_path):
    before = SHIPPED[name].stat().st_mtime_ns
    result = _train(name, "--data", str(tmp_path), *EXTRA.get(name, []), "--out", str(SHIPPED[name]))
    assert result.returncode == 2 and "--replace-shipped" in result.stderr
    assert SHIPPED[name].stat().st_mtime_ns == before


def test_the_cue_training_writes_its_model_where_told(tmp_path):
    pytest.importorskip("sklearn")
    data = tmp_path / "train"
    (data / "text").mkdir(parents=True)
    (data / "attributions").mkdir()
    for n, (source, cue, content) in enumerate([("Smith", "said", "the plan had failed"),
                                                 ("The mayor", "warned", "that prices would rise")]):
        text = f"{source} {cue} {content}. Prices rose in the spring.\n"
        c, t = len(source) + 1, len(source) + len(cue) + 2
        (data / "text" / f"pub_{n}.txt").write_text(text, encoding="utf-8")
        (data / "attributions" / f"pub_{n}.ann").write_text(
            f"T1\tSource 0 {len(source)}\t{source}\nT2\tCue {c} {c + len(cue)}\t{cue}\n"
            f"T3\tContent {t} {t + len(content)}\t{content}\nE1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\n",
            encoding="utf-8")
    out = tmp_path / "cues"
    result = _train("attribution_cues", "--data", str(data), "--out", str(out), "--folds", "0")
    assert result.returncode == 0, result.stderr
    assert (out / attribution_model.WEIGHTS).exists() and json.loads(result.stdout)["data"]["articles"] == 2


def test_the_incident_day_model_learns_to_choose_the_told_day():
    pytest.importorskip("sklearn")
    from datetime import date

    from newsledger.training.incident_day import Example, accuracy, fit

    # Two features: the day told with a time (first), and the later follow-up day (second), told more often.
    examples = [Example(str(n), True, {date(2016, 5, 14): [1.0, 0.0], date(2016, 5, 16): [0.0, 1.0]},
                        date(2016, 5, 14)) for n in range(20)]
    model = fit(examples, c=1.0)
    assert accuracy(model, examples) == (20, 20)


def test_the_count_reader_learns_the_words_that_tell_of_a_death_and_acts_only_where_no_rule_read():
    pytest.importorskip("sklearn")
    from newsledger.reconcile.count_reader import SlotReader, story_mentions
    from newsledger.training.count_reader import Example, fit, net_gain

    def example(n, text, killed, rules_read=()):
        return Example(str(n), {"killed": killed, "injured": 0}, tuple(story_mentions([("a", text)])),
                       frozenset(rules_read))

    dead = [example(n, f"Police are investigating the shooting death of a {n + 10}-year-old in Beloit.", 1)
            for n in range(30)]
    hurt = [example(n, f"A {n + 10}-year-old was grazed by a bullet while sitting in a car, police said.", 0)
            for n in range(30, 60)]
    reader = SlotReader("killed", fit(dead + hurt, "killed"), 0.6)
    assert reader.read(dead[0].mentions).value == 1 and reader.read(hurt[0].mentions) is None
    assert net_gain(reader, dead + hurt) == (30, 0)
    read_by_rules = example(0, "Police are investigating the shooting death of a 9-year-old.", 1, rules_read={"killed"})
    assert net_gain(reader, [read_by_rules]) == (0, 0)
