"""The cross-source views: the stance matrix, an entity's dossier, the event timeline,
corroboration of statements across independent sources, the prediction ledger and source
profiles. Each is a library function over a :class:`Store` returning plain records, so the
command line, the report and a web page share them.

Independence: articles in one near-duplicate cluster (copies and spun rewrites) are one story,
and one outlet counts once per story; a count of independent sources is a count of stories.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from collections import Counter, defaultdict
from typing import Any

from ..errors import AllegianceError
from ..store.aggregates import PERIOD_SQL, aggregates_fresh
from ..store.db import Store

__all__ = [
    "MatrixCell", "stance_matrix", "period_of", "latest_changes", "dossier", "timeline", "corroboration",
    "prediction_ledger", "resolve_prediction", "prediction_records", "source_profiles", "PERIODS",
]

PERIODS = ("month", "quarter", "year", "all")
_STANCE_ORDER = ("support", "oppose", "neutral", "distance")


def period_of(time: str | None, period: str) -> str:
    """The period a date (YYYY, YYYY-MM or YYYY-MM-DD) falls in; ``undated`` without one."""
    if not time or not time[:4].isdigit():
        return "undated"
    if period == "all":
        return "all"
    year = time[:4]
    if period == "year" or len(time) < 7:
        return year
    if period == "quarter":
        return f"{year}-Q{(int(time[5:7]) + 2) // 3}"
    return time[:7]


@dataclasses.dataclass
class MatrixCell:
    """One state's position on one issue in one period."""

    state: str
    issue: str
    period: str
    counts: dict[str, int]
    independent: dict[str, int]
    prevailing: str
    sources: int
    contradiction: bool
    latest: dict[str, Any]
    evidence: list[dict[str, Any]]

    def as_dict(self, with_evidence: bool = False) -> dict[str, Any]:
        record = dataclasses.asdict(self)
        if not with_evidence:
            record.pop("evidence")
        return record


_CELL_SQL = """
    WITH st AS (
        SELECT s.id, s.subject, s.issue, s.predicate, COALESCE(c.cluster_id, a.id) AS cluster,
               COALESCE(s.time, a.published) AS t
        FROM statements s
        JOIN articles a ON a.id = s.article_id
        LEFT JOIN clusters c ON c.article_id = a.id
        WHERE s.kind = 'stance' {where}
    )
    SELECT subject, issue,
           CASE WHEN t IS NULL OR substr(t, 1, 1) NOT BETWEEN '0' AND '9' THEN 'undated' ELSE {period} END AS period,
           cluster, group_concat(DISTINCT predicate) AS labels, count(*) AS n,
           max(COALESCE(t, '') || printf('%012d', id)) AS latest_key,
           group_concat(predicate) AS all_labels
    FROM st GROUP BY subject, issue, period, cluster
"""

_EVIDENCE_SQL = """
    SELECT s.id, s.subject, s.issue, s.predicate, s.time, s.speaker, s.modality, a.published,
           COALESCE(a.file_name, a.id) AS export_id, src.name AS source,
           substr(a.text, s.start + 1, s.end - s.start) AS evidence
    FROM statements s JOIN articles a ON a.id = s.article_id LEFT JOIN sources src ON src.id = a.source_id
    WHERE s.id IN ({ids})
"""


def _prevailing(independent: Counter[str]) -> str:
    """The label with most independent sources; ties go to the label that reflects more commitment."""
    return max(independent, key=lambda label: (independent[label], -_STANCE_ORDER.index(label)
                                               if label in _STANCE_ORDER else -9))


def _contradicts(story_labels: list[set[str]]) -> bool:
    """Independent stories disagree: one says the state backs the war, another that it opposes
    it or holds back, and neither says both. (One story may give two labels for different
    behaviour: territory lent, troops withheld.)"""
    backs = any("support" in labels and not labels & {"oppose", "distance"} for labels in story_labels)
    away = any(labels & {"oppose", "distance"} and "support" not in labels for labels in story_labels)
    return backs and away


def _evidence_rows(store: Store, ids: list[int]) -> dict[int, sqlite3.Row]:
    out: dict[int, sqlite3.Row] = {}
    for chunk in range(0, len(ids), 500):
        part = ids[chunk:chunk + 500]
        for row in store.db.execute(_EVIDENCE_SQL.format(ids=",".join("?" * len(part))), part):
            out[row["id"]] = row
    return out


def stance_matrix(store: Store, period: str = "year", issue: str | None = None, states: list[str] | None = None,
                  evidence: bool = False) -> list[MatrixCell]:
    """States × issues × periods: counts per label, independent sources, the prevailing label,
    the latest evidence, every evidence sentence (``evidence=True``) and a contradiction flag.

    Aggregated in SQL per (cell, story); only the evidence that is shown is read."""
    if period not in PERIODS:
        raise AllegianceError(f"unknown period {period!r}; one of {', '.join(PERIODS)}", code="bad_period")
    where, params = "", []
    if issue:
        where += " AND s.issue = ?"
        params.append(issue)
    if states:
        where += f" AND s.subject IN ({','.join('?' * len(states))})"
        params.extend(states)
    if aggregates_fresh(store.db):
        return _matrix_from_aggregates(store, period, issue, states, evidence, where, params)
    groups: dict[tuple[str, str, str], list[sqlite3.Row]] = defaultdict(list)
    for row in store.db.execute(_CELL_SQL.format(where=where, period=PERIOD_SQL[period]), params):
        groups[(row["subject"], row["issue"], row["period"])].append(row)
    latest_ids = {key: int(max(r["latest_key"] for r in rows)[-12:]) for key, rows in groups.items()}
    shown = _evidence_rows(store, list(latest_ids.values()))
    every: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    if evidence:
        _all_evidence(store, where, params, period, every)
    cells = []
    for key, rows in sorted(groups.items()):
        counts: Counter[str] = Counter()
        independent: Counter[str] = Counter()
        for r in rows:
            counts.update(r["all_labels"].split(","))
            independent.update(set(r["labels"].split(",")))
        cells.append(MatrixCell(
            state=key[0], issue=key[1], period=key[2], counts=dict(counts), independent=dict(independent),
            prevailing=_prevailing(independent), sources=len(rows),
            contradiction=_contradicts([set(r["labels"].split(",")) for r in rows]),
            latest=_evidence(shown[latest_ids[key]]), evidence=every.get(key, [])))
    return cells


def _matrix_from_aggregates(store: Store, period: str, issue: str | None, states: list[str] | None,
                            evidence: bool, where: str, params: list[Any]) -> list[MatrixCell]:
    """The matrix from the pre-aggregated cells: one row per (state, issue, period, label)."""
    filters, args = ["period_kind = ?"], [period]
    if issue:
        filters.append("issue = ?")
        args.append(issue)
    if states:
        filters.append(f"subject IN ({','.join('?' * len(states))})")
        args.extend(states)
    clause = " AND ".join(filters)
    labels: dict[tuple[str, str, str], list[sqlite3.Row]] = defaultdict(list)
    for row in store.db.execute(f"SELECT * FROM stance_cells WHERE {clause}", args):
        labels[(row["subject"], row["issue"], row["period"])].append(row)
    flags = {(r["subject"], r["issue"], r["period"]): r
             for r in store.db.execute(f"SELECT * FROM stance_cell_flags WHERE {clause}", args)}
    shown = _evidence_rows(store, [f["latest_id"] for f in flags.values()])
    every: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    if evidence:
        _all_evidence(store, where, params, period, every)
    cells = []
    for key in sorted(flags):
        rows, flag = labels[key], flags[key]
        independent = Counter({r["label"]: r["stories"] for r in rows})
        cells.append(MatrixCell(
            state=key[0], issue=key[1], period=key[2], counts={r["label"]: r["statements"] for r in rows},
            independent=dict(independent), prevailing=_prevailing(independent), sources=flag["stories"],
            contradiction=bool(flag["contradiction"]), latest=_evidence(shown[flag["latest_id"]]),
            evidence=every.get(key, [])))
    return cells


def _all_evidence(store: Store, where: str, params: list[Any], period: str,
                  into: dict[tuple[str, str, str], list[dict[str, Any]]]) -> None:
    rows = store.db.execute(
        f"""SELECT s.id, s.subject, s.issue, s.predicate, s.time, s.speaker, s.modality, a.published,
                   COALESCE(a.file_name, a.id) AS export_id, src.name AS source,
                   substr(a.text, s.start + 1, s.end - s.start) AS evidence
            FROM statements s JOIN articles a ON a.id = s.article_id LEFT JOIN sources src ON src.id = a.source_id
            WHERE s.kind = 'stance' {where}""", params)
    for r in rows:
        into[(r["subject"], r["issue"], period_of(r["time"] or r["published"], period))].append(_evidence(r))


def _evidence(row: sqlite3.Row) -> dict[str, Any]:
    return {"article": row["export_id"], "source": row["source"], "time": row["time"] or row["published"],
            "label": row["predicate"], "speaker": row["speaker"], "modality": row["modality"],
            "text": row["evidence"]}


def latest_changes(cells: list[MatrixCell]) -> list[dict[str, Any]]:
    """Cells of the latest dated period whose prevailing label differs from the state's previous one."""
    by_key: dict[tuple[str, str], list[MatrixCell]] = defaultdict(list)
    for cell in cells:
        if cell.period != "undated":
            by_key[(cell.state, cell.issue)].append(cell)
    changes = []
    for (state, issue), history in by_key.items():
        history.sort(key=lambda c: c.period)
        if len(history) >= 2 and history[-1].prevailing != history[-2].prevailing:
            changes.append({"state": state, "issue": issue, "from": history[-2].prevailing,
                            "from_period": history[-2].period, "to": history[-1].prevailing,
                            "to_period": history[-1].period, "evidence": history[-1].latest})
    return sorted(changes, key=lambda c: c["to_period"], reverse=True)


def dossier(store: Store, entity: str, limit: int = 500) -> dict[str, Any]:
    """Everything about one entity: stances over time, events as actor or target, quantities and
    predictions about it (the latest ``limit`` of each), people in its roles, and the sources
    that write about it."""
    from ..kb.knowledge import load_knowledge_base

    kb = load_knowledge_base()
    record = kb.get(entity) or next(iter(kb.search(entity, limit=1)), None)
    key = record.id if record else entity
    names = tuple(sorted({key} | ({record.canonical} if record else set())))
    marks = ",".join("?" * len(names))
    stances = [cell.as_dict() for cell in stance_matrix(store, "quarter", states=[key])]
    events = [dict(r) for r in store.db.execute(
        f"""SELECT s.kind, s.subject, s.predicate, s.object, s.time, s.unit, COALESCE(a.file_name, a.id) AS article,
                   substr(a.text, s.start + 1, s.end - s.start) AS evidence
            FROM statements s JOIN articles a ON a.id = s.article_id
            WHERE s.id IN (SELECT id FROM statements WHERE kind = 'event' AND subject IN ({marks})
                           UNION SELECT statement_id FROM statement_targets WHERE target IN ({marks}))
            ORDER BY s.time DESC LIMIT ?""", (*names, *names, limit))]
    column = "entity_id" if record else "canonical"  # unlisted names are found by their canonical form
    about = [dict(r) for r in store.db.execute(
        f"""SELECT DISTINCT s.kind, s.subject, s.value, s.unit, s.time, s.speaker,
                   COALESCE(a.file_name, a.id) AS article, substr(a.text, s.start + 1, s.end - s.start) AS evidence
            FROM mentions m CROSS JOIN statements s ON s.article_id = m.article_id AND s.start <= m.start
                 AND m.end <= s.end
            JOIN articles a ON a.id = s.article_id
            WHERE m.{column} IN ({marks}) AND s.kind IN ('quantity', 'prediction')
            ORDER BY s.time DESC LIMIT ?""", (*names, 2 * limit))]
    people = [{"person": e.canonical, "role": r.role, "from": r.start, "to": r.end}
              for e in kb.entities.values() for r in e.roles if r.of == key]
    sources = [dict(r) for r in store.db.execute(
        f"""SELECT src.name AS source, count(DISTINCT m.article_id) AS articles
            FROM mentions m JOIN articles a ON a.id = m.article_id LEFT JOIN sources src ON src.id = a.source_id
            WHERE m.{column} IN ({marks})
            GROUP BY src.name ORDER BY articles DESC""", names)]
    return {"entity": key, "name": record.canonical if record else entity, "type": record.type if record else None,
            "stances": stances, "events": events,
            "quantities": [x for x in about if x["kind"] == "quantity"],
            "predictions": [x for x in about if x["kind"] == "prediction"], "people": people, "sources": sources}


def timeline(store: Store, actor: str | None = None, target: str | None = None, event_type: str | None = None,
             country: str | None = None, source: str | None = None, start: str | None = None,
             end: str | None = None, limit: int = 1000) -> list[dict[str, Any]]:
    """Events in time order, filtered by actor, target, PLOVER type, country (actor or target),
    source and period (ISO dates, inclusive)."""
    where, params = ["s.kind = 'event'", "s.time IS NOT NULL"], []
    when = "s.time"  # statements carry their time or their article's date; undated events are left out
    for clause, value in (("s.subject = ?", actor), ("instr(COALESCE(s.object, ''), ?) > 0", target),
                          ("s.predicate = ?", event_type), ("src.name = ?", source), (f"{when} >= ?", start)):
        if value is not None:
            where.append(clause)
            params.append(value)
    if end is not None:
        where.append(f"substr({when}, 1, {len(end)}) <= ?")
        params.append(end)
    if country is not None:
        where.append("(s.subject = ? OR instr(COALESCE(s.object, ''), ?) > 0)")
        params.extend([country, country])
    rows = store.db.execute(
        f"""SELECT s.id, {when} AS time, s.subject AS actor, s.predicate AS type, s.object AS target, s.unit AS action,
                   s.modality, src.name AS source, COALESCE(a.file_name, a.id) AS article,
                   substr(a.text, s.start + 1, s.end - s.start) AS evidence
            FROM statements s JOIN articles a ON a.id = s.article_id LEFT JOIN sources src ON src.id = a.source_id
            WHERE {' AND '.join(where)} ORDER BY s.time LIMIT ?""", (*params, limit))
    return [dict(r) for r in rows]


def corroboration(store: Store, window_days: int = 365, min_sources: int = 1) -> list[dict[str, Any]]:
    """Statements from different articles that say the same thing (same kind, subject, predicate
    and object within a time window) grouped, with the count of independent stories and the
    articles that contradict them (the same subject and issue with an opposed stance)."""
    rows = list(store.db.execute(
        """SELECT s.kind, s.subject, s.predicate, COALESCE(s.issue, s.object, '') AS object,
                  COALESCE(s.time, a.published) AS time, COALESCE(c.cluster_id, a.id) AS cluster,
                  COALESCE(a.file_name, a.id) AS article, src.name AS source,
                  substr(a.text, s.start + 1, s.end - s.start) AS evidence
           FROM statements s JOIN articles a ON a.id = s.article_id
           LEFT JOIN clusters c ON c.article_id = a.id LEFT JOIN sources src ON src.id = a.source_id
           WHERE s.kind IN ('stance', 'event') AND s.subject IS NOT NULL"""))
    groups: dict[tuple[str, str, str, str], list[sqlite3.Row]] = defaultdict(list)
    for r in rows:
        groups[(r["kind"], r["subject"], r["predicate"], r["object"])].append(r)
    opposed = {"support": {"oppose", "distance"}, "oppose": {"support"}, "distance": {"support"},
               "neutral": {"support", "oppose"}}
    out = []
    for (kind, subject, predicate, obj), members in groups.items():
        times = sorted(m["time"] for m in members if m["time"])
        if times and _days_between(times[0], times[-1]) > window_days:
            members = [m for m in members if not m["time"] or _days_between(times[-1], m["time"]) <= window_days]
        stories = {m["cluster"] for m in members}
        contradicting: set[str] = set()
        if kind == "stance":
            for other in opposed.get(predicate, set()):
                contradicting |= {m["article"] for m in groups.get((kind, subject, other, obj), [])}
        if len(stories) >= min_sources:
            out.append({"kind": kind, "subject": subject, "predicate": predicate, "object": obj,
                        "independent_sources": len(stories), "articles": sorted({m["article"] for m in members}),
                        "outlets": sorted({m["source"] for m in members if m["source"]}),
                        "contradicted_by": sorted(contradicting), "evidence": members[0]["evidence"]})
    return sorted(out, key=lambda g: (-g["independent_sources"], -len(g["contradicted_by"]), g["subject"]))


def _days_between(a: str, b: str) -> int:
    def day(x: str) -> dt.date:
        return dt.date.fromisoformat((x + "-01-01")[:10] if len(x) == 4 else (x + "-01")[:10] if len(x) == 7 else x)

    try:
        return abs((day(b) - day(a)).days)
    except ValueError:
        return 0


def prediction_ledger(store: Store, today: str | None = None) -> list[dict[str, Any]]:
    """Every prediction with speaker, source, date, horizon and outcome; ``overdue`` when its
    horizon has passed and no outcome is recorded."""
    today = today or dt.date.today().isoformat()
    rows = store.db.execute(
        """SELECT s.id, s.speaker, s.subject, s.time AS horizon, a.published AS date, src.name AS source,
                  COALESCE(a.file_name, a.id) AS article, substr(a.text, s.start + 1, s.end - s.start) AS evidence,
                  o.outcome, o.note, o.evidence AS outcome_evidence, o.resolved
           FROM statements s JOIN articles a ON a.id = s.article_id LEFT JOIN sources src ON src.id = a.source_id
           LEFT JOIN prediction_outcomes o ON o.statement_id = s.id
           WHERE s.kind = 'prediction' ORDER BY COALESCE(a.published, ''), s.id""")
    out = []
    for r in rows:
        item = dict(r)
        horizon = item["horizon"] if item["horizon"] and item["horizon"] != item["date"] else None
        item["horizon"] = horizon
        item["overdue"] = bool(horizon and item["outcome"] is None and period_end(horizon) < today)
        out.append(item)
    return out


def period_end(value: str) -> str:
    """The last day a YYYY, YYYY-MM or YYYY-MM-DD value covers."""
    if len(value) == 4:
        return f"{value}-12-31"
    if len(value) == 7:
        year, month = int(value[:4]), int(value[5:7])
        following = dt.date(year + (month == 12), month % 12 + 1, 1)
        return (following - dt.timedelta(days=1)).isoformat()
    return value[:10]


def resolve_prediction(store: Store, statement_id: int, outcome: str, note: str = "",
                       evidence: str | None = None) -> None:
    """Record how a prediction turned out: ``true``, ``false`` or ``partly``."""
    if outcome not in ("true", "false", "partly"):
        raise AllegianceError("outcome must be true, false or partly", code="bad_outcome")
    row = store.db.execute("SELECT kind FROM statements WHERE id = ?", (statement_id,)).fetchone()
    if row is None or row["kind"] != "prediction":
        raise AllegianceError(f"no prediction with id {statement_id}", code="not_found")
    with store.transaction() as db:
        db.execute(
            """INSERT INTO prediction_outcomes(statement_id, outcome, note, evidence, resolved)
               VALUES (?, ?, ?, ?, ?) ON CONFLICT(statement_id) DO UPDATE SET outcome = excluded.outcome,
               note = excluded.note, evidence = excluded.evidence, resolved = excluded.resolved""",
            (statement_id, outcome, note, evidence, dt.datetime.now(dt.UTC).isoformat(timespec="seconds")))


def prediction_records(store: Store, by: str = "source") -> list[dict[str, Any]]:
    """Each source's (or speaker's) record of resolved predictions."""
    if by not in ("source", "speaker"):
        raise AllegianceError("group predictions by source or speaker", code="bad_group")
    tally: dict[str, Counter[str]] = defaultdict(Counter)
    for item in prediction_ledger(store):
        key = item[by] or ("author" if by == "speaker" else "unknown")
        tally[key]["predictions"] += 1
        tally[key][item["outcome"] or "open"] += 1
    out = []
    for key, c in tally.items():
        resolved = c["true"] + c["false"] + c["partly"]
        out.append({by: key, "predictions": c["predictions"], "open": c["open"], "true": c["true"],
                    "false": c["false"], "partly": c["partly"],
                    "accuracy": round((c["true"] + 0.5 * c["partly"]) / resolved, 3) if resolved else None})
    return sorted(out, key=lambda r: -r["predictions"])


def source_profiles(store: Store) -> list[dict[str, Any]]:
    """Per outlet: articles, languages, share of opinion and reporting, share of copies of other
    outlets' stories, and its prediction record."""
    rows = list(store.db.execute(
        """SELECT COALESCE(src.name, 'unknown') AS source, a.id, a.language, n.genre, a.published, a.rowid AS seq,
                  COALESCE(c.cluster_id, a.id) AS cluster
           FROM articles a LEFT JOIN sources src ON src.id = a.source_id
           LEFT JOIN analyses n ON n.article_id = a.id LEFT JOIN clusters c ON c.article_id = a.id"""))
    per: dict[str, list[sqlite3.Row]] = defaultdict(list)
    first_of: dict[str, tuple[str, int, str]] = {}
    for r in rows:
        per[r["source"]].append(r)
        key = (r["published"] or "9999", r["seq"], r["id"])
        if r["cluster"] not in first_of or key < first_of[r["cluster"]]:
            first_of[r["cluster"]] = key  # the story's original: its earliest member
    records = {r["source"]: r for r in prediction_records(store, "source")}
    out = []
    for source, articles in per.items():
        n = len(articles)
        genres = Counter(a["genre"] for a in articles)
        copies = sum(1 for a in articles if first_of[a["cluster"]][2] != a["id"])
        out.append({"source": source, "articles": n,
                    "languages": ", ".join(sorted({a["language"] or "?" for a in articles})),
                    "opinion_share": round(genres["opinion"] / n, 2),
                    "reporting_share": round(genres["reporting"] / n, 2),
                    "copy_share": round(copies / n, 2),
                    "predictions": records.get(source, {}).get("predictions", 0),
                    "prediction_accuracy": records.get(source, {}).get("accuracy")})
    return sorted(out, key=lambda r: -r["articles"])
