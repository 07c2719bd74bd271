"""The shipped stance model loads and labels plain cases sensibly."""

import pytest

from newsledger.evaluation.fnc import read_csv
from newsledger.reconcile.stance import LABELS, StanceModel, sentences, tokens

CLAIM = "Giant sinkhole swallows entire village in Guatemala"
DEBUNK = ("A viral story claiming a giant sinkhole swallowed an entire village in Guatemala is a hoax. "
          "Local officials denied any sinkhole had opened and said the photo was fake, taken years ago in "
          "another country. Fact-checkers debunked the claim on Tuesday.")
CONFIRM = ("A giant sinkhole swallowed an entire village in Guatemala on Monday, officials confirmed. "
           "Rescue teams said dozens of homes fell into the sinkhole, and video of the collapse shows the village "
           "disappearing.")
UNRELATED = ("Apple reported record quarterly revenue on Thursday, driven by strong iPhone sales in China. "
             "The company's shares rose three percent in after-hours trading.")


@pytest.fixture(scope="module")
def model():
    return StanceModel.load()


def test_unrelated_text_is_unrelated(model):
    assert model.predict([CLAIM], [UNRELATED]) == ["unrelated"]


def test_debunking_text_disagrees_more_than_a_confirming_one(model):
    debunk, confirm = model.predict_proba([CLAIM, CLAIM], [DEBUNK, CONFIRM])
    assert model.predict([CLAIM, CLAIM], [DEBUNK, CONFIRM]) != ["unrelated", "unrelated"]
    disagree, agree = LABELS.index("disagree"), LABELS.index("agree")
    assert debunk[disagree] > 2 * confirm[disagree] and confirm[agree] > debunk[agree]


def test_probabilities_are_rows_over_labels(model):
    proba = model.predict_proba([CLAIM, CLAIM], [DEBUNK, UNRELATED])
    assert proba.shape == (2, 4)
    assert proba.sum(axis=1) == pytest.approx([1.0, 1.0], abs=1e-5)
    assert model.predict([], []) == []
    with pytest.raises(ValueError):
        model.predict([CLAIM], [])


def test_text_helpers():
    assert tokens("He didn’t go") == ["he", "did", "not", "go"]
    assert sentences("One. Two! Three?\nFour") == ["One.", "Two!", "Three?", "Four"]


def test_read_csv_mixed_encodings(tmp_path):
    path = tmp_path / "mixed.csv"
    path.write_bytes("a,b\r\nDon’t,1\r\n".encode() + b"Didn\x92t,2\r\n")
    assert [row["a"] for row in read_csv(path)] == ["Don’t", "Didn’t"]
