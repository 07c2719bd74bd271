"""`bench growth` writes its story from a gva/ folder, and names the file it cannot read."""

from __future__ import annotations

import json

import pytest

from newsledger.evaluation import growth


def test_the_story_is_the_incident_s_paragraphs_each_article_with_a_sentence_of_its_own(tmp_path):
    paragraphs = [f"Paragraph {i} of the report on the Wilkinsburg shooting, long enough to be kept as such." for i in range(5)]
    rows = [{"incident": growth.INCIDENT, "title": "Wilkinsburg", "text": "\n\n".join(paragraphs)},
            {"incident": "other", "title": "Elsewhere", "text": "Another incident entirely, told at some length here."}]
    (tmp_path / "articles.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    out = growth.write_story(tmp_path, 25, tmp_path / "story.jsonl")
    written = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(written) == 25 and len({w["text"] for w in written}) == 25
    for n, article in enumerate(written):
        parts = article["text"].split("\n\n")
        assert parts[:-1] and all(part in paragraphs for part in parts[:-1]) and f"update number {n} " in parts[-1]


def test_a_folder_without_the_articles_is_named(tmp_path):
    with pytest.raises(growth.GrowthDataError, match="articles.jsonl: no such file"):
        growth.write_story(tmp_path, 3, tmp_path / "story.jsonl")
    (tmp_path / "articles.jsonl").write_text(json.dumps({"incident": "other", "text": "x"}), encoding="utf-8")
    with pytest.raises(growth.GrowthDataError, match="no article of incident"):
        growth.write_story(tmp_path, 3, tmp_path / "story.jsonl")
