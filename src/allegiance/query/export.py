"""Exports of the store: JSON Lines of articles (and, as later stages land, their layers)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from typing import IO, Any

from ..errors import AllegianceError
from ..store.db import Store

__all__ = ["EXPORT_FORMATS", "article_records", "doc_eval_record", "eval_record", "eval_records", "export_articles"]

EXPORT_FORMATS = ("jsonl", "eval")

_FIELDS = ("title", "author", "published", "site", "source", "language", "url", "canonical_url")


def _statement_record(st: sqlite3.Row, text: str) -> dict[str, Any]:
    keys = ("kind", "start", "end", "subject", "predicate", "object", "issue", "polarity", "modality", "speaker",
            "time", "value", "unit", "confidence", "extractor", "pack_version")
    record = {k: st[k] for k in keys}
    record["topics"] = json.loads(st["topics"])
    record["evidence"] = text[st["start"]:st["end"]]
    record["factuality"] = st["factuality"]
    for role in ("subject", "speaker"):  # the span of the mention the subject or speaker was read from
        start, end = st[f"{role}_start"], st[f"{role}_end"]
        record[f"{role}_span"] = [start, end] if start is not None else None
    return record


def article_records(store: Store) -> Iterator[dict[str, Any]]:
    """One dict per article: export id, file, metadata, cluster and stored text."""
    for row in store.articles():
        record: dict[str, Any] = {"id": row["export_id"], "article_id": row["id"], "file": row["file_name"]}
        record.update({field: row[field] for field in _FIELDS})
        record["cluster"] = row["cluster_id"]
        record["text"] = row["text"]
        record["mentions"] = [{k: m[k] for k in ("start", "end", "text", "entity_id", "type", "kind", "confidence")}
                              for m in store.mentions(row["id"])]
        analysis = store.analysis(row["id"])
        record["genre"] = analysis["genre"] if analysis is not None else None
        record["statements"] = [_statement_record(st, row["text"]) for st in store.statements(row["id"])]
        yield record


_GROUPS = {"state": "states", "alliance": "alliances", "person": "persons"}


def _get(obj: Any, key: str) -> Any:
    return obj[key] if isinstance(obj, sqlite3.Row) else getattr(obj, key)


def eval_record(export_id: str, text: str, mentions: Iterable[Any], statements: Iterable[Any]) -> dict[str, Any]:
    """One article in the scoring format of docs/eval-format.md, from mentions and statements
    (dataclasses of a fresh analysis or rows of the store)."""
    groups: dict[str, set[str]] = {"states": set(), "alliances": set(), "persons": set(), "organizations": set()}
    for m in mentions:
        if _get(m, "kind") == "role":  # a role noun ("the Kazakh president") does not name the person
            continue
        group = _GROUPS.get(_get(m, "type"), "organizations")
        groups[group].add(_get(m, "entity_id") if group in ("states", "alliances") else _get(m, "canonical"))
    record: dict[str, Any] = {"id": export_id, "entities": {k: sorted(v) for k, v in groups.items()},
                              "stances": [], "events": [], "quantities": [], "predictions": []}
    for st in statements:
        kind = _get(st, "kind")
        evidence = text[_get(st, "start"):_get(st, "end")]
        if kind == "stance":
            record["stances"].append({"actor": _get(st, "subject"), "issue": _get(st, "issue"),
                                      "stance": _get(st, "predicate"), "evidence": evidence})
        elif kind == "event":
            record["events"].append({"actor": _get(st, "subject"), "action": _get(st, "unit") or _get(st, "predicate"),
                                     "target": _get(st, "object"), "evidence": evidence})
        elif kind == "quantity":
            record["quantities"].append({"value": _get(st, "value"), "unit": _get(st, "unit"), "evidence": evidence})
        elif kind == "prediction":
            record["predictions"].append({"claim": _get(st, "unit") or evidence[:120], "evidence": evidence})
    return record


def doc_eval_record(doc: Any) -> dict[str, Any]:
    return eval_record(doc.id, doc.text, doc.mentions, doc.statements)


def eval_records(store: Store) -> Iterator[dict[str, Any]]:
    """Every article of the store in the scoring format, ids as in the ``jsonl`` export."""
    for row in store.articles():
        yield eval_record(row["export_id"], row["text"], store.mentions(row["id"]), store.statements(row["id"]))


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
