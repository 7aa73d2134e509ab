"""The ingest stage: inputs → articles in the store, with duplicates, clusters and rejections."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from importlib import metadata
from typing import BinaryIO

from ..errors import AllegianceError
from ..records import Article, RawInput, Rejection
from ..settings import Settings
from ..store.db import Store
from .dedup import NearDuplicateIndex, signature
from .reader import read_article
from .sources import iter_inputs

__all__ = ["IngestSummary", "ingest", "software_versions"]

log = logging.getLogger(__name__)


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


def software_versions() -> dict[str, str]:
    versions = {}
    for dist in ("allegiance", "trafilatura", "htmldate", "datasketch", "py3langid"):
        try:
            versions[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            versions[dist] = "not installed"
    return versions


class _Writer:
    """Batches writes: a transaction is opened on the first write and committed every ``size``."""

    def __init__(self, store: Store, size: int) -> None:
        self.store, self.size, self.pending = store, max(1, size), 0

    def __enter__(self) -> _Writer:
        return self

    def touch(self) -> None:
        if self.pending == 0:
            self.store.db.execute("BEGIN IMMEDIATE")
        self.pending += 1
        if self.pending >= self.size:
            self.flush()

    def flush(self) -> None:
        if self.pending:
            self.store.db.execute("COMMIT")
            self.pending = 0

    def __exit__(self, exc_type: object, *rest: object) -> None:
        if self.pending and exc_type is not None:
            self.store.db.execute("ROLLBACK")
            self.pending = 0
        self.flush()


def _store_article(article: Article, store: Store, index: NearDuplicateIndex, summary: IngestSummary) -> None:
    run_id = summary.run_id
    if store.has_article(article.id):
        store.add_input(article.origin, article.id, article.file_name, run_id)
        summary.duplicates += 1
        return
    mh = signature(article.text, index.num_perm)
    match = index.add(article.id, mh)
    store.add_article(article, index.dump(mh), run_id)
    store.add_input(article.origin, article.id, article.file_name, run_id)
    if match is not None:
        other, similarity = match
        store.set_cluster(article.id, store.cluster_of(other) or other, similarity)
        summary.near_duplicates += 1
    else:
        store.set_cluster(article.id, article.id, 1.0)
    summary.stored += 1


def ingest(
    targets: list[str],
    store: Store,
    settings: Settings,
    *,
    command: str = "ingest",
    stdin: BinaryIO | None = None,
    on_item: Callable[[str, IngestSummary], None] | None = None,
) -> IngestSummary:
    """Read every input named by ``targets`` into ``store``; return the run's counts.

    Inputs already stored (same origin) are skipped, so re-running changes nothing. Each batch
    of writes is one transaction: a run killed at any point leaves a valid database, and
    running it again completes the work.
    """
    summary = IngestSummary(run_id=store.start_run(command, settings.recorded(), software_versions()))
    index = NearDuplicateIndex(settings.near_duplicate_threshold, settings.minhash_permutations)
    for key, blob in store.signatures():
        index.load(key, blob)
    with _Writer(store, settings.batch_size) as writer:
        for item in iter_inputs(targets, settings, stdin=stdin):
            summary.read += 1
            if isinstance(item, Rejection):
                writer.touch()
                store.add_rejection(item, summary.run_id)
                summary.rejected += 1
            elif store.has_origin(item.origin):
                summary.unchanged += 1
            else:
                _read_and_store(item, store, settings, index, summary, writer)
            if on_item is not None:
                on_item(item.origin, summary)
    store.finish_run(summary.run_id, summary.counts())
    log.info("ingest run %d: %s", summary.run_id, summary.counts())
    return summary


def _read_and_store(raw: RawInput, store: Store, settings: Settings, index: NearDuplicateIndex,
                    summary: IngestSummary, writer: _Writer) -> None:
    try:
        article = read_article(raw, settings)
    except AllegianceError as exc:
        writer.touch()
        store.add_rejection(Rejection(raw.origin, exc.code, exc.message), summary.run_id)
        summary.rejected += 1
        return
    except Exception as exc:  # a library bug on hostile input must not end the run
        log.exception("unexpected error reading %s", raw.origin)
        writer.touch()
        store.add_rejection(Rejection(raw.origin, "bad_input", f"unexpected error: {exc!r}"), summary.run_id)
        summary.rejected += 1
        return
    writer.touch()
    _store_article(article, store, index, summary)
