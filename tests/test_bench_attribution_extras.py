"""The attribution-extras scorer on a hand-made gold set (figures checked by hand) and the real gold file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsledger.evaluation import attribution_extras as bench
from newsledger.records import (
    Attribution,
    CueSpan,
    Relay,
    SourceKind,
    SourceSpan,
    Span,
    Stance,
)

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "benchmarks" / "attribution_extras" / "dev_gold.jsonl"
POLNEAR_DEV = Path(__file__).resolve().parents[1].parent / "shared" / "datasets" / "polnear" / "dev"

TEXT = (
    "Senior Pentagon officials told Reuters the plan had failed. John Smith said he was sure. He denied it. "
    "Analysts believe the plan is dead."
)


def span(text: str, part: str, after: int = 0) -> dict:
    start = text.index(part, after)
    return {"text": part, "start": start, "end": start + len(part)}


def spans(source: str | None, cue: str, content: str) -> tuple[dict | None, dict, dict]:
    """Cue and content as found after the source (or the cue, without a source) in TEXT."""
    src = span(TEXT, source) if source else None
    c = span(TEXT, cue, src["start"] if src else 0)
    return src, c, span(TEXT, content, src["start"] if src else c["start"])


def gold_row(source: str | None, cue: str, content: str, **extras) -> dict:
    src, c, t = spans(source, cue, content)
    row = {
        "doc": "tiny", "source": src, "cue": c, "content": t,
        "kind": "person", "anonymity": None, "affiliation": None, "stance": "asserts",
        "via": [], "resolved": None, "note": "",
    }
    return {**row, **extras}


GOLD_ROWS = [
    gold_row("Senior Pentagon officials", "told", "the plan had failed", kind="anonymous",
             anonymity="Senior Pentagon officials", affiliation="Pentagon", via=["Reuters"]),
    gold_row("John Smith", "said", "he was sure"),
    gold_row("He", "denied", "it", stance="denies", resolved="John Smith"),
    gold_row("Analysts", "believe", "the plan is dead", kind="anonymous", anonymity="Analysts", stance="hedges"),
]


def attribution(source: tuple[str, SourceKind] | None, cue: str, content: str, *,
                stance: Stance = Stance.ASSERTS, via: tuple[str, ...] = (), **source_extras) -> Attribution:
    """A system attribution over TEXT; a source is (text, kind), relays are found by their text."""
    s, c, t = spans(source[0] if source else None, cue, content)
    src = SourceSpan(s["text"], s["start"], s["end"], kind=source[1], **source_extras) if source else None
    relays = [Relay(r["text"], r["start"], r["end"]) for r in (span(TEXT, name) for name in via)]
    return Attribution("tiny:a", "tiny", src, CueSpan(c["text"], c["start"], c["end"], cue), Span(**t),
                       stance=stance, via=relays)


def perfect() -> list[Attribution]:
    return [
        attribution(("Senior Pentagon officials", SourceKind.ANONYMOUS), "told", "the plan had failed",
                    via=("Reuters",), anonymity="Senior Pentagon officials", affiliation="Pentagon"),
        attribution(("John Smith", SourceKind.PERSON), "said", "he was sure"),
        attribution(("He", SourceKind.PERSON), "denied", "it", stance=Stance.DENIES, resolved="John Smith"),
        attribution(("Analysts", SourceKind.ANONYMOUS), "believe", "the plan is dead", stance=Stance.HEDGES,
                    anonymity="Analysts"),
    ]


def imperfect() -> list[Attribution]:
    """Right on item 1 (affiliation differs only in case); item 2 matched by content only, with the wrong kind
    and an invented relay; item 3 with the wrong stance and no resolution; item 4 missed; one stray extra."""
    return [
        attribution(("Senior Pentagon officials", SourceKind.ANONYMOUS), "told", "the plan had failed",
                    via=("Reuters",), affiliation="pentagon"),
        attribution(("John Smith", SourceKind.ORGANIZATION), "sure", "he was sure", via=("Reuters",)),
        attribution(("He", SourceKind.PERSON), "denied", "it"),
        attribution(None, "Senior", "Senior"),
    ]


@pytest.fixture
def data(tmp_path: Path) -> tuple[Path, Path]:
    (tmp_path / "text").mkdir()
    (tmp_path / "text" / "tiny.txt").write_text(TEXT, encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(row) + "\n" for row in GOLD_ROWS), encoding="utf-8")
    return gold, tmp_path


def accuracies(result: dict, part: str = "fields") -> dict[str, tuple[int, int]]:
    return {name: (v["correct"], v["n"]) for name, v in result[part].items()}


def test_perfect_system_scores_one_everywhere(data: tuple[Path, Path]) -> None:
    result = bench.run(*data, extractor=lambda doc, name: perfect())
    assert (result["gold"], result["matched"], result["coverage"]) == (4, 4, 1.0)
    assert accuracies(result) == {
        "kind": (4, 4), "anonymous": (4, 4), "affiliation": (1, 1), "stance": (4, 4),
        "via_exact": (4, 4), "has_relay": (4, 4), "resolved": (1, 1),
    }


def test_imperfect_system_figures_checked_by_hand(data: tuple[Path, Path]) -> None:
    result = bench.run(*data, extractor=lambda doc, name: imperfect())
    assert (result["gold"], result["matched"], result["coverage"]) == (4, 3, 0.75)
    assert accuracies(result) == {
        "kind": (2, 3),          # item 2: person read as organization
        "anonymous": (3, 3),     # organization and person are both "not anonymous"
        "affiliation": (1, 1),   # "pentagon" vs "Pentagon"
        "stance": (2, 3),        # item 3: denies read as asserts
        "via_exact": (2, 3),     # item 2: invented relay; item 3: [] == []
        "has_relay": (2, 3),
        "resolved": (0, 1),      # "He" without resolution does not contain "Smith"
    }
    # baseline over the 3 matched: majority kind person, stance asserts, chain [] (2 of 3 each)
    assert accuracies(result, "baseline") == {
        "kind": (2, 3), "anonymous": (2, 3), "affiliation": (0, 1), "stance": (2, 3),
        "via_exact": (2, 3), "has_relay": (2, 3), "resolved": (0, 1),
    }
    assert result["confusion"]["kind"] == {"anonymous": {"anonymous": 1}, "person": {"organization": 1, "person": 1}}
    assert result["confusion"]["stance"] == {"asserts": {"asserts": 2}, "denies": {"asserts": 1}}
    missed = [item for item in result["items"] if item["system"] is None]
    assert [item["gold"]["source_text"] for item in missed] == ["Analysts"]
    assert "coverage 0.750" in bench.render(result)


def test_a_gold_set_of_resolutions_alone_scores_resolution_alone(tmp_path: Path) -> None:
    (tmp_path / "text").mkdir()
    (tmp_path / "text" / "tiny.txt").write_text(TEXT, encoding="utf-8")
    source, cue, _ = spans("He", "denied", "it")
    gold = tmp_path / "resolutions.jsonl"
    gold.write_text(json.dumps({"doc": "tiny", "source": source, "cue": cue, "form": "pronoun",
                                "resolved": "John Smith", "note": ""}) + "\n", encoding="utf-8")
    result = bench.run(gold, tmp_path, extractor=lambda doc, name: perfect())
    assert (result["matched"], accuracies(result)["resolved"]) == (1, (1, 1))
    assert all(n == 0 for name, (_, n) in accuracies(result).items() if name != "resolved")
    report = bench.render(result)
    assert "resolved" in report and "stance" not in report and "kind" not in report


def test_a_gold_row_of_a_stance_alone_needs_no_source_or_resolution() -> None:
    source, cue, _ = spans("He", "denied", "it")
    gold = bench._gold({"doc": "tiny", "cue": cue, "stance": "denies"})
    assert gold.item.stance == "denies" and gold.item.resolved is None and gold.item.source_text is None
    assert bench.field_checks(gold.item, bench.predicted(perfect()[2])) == {"stance": True}


def test_matching_is_one_to_one_and_prefers_the_cue() -> None:
    gold = [bench._gold(row) for row in GOLD_ROWS[:2]]
    system = perfect()[:2]
    assert bench.match(gold, list(reversed(system))) == system
    assert bench.match(gold, system[:1]) == [system[0], None]


def test_relays_compare_by_shared_words() -> None:
    assert bench.same_relay("CNN’s Wolf Blitzer", "CNN")
    assert bench.same_relay("Bill O'Reilly of Fox News", "Fox")
    assert not bench.same_relay("The New York Times", "The Washington Post")


def test_the_ledger_extractor_runs_end_to_end(data: tuple[Path, Path]) -> None:
    result = bench.run(*data)
    assert result["gold"] == 4 and 0 <= result["coverage"] <= 1
    assert set(result["fields"]) == set(bench.FIELDS)


# --- the real gold file ------------------------------------------------------------------------------------

KINDS = {kind.value for kind in SourceKind}
STANCES = {stance.value for stance in Stance}
KEYS = {"doc", "source", "cue", "content", "kind", "anonymity", "affiliation", "stance", "via", "resolved", "note"}


@pytest.mark.skipif(not POLNEAR_DEV.is_dir(), reason="PolNeAR dev is not available")
def test_gold_file_is_well_formed_and_its_offsets_match_the_texts() -> None:
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) >= 160 and len({row["doc"] for row in rows}) >= 15
    texts: dict[str, str] = {}
    for row in rows:
        text = texts.setdefault(row["doc"], (POLNEAR_DEV / "text" / f"{row['doc']}.txt").read_text(encoding="utf-8"))
        assert set(row) == KEYS, row
        for role in ("source", "cue", "content"):
            part = row[role]
            assert part is not None or role == "source", row
            if part is not None:
                assert text[part["start"]:part["end"]] == part["text"], (row["doc"], role, part)
        assert row["kind"] in KINDS and row["stance"] in STANCES, row
        assert (row["kind"] == "anonymous") == bool(row["anonymity"]), row
        assert row["affiliation"] is None or row["kind"] == "anonymous", row
        assert row["source"] is not None or row["kind"] == "unknown", row
        assert isinstance(row["via"], list) and all(relay.casefold() in text.casefold() for relay in row["via"]), row
        assert row["resolved"] is None or all(name in text for name in row["resolved"].split(" and ")), row


POLNEAR_TRAIN = POLNEAR_DEV.parent / "train"
RESOLUTIONS = GOLD.with_name("train_resolution.jsonl")


@pytest.mark.skipif(not POLNEAR_TRAIN.is_dir(), reason="PolNeAR train is not available")
def test_train_resolution_gold_is_well_formed_and_its_offsets_match_the_texts() -> None:
    rows = [json.loads(line) for line in RESOLUTIONS.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) >= 100
    for row in rows:
        text = (POLNEAR_TRAIN / "text" / f"{row['doc']}.txt").read_text(encoding="utf-8")
        assert set(row) == {"doc", "ann", "source", "cue", "form", "resolved", "note"}, row
        assert row["form"] in ("pronoun", "descriptor"), row
        for role in ("source", "cue"):
            assert text[row[role]["start"]:row[role]["end"]] == row[role]["text"], (row["doc"], role)
        assert row["resolved"] is None or all(name in text for name in row["resolved"].split(" and ")), row


def test_ledger_extractor_knows_the_outlet_from_the_polnear_file_name():
    from newsledger.annotate.nlp import load

    doc = load()("Graham told The Washington Post that the bill was dead.")
    elsewhere = bench.ledger_extractor(doc, "nyt_2016-01-01_x")
    at_home = bench.ledger_extractor(doc, "wash-post_2016-01-01_x")
    assert [r.text for a in elsewhere for r in a.via] == ["The Washington Post"]
    assert [r.text for a in at_home for r in a.via] == []
