"""Exports of the store: JSON Lines of articles (and, as later stages land, their layers)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO, Any

from ..errors import AllegianceError
from ..store.db import Store

__all__ = ["EXPORT_FORMATS", "article_records", "eval_records", "export_articles"]

EXPORT_FORMATS = ("jsonl", "eval")

_FIELDS = ("title", "author", "published", "site", "source", "language", "url", "canonical_url")


def article_records(store: Store) -> Iterator[dict[str, Any]]:
    """One dict per article: export id, file, metadata, cluster and stored text."""
    for row in store.articles():
        record: dict[str, Any] = {"id": row["export_id"], "article_id": row["id"], "file": row["file_name"]}
        record.update({field: row[field] for field in _FIELDS})
        record["cluster"] = row["cluster_id"]
        record["text"] = row["text"]
        record["mentions"] = [{k: m[k] for k in ("start", "end", "text", "entity_id", "type", "kind", "confidence")}
                              for m in store.mentions(row["id"])]
        yield record


_GROUPS = {"state": "states", "alliance": "alliances", "person": "persons"}


def _entities(store: Store, article_id: str) -> dict[str, list[str]]:
    groups: dict[str, set[str]] = {"states": set(), "alliances": set(), "persons": set(), "organizations": set()}
    for m in store.mentions(article_id):
        if m["kind"] == "role":  # a role noun ("the Kazakh president") does not name the person
            continue
        group = _GROUPS.get(m["type"], "organizations")
        groups[group].add(m["entity_id"] if group in ("states", "alliances") else m["canonical"])
    return {k: sorted(v) for k, v in groups.items()}


def eval_records(store: Store) -> Iterator[dict[str, Any]]:
    """Records in the scoring format of ../shared/eval/SCHEMA.md (statement lists empty until that stage)."""
    for row in store.articles():
        yield {"id": row["export_id"], "entities": _entities(store, row["id"]), "stances": [], "events": [],
               "quantities": [], "predictions": []}


def export_articles(store: Store, out: IO[str], fmt: str = "jsonl") -> int:
    """Write the store in ``fmt`` to ``out``; return the number of records written."""
    if fmt not in EXPORT_FORMATS:
        raise AllegianceError(f"unknown export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}",
                              code="bad_format")
    n = 0
    records = eval_records(store) if fmt == "eval" else article_records(store)
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n
