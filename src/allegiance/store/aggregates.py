"""Pre-aggregated stance cells, rebuilt after each analysis run, so that the stance matrix reads
one row per (state, issue, period, label) instead of every stance statement.

For every period kind (month, quarter, year, all) a cell holds, per label, the number of
statements and of independent stories (near-duplicate clusters), and per cell the number of
stories, the latest statement and whether stories contradict each other (one says the state
backs the war, another that it opposes it or holds back, neither says both). "Latest" is the
statement with the latest date, ties going to the one written last, as in the direct query.
"""

from __future__ import annotations

import datetime as dt
import sqlite3

__all__ = ["PERIOD_SQL", "rebuild_stance_aggregates", "aggregates_fresh"]

PERIOD_SQL = {
    "year": "substr(t, 1, 4)",
    "month": "CASE WHEN length(t) >= 7 THEN substr(t, 1, 7) ELSE substr(t, 1, 4) END",
    "quarter": "CASE WHEN length(t) >= 7 THEN substr(t, 1, 4) || '-Q' || ((CAST(substr(t, 6, 2) AS INTEGER) + 2) / 3) "
               "ELSE substr(t, 1, 4) END",
    "all": "'all'",
}

_STORY_SQL = """
    WITH st AS (
        SELECT s.id, s.subject, s.issue, s.predicate, COALESCE(c.cluster_id, a.id) AS cluster,
               COALESCE(s.time, a.published) AS t
        FROM statements s JOIN articles a ON a.id = s.article_id LEFT JOIN clusters c ON c.article_id = a.id
        WHERE s.kind = 'stance' AND s.subject IS NOT NULL AND s.issue IS NOT NULL
    ), periods AS (
        SELECT id, subject, issue, predicate, cluster, COALESCE(t, '') || printf('%012d', id) AS recency,
               CASE WHEN t IS NULL OR substr(t, 1, 1) NOT BETWEEN '0' AND '9' THEN 'undated' ELSE {period} END AS period
        FROM st
    )
"""


def _state(db: sqlite3.Connection) -> tuple[int, int]:
    row = db.execute("SELECT count(*), COALESCE(max(id), 0) FROM statements WHERE kind = 'stance'").fetchone()
    return int(row[0]), int(row[1])


def aggregates_fresh(db: sqlite3.Connection) -> bool:
    """True when the cells were built from the stance statements now in the store."""
    row = db.execute("SELECT statements, max_id FROM aggregate_state WHERE name = 'stance_cells'").fetchone()
    return row is not None and (int(row[0]), int(row[1])) == _state(db)


def rebuild_stance_aggregates(db: sqlite3.Connection) -> None:
    """Recompute every stance cell (inside the caller's transaction)."""
    db.execute("DELETE FROM stance_cells")
    db.execute("DELETE FROM stance_cell_flags")
    for kind, expression in PERIOD_SQL.items():
        head = _STORY_SQL.format(period=expression)
        db.execute(head + f"""
            INSERT INTO stance_cells(period_kind, period, subject, issue, label, statements, stories, latest_id)
            SELECT '{kind}', period, subject, issue, predicate, count(*), count(DISTINCT cluster),
                   CAST(substr(max(recency), -12) AS INTEGER)
            FROM periods GROUP BY period, subject, issue, predicate""")
        db.execute(head + f""", stories AS (
                SELECT period, subject, issue, cluster, max(recency) AS latest,
                       max(predicate = 'support') AS backs,
                       max(predicate IN ('oppose', 'distance')) AS away
                FROM periods GROUP BY period, subject, issue, cluster)
            INSERT INTO stance_cell_flags(period_kind, period, subject, issue, stories, contradiction, latest_id)
            SELECT '{kind}', period, subject, issue, count(*),
                   max(backs AND NOT away) AND max(away AND NOT backs), CAST(substr(max(latest), -12) AS INTEGER)
            FROM stories GROUP BY period, subject, issue""")
    count, max_id = _state(db)
    db.execute("INSERT INTO aggregate_state(name, statements, max_id, built) VALUES ('stance_cells', ?, ?, ?) "
               "ON CONFLICT(name) DO UPDATE SET statements = excluded.statements, max_id = excluded.max_id, "
               "built = excluded.built",
               (count, max_id, dt.datetime.now(dt.UTC).isoformat(timespec="seconds")))
