"""Loading the Parquet results of a distributed run into a local store (needs pyarrow only)."""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from ..records import Article
from ..settings import Settings
from ..store.db import Store

__all__ = ["load_results"]

Rows = Callable[[Path], Iterator[dict[str, Any]]]
_ARTICLE_FIELDS = ("id", "text", "origin", "kind", "file_name", "title", "author", "published", "site", "source",
                   "language", "url", "canonical_url", "encoding", "removed_lines")


def _by_order(rows: Iterator[dict[str, Any]]) -> Iterator[tuple[int, list[dict[str, Any]]]]:
    for order, group in itertools.groupby(rows, key=lambda r: int(r["order"])):
        yield order, list(group)


class _Aligned:
    """Rows of one table for the article at ``order`` (every table is sorted by order)."""

    def __init__(self, rows: Iterator[dict[str, Any]]) -> None:
        self.groups = _by_order(rows)
        self.head: tuple[int, list[dict[str, Any]]] | None = next(self.groups, None)

    def take(self, order: int) -> list[dict[str, Any]]:
        while self.head is not None and self.head[0] < order:
            self.head = next(self.groups, None)
        if self.head is not None and self.head[0] == order:
            rows, self.head = self.head[1], next(self.groups, None)
            return rows
        return []


def _store_article(store: Store, row: dict[str, Any], clusters: dict[str, tuple[str, float]], settings: Settings,
                   had_articles: bool, run_id: int) -> int:
    from ..ingest.dedup import find_near_duplicate, index_signature
    from ..ingest.pipeline import _named
    from ..store.lsh import unpack_signature

    article = Article(**{k: row[k] for k in _ARTICLE_FIELDS})  # type: ignore[arg-type]
    if store.has_origin(article.origin):
        return 0
    if store.has_article(article.id):
        store.add_input(article.origin, article.id, article.file_name, run_id)
        store.fill_metadata(article)  # as a local ingest does: the copy's date or URL where the stored one has none
        return 0
    article = _named(store, article)  # an export id no other stored article has, as a local ingest gives
    sig = unpack_signature(row["minhash"])
    match = clusters.get(article.id)
    if match is None and had_articles:  # the run clustered within itself; the store may hold older copies
        found = find_near_duplicate(store.db, article.id, sig, settings.near_duplicate_threshold)
        match = (store.cluster_of(found[0]) or found[0], found[1]) if found else None
    store.add_article(article, row["minhash"], run_id)
    index_signature(store.db, article.id, sig, settings.near_duplicate_threshold)
    store.add_input(article.origin, article.id, article.file_name, run_id)
    cluster, similarity = match if match else (article.id, 1.0)
    store.set_cluster(article.id, store.cluster_of(cluster) or cluster, similarity)
    return 1


def _store_analysis(store: Store, analysis: dict[str, Any], mentions: list[dict[str, Any]],
                    statements: list[dict[str, Any]]) -> int:
    from ..nlp.doc import Mention, Statement
    from .work import AnalysisResult

    if analysis["error"] is not None:
        store.record_analysis_error(analysis["article_id"], analysis["pack_version"], analysis["error"])
        return 0
    skip = {"article_id", "order", "pack_version"}
    result = AnalysisResult(
        analysis["article_id"], analysis["pack_version"],
        tuple(Mention(**{k: v for k, v in m.items() if k not in skip}) for m in mentions),
        tuple(Statement(**{**{k: v for k, v in s.items() if k not in skip}, "topics": tuple(json.loads(s["topics"]))})
              for s in statements),
        analysis["genre"], analysis["analysed_chars"])
    store.replace_analysis(result, result.pack_version, result.analysed_chars)
    return len(statements)


def load_results(folder: Path, settings: Settings, rows: Rows) -> dict[str, int]:
    from ..ingest.pipeline import resign, software_versions
    from ..store.aggregates import aggregates_fresh, rebuild_stance_aggregates

    counts = {"articles": 0, "mentions": 0, "statements": 0, "rejections": 0}
    clusters = {r["article_id"]: (r["cluster_id"], float(r["similarity"])) for r in rows(folder / "clusters")}
    size = max(1, settings.batch_size)
    with Store(settings.db, busy_timeout=settings.busy_timeout) as store:
        run_id = store.start_run("load-parquet", settings.as_dict(), software_versions())
        had_articles = store.count("articles") > 0
        resign(store, settings)  # the store's older copies, compared under the workers' scheme
        articles = rows(folder / "articles")
        while batch := list(itertools.islice(articles, size)):
            with store.transaction(), store.search_index_deferred():
                for row in batch:
                    counts["articles"] += _store_article(store, row, clusters, settings, had_articles, run_id)
        mentions, statements = _Aligned(rows(folder / "mentions")), _Aligned(rows(folder / "statements"))
        analyses = rows(folder / "analyses")
        while batch := list(itertools.islice(analyses, size)):
            with store.transaction(), store.search_index_deferred():
                for analysis in batch:
                    order = int(analysis["order"])
                    ms, ss = mentions.take(order), statements.take(order)
                    counts["mentions"] += len(ms) if analysis["error"] is None else 0
                    counts["statements"] += _store_analysis(store, analysis, ms, ss)
        rejections = rows(folder / "rejections")
        while batch := list(itertools.islice(rejections, size)):
            with store.transaction():
                for row in batch:
                    store.add_rejection(_rejection(row), run_id)
                    counts["rejections"] += 1
        store.finish_run(run_id, counts)
        if not aggregates_fresh(store.db):
            with store.transaction() as db:
                rebuild_stance_aggregates(db)
    return counts


def _rejection(row: dict[str, Any]) -> Any:
    from ..records import Rejection

    return Rejection(row["origin"], row["code"], row["message"])
