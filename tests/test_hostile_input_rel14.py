"""Regression tests of the rel14 probe (input that lost users' text or metadata silently): each
is named after what broke. Every text here is team-written or generated in the test."""

from __future__ import annotations

import io
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
    tmp_path.mkdir(parents=True, exist_ok=True)
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
    rows, _ = _rows(tmp_path / "again", {"id": "x", "text": BODY + "one"}, {"id": "x@2", "text": BODY + "two"},
                    {"id": "x", "text": BODY + "three"}, {"id": "x@3", "text": BODY + "four"},
                    {"id": "x", "text": BODY + "five"})
    assert [rows[f"L{n}"]["file_name"] for n in range(1, 6)] == ["x", "x@2", "x@3", "x@3@2", "x@4"]


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


# --- 3. the hunt: other routes that lost text ----------------------------------------------------

def _ingest_folder(tmp_path: Path, files: dict[str, bytes], **overrides: Any) -> tuple[dict[str, dict[str, Any]],
                                                                                       dict[str, tuple[str, str]]]:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, data in files.items():
        (folder / name).write_bytes(data)
    settings = Settings(db=str(tmp_path / "t.db"), progress=False, **overrides)
    with Store(settings.db) as store:
        ingest([str(folder)], store, settings)
        rows = {r["origin"].removeprefix(str(folder.resolve()) + "/"): dict(r) for r in store.db.execute(
            "SELECT i.origin, a.* FROM article_inputs i JOIN articles a ON a.id = i.article_id")}
        rejected = {r["origin"].removeprefix(str(folder.resolve()) + "/"): (r["code"], r["message"])
                    for r in store.rejections()}
    return rows, rejected


def _record(n: int) -> dict[str, Any]:
    return {"id": f"r{n}", "text": f"Record {n}. " + BODY, "published": "2023-04-15"}


def test_regression_a_json_document_was_stored_as_one_text_or_rejected_line_by_line(tmp_path: Path) -> None:
    pretty = b"\n".join(json.dumps(_record(n), indent=2).encode() for n in (4, 5))  # pretty-printed, one after another
    rows, rejected = _ingest_folder(tmp_path, {
        "list.json": json.dumps([_record(1), _record(2)]).encode(),  # one line: a list of objects
        "object.json": json.dumps(_record(3), indent=2).encode(),
        "pretty.jsonl": pretty,
        "list-pretty.json": b"\xef\xbb\xbf" + json.dumps([_record(6), _record(7)], indent=1).encode(),
        "dump": json.dumps([_record(8)]).encode()})  # no extension: sniffed
    assert not rejected
    got = {origin: row["file_name"] for origin, row in rows.items()}
    assert got == {"list.json#L1.1": "r1", "list.json#L1.2": "r2", "object.json#L1": "r3", "pretty.jsonl#L1": "r4",
                   "pretty.jsonl#L6": "r5", "list-pretty.json#L1.1": "r6", "list-pretty.json#L1.2": "r7",
                   "dump#L1.1": "r8"}
    assert all(row["published"] == "2023-04-15" and row["text"].startswith("Record ") for row in rows.values())


def test_a_json_document_broken_midway_keeps_the_records_before_and_says_where(tmp_path: Path) -> None:
    good = json.dumps(_record(1), indent=2)
    rows, rejected = _ingest_folder(tmp_path, {"cut.json": (good + "\n{\n  \"text\": \"unfinished").encode()})
    assert [row["file_name"] for row in rows.values()] == ["r1"]
    assert list(rejected) == ["cut.json#L6"] and rejected["cut.json#L6"][0] == "malformed"


def test_json_lines_whose_first_line_is_broken_are_still_read_line_by_line(tmp_path: Path) -> None:
    lines = ['{"text": "cut off', json.dumps(_record(2)), "[1, 2]", json.dumps([_record(3), "x"])]
    rows, rejected = _ingest_folder(tmp_path, {"dump.jsonl": "\n".join(lines).encode()})
    assert sorted(rows) == ["dump.jsonl#L2", "dump.jsonl#L4.1"]
    assert {k: v[0] for k, v in rejected.items()} == {"dump.jsonl#L1": "malformed", "dump.jsonl#L3": "malformed",
                                                      "dump.jsonl#L4.2": "malformed"}
    assert rejected["dump.jsonl#L4.2"][1] == "line 4 item 2 is not a JSON object"


def test_a_json_document_over_the_size_limit_is_read_as_json_lines(tmp_path: Path) -> None:
    pretty = json.dumps(_record(1), indent=2).encode()
    rows, rejected = _ingest_folder(tmp_path, {"big.json": pretty + b"\n" + b" " * 2000}, max_bytes=1000)
    assert not rows and set(rejected) == {"big.json#L1", "big.json#L2", "big.json#L3", "big.json#L4", "big.json#L5"}


def test_regression_a_feed_entry_whose_page_cannot_be_fetched_lost_its_summary(tmp_path: Path) -> None:
    feed = ('<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
            '<item><title>Armenia freezes CSTO role</title><link>http://127.0.0.1:9/story</link>'
            '<guid>g1</guid><description>Armenia froze its part in the CSTO, the prime minister said on Friday.'
            '</description></item></channel></rss>')
    rows, rejected = _ingest_folder(tmp_path, {"wire.rss": feed.encode()})
    assert rejected["http://127.0.0.1:9/story"][0] == "forbidden_address"  # the page: never fetched here
    row = rows["wire.rss#g1"]
    assert row["text"] == "Armenia froze its part in the CSTO, the prime minister said on Friday."
    assert (row["title"], row["url"]) == ("Armenia freezes CSTO role", "http://127.0.0.1:9/story")
    assert row["ingest_note"] == ("feed_summary_only: the page could not be fetched (forbidden_address); "
                                  "the feed entry's text is stored")


def _warc(path: Path, records: list[tuple[str, str, list[tuple[str, str]], bytes]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=False)
        for uri, status, headers, body in records:
            http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=http))


def test_regression_warc_responses_other_than_200_were_dropped_silently(tmp_path: Path) -> None:
    page = f"<html><body><article><p>{BODY}</p></article></body></html>".encode()
    _warc(tmp_path / "crawl.warc", [
        ("https://example.org/moved", "301 Moved Permanently", [("Location", "https://example.org/new")], b""),
        ("https://example.org/gone", "404 Not Found", [("Content-Type", "text/html")], b"<html>Not found</html>"),
        ("https://example.org/new", "203 Non-Authoritative Information", [("Content-Type", "text/html")], page)])
    with Store(tmp_path / "t.db") as store:
        ingest([str(tmp_path / "crawl.warc")], store, Settings(db=str(tmp_path / "t.db"), progress=False))
        assert [r[0] for r in store.db.execute("SELECT url FROM articles")] == ["https://example.org/new"]
        messages = sorted((r["code"], r["message"]) for r in store.rejections())
    # an error page is a rejection; a redirect holds no page (a crawl stores the target as a record of its
    # own), so it is logged, not counted against the input (a crawl full of redirects is no failed ingest)
    assert messages == [("http_status", "the WARC record for https://example.org/gone is an HTTP 404 response, "
                                        "not a page")]


def test_regression_a_warc_records_http_charset_was_not_passed_to_the_decoder(tmp_path: Path) -> None:
    text = "Казахстан не признает так называемые республики, заявили в Астане. " * 2  # short: a guess could miss
    page = f"<html><body><article><p>{text}</p></article></body></html>".encode("koi8-r")
    _warc(tmp_path / "koi.warc", [("https://example.org/ru", "200 OK", [("Content-Type", "text/html; charset=KOI8-R")],
                                   page)])
    with Store(tmp_path / "t.db") as store:
        ingest([str(tmp_path / "koi.warc")], store, Settings(db=str(tmp_path / "t.db"), progress=False))
        row = store.db.execute("SELECT text, encoding FROM articles").fetchone()
    assert row[0].startswith("Казахстан не признает") and row[1] == "koi8-r"


def test_regression_a_plain_text_feed_entry_lost_what_followed_a_less_than_sign(tmp_path: Path) -> None:
    feed = ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>'
            '<entry><title>Losses</title><id>a1</id><updated>2023-04-15T00:00:00Z</updated><content type="text">'
            'Losses were &lt;100 men, the &lt;b&gt; tag stays text, and Kazakhstan sent no troops.</content></entry>'
            '</feed>')
    rows, rejected = _ingest_folder(tmp_path, {"wire.atom": feed.encode()})
    assert not rejected
    text = rows["wire.atom#a1"]["text"]
    assert text == "Losses were <100 men, the <b> tag stays text, and Kazakhstan sent no troops."


def test_a_json_lines_record_with_a_blank_text_says_so(tmp_path: Path) -> None:
    _, rejected = _rows(tmp_path, {"title": "Only a headline", "text": "  "})
    assert rejected == {"L1": ("empty", "line 1 has no text: 'text' is blank")}


def test_regression_a_wet_file_of_conversion_records_gave_nothing_and_said_nothing(tmp_path: Path) -> None:
    import gzip

    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    for i in range(2):
        writer.write_record(writer.create_warc_record(
            f"https://example.org/{i}", "conversion", payload=io.BytesIO(f"Page {i}. {BODY}".encode()),
            warc_headers_dict={"Content-Type": "text/plain"}))
    only_info = io.BytesIO()
    WARCWriter(only_info, gzip=False).write_record(WARCWriter(only_info).create_warcinfo_record("x.warc", {"a": "b"}))
    rows, rejected = _ingest_folder(tmp_path, {"crawl.warc.wet": buffer.getvalue(),
                                               "crawl2.warc.wet.gz": gzip.compress(buffer.getvalue().replace(
                                                   b"Page ", b"Text ")),
                                               "info.warc": only_info.getvalue()})
    assert sorted(row["text"][:6] for row in rows.values()) == ["Page 0", "Page 1", "Text 0", "Text 1"]
    assert rejected == {"info.warc": ("empty", "the WARC file holds no response, resource or conversion record")}


def test_regression_a_feed_cut_off_midway_said_only_that_its_last_entry_was_empty(tmp_path: Path) -> None:
    items = "".join(f"<item><title>T{i}</title><guid>g{i}</guid><description>Item {i}. {BODY}</description></item>"
                    for i in range(2))
    feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>W</title>{items}<item><title>Late</title>'
    rows, rejected = _ingest_folder(tmp_path, {"cut.rss": feed.encode(), "titles.rss": (
        '<rss version="2.0"><channel><title>W</title><item><title>Kyrgyzstan shuts a border post</title></item>'
        f'<item><title>Full</title><description>{BODY}</description></item></channel></rss>').encode()})
    assert sorted(rows) == ["cut.rss#g0", "cut.rss#g1", "titles.rss#1"]
    assert rejected["cut.rss"][0] == "truncated" and "entries after the cut are missing" in rejected["cut.rss"][1]
    assert rejected["titles.rss#0"] == ("empty", "the feed entry has neither content nor a link "
                                                 "(only its title: 'Kyrgyzstan shuts a border post')")


def test_regression_a_later_copys_date_and_url_were_lost(tmp_path: Path) -> None:
    from allegiance.runner import analyze_store

    text = "Kazakhstan will not send troops to Ukraine, its president said yesterday in Astana. " * 2
    settings = Settings(db=str(tmp_path / "t.db"), progress=False)
    (tmp_path / "plain.txt").write_text(text, encoding="utf-8")
    (tmp_path / "dated.jsonl").write_text(json.dumps({"id": "d", "text": text, "published": "2023-04-15",
                                                      "url": "https://news.example/kz", "source": "Wire"}) + "\n",
                                          encoding="utf-8")
    with Store(settings.db) as store:
        ingest([str(tmp_path / "plain.txt")], store, settings)
        analyze_store(store, settings=settings)
        summary = ingest([str(tmp_path / "dated.jsonl")], store, settings)
        assert summary.duplicates == 1
        row = store.db.execute("SELECT a.published, a.date_source, a.url, s.name FROM articles a "
                               "LEFT JOIN sources s ON s.id = a.source_id").fetchone()
        assert tuple(row) == ("2023-04-15", "declared", "https://news.example/kz", "Wire")
        version = store.db.execute("SELECT pack_version FROM analyses").fetchone()[0]
        assert version == ""  # analysed again: its time expressions resolve against the date now known
        analyze_store(store, settings=settings)
        assert store.db.execute("SELECT pack_version FROM analyses").fetchone()[0] != ""
        again = ingest([str(tmp_path / "dated.jsonl")], store, settings)  # the same origin: a no-op
        assert again.unchanged == 1


def test_regression_two_files_of_one_name_in_a_folder_shared_one_export_id(tmp_path: Path) -> None:
    files = {"ru/001.txt": "Россия. ", "uk/001.txt": "Україна. ", "x.html": "<p>Page. ", "x.txt": "Text. ",
             "y.txt": "Why. "}
    folder = tmp_path / "in"
    for name, lead in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        body = lead + BODY
        (folder / name).write_text(f"<html><body>{body}</p></body></html>" if name.endswith(".html") else body,
                                   encoding="utf-8")
    (tmp_path / "y.txt").write_text("Another y. " + BODY, encoding="utf-8")
    settings = Settings(db=str(tmp_path / "t.db"), progress=False)
    with Store(settings.db) as store:
        ingest([str(folder), str(tmp_path / "y.txt")], store, settings)
        names = {r[0].removeprefix(str(tmp_path.resolve()) + "/"): (r[1], r[2]) for r in store.db.execute(
            "SELECT i.origin, a.file_name, a.ingest_note FROM article_inputs i JOIN articles a ON a.id = i.article_id")}
    assert {k: v[0] for k, v in names.items()} == {"in/ru/001.txt": "001", "in/uk/001.txt": "001@2", "in/x.html": "x",
                                                   "in/x.txt": "x@2", "in/y.txt": "y", "y.txt": "y@2"}
    assert names["y.txt"][1] == "file_name_taken: 'y' is another article's: stored as 'y@2'"


def test_regression_a_records_text_beside_a_teaser_html_was_never_read(tmp_path: Path) -> None:
    other = BODY.replace("Saturday", "Monday")
    full = f"<html><head><title>Astana says no</title></head><body><article><p>{other}</p></article></body></html>"
    rows, rejected = _rows(
        tmp_path, {"id": "nav", "html": "<html><body><nav>Home | News</nav><script>x=1</script></body></html>",
                   "text": BODY},
        {"id": "teaser", "html": "<html><head><title>Teaser page</title></head><body><p>Read more.</p></body></html>",
         "text": BODY.replace("Saturday", "Sunday") * 2},
        {"id": "page", "html": full, "text": "A short dek."})
    assert not rejected
    assert rows["L1"]["text"] == BODY.strip() and rows["L1"]["ingest_note"].startswith("json_text_used: ")
    assert rows["L2"]["text"].startswith(BODY.replace("Saturday", "Sunday")[:60])
    assert rows["L2"]["title"] == "Teaser page"  # the page's metadata stays
    page = rows["L3"]
    assert (page["text"], page["title"], page["ingest_note"]) == (other.strip(), "Astana says no", None)
