"""Ingest's map on worker processes: :func:`~allegiance.ingest.pipeline.prepare` (decode, extract,
clean, language, id, MinHash) of each input, in input order, while the store writes stay in this
process (one writer).

A small ingest never pays for a pool: the first :data:`POOL_AFTER` inputs are prepared here, and
only a longer one starts ``workers`` processes (the ``workers`` setting, 0 meaning one per core,
1 no pool). Inputs go to the workers in chunks of :data:`CHUNK`, at most :data:`AHEAD` chunks per
worker in flight, so memory stays bounded. When a worker dies (out of memory, killed), the chunks in flight
are prepared again one at a time on a fresh pool: only the chunk that kills a worker again turns
into ``internal_error`` rejections; the run goes on.
"""

from __future__ import annotations

import collections
import concurrent.futures as cf
import logging
import multiprocessing as mp
import signal
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from ..records import RawInput, Rejection
from ..settings import Settings

if TYPE_CHECKING:
    from .pipeline import Prepared

__all__ = ["AHEAD", "CHUNK", "POOL_AFTER", "failed_future", "prepared_in_order"]

log = logging.getLogger(__name__)

POOL_AFTER = 32
CHUNK = 8
#: Chunks in flight per worker: enough that the workers stay busy while the writer writes a batch
#: or does its caller's work (``run`` builds the analysis pipeline while ingest's workers prepare).
AHEAD = 4

#: (origin, input to prepare, a rejection, or None for an input already stored)
Entry = tuple[str, "RawInput | Rejection | None"]
#: (origin, the prepared article, a rejection, or None)
Done = tuple[str, "Prepared | Rejection | None"]


def failed_future(exc: BaseException) -> cf.Future[Any]:
    """A future that holds ``exc``: what a broken pool's ``submit`` stands for, so that one handler
    (where results are awaited) deals with every chunk a dead worker took down."""
    future: cf.Future[Any] = cf.Future()
    future.set_exception(exc)
    return future


def _worker_start() -> None:
    from ..runner.local import exit_with_parent

    # Ctrl-C is the parent's to handle (it stops the pool); a worker must not print a traceback
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    exit_with_parent()


def _prepare_chunk(chunk: list[Entry], settings: Settings) -> list[Done]:
    from .pipeline import prepare

    return [(origin, prepare(x, settings) if isinstance(x, RawInput) else x) for origin, x in chunk]


class _Workers:
    """The pool, restarted when a worker dies."""

    def __init__(self, count: int) -> None:
        self.count = count
        self.pool = self._start()

    def _start(self) -> cf.ProcessPoolExecutor:
        return cf.ProcessPoolExecutor(max_workers=self.count, mp_context=mp.get_context("fork"),
                                      initializer=_worker_start)

    def submit(self, chunk: list[Entry], settings: Settings) -> cf.Future[list[Done]]:
        try:
            return self.pool.submit(_prepare_chunk, chunk, settings)
        except cf.process.BrokenProcessPool as exc:  # a worker died before this chunk was handed over:
            return failed_future(exc)  # it fails where the results are awaited, as the others in flight do

    def restart(self) -> None:
        self.stop()
        self.pool = self._start()

    def stop(self) -> None:
        for proc in list(getattr(self.pool, "_processes", {}).values()):
            proc.kill()
        self.pool.shutdown(wait=False, cancel_futures=True)


def _died(chunk: list[Entry]) -> list[Done]:
    why = "the worker process preparing it died (out of memory or killed)"
    return [(o, Rejection(o, "internal_error", why) if isinstance(x, RawInput) else x) for o, x in chunk]


def _chunks(entries: Iterator[Entry]) -> Iterator[list[Entry]]:
    chunk: list[Entry] = []
    for entry in entries:
        chunk.append(entry)
        if len(chunk) >= CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _one_by_one(chunks: list[list[Entry]], settings: Settings, workers: _Workers) -> Iterator[Done]:
    """After a worker died: the chunks that were in flight, each alone on a fresh pool, so that
    only the chunk that kills a worker again is lost (the others were in flight by chance)."""
    for chunk in chunks:
        try:
            yield from workers.submit(chunk, settings).result()
        except cf.process.BrokenProcessPool:
            log.error("inputs %s: the worker process died on them; the pool is restarted", [o for o, _x in chunk])
            workers.restart()
            yield from _died(chunk)


def _pooled(entries: Iterator[Entry], settings: Settings, count: int,
            idle: Callable[[bool], None] | None = None) -> Iterator[Done]:
    """Prepared inputs in order from ``count`` processes; ``idle(draining)`` is called when the
    next one is not ready yet, before waiting for it (``draining``: every input is handed over)."""
    workers = _Workers(count)
    flight: collections.deque[tuple[list[Entry], cf.Future[list[Done]]]] = collections.deque()
    source = _chunks(entries)
    draining = False
    try:
        while True:
            while not draining and len(flight) < AHEAD * count:
                if (chunk := next(source, None)) is None:
                    draining = True
                else:
                    flight.append((chunk, workers.submit(chunk, settings)))
            if not flight:
                return
            chunk, future = flight.popleft()
            if idle is not None and not future.done():
                idle(draining)
            try:
                yield from future.result()
            except cf.process.BrokenProcessPool:
                suspects = [chunk] + [c for c, _f in flight]
                flight.clear()
                workers.restart()
                yield from _one_by_one(suspects, settings, workers)
    finally:
        if flight:
            workers.stop()
        else:
            workers.pool.shutdown(wait=True)


def prepared_in_order(entries: Iterator[Entry], settings: Settings,
                      idle: Callable[[bool], None] | None = None) -> Iterator[Done]:
    """``(origin, prepared item)`` for each entry, in order: a :class:`RawInput` becomes what
    ``prepare`` makes of it; a rejection or ``None`` passes through. ``idle``: see :func:`_pooled`
    (called only once a pool prepares)."""
    from ..runner.local import default_workers
    from .pipeline import prepare

    workers = settings.workers if settings.workers > 0 else default_workers()
    prepared = 0
    for origin, entry in entries:
        if not isinstance(entry, RawInput):
            yield origin, entry
            continue
        yield origin, prepare(entry, settings)
        prepared += 1
        if prepared >= POOL_AFTER and workers > 1:
            yield from _pooled(entries, settings, workers, idle)
            return
