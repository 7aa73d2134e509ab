"""The distributed runner on a Dask LocalCluster of two real worker processes gives the answers
of the local runner's pool and of the sequential path, on the dev set."""

from __future__ import annotations

import sqlite3
import sys
import time

import pytest
from click.testing import CliRunner
from tests.conftest import SAMPLES, SHARED, needs_shared
from tests.test_scale import corpus_with_copies, invariants, partition

from allegiance import Settings, Store, ingest
from allegiance.cli.main import cli
from allegiance.errors import AllegianceError
from allegiance.runner import analyze_store

DEV = SHARED / "corpus" / "dev" / "articles"


def _answers(db) -> dict[str, object]:
    with sqlite3.connect(db) as con:
        return {
            "articles": sorted(con.execute("SELECT id, file_name, language, published, title, chars FROM articles")),
            "mentions": sorted(con.execute("SELECT article_id, start, end, entity_id, kind, canonical FROM mentions")),
            "statements": sorted(con.execute(
                "SELECT article_id, kind, start, end, subject, predicate, object, issue, polarity, modality, speaker, "
                "time, value, unit, topics, cue FROM statements"), key=repr),
            "analyses": sorted(con.execute("SELECT article_id, pack_version, genre, error FROM analyses")),
            "clusters": partition(db),
            "stance_cells": sorted(con.execute("SELECT * FROM stance_cells"), key=repr),
        }


@pytest.fixture(scope="module")
def client():
    pytest.importorskip("distributed")
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster, \
            Client(cluster) as c:
        yield c


def _distributed(targets, tmp_path, client, name="dask") -> str:
    from allegiance.runner.distributed import load_parquet, run_distributed

    settings = Settings(db=str(tmp_path / f"{name}.db"), progress=False)
    counts = run_distributed([str(t) for t in targets], tmp_path / name, settings, client=client, per_partition=7)
    assert counts["articles"] > 0
    load_parquet(tmp_path / name, settings)
    return settings.db


def _local(targets, tmp_path, workers: int) -> str:
    settings = Settings(db=str(tmp_path / f"local{workers}.db"), progress=False)
    with Store(settings.db) as store:
        ingest([str(t) for t in targets], store, settings)
        analyze_store(store, settings=settings, workers=workers)
    return settings.db


@needs_shared
def test_distributed_equals_the_local_runner_and_the_sequential_path_on_the_dev_set(tmp_path, client):
    dask_db = _distributed([DEV], tmp_path, client)
    pooled, sequential = _answers(_local([DEV], tmp_path, 2)), _answers(_local([DEV], tmp_path, 1))
    answers = _answers(dask_db)
    assert len(answers["articles"]) == 60 and len(answers["statements"]) > 100
    for key in answers:
        assert answers[key] == pooled[key] == sequential[key], key
    invariants(dask_db)


def test_distributed_near_duplicates_cluster_as_ingest_does(tmp_path, client):
    a, b = corpus_with_copies(tmp_path)
    dask_db = _distributed([a, b], tmp_path, client, "copies")
    local = _local([a, b], tmp_path, 1)
    assert partition(dask_db) == partition(local)
    assert len(partition(dask_db)) < 2 * len(list(a.iterdir()))


def test_parquet_input_is_read_like_json_lines(tmp_path, client):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    pq.write_table(pa.table({"id": [f"a{i}" for i in range(len(texts))], "text": texts,
                             "published": ["2023-01-05"] * len(texts)}), tmp_path / "articles.parquet")
    pq.write_table(pa.table({"id": ["e"], "text": ["  "]}), tmp_path / "empty.parquet")
    db = _distributed([tmp_path / "articles.parquet", tmp_path / "empty.parquet"], tmp_path, client, "pq")
    with Store(db) as store:
        assert store.count("articles") == len(texts)
        assert {r["code"] for r in store.rejections()} == {"empty"}
        assert store.count("statements") > 0


class Spinning:
    """A component that spins in Python on articles holding a marker word: a pathological text."""

    name = "spinning"
    requires: tuple[str, ...] = ("sentences",)
    provides: tuple[str, ...] = ()

    def __call__(self, doc):
        if "Tokayev" in doc.text:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                pass
        return doc


def _use_pipeline(pipeline) -> None:
    """Run on each worker: the pipeline its analyses use (``None``: the settings' own)."""
    from allegiance.runner import work

    work.injected = pipeline


def _failures(db) -> dict[str, str | None]:
    with sqlite3.connect(db) as con:
        return dict(con.execute("SELECT a.file_name, n.error FROM analyses n JOIN articles a ON a.id = n.article_id"))


def test_a_pathological_article_on_dask_is_recorded_as_failed_and_the_run_goes_on(tmp_path, client):
    from allegiance.nlp.pipeline import Pipeline, SentenceSplitter
    from allegiance.runner.distributed import load_parquet, run_distributed

    pipeline = Pipeline([SentenceSplitter(), Spinning()], version="t@1")
    settings = Settings(db=str(tmp_path / "slow.db"), progress=False, analysis_time_limit=0.5)
    client.run(_use_pipeline, pipeline)
    try:
        started = time.monotonic()
        counts = run_distributed([str(SAMPLES)], tmp_path / "slow", settings, client=client, per_partition=4)
        elapsed = time.monotonic() - started
    finally:
        client.run(_use_pipeline, None)
    load_parquet(tmp_path / "slow", settings)
    failed = {k: v for k, v in _failures(settings.db).items() if v}
    assert counts["articles"] == 17 and counts["failed"] == len(failed) >= 1 and elapsed < 40
    assert set(failed.values()) == {"ArticleTimeout: the analysis ran past the time limit of 0.5 s"}
    local = settings.replace(db=str(tmp_path / "local.db"))
    with Store(local.db) as store:  # the local runner fails the same articles with the same error
        ingest([str(SAMPLES)], store, local)
        analyze_store(store, pipeline, settings=local, workers=1)
    assert _failures(local.db) == _failures(settings.db)


def test_run_with_the_dask_engine_on_a_local_cluster(tmp_path):
    pytest.importorskip("distributed")
    db = tmp_path / "cli.db"
    result = CliRunner().invoke(cli, ["run", str(SAMPLES), "--engine", "dask", "--workers", "2", "--db", str(db),
                                      "--parquet", str(tmp_path / "out"), "--set", "progress=false"])
    assert result.exit_code == 0, result.output
    assert "loaded 17 articles" in result.output and "Allegiance report" in result.output
    assert "17 articles" in result.output.split("Allegiance report", 1)[1]
    again = CliRunner().invoke(cli, ["load-parquet", str(tmp_path / "out"), "--db", str(tmp_path / "other.db")])
    assert again.exit_code == 0 and "loaded 17 articles" in again.output


def test_a_missing_distributed_extra_is_a_clear_error(monkeypatch):
    from allegiance.runner.distributed import require_dask

    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(AllegianceError) as err:
        require_dask()
    assert err.value.code == "missing_extra" and "pip install 'allegiance[distributed]'" in err.value.message
