"""Exports of the store: JSON Lines of articles (and, as later stages land, their layers)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO, Any

from ..errors import AllegianceError
from ..store.db import Store

__all__ = ["EXPORT_FORMATS", "article_records", "export_articles"]

EXPORT_FORMATS = ("jsonl",)

_FIELDS = ("title", "author", "published", "site", "source", "language", "url", "canonical_url")


def article_records(store: Store) -> Iterator[dict[str, Any]]:
    """One dict per article: export id, file, metadata, cluster and stored text."""
    for row in store.articles():
        record: dict[str, Any] = {"id": row["export_id"], "article_id": row["id"], "file": row["file_name"]}
        record.update({field: row[field] for field in _FIELDS})
        record["cluster"] = row["cluster_id"]
        record["text"] = row["text"]
        yield record


def export_articles(store: Store, out: IO[str], fmt: str = "jsonl") -> int:
    """Write the store in ``fmt`` to ``out``; return the number of records written."""
    if fmt not in EXPORT_FORMATS:
        raise AllegianceError(f"unknown export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}",
                              code="bad_format")
    n = 0
    for record in article_records(store):
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n
