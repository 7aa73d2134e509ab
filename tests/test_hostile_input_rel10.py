"""Regression tests of the rel10 probe (bad input that loses text): each is named after what
broke. Every file here is team-written or generated in the test."""

from __future__ import annotations

import codecs
import io
import json
import os
import sys
from pathlib import Path

import pytest

from allegiance import Store, ingest
from allegiance.settings import Settings

BODY = ("Kazakhstan refused to send troops to Ukraine, officials in Astana said on Saturday. "
        "The government also said it would not recognise the separatist republics in the east. ")


def _ingest(tmp_path: Path, *targets: str) -> tuple[Store, object]:
    store = Store(tmp_path / "t.db")
    summary = ingest(list(targets), store, Settings(db=str(tmp_path / "t.db")))
    return store, summary


def _texts(store: Store) -> list[str]:
    return [r[0] for r in store.db.execute("SELECT text FROM articles ORDER BY text")]


def _codes(store: Store) -> dict[str, str]:
    return {r["origin"]: r["code"] for r in store.rejections()}


@pytest.mark.skipif(sys.platform != "linux", reason="file names as raw bytes")
def test_regression_a_file_name_that_is_not_utf8_does_not_end_the_folder(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    odd = os.path.join(os.fsencode(folder), b"\xe9t\xe9-latin1.txt")
    with open(odd, "wb") as handle:
        handle.write(b"First story. " + BODY.encode())
    (folder / "zz-after.txt").write_text("Second story. " + BODY, encoding="utf-8")
    store, summary = _ingest(tmp_path, str(folder))
    origins = {r[0] for r in store.db.execute("SELECT origin FROM article_inputs")}
    assert not _codes(store)
    assert any(o.endswith("\\xe9t\\xe9-latin1.txt") for o in origins)
    assert any(o.endswith("zz-after.txt") for o in origins)
    again = ingest([str(folder)], store, Settings(db=str(tmp_path / "t.db")))
    assert again.unchanged == 2


@pytest.mark.skipif(sys.platform != "linux", reason="file names as raw bytes")
def test_regression_a_missing_target_named_in_non_utf8_bytes_is_a_rejection(tmp_path: Path) -> None:
    target = os.fsdecode(os.path.join(os.fsencode(tmp_path), b"\xff-missing.txt"))
    store, summary = _ingest(tmp_path, target)
    assert list(_codes(store).values()) == ["not_found"]


def test_regression_a_link_to_nothing_in_a_folder_is_a_rejection(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "story.txt").write_text(BODY, encoding="utf-8")
    (folder / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (folder / "loop").symlink_to(folder)
    store, summary = _ingest(tmp_path, str(folder))
    assert len(_texts(store)) == 1
    assert list(_codes(store).values()) == ["not_found"]


RUSSIAN = ("Министр иностранных дел заявил в четверг, что республика не будет признавать отделившиеся "
           "регионы и продолжит помогать беженцам. Правительство соблюдает санкции.")


def _page(charset: str, text: str) -> str:
    return (f'<html><head><meta charset="{charset}"><title>Title</title></head>'
            f"<body><article><p>{text}</p></article></body></html>")


@pytest.mark.parametrize(("declared", "actual"), [
    ("iso-8859-1", "cp1251"),    # a Latin charset over Cyrillic bytes: every byte "decodes"
    ("windows-1251", "koi8-r"),  # the other Cyrillic codec: capitals where lower case should be
    ("windows-1251", "utf-8"),   # valid UTF-8 under a template's default charset
    ("utf-8", "cp1251"),         # already right: a charset that does not decode is passed over
])
def test_regression_a_lying_meta_charset_does_not_garble_the_text(declared: str, actual: str) -> None:
    from allegiance.ingest.decode import decode_text

    decoded = decode_text(_page(declared, RUSSIAN).encode(actual), html=True)
    assert RUSSIAN in decoded.text
    assert decoded.encoding == codecs.lookup(actual).name


@pytest.mark.parametrize(("charset", "text"), [
    ("cp1251", "Міністр закордонних справ України заявив, що її позиція незмінна, і Європа підтримує Київ."),
    ("koi8-u", "Міністр закордонних справ України заявив, що її позиція незмінна, і Європа підтримує Київ."),
    ("iso-8859-1", "Le ministre a déclaré à la presse que la république ne reconnaîtra pas ces régions."),
    ("iso-8859-5", RUSSIAN),
])
def test_a_true_meta_charset_is_still_taken(charset: str, text: str) -> None:
    from allegiance.ingest.decode import decode_text

    decoded = decode_text(_page(charset, text).encode(charset), html=True)
    assert text in decoded.text
    assert decoded.encoding == {"iso8859-1": "cp1252"}.get(codecs.lookup(charset).name, codecs.lookup(charset).name)


def test_regression_an_html_fragment_in_json_lines_is_read_not_rejected(tmp_path: Path) -> None:
    lines = [{"id": "frag-p", "html": f"<p>{BODY}</p>"},
             {"id": "frag-div", "html": f"<div><p>Another story.</p><p>{BODY}</p></div>"}]
    dump = tmp_path / "dump.jsonl"
    dump.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    store, summary = _ingest(tmp_path, str(dump))
    assert not _codes(store)
    texts = _texts(store)
    assert len(texts) == 2 and all(BODY.strip() in t for t in texts)


def _dump(n: int) -> list[str]:
    return [json.dumps({"id": f"rec{i}", "text": f"Story {i}. " + BODY}, ensure_ascii=False) for i in range(n)]


@pytest.mark.parametrize(("name", "data"), [
    ("mac.jsonl", ("\r".join(_dump(3)) + "\r").encode("utf-8")),         # lone CR line ends
    ("win16.jsonl", ("\r\n".join(_dump(3)) + "\r\n").encode("utf-16")),  # UTF-16 with its BOM
    ("be16.jsonl", ("\n".join(_dump(3))).encode("utf-16-be").join([codecs.BOM_UTF16_BE, b""])),
    ("wide32.jsonl", ("\n".join(_dump(3)) + "\n").encode("utf-32")),
])
def test_regression_json_lines_with_cr_or_utf16_keeps_every_record(tmp_path: Path, name: str, data: bytes) -> None:
    import gzip
    import zipfile

    (tmp_path / name).write_bytes(data)
    (tmp_path / (name + ".gz")).write_bytes(gzip.compress(data))
    with zipfile.ZipFile(tmp_path / "dump.zip", "w") as archive:
        archive.writestr(name, data)
    for target in (name, name + ".gz", "dump.zip"):
        store = Store(tmp_path / f"{target}.db")
        ingest([str(tmp_path / target)], store, Settings(db=str(tmp_path / f"{target}.db")))
        assert not _codes(store), target
        assert len(_texts(store)) == 3, target
        assert all(BODY.strip() in t for t in _texts(store))
    stdin_store = Store(tmp_path / "stdin.db")
    ingest(["-"], stdin_store, Settings(db=str(tmp_path / "stdin.db")), stdin=io.BytesIO(data))
    assert not _codes(stdin_store) and len(_texts(stdin_store)) == 3


def test_a_json_lines_line_over_the_limit_in_utf16_is_rejected_and_the_rest_kept(tmp_path: Path) -> None:
    lines = _dump(2)
    lines.insert(1, json.dumps({"text": "x" * 5000}))
    (tmp_path / "big.jsonl").write_bytes("\n".join(lines).encode("utf-16"))
    store = Store(tmp_path / "t.db")
    ingest([str(tmp_path / "big.jsonl")], store, Settings(db=str(tmp_path / "t.db"), max_bytes=3000))
    assert list(_codes(store).values()) == ["too_large"]
    assert len(_texts(store)) == 2


@pytest.mark.parametrize("charset", ["iso-8859-1", "latin1", "us-ascii"])
def test_regression_iso_8859_1_pages_keep_their_quotes_and_dashes(charset: str) -> None:
    from allegiance.ingest.decode import decode_text, normalise_text

    text = "The minister said \u201cwe will not recognise them\u201d \u2014 and left\u2026 Caf\u00e9, 5 \u20ac."
    page = f'<html><head><meta charset="{charset}"></head><body><p>{text}</p></body></html>'
    decoded = decode_text(page.encode("cp1252"), html=True)
    assert text in normalise_text(decoded.text)
    assert decoded.encoding == "cp1252"


def test_regression_line_ending_controls_keep_the_words_apart() -> None:
    from allegiance.ingest.decode import normalise_text

    assert normalise_text("page one ends.\x0cPage two\x0bgoes\x85on\x1cand\x1don\x1eyes \x07\x1b[0m") == \
        "page one ends.\nPage two\ngoes\non\nand\non\nyes [0m"


def test_regression_a_short_feed_entry_with_no_link_is_stored_and_atom_updated_dates_it(tmp_path: Path) -> None:
    feed = f"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>
<entry><title>Brief</title><id>urn:brief</id><updated>2022-03-03T10:00:00Z</updated>
<content type="html">&lt;p&gt;Kazakhstan will not send troops, Astana said.&lt;/p&gt;</content></entry>
<entry><title>Long</title><id>urn:long</id><updated>2022-03-04T10:00:00Z</updated>
<content type="html"><![CDATA[<p>{BODY * 4}</p>]]></content></entry></feed>"""
    (tmp_path / "wire.atom").write_text(feed, encoding="utf-8")
    store, summary = _ingest(tmp_path, str(tmp_path / "wire.atom"))
    assert not _codes(store)
    rows = dict(store.db.execute("SELECT title, published FROM articles").fetchall())
    assert rows == {"Brief": "2022-03-03", "Long": "2022-03-04"}


UKRAINIAN = ("Міністр закордонних справ України заявив, що її позиція незмінна, а європейські партнери "
             "підтримують Київ і їхні рішення. ")
FRENCH = "Le ministre a déclaré à la presse que la république ne reconnaîtra pas les régions séparatistes. "
POLISH = "Minister spraw zagranicznych oświadczył, że rząd nie uzna tych regionów; żółć i gęś. "


@pytest.mark.parametrize(("utf8_part", "legacy_part", "codec"), [
    (RUSSIAN, RUSSIAN, "cp1251"), (RUSSIAN, UKRAINIAN, "koi8-u"), (FRENCH, FRENCH, "cp1252"),
    (FRENCH, POLISH, "cp1250"),
])
@pytest.mark.parametrize("joint", ["\n", " "])
@pytest.mark.parametrize("legacy_first", [False, True])
def test_regression_mixed_utf8_and_legacy_text_keeps_both_parts(utf8_part: str, legacy_part: str, codec: str,
                                                                 joint: str, legacy_first: bool) -> None:
    from allegiance.ingest.decode import decode_text

    parts = [(utf8_part * 2, "utf-8"), (legacy_part * 2, codec)]
    if legacy_first:
        parts.reverse()
    data = joint.encode().join(text.encode(encoding) for text, encoding in parts)
    decoded = decode_text(data)
    assert decoded.text == joint.join(text for text, _ in parts)
    assert decoded.encoding == f"utf-8+{codecs.lookup(codec).name}"


@pytest.mark.parametrize(("text", "codec"), [
    (UKRAINIAN * 20, "cp1251"), (UKRAINIAN * 20, "koi8-u"), (RUSSIAN * 20, "koi8-r"), (FRENCH * 20, "cp1252"),
    (POLISH * 20, "cp1250"), ("«Рівне» — Мі Ві Кі Рі. " * 40, "cp1251"),
])
def test_legacy_text_of_one_codec_is_not_taken_for_mixed(text: str, codec: str) -> None:
    from allegiance.ingest.decode import decode_text

    decoded = decode_text(text.encode(codec))
    assert decoded.text == text and decoded.encoding == codecs.lookup(codec).name


def test_regression_feed_entries_or_warc_records_sharing_an_id_are_all_stored(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    items = "".join(f"<item><title>T{i}</title><guid>one-guid</guid><description>Item {i}. {BODY * 5}"
                    f"</description></item>" for i in range(3))
    (tmp_path / "repeat.rss").write_text(f'<rss version="2.0"><channel><title>F</title>{items}</channel></rss>',
                                         encoding="utf-8")
    with open(tmp_path / "repeat.warc", "wb") as handle:
        writer = WARCWriter(handle, gzip=False)
        for i in range(2):
            page = f"<html><body><article><p>Record {i}. {BODY}</p></article></body></html>".encode()
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            record = writer.create_warc_record(f"https://example.org/{i}", "response", payload=io.BytesIO(page),
                                               http_headers=headers)
            record.rec_headers.replace_header("WARC-Record-ID", "<urn:uuid:same>")
            writer.write_record(record)
    store, summary = _ingest(tmp_path, str(tmp_path / "repeat.rss"), str(tmp_path / "repeat.warc"))
    assert summary.stored + summary.duplicates + summary.near_duplicates >= 5 and summary.unchanged == 0
    assert store.db.execute("SELECT count(*) FROM article_inputs").fetchone()[0] == 5
    again = ingest([str(tmp_path / "repeat.rss"), str(tmp_path / "repeat.warc")], store,
                   Settings(db=str(tmp_path / "t.db")))
    assert again.unchanged == 5


def test_regression_archive_members_of_one_name_are_all_stored(tmp_path: Path) -> None:
    import tarfile
    import warnings
    import zipfile

    with warnings.catch_warnings(), zipfile.ZipFile(tmp_path / "twice.zip", "w") as archive:
        warnings.simplefilter("ignore")  # zipfile warns of the duplicate name it writes
        archive.writestr("story.txt", "First. " + BODY)
        archive.writestr("story.txt", "Second, another text. " + BODY * 2)
    with tarfile.open(tmp_path / "twice.tar", "w") as archive:
        for body in ("Third. " + BODY, "Fourth, one more. " + BODY * 3):
            info = tarfile.TarInfo("story.txt")
            info.size = len(body.encode())
            archive.addfile(info, io.BytesIO(body.encode()))
    store, summary = _ingest(tmp_path, str(tmp_path / "twice.zip"), str(tmp_path / "twice.tar"))
    assert summary.unchanged == 0
    assert store.db.execute("SELECT count(*) FROM article_inputs").fetchone()[0] == 4


def test_regression_warc_records_of_images_or_unknown_compression_say_so(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    page = f"<html><body><article><p>{BODY}</p></article></body></html>".encode()
    records = [("https://example.org/page", [("Content-Type", "text/html")], page),
               ("https://example.org/map.png", [("Content-Type", "image/png")], b"\x89PNG\r\n\x1a\n" + bytes(300)),
               ("https://example.org/packed", [("Content-Type", "text/html"), ("Content-Encoding", "zz-unknown")],
                bytes(range(256))),
               ("https://example.org/blob", [("Content-Type", "application/octet-stream")],
                page.replace(b"<p>", b"<p>Blob. "))]
    with open(tmp_path / "crawl.warc", "wb") as handle:
        writer = WARCWriter(handle, gzip=False)
        for uri, headers, body in records:
            http = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=http))
    store, summary = _ingest(tmp_path, str(tmp_path / "crawl.warc"))
    assert len(_texts(store)) == 2
    messages = {r["message"] for r in store.rejections()}
    assert {r["code"] for r in store.rejections()} == {"unsupported"}
    assert any("image/png" in m for m in messages) and any("zz-unknown" in m for m in messages)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_regression_a_device_or_pipe_named_as_a_target_is_unsupported_not_missing(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    store, summary = _ingest(tmp_path, str(tmp_path / "pipe.txt"), os.devnull)
    assert sorted(_codes(store).values()) == ["unsupported", "unsupported"]


@pytest.mark.parametrize(("name", "encoding"), [("list.txt", "utf-8-sig"), ("list.urls", "utf-8-sig"),
                                                ("list.urls", "utf-16")])
def test_regression_a_url_list_with_a_byte_order_mark_is_read_as_urls(tmp_path: Path, name: str, encoding: str) -> None:
    from allegiance.ingest.sources import iter_inputs

    (tmp_path / name).write_bytes("http://127.0.0.1:9/a\r\nhttp://127.0.0.1:9/b\r\n".encode(encoding))
    items = list(iter_inputs([str(tmp_path / name)], Settings(db=str(tmp_path / "t.db"))))
    assert [(item.origin, getattr(item, "code", None)) for item in items] == [
        ("http://127.0.0.1:9/a", "forbidden_address"), ("http://127.0.0.1:9/b", "forbidden_address")]


def test_regression_an_ascii_page_whose_meta_says_utf16_is_not_garbled() -> None:
    from allegiance.ingest.decode import decode_text

    for text in (BODY, BODY + " "):  # even and odd lengths (UTF-16 needs an even one)
        page = f'<html><head><meta charset="utf-16"></head><body><p>{text}</p></body></html>'.encode()
        assert text in decode_text(page, html=True).text
    real = f'<html><head><meta charset="utf-16"></head><body><p>{RUSSIAN}</p></body></html>'
    assert RUSSIAN in decode_text(real.encode("utf-16"), html=True).text
    assert RUSSIAN in decode_text(real.encode("utf-16-le"), html=True).text


def test_a_large_mixed_text_is_still_read_in_both_encodings() -> None:
    from allegiance.ingest.decode import decode_text

    utf8_part, legacy_part = (RUSSIAN + "\n") * 7000, (RUSSIAN + "\n") * 7000  # over 2 MB together
    decoded = decode_text(utf8_part.encode("utf-8") + legacy_part.encode("cp1251"))
    assert decoded.encoding == "utf-8+cp1251" and decoded.text == utf8_part + legacy_part
