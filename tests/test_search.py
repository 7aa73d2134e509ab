"""Search: the FTS5 indexes follow the articles and statements tables, hits carry what a reader
needs, and bad input is a clear error."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from allegiance import Store
from allegiance.cli.main import cli
from allegiance.errors import AllegianceError
from allegiance.query.lookup import check_date, resolve_state
from allegiance.query.search import search
from web_support import build_demo


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_demo(tmp_path_factory.mktemp("search") / "demo.db")


def test_search_finds_evidence_with_its_statement_and_article(demo_db: Path) -> None:
    with Store(demo_db, readonly=True) as store:
        hits = search(store, "troops", scope="evidence")
    assert hits, "the samples speak of troops"
    hit = hits[0]
    assert hit.kind == "evidence" and hit.statement_id and hit.statement_kind
    assert "troops" in hit.snippet.lower()
    start, end = hit.highlights[0]
    assert hit.snippet[start:end].lower() == "troops"
    assert hit.article and hit.date and hit.source


def test_search_article_hits_and_filters(demo_db: Path) -> None:
    with Store(demo_db, readonly=True) as store:
        all_hits = search(store, "Kazakhstan", scope="articles", limit=100)
        assert {h.kind for h in all_hits} == {"article"}
        sources = {h.source for h in all_hits}
        one = sorted(s for s in sources if s)[0]
        assert {h.source for h in search(store, "Kazakhstan", scope="articles", source=one)} == {one}
        dated = search(store, "Kazakhstan", since="2023", limit=100)
        assert dated and all(h.date and h.date >= "2023" for h in dated)
        assert all(h.date and h.date[:7] <= "2022-12" for h in search(store, "Kazakhstan", until="2022-12"))
        by_actor = search(store, "troops", actor="Kazakhstan", scope="evidence")
        assert by_actor and all(h.subject == "KAZ" or h.statement_kind for h in by_actor)
        assert search(store, "Kazakhstan", language="zz") == []


def test_search_pagination_does_not_repeat_hits(demo_db: Path) -> None:
    with Store(demo_db, readonly=True) as store:
        first = search(store, "Russia", limit=3)
        second = search(store, "Russia", limit=3, offset=3)
    assert len(first) == 3 and second
    assert {(h.kind, h.article, h.statement_id) for h in first}.isdisjoint(
        {(h.kind, h.article, h.statement_id) for h in second})


@pytest.mark.parametrize("query", ['"unterminated', "AND", "kaz:troops", "(troops", "NEAR(", ""])
def test_malformed_query_is_a_bad_query_error_not_a_crash(demo_db: Path, query: str) -> None:
    with Store(demo_db, readonly=True) as store, pytest.raises(AllegianceError) as err:
        search(store, query)
    assert err.value.code == "bad_query"


@pytest.mark.parametrize("value", ["2022-13", "2022-02-30", "yesterday", "22"])
def test_bad_dates_are_refused(value: str) -> None:
    with pytest.raises(AllegianceError) as err:
        check_date(value)
    assert err.value.code == "bad_date"


def test_actor_lookup_never_guesses() -> None:
    assert resolve_state("kaz") == "KAZ"
    assert resolve_state("Kazakhstan") == "KAZ"
    with pytest.raises(AllegianceError) as err:
        resolve_state("Narnia")
    assert err.value.code == "unknown_entity"


def test_index_follows_reanalysis_and_deletes(demo_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "copy.db"
    db.write_bytes(demo_db.read_bytes())
    columns = ("article_id, kind, start, end, subject, predicate, object, issue, polarity, modality, speaker, time, "
               "value, unit, topics, confidence, extractor, cue, pack_version")
    with Store(db) as store:
        hit = search(store, "troops", scope="evidence")[0]
        with store.transaction() as tx:  # what re-analysis does: the article's statements deleted ...
            tx.execute("CREATE TEMP TABLE keep AS SELECT * FROM statements WHERE article_id = ?", (hit.article_id,))
            tx.execute("DELETE FROM statement_targets WHERE statement_id IN (SELECT id FROM keep)")
            tx.execute("DELETE FROM statements WHERE article_id = ?", (hit.article_id,))
        gone = search(store, "troops", scope="evidence", limit=500)
        assert hit.article_id not in {h.article_id for h in gone}
        with store.transaction() as tx:  # ... and written again under new ids
            tx.execute(f"INSERT INTO statements({columns}) SELECT {columns} FROM keep")
        back = [h for h in search(store, "troops", scope="evidence", limit=500) if h.article_id == hit.article_id]
        assert back and hit.statement_id not in {h.statement_id for h in back}
        assert back[0].snippet == hit.snippet
        count = store.db.execute("SELECT count(*) FROM statements_fts").fetchone()[0]
        assert count == store.count("statements")
        store.db.execute("UPDATE articles SET title = 'zzqxv headline' WHERE rowid = 1")
        assert [h.kind for h in search(store, "zzqxv", scope="articles")] == ["article"]


def test_cli_search_prints_hits_and_refuses_bad_queries(demo_db: Path) -> None:
    runner = CliRunner()
    ok = runner.invoke(cli, ["search", "troops", "--db", str(demo_db), "--format", "csv"])
    assert ok.exit_code == 0 and "troops" in ok.output and ok.output.startswith("kind,article")
    bad = runner.invoke(cli, ["search", '"open', "--db", str(demo_db)])
    assert bad.exit_code == 1 and "bad_query" in bad.output
    nobody = runner.invoke(cli, ["search", "troops", "--actor", "Narnia", "--db", str(demo_db)])
    assert nobody.exit_code == 1 and "unknown_entity" in nobody.output
    none = runner.invoke(cli, ["search", "zzqxvnothing", "--db", str(demo_db)])
    assert none.exit_code == 0 and "no match" in none.output


def test_common_word_ranked_in_a_window_then_over_everything(demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A word in more rows than the window is ranked among the latest matches first; a page the
    window cannot fill is ranked over the whole index, so no hit is lost."""
    from allegiance.query import search as module

    with Store(demo_db, readonly=True) as store:
        everything = search(store, "Russia", scope="evidence", limit=500)
        monkeypatch.setattr(module, "RANK_WINDOW", 3)
        latest = sorted((h.statement_id or 0 for h in everything), reverse=True)[:3]
        assert [h.statement_id for h in search(store, "Russia", scope="evidence", limit=2)][0] in latest
        assert [h.statement_id for h in search(store, "Russia", scope="evidence", limit=500)] == [
            h.statement_id for h in everything]
        one = sorted(h.source for h in everything if h.source)[0]
        filtered = search(store, "Russia", scope="evidence", source=one, limit=500)
        assert filtered and {h.source for h in filtered} == {one}


def _fts_ok(db) -> bool:
    """FTS5's integrity check against the content (rank 1): raises on an index out of step."""
    db.execute("INSERT INTO statements_fts(statements_fts, rank) VALUES ('integrity-check', 1)")
    return True


def test_the_evidence_index_holds_no_copy_of_the_sentences_and_follows_reanalysis(tmp_path: Path) -> None:
    from tests.conftest import SAMPLES

    from allegiance import Settings, ingest
    from allegiance.runner import analyze_store

    settings = Settings(db=str(tmp_path / "lean.db"), progress=False)
    with Store(settings.db) as store:
        ingest([str(SAMPLES)], store, settings)
        analyze_store(store, settings=settings, workers=1)
        tables = {r[0] for r in store.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert "statements_fts_content" not in tables and "statements_fts_data" in tables
        before = [(h.statement_id, h.snippet) for h in search(store, "troops", scope="evidence", limit=50)]
        assert before and _fts_ok(store.db)
        store.db.execute("DELETE FROM analyses")  # analysed again: every statement deleted and re-inserted
        analyze_store(store, settings=settings, workers=1)
        assert _fts_ok(store.db)
        after = [h.snippet for h in search(store, "troops", scope="evidence", limit=50)]
        assert sorted(after) == sorted(s for _i, s in before)
        article = store.db.execute("SELECT id, text FROM articles WHERE text LIKE '%troops%' LIMIT 1").fetchone()
        with store.transaction() as db:  # a changed text re-indexes its statements
            db.execute("UPDATE articles SET text = replace(text, 'troops', 'brigades') WHERE id = ?", (article[0],))
        assert _fts_ok(store.db)
        assert search(store, "brigades", scope="evidence")


def test_a_store_from_before_keeps_its_evidence_search_after_the_migration(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sqlite3

    from tests.conftest import SAMPLES

    import allegiance.store.db as store_db
    from allegiance import Settings, ingest
    from allegiance.runner import analyze_store
    from allegiance.store import migrations

    real = migrations.MIGRATIONS
    before = real[:real.index(migrations.m020_evidence_index_without_copy)]
    settings = Settings(db=str(tmp_path / "old.db"), progress=False)
    with monkeypatch.context() as m:
        m.setattr(migrations, "MIGRATIONS", before)
        m.setattr(store_db, "MIGRATIONS", before)
        with Store(settings.db) as store:
            ingest([str(SAMPLES)], store, settings)
            analyze_store(store, settings=settings, workers=1)
            assert store.db.execute("SELECT count(*) FROM statements_fts_content").fetchone()[0] > 0
    with Store(settings.db) as store:
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == len(real)
        assert _fts_ok(store.db)
        assert search(store, "troops", scope="evidence")
        with pytest.raises(sqlite3.OperationalError):
            store.db.execute("SELECT count(*) FROM statements_fts_content")


def test_search_indexed_at_the_end_of_a_batch_is_the_triggers_index(tmp_path: Path) -> None:
    """Ingest's and the runner's batches index their articles and statements in one statement each
    at the end (``Store.search_index_deferred``): the same entries as the insert triggers give, an
    article replaced twice in one batch indexed once, a batch that fails leaves the triggers on,
    and writers outside such a block are indexed by the triggers."""
    import sqlite3

    from tests.conftest import SAMPLES

    from allegiance import Settings, ingest
    from allegiance.nlp.doc import Doc
    from allegiance.nlp.pipeline import default_pipeline
    from allegiance.runner.work import AnalysisResult

    def entries(store: Store, scope: str) -> list[tuple[str, str]]:
        hits = search(store, "the OR and OR of OR Russia", scope=scope, limit=10000)
        return sorted((h.article_id, h.snippet) for h in hits)

    def deferred(store: Store) -> int:
        return int(store.db.execute("SELECT count(*) FROM search_index_deferred").fetchone()[0])

    plain = Settings(db=str(tmp_path / "plain.db"), progress=False)
    with Store(plain.db) as store:  # the triggers, row by row
        store._can_defer = False
        ingest([str(SAMPLES)], store, plain)
        by_trigger = entries(store, "articles")
    settings = Settings(db=str(tmp_path / "a.db"), progress=False)
    with Store(settings.db) as store:
        ingest([str(SAMPLES)], store, settings)  # deferred
        assert entries(store, "articles") == by_trigger and by_trigger and _fts_ok(store.db)
        store.db.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
        pipeline = default_pipeline(settings=settings)
        docs = [pipeline(Doc(r["id"], r["text"], r["language"], r["published"]))
                for r in store.db.execute("SELECT id, text, language, published FROM articles ORDER BY rowid")]
        results = [AnalysisResult(d.id, pipeline.version, tuple(d.mentions), tuple(d.statements), d.genre)
                   for d in docs]
        with store.transaction():  # the trigger, row by row
            for r in results:
                store.replace_analysis(r, r.pack_version)
        evidence = entries(store, "evidence")
        assert evidence and _fts_ok(store.db)
        with store.transaction(), store.search_index_deferred():  # again, deferred, one article twice
            for r in results + results[:1]:
                store.replace_analysis(r, r.pack_version)
            assert deferred(store) == 1
        assert deferred(store) == 0 and _fts_ok(store.db)
        assert entries(store, "evidence") == evidence
        with pytest.raises(RuntimeError), store.transaction(), store.search_index_deferred():
            store.replace_analysis(results[0], results[0].pack_version)
            raise RuntimeError("a batch that fails")
        assert deferred(store) == 0 and _fts_ok(store.db)
        with store.transaction():  # outside a block the trigger indexes again
            store.replace_analysis(results[0], results[0].pack_version)
        assert _fts_ok(store.db) and entries(store, "evidence") == evidence
        assert store.db.execute("SELECT count(*) FROM statements_fts").fetchone()[0] == store.count("statements")
        with pytest.raises(sqlite3.IntegrityError):  # the table holds one row at most
            store.db.execute("INSERT INTO search_index_deferred VALUES (2)")
