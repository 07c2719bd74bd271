"""Why a reader should weigh an article with care, as the brief says it."""

from __future__ import annotations

from newsledger.records import HEADLINE_ONLY, TRUNCATED, Article, Removed
from newsledger.report.brief import unvetted


def test_a_page_cut_short_is_flagged_in_the_brief():
    whole = Article("a1", "Text.", url="https://x.example/a", outlet="X", published="2023-01-29")
    cut = Article("a2", "Text.", url="https://x.example/b", outlet="X", published="2023-01-29",
                  removed=[Removed(TRUNCATED, "the download stopped after 2,455 bytes", 5, 5)])
    assert unvetted(whole, {"X": 2}) == []
    assert unvetted(cut, {"X": 2}) == ["cut short: its page ended before the article did"]


def test_a_record_kept_only_by_its_headline_is_flagged_in_the_brief():
    headline = Article("a3", "3 dead in shooting", url="https://x.example/c", outlet="X", published="2023-01-29",
                       removed=[Removed(HEADLINE_ONLY, "[the body was all boilerplate]", 0, 120)])
    assert unvetted(headline, {"X": 2}) == ["headline only: the rest of its page was boilerplate"]
