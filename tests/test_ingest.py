"""Ingest end to end: real files, a real database file, real HTML through trafilatura."""

from __future__ import annotations

import gzip
import io
import json
import sqlite3

import pytest
from tests.conftest import SAMPLES
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from allegiance import Store, ingest
from allegiance.query.export import export_articles

BODY = ("Kazakhstan refused to send troops to Ukraine, officials in Astana said on Saturday. "
        "The government also said it would not recognise the separatist republics in the east. ")


def _export(store: Store) -> list[dict]:
    out = io.StringIO()
    export_articles(store, out)
    return [json.loads(x) for x in out.getvalue().splitlines()]


def _codes(store: Store) -> dict[str, str]:
    return {r["origin"].rsplit("/", 1)[-1]: r["code"] for r in store.rejections()}


def test_samples_ingest_with_metadata_and_the_copy_pair_clustered(store, settings):
    summary = ingest([str(SAMPLES)], store, settings)
    assert summary.rejected == 0 and summary.stored == 17
    assert summary.near_duplicates >= 1
    records = {r["id"]: r for r in _export(store)}
    html = records["2022-03-unga-vote"]
    assert html["title"] == "General Assembly demands Russia withdraw from Ukraine"
    assert html["published"] == "2022-03-02" and html["language"] == "en"
    assert "window.tracker" not in html["text"] and "Privacy policy" not in html["text"]
    assert records["2022-10-ru-mobilisation"]["language"] == "ru"
    assert records["2024-uk-mobilisation"]["language"] == "uk"
    assert records["2022-02-kaz-troops"]["published"] == "2022-02-26"
    assert "Share on Facebook" not in records["2022-02-kaz-troops"]["text"]
    assert records["2022-02-kaz-troops"]["cluster"] == records["2022-02-kaz-troops-copy"]["cluster"]
    assert records["2022-09-blr-territory"]["cluster"] != records["2023-10-blr-support"]["cluster"]


def test_reingesting_changes_nothing(store, settings):
    ingest([str(SAMPLES)], store, settings)
    before = _export(store), store.count("article_inputs"), store.count("rejections")
    again = ingest([str(SAMPLES)], store, settings)
    assert again.stored == 0 and again.unchanged == 17
    assert (_export(store), store.count("article_inputs"), store.count("rejections")) == before


def test_exact_duplicate_under_another_name_is_stored_once(tmp_path, store, settings):
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "b.txt").write_text(BODY + "\n\nShare on Facebook\n", encoding="utf-8")
    summary = ingest([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")], store, settings)
    assert (summary.stored, summary.duplicates) == (1, 1)
    assert store.count("article_inputs") == 2


def test_bad_inputs_become_rejections_and_the_rest_is_stored(tmp_path, store, settings):
    (tmp_path / "good.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (tmp_path / "huge.txt").write_bytes(b"word " * 3000)
    (tmp_path / "chrome-only.txt").write_text("top of page\nComments\nbottom of page\n", encoding="utf-8")
    (tmp_path / "scripts.html").write_text("<html><body>" + "<script>alert(1)</script>" * 300 + "</body></html>")
    (tmp_path / "broken.jsonl").write_text('{"text": "' + BODY + '"}\nnot json\n[1, 2]\n{"title": "x"}\n')
    (tmp_path / "bad.rss").write_text("<rss><channel><item><title>unclosed", encoding="utf-8")
    (tmp_path / "cp1251.txt").write_bytes(("Казахстан отказался отправлять войска. " * 5).encode("cp1251"))
    summary = ingest([str(tmp_path), str(tmp_path / "missing.txt")], store, settings.replace(max_bytes=10_000))
    codes = _codes(store)
    assert codes["empty.txt"] == "empty"
    assert codes["binary.txt"] == "binary"
    assert codes["huge.txt"] == "too_large"
    assert codes["chrome-only.txt"] == "empty"
    assert codes["scripts.html"] == "no_main_text"
    assert codes["broken.jsonl#L2"] == codes["broken.jsonl#L3"] == "malformed"
    assert codes["broken.jsonl#L4"] == "empty"
    assert codes["bad.rss"] == "malformed"
    assert codes["missing.txt"] == "not_found"
    assert (summary.stored, summary.duplicates) == (2, 1)  # good.txt, cp1251.txt; the JSONL record repeats good.txt
    texts = [r["text"] for r in _export(store)]
    assert any(t.startswith("Казахстан отказался") for t in texts)


def test_jsonl_records_keep_their_metadata_and_ids(tmp_path, store, settings):
    path = tmp_path / "batch.jsonl"
    rows = [{"id": "k1", "text": BODY, "url": "https://news.example/a", "title": "T", "published": "2022-02-26",
             "source": "Example News"},
            {"html": f"<html><body><article><p>{BODY * 3}</p></article></body></html>"}]
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    ingest([str(path)], store, settings)
    records = _export(store)
    assert records[0]["id"] == "k1" and records[0]["source"] == "Example News"
    assert records[0]["published"] == "2022-02-26" and records[0]["site"] == "news.example"
    assert records[1]["id"] == records[1]["article_id"]  # no file name: the content hash is the id


def _warc(records: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for uri, payload in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(payload),
                                                      http_headers=headers))
    return buffer.getvalue()


def test_warc_records_are_read(tmp_path, store, settings):
    page = f"<html><head><title>W</title></head><body><article><p>{BODY * 3}</p></article></body></html>"
    (tmp_path / "crawl.warc.gz").write_bytes(_warc([("https://a.example/1", page.encode()),
                                                    ("https://a.example/2", page.replace("W", "V").encode())]))
    summary = ingest([str(tmp_path / "crawl.warc.gz")], store, settings)
    assert summary.read == 2 and summary.stored == 1 and summary.duplicates == 1
    assert _export(store)[0]["url"] == "https://a.example/1"


def test_gzip_bomb_inside_a_warc_is_refused_quickly(tmp_path, store, settings):
    page = f"<html><body><article><p>{BODY * 3}</p></article></body></html>".encode()
    bomb_payload = b"<html><body><p>" + b"A" * 30_000_000 + b"</p></body></html>"
    data = _warc([("https://a.example/ok", page), ("https://a.example/bomb", bomb_payload)])
    assert len(data) < 200_000
    (tmp_path / "bomb.warc.gz").write_bytes(data)
    summary = ingest([str(tmp_path / "bomb.warc.gz")], store,
                     settings.replace(max_bytes=1_000_000, max_archive_bytes=5_000_000))
    assert summary.stored == 1
    assert "too_large" in {r["code"] for r in store.rejections()}


def test_feed_entries_with_content_are_articles(tmp_path, store, settings):
    item = f"<item><title>Entry {{n}}</title><link>https://feed.example/{{n}}</link>" \
           f"<pubDate>Sat, 26 Feb 2022 10:00:00 GMT</pubDate><description><![CDATA[<p>{{n}} {BODY * 3}</p>]]>" \
           f"</description></item>"
    rss = "<?xml version='1.0'?><rss version='2.0'><channel><title>Demo feed</title>" + \
        "".join(item.format(n=n) for n in range(2)) + "</channel></rss>"
    (tmp_path / "feed.xml").write_text(rss, encoding="utf-8")
    summary = ingest([str(tmp_path / "feed.xml")], store, settings)
    assert summary.stored == 2
    record = _export(store)[0]
    assert record["title"] == "Entry 0" and record["published"] == "2022-02-26" and record["source"] == "Demo feed"


def test_stdin_is_read(store, settings):
    summary = ingest(["-"], store, settings, stdin=io.BytesIO(BODY.encode("utf-16")))
    assert summary.stored == 1 and _export(store)[0]["text"] == BODY.strip()


def test_killed_ingest_leaves_a_valid_database_that_a_rerun_completes(tmp_path, settings):
    import subprocess
    import sys
    import time

    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(300):
        (folder / f"a{i:03}.txt").write_text(f"Article {i}. " + BODY * (1 + i % 3) + f" Number {i} ends.")
    db = tmp_path / "killed.db"
    code = ("import sys; from allegiance import Store, Settings, ingest; "
            f"s = Settings(db={str(db)!r}, batch_size=10, progress=False); "
            f"ingest([{str(folder)!r}], Store(s.db), s)")
    proc = subprocess.Popen([sys.executable, "-c", code])
    deadline = time.time() + 60
    while time.time() < deadline and not db.exists():
        time.sleep(0.05)
    time.sleep(1.0)
    proc.kill()
    proc.wait()
    with sqlite3.connect(db) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    with Store(db) as store:
        ingest([str(folder)], store, settings.replace(db=str(db)))
        assert store.count("articles") == 300 and store.count("article_inputs") == 300


def test_html_with_hostile_markup_is_escaped_out(tmp_path, store, settings):
    hostile = ("<html><body><article><p>" + BODY + "</p><p onclick=alert(1)>" + BODY +
               "<img src=x onerror=alert(2)><iframe src=javascript:alert(3)></iframe></p>" +
               "<div>" * 3000 + "deep" + "</div>" * 3000 + "</article></body></html>")
    (tmp_path / "hostile.html").write_text(hostile, encoding="utf-8")
    ingest([str(tmp_path / "hostile.html")], store, settings)
    text = " ".join(r["text"] for r in _export(store))
    assert "alert" not in text and "<" not in text


@pytest.mark.parametrize("gz", [True, False])
def test_truncated_warc_is_a_rejection(tmp_path, store, settings, gz):
    page = f"<html><body><article><p>{BODY * 3}</p></article></body></html>".encode()
    data = _warc([("https://a.example/1", page)] * 2)
    if not gz:
        data = gzip.decompress(data)
    (tmp_path / "cut.warc.gz" if gz else tmp_path / "cut.warc").write_bytes(data[: len(data) - 40])
    ingest([str(tmp_path)], store, settings)
    assert store.count("rejections") + store.count("articles") >= 1


def test_latin1_french_file_is_stored_with_its_accents(tmp_path, store, settings):
    text = ("La France et la Belgique ont déclaré mardi qu'elles soutiendraient l'Ukraine. "
            "Le ministère des Affaires étrangères a précisé que l'aide arrivera en février.")
    path = tmp_path / "latin1.txt"
    path.write_bytes(text.encode("latin-1"))
    ingest([str(path)], store, settings)
    [article] = _export(store)
    assert "ministère" in article["text"] and "février" in article["text"]


def test_preparing_an_input_raises_the_collectors_young_threshold_and_puts_it_back(monkeypatch):
    """``prepare`` runs with the youngest generation at ``GC_YOUNG`` and leaves the thresholds as
    they were, after an article, a rejection and an unexpected error alike."""
    import gc

    from allegiance import Settings
    from allegiance.ingest import pipeline, reader
    from allegiance.records import RawInput

    seen = []
    real = reader.read_article

    def spy(raw, settings):
        seen.append(gc.get_threshold()[0])
        if raw.origin == "boom":
            raise RuntimeError("a library bug")
        return real(raw, settings)

    monkeypatch.setattr(reader, "read_article", spy)
    before = gc.get_threshold()
    settings = Settings()
    body = b"Kyiv, 3 May. " + b"The ministry said the talks would go on next week. " * 8
    assert isinstance(pipeline.prepare(RawInput("a", "text", body), settings), pipeline.Prepared)
    assert pipeline.prepare(RawInput("b", "text", b"  "), settings).code == "empty"
    assert pipeline.prepare(RawInput("boom", "text", body), settings).code == "internal_error"
    assert seen == [pipeline.GC_YOUNG] * 3
    assert gc.get_threshold() == before
