"""The local runner: the analysis map over a store, streamed, on a pool of worker processes,
with the writes batched through one writer (this process).

Pending articles are read from the store a page at a time and handed to the workers in small
chunks, never more than a few chunks per worker in flight, so memory is bounded whatever the
size of the store. Results come back in ingest order and are written ``batch_size`` at a time,
one transaction each: a run killed at any point keeps what it committed, and the next run
analyses only what is left. An article past ``analysis_time_limit`` is recorded as failed; a
worker that hangs in C code past the limit is replaced and its chunk recorded as failed; when a
worker dies, the chunks in flight are analysed again one at a time, so that only the chunk that
kills a worker again is recorded as failed.
"""

from __future__ import annotations

import collections
import concurrent.futures as cf
import dataclasses
import logging
import multiprocessing as mp
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, NamedTuple

from ..ingest.parallel import failed_future
from ..settings import Settings
from ..store.db import AnalysisRows, Store, analysis_rows
from . import work
from .work import AnalysisResult, PendingArticle

if TYPE_CHECKING:
    from ..nlp.pipeline import Pipeline

__all__ = ["AnalyzeSummary", "analyze_store", "ResultWriter", "pending_articles", "default_workers", "exit_with_parent"]

log = logging.getLogger(__name__)

CHUNK = 8  # articles per task sent to a worker: amortises the pickling round trip
#: Results written early, while the writer would wait on the pool: at least this many (below it a
#: commit costs more per row), or a chunk's worth once no input is left to hand over.
EARLY = 32
_HUNG = "the worker hung past the time limit"
_DIED = "the worker process died (out of memory or killed)"


@dataclasses.dataclass
class AnalyzeSummary:
    analysed: int = 0
    mentions: int = 0
    statements: int = 0
    failed: int = 0
    cut: int = 0
    pack_version: str = ""


def default_workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def pending_articles(store: Store, pack_version: str, max_chars: int = 0) -> Iterator[PendingArticle]:
    """The articles to analyse, streamed; texts past ``max_chars`` are read only that far."""
    for row in store.iter_unanalysed(pack_version, max_chars=max_chars):
        yield PendingArticle(row["id"], row["text"], row["language"], row["published"], row["chars"])


class PreparedResult(NamedTuple):
    """A result as the writer needs it: its store rows (:func:`~allegiance.store.db.analysis_rows`)
    and counts, or its error. A pool's worker makes it from the :class:`AnalysisResult`, so the
    rows are built where the analysis ran and pickled as plain tuples; the writer only inserts."""

    id: str
    pack_version: str
    error: str | None
    analysed_chars: int | None
    mentions: int
    statements: int
    rows: AnalysisRows | None


def prepared(result: AnalysisResult | PreparedResult) -> PreparedResult:
    if isinstance(result, PreparedResult):
        return result
    if result.error is not None:
        return PreparedResult(result.id, result.pack_version, result.error, result.analysed_chars, 0, 0, None)
    return PreparedResult(result.id, result.pack_version, None, result.analysed_chars, len(result.mentions),
                    len(result.statements), analysis_rows(result, result.pack_version, result.analysed_chars))


class ResultWriter:
    """Writes results ``size`` at a time, each batch one transaction, and keeps the counts."""

    def __init__(self, store: Store, size: int, summary: AnalyzeSummary,
                 on_article: Callable[[str], None] | None = None) -> None:
        self.store, self.size, self.summary, self.on_article = store, max(1, size), summary, on_article
        self.pending: list[PreparedResult] = []

    def add(self, result: AnalysisResult | PreparedResult) -> None:
        result = prepared(result)
        self.pending.append(result)
        s = self.summary
        if result.error is not None:
            s.failed += 1
        else:
            s.analysed += 1
            s.mentions += result.mentions
            s.statements += result.statements
        s.cut += result.analysed_chars is not None
        if len(self.pending) >= self.size:
            self.flush()
        if self.on_article is not None:
            self.on_article(result.id)

    def idle(self, draining: bool) -> None:
        """The pool has no result ready: write what is pending now, while the workers analyse,
        instead of after them (the last batch of a run was written after its last result, a
        serial tail of the whole run's writes on a run of one batch). Early only from
        :data:`EARLY` results on, or from :data:`CHUNK` once ``draining`` (no input left to hand
        over; the last chunks are smaller): a smaller batch is one more commit for little wait saved."""
        if len(self.pending) >= min(self.size, CHUNK if draining else EARLY):
            self.flush()

    def flush(self) -> None:
        if not self.pending:
            return
        with self.store.transaction(), self.store.search_index_deferred():
            for r in self.pending:
                if r.rows is None:
                    self.store.record_analysis_error(r.id, r.pack_version, r.error or "")
                else:
                    self.store.write_analysis(r.rows)
        self.pending = []


def _chunks(articles: Iterable[PendingArticle], size: int, workers: int = 1) -> Iterator[list[PendingArticle]]:
    """Chunks of ``size`` articles, read ``4 * workers`` chunks ahead (what the pool holds in flight),
    and once the input is read to its end, smaller ones: each a quarter of what is left per worker
    (at least one article), so that the workers finish together (with whole chunks to the end, one
    worker analysed the last chunk while the other had nothing left: about half a chunk of one
    core's time lost per run)."""
    ahead: collections.deque[PendingArticle] = collections.deque()
    window = 4 * workers * size + size
    for article in articles:
        ahead.append(article)
        if len(ahead) >= window:
            yield [ahead.popleft() for _ in range(size)]
    while ahead:
        n = max(1, min(size, len(ahead) // (4 * workers)))
        yield [ahead.popleft() for _ in range(min(n, len(ahead)))]


def _work_chunk(chunk: list[PendingArticle], settings: Settings) -> list[PreparedResult]:
    return [prepared(work.analyze(article, settings)) for article in chunk]


def _failed(chunk: list[PendingArticle], version: str, why: str) -> list[PreparedResult]:
    return [prepared(AnalysisResult(a.id, version, error=why)) for a in chunk]


def exit_with_parent() -> None:
    """Run in a pool's worker process: exit once the parent is gone. A parent killed outright
    (``kill -9``, the out-of-memory killer) cannot stop its pool, and its workers would wait on
    their queue for ever; a thread notices the new parent within a second and ends the worker."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="allegiance-parent-watch", daemon=True).start()


def _pool(workers: int) -> cf.ProcessPoolExecutor:
    # fork: the workers inherit the pipeline the parent built (packs, automata) at no cost
    return cf.ProcessPoolExecutor(max_workers=workers, mp_context=mp.get_context("fork"),
                                  initializer=exit_with_parent)


def _kill(pool: cf.ProcessPoolExecutor) -> None:
    for proc in list(getattr(pool, "_processes", {}).values()):
        proc.kill()
    pool.shutdown(wait=False, cancel_futures=True)


def _submit(pool: cf.ProcessPoolExecutor, chunk: list[PendingArticle],
            settings: Settings) -> cf.Future[list[PreparedResult]]:
    """The chunk handed to the pool; a pool a worker broke before the hand-over gives a future
    holding that error, so that it is handled where results are awaited, like the chunks in flight."""
    try:
        return pool.submit(_work_chunk, chunk, settings)
    except cf.process.BrokenProcessPool as exc:
        return failed_future(exc)


def _pooled(articles: Iterable[PendingArticle], settings: Settings, workers: int,
            version: str, idle: Callable[[bool], None] | None = None) -> Iterator[PreparedResult]:
    """Results in input order from ``workers`` processes, at most ``4 * workers`` chunks in flight.
    ``idle(draining)`` is called when the next result is not ready yet, before waiting for it
    (``draining``: every input is handed over)."""
    hard = settings.analysis_time_limit * CHUNK + 60 if settings.analysis_time_limit > 0 else None
    pool = _pool(workers)
    flight: collections.deque[tuple[list[PendingArticle], cf.Future[list[PreparedResult]]]] = collections.deque()
    source = _chunks(articles, CHUNK, workers)
    draining = False
    try:
        while True:
            while not draining and len(flight) < 4 * workers:
                if (chunk := next(source, None)) is None:
                    draining = True
                else:
                    flight.append((chunk, _submit(pool, chunk, settings)))
            if not flight:
                return
            chunk, future = flight.popleft()
            if idle is not None and not future.done():
                idle(draining)
            try:
                yield from future.result(timeout=hard)
            except cf.TimeoutError:  # the chunk waited on is the one that hangs
                log.error("articles %s: %s; the pool is restarted", [a.id for a in chunk], _HUNG)
                yield from _failed(chunk, version, _HUNG)
                _kill(pool)
                pool = _pool(workers)
                flight = collections.deque((c, _submit(pool, c, settings)) for c, _f in flight)
            except cf.process.BrokenProcessPool:  # any chunk in flight may have killed the worker
                suspects = [chunk] + [c for c, _f in flight]
                flight.clear()
                _kill(pool)
                pool = _pool(workers)
                for c in suspects:  # one at a time: only a chunk that kills a worker again is failed
                    try:
                        yield from _submit(pool, c, settings).result(timeout=hard)
                    except (cf.TimeoutError, cf.process.BrokenProcessPool) as exc:
                        why = _HUNG if isinstance(exc, cf.TimeoutError) else _DIED
                        log.error("articles %s: %s; the pool is restarted", [a.id for a in c], why)
                        yield from _failed(c, version, why)
                        _kill(pool)
                        pool = _pool(workers)
    finally:
        if flight:
            _kill(pool)
        else:
            pool.shutdown(wait=True)


def warm_for_store(store: Store, pipeline: Pipeline) -> None:
    """Build what the analysis of the articles left to analyse will read, before workers fork:
    the words of their languages, and for a language read through lemmas or a text with Cyrillic
    letters the lemma automaton and the pymorphy3 dictionaries (which a run of texts without
    Cyrillic never loads; each worker would otherwise build its own)."""
    found = store.unanalysed_languages(pipeline.version)
    pipeline.warm(tuple(sorted({lang for lang, _c in found if lang})), cyrillic=any(c for _l, c in found))


def analyze_store(store: Store, pipeline: Pipeline | None = None,
                  on_article: Callable[[str], None] | None = None, settings: Settings | None = None,
                  workers: int | None = None, warm: bool = True) -> AnalyzeSummary:
    """Analyse every article not yet analysed with this pack version; store the layers.

    ``workers`` (default: the ``workers`` setting, 0 meaning one per core) processes run the map;
    with 1 it runs in this process. ``pipeline`` replaces the default pipeline of the settings.
    ``warm``: first :func:`warm_for_store` (a caller that did it already says False).
    """
    from ..store.aggregates import aggregates_fresh, rebuild_stance_aggregates

    settings = settings or Settings()
    count = workers if workers is not None else settings.workers
    count = count if count > 0 else default_workers()
    previous, work.injected = work.injected, pipeline if pipeline is not None else work.injected
    try:
        built = work.pipeline_for(settings)  # built here once; forked workers inherit it
        if warm:
            warm_for_store(store, built)
        version = built.version
        summary = AnalyzeSummary(pack_version=version)
        writer = ResultWriter(store, settings.batch_size, summary, on_article)
        articles = pending_articles(store, version, settings.max_analysed_chars)
        if count == 1:
            results: Iterable[AnalysisResult | PreparedResult] = (work.analyze(a, settings) for a in articles)
        else:
            results = _pooled(articles, settings, count, version, writer.idle)
        for result in results:
            writer.add(result)
        writer.flush()
    finally:
        work.injected = previous
    if not aggregates_fresh(store.db):
        with store.transaction() as db:
            rebuild_stance_aggregates(db)
    return summary
