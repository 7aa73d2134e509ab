"""Regression tests for issue 9 (hostile and unlucky input): each is named after what broke.
Every page, article and archive here is team-written or generated in the test."""

from __future__ import annotations

import gzip
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from allegiance import Store, ingest
from allegiance.cli.main import cli, main
from allegiance.ingest.chrome import remove_chrome
from allegiance.ingest.decode import decode_text
from allegiance.nlp import Doc
from allegiance.nlp.pipeline import default_pipeline
from allegiance.nlp.tokens import morph_parse, word_key
from allegiance.sanitize import clean_field, terminal_safe

BODY = ("Kazakhstan refused to send troops to Ukraine, officials in Astana said on Saturday. "
        "The government also said it would not recognise the separatist republics in the east. ")
RUSSIAN = ("Казахстан отказался отправлять свои войска на Украину, сообщили в Астане. "
           "Правительство также заявило, что не признает самопровозглашенные республики. ")
BAD_URLS = ["http://[::1", "http://127.0.0.1:99999/", "http://127.0.0.1:abc/", "http://[::1]:18081:80/",
            "http://example.org\uff0fpath/"]


def _codes(store: Store) -> dict[str, str]:
    return {r["origin"]: r["code"] for r in store.rejections()}


# --- 1. one bad value aborts the whole ingest ------------------------------------------------

def test_regression_bad_port_in_url_list_is_one_rejection(tmp_path, store, settings):
    listing = tmp_path / "list.urls"
    listing.write_text("\n".join(BAD_URLS) + "\n", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text(BODY, encoding="utf-8")
    summary = ingest([str(listing), str(good)], store, settings.replace(allow_private_addresses=True))
    assert summary.rejected == len(BAD_URLS) and summary.stored == 1
    assert set(_codes(store)) == set(BAD_URLS)
    assert set(_codes(store).values()) == {"bad_url"}
    run = store.db.execute("SELECT finished FROM runs ORDER BY id DESC LIMIT 1").fetchone()
    assert run[0] is not None  # the run finished


def test_regression_malformed_feed_links_are_rejections_not_a_crash(tmp_path, store, settings):
    items = "".join(f"<item><title>Entry {i}</title><link>{url.replace('&', '&amp;')}</link></item>"
                    for i, url in enumerate(BAD_URLS))
    feed = tmp_path / "feed.rss"
    feed.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>Team feed</title>{items}'
                    "</channel></rss>", encoding="utf-8")
    summary = ingest([str(feed)], store, settings)
    assert summary.rejected == len(BAD_URLS)
    assert set(_codes(store).values()) == {"bad_url"}


def test_regression_octal_loopback_with_private_allowed_is_a_rejection(store, settings):
    summary = ingest(["http://0177.0.0.1/"], store, settings.replace(allow_private_addresses=True))
    assert summary.rejected == 1 and _codes(store) == {"http://0177.0.0.1/": "bad_url"}


def test_regression_lone_surrogate_in_json_lines_is_stored_replaced(tmp_path, store, settings):
    path = tmp_path / "a.jsonl"
    lines = [json.dumps({"id": "sur\ud800", "text": BODY + "\ud800 end.", "title": "T\udfff"}),
             json.dumps({"id": "next", "text": "A second article about Armenia and the CSTO summit."})]
    path.write_text("\n".join(lines), encoding="ascii")  # json.dumps escapes the surrogates: valid JSON
    summary = ingest([str(path)], store, settings)
    assert summary.stored == 2 and summary.rejected == 0
    rows = {r["export_id"]: r for r in store.articles()}
    assert "\ufffd end." in rows["sur"]["text"] and rows["sur"]["title"] == "T"


# --- 5. hostile metadata ---------------------------------------------------------------------

HOSTILE = {"id": "hostile", "text": BODY, "title": "\x1b[2J\x1b]0;owned\x07Troops\nstay home\u202e",
           "source": "\u202emoc.sretuer\u202c", "author": "A.\u2066 N.\u2069 Other\r\n\x9b31m",
           "url": "https://example.org/a\x1b[0m"}


def test_regression_escape_sequences_and_bidi_overrides_in_metadata_are_cleaned_at_ingest(tmp_path, store, settings):
    path = tmp_path / "h.jsonl"
    path.write_text(json.dumps(HOSTILE), encoding="utf-8")
    ingest([str(path)], store, settings)
    row = next(store.articles())
    assert row["title"] == "Troops stay home"
    assert row["source"] == "moc.sretuer"  # stored as written, and now it renders as written
    assert row["author"] == "A. N. Other"
    assert row["url"] == "https://example.org/a"


def test_regression_stored_escape_sequences_never_reach_the_terminal(tmp_path, settings):
    db = tmp_path / "t.db"
    with Store(str(db)) as store:
        (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
        ingest([str(tmp_path / "a.txt")], store, settings.replace(db=str(db)))
    raw = sqlite3.connect(db)  # an older store, written before metadata was cleaned
    raw.execute("UPDATE articles SET title = ?", (HOSTILE["title"],))
    raw.execute("UPDATE sources SET name = ?", (HOSTILE["source"],))
    raw.execute("UPDATE articles SET source_id = (SELECT id FROM sources LIMIT 1)")
    raw.commit()
    raw.close()
    runner = CliRunner()
    for args in (["articles"], ["articles", "--format", "jsonl"], ["articles", "--format", "csv"], ["sources"],
                 ["show", "a"]):
        out = runner.invoke(cli, [*args, "--db", str(db)])
        assert out.exit_code == 0, out.output
        assert "\x1b]" not in out.output and "\x1b[2J" not in out.output and "\u202e" not in out.output, args
        assert "\x9b" not in out.output


def test_clean_field_and_terminal_safe():
    assert clean_field("  a\n\tb  ") == "a b"
    assert clean_field("\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\") == "link"
    assert clean_field("x" * 600, 500) == "x" * 499 + "…"
    assert clean_field("\u202a\u202b") is None
    assert terminal_safe("line one\nline two\x07") == "line one\nline two"


# --- 6. decoding -----------------------------------------------------------------------------

def test_regression_one_stray_byte_in_english_utf8_is_not_mac_iceland():
    text = "“Installed” in Kyiv — the new system works, officials said. " * 30
    decoded = decode_text(text.encode() + b"\xff" + text.encode())
    assert decoded.encoding == "utf-8" and decoded.replaced == 1
    assert decoded.text == text + "\ufffd" + text


def test_regression_ascii_file_is_not_cp1258():
    decoded = decode_text(BODY.encode("ascii") * 5)
    assert decoded.encoding == "utf-8" and decoded.replaced == 0
    stray = decode_text(BODY.encode("ascii") * 5 + b"\x85")
    assert stray.encoding in ("utf-8", "cp1252") and stray.text.startswith(BODY * 5)


def test_regression_one_stray_byte_in_russian_utf8_keeps_the_article(tmp_path, store, settings):
    path = tmp_path / "ru.txt"
    path.write_bytes(RUSSIAN.encode() * 3 + b"\xfe" + RUSSIAN.encode())
    summary = ingest([str(path)], store, settings)
    assert summary.stored == 1
    row = next(store.articles())
    assert row["encoding"] == "utf-8" and row["decode_replacements"] == 1 and RUSSIAN.strip() in row["text"]


def test_regression_nul_bytes_follow_one_rule_wherever_they_stand():
    page = (BODY * 200).encode()
    early = decode_text(page[:100] + b"\x00" + page[100:])
    late = decode_text(page[:-100] + b"\x00" + page[-100:])
    assert early.text == late.text == BODY * 200 and early.replaced == late.replaced == 1
    for at in (50, len(page) - 500):  # many NULs: binary, at the start or past the first 8 KB
        with pytest.raises(Exception) as err:
            decode_text(page[:at] + b"\x00" * 200 + page[at:])
        assert getattr(err.value, "code", None) == "binary"


def test_legacy_cyrillic_is_still_read_as_such():
    assert decode_text(RUSSIAN.encode("cp1251")).encoding == "cp1251"
    assert decode_text(RUSSIAN.encode("koi8-r")).encoding == "koi8-r"


# --- 8. body text lost as chrome -------------------------------------------------------------

UKRAINIAN_BRIEFLY = [
    "Уряд Казахстану вирішив не надсилати війська до Росії.",
    "Про це повідомили у столиці країни в суботу.",
    "Коротко:",
    "  • Казахстан не визнає так звані республіки на сході України.",
    "  • Астана продовжує торгувати з обома країнами.",
    "  • Президент закликав до мирних переговорів.",
    "  • Міністр закордонних справ відвідав Брюссель.",
    "  • Уряд пообіцяв гуманітарну допомогу.",
    "  • Експерти чекають нових санкцій.",
    "Аналітики вважають, що це рішення не змінить відносин із Москвою.",
    "Водночас Астана уважно стежить за реакцією західних партнерів.",
]


def test_regression_indented_bullet_block_is_not_taken_for_a_comment_thread():
    clean = remove_chrome("\n".join(UKRAINIAN_BRIEFLY))
    assert clean.text.split("\n") == UKRAINIAN_BRIEFLY
    assert clean.dropped_share == 0.0 and not clean.flagged


def test_regression_indented_numbered_line_in_a_long_text_does_not_cut_its_second_half():
    lines = [f"Paragraph {i}: the delegation of Armenia met officials in Yerevan again." for i in range(400)]
    lines[260] = "   1. The first point of the agreement concerns the border."
    clean = remove_chrome("\n".join(lines))
    assert clean.text.count("\n") == 399 and clean.dropped_share == 0.0


def test_regression_heavy_chrome_removal_is_recorded_not_silent(tmp_path, store, settings):
    body = [f"Paragraph {i} of the story, about the decision taken in Astana on Saturday." for i in range(6)]
    page = "\n".join([*body, "Comments"] + [f"Reader {i} wrote a comment that disagrees." for i in range(5)])
    (tmp_path / "c.txt").write_text(page, encoding="utf-8")
    ingest([str(tmp_path / "c.txt")], store, settings)
    row = next(store.articles())
    assert row["text"] == "\n".join(body)
    assert row["ingest_note"] == "chrome_over_limit" and row["chrome_dropped_share"] == 0.5
    (tmp_path / "d.txt").write_text(BODY + "\nShare on Facebook\n", encoding="utf-8")
    ingest([str(tmp_path / "d.txt")], store, settings)
    kept = {r["export_id"]: r for r in store.articles()}["d"]
    assert kept["ingest_note"] is None and kept["chrome_dropped_share"] == 0.5


# --- 9. decompression bombs ------------------------------------------------------------------

def _gzip_of_zeros(path: Path, megabytes: int, prefix: bytes = b"") -> None:
    """A gzip file of ``megabytes`` MB of zero bytes, written in a stream (small on disk)."""
    squeeze = zlib.compressobj(1, zlib.DEFLATED, 31)
    zeros = bytes(1 << 20)
    with path.open("wb") as out:
        out.write(squeeze.compress(prefix))
        for _ in range(megabytes):
            out.write(squeeze.compress(zeros))
        out.write(squeeze.flush())


def test_regression_headerless_warc_gz_bomb_is_rejected_without_reading_it_all(tmp_path, store, settings):
    bomb = tmp_path / "zeros.warc.gz"
    _gzip_of_zeros(bomb, 1024)  # 1 GB of zeros, about 1 MB on disk
    assert bomb.stat().st_size < 8 << 20
    good = tmp_path / "good.txt"
    good.write_text(BODY, encoding="utf-8")
    summary = ingest([str(bomb), str(good)], store, settings.replace(max_archive_bytes=10**12))
    assert summary.stored == 1 and _codes(store)[str(bomb.resolve())] == "malformed"
    assert "max_line_bytes" in store.rejections()[0]["message"]


def test_regression_warc_bomb_after_a_good_record_keeps_the_record(tmp_path, store, settings):
    buffer = io.BytesIO()
    _warc_record(WARCWriter(buffer, gzip=False), "https://example.org/a", BODY.encode())
    bomb = tmp_path / "tail.warc.gz"
    _gzip_of_zeros(bomb, 64, prefix=buffer.getvalue())
    summary = ingest([str(bomb)], store, settings.replace(max_line_bytes=100_000))
    assert summary.stored == 1 and summary.rejected == 1


def test_regression_json_lines_line_bomb_is_read_bounded(tmp_path, store, settings):
    path = tmp_path / "long.jsonl"
    with path.open("wb") as out:
        out.write(b'{"text": "' + b"a" * 3_000_000 + b'"}\n')
        out.write(json.dumps({"id": "after", "text": BODY}).encode() + b"\n")
    summary = ingest([str(path)], store, settings.replace(max_bytes=1_000_000))
    assert summary.stored == 1 and list(_codes(store).values()) == ["too_large"]


# --- 10. truncated archives ------------------------------------------------------------------

def _warc_record(writer: WARCWriter, uri: str, body: bytes) -> None:
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/plain; charset=utf-8")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers))


@pytest.mark.parametrize("compressed", [True, False])
def test_regression_truncated_warc_last_record_is_rejected_not_stored_partial(tmp_path, store, settings, compressed):
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=compressed)
    _warc_record(writer, "https://example.org/first", BODY.encode())
    first_end = buffer.tell()
    words = " ".join(f"word{i * 7919 % 10007}" for i in range(6000)).encode()
    _warc_record(writer, "https://example.org/second", RUSSIAN.encode() + words)
    data = buffer.getvalue()
    path = tmp_path / ("cut.warc.gz" if compressed else "cut.warc")
    path.write_bytes(data[: first_end + (len(data) - first_end) // 2])
    summary = ingest([str(path)], store, settings)
    assert summary.stored == 1
    assert [r["code"] for r in store.rejections()] == ["truncated"]
    assert next(store.articles())["url"] == "https://example.org/first"


def test_whole_gzip_warc_is_still_read(tmp_path, store, settings):
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    _warc_record(writer, "https://example.org/one", BODY.encode())
    _warc_record(writer, "https://example.org/two", RUSSIAN.encode())
    (tmp_path / "ok.warc.gz").write_bytes(buffer.getvalue())
    assert ingest([str(tmp_path / "ok.warc.gz")], store, settings).stored == 2
    assert gzip.decompress(buffer.getvalue()).count(b"WARC/1") >= 2


# --- 12. one character kills an article's analysis --------------------------------------------

@pytest.mark.parametrize(("language", "text"), [
    ("ru", "Казахстан отказался отправлять свои войска на Украину \U00017000. Это решение \U00018d08 будет."),
    ("uk", "Лукашенко визнав, що Білорусь \U00017000 бере участь у війні проти України. Буде \U00018d08 так."),
])
def test_regression_tangut_character_does_not_kill_the_analysis(language, text):
    assert morph_parse("\U00017000", language) and morph_parse("a\U00018d08", language)
    assert word_key("\U00017000", language) == "\U00017000"
    doc = default_pipeline()(Doc("t", text, language, None))
    assert any(s.kind == "stance" for s in doc.statements)


# --- 13. Ctrl-C ------------------------------------------------------------------------------

def test_regression_ctrl_c_exits_130_with_one_line(tmp_path, monkeypatch, capsys):
    def interrupted(*args, **kwargs):
        os.kill(os.getpid(), signal.SIGINT)  # a real Ctrl-C, in the middle of the command's work
        time.sleep(5)
        raise AssertionError("the interrupt did not stop the command")

    import importlib

    # the command imports ingest when it runs (``allegiance.ingest`` the package, not the function)
    monkeypatch.setattr(importlib.import_module("allegiance.ingest"), "ingest", interrupted)
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    with pytest.raises(SystemExit) as exit_:
        main(["ingest", str(tmp_path / "a.txt"), "--db", str(tmp_path / "x.db")])
    assert exit_.value.code == 130
    err = capsys.readouterr().err
    assert err.splitlines() == ["allegiance: interrupted; work committed before the interrupt is kept"]


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.slow
def test_regression_ctrl_c_of_the_console_command_has_no_traceback(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    # Enough work that no machine finishes it before the signal: a fast CI machine with many cores
    # ran 40 articles to the end within the 0.3 s the test waited, and exited 0.
    for i in range(3000):
        (folder / f"a{i}.txt").write_text(f"Story {i}. " + BODY * 20, encoding="utf-8")
    db = tmp_path / "c.db"
    script = Path(sys.executable).with_name("allegiance")
    for wait in (0.2, None):  # while it still imports, and once it works on the store
        # started as from a terminal, with Ctrl-C's default action: a suite started in the background
        # by a shell without job control hands its children SIGINT ignored, which Python keeps until
        # the command sets its own handler, so that a signal while it imports would be lost
        proc = subprocess.Popen([str(script), "run", str(folder), "--db", str(db), "--no-report"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                preexec_fn=_default_sigint)
        if wait is None:
            deadline = time.monotonic() + 60
            while not db.exists() and time.monotonic() < deadline:
                time.sleep(0.05)
            time.sleep(0.1)
        else:
            time.sleep(wait)
        assert proc.poll() is None, "the run ended before it could be interrupted"
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
        assert proc.returncode == 130, err
        assert len(err.splitlines()) == 1 and "interrupted" in err and "Traceback" not in err
    check = sqlite3.connect(db)
    assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_main_keeps_the_exit_codes(tmp_path, capsys):
    with pytest.raises(SystemExit) as ok:
        main(["settings", "--format", "jsonl"])
    assert ok.value.code == 0
    with pytest.raises(SystemExit) as usage:
        main(["no-such-command"])
    assert usage.value.code == 2
    with pytest.raises(SystemExit) as error:
        main(["show", "nothing", "--db", str(tmp_path / "none.db")])
    assert error.value.code == 1
