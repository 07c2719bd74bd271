"""Cleaning: boilerplate lines leave the text for ``removed`` (with raw offsets); article text never does."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsledger
from newsledger.ingest.clean import InputError, clean_article, clean_text, line_kind
from newsledger.ingest.identity import content_id
from newsledger.ingest.readers import RawDocument, read_inputs

SAMPLES = Path(newsledger.__file__).parent / "sample"


def _seed(prefix: str) -> tuple[str, object]:
    path = next(SAMPLES.glob(f"{prefix}_*.txt"))
    [raw] = read_inputs([path])
    return raw.text, clean_article(raw)


def _words(text: str) -> list[str]:
    return text.split()


def test_seed_004_loses_its_caption_and_paywall_only():
    raw, article = _seed("004")
    assert [r.kind for r in article.removed] == ["caption", "paywall", "paywall", "paywall"]
    for removed in article.removed:
        assert raw[removed.start : removed.end] == removed.text
        assert removed.text not in article.text
    assert article.removed[0].text.endswith("(REUTERS/Ken Cedeno)")
    assert article.text.endswith("Gantz said.")
    assert article.title == "NYT Report: Israel Consulted With U.S. Before Attacking Iranian Sites"
    assert article.text.startswith(article.title)  # the headline stays in the text
    kept = [line for line in raw.splitlines() if line.strip() and line.strip() not in {r.text for r in article.removed}]
    assert _words(article.text) == _words("\n".join(kept))


@pytest.mark.parametrize("prefix", ["000", "002"])
def test_clean_seeds_lose_nothing(prefix: str):
    raw, article = _seed(prefix)
    assert article.removed == []
    assert _words(article.text) == _words(raw)
    assert article.title is None  # their first lines are paragraphs, not headlines


def test_paywall_tail_takes_the_short_lines_after_the_prompt():
    body = "The council voted on Tuesday to approve the new budget after a long debate about its costs."
    raw = f"{body}\n\nSubscribe to continue reading\nOnly $1 for your first month\nCancel anytime\n"
    cleaned = clean_text(raw)
    assert cleaned.text == body
    assert [r.text for r in cleaned.removed] == [
        "Subscribe to continue reading",
        "Only $1 for your first month",
        "Cancel anytime",
    ]


def test_a_prompt_mid_article_does_not_swallow_what_follows():
    para = (
        "The council voted on Tuesday to approve the new budget after a long debate about its costs, "
        "which opposition members said would fall hardest on the poorest districts of the city."
    )
    cleaned = clean_text(f"{para}\n\nSign up for our daily newsletter\nShort line of text\n\n{para}")
    assert [r.text for r in cleaned.removed] == ["Sign up for our daily newsletter"]
    assert "Short line of text" in cleaned.text


def test_offsets_point_into_raw_text_with_any_newlines():
    raw = "Title line here\r\n\r\n  Advertisement  \r\nThe minister spoke at length about the economy.\r"
    raw += "Share this article\n"
    cleaned = clean_text(raw)
    assert [(r.kind, raw[r.start : r.end]) for r in cleaned.removed] == [
        ("navigation", "Advertisement"),
        ("navigation", "Share this article"),
    ]
    assert cleaned.text == "Title line here\n\nThe minister spoke at length about the economy."


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Troops patrol the border on Friday. (AP Photo/Jane Doe)", "caption"),
        ("The minister at the summit. Photo: Jane Doe/Reuters", "caption"),
        ("Crowds gather in the square. (Photo by John Doe/Getty Images)", "caption"),
        ("Bloomberg via Getty Images.", "caption"),
        ("Credit: AP Photo/J. Scott Applewhite", "caption"),
        ("Already a subscriber? Log in", "paywall"),
        ("Sign up for our newsletter", "paywall"),
        ("Read the rest of the story at the Post.", "paywall"),
        ("Share this article", "navigation"),
        ("Advertisement", "navigation"),
        ("Skip to content", "navigation"),
        ("Follow us on Twitter", "navigation"),
        ("Read more: Iran says drones were shot down", "related"),
        ("We use cookies to improve your experience.", "cookie"),
        ("Accept all cookies", "cookie"),
    ],
)
def test_boilerplate_lexicon(line: str, kind: str):
    assert line_kind(line) == kind


@pytest.mark.parametrize(
    "line",
    [
        "“Sign up for the draft,” he said.",
        "(That last factoid comes courtesy of a scathing revenge memoir written by a former aide years later.)",
        "The EU cookie policy requires consent before any tracking, officials said on Monday in Brussels.",
        "Share prices fell on Monday as investors fled to safety after the attack on the facility in Isfahan.",
        "The budget for the fiscal year (2015/16)",
        "Subscribers to the service, the company said, had risen by a third over the year to reach two million people.",
    ],
)
def test_article_sentences_are_not_boilerplate(line: str):
    assert line_kind(line) is None


def test_boilerplate_is_never_the_headline():
    cleaned = clean_text("Share this article\n\nBudget Passes After Long Night\n\nThe council voted on Tuesday.")
    assert cleaned.headline == "Budget Passes After Long Night"
    assert [r.text for r in cleaned.removed] == ["Share this article"]


def test_nothing_left_is_an_input_error():
    with pytest.raises(InputError, match="no text left"):
        clean_article(RawDocument("x.txt", "Advertisement\n\nShare this article\n", None, {}, 1))


def test_a_record_whose_body_is_all_boilerplate_keeps_its_headline_marked():
    # A real GVA record: the page kept only a newsletter sign-up; its headline names the shooting.
    body = ("Close Get email notifications on Joel Currier daily!\n\nYour notification has been saved.\n\n"
            "There was a problem saving your notification.\n\n")
    title = "Shootout at St. Louis tavern popular with police leaves 1 dead, injures five"
    article = clean_article(RawDocument("x.jsonl:1", body, None, {"title": title}, 1))
    assert article.text == title and article.title == title
    assert any(r.kind == "headline-only" for r in article.removed)
    with pytest.raises(InputError, match="no text left"):  # no headline given: nothing to keep
        clean_article(RawDocument("x.jsonl:2", body, None, {}, 1))


def test_given_metadata_reaches_the_article():
    meta = {"id": "ext-1", "url": "https://a.example", "outlet": "Wire", "title": "T", "published": "2023-01-29"}
    article = clean_article(RawDocument("x.jsonl:3", "Some article text about the budget.", None, meta, 1))
    given = (article.url, article.outlet, article.title, article.published)
    assert given == ("https://a.example", "Wire", "T", "2023-01-29")
    assert article.source_path == "x.jsonl:3"
    assert article.id == content_id(article.text) != "ext-1"  # ids always come from content


def test_content_id_is_stable_under_whitespace_and_case():
    text = "Israel and Iran\n\nhave a  complicated relationship."
    assert content_id(text) == content_id("  israel and iran have a complicated\u00a0relationship. \n")
    assert content_id(text) != content_id("Israel and Iran have a simple relationship.")
    assert content_id(text).startswith("a_") and len(content_id(text)) == 18


def test_same_article_in_two_files_gets_one_id(tmp_path: Path):
    raw, article = _seed("002")
    (tmp_path / "copy.txt").write_text(raw.replace("\n\n", "\n").replace(".\u00a0", ". "), encoding="utf-8")
    [copy] = read_inputs([tmp_path / "copy.txt"])
    assert clean_article(copy).id == article.id
