"""Ingest's map on worker processes: a long ingest prepares its inputs on a pool, in input order,
with the answers of one process; a worker that dies costs only its chunk's inputs."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from tests.conftest import SAMPLES
from tests.test_scale import partition

from allegiance import Settings, Store, ingest
from allegiance.ingest import parallel


def corpus(root: Path, copies: int = 6) -> Path:
    """The samples, each in ``copies`` versions (a numbered line added), an empty file and a binary one."""
    folder = root / "in"
    folder.mkdir()
    for n in range(copies):
        for p in sorted(SAMPLES.glob("*")):
            body = p.read_bytes()
            (folder / f"{n:02}-{p.name}").write_bytes(body + f"\n\nUpdate {n}: the story was revised.\n".encode()
                                                      if p.suffix == ".txt" else body)
    (folder / "zz-empty.txt").write_bytes(b"   \n")
    (folder / "zz-binary.txt").write_bytes(bytes(range(256)) * 8)
    return folder


def _stored(db: str) -> tuple[list, list]:
    with sqlite3.connect(db) as con:
        articles = list(con.execute("SELECT id, file_name, text, language, published, title, minhash FROM articles "
                                    "ORDER BY rowid"))
        rejections = list(con.execute("SELECT origin, code FROM rejections ORDER BY rowid"))
    return articles, rejections


def test_a_long_ingest_prepares_on_worker_processes_with_the_answers_of_one_process(tmp_path, monkeypatch):
    folder = corpus(tmp_path)
    pools = []
    real = parallel._Workers._start
    monkeypatch.setattr(parallel._Workers, "_start", lambda self: pools.append(self.count) or real(self))
    results = {}
    for workers in (1, 2):
        settings = Settings(db=str(tmp_path / f"w{workers}.db"), progress=False, workers=workers, batch_size=10)
        with Store(settings.db) as store:
            summary = ingest([str(folder)], store, settings)
        results[workers] = (_stored(settings.db), partition(settings.db), summary.counts())
    assert pools == [2], "only the two-worker ingest starts a pool"
    assert len(list(folder.iterdir())) > parallel.POOL_AFTER + parallel.CHUNK
    assert results[1] == results[2]
    (articles, rejections), _clusters, counts = results[2]
    assert len(articles) > parallel.POOL_AFTER and {code for _o, code in rejections} == {"empty", "binary"}


def test_a_worker_that_dies_while_preparing_costs_only_its_chunk(tmp_path, monkeypatch):
    from allegiance.ingest import pipeline

    folder = corpus(tmp_path)
    real = pipeline.prepare

    def fatal(raw, settings):
        if raw.origin.endswith("04-2023-02-chn-paper.txt") and os.getpid() != parent:
            os._exit(1)  # the worker process dies (as the out-of-memory killer ends it)
        return real(raw, settings)

    parent = os.getpid()
    monkeypatch.setattr(pipeline, "prepare", fatal)
    settings = Settings(db=str(tmp_path / "d.db"), progress=False, workers=2)
    with Store(settings.db) as store:
        summary = ingest([str(folder)], store, settings)
    articles, rejections = _stored(settings.db)
    died = [origin for origin, code in rejections if code == "internal_error"]
    assert any(o.endswith("04-2023-02-chn-paper.txt") for o in died) and len(died) <= parallel.CHUNK
    assert summary.stored + summary.duplicates + summary.near_duplicates >= len(articles) > 50


def _die() -> None:
    os._exit(1)


def test_regression_a_pool_broken_before_the_next_hand_over_fails_that_future_not_the_run():
    # CI (a fast machine) saw the pool found broken at the next submit, before the dead worker's own
    # future was awaited: submit raised BrokenProcessPool out of the ingest. Both pools' hand-overs
    # now give a future holding the error, handled where results are awaited.
    import concurrent.futures as cf

    from allegiance.runner.local import _submit

    workers = parallel._Workers(1)
    try:
        try:
            workers.pool.submit(_die).result(timeout=60)
        except cf.process.BrokenProcessPool:
            pass
        future = workers.submit([], Settings(progress=False))  # the pool is known broken now
        assert isinstance(future.exception(timeout=5), cf.process.BrokenProcessPool)
        runner_future = _submit(workers.pool, [], Settings(progress=False))
        assert isinstance(runner_future.exception(timeout=5), cf.process.BrokenProcessPool)
    finally:
        workers.stop()
