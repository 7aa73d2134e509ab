"""Table exports of the store for analytics and other tools: statements and the stance matrix
as CSV, JSON Lines or Parquet (the ``parquet`` extra), and actor-to-actor relations (events and
stances) as GraphML for Gephi."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import IO, Any
from xml.sax.saxutils import escape, quoteattr

from ..errors import AllegianceError
from ..store.db import Store
from .views import stance_matrix

__all__ = ["TABLES", "TABLE_FORMATS", "statement_rows", "matrix_rows", "write_table", "write_graphml"]

TABLES = ("statements", "matrix")
TABLE_FORMATS = ("csv", "jsonl", "parquet")


def statement_rows(store: Store) -> list[dict[str, Any]]:
    rows = store.db.execute(
        """SELECT s.id, COALESCE(a.file_name, a.id) AS article, src.name AS source, s.kind, s.subject, s.predicate,
                  s.object, s.issue, s.polarity, s.modality, s.speaker, s.time, s.value, s.unit, s.topics,
                  s.confidence, s.extractor, s.pack_version, s.start, s.end,
                  substr(a.text, s.start + 1, s.end - s.start) AS evidence
           FROM statements s JOIN articles a ON a.id = s.article_id LEFT JOIN sources src ON src.id = a.source_id
           ORDER BY a.rowid, s.start, s.id""")
    return [dict(r) for r in rows]


def matrix_rows(store: Store, period: str = "year") -> list[dict[str, Any]]:
    out = []
    for cell in stance_matrix(store, period):
        out.append({"state": cell.state, "issue": cell.issue, "period": cell.period, "prevailing": cell.prevailing,
                    "independent_sources": cell.sources, "contradiction": cell.contradiction,
                    **{f"count_{k}": cell.counts.get(k, 0) for k in ("support", "oppose", "neutral", "distance")},
                    "latest_evidence": cell.latest["text"], "latest_article": cell.latest["article"]})
    return out


def write_table(rows: list[dict[str, Any]], fmt: str, out: IO[str] | None = None, path: Path | None = None) -> int:
    """Write rows as CSV or JSON Lines to ``out``, or as Parquet to ``path``."""
    if fmt not in TABLE_FORMATS:
        raise AllegianceError(f"unknown table format {fmt!r}; one of {', '.join(TABLE_FORMATS)}", code="bad_format")
    if fmt == "parquet":
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError as exc:
            raise AllegianceError("Parquet export needs pyarrow: pip install 'allegiance[parquet]'",
                                  code="missing_extra") from exc
        if path is None:
            raise AllegianceError("Parquet needs an output file (-o FILE)", code="bad_output")
        pq.write_table(pa.Table.from_pylist(rows), path)
        return len(rows)
    assert out is not None
    if fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
    elif rows:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return len(rows)


def write_graphml(store: Store, out: IO[str]) -> int:
    """Actors as nodes; an edge per (actor, target, relation) from events and stances, weighted by
    the number of statements. Returns the number of edges."""
    edges: dict[tuple[str, str, str], int] = {}
    for row in store.db.execute(
            "SELECT subject, object, kind, predicate, issue FROM statements "
            "WHERE kind IN ('event', 'stance') AND subject IS NOT NULL AND object IS NOT NULL"):
        targets = ["RUS"] if row["kind"] == "stance" and row["issue"] == "russia_war_in_ukraine" else [
            t.strip() for t in str(row["object"]).split(";") if t.strip()]
        relation = f"stance:{row['predicate']}" if row["kind"] == "stance" else row["predicate"]
        for target in targets:
            if target != row["subject"]:
                key = (row["subject"], target, relation)
                edges[key] = edges.get(key, 0) + 1
    nodes = sorted({n for s, t, _r in edges for n in (s, t)})
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n'
              '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n'
              '  <key id="label" for="node" attr.name="label" attr.type="string"/>\n'
              '  <key id="relation" for="edge" attr.name="relation" attr.type="string"/>\n'
              '  <key id="weight" for="edge" attr.name="weight" attr.type="int"/>\n'
              '  <graph id="allegiance" edgedefault="directed">\n')
    for node in nodes:
        out.write(f'    <node id={quoteattr(node)}><data key="label">{escape(node)}</data></node>\n')
    for i, ((source, target, relation), weight) in enumerate(sorted(edges.items())):
        out.write(f'    <edge id="e{i}" source={quoteattr(source)} target={quoteattr(target)}>'
                  f'<data key="relation">{escape(relation)}</data><data key="weight">{weight}</data></edge>\n')
    out.write("  </graph>\n</graphml>\n")
    return len(edges)
