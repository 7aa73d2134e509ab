"""Pre-aggregated stance cells, so that the stance matrix reads a few rows per (state, issue,
period) instead of every stance statement.

For every period kind (month, quarter, year, all) a cell holds, per label, the number of
statements and of independent stories (near-duplicate clusters) and the latest statement with
that label (``stance_cells``); per cell the number of stories and the latest statement
(``stance_cell_flags``); and how many stories gave each set of labels (``stance_cell_sets``),
from which the contradiction mark is worked out with the issue files' rule. "Latest" is the
statement with the latest date, ties going to the one written last. The ``all`` period holds
every statement, dated or not; the others keep undated statements in an ``undated`` cell.

Cells are built from ``effective_statements`` (the analyst's corrections applied). The refresh
is incremental: triggers note in ``stance_dirty`` the (state, issue) pairs whose stance
statements or corrections changed, and :func:`rebuild_stance_aggregates` rebuilds those pairs'
cells only. The same tally (:func:`tally_cells`) serves a store whose cells are not fresh.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import sqlite3
from collections import Counter
from collections.abc import Iterable

from .facts import facts_fresh, refresh_fact_groups

__all__ = ["PERIOD_KINDS", "CellTally", "period_key", "tally_cells", "stance_rows", "rebuild_stance_aggregates",
           "aggregates_fresh", "stance_cells_fresh", "sets_contradict"]

PERIOD_KINDS = ("month", "quarter", "year", "all")

# (subject, issue, predicate, cluster, time, id) of every effective stance statement
STANCE_ROWS_SQL = """
    SELECT s.subject, s.issue, s.predicate, COALESCE(c.cluster_id, a.id) AS cluster,
           COALESCE(s.time, a.published) AS t, s.id
    FROM effective_statements s JOIN articles a ON a.id = s.article_id LEFT JOIN clusters c ON c.article_id = a.id
    WHERE s.kind = 'stance' AND s.subject IS NOT NULL AND s.issue IS NOT NULL {where}
"""

Key = tuple[str, str, str]  # (subject, issue, period)
Recency = tuple[str, int]  # (time or '', statement id)


def period_key(time: str | None, kind: str) -> str:
    """The period a date (YYYY, YYYY-MM or YYYY-MM-DD) falls in; ``all`` for every statement
    under ``all``, ``undated`` without a date under the others."""
    if kind == "all":
        return "all"
    if not time or not time[:4].isdigit():
        return "undated"
    year = time[:4]
    if kind == "year" or len(time) < 7 or not time[5:7].isdigit():
        return year
    if kind == "quarter":
        return f"{year}-Q{(int(time[5:7]) + 2) // 3}"
    return time[:7]


@dataclasses.dataclass
class CellTally:
    """What one cell holds, before the issue's rule names its position."""

    statements: Counter[str] = dataclasses.field(default_factory=Counter)
    stories: Counter[str] = dataclasses.field(default_factory=Counter)
    latest: dict[str, Recency] = dataclasses.field(default_factory=dict)
    sets: Counter[frozenset[str]] = dataclasses.field(default_factory=Counter)
    total_stories: int = 0
    latest_all: Recency = ("", 0)


def tally_cells(rows: Iterable[sqlite3.Row | tuple], kind: str) -> dict[Key, CellTally]:  # type: ignore[type-arg]
    """Cells of one period kind from ``STANCE_ROWS_SQL`` rows."""
    story_labels: dict[Key, dict[str, set[str]]] = {}
    cells: dict[Key, CellTally] = {}
    for subject, issue, predicate, cluster, time, sid in rows:
        key = (subject, issue, period_key(time, kind))
        cell = cells.setdefault(key, CellTally())
        recency = (time or "", int(sid))
        cell.statements[predicate] += 1
        cell.latest[predicate] = max(cell.latest.get(predicate, recency), recency)
        cell.latest_all = max(cell.latest_all, recency)
        story_labels.setdefault(key, {}).setdefault(cluster, set()).add(predicate)
    for key, stories in story_labels.items():
        cell = cells[key]
        cell.total_stories = len(stories)
        for labels in stories.values():
            cell.sets[frozenset(labels)] += 1
            cell.stories.update(labels)
    return cells


def sets_contradict(sets: Iterable[frozenset[str]], contradicts: dict[str, frozenset[str]]) -> bool:
    """Two stories contradict each other: one gives a label, the other a label the issue file
    pairs with it as contradicting, and neither gives both (one story may give two labels for
    different behaviour: territory lent, troops withheld)."""
    sets = list(sets)
    for a_set in sets:
        for b_set in sets:
            if a_set is b_set:
                continue
            for a in a_set - b_set:
                if contradicts.get(a, frozenset()) & (b_set - a_set):
                    return True
    return False


def stance_rows(db: sqlite3.Connection, where: str = "", params: Iterable[object] = ()) -> list[sqlite3.Row]:
    return list(db.execute(STANCE_ROWS_SQL.format(where=where), tuple(params)))


def stance_cells_fresh(db: sqlite3.Connection) -> bool:
    """True when the cells hold every change to the stance statements and corrections."""
    built = db.execute("SELECT 1 FROM aggregate_state WHERE name = 'stance_cells'").fetchone()
    return built is not None and db.execute("SELECT 1 FROM stance_dirty LIMIT 1").fetchone() is None


def aggregates_fresh(db: sqlite3.Connection) -> bool:
    """True when every pre-aggregated table (stance cells, fact groups) holds every change."""
    return stance_cells_fresh(db) and facts_fresh(db)


def _contradiction_rules() -> dict[str, dict[str, frozenset[str]]]:
    from ..kb.langdata import load_issues

    return {issue_id: issue.contradicts for issue_id, issue in load_issues().items()}


def rebuild_stance_aggregates(db: sqlite3.Connection, full: bool = False) -> None:
    """Refresh the stance cells and the fact groups (``store.facts``) inside the caller's
    transaction: those of the (state, issue) pairs and facts noted as changed, or all of them
    with ``full`` or when they were never built."""
    from ..kb.langdata import load_issues

    refresh_fact_groups(db, frozenset().union(*(i.excluded_actors for i in load_issues().values())), full)
    if not full and stance_cells_fresh(db):
        return
    full = full or db.execute("SELECT 1 FROM aggregate_state WHERE name = 'stance_cells'").fetchone() is None
    scope = "" if full else " AND (subject, issue) IN (SELECT subject, issue FROM stance_dirty)"
    for table in ("stance_cells", "stance_cell_flags", "stance_cell_sets"):
        db.execute(f"DELETE FROM {table} WHERE 1 = 1{scope}")
    where = "" if full else " AND (s.subject, s.issue) IN (SELECT subject, issue FROM stance_dirty)"
    rules = _contradiction_rules()
    # one (state, issue) pair's rows at a time, sorted by SQLite: a cell is of one pair, so the cells
    # are the same, and memory is the largest pair's rows instead of every stance statement's
    rows = db.execute(STANCE_ROWS_SQL.format(where=where) + " ORDER BY 1, 2")
    for _pair, group in itertools.groupby(rows, key=lambda r: (r[0], r[1])):
        members = [tuple(r) for r in group]
        for kind in PERIOD_KINDS:
            _write_cells(db, kind, tally_cells(members, kind), rules)
    db.execute("DELETE FROM stance_dirty")
    count, max_id = db.execute("SELECT count(*), COALESCE(max(id), 0) FROM statements WHERE kind = 'stance'").fetchone()
    db.execute("INSERT INTO aggregate_state(name, statements, max_id, built) VALUES ('stance_cells', ?, ?, ?) "
               "ON CONFLICT(name) DO UPDATE SET statements = excluded.statements, max_id = excluded.max_id, "
               "built = excluded.built",
               (count, max_id, dt.datetime.now(dt.UTC).isoformat(timespec="seconds")))


def _write_cells(db: sqlite3.Connection, kind: str, cells: dict[Key, CellTally],
                 rules: dict[str, dict[str, frozenset[str]]]) -> None:
    db.executemany(
        "INSERT INTO stance_cells(period_kind, period, subject, issue, label, statements, stories, latest_id) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(kind, key[2], key[0], key[1], label, n, cell.stories[label], cell.latest[label][1])
         for key, cell in cells.items() for label, n in cell.statements.items()])
    db.executemany(
        "INSERT INTO stance_cell_flags(period_kind, period, subject, issue, stories, contradiction, latest_id) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(kind, key[2], key[0], key[1], cell.total_stories,
          int(sets_contradict(cell.sets, rules.get(key[1], {}))), cell.latest_all[1])
         for key, cell in cells.items()])
    db.executemany(
        "INSERT INTO stance_cell_sets(period_kind, period, subject, issue, labels, stories) VALUES (?, ?, ?, ?, ?, ?)",
        [(kind, key[2], key[0], key[1], ",".join(sorted(labels)), n)
         for key, cell in cells.items() for labels, n in cell.sets.items()])
