"""Reading hostile inputs: every bad item becomes a Rejection that says why, and every good item comes through."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import DATASETS

from newsledger.ingest.clean import InputError, clean_article
from newsledger.ingest.html import extract, truncation
from newsledger.ingest.metadata import Metadata
from newsledger.ingest.readers import RawDocument, Rejection, discover, read_inputs

POLNEAR = DATASETS / "polnear"
BODY = "The minister told reporters on Monday that the budget would pass. " * 6
GOOD_HTML = f"""<!DOCTYPE html><html><head><title>Budget passes</title>
<link rel="canonical" href="https://news.example/2021/03/04/budget-passes">
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2022-05-06T23:30:00-05:00">
<meta name="author" content="Jane Doe">
<script>var tracker = "SCRIPT_PAYLOAD";</script></head>
<body><article><h1>Budget passes</h1><p>{BODY}</p><p>{BODY}</p></article>
<footer>© 2020 Example News</footer></body></html>"""


def _by_origin(items) -> dict[str, RawDocument | Rejection]:
    return {Path(item.origin).name: item for item in items}


@pytest.fixture()
def hostile(tmp_path: Path) -> Path:
    """A folder with one of every kind of bad input beside good ones."""
    folder = tmp_path / "inputs"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_text("  \n\t\n")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / "controls.txt").write_bytes(bytes(range(1, 9)) * 20 + b"some text")
    (folder / "latin1.txt").write_bytes("Caf\u00e9 is open.".encode("latin-1"))
    (folder / "truncated.html").write_text("<html><head><title>Cut</title></head><body><p>The minister said the "
                                           "talks would resume on Monday after a week of accusations on both sides, "
                                           "and that the draft agreement")
    with (folder / "huge.txt").open("wb") as handle:  # sparse: 50 MB on paper, nothing written
        handle.truncate(50 * 1024 * 1024)
    (folder / "records.jsonl").write_text(
        "\n".join(
            [
                json.dumps({"id": "r1", "text": BODY, "outlet": "Wire", "published": "2023-01-29"}),
                '{"id": "r2", "text": "broken',
                json.dumps({"id": "r3", "html": f"<article><p>{BODY}</p></article>", "title": "Third"}),
                "",
                json.dumps({"id": "r4", "title": "No body"}),
                json.dumps({"id": "r5", "text": BODY, "published": "29/01/2023"}),
                json.dumps({"id": 6, "text": BODY}),
            ]
        )
    )
    (folder / "notes.xyz").write_text("hello")
    (folder / "good.txt").write_bytes(b"\xef\xbb\xbfHeadline here\r\n\r\n" + BODY.encode())
    (folder / "good.html").write_text(GOOD_HTML)
    (folder / ".hidden.txt").write_text(BODY)
    (folder / ".git").mkdir()
    (folder / ".git" / "config.txt").write_text(BODY)
    return folder


def test_every_bad_input_is_rejected_with_its_reason(hostile: Path):
    items = _by_origin(read_inputs([hostile]))
    reasons = {name: item.reason for name, item in items.items() if isinstance(item, Rejection)}
    assert reasons == {
        "empty.txt": "empty file",
        "blank.txt": "contains only whitespace",
        "binary.txt": "binary data, not text (3 NUL bytes, the first at offset 8)",
        "controls.txt": "binary data, not text (94% control characters)",
        "latin1.txt": "not valid UTF-8 (byte 0xe9 at offset 3)",
        "huge.txt": "file is 50.0 MB, over the 5.0 MB limit",
        "records.jsonl:2": "invalid JSON at column 22: Unterminated string starting at",
        "records.jsonl:5": "record has neither 'text' nor 'html'",
        "records.jsonl:6": "published date '29/01/2023' is not an ISO date (expected YYYY-MM-DD)",
        "records.jsonl:7": "field 'id' must be a string, got a number",
        "notes.xyz": "unsupported file type '.xyz' (expected .txt, .html, .htm, .json, .jsonl, or one of them .gz)",
    }


def test_every_good_input_comes_through(hostile: Path):
    items = _by_origin(read_inputs([hostile]))
    good = {name: item for name, item in items.items() if isinstance(item, RawDocument)}
    assert set(good) == {"records.jsonl:1", "records.jsonl:3", "good.txt", "good.html", "truncated.html"}  # marked
    assert good["records.jsonl:1"].meta["published"] == "2023-01-29"
    assert good["records.jsonl:1"].meta["outlet"] == "Wire"
    assert good["records.jsonl:3"].html is not None and good["records.jsonl:3"].meta["title"] == "Third"
    assert good["good.txt"].text.startswith("Headline here")  # BOM dropped
    articles = {name: clean_article(raw) for name, raw in good.items()}
    assert articles["good.txt"].title == "Headline here"
    assert all(article.text for article in articles.values())


def test_huge_file_is_refused_without_reading_it(hostile: Path, monkeypatch: pytest.MonkeyPatch):
    def refuse(self):
        raise AssertionError(f"read {self}")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    [rejection] = read_inputs([hostile / "huge.txt"])
    assert "over the 5.0 MB limit" in rejection.reason


def test_html_text_and_stated_metadata(hostile: Path):
    [raw] = read_inputs([hostile / "good.html"])
    article = clean_article(raw)
    assert "SCRIPT_PAYLOAD" not in article.text and "minister told reporters" in article.text
    assert article.title == "Budget passes"
    assert article.outlet == "Example News"
    assert article.url == "https://news.example/2021/03/04/budget-passes"
    assert article.author == "Jane Doe"
    assert article.published == "2022-05-06"  # the stated local date, not shifted to UTC


def test_html_date_is_never_guessed():
    """A date in the body and a copyright year are not publication dates; the date in the page's URL path is
    the publisher's own statement, the last in order of trust."""
    page = GOOD_HTML.replace('<meta property="article:published_time" content="2022-05-06T23:30:00-05:00">', "")
    page = page.replace("<p>", "<p>On March 3, 2019 the minister resigned. ", 1)
    assert extract(page)[1]["published"] == "2021-03-04"
    undated_url = page.replace("/2021/03/04/", "/politics/")
    assert extract(undated_url)[1]["published"] is None


def test_given_metadata_wins_over_the_page():
    raw = RawDocument("x.json", None, GOOD_HTML, {"title": "Given title", "published": None}, 1)
    article = clean_article(raw)
    assert article.title == "Given title" and article.published == "2022-05-06"


def test_html_without_main_text_is_an_input_error():
    raw = RawDocument("nav.html", None, "<html><body><nav><a href='/'>Home</a></nav></body></html>", {}, 1)
    with pytest.raises(InputError, match="no main text"):
        clean_article(raw)


def test_truncation_rule():
    assert truncation("<p>A fragment from a JSON record</p>") is None
    assert truncation("<html><body><p>x</p></body>") is None  # the content is whole
    assert truncation("<HTML><p>x</p>") == "HTML looks truncated: <html> is opened but never closed"


def test_json_object_and_list(tmp_path: Path):
    (tmp_path / "one.json").write_text(json.dumps({"text": BODY, "url": "https://a.example/x"}))
    (tmp_path / "many.json").write_text(json.dumps([{"text": BODY}, {"text": ["not", "a", "string"]}, "oops"]))
    items = _by_origin(read_inputs([tmp_path]))
    assert items["one.json"].meta["url"] == "https://a.example/x"
    assert isinstance(items["many.json[0]"], RawDocument)
    assert items["many.json[1]"].reason == "field 'text' must be a string, got a list"
    assert items["many.json[2]"].reason == "expected a JSON object, got a string"


def test_jsonl_line_over_the_limit_is_rejected_alone(tmp_path: Path):
    lines = [json.dumps({"text": "x" * 500}), json.dumps({"text": "A short article about the budget."})]
    (tmp_path / "big.jsonl").write_text("\n".join(lines) + "\n")
    first, second = read_inputs([tmp_path / "big.jsonl"], max_bytes=300)
    assert first == Rejection(first.origin, "line is 513 bytes, over the 300 bytes limit", 513)
    assert isinstance(second, RawDocument) and second.origin.endswith("big.jsonl:2")


def test_missing_and_unreadable_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    [missing] = read_inputs([tmp_path / "nowhere.txt"])
    assert missing.reason == "no such file or folder"
    locked = tmp_path / "locked.txt"
    locked.write_text(BODY)

    def denied(self):  # chmod 000 does not stop root, so the refusal is simulated
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", denied)
    [rejection] = read_inputs([locked])
    assert rejection.reason == "cannot read: permission denied"


def test_discover_sorts_recursively_and_skips_hidden(hostile: Path):
    (hostile / "sub").mkdir()
    (hostile / "sub" / "a.txt").write_text(BODY)
    names = [path.relative_to(hostile).as_posix() for path in discover([hostile])]
    assert names == sorted(names)
    assert "sub/a.txt" in names
    assert not any(part.startswith(".") for name in names for part in name.split("/"))


@pytest.mark.skipif(not POLNEAR.exists(), reason="polnear data set not present")
def test_metadata_file_on_polnear():
    metadata = Metadata.from_file(POLNEAR / "metadata.tsv")
    text = POLNEAR / "train" / "text" / "breitbart_2015-11-11_the-ninth-circle-the-hellish-vie.txt"
    meta = metadata.lookup(text)
    assert meta["outlet"] == "breitbart" and meta["published"] == "2015-11-11"
    assert meta["title"].startswith("The Ninth Circle")
    assert metadata.lookup(Path("parc__wsj_0019.txt"))["published"] is None  # empty cells are missing
    assert metadata.lookup(Path("unlisted.txt")) == {}
    [raw] = read_inputs([text], metadata)
    assert clean_article(raw).outlet == "breitbart"


def test_metadata_csv_aliases_and_none(tmp_path: Path):
    table = tmp_path / "meta.csv"
    table.write_text("file,publisher,date,author\nstory.txt,Daily,2020-02-03T10:00:00Z,None\n")
    meta = Metadata.from_file(table).lookup(Path("story.txt"))
    assert meta == {"url": None, "outlet": "Daily", "title": None, "published": "2020-02-03T10:00:00Z", "author": None}
    (tmp_path / "story.txt").write_text(BODY)
    [raw] = read_inputs([tmp_path / "story.txt"], Metadata.from_file(table))
    assert raw.meta["published"] == "2020-02-03"


def test_metadata_without_a_file_column_is_refused(tmp_path: Path):
    table = tmp_path / "meta.tsv"
    table.write_text("title\toutlet\nA\tB\n")
    with pytest.raises(ValueError, match="no file column"):
        Metadata.from_file(table)


def test_jsonl_whose_every_line_is_too_long_is_rejected_line_by_line(tmp_path):
    feed = tmp_path / "long.jsonl"
    line = json.dumps({"text": "word " * 300})
    feed.write_text(line + "\n" + line + "\n", encoding="utf-8")
    rejections = list(read_inputs([feed], max_bytes=100))
    assert [r.origin for r in rejections] == [f"{feed}:1", f"{feed}:2"]
    assert all(isinstance(r, Rejection) and "over the" in r.reason for r in rejections)
