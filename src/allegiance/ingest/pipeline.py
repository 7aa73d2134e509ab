"""The ingest stage: inputs → articles in the store, with duplicates, clusters and rejections.

Two halves, as in the analysis: :func:`prepare` is the per-input work (decode, extract, clean,
language, id, MinHash signature), a pure function of one input and the settings that never
touches the store; :func:`ingest` reads and prepares a batch outside any transaction (fetches
included, so a slow server never holds the write lock), then writes the batch in one
transaction, clustering each article against the store itself (its LSH bands), so that
concurrent ingests into one database see each other's articles.
"""

from __future__ import annotations

import dataclasses
import gc
import logging
import sqlite3
from collections.abc import Callable, Iterator
from importlib import metadata
from typing import BinaryIO

from ..errors import AllegianceError
from ..records import Article, RawInput, Rejection
from ..settings import Settings
from ..store.db import Store
from .dedup import find_near_duplicate, index_signature, signature

__all__ = ["IngestSummary", "Prepared", "ingest", "prepare", "resign", "software_versions"]

log = logging.getLogger(__name__)

#: The collector's youngest-generation threshold while one input is prepared (see :func:`prepare`).
GC_YOUNG = 20_000


@dataclasses.dataclass
class IngestSummary:
    """Counts of one ingest run. ``read`` counts article-sized inputs and rejections seen."""

    run_id: int = 0
    read: int = 0
    stored: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    rejected: int = 0
    unchanged: int = 0

    def counts(self) -> dict[str, int]:
        return {k: v for k, v in dataclasses.asdict(self).items() if isinstance(v, int) and k != "run_id"}


@dataclasses.dataclass(frozen=True)
class Prepared:
    """An article ready to be stored: the article and its MinHash signature (stored form)."""

    article: Article
    signature: bytes


def software_versions() -> dict[str, str]:
    versions = {}
    for dist in ("allegiance", "trafilatura", "htmldate", "numpy", "py3langid"):
        try:
            versions[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            versions[dist] = "not installed"
    return versions


def prepare(raw: RawInput, settings: Settings) -> Prepared | Rejection:
    """One input's per-article work, never touching the store. Any error becomes the input's
    rejection: an :class:`AllegianceError` with its code, anything else as ``internal_error``.

    The collector's youngest generation is raised to :data:`GC_YOUNG` objects for the input, as
    the analysis does for an article (``nlp.pipeline.Pipeline.__call__``): a page's parse and
    extraction make element proxies, strings and lists by the ten thousand, freed by their
    reference counts, and the default threshold (700) ran a collection every few hundred of them
    (0.06-0.08 CPU-s of collections per 200 pages, the first page's imports included). The old
    thresholds are back once the input is done, whatever happens."""
    from ..store.lsh import pack_signature
    from .reader import read_article

    old = gc.get_threshold()
    if old[0] < GC_YOUNG:
        gc.set_threshold(GC_YOUNG, *old[1:])
    try:
        article = read_article(raw, settings)
        return Prepared(article, pack_signature(signature(article.text, settings.minhash_permutations)))
    except AllegianceError as exc:
        return Rejection(raw.origin, exc.code, exc.message)
    except Exception as exc:  # a library bug on hostile input must not end the run
        log.exception("unexpected error reading %s", raw.origin)
        return Rejection(raw.origin, "internal_error", f"{type(exc).__name__}: {exc}")
    finally:
        if old[0] < GC_YOUNG:
            gc.set_threshold(*old)


Item = Prepared | Rejection


def _entries(targets: list[str], store: Store, settings: Settings,
             stdin: BinaryIO | None) -> Iterator[tuple[str, RawInput | Rejection | None]]:
    """(origin, input to prepare) per input, a rejection, or ``None`` for an input already
    stored. Each target is read on its own, so an unexpected error in one stops only what is
    left of that target."""
    from .sources import iter_inputs, storable_origin

    for target in targets:
        try:
            for item in iter_inputs([target], settings, stdin=stdin):
                if isinstance(item, Rejection):
                    yield item.origin, item
                elif store.has_origin(item.origin):
                    yield item.origin, None
                else:
                    yield item.origin, item
        except Exception as exc:  # an input-level error is that input's rejection; the run goes on
            log.exception("unexpected error reading %s", target)
            origin = storable_origin(target)
            yield origin, Rejection(origin, "internal_error", storable_origin(f"{type(exc).__name__}: {exc}"))


def _items(targets: list[str], store: Store, settings: Settings, stdin: BinaryIO | None,
           idle: Callable[[bool], None] | None = None) -> Iterator[tuple[str, Item | None]]:
    """(origin, prepared item) per input, in input order, or ``None`` for an input already
    stored; a long ingest prepares on worker processes (:mod:`.parallel`), and ``idle`` is called
    when the next item is not ready yet."""
    from .parallel import prepared_in_order

    yield from prepared_in_order(_entries(targets, store, settings, stdin), settings, idle)


#: Items written early, while the writer would wait on the pool: at least this many, or whatever
#: is pending once every input is handed over (the last batch was written after the last input
#: was prepared: a serial tail).
EARLY = 32


def ingest(
    targets: list[str],
    store: Store,
    settings: Settings,
    *,
    command: str = "ingest",
    stdin: BinaryIO | None = None,
    on_item: Callable[[str, IngestSummary], None] | None = None,
    while_waiting: Callable[[], None] | None = None,
) -> IngestSummary:
    """Read every input named by ``targets`` into ``store``; return the run's counts.

    Inputs already stored (same origin) are skipped, so re-running changes nothing. Each batch
    of at most ``batch_size`` writes is one transaction, opened only once the batch is read: a run
    killed at any point leaves a valid database, and running it again completes the work. While
    worker processes prepare, a batch is written early when the writer would otherwise wait for
    them (from :data:`EARLY` items on, or all once every input is handed over), and
    ``while_waiting`` (once, at the first such wait) runs work of the caller's while the workers
    prepare: ``run`` builds the analysis pipeline there.
    """
    summary = IngestSummary(run_id=store.start_run(command, settings.recorded(), software_versions()))
    resign(store, settings)
    backfill_bands(store, settings)
    batch: list[Item] = []
    waiting = [while_waiting] if while_waiting is not None else []

    def idle(draining: bool) -> None:
        nonlocal batch
        if waiting:  # the caller's work first: the workers have the most left to do now
            waiting.pop()()
        elif batch and (draining or len(batch) >= min(max(1, settings.batch_size), EARLY)):
            write_batch(batch, store, settings, summary)
            batch = []

    for origin, item in _items(targets, store, settings, stdin, idle):
        summary.read += 1
        if item is None:
            summary.unchanged += 1
        else:
            batch.append(item)
            if len(batch) >= max(1, settings.batch_size):
                write_batch(batch, store, settings, summary)
                batch = []
        if on_item is not None:
            on_item(origin, summary)
    write_batch(batch, store, settings, summary)
    store.finish_run(summary.run_id, summary.counts())
    log.info("ingest run %d: %s", summary.run_id, summary.counts())
    return summary


def write_batch(batch: list[Item], store: Store, settings: Settings, summary: IngestSummary) -> None:
    """Write prepared items and rejections in one transaction (all of them or none)."""
    if not batch:
        return
    with store.transaction(), store.search_index_deferred():
        for item in batch:
            if isinstance(item, Rejection):
                store.add_rejection(item, summary.run_id)
                summary.rejected += 1
            else:
                _store_article(item, store, settings, summary)


def _named(store: Store, article: Article) -> Article:
    """``article`` with an export id no other stored article has (:meth:`Store.free_file_name`), and
    a note saying so where its own name was taken."""
    name = store.free_file_name(article.file_name, article.id)
    if name == article.file_name:
        return article
    log.warning("%s: the name %r is another article's already: stored as %r", article.origin, article.file_name, name)
    note = f"file_name_taken: {article.file_name!r} is another article's: stored as {name!r}"
    return dataclasses.replace(article, file_name=name,
                               ingest_note=f"{article.ingest_note} | {note}" if article.ingest_note else note)


def _store_article(item: Prepared, store: Store, settings: Settings, summary: IngestSummary) -> None:
    from ..store.lsh import unpack_signature

    article, run_id = item.article, summary.run_id
    if store.has_origin(article.origin):  # stored meanwhile, by this batch or another process
        summary.unchanged += 1
        return
    if store.has_article(article.id):
        store.add_input(article.origin, article.id, article.file_name, run_id)
        if filled := store.fill_metadata(article):  # the copy's date or URL, where the stored one has none
            log.info("%s: a copy of %s; its %s filled in", article.origin, article.id, ", ".join(filled))
        summary.duplicates += 1
        return
    article = _named(store, article)
    sig = unpack_signature(item.signature)
    match = find_near_duplicate(store.db, article.id, sig, settings.near_duplicate_threshold)
    store.add_article(article, item.signature, run_id)
    index_signature(store.db, article.id, sig, settings.near_duplicate_threshold)
    store.add_input(article.origin, article.id, article.file_name, run_id)
    if match is not None:
        other, similarity = match
        store.set_cluster(article.id, store.cluster_of(other) or other, similarity)
        summary.near_duplicates += 1
    else:
        store.set_cluster(article.id, article.id, 1.0)
    summary.stored += 1


def resign(store: Store, settings: Settings) -> int:
    """Re-sign the stored articles of a store written under another signature scheme (one
    transaction; :func:`.dedup.resign_signatures`); return how many signatures changed."""
    from .dedup import SCHEME, resign_signatures

    try:
        row = store.db.execute("SELECT scheme FROM signature_scheme").fetchone()
    except sqlite3.OperationalError:  # a schema pinned before m024 (tests of older stores): nowhere to record it
        return 0
    if row is not None and row[0] == SCHEME:  # no write transaction for a current store
        return 0
    with store.transaction():
        done = resign_signatures(store.db, settings.near_duplicate_threshold)
    if done:
        log.info("re-signed %d stored articles (signature scheme %s)", done, SCHEME)
    return done


def backfill_bands(store: Store, settings: Settings) -> int:
    """Give every stored signature its LSH bands at the current threshold (stores written before
    the bands were kept, or under another threshold); return how many articles were indexed."""
    from ..store.lsh import band_id, lsh_params, unpack_signature

    _bands, rows = lsh_params(settings.near_duplicate_threshold, settings.minhash_permutations)
    first = band_id(rows, 0)
    db = store.db
    stored = db.execute("SELECT count(*) FROM articles").fetchone()[0]  # an index count: no text read
    indexed = db.execute("SELECT count(*) FROM lsh_bands WHERE band = ?", (first,)).fetchone()[0]
    if indexed >= stored:
        return 0
    done = 0
    have = {r[0] for r in db.execute("SELECT article_id FROM lsh_bands WHERE band = ?", (first,))}
    with store.transaction():
        for key, blob in db.execute("SELECT id, minhash FROM articles WHERE minhash IS NOT NULL"):
            sig = unpack_signature(blob)
            if key not in have and len(sig) == settings.minhash_permutations:
                index_signature(db, str(key), sig, settings.near_duplicate_threshold)
                done += 1
    log.info("indexed the LSH bands of %d stored articles", done)
    return done
