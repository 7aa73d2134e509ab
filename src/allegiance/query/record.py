"""The analyst's record: corrections of statements and outcomes of predictions, and the
prediction ledger that shows them.

Both are append-only histories keyed by the statement's stable ``uid`` (see
:func:`allegiance.store.db.statement_uid`), with who recorded each entry and when; the latest
entry is in force and the earlier ones stay. Re-analysis gives the same statement the same uid,
so nothing an analyst recorded is orphaned. Corrections take effect through the
``effective_statements`` view, which every view reads: a statement marked wrong is left out, a
relabelled one counts under its new label (a stance label of its issue, or an event type), a
confirmed one stays as extracted.
"""

from __future__ import annotations

import datetime as dt
import getpass
import re
import sqlite3
from collections import Counter, defaultdict
from typing import Any

from ..errors import AllegianceError
from ..store.db import Store
from .lookup import issues
from .topics import topic_filter

__all__ = ["CORRECTION_ACTIONS", "OUTCOMES", "correct_statement", "statement_history", "find_statement",
           "prediction_ledger", "ledger_entries", "resolve_prediction", "prediction_records", "period_end",
           "ledger_summary"]

CORRECTION_ACTIONS = ("wrong", "confirm", "relabel")
OUTCOMES = ("true", "false", "partly")
_EVENT_TYPE = re.compile(r"^[A-Z][A-Z_]{1,39}$")


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _analyst(by: str | None) -> str:
    if by and by.strip():
        return by.strip()
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no user name in this environment
        return "unknown"


def find_statement(store: Store, statement: int | str) -> sqlite3.Row:
    """A statement by its uid (or, for older callers, its row id in this analysis)."""
    text = str(statement).strip()
    row = store.db.execute("SELECT * FROM statements WHERE uid = ?", (text,)).fetchone()
    if row is None and text.isdigit():
        row = store.db.execute("SELECT * FROM statements WHERE id = ?", (int(text),)).fetchone()
    if row is None:
        raise AllegianceError(f"no statement {text!r} (give its uid, as listed by the views)", code="not_found")
    return row  # type: ignore[no-any-return]


def correct_statement(store: Store, uid: str, action: str, *, label: str | None = None, note: str,
                      by: str | None = None) -> dict[str, Any]:
    """Record that statement ``uid`` is ``wrong``, ``confirm``-ed, or to ``relabel`` as ``label`` (a
    label of the stance's issue, or an event type such as ``REJECT``), with a note and who (default:
    the OS user). Appended: earlier corrections stay in the history."""
    if action not in CORRECTION_ACTIONS:
        raise AllegianceError(f"a correction is one of {', '.join(CORRECTION_ACTIONS)}", code="bad_correction")
    row = find_statement(store, uid)
    if action == "relabel":
        label = _checked_label(row, label)
    elif label is not None:
        raise AllegianceError("only a relabel takes a label", code="bad_correction")
    entry = {"statement": row["uid"], "action": action, "label": label, "note": note or "", "by": _analyst(by),
             "at": _now()}
    with store.transaction() as db:
        db.execute("INSERT INTO statement_corrections(statement_uid, action, label, note, analyst, recorded) "
                   "VALUES (?, ?, ?, ?, ?, ?)",
                   (entry["statement"], action, label, entry["note"], entry["by"], entry["at"]))
        if row["kind"] == "stance":
            from ..store.aggregates import rebuild_stance_aggregates

            rebuild_stance_aggregates(db)  # the cells of this state and issue only
    return entry


def _checked_label(row: sqlite3.Row, label: str | None) -> str:
    if not label or not label.strip():
        raise AllegianceError("a relabel needs the new label", code="bad_correction")
    label = label.strip()
    if row["kind"] == "stance":
        issue = issues().get(row["issue"])
        if issue is not None and label not in issue.labels:
            raise AllegianceError(f"{label!r} is no label of {row['issue']}; one of {', '.join(issue.labels)}",
                                  code="bad_correction")
    elif row["kind"] == "event":
        label = label.upper()
        if not _EVENT_TYPE.match(label):
            raise AllegianceError(f"{label!r} is not an event type (SANCTION, REJECT, ...)", code="bad_correction")
    return label


def statement_history(store: Store, uid: str) -> dict[str, list[dict[str, Any]]]:
    """Every correction and outcome recorded for statement ``uid``, oldest first."""
    corrections = [dict(r) for r in store.db.execute(
        "SELECT action, label, note, analyst AS by, recorded AS at FROM statement_corrections "
        "WHERE statement_uid = ? ORDER BY id", (uid,))]
    outcomes = [dict(r) for r in store.db.execute(
        "SELECT outcome, note, evidence, analyst AS by, recorded AS at FROM prediction_outcome_history "
        "WHERE statement_uid = ? ORDER BY id", (uid,))]
    return {"corrections": corrections, "outcomes": outcomes}


def period_end(value: str) -> str:
    """The last day a YYYY, YYYY-MM or YYYY-MM-DD value covers."""
    if len(value) == 4:
        return f"{value}-12-31"
    if len(value) == 7:
        year, month = int(value[:4]), int(value[5:7])
        following = dt.date(year + (month == 12), month % 12 + 1, 1)
        return (following - dt.timedelta(days=1)).isoformat()
    return value[:10]


_LEDGER_COLUMNS = """s.id, s.uid, s.speaker, s.subject, s.time AS horizon, a.published AS date, src.name AS source,
           a.author, COALESCE(a.file_name, a.id) AS article, a.url,
           substr(a.text, s.start + 1, s.end - s.start) AS evidence,
           o.outcome, o.note, o.evidence AS outcome_evidence, o.recorded AS resolved, o.analyst AS resolved_by,
           COALESCE(o.outcomes, 0) AS outcomes"""
#: What the ledger's order, its counts and the source records read: no text, no author.
_LEAN_COLUMNS = "s.id, s.time AS horizon, a.published AS date, src.name AS source, o.outcome"
_LEDGER_SQL = """
    SELECT {columns}
    FROM effective_statements s JOIN articles a ON a.id = s.article_id LEFT JOIN sources src ON src.id = a.source_id
    LEFT JOIN current_outcomes o ON o.statement_uid = s.uid
    WHERE s.kind = 'prediction' {topic}
"""


def prediction_ledger(store: Store, today: str | None = None, packs: str = "",
                      include_off_topic: bool = False, lean: bool = False) -> list[dict[str, Any]]:
    """Every prediction with speaker, source, date, horizon and its latest outcome (with who and
    when, and how many outcomes were recorded); ``overdue`` when its horizon has passed and no
    outcome is recorded. Overdue predictions come first (oldest horizon first), then the open ones
    with a horizon, then the rest by date, so a ledger cut to its first lines shows what is due.
    ``lean``: only ``id``, ``horizon``, ``date``, ``source``, ``outcome`` and ``overdue`` of each, in
    the same order (what counts and records read; :func:`ledger_entries` gives the rest by id)."""
    topic, params = topic_filter(include_off_topic, "s.article_id", packs, per_row=False)
    out = _ledger_items(store, today, _LEAN_COLUMNS if lean else _LEDGER_COLUMNS, topic, params)
    return sorted(out, key=lambda p: (not p["overdue"], p["outcome"] is not None, p["horizon"] is None,
                                      p["horizon"] or "" if p["overdue"] else "", p["date"] or "", p["id"]))


def ledger_entries(store: Store, ids: list[int], today: str | None = None) -> dict[int, dict[str, Any]]:
    """The whole ledger entries of the predictions ``ids`` (as :func:`prediction_ledger` gives
    them), by id; ids that are no prediction are left out."""
    out: dict[int, dict[str, Any]] = {}
    for chunk in range(0, len(ids), 500):
        part = ids[chunk:chunk + 500]
        where = f" AND s.id IN ({','.join('?' * len(part))})"
        out.update((p["id"], p) for p in _ledger_items(store, today, _LEDGER_COLUMNS, where, part))
    return out


def _ledger_items(store: Store, today: str | None, columns: str, where: str,
                  params: list[Any]) -> list[dict[str, Any]]:
    today = today or dt.date.today().isoformat()
    out = []
    cursor = store.db.cursor()
    cursor.row_factory = None  # plain tuples, zipped with the column names: twice as fast as rows
    rows = cursor.execute(_LEDGER_SQL.format(columns=columns, topic=where), params)
    names = [d[0] for d in rows.description]
    for r in rows:
        item = dict(zip(names, r, strict=True))
        horizon = item["horizon"] if item["horizon"] and item["horizon"] != item["date"] else None
        item["horizon"] = horizon
        item["overdue"] = bool(horizon and item["outcome"] is None and period_end(horizon) < today)
        out.append(item)
    return out


def ledger_summary(ledger: list[dict[str, Any]]) -> dict[str, int]:
    """The counts a ledger's header shows, from the same rows it lists."""
    return {"predictions": len(ledger), "open": sum(p["outcome"] is None for p in ledger),
            "overdue": sum(p["overdue"] for p in ledger), "resolved": sum(p["outcome"] is not None for p in ledger)}


def resolve_prediction(store: Store, statement: int | str, outcome: str, note: str = "",
                       evidence: str | None = None, by: str | None = None) -> dict[str, Any]:
    """Record how prediction ``statement`` (its uid) turned out: ``true``, ``false`` or ``partly``,
    with who (default: the OS user) and when. Appended: an earlier outcome stays in the history
    and the latest is shown."""
    if outcome not in OUTCOMES:
        raise AllegianceError("outcome must be true, false or partly", code="bad_outcome")
    row = find_statement(store, statement)
    if row["kind"] != "prediction":
        raise AllegianceError(f"statement {statement} is no prediction", code="not_found")
    entry = {"statement": row["uid"], "outcome": outcome, "note": note, "evidence": evidence, "by": _analyst(by),
             "at": _now()}
    with store.transaction() as db:
        db.execute("INSERT INTO prediction_outcome_history(statement_uid, outcome, note, evidence, analyst, recorded) "
                   "VALUES (?, ?, ?, ?, ?, ?)", (row["uid"], outcome, note, evidence, entry["by"], entry["at"]))
    return entry


def _speaker_key(item: dict[str, Any]) -> str:
    """Who made a prediction: its speaker, else the article's author at that outlet (one outlet's
    writers are not another's)."""
    if item["speaker"]:
        return str(item["speaker"])
    outlet = item["source"] or "unknown outlet"
    return f"{item['author']} ({outlet})" if item["author"] else f"author at {outlet}"


def prediction_records(store: Store, by: str = "source", packs: str = "",
                       include_off_topic: bool = False,
                       ledger: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """Each source's (or speaker's: a named speaker, else the article's author at its outlet)
    record of resolved predictions; ``ledger`` is the same ``prediction_ledger`` when the caller
    has read it already (the report)."""
    if by not in ("source", "speaker"):
        raise AllegianceError("group predictions by source or speaker", code="bad_group")
    tally: dict[str, Counter[str]] = defaultdict(Counter)
    items = ledger if ledger is not None else prediction_ledger(store, packs=packs, include_off_topic=include_off_topic)
    for item in items:
        key = _speaker_key(item) if by == "speaker" else item["source"] or "unknown"
        tally[key]["predictions"] += 1
        tally[key][item["outcome"] or "open"] += 1
    out = []
    for key, c in tally.items():
        resolved = c["true"] + c["false"] + c["partly"]
        out.append({by: key, "predictions": c["predictions"], "open": c["open"], "true": c["true"],
                    "false": c["false"], "partly": c["partly"],
                    "accuracy": round((c["true"] + 0.5 * c["partly"]) / resolved, 3) if resolved else None})
    return sorted(out, key=lambda r: (-r["predictions"], r[by]))
