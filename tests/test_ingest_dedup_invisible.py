"""Near duplicates that differ only by characters no reader sees (team-written story in
``fixtures/dedup_invisible``), and the re-signing of a store written by the code before the
signature read the text without them (``store-main-a1f5633-affine32.sqlite.gz``: main at
``a1f5633`` ingested ``story-soft-hyphens.txt`` into a fresh store, nothing else)."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

from allegiance import Store
from allegiance.ingest.dedup import SCHEME, article_id, signature
from allegiance.ingest.pipeline import ingest, resign
from allegiance.nlp.doc import INVISIBLE
from allegiance.store.lsh import jaccard, pack_signature, unpack_signature
from allegiance.store.migrations import MIGRATIONS, schema_version

HERE = Path(__file__).parent / "fixtures" / "dedup_invisible"
PLAIN, SHY, MARKS = (HERE / f"story-{name}.txt" for name in ("plain", "soft-hyphens", "marks"))


def _cluster(store: Store, origin_name: str) -> tuple[str, float]:
    row = store.db.execute(
        "SELECT c.cluster_id, c.similarity FROM clusters c JOIN articles a ON a.id = c.article_id "
        "WHERE a.file_name = ?", (origin_name,)).fetchone()
    return str(row[0]), float(row[1])


def test_the_copies_hold_invisible_characters_and_read_as_the_same_words():
    plain, shy, marks = (p.read_text(encoding="utf-8") for p in (PLAIN, SHY, MARKS))
    assert "\u00ad" in shy and {"\u200b", "\u200d", "\u200e", "\u2060"} <= set(marks) <= set(plain) | set(INVISIBLE)
    for copy in (shy, marks):
        assert jaccard(signature(plain, 128), signature(copy, 128)) == 1.0
        assert article_id(copy) != article_id(plain)  # the id names the text as stored


def test_a_copy_with_soft_hyphens_is_the_same_story(store, settings):
    summary = ingest([str(PLAIN), str(SHY), str(MARKS)], store, settings)
    assert summary.stored == 3 and summary.near_duplicates == 2
    first = _cluster(store, "story-plain")
    assert first[1] == 1.0
    for name in ("story-soft-hyphens", "story-marks"):
        assert _cluster(store, name) == (first[0], 1.0)


def test_a_byte_order_mark_inside_the_text_is_dropped_before_the_signature(tmp_path, store, settings):
    text = PLAIN.read_text(encoding="utf-8")
    copy = tmp_path / "story-bom.txt"
    copy.write_text(text.replace("defence", "def\ufeffence"), encoding="utf-8")
    summary = ingest([str(PLAIN), str(copy)], store, settings)
    assert summary.duplicates + summary.near_duplicates == 1


def test_a_new_store_records_the_scheme_at_its_first_ingest(store, settings):
    assert store.db.execute("SELECT scheme FROM signature_scheme").fetchone()[0] == "affine32"
    ingest([str(PLAIN)], store, settings)
    assert store.db.execute("SELECT scheme FROM signature_scheme").fetchone()[0] == SCHEME
    assert resign(store, settings) == 0


def test_a_store_written_by_the_old_scheme_is_re_signed_and_finds_the_copy(tmp_path, settings):
    path = tmp_path / "old.db"
    with gzip.open(HERE / "store-main-a1f5633-affine32.sqlite.gz") as src, open(path, "wb") as dst:
        shutil.copyfileobj(src, dst)
    with Store(path) as store:
        assert schema_version(store.db) == len(MIGRATIONS)
        assert store.db.execute("SELECT scheme FROM signature_scheme").fetchone()[0] == "affine32"
        key, text, blob = store.db.execute("SELECT id, text, minhash FROM articles").fetchone()
        assert "\u00ad" in text
        old = unpack_signature(blob)
        assert jaccard(old, signature(text, len(old))) < 0.5  # the old scheme read "min\u00adist" as two words
        summary = ingest([str(PLAIN)], store, settings)
        assert summary.stored == 1 and summary.near_duplicates == 1
        assert _cluster(store, "story-plain") == (key, 1.0)
        assert store.db.execute("SELECT scheme FROM signature_scheme").fetchone()[0] == SCHEME
        stored = store.db.execute("SELECT minhash FROM articles WHERE id = ?", (key,)).fetchone()[0]
        assert stored == pack_signature(signature(text, len(old)))
        bands = store.db.execute("SELECT count(*) FROM lsh_bands WHERE article_id = ?", (key,)).fetchone()[0]
        assert bands > 0
        assert resign(store, settings) == 0
