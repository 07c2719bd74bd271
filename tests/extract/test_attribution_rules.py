"""The span rules by name: each one is used by the extractor, switching one off changes what it gives on a
sentence written for it, and `bench attribution --without RULE` shows it in the figures."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

from newsledger.annotate.nlp import load
from newsledger.extract import attribution
from newsledger.extract.attribution import RULES, extract_attributions, rules

PACKAGE = Path(attribution.__file__).parent
NOTES = REPO / "docs" / "notes" / "attribution-rules.md"
APPOSITION = "Tad Devine, a senior adviser, said the plan had failed."


@pytest.fixture(scope="module")
def nlp():
    return load()


def spans(nlp, text: str, *without: str) -> list[tuple[str | None, str, str]]:
    found = extract_attributions(nlp(text), "t", without=frozenset(without))
    return [(a.source.text if a.source else None, a.cue.text, a.content.text) for a in found]


def test_rules_have_distinct_names_a_reason_and_a_place_in_the_code():
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names)) and all(rule.reason and rule.edits in ("content", "source", "cue")
                                                 for rule in RULES)
    code = "".join(path.read_text(encoding="utf-8") for path in PACKAGE.glob("*.py") if path.name != "rules.py")
    constants = {value: name for name, value in vars(rules).items() if isinstance(value, rules.Rule)}
    unused = [rule.name for rule in RULES if f"rules.{constants[rule]}" not in code]
    assert unused == []


def test_the_notes_list_every_rule():
    listed = set(re.findall(r"`([a-z-]+)`", NOTES.read_text(encoding="utf-8")))
    assert {rule.name for rule in RULES} <= listed


@pytest.mark.parametrize(("text", "rule", "with_rule", "without_rule"), [
    (APPOSITION, "source-keeps-apposition-comma", "Tad Devine, a senior adviser,", "Tad Devine, a senior adviser"),
    ("Even Donald Trump said the plan had failed.", "source-without-opening-adverb", "Donald Trump", "Even Donald Trump"),
    ("The senator, speaking to reporters on Monday, said that the plan had failed.",
     "source-without-set-off-participle", "The senator", "The senator, speaking to reporters on Monday,"),
    ("The report on Wednesday said the plan had failed.", "source-without-trailing-date", "The report",
     "The report on Wednesday"),
])
def test_switching_a_source_rule_off_changes_the_source(nlp, text, rule, with_rule, without_rule):
    assert spans(nlp, text)[0][0] == with_rule
    assert spans(nlp, text, rule)[0][0] == without_rule


def test_switching_a_content_rule_off_changes_the_content(nlp):
    text = "Smith said the plan had failed, which worried investors."
    assert spans(nlp, text)[0][2] == "the plan had failed"
    assert spans(nlp, text, "content-without-aside")[0][2] == "the plan had failed, which worried investors"


def test_an_unknown_rule_is_refused(nlp):
    with pytest.raises(ValueError, match="no span rule named nope"):
        spans(nlp, APPOSITION, "nope")


def _corpus(folder: Path) -> Path:
    """One PolNeAR-layout article whose gold source keeps the apposition's comma."""
    (folder / "text").mkdir(parents=True)
    (folder / "attributions").mkdir()
    (folder / "text" / "pub_0.txt").write_text(APPOSITION + "\n", encoding="utf-8")
    source, cue = "Tad Devine, a senior adviser,", "said"
    content = "the plan had failed"
    s, c, t = 0, APPOSITION.index(cue), APPOSITION.index(content)
    lines = [f"T1\tSource {s} {s + len(source)}\t{source}", f"T2\tCue {c} {c + len(cue)}\t{cue}",
             f"T3\tContent {t} {t + len(content)}\t{content}", "E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3"]
    (folder / "attributions" / "pub_0.ann").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def _bench(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newsledger.cli", "bench", "attribution", *args],
                          capture_output=True, text=True, timeout=300)


def test_bench_without_a_rule_shows_what_it_buys(tmp_path):
    data = str(_corpus(tmp_path / "polnear"))
    kept = json.loads(_bench("--data", data, "--json").stdout)
    dropped = json.loads(_bench("--data", data, "--json", "--without", "source-keeps-apposition-comma").stdout)
    assert kept["scores"]["source"]["exact"]["f1"] == 1.0 and "without" not in kept
    assert dropped["scores"]["source"]["exact"]["f1"] == 0.0
    assert dropped["without"] == ["source-keeps-apposition-comma"]


def test_bench_refuses_an_unknown_rule(tmp_path):
    result = _bench("--data", str(tmp_path), "--without", "nope")
    assert result.returncode == 2 and "no span rule named nope" in result.stderr
