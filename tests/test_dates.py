"""Publication dates: every place an article gives one, in common forms, checked; the raw value
kept apart with where the stored date came from."""

from __future__ import annotations

import json

import pytest

from allegiance import Store, ingest
from allegiance.ingest.dates import date_from_text, date_from_url, parse_date, publication_date


@pytest.mark.parametrize(("value", "day"), [
    ("2022-03-24", "2022-03-24"), ("2022-03-24T14:58:00+03:00", "2022-03-24"), ("24.03.2022", "2022-03-24"),
    ("March 24, 2022", "2022-03-24"), ("24 марта 2022", "2022-03-24"), ("24 березня 2022", "2022-03-24"),
    ("Thu, 24 Mar 2022 14:58:00 GMT", "2022-03-24"), (1648119600, "2022-03-24"),
])
def test_declared_dates_in_common_forms_are_read(value, day):
    assert parse_date(value) == day


@pytest.mark.parametrize("value", ["9999-99-99", "2023-02-30", "2022-13-01", "1850-01-01", "3000-01-01", "soon",
                                   "2022", "", None, True, ["2022-03-24"], {"date": "2022-03-24"}])
def test_bad_dates_are_never_stored_as_the_date(value):
    assert parse_date(value) is None


@pytest.mark.parametrize(("url", "day"), [
    ("https://news.example/2022/02/26/kazakhstan-denies", "2022-02-26"),
    ("https://news.example/a/123/2023-06-02/story", "2023-06-02"),
    ("https://news.example/en/news/20220922/story", "2022-09-22"),
    ("https://news.example/war/28042024-story-title", "2024-04-28"),
    ("https://news.example/world.php?yyyy=2022&mm=10&dd=13&nav_id=1", "2022-10-13"),
    ("https://news.example/story/77311/", None), ("http://[::1", None), (None, None),
])
def test_dates_in_urls(url, day):
    assert date_from_url(url) == day


@pytest.mark.parametrize(("head", "day"), [
    ("24 Mar 2022 14:58\n\nKyrgyzstan keeps its distance\n", "2022-03-24"),
    ("Support us\nLeaders agree on a joint force\nMonday, 10 October 2022, 12:10\nText.", "2022-10-10"),
    ("14:23 / 24.07.2023\n1002\nAn embassy calls on citizens\n", "2023-07-24"),
    ("Materials 12 June 2024 17:11 (UTC +04:00)\nA story\n", "2024-06-12"),
    ("3:11:57 AM EDT, October 24, 2024\nA story\n", "2024-10-24"),
    ("24 марта 2022\nНовость\n", "2022-03-24"),
])
def test_datelines_and_bylines_in_the_first_lines(head, day):
    assert date_from_text(head) == day


def test_a_date_inside_a_sentence_is_no_dateline():
    text = "Russia invaded Ukraine on 24 February 2022 and the war goes on, the minister said in a long speech.\n"
    assert date_from_text(text) is None
    assert date_from_text("Title\n" * 9 + "24 Mar 2022 14:58\n") is None  # past the first lines


def test_order_and_provenance():
    found = publication_date(declared="9999-99-99", url="https://x.example/2022/02/26/a", text="24 Mar 2023 10:00")
    assert (found.value, found.raw, found.source) == ("2022-02-26", "9999-99-99", "url")
    assert publication_date(declared="24.03.2022", url="https://x.example/2021/01/01/a").source == "declared"


def _ingest_records(tmp_path, settings, records):
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    with Store(settings.db) as store:
        ingest([str(path)], store, settings)
        return {r["file_name"]: dict(r) for r in store.db.execute("SELECT * FROM articles")}


def test_bad_declared_dates_are_kept_apart_and_analysis_runs(tmp_path, settings):
    from allegiance.runner import analyze_store

    text = "Kazakhstan will not send troops to Ukraine, its president said. " * 3
    rows = _ingest_records(tmp_path, settings, [
        {"id": "a", "text": text + "a", "published": "9999-99-99"},
        {"id": "b", "text": text + "b", "published": "2023-02-30", "url": "https://x.example/2023/03/01/b"},
        {"id": "c", "text": text + "c", "published": "24 марта 2022"}])
    assert (rows["a"]["published"], rows["a"]["published_raw"], rows["a"]["date_source"]) == \
        (None, "9999-99-99", None)
    assert (rows["b"]["published"], rows["b"]["published_raw"], rows["b"]["date_source"]) == \
        ("2023-03-01", "2023-02-30", "url")
    assert (rows["c"]["published"], rows["c"]["date_source"]) == ("2022-03-24", "declared")
    with Store(settings.db) as store:
        assert analyze_store(store, settings=settings).failed == 0


def test_wrong_metadata_types_are_not_stringified(tmp_path, settings):
    text = "Belarus lends its territory to Russian troops, officials said. " * 3
    rows = _ingest_records(tmp_path, settings, [
        {"id": "t", "text": text, "title": 42, "source": ["Outlet A", "Outlet B"], "url": {"href": "x"},
         "author": ["Ann", "Ben"]}])
    row = rows["t"]
    assert row["url"] is None and row["title"] != "42" and "[" not in (row["title"] or "")
    assert (row["author"], row["published"]) == ("Ann, Ben", None)
    with Store(settings.db) as store:
        assert store.db.execute("SELECT name FROM sources").fetchone()[0] == "Outlet A"


def test_a_text_input_gets_the_default_source(tmp_path, settings):
    page = tmp_path / "p.txt"
    page.write_text("Armenia keeps its distance from the CSTO, the prime minister said.\n", encoding="utf-8")
    with Store(settings.db) as store:
        ingest([str(page)], store, settings.replace(default_source="Yerevan Daily"))
        assert store.db.execute("SELECT name FROM sources").fetchone()[0] == "Yerevan Daily"


def test_regression_a_pack_language_dateparser_does_not_know_leaves_dates_readable():
    from allegiance.ingest import dates

    dates._languages.cache_clear()
    assert "no" not in (dates._languages() or ())  # Norwegian is "nb" to dateparser
    assert parse_date("March 24, 2022") == "2022-03-24" and parse_date("24 марта 2022") == "2022-03-24"
