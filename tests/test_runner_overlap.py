"""The local runner's overlap of the writes with the pools (issue 11, two workers against one):
results and ingested items written while the workers still work, the pipeline built while
ingest's workers prepare, the last chunks smaller, the store rows made in the workers; the
answers the same as one process's."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from allegiance.ingest import ingest, parallel
from allegiance.ingest import pipeline as ingest_pipeline
from allegiance.runner import local
from allegiance.runner.local import CHUNK, EARLY, AnalyzeSummary, ResultWriter, _chunks, prepared
from allegiance.runner.work import AnalysisResult
from allegiance.settings import Settings
from allegiance.store.db import Store, analysis_rows

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "articles"


def test_chunks_keep_the_order_and_shrink_only_at_the_end():
    for count, workers in [(0, 2), (1, 2), (5, 2), (72, 2), (73, 2), (200, 2), (1000, 4), (50, 1)]:
        chunks = [list(c) for c in _chunks(range(count), CHUNK, workers)]
        assert [x for c in chunks for x in c] == list(range(count))
        sizes = [len(c) for c in chunks]
        assert all(1 <= n <= CHUNK for n in sizes)
        assert sizes == sorted(sizes, reverse=True)  # full chunks first, then ever smaller ones
        # whole chunks while more than what the pool holds in flight is left
        left = count
        for n in sizes:
            if left > 4 * workers * CHUNK + CHUNK:
                assert n == CHUNK
            left -= n


def _result(key: str, error: str | None = None) -> AnalysisResult:
    return AnalysisResult(key, "t@1", error=error)


class _Counting(ResultWriter):
    def __init__(self, size: int) -> None:
        super().__init__(None, size, AnalyzeSummary())  # type: ignore[arg-type]
        self.flushed: list[int] = []

    def flush(self) -> None:
        if self.pending:
            self.flushed.append(len(self.pending))
        self.pending = []


def test_the_writer_writes_early_only_what_is_worth_a_commit():
    writer = _Counting(size=200)
    for i in range(EARLY - 1):
        writer.add(_result(str(i)))
    writer.idle(draining=False)
    assert writer.flushed == []  # too few to be worth a commit of their own
    writer.add(_result("x"))
    writer.idle(draining=False)
    assert writer.flushed == [EARLY]
    for i in range(CHUNK):
        writer.add(_result(f"d{i}"))
    writer.idle(draining=True)  # every input handed over: a chunk's worth is written
    assert writer.flushed == [EARLY, CHUNK]
    writer.add(_result("last"))
    writer.idle(draining=True)
    assert writer.flushed == [EARLY, CHUNK]  # the last few wait for the final flush
    small = _Counting(size=4)
    for i in range(4):
        small.add(_result(str(i)))
    assert small.flushed == [4]  # a full batch is written at once, as before


def test_a_prepared_result_holds_the_rows_and_counts_of_its_result(tmp_path):
    settings = Settings(db=str(tmp_path / "p.db"), progress=False, workers=1)
    with Store(settings.db) as store:
        ingest([str(SAMPLES)], store, settings)
        key = store.db.execute("SELECT id FROM articles LIMIT 1").fetchone()[0]
    from allegiance.runner.work import PendingArticle, analyze

    text = Path(next(SAMPLES.glob("*.txt"))).read_text(encoding="utf-8")
    result = analyze(PendingArticle(key, text, "en"), settings)
    done = prepared(result)
    assert (done.id, done.error, done.mentions, done.statements) == (
        key, None, len(result.mentions), len(result.statements))
    assert done.rows == analysis_rows(result, result.pack_version, result.analysed_chars)
    assert prepared(done) is done
    failed = prepared(_result("k", error="boom"))
    assert failed.rows is None and failed.error == "boom"


def _tables(db: str) -> dict[str, list[tuple[object, ...]]]:
    with sqlite3.connect(db) as con:
        return {t: con.execute(f"SELECT {cols} FROM {t} ORDER BY {cols}").fetchall() for t, cols in {
            "articles": "id, title, text", "clusters": "article_id, cluster_id, similarity",
            "mentions": "article_id, start, end, entity_id, type",
            "statements": "article_id, kind, start, end, subject, predicate, object, uid, topics",
            "statement_targets": "statement_id, target", "analyses": "article_id, pack_version, genre",
        }.items()}


def test_early_writes_and_the_early_pipeline_keep_the_answers(tmp_path, monkeypatch):
    """Two workers with early writes of both stages (small corpus: pools forced from the first
    input) give the tables of one process, and the caller's work runs once, only with a pool."""
    monkeypatch.setattr(parallel, "POOL_AFTER", 1)
    calls: list[int] = []
    tables = []
    for workers in (1, 2):
        settings = Settings(db=str(tmp_path / f"w{workers}.db"), progress=False, workers=workers)
        with Store(settings.db) as store:
            ingest([str(SAMPLES)], store, settings, while_waiting=lambda w=workers: calls.append(w))
            local.analyze_store(store, settings=settings, workers=workers)
        tables.append(_tables(settings.db))
    assert tables[0] == tables[1] and tables[0]["statements"]
    assert calls == [2]


def test_an_ingest_batch_is_written_before_the_last_input_when_the_writer_waits(tmp_path, monkeypatch):
    monkeypatch.setattr(parallel, "POOL_AFTER", 1)
    monkeypatch.setattr(ingest_pipeline, "EARLY", 2)
    sizes: list[int] = []
    original = ingest_pipeline.write_batch

    def counted(batch, *args):  # type: ignore[no-untyped-def]
        sizes.append(len(batch))
        return original(batch, *args)

    monkeypatch.setattr(ingest_pipeline, "write_batch", counted)
    settings = Settings(db=str(tmp_path / "e.db"), progress=False, workers=2)
    with Store(settings.db) as store:
        summary = ingest([str(SAMPLES)], store, settings)
    assert sum(sizes) == summary.stored + summary.rejected
    assert all(n <= settings.batch_size for n in sizes)


def test_the_run_command_builds_the_pipeline_while_ingest_waits(tmp_path, monkeypatch):
    import allegiance.cli.main  # noqa: F401  (first: cli.main imports cli.run at its end)
    from allegiance.cli import run as run_cli
    from allegiance.runner import work

    monkeypatch.setattr(parallel, "POOL_AFTER", 1)
    built: list[object] = []
    original = work.pipeline_for
    monkeypatch.setattr(work, "pipeline_for", lambda s: built.append(s) or original(s))
    settings = Settings(db=str(tmp_path / "r.db"), progress=False, workers=2)
    run_cli.ingest_for_run((str(SAMPLES),), settings)
    assert built == [settings]


def test_an_early_pipeline_build_that_fails_is_left_to_the_analysis(monkeypatch):
    import allegiance.cli.main  # noqa: F401  (first: cli.main imports cli.run at its end)
    from allegiance.cli import run as run_cli
    from allegiance.runner import work

    def broken(settings: Settings) -> None:
        raise ValueError("a bad pack")

    monkeypatch.setattr(work, "pipeline_for", broken)
    run_cli._pipeline_early(Settings())  # no error here: the analysis raises it where it did
