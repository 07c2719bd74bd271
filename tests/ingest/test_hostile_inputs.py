"""Issue 21, the reading and cleaning side: each hostile input is its own rejection with its reason (or is read,
when it is a real article refused for the wrong reason), and the good inputs beside it come through."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest

from newsledger.ingest.clean import (
    MAX_ARTICLE_CHARS,
    MAX_ARTICLE_TOKENS,
    MAX_RUN_CHARS,
    OVER_LENGTH,
    InputError,
    clean_article,
)
from newsledger.ingest.html import extract
from newsledger.ingest.readers import RawDocument, Rejection, discover, read_inputs

BODY = "The minister told reporters on Monday that the budget would pass before the summer recess. " * 4
GOOD = {"text": BODY, "outlet": "Wire"}


def _page(inner: str, head: str = "") -> str:
    return f"<html><head><title>Budget</title>{head}</head><body>{inner}</body></html>"


def _items(*paths: Path) -> dict[str, RawDocument | Rejection]:
    return {Path(item.origin).name: item for item in read_inputs(paths)}


def _deep_tree(root: Path, depth: int) -> Path:
    """A folder ``depth`` levels deep, made without recursion (os.makedirs recurses)."""
    folder = root
    for _ in range(depth):
        folder = folder / "d"
        os.mkdir(folder)
    return folder


def test_each_json_failure_is_its_own_rejection_with_its_reason(tmp_path: Path):
    (tmp_path / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
    (tmp_path / "bigint.json").write_text('{"text": "Officials said so.", "n": ' + "9" * 5000 + "}")
    (tmp_path / "surrogate.json").write_text('{"text": "Officials said \\ud800 so on Monday."}')
    (tmp_path / "title.json").write_text(json.dumps({**GOOD, "title": "x"}).replace('"x"', '"a \\udc00"'))
    (tmp_path / "outlet.json").write_text(json.dumps({**GOOD, "outlet": "x"}).replace('"x"', '"\\udbff"'))
    (tmp_path / "feed.jsonl").write_text(json.dumps(GOOD) + "\n" + "[" * 100_000 + "]" * 100_000 + "\n"
                                         + json.dumps({**GOOD, "text": BODY + " Again."}) + "\n")
    (tmp_path / "good.json").write_text(json.dumps(GOOD))
    items = _items(tmp_path)
    reasons = {name: item.reason for name, item in items.items() if isinstance(item, Rejection)}
    assert reasons == {
        "deep.json": "invalid JSON: nested too deeply",
        "bigint.json": "invalid JSON: a number too long to read (over 4,300 digits)",
        "surrogate.json": "field 'text' holds a lone surrogate (\\ud800 at character 15), not valid Unicode",
        "title.json": "field 'title' holds a lone surrogate (\\udc00 at character 2), not valid Unicode",
        "outlet.json": "field 'outlet' holds a lone surrogate (\\udbff at character 0), not valid Unicode",
        "feed.jsonl:2": "invalid JSON: nested too deeply",
    }
    assert {"good.json", "feed.jsonl:1", "feed.jsonl:3"} <= set(items)


def _remove_deep_tree(deepest: Path, root: Path) -> None:
    """Undo ``_deep_tree`` from the bottom up (shutil.rmtree, and so pytest's cleanup, recurses)."""
    for path in deepest.iterdir():
        path.unlink()
    while deepest != root:
        deepest.rmdir()
        deepest = deepest.parent


def test_a_folder_tree_1100_levels_deep_is_walked(tmp_path: Path):
    (tmp_path / "tree").mkdir()
    deepest = _deep_tree(tmp_path / "tree", 1_100)
    (deepest / "deep.txt").write_text(BODY)
    (tmp_path / "tree" / "top.txt").write_text(BODY)
    try:
        found = discover([tmp_path / "tree"])
    finally:
        _remove_deep_tree(deepest, tmp_path / "tree")
    assert sorted(path.name for path in found) == ["deep.txt", "top.txt"]


def test_symlinked_folders_are_read_once_and_a_loop_is_named(tmp_path: Path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(BODY)
    (tmp_path / "in" / "loop").symlink_to(tmp_path / "in")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "b.txt").write_text(BODY)
    (tmp_path / "in" / "linked").symlink_to(tmp_path / "elsewhere")
    found = discover([tmp_path / "in"])
    assert sorted(path.name for path in found if isinstance(path, Path)) == ["a.txt", "b.txt"]
    [skipped] = [item for item in found if isinstance(item, Rejection)]
    assert skipped.origin.endswith("loop") and "already read" in skipped.reason


def test_a_fifo_is_not_a_regular_file(tmp_path: Path):
    os.mkfifo(tmp_path / "pipe.txt")
    [rejection] = read_inputs([tmp_path / "pipe.txt"])  # never opened: reading a FIFO would block
    assert rejection.reason == "not a regular file (a named pipe (FIFO))"


@pytest.mark.parametrize("mark", ["\f\f\f", "\x01", "\x00"])
def test_a_page_with_a_control_character_is_read(tmp_path: Path, mark: str):
    page = tmp_path / "page.html"
    page.write_text(_page(f"<article><p>{BODY.replace('Monday', 'Monday' + mark, 1)}</p></article>"))
    [raw] = read_inputs([page])
    article = clean_article(raw)
    assert "budget would pass" in article.text and mark not in article.text


def test_a_text_with_a_stray_nul_byte_is_read_and_binary_is_still_refused(tmp_path: Path):
    (tmp_path / "nul.txt").write_bytes(BODY.encode().replace(b"Monday", b"Mon\x00day", 1))
    (tmp_path / "png.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    items = _items(tmp_path)
    assert "\x00" not in clean_article(items["nul.txt"]).text
    assert items["png.txt"].reason.startswith("binary data, not text")


def test_an_article_nested_deeper_than_libxml2s_default_is_read():
    text, _ = extract(_page("<div>" * 300 + f"<p>{BODY}</p>" + "</div>" * 300))
    assert "budget would pass" in text


@pytest.mark.parametrize("charset", ["iso-8859-1", "windows-1252"])
def test_a_page_in_the_charset_it_declares_is_read(tmp_path: Path, charset: str):
    page = tmp_path / "page.html"
    text = BODY.replace("minister", "ministre délégué’s" if charset == "windows-1252" else "ministre délégué")
    page.write_bytes(_page(f"<article><p>{text}</p></article>", f'<meta charset="{charset}">').encode(charset))
    [raw] = read_inputs([page])
    assert "délégué" in clean_article(raw).text


def test_a_page_not_in_the_charset_it_declares_is_refused_with_the_reason(tmp_path: Path):
    page = tmp_path / "page.html"
    page.write_bytes(_page(f"<p>{BODY}</p>", '<meta charset="ascii">').encode() + "é".encode("latin-1"))
    [rejection] = read_inputs([page])
    assert rejection.reason.startswith("not valid ascii, the charset the page declares")


def test_gzipped_inputs_are_read_and_a_bomb_is_refused(tmp_path: Path):
    (tmp_path / "page.html.gz").write_bytes(gzip.compress(_page(f"<article><p>{BODY}</p></article>").encode()))
    (tmp_path / "feed.jsonl.gz").write_bytes(gzip.compress((json.dumps(GOOD) + "\n").encode()))
    (tmp_path / "bomb.txt.gz").write_bytes(gzip.compress(b" " * 6_000_000))
    (tmp_path / "broken.txt.gz").write_bytes(b"not gzip at all")
    items = _items(tmp_path)
    assert "budget would pass" in clean_article(items["page.html.gz"]).text
    assert items["feed.jsonl.gz:1"].text == BODY
    assert items["bomb.txt.gz"].reason == "decompresses to over the 5.0 MB limit"
    assert items["broken.txt.gz"].reason.startswith("not a valid gzip file")


def test_a_deep_json_ld_block_leaves_the_page_readable():
    text, meta = extract(_page(f"<article><p>{BODY}</p></article>",
                               "<script type='application/ld+json'>" + "[" * 100_000 + "]" * 100_000 + "</script>"))
    assert "budget would pass" in text and meta["published"] is None


def _raw(text: str) -> RawDocument:
    return RawDocument("x.txt", text, None, {}, len(text))


@pytest.mark.parametrize("text", ["\u200b\u200c\u200d" * 20, "\u202e\u2066\u2069 \u200f" * 10, "... !!! ??? --- “”",
                                  "\U0001f600\U0001f525 \u200b"])
def test_text_without_a_letter_or_digit_is_no_text(text: str):
    with pytest.raises(InputError, match="no text"):
        clean_article(_raw(text))


@pytest.mark.parametrize("unit, limit", [("Officials said the talks in the capital would resume. ", MAX_ARTICLE_CHARS),
                                          ("\U0001f600 " * 40, MAX_ARTICLE_TOKENS)])
def test_an_article_over_the_limit_is_cut_at_a_line_end_with_a_mark(unit: str, limit: int):
    paragraphs = [f"Paragraph {i}: {unit * 10}".strip() for i in range(3 * limit // len(unit * 10) + 1)]
    text = "\n\n".join(paragraphs)
    article = clean_article(_raw(text))
    assert limit // 2 < len(article.text if limit == MAX_ARTICLE_CHARS else article.text.split()) <= limit
    assert article.text.endswith(paragraphs[0][-20:])  # a whole paragraph last
    [cut] = [removed for removed in article.removed if removed.kind == OVER_LENGTH]
    assert cut.end == len(text) and "characters not read" in cut.text


def test_a_run_without_spaces_is_taken_out_with_its_offsets():
    run = '"' * (MAX_RUN_CHARS * 10)
    text = f"Officials said the talks would resume. {run} They gave no date."
    article = clean_article(_raw(text))
    assert article.text == "Officials said the talks would resume. They gave no date."
    [removed] = [r for r in article.removed if r.kind == "no-spaces"]
    assert text[removed.start : removed.end] == run
