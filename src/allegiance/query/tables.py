"""Table exports of the store for analytics and other tools: statements and the stance matrix
as CSV, JSON Lines or Parquet (the ``parquet`` extra), and actor-to-actor relations (events and
stances) as GraphML for Gephi (written by networkx).

CSV is for spreadsheets: every cell is a flat value (a list or a table is JSON-encoded), text is
never cut, and a text cell that a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@``,
tab, carriage return at the start) is prefixed with an apostrophe."""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from ..errors import AllegianceError
from ..kb.langdata import load_issues
from ..store.db import Store
from .views import MatrixCell, stance_matrix

if TYPE_CHECKING:
    from ..kb.knowledge import KnowledgeBase

__all__ = ["TABLES", "TABLE_FORMATS", "statement_rows", "matrix_rows", "cell_row", "csv_cell", "write_csv",
           "write_table", "relation_graph", "write_graphml"]

TABLES = ("statements", "matrix")
TABLE_FORMATS = ("csv", "jsonl", "parquet")

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """One CSV cell: lists and tables JSON-encoded, formula-like text neutralised, the rest as is."""
    if isinstance(value, (dict, list, tuple, set)):
        value = json.dumps(sorted(value) if isinstance(value, set) else value, ensure_ascii=False, default=str)
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def write_csv(rows: list[dict[str, Any]], out: IO[str]) -> int:
    """Rows as CSV with a header of every key seen (in first-seen order), cells made safe."""
    if not rows:
        return 0
    fields: dict[str, None] = {}
    for row in rows:
        fields.update(dict.fromkeys(row))
    writer = csv.DictWriter(out, fieldnames=list(fields), restval="")
    writer.writeheader()
    writer.writerows({k: csv_cell(v) for k, v in row.items()} for row in rows)
    return len(rows)


def statement_rows(store: Store) -> list[dict[str, Any]]:
    rows = store.db.execute(
        """SELECT s.id, COALESCE(a.file_name, a.id) AS article, src.name AS source, a.url, a.published,
                  s.kind, s.subject, s.predicate, s.object, s.issue, s.polarity, s.modality, s.speaker, s.time,
                  s.value, s.unit, s.topics, s.confidence, s.extractor, s.pack_version, s.start, s.end,
                  substr(a.text, s.start + 1, s.end - s.start) AS evidence
           FROM effective_statements s JOIN articles a ON a.id = s.article_id
           LEFT JOIN sources src ON src.id = a.source_id
           ORDER BY a.rowid, s.start, s.id""")
    out = []
    for r in rows:
        row = dict(r)
        row["topics"] = "; ".join(json.loads(row["topics"] or "[]"))
        out.append(row)
    return out




def cell_row(cell: MatrixCell) -> dict[str, Any]:
    """One matrix cell as a flat row: a count column per label, the latest evidence whole.
    (The one place the exports read a :class:`MatrixCell`'s fields.)"""
    issue = load_issues().get(cell.issue)
    known = list(issue.labels) if issue else []
    labels = known + sorted(set(cell.counts) - set(known))
    latest = cell.latest or {}
    return {"state": cell.state, "state_name": cell.state_name, "issue": cell.issue, "period": cell.period,
            "label": cell.label, "prevailing": cell.prevailing, "contested": cell.contested,
            "stories": cell.stories, "total_stories": cell.total_stories, "contradiction": cell.contradiction,
            **{f"count_{k}": cell.counts.get(k, 0) for k in labels},
            "latest_evidence": latest.get("text"), "latest_article": latest.get("article"),
            "latest_source": latest.get("source"), "latest_time": latest.get("time")}


def matrix_rows(store: Store, period: str = "year", issue: str | None = None,
                states: list[str] | None = None) -> list[dict[str, Any]]:
    return [cell_row(cell) for cell in stance_matrix(store, period, issue, states)]


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
    if out is None:
        raise AllegianceError(f"{fmt} needs an output stream", code="bad_output")
    if fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
        return len(rows)
    return write_csv(rows, out)


_RELATIONS_SQL = """
    SELECT s.id, s.kind, s.subject, s.predicate, s.object, s.issue, s.modality, COALESCE(s.time, a.published) AS date,
           COALESCE(a.file_name, a.id) AS article, a.url, src.name AS source,
           substr(a.text, s.start + 1, s.end - s.start) AS evidence
    FROM effective_statements s JOIN articles a ON a.id = s.article_id LEFT JOIN sources src ON src.id = a.source_id
    WHERE s.kind IN ('event', 'stance') AND s.subject IS NOT NULL
    ORDER BY a.rowid, s.start, s.id"""


def _targets(row: Any) -> list[str]:
    if row["kind"] == "stance":  # a stance on the war is a relation to the state waging it
        issue = load_issues().get(row["issue"] or "")
        return [issue.relation_target] if issue and issue.relation_target else []
    return [t.strip() for t in str(row["object"] or "").split(";") if t.strip()]


def relation_graph(store: Store, kb: KnowledgeBase | None = None) -> Any:
    """A networkx multigraph: actors as nodes (name and type from the knowledge base), one edge per
    statement from actor to target with its relation, date, article, source, URL and evidence."""
    import networkx as nx

    from ..kb.knowledge import load_knowledge_base

    kb = kb or load_knowledge_base()
    graph = nx.MultiDiGraph(name="allegiance relations")
    for row in store.db.execute(_RELATIONS_SQL):
        relation = f"stance:{row['predicate']}" if row["kind"] == "stance" else row["predicate"]
        subject = _xml_text(row["subject"])
        for target in map(_xml_text, _targets(row)):
            if target == subject:
                continue
            for node in (subject, target):
                if node not in graph:
                    entity = kb.get(node)
                    graph.add_node(node, name=entity.canonical if entity else node,
                                   type=entity.type if entity else "unlisted")
            graph.add_edge(subject, target, key=f"s{row['id']}", relation=_xml_text(relation), kind=row["kind"],
                           **_strings(row, ("date", "article", "source", "url", "modality", "evidence")),
                           weight=1)
    return graph


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _strings(row: Any, keys: Iterable[str]) -> dict[str, str]:
    """Text attributes: GraphML has no null, and XML 1.0 no control characters."""
    return {k: _xml_text(row[k]) for k in keys}


def _xml_text(value: Any) -> str:
    return "" if value is None else _NOT_XML.sub("\ufffd", str(value))


def write_graphml(store: Store, out: IO[str], kb: KnowledgeBase | None = None) -> int:
    """The relation graph as GraphML (networkx's writer); returns the number of edges."""
    import networkx as nx

    graph = relation_graph(store, kb)
    for line in nx.generate_graphml(graph, encoding="utf-8", prettyprint=True):
        out.write(line + "\n")
    return int(graph.number_of_edges())
