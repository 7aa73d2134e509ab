"""Regression tests of the rel14 probe (input that lost users' text or metadata silently): each
is named after what broke. Every text here is team-written or generated in the test."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from allegiance import Store, ingest
from allegiance.ingest.dates import parse_date
from allegiance.settings import Settings

BODY = ("Kazakhstan refused to send troops to Ukraine, officials in Astana said on Saturday. "
        "The government also said it would not recognise the separatist republics in the east. ")


def _rows(tmp_path: Path, *records: Any) -> tuple[dict[str, dict[str, Any]], dict[str, tuple[str, str]]]:
    """Articles by the line of their input (``L3``), and rejections by line, of a JSON Lines file."""
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records) + "\n",
                    encoding="utf-8")
    with Store(tmp_path / "t.db") as store:
        ingest([str(path)], store, Settings(db=str(tmp_path / "t.db"), progress=False))
        rows = {r["origin"].rsplit("#", 1)[1]: dict(r) for r in store.db.execute(
            "SELECT i.origin, a.* FROM article_inputs i JOIN articles a ON a.id = i.article_id")}
        rejected = {r["origin"].rsplit("#", 1)[1]: (r["code"], r["message"]) for r in store.rejections()}
    return rows, rejected


# --- 1. a number as the publication date -------------------------------------------------------

@pytest.mark.parametrize(("value", "day"), [
    (1700000000, "2023-11-14"), (1700000000.5, "2023-11-14"), (1700000000000, "2023-11-14"),
    (1700000000000000, "2023-11-14"), (1700000000000000000, "2023-11-14"), (20230415, "2023-04-15"),
    (20230415.0, "2023-04-15"), (15042023, "2023-04-15"), ("20230415", "2023-04-15"), ("1700000000", "2023-11-14"),
    ("1700000000123", "2023-11-14"), (" 1700000000.25 ", "2023-11-14"), (662688000, "1991-01-01"),
])
def test_a_number_is_read_as_yyyymmdd_or_a_unix_time_of_any_scale(value: Any, day: str) -> None:
    assert parse_date(value) == day


@pytest.mark.parametrize("value", [12, 0, -1700000000, 20231345, 19891231, 99999999, 4102444800,
                                   float("nan"), float("inf"), 10 ** 30, 170000000000, "20231345"])
def test_a_number_that_names_no_sane_day_is_no_date(value: Any) -> None:
    assert parse_date(value) is None


def test_regression_a_number_as_the_published_date_was_dropped_silently(tmp_path: Path) -> None:
    rows, rejected = _rows(tmp_path, {"id": "s", "text": BODY + "s", "published": 1700000000},
                           {"id": "ms", "text": BODY + "ms", "published": 1700000000000},
                           {"id": "ymd", "text": BODY + "ymd", "published": 20230415},
                           {"id": "odd", "text": BODY + "odd", "published": 12})
    assert not rejected
    got = {r["file_name"]: (r["published"], r["published_raw"], r["date_source"]) for r in rows.values()}
    assert got == {"s": ("2023-11-14", "1700000000", "declared"), "ms": ("2023-11-14", "1700000000000", "declared"),
                   "ymd": ("2023-04-15", "20230415", "declared"), "odd": (None, "12", None)}
    assert rows["L4"]["ingest_note"] == "metadata_left_out: 'published' '12' names no day"
    assert rows["L1"]["ingest_note"] is None


# --- 1b. other fields of the wrong type: said so, never stringified, never a crash --------------

def test_regression_metadata_of_the_wrong_type_is_named_in_the_note_not_left_out_silently(tmp_path: Path) -> None:
    rows, rejected = _rows(
        tmp_path, {"id": "t", "text": BODY + "t", "title": 42, "url": {"href": "https://x.example/a"}},
        {"id": "p", "text": BODY + "p", "published": ["2023-04-15"]},
        {"id": "b", "text": BODY + "b", "published": True},
        {"id": {"n": 1}, "text": BODY + "o"}, {"id": "n", "text": BODY + "n", "title": None, "author": None})
    assert not rejected
    assert rows["L1"]["ingest_note"] == "metadata_left_out: 'url' is an object, not text; 'title' is a number, not text"
    assert rows["L1"]["url"] is None and rows["L1"]["title"] != "42"
    assert rows["L2"]["ingest_note"] == "metadata_left_out: 'published' is a list, not text"
    assert rows["L3"]["ingest_note"] == "metadata_left_out: 'published' is true/false, not text"
    assert rows["L4"]["file_name"] is None  # known by its content hash, not by "{'n': 1}"
    assert rows["L4"]["ingest_note"] == "metadata_left_out: 'id' is an object, not text or a whole number"
    assert rows["L5"]["ingest_note"] is None  # null is no value, not a wrong one


def test_regression_a_numeric_id_of_zero_was_dropped_and_true_was_stringified(tmp_path: Path) -> None:
    rows, _ = _rows(tmp_path, {"id": 0, "text": BODY + "zero"}, {"id": 7.0, "text": BODY + "seven"},
                    {"id": True, "text": BODY + "true"})
    assert [rows[k]["file_name"] for k in ("L1", "L2", "L3")] == ["0", "7", None]


def test_regression_a_text_of_the_wrong_type_is_a_rejection_naming_it_and_the_keys(tmp_path: Path) -> None:
    _, rejected = _rows(tmp_path, {"text": {"body": BODY}}, {"content": BODY, "id": "c"}, '{"text": null}')
    assert rejected == {"L1": ("empty", "line 1 has no text: 'text' is an object"),
                        "L2": ("empty", "line 2 has no 'text' or 'html' (its keys: 'content', 'id')"),
                        "L3": ("empty", "line 3 has no 'text' or 'html' (its keys: 'text')")}


def test_regression_two_records_of_one_id_were_stored_under_one_export_id(tmp_path: Path) -> None:
    rows, _ = _rows(tmp_path, {"id": "x", "text": BODY + "one"}, {"id": "x", "text": BODY + "two"},
                    {"id": "x", "text": BODY + "three"}, {"id": "y", "text": BODY + "four"})
    assert [rows[k]["file_name"] for k in ("L1", "L2", "L3", "L4")] == ["x", "x@2", "x@3", "y"]
    assert rows["L2"]["ingest_note"] == "metadata_left_out: 'id' 'x' (an earlier record's) as given: stored as 'x@2'"


def test_regression_a_date_under_another_common_name_was_dropped_silently(tmp_path: Path) -> None:
    rows, _ = _rows(tmp_path, {"id": "a", "text": BODY + "a", "date": "2023-04-15", "link": "https://x.example/a"},
                    {"id": "b", "text": BODY + "b", "datePublished": "2022-03-24", "headline": "Astana says no"},
                    {"id": "c", "text": BODY + "c", "published": "2021-01-02", "date": "2020-01-01"})
    assert (rows["L1"]["published"], rows["L1"]["url"]) == ("2023-04-15", "https://x.example/a")
    assert (rows["L2"]["published"], rows["L2"]["title"]) == ("2022-03-24", "Astana says no")
    assert rows["L3"]["published"] == "2021-01-02"  # the field's own name first


def test_regression_parquet_rows_stringified_lists_and_lost_numeric_dates(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    import datetime as dt

    import pyarrow.parquet as pq

    from allegiance.ingest.dates import parse_date
    from allegiance.runner.distributed import _parquet_inputs

    pq.write_table(pa.table({"id": [1, 2], "text": [BODY, BODY + "two"], "published": [20230415, 1700000000000],
                             "when": [dt.datetime(2022, 3, 24, 9, 30), None], "author": [["Ann", "Ben"], []]}),
                   tmp_path / "n.parquet")
    pq.write_table(pa.table({"text": [BODY], "published": [dt.datetime(2022, 3, 24, 9, 30)], "title": [["x"]]}),
                   tmp_path / "t.parquet")
    rows = list(_parquet_inputs(str(tmp_path / "n.parquet"))) + list(_parquet_inputs(str(tmp_path / "t.parquet")))
    assert [r.file_name for r in rows] == ["1", "2", None]  # type: ignore[union-attr]
    hints = [r.hints for r in rows]  # type: ignore[union-attr]
    assert [parse_date(h.published) for h in hints] == ["2023-04-15", "2023-11-14", "2022-03-24"]
    assert (hints[0].author, hints[1].author, hints[2].title) == ("Ann, Ben", None, None)
    assert hints[2].notes == ("'title' is a list, not text",)


# --- 2. names with an apostrophe were split into pieces ----------------------------------------

@pytest.mark.parametrize(("text", "words"), [
    ("В'ячеслав і Слов’янськ, Вʼячеслав", ["В'ячеслав", "і", "Слов’янськ", "Вʼячеслав"]),
    ("Шон О’Салливан и О'Брайен", ["Шон", "О’Салливан", "и", "О'Брайен"]),
    ("Simon O'Brien met Massimo D’Alema; O'Brien's aide", ["Simon", "O'Brien", "met", "Massimo", "D’Alema", "O'Brien",
                                                           "s", "aide"]),
    ("Russia's army don’t RUSSIA'S O'BRIEN I'm", ["Russia", "s", "army", "don", "t", "RUSSIA", "S", "O", "BRIEN", "I",
                                                  "m"]),
    ("l'Ukraine, L'Ukraine, Côte d'Ivoire, XO'Brien", ["l", "Ukraine", "L", "Ukraine", "Côte", "d", "Ivoire", "XO",
                                                       "Brien"]),
    ("«'Азов'» і 'Kyiv'", ["Азов", "і", "Kyiv"]),  # an apostrophe as a quote mark is no part of a word
])
def test_regression_a_name_with_an_apostrophe_is_one_token_and_clitics_still_split(text: str, words: list[str]) -> None:
    from allegiance.nlp.tokens import tokenize

    tokens = tokenize(text)
    assert [t.text for t in tokens] == words
    assert all(text[t.start:t.end] == t.text for t in tokens)


def test_every_apostrophe_of_a_word_gives_one_key() -> None:
    from allegiance.nlp.tokens import word_key

    assert word_key("В'ячеслава", "uk") == word_key("В’ячеслава", "uk") == word_key("Вʼячеслава", "uk") == "в'ячеслав"
    assert word_key("O’Brien") == word_key("O'Brien") == "o'brien"


def _people_and_places(pipeline: Any, text: str, language: str) -> set[tuple[str | None, str]]:
    from allegiance.nlp import Doc

    doc = pipeline(Doc(id="t", text=text, language=language))
    return {(m.canonical or m.entity_id, text[m.start:m.end]) for m in doc.mentions}


@pytest.mark.parametrize("mark", ["'", "\u2019", "\u02bc"])
def test_regression_ukrainian_names_with_an_apostrophe_are_found_whole(pipeline: Any, mark: str) -> None:
    text = (f"Губернатор області В{mark}ячеслав Гладков заявив журналістам, що село знову обстріляли. "
            f"Президент В{mark}єтнаму відвідав Москву минулого тижня.")
    found = _people_and_places(pipeline, text, "uk")
    assert (("Vyacheslav Hladkov", f"В{mark}ячеслав Гладков") in found)
    assert ("Viet Nam", f"В{mark}єтнаму") in found


@pytest.mark.parametrize(("text", "language", "person"), [
    ("Посол Ирландии Джон О'Брайен заявил журналистам, что Дублин поддерживает Украину.", "ru",
     ("Dzhon O'Brayen", "Джон О'Брайен")),
    ("Посол Ірландії Шон О’Салліван заявив журналістам, що Дублін підтримує Україну.", "uk",
     ("Shon O'Sallivan", "Шон О’Салліван")),
    ("Irish diplomat Sean O’Sullivan told reporters that Dublin backs Ukraine.", "en",
     ("Sean O’Sullivan", "Sean O’Sullivan")),
])
def test_regression_an_irish_surname_in_cyrillic_is_found_whole(pipeline: Any, text: str, language: str,
                                                                  person: tuple[str, str]) -> None:
    assert person in _people_and_places(pipeline, text, language)


def test_english_clitics_behave_as_before(pipeline: Any) -> None:
    text = "Russia's president said he doesn't plan to meet Zelensky; Kazakhstan's Tokayev didn't comment."
    found = _people_and_places(pipeline, text, "en")
    assert {("Vladimir Putin", "Russia's president"), ("Kazakhstan", "Kazakhstan"),
            ("Kassym-Jomart Tokayev", "Tokayev")} <= found
