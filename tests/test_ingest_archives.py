"""Compressed files and archives (``ingest/archives.py`` through ``ingest/sources.py``): ``.gz`` read
as the file its name says, ``.zip`` and ``.tar``/``.tgz`` members read as files, every bomb, cut and
broken archive a rejection, nothing written to disk. Every text here is team-written."""

from __future__ import annotations

import gzip
import io
import json
import tarfile
import zipfile
from pathlib import Path

import pytest

from allegiance import ingest

ENGLISH = ("Kazakhstan refused to send troops to Ukraine, officials in Astana said on Saturday. "
           "The government also said it would not recognise the separatist republics in the east. ")
MOLDOVA = "Moldova condemned the invasion of Ukraine, its foreign ministry said in a statement on Friday. "
RUSSIAN = ("Казахстан отказался отправлять свои войска на Украину, сообщили в Астане. "
           "Правительство также заявило, что не признает самопровозглашенные республики. ")
PAGE = ("<html><head><title>Astana keeps out</title></head><body><article><p>" + ENGLISH + "</p><p>"
        + ENGLISH.replace("Saturday", "Sunday") + "</p></article></body></html>")


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    """A folder of inputs beside (not around) the test's database file."""
    folder = tmp_path / "inputs"
    folder.mkdir()
    return folder


def _texts(store) -> set[str]:
    return {a["text"].strip() for a in store.articles()}


def _rejections(store) -> dict[str, str]:
    return {r["origin"]: r["code"] for r in store.rejections()}


def test_gzip_files_are_read_as_the_file_their_name_says(inputs, store, settings):
    (inputs / "a.txt.gz").write_bytes(gzip.compress(ENGLISH.encode()))
    (inputs / "b.html.gz").write_bytes(gzip.compress(PAGE.encode()))
    lines = [json.dumps({"id": "line-1", "text": MOLDOVA}), json.dumps({"id": "line-2", "text": RUSSIAN})]
    (inputs / "c.jsonl.gz").write_bytes(gzip.compress(("\n".join(lines) + "\n").encode()))
    summary = ingest([str(inputs)], store, settings)
    assert summary.rejected == 0 and summary.stored == 4
    texts = _texts(store)
    assert ENGLISH.strip() in texts and MOLDOVA.strip() in texts and RUSSIAN.strip() in texts
    page = next(a for a in store.articles() if a["title"] == "Astana keeps out")
    assert "Sunday" in page["text"] and "<p>" not in page["text"]
    assert {a["language"] for a in store.articles()} == {"en", "ru"}


def test_a_gzip_file_with_no_inner_extension_is_sniffed_and_a_whole_gzip_warc_is_a_warc(inputs, store, settings):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    (inputs / "plain.gz").write_bytes(gzip.compress(RUSSIAN.encode("utf-8")))
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/plain; charset=utf-8")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("https://example.org/m", "response",
                                                  payload=io.BytesIO(MOLDOVA.encode()), http_headers=headers))
    (inputs / "crawl.gz").write_bytes(gzip.compress(buffer.getvalue()))
    summary = ingest([str(inputs)], store, settings)
    assert summary.stored == 2 and summary.rejected == 0
    assert {a["url"] for a in store.articles()} >= {"https://example.org/m"}


def test_a_cut_off_gzip_is_truncated_not_partial_and_json_lines_keep_the_lines_before_it(inputs, store, settings):
    text = ENGLISH * 40
    whole = gzip.compress(text.encode())
    (inputs / "cut.txt.gz").write_bytes(whole[: len(whole) // 2])
    lines = "".join(json.dumps({"id": f"n{i}", "text": f"{MOLDOVA} Number {i} of the list."}) + "\n"
                    for i in range(400))
    packed = gzip.compress(lines.encode())
    (inputs / "cut.jsonl.gz").write_bytes(packed[: len(packed) * 3 // 4])
    summary = ingest([str(inputs)], store, settings)
    codes = _rejections(store)
    assert codes[str((inputs / "cut.txt.gz").resolve())] == "truncated"
    assert codes[str((inputs / "cut.jsonl.gz").resolve())] == "truncated"
    assert not any(a["text"].startswith(ENGLISH.strip()[:40]) for a in store.articles())  # no partial article
    assert 100 < summary.stored < 400  # the whole lines before the cut


def test_broken_and_bomb_gzip_files_are_rejections(inputs, store, settings):
    (inputs / "broken.txt.gz").write_bytes(b"\x1f\x8b\x08\x00" + b"not deflate data at all" * 4)
    bomb = inputs / "zeros.txt.gz"
    with gzip.open(bomb, "wb") as out:
        for _ in range(64):
            out.write(b"A" * (1 << 20))
    (inputs / "good.txt").write_text(ENGLISH, encoding="utf-8")
    summary = ingest([str(inputs)], store, settings.replace(max_bytes=1_000_000))
    codes = _rejections(store)
    assert summary.stored == 1
    assert codes[str((inputs / "broken.txt.gz").resolve())] == "malformed"
    assert codes[str(bomb.resolve())] == "too_large"


def test_zip_members_are_read_as_files_and_what_is_not_a_file_is_refused(inputs, store, settings):
    archive = inputs / "bundle.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("one.txt", ENGLISH)
        z.writestr("pages/two.html", "<html><head><title>Second page</title></head><body><article><p>"
                   + RUSSIAN + "</p></article></body></html>")
        z.writestr("pages/three.txt", MOLDOVA.replace("Friday", "Monday") + ENGLISH.replace("Astana", "Almaty"))
        z.writestr("../outside.txt", ENGLISH.replace("Kazakhstan", "Kyrgyzstan"))  # its bytes are read, never written
        z.writestr(".hidden.txt", "hidden " + MOLDOVA)
        z.writestr("__MACOSX/._one.txt", b"\x00\x05\x16\x07")
        z.writestr("lines.jsonl", json.dumps({"id": "zip-line", "text": MOLDOVA}) + "\n")
        z.writestr("nested.zip", b"PK\x05\x06" + b"\x00" * 18)
        z.writestr("folder/", b"")
    summary = ingest([str(archive)], store, settings)
    texts = _texts(store)
    assert summary.stored == 5 and RUSSIAN.strip() in texts and MOLDOVA.strip() in texts
    assert ENGLISH.replace("Kazakhstan", "Kyrgyzstan").strip() in texts
    assert not any(t.startswith("hidden") for t in texts)
    origin = str(archive.resolve())
    assert _rejections(store) == {f"{origin}#nested.zip": "unsupported"}
    assert f"{origin}#one.txt" in {row[0] for row in store.db.execute("SELECT origin FROM article_inputs")}
    assert not (inputs.parent / "outside.txt").exists()


def test_tar_and_tgz_members_are_read_and_links_refused(inputs, store, settings):
    for name, mode in (("bundle.tar", "w"), ("bundle.tgz", "w:gz")):
        with tarfile.open(inputs / name, mode) as tar:
            for member, text in (("x/one.txt", ENGLISH if mode == "w" else MOLDOVA), ("x/two.md", RUSSIAN)):
                info = tarfile.TarInfo(member)
                info.size = len(text.encode())
                tar.addfile(info, io.BytesIO(text.encode()))
            link = tarfile.TarInfo("x/link.txt")
            link.type, link.linkname = tarfile.SYMTYPE, "/etc/passwd"
            tar.addfile(link)
    summary = ingest([str(inputs)], store, settings)
    assert summary.stored == 3 and {ENGLISH.strip(), MOLDOVA.strip(), RUSSIAN.strip()} <= _texts(store)
    assert sorted(_rejections(store).values()) == ["unsupported", "unsupported"]


@pytest.mark.parametrize("kind", ["zip", "tgz"])
def test_archive_bombs_stop_at_the_caps(inputs, store, settings, kind):
    path = inputs / f"bomb.{kind}"
    if kind == "zip":
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("first.txt", ENGLISH)
            for i in range(3):
                with z.open(f"zeros{i}.txt", "w") as out:
                    for _ in range(8):
                        out.write(b"B" * (1 << 20))
    else:
        with tarfile.open(path, "w:gz") as tar:
            info = tarfile.TarInfo("first.txt")
            info.size = len(ENGLISH.encode())
            tar.addfile(info, io.BytesIO(ENGLISH.encode()))
            info = tarfile.TarInfo("zeros.txt")
            info.size = 24 << 20
            tar.addfile(info, io.BytesIO(b"B" * (24 << 20)))
    assert path.stat().st_size < 1 << 20
    summary = ingest([str(path)], store, settings.replace(max_bytes=4_000_000, max_archive_bytes=12_000_000))
    assert summary.stored == 1  # the member before the bomb is kept
    codes = list(_rejections(store).values())
    assert codes and set(codes) == {"too_large"}


def test_a_broken_archive_is_one_rejection_and_the_run_goes_on(inputs, store, settings):
    (inputs / "broken.zip").write_bytes(b"PK\x03\x04" + b"garbage" * 10)
    (inputs / "broken.tgz").write_bytes(gzip.compress(b"not a tar file at all" * 40))
    (inputs / "good.txt").write_text(ENGLISH, encoding="utf-8")
    summary = ingest([str(inputs)], store, settings)
    assert summary.stored == 1
    codes = _rejections(store)
    assert codes[str((inputs / "broken.zip").resolve())] == "malformed"
    assert codes[str((inputs / "broken.tgz").resolve())] == "malformed"


def test_gzip_on_standard_input_is_read_as_what_it_holds(store, settings):
    from allegiance.ingest.sources import iter_inputs

    items = list(iter_inputs(["-"], settings, stdin=io.BytesIO(gzip.compress(PAGE.encode()))))
    assert len(items) == 1 and items[0].kind == "html" and items[0].data == PAGE.encode()
    nested = list(iter_inputs(["-"], settings, stdin=io.BytesIO(gzip.compress(gzip.compress(b"x")))))
    assert [getattr(i, "code", None) for i in nested] == ["unsupported"]


def test_paths_inside_archives_are_never_extracted(inputs, store, settings):
    archive = inputs / "a.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("/abs/evil.txt", ENGLISH)
        z.writestr("../../evil2.txt", MOLDOVA)
    before = sorted(p.name for p in Path(inputs).rglob("*"))
    assert ingest([str(archive)], store, settings).stored == 2
    assert sorted(p.name for p in Path(inputs).rglob("*")) == before
