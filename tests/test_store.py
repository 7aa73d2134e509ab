"""The store: migrations, WAL, readers beside a writer, and property tests of the round trip."""

from __future__ import annotations

import io
import json
import sqlite3

from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from allegiance import Settings, Store, ingest
from allegiance.query.export import export_articles
from allegiance.store.migrations import MIGRATIONS, schema_version


def test_new_database_is_migrated_and_in_wal_mode(tmp_path):
    with Store(tmp_path / "a.db") as store:
        assert schema_version(store.db) == len(MIGRATIONS)
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with Store(tmp_path / "a.db") as again:  # reopening applies nothing twice
        assert schema_version(again.db) == len(MIGRATIONS)


def test_a_reader_sees_committed_data_while_a_writer_is_open(tmp_path):
    path = tmp_path / "b.db"
    settings = Settings(db=str(path), progress=False)
    with Store(path) as writer:
        (tmp_path / "a.txt").write_text("Belarus lent its territory to Russian forces in 2022.", encoding="utf-8")
        ingest([str(tmp_path / "a.txt")], writer, settings)
        with Store(path, readonly=True) as reader:
            assert reader.count("articles") == 1
        with sqlite3.connect(path) as raw:  # any SQL tool opens the file
            assert raw.execute("SELECT count(*) FROM runs").fetchone()[0] == 1


def test_runs_record_settings_versions_and_counts(tmp_path):
    settings = Settings(db=str(tmp_path / "c.db"), progress=False, max_bytes=12345)
    with Store(settings.db) as store:
        ingest([str(tmp_path / "missing")], store, settings)
        run = store.db.execute("SELECT * FROM runs").fetchone()
    assert json.loads(run["settings"])["max_bytes"] == 12345
    assert "trafilatura" in json.loads(run["versions"])
    assert json.loads(run["counts"])["rejected"] == 1 and run["finished"]


_line_text = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=80)


@hsettings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_line_text.filter(lambda s: any(c.isalnum() for c in s)), min_size=1, max_size=5))
def test_jsonl_round_trip_keeps_every_record(tmp_path, lines):
    db = tmp_path / "h.db"
    for suffix in ("", "-wal", "-shm"):
        (tmp_path / f"h.db{suffix}").unlink(missing_ok=True)
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(json.dumps({"id": f"r{i}", "text": f"Article {i}: {t}"}) for i, t in enumerate(lines)),
                      encoding="utf-8")
    settings = Settings(db=str(db), progress=False)
    with Store(db) as store:
        summary = ingest([str(source)], store, settings)
        out = io.StringIO()
        export_articles(store, out)
    assert summary.rejected == 0
    assert summary.stored + summary.duplicates == len(lines)
    exported = [json.loads(x) for x in out.getvalue().splitlines()]
    assert all(r["text"].startswith("Article ") for r in exported)


def test_an_analysis_failure_is_recorded_and_the_run_goes_on(tmp_path):
    from allegiance.nlp.pipeline import Pipeline, SentenceSplitter
    from allegiance.runner import analyze_store

    class Explodes:
        name, requires, provides = "explodes", ("text",), ("nothing",)

        def __call__(self, doc):
            if "boom" in doc.text:
                raise RuntimeError("bad rule")
            return doc

    settings = Settings(db=str(tmp_path / "f.db"), progress=False)
    (tmp_path / "a.txt").write_text("Kazakhstan refused to send troops to Ukraine in 2022.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("This article goes boom on purpose for the test.", encoding="utf-8")
    with Store(settings.db) as store:
        ingest([str(tmp_path)], store, settings)
        summary = analyze_store(store, Pipeline([SentenceSplitter(), Explodes()], version="t@1"))
        errors = store.db.execute("SELECT error FROM analyses WHERE error IS NOT NULL").fetchall()
    assert (summary.analysed, summary.failed) == (1, 1)
    assert len(errors) == 1 and "bad rule" in errors[0][0]
