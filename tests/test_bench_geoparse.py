"""`newsledger bench geoparse` on a tiny LGL-layout corpus and a tiny GeoNames dump, both written by the test."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsledger.cli import app
from newsledger.evaluation.geoparse import MAX_ERROR_KM, read_articles, split_of

TEXT = "Police in Springfield, Ill. said a man from Gotham was held. Springfield officers were thanked."


def _toponym(start: int, phrase: str, geonameid: int | None = None, lat: float = 0, lon: float = 0) -> str:
    gaztag = "" if geonameid is None else (
        f'<gaztag geonameid="{geonameid}"><name>{phrase}</name><fclass>P</fclass><fcode>PPL</fcode>'
        f"<lat>{lat}</lat><lon>{lon}</lon></gaztag>")
    return f"<toponym><start>{start}</start><end>{start + len(phrase)}</end><phrase>{phrase}</phrase>{gaztag}</toponym>"


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    second = TEXT.index("Springfield", 20)
    toponyms = "".join([
        _toponym(TEXT.index("Springfield"), "Springfield", 4250542, 39.80172, -89.64371),
        _toponym(TEXT.index("Ill."), "Ill.", 4896861, 40.00032, -89.25037),
        _toponym(TEXT.index("Gotham"), "Gotham", 5128581, 40.71427, -74.00597),  # not in the tiny gazetteer
        _toponym(second, "Springfield", 4250542, 39.80172, -89.64371),
        _toponym(TEXT.index("officers"), "officers"),  # no gold coordinates: left out
    ])
    path = tmp_path / "tiny.xml"
    path.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<articles><article docid="1"><domain>x.com</domain>'
                    f"<text><![CDATA[{TEXT}]]></text><toponyms>{toponyms}</toponyms></article></articles>",
                    encoding="utf-8")
    return path


def _line(geonameid, name, lat, lon, fclass, fcode, admin1, population):
    return "\t".join([str(geonameid), name, name, "", str(lat), str(lon), fclass, fcode, "US", "", admin1, "", "",
                      "", str(population), "", "", "", ""]) + "\n"


@pytest.fixture()
def dump(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("NEWSLEDGER_CACHE_DIR", str(tmp_path / "cache"))  # the dump's compiled index goes there
    path = tmp_path / "dump.txt"
    path.write_text("".join([
        _line(4250542, "Springfield", 39.80172, -89.64371, "P", "PPLA", "IL", 114394),
        _line(4409896, "Springfield", 37.21533, -93.29824, "P", "PPL", "MO", 166810),
        _line(4896861, "Illinois", 40.00032, -89.25037, "A", "ADM1", "IL", 12830632),
    ]), encoding="utf-8")
    return path


def test_reader_keeps_offsets_and_gold(corpus):
    (article,) = read_articles(corpus)
    assert [TEXT[t.start:t.end] for t in article.toponyms] == [t.text for t in article.toponyms]
    assert article.toponyms[0].geonameid == 4250542 and article.toponyms[-1].lat is None
    assert split_of("1") in ("tune", "dev") and len(read_articles(corpus, "all")) == 1


def test_bench_scores_resolution_with_a_users_dump(corpus, dump):
    result = CliRunner().invoke(app, ["bench", "geoparse", "--data", str(corpus), "--gazetteer", str(dump), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    resolution = figures["resolution"]
    assert resolution["toponyms"] == 4  # the one without coordinates is left out
    assert resolution["acc_at_161"] == 75.0  # both Springfields (Illinois by its qualifier) and Ill.; Gotham unknown
    assert resolution["exact_id"] == 75.0
    assert resolution["unresolved"] == 1
    assert resolution["mean_error_km"] == pytest.approx(MAX_ERROR_KM / 4, abs=1)
    assert resolution["conditional_toponyms"] == 3 and resolution["conditional_acc_at_161"] == 100.0
    assert figures["gazetteer"]["records"] == 3 and figures["gazetteer"]["load_seconds"] >= 0


def test_bench_prints_figures_for_people(corpus, dump):
    result = CliRunner().invoke(app, ["bench", "geoparse", "--data", str(corpus), "--gazetteer", str(dump)])
    assert result.exit_code == 0, result.output
    assert "acc@161 km  75.0%" in result.output and "loaded in" in result.output


def test_bench_refuses_what_it_cannot_read(tmp_path, dump, corpus):
    broken = tmp_path / "broken.xml"
    broken.write_text("<articles><article>", encoding="utf-8")
    result = CliRunner().invoke(app, ["bench", "geoparse", "--data", str(broken), "--gazetteer", str(dump)])
    assert result.exit_code == 3 and "broken.xml" in result.output
    result = CliRunner().invoke(app, ["bench", "geoparse", "--data", str(corpus), "--split", "test"])
    assert result.exit_code == 2


def test_geowebnews_style_toponyms_are_read_and_get_coordinates_by_id(tmp_path, dump):
    path = tmp_path / "gwn.xml"
    text = "Crews in Springfield, Illinois cleared the roads."
    start = text.index("Springfield")
    path.write_text(f'<articles><article docid="7"><text>{text}</text><toponyms><toponym><start>{start}</start>'
                    f"<end>{start + 11}</end><extractedName>Springfield</extractedName><geonamesID>4250542"
                    f"</geonamesID></toponym></toponyms></article></articles>", encoding="utf-8")
    (article,) = read_articles(path)
    assert (article.toponyms[0].geonameid, article.toponyms[0].lat) == (4250542, None)
    result = CliRunner().invoke(app, ["bench", "geoparse", "--data", str(path), "--gazetteer", str(dump), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["gold_coordinates_from_gazetteer"] == 1
    assert figures["resolution"]["toponyms"] == 1 and figures["resolution"]["exact_id"] == 100.0


def _offsets_only(tmp_path: Path, phrase: str = "Springfield", split: str = "dev") -> Path:
    """A corpus file that keeps offsets only, its article's text in texts/news/a.txt."""
    (tmp_path / "texts" / "news").mkdir(parents=True)
    (tmp_path / "texts" / "news" / "a.txt").write_text(TEXT, encoding="utf-8")
    start = TEXT.index("Springfield")
    path = tmp_path / "offsets.xml"
    path.write_text(f'<articles><article docid="news/a.txt" split="{split}"><toponyms>'
                    f"{_toponym(start, phrase, 4250542, 39.80172, -89.64371)}</toponyms></article></articles>",
                    encoding="utf-8")
    return path


def test_an_offsets_only_file_reads_its_texts_from_the_texts_folder(tmp_path, dump):
    path = _offsets_only(tmp_path)
    (article,) = read_articles(path, "dev", tmp_path / "texts")
    assert article.text == TEXT and article.toponyms[0].text == "Springfield"
    assert read_articles(path, "tune", tmp_path / "texts") == []  # the article's own split wins over the hash
    result = CliRunner().invoke(app, ["bench", "geoparse", "--data", str(path), "--gazetteer", str(dump),
                                      "--texts", str(tmp_path / "texts"), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["resolution"]["acc_at_161"] == 100.0


def test_an_offsets_only_file_is_refused_without_texts_or_with_other_texts(tmp_path, dump):
    path = _offsets_only(tmp_path, phrase="Springfielx")
    with pytest.raises(ValueError, match="not at"):
        read_articles(path, "all", tmp_path / "texts")
    with pytest.raises(ValueError, match="--texts"):
        read_articles(path, "all")
    result = CliRunner().invoke(app, ["bench", "geoparse", "--data", str(path), "--gazetteer", str(dump)])
    assert result.exit_code != 0 and "--texts" in result.output


def test_a_docid_may_not_leave_the_texts_folder(tmp_path):
    from newsledger.evaluation.geoparse import article_text

    (tmp_path / "texts").mkdir()
    (tmp_path / "secret.txt").write_text("x", encoding="utf-8")
    with pytest.raises(ValueError, match="not a path under"):
        article_text(tmp_path / "texts", "../secret.txt")


GLOBAL = Path(__file__).resolve().parents[1] / "benchmarks" / "geoparse" / "global.xml"


def test_the_committed_global_set_matches_the_shared_texts():
    from conftest import DATASETS

    if not (DATASETS / "polnear").is_dir() or not (DATASETS / "ecbplus").is_dir():
        pytest.skip("shared datasets not present")
    tune = read_articles(GLOBAL, "tune", DATASETS)  # raises if a phrase is not at its offsets
    dev = read_articles(GLOBAL, "dev", DATASETS)
    assert tune and dev and not {a.docid for a in tune} & {a.docid for a in dev}
    assert sum(len(a.toponyms) for a in tune + dev) > 800
