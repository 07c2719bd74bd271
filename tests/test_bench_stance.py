"""The stance benchmark's arithmetic (checked by hand), its CSV path and FNC-1 layout detection."""

import csv

import pytest

from newsledger.evaluation import stance as bench
from newsledger.evaluation.fnc import parse_held_out, split_rows
from newsledger.training import stance as training

GOLD = ["agree", "disagree", "discuss", "unrelated", "unrelated", "agree"]
PRED = ["agree", "discuss", "unrelated", "unrelated", "discuss", "disagree"]


def test_fnc_score_by_hand():
    # 1.0 exact related + 0.25 related-but-wrong-label + 0 related-called-unrelated + 0.25 unrelated right
    # + 0 unrelated-called-related + 0.25 related-but-wrong-label = 1.75, of 4 × 1.0 + 2 × 0.25 = 4.5
    assert bench.fnc_score(GOLD, PRED) == (1.75, 4.5)
    assert bench.score(GOLD, PRED)["fnc"]["percent"] == pytest.approx(100 * 1.75 / 4.5)


@pytest.mark.parametrize(("gold", "predicted", "expected"), [
    (["unrelated"] * 3, ["unrelated"] * 3, (0.75, 0.75)),        # all unrelated, all right: 100%
    (["unrelated"], ["agree"], (0.0, 0.25)),                     # calling an unrelated pair related earns nothing
    (["discuss"], ["unrelated"], (0.0, 1.0)),                    # missing a related pair earns nothing
    (["disagree"], ["agree"], (0.25, 1.0)),                      # related found, wrong stance: the 0.25 only
    (["agree", "disagree", "discuss"], ["agree", "disagree", "discuss"], (3.0, 3.0)),
])
def test_fnc_score_edge_cases(gold, predicted, expected):
    assert bench.fnc_score(gold, predicted) == expected


def test_empty_scores_zero_not_error():
    assert bench.score([], [])["fnc"]["percent"] == 0.0


def test_per_class_macro_f1_and_confusion_by_hand():
    result = bench.score(GOLD, PRED)
    assert result["confusion"] == [[1, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1], [0, 0, 1, 1]]
    agree = result["per_class"]["agree"]
    assert (agree["p"], agree["r"], agree["f1"]) == pytest.approx((1.0, 0.5, 2 / 3))
    assert result["per_class"]["unrelated"]["f1"] == pytest.approx(0.5)
    assert result["per_class"]["disagree"]["f1"] == result["per_class"]["discuss"]["f1"] == 0.0
    assert result["macro_f1"] == pytest.approx((2 / 3 + 0.5) / 4)
    assert result["accuracy"] == pytest.approx(2 / 6)


def test_csv_with_label_map(tmp_path):
    path = tmp_path / "pairs.csv"
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["c", "t", "y"])
        writer.writerow(["The mayor resigned", "The mayor resigned on Monday, officials confirmed.", "pro"])
        writer.writerow(["The mayor resigned", "Reports that the mayor resigned are a hoax, he said.", "con"])
        writer.writerow(["The mayor resigned", "Apple unveiled a new phone with a bigger screen.", "none"])
    result = bench.run(csv=path, claim_col="c", text_col="t", label_col="y",
                       label_map=bench.parse_label_map("pro=agree, con=disagree,none=unrelated"))
    assert result["layout"] == "csv" and result["pairs"] == 3
    assert [sum(row) for row in result["confusion"]] == [1, 1, 0, 1]
    assert "FNC score" in bench.render(result)


def test_csv_unmapped_label_is_an_error(tmp_path):
    path = tmp_path / "pairs.csv"
    path.write_text("claim,text,label\nx,y,maybe\n", encoding="utf-8")
    with pytest.raises(ValueError, match="maybe"):
        bench.run(csv=path)


def _write_fnc(folder, prefix, bodies, stances):
    folder.mkdir()
    with (folder / f"{prefix}_bodies.csv").open("w", newline="", encoding="utf-8") as out:
        csv.writer(out).writerows([["Body ID", "articleBody"], *bodies])
    with (folder / f"{prefix}_stances.csv").open("w", newline="", encoding="utf-8") as out:
        csv.writer(out).writerows([["Headline", "Body ID", "Stance"], *stances])


def test_layout_detection(tmp_path):
    _write_fnc(tmp_path / "test", "competition_test", [["1", "b"]], [["h", "1", "unrelated"]])
    _write_fnc(tmp_path / "train", "train", [["1", "b"]], [["h", "1", "unrelated"]])
    assert bench.layout(tmp_path / "test") == "competition"
    assert bench.layout(tmp_path / "train") == "train"
    with pytest.raises(FileNotFoundError):
        bench.layout(tmp_path)


def test_train_layout_scores_only_the_held_out_topic_pairs(tmp_path):
    bodies = [[str(i), f"Body number {i} says the dam opened."] for i in range(10)]
    stances = [[f"Dam {i} opened", str(i), "discuss"] for i in range(10)] + [["Dam 1 opened", "3", "unrelated"]]
    _write_fnc(tmp_path / "train", "train", bodies, stances)
    _, dev = split_rows([tuple(row) for row in stances], "topic", 0.2, 0)
    result = bench.run(tmp_path / "train")
    assert result["pairs"] == len(dev) == 2
    assert "topic split" in result["scored"] and result["contaminated"]
    assert "percent_at_reference_mix" in result["fnc"]


def _rows(pairs):
    return [(h, b, label) for h, b, label in pairs]


def test_topic_split_shares_no_headline_or_body_with_training():
    # two topics joined by related pairs (h1–b1–h2, h3–b2–b3); unrelated pairs cross them at random
    rows = _rows([("h1", "b1", "agree"), ("h2", "b1", "discuss"), ("h3", "b2", "disagree"), ("h3", "b3", "agree"),
                  ("h1", "b2", "unrelated"), ("h3", "b1", "unrelated"), ("h2", "b3", "unrelated")])
    for seed in range(4):
        train, dev = split_rows(rows, "topic", 0.3, seed)
        assert dev and train
        assert not {h for h, _, _ in train} & {h for h, _, _ in dev}
        assert not {b for _, b, _ in train} & {b for _, b, _ in dev}
        assert len(train) + len(dev) == 4  # the unrelated pairs across the two topics are dropped
    train, dev = split_rows(rows, "body", 0.34, 0)
    assert {h for h, _, _ in train} & {h for h, _, _ in dev}  # the body split shares headlines
    with pytest.raises(ValueError):
        split_rows(rows, "random")


def test_held_out_strings_of_older_models_mean_the_body_split():
    assert parse_held_out("fraction=0.2 seed=0") == ("body", 0.2, 0)
    assert parse_held_out("split=topic fraction=0.2 seed=3") == ("topic", 0.2, 3)


def test_fnc_score_at_a_reference_class_mix_by_hand():
    # dev: 1 unrelated (right: 0.25 of 0.25), 1 agree (called discuss: 0.25 of 1.0)
    # at a mix of 3 unrelated to 1 agree: (3 × 0.25 + 1 × 0.25) / (3 × 0.25 + 1 × 1.0) = 1.0 / 1.75
    gold, predicted = ["unrelated", "agree"], ["unrelated", "discuss"]
    reference = ["unrelated"] * 3 + ["agree"]
    assert bench.fnc_at_mix(gold, predicted, reference) == pytest.approx(100 / 1.75)
    assert bench.score(gold, predicted)["fnc"]["percent"] == pytest.approx(100 * 0.5 / 1.25)


def test_competition_layout_scores_everything(tmp_path):
    _write_fnc(tmp_path / "test", "competition_test", [["7", "Officials denied the dam was opened."]],
               [["Dam opened", "7", "disagree"], ["Cat elected mayor", "7", "unrelated"]])
    result = bench.run(tmp_path / "test")
    assert result["layout"] == "competition" and result["pairs"] == 2
    assert result["pairs_per_second"] > 0


def test_training_without_refit_saves_a_model_the_bench_scores_on_its_topic_split(tmp_path):
    pytest.importorskip("sklearn")
    subjects = ["dam", "mayor", "comet", "bridge", "vaccine", "election", "merger", "volcano"]
    bodies, stances = [], []
    for i, subject in enumerate(subjects):
        bodies += [[f"{i}1", f"The {subject} news is confirmed. Officials confirmed the {subject} story today."],
                   [f"{i}2", f"Reports claim the {subject} story may be true, according to unverified sources."],
                   [f"{i}3", f"The {subject} story is a hoax. Officials denied it and called the report fake."]]
        headline = f"{subject.title()} story breaks"
        stances += [[headline, f"{i}1", "agree"], [headline, f"{i}2", "discuss"], [headline, f"{i}3", "disagree"],
                    [headline, f"{(i + 1) % len(subjects)}1", "unrelated"]]
    _write_fnc(tmp_path / "train", "train", bodies, stances)
    out = tmp_path / "model.npz"
    report = training.train(tmp_path / "train", out, seeds=[0, 1], refit=False)
    assert {"topic seed 0", "topic seed 1", "body seed 0", "topic mean"} <= set(report) and report["bytes"] < 1_000_000
    means = [report[f"topic seed {s}"]["macro_f1"] for s in (0, 1)]
    assert report["topic mean"]["macro_f1"] == pytest.approx(sum(means) / 2)
    result = bench.run(tmp_path / "train", model_path=out)
    assert result["pairs"] == report["topic seed 0"]["pairs"] > 0
    assert "topic split" in result["scored"] and not result["contaminated"]
