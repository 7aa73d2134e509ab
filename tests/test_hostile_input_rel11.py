"""Regression tests of the rel11 probe (bad input that loses text, crashes or hangs): each is named
after what broke. Every input here is generated in the test."""

from __future__ import annotations

import json
import time

import pytest

from allegiance.ingest.decode import decode_text
from allegiance.nlp.doc import MAX_SENTENCE_CHARS, Doc, split_sentences
from allegiance.nlp.pipeline import default_pipeline

BODY = ("Kazakhstan refused to send troops to Ukraine, officials in Astana said on Saturday. "
        "The government also said it would not recognise the separatist republics in the east. ")


@pytest.mark.parametrize("run", ["(", " ", "-", '"', "!", "\t"])
def test_regression_utf8_text_opening_with_a_run_of_one_ascii_character_is_not_read_as_utf16(run: str) -> None:
    data = (run * 3000 + " " + BODY).encode("utf-8")
    data += b" " * (len(data) % 2)  # an even length, as UTF-16 has
    decoded = decode_text(data)
    assert decoded.encoding == "utf-8"
    assert "Kazakhstan refused" in decoded.text


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", [BODY * 20, "Казахстан отказался отправить войска на Украину. " * 30,
                                  "((((((  " * 300 + BODY])
def test_utf16_without_a_bom_is_still_read_in_either_byte_order(encoding: str, text: str) -> None:
    decoded = decode_text(text.encode(encoding))
    assert decoded.encoding == "utf-16"
    assert decoded.text == text


def test_regression_a_page_that_is_one_long_sentence_is_analysed_within_the_time_limit() -> None:
    text = BODY.rstrip(". ") + "".join(", and Poland said that Hungary said that Russia" for _ in range(2000)) + "."
    sentences = split_sentences(text, "en")
    assert max(s.end - s.start for s in sentences) <= MAX_SENTENCE_CHARS
    covered = {i for s in sentences for i in range(s.start, s.end)}
    assert all(i in covered for i, c in enumerate(text) if not c.isspace())  # no text left out
    assert all(not text[s.start].isspace() and not text[s.end - 1].isspace() for s in sentences)
    pipeline = default_pipeline()
    started = time.perf_counter()
    doc = pipeline(Doc("long", text, "en", None))
    assert time.perf_counter() - started < 30  # it was quadratic: past 120 s at 190 000 characters
    assert any(m.entity_id for m in doc.mentions)


def test_a_long_run_with_no_space_is_cut_where_the_limit_falls() -> None:
    text = "x" * (MAX_SENTENCE_CHARS * 2 + 5) + " " + BODY
    sentences = split_sentences(text, "en")
    assert [s.end - s.start for s in sentences][:2] == [MAX_SENTENCE_CHARS, MAX_SENTENCE_CHARS]
    assert text[sentences[-1].start:sentences[-1].end].startswith("The government")


def test_sentences_under_the_limit_are_as_before() -> None:
    assert [(s.start, s.end) for s in split_sentences(BODY, "en")] == [(0, 83), (84, len(BODY) - 1)]


def _ingest_lines(tmp_path, *records: str):  # type: ignore[no-untyped-def]
    from allegiance import Store, ingest
    from allegiance.settings import Settings

    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(records) + "\n", encoding="utf-8")
    store = Store(tmp_path / "t.db")
    ingest([str(path)], store, Settings(db=str(tmp_path / "t.db")))
    texts = [r[0] for r in store.db.execute("SELECT text FROM articles")]
    return texts, {r["origin"].rsplit("#", 1)[1]: (r["code"], r["message"]) for r in store.rejections()}


def test_regression_a_json_lines_html_field_that_is_not_text_does_not_hide_the_text(tmp_path) -> None:  # type: ignore[no-untyped-def]
    texts, rejected = _ingest_lines(tmp_path, json.dumps({"html": ["<p>x</p>"], "text": BODY}),
                                    json.dumps({"html": 1, "text": BODY.replace("Saturday", "Sunday")}))
    assert len(texts) == 2 and not rejected


def test_regression_a_json_lines_text_of_the_wrong_type_says_so(tmp_path) -> None:  # type: ignore[no-untyped-def]
    _, rejected = _ingest_lines(tmp_path, json.dumps({"text": [BODY]}), json.dumps({"text": 7}),
                                json.dumps({"title": "t"}))
    assert rejected == {"L1": ("empty", "line 1 has no text: 'text' is a list"),
                        "L2": ("empty", "line 2 has no text: 'text' is a number"),
                        "L3": ("empty", "line 3 has no 'text' or 'html' (its keys: 'title')")}


def test_regression_a_json_lines_record_naming_its_text_twice_is_rejected_not_half_read(tmp_path) -> None:  # type: ignore[no-untyped-def]
    texts, rejected = _ingest_lines(tmp_path, '{"text": "' + BODY + '", "text": "Poland sent tanks."}',
                                    '{"text": "' + BODY + '", "meta": {"a": 1, "a": 2}}')
    assert rejected == {"L1": ("malformed", "line 1 names 'text' twice")}
    assert texts == [BODY.strip()]  # a key twice inside a nested object is no field of the article


def test_regression_dossier_json_writes_bidi_and_c1_controls_as_escapes(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    from allegiance.cli.main import safe_json

    value = {"span": "to Ukraine\u202e enibmob\u202c \x9b2J", "name": "Київ"}
    text = safe_json(value, indent=2)
    assert "\u202e" not in text and "\x9b" not in text and "Київ" in text
    assert json.loads(text) == value


@pytest.mark.parametrize(("name", "pack", "said"), [
    ("a.txt.bz2", lambda b: __import__("bz2").compress(b), "bz2-compressed"),
    ("a.txt.xz", lambda b: __import__("lzma").compress(b), "xz-compressed"),
    ("a.txt", lambda b: __import__("gzip").compress(b), "gzip-compressed"),
])
def test_regression_compressed_data_ingest_does_not_unpack_is_refused_by_what_it_is(tmp_path, name, pack, said) -> None:  # type: ignore[no-untyped-def]
    from allegiance import Store, ingest
    from allegiance.settings import Settings

    path = tmp_path / name
    path.write_bytes(pack(BODY.encode() * 3))
    store = Store(tmp_path / "t.db")
    ingest([str(path)], store, Settings(db=str(tmp_path / "t.db")))
    (rejection,) = store.rejections()
    assert rejection["code"] == "binary" and said in rejection["message"] and "unpack it" in rejection["message"]


def test_random_binary_data_is_still_binary() -> None:
    with pytest.raises(Exception) as caught:
        decode_text(bytes(range(256)) * 8)
    assert getattr(caught.value, "code", None) == "binary"


@pytest.mark.parametrize("command", [["report"], ["articles"], ["search", "Ukraine"], ["dossier", "KAZ"]])
def test_regression_a_store_whose_schema_text_is_damaged_is_a_store_error_not_a_traceback(tmp_path, command) -> None:  # type: ignore[no-untyped-def]
    from click.testing import CliRunner

    from allegiance.cli.main import cli

    path = tmp_path / "in.txt"
    path.write_text(BODY, encoding="utf-8")
    db = tmp_path / "t.db"
    assert CliRunner().invoke(cli, ["ingest", str(path), "--db", str(db)]).exit_code == 0
    data = bytearray(db.read_bytes())
    at = data.index(b"CREATE TABLE") + len(b"CREATE TABLE ")
    data[at] = 0xFF  # no UTF-8 text holds this byte
    db.write_bytes(bytes(data))
    result = CliRunner().invoke(cli, [*command, "--db", str(db)])
    assert result.exit_code == 1 and not isinstance(result.exception, UnicodeDecodeError)
    assert "[store_error]" in result.output and "damaged" in result.output


def test_regression_a_url_list_with_a_line_of_another_scheme_is_still_a_url_list(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from allegiance import Store, ingest
    from allegiance.settings import Settings

    path = tmp_path / "links.txt"  # 127.0.0.1 is refused as a private address: nothing is fetched
    path.write_text("http://127.0.0.1/a\nfile:///etc/passwd\njavascript:alert(1)\n", encoding="utf-8")
    store = Store(tmp_path / "t.db")
    ingest([str(path)], store, Settings(db=str(tmp_path / "t.db")))
    rejected = {r["origin"]: r["code"] for r in store.rejections()}
    assert store.db.execute("SELECT count(*) FROM articles").fetchone()[0] == 0  # not stored as an article
    assert rejected["file:///etc/passwd"] == rejected["javascript:alert(1)"] == "unsupported"
    assert "http://127.0.0.1/a" in rejected


def test_a_text_with_a_colon_in_a_line_is_not_a_url_list() -> None:
    from allegiance.ingest.sources import sniff_kind

    assert sniff_kind(b"Note: Kazakhstan refused.\nhttps://example.org/a\n") == "text"
    assert sniff_kind(b"mailto:x@example.org\nNote:none\n") == "text"  # no http(s) line


def test_regression_a_json_lines_record_nested_too_deeply_is_its_own_rejection(tmp_path) -> None:  # type: ignore[no-untyped-def]
    deep = '{"text": "' + BODY + '", "x": ' + "[" * 100_000 + "]" * 100_000 + "}"
    texts, rejected = _ingest_lines(tmp_path, deep, json.dumps({"text": BODY.replace("Saturday", "Sunday")}))
    assert rejected == {"L1": ("malformed", "line 1 nests its JSON too deeply to be read")}
    assert len(texts) == 1  # the record after it is read (the whole file was an internal_error)


@pytest.mark.parametrize("case", ["empty", "not_parquet", "wrong_columns"])
def test_regression_load_parquet_of_a_folder_that_is_no_run_is_one_line_not_a_traceback(tmp_path, case) -> None:  # type: ignore[no-untyped-def]
    from click.testing import CliRunner

    from allegiance.cli.main import cli

    folder = tmp_path / "run"
    (folder / "articles").mkdir(parents=True)
    if case == "not_parquet":
        (folder / "articles" / "part-00000.parquet").write_text("not parquet", encoding="utf-8")
    elif case == "wrong_columns":
        pa = pytest.importorskip("pyarrow")
        import pyarrow.parquet as pq

        pq.write_table(pa.table({"foo": [1, 2]}), folder / "articles" / "part-00000.parquet")
    result = CliRunner().invoke(cli, ["load-parquet", str(folder), "--db", str(tmp_path / "t.db")])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.output
    assert "[bad_parquet]" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("args", [["timeline", "--offset", "99999999999999999999"],
                                  ["timeline", "--limit", "99999999999999999999"],
                                  ["search", "Ukraine", "--offset", "99999999999999999999"],
                                  ["timeline", "--offset", "-5"]])
def test_regression_a_paging_number_past_sqlite_integers_is_a_usage_error(tmp_path, args) -> None:  # type: ignore[no-untyped-def]
    from click.testing import CliRunner

    from allegiance.cli.main import cli

    path = tmp_path / "in.txt"
    path.write_text(BODY, encoding="utf-8")
    db = tmp_path / "t.db"
    assert CliRunner().invoke(cli, ["ingest", str(path), "--db", str(db)]).exit_code == 0
    result = CliRunner().invoke(cli, [*args, "--db", str(db)])
    assert result.exit_code == 2 and not isinstance(result.exception, OverflowError), result.output
    assert "is not in the range" in result.output


def test_regression_the_api_answers_a_huge_offset_with_400_not_500(tmp_path) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from allegiance import Settings, Store
    from allegiance.web import create_app

    db = tmp_path / "t.db"
    Store(db).close()
    client = TestClient(create_app(db, Settings(db=str(db))), raise_server_exceptions=False)
    for url in ("/api/timeline?offset=99999999999999999999", "/timeline?offset=99999999999999999999",
                "/api/articles?offset=99999999999999999999"):
        assert client.get(url).status_code == 400, url


def test_regression_a_page_nested_past_the_parser_depth_says_so() -> None:
    from allegiance.errors import ExtractionError
    from allegiance.ingest.html import extract_page

    deep = "<div>" * 3000 + "<p>" + BODY * 3 + "</p>" + "</div>" * 3000
    with pytest.raises(ExtractionError, match="nests its elements deeper"):
        extract_page(f"<html><body>{deep}</body></html>")
    before = "<p>" + BODY.replace("Saturday", "Sunday") * 3 + "</p>"
    assert "Sunday" in extract_page(f"<html><body>{before}{deep}</body></html>").text  # what it can read, kept
