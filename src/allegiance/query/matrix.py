"""The stance matrix: each state's position on each issue of the packs, by period.

A cell's position is the label most independent stories give, and its number counts the stories
behind that label. When no label leads (a tie), or the stories of the labels the issue file calls
contradicting the leader together match it (a split), the cell is *contested*: ``prevailing`` is
``None``, ``contested`` is true and the label shown is ``contested``, counting every story in the
cell. The contradiction mark (``!``) follows the issue file's contradiction pairs, the same rule
corroboration uses for "contradicted by". Statements come from ``effective_statements`` (the
analyst's corrections applied); the parties an issue excludes take no stance on it.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from collections import defaultdict
from typing import Any

from ..errors import AllegianceError
from ..kb.langdata import Issue
from ..store.aggregates import (
    PERIOD_KINDS,
    CellTally,
    period_key,
    sets_contradict,
    stance_cells_fresh,
    stance_rows,
    tally_cells,
)
from ..store.db import Store
from .lookup import check_issue, issues, knowledge_base

__all__ = ["MatrixCell", "stance_matrix", "period_of", "latest_changes", "PERIODS", "CONTESTED", "cell_position",
           "EVIDENCE_SQL", "evidence_record"]

PERIODS = PERIOD_KINDS
CONTESTED = "contested"
CONTESTED_SHORT = "CON"

EVIDENCE_SQL = """
    SELECT s.id, s.uid, s.subject, s.issue, s.predicate, s.time, s.speaker, s.modality, a.published,
           COALESCE(a.file_name, a.id) AS export_id, src.name AS source, a.url,
           substr(a.text, s.start + 1, s.end - s.start) AS evidence
    FROM effective_statements s JOIN articles a ON a.id = s.article_id LEFT JOIN sources src ON src.id = a.source_id
"""


def period_of(time: str | None, period: str) -> str:
    """The period a date (YYYY, YYYY-MM or YYYY-MM-DD) falls in; ``undated`` without one (``all``
    holds every statement, dated or not)."""
    return period_key(time, period)


@dataclasses.dataclass
class MatrixCell:
    """One state's position on one issue in one period. ``stories`` counts the independent stories
    behind ``label`` (the prevailing label, or ``contested``); ``total_stories`` every story in the
    cell; ``sources`` is ``stories`` under its older name."""

    state: str
    state_name: str
    issue: str
    issue_name: str
    period: str
    counts: dict[str, int]
    independent: dict[str, int]
    prevailing: str | None
    contested: bool
    label: str
    short: str
    stories: int
    total_stories: int
    sources: int
    contradiction: bool
    latest: dict[str, Any]
    evidence: list[dict[str, Any]]

    def as_dict(self, with_evidence: bool = False) -> dict[str, Any]:
        """The cell as plain data, as ``dataclasses.asdict`` gives it (the dicts and evidence records
        hold plain values only, so copying them one level deep copies them whole: 5 times faster
        on a report's thousands of evidence records)."""
        record = {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}
        record.update(counts=dict(self.counts), independent=dict(self.independent), latest=dict(self.latest))
        if with_evidence:
            record["evidence"] = [dict(e) for e in self.evidence]
        else:
            record.pop("evidence")
        return record


def cell_position(independent: dict[str, int], issue: Issue) -> str | None:
    """The prevailing label, or ``None`` when the cell is contested: the leading labels tie, or
    the labels contradicting the leader have as many stories between them."""
    if not independent:
        return None
    ranked = sorted(independent.items(), key=lambda kv: -kv[1])
    leader, top = ranked[0]
    if len(ranked) > 1 and ranked[1][1] == top:
        return None
    against = sum(n for label, n in independent.items() if issue.contradict(leader, label))
    return None if against >= top else leader


def _issue_of(issue_id: str, known: dict[str, Issue]) -> Issue:
    """An issue the packs no longer define is shown with its labels as they are, contradicting nothing."""
    return known.get(issue_id) or Issue(issue_id, issue_id, (), {}, {}, {}, frozenset(), {})


def stance_matrix(store: Store, period: str = "year", issue: str | None = None, states: list[str] | None = None,
                  evidence: bool = False, packs: str = "") -> list[MatrixCell]:
    """States × issues × periods: counts per label, independent stories, the prevailing label (or
    contested), the latest evidence behind the label shown, every evidence sentence
    (``evidence=True``) and the contradiction mark. Read from the pre-aggregated cells when they
    are fresh, else tallied from the statements; both give the same cells. An empty list when
    nothing matches the filters."""
    if period not in PERIODS:
        raise AllegianceError(f"unknown period {period!r}; one of {', '.join(PERIODS)}", code="bad_period")
    check_issue(issue, packs)
    known = issues(packs)
    if stance_cells_fresh(store.db):
        tallies = _tallies_from_aggregates(store.db, period, *_filters(issue, states))
    else:
        tallies = tally_cells(stance_rows(store.db, *_filters(issue, states, "s.")), period)
    tallies = {k: t for k, t in tallies.items() if k[0] not in _issue_of(k[1], known).excluded_actors}
    return _cells(store, tallies, known, period, issue, states, evidence, packs)


def _filters(issue: str | None, states: list[str] | None, prefix: str = "") -> tuple[str, list[Any]]:
    where, params = "", []
    if issue:
        where += f" AND {prefix}issue = ?"
        params.append(issue)
    if states:
        where += f" AND {prefix}subject IN ({','.join('?' * len(states))})"
        params.extend(states)
    return where, params


def _tallies_from_aggregates(db: sqlite3.Connection, period: str, where: str,
                             params: list[Any]) -> dict[tuple[str, str, str], CellTally]:
    clause, args = "period_kind = ?" + where, [period, *params]
    tallies: dict[tuple[str, str, str], CellTally] = defaultdict(CellTally)
    for r in db.execute(f"SELECT * FROM stance_cell_flags WHERE {clause}", args):
        tally = tallies[(r["subject"], r["issue"], r["period"])]
        tally.total_stories, tally.latest_all = r["stories"], ("", r["latest_id"])
    for r in db.execute(f"SELECT * FROM stance_cells WHERE {clause}", args):
        tally = tallies[(r["subject"], r["issue"], r["period"])]
        tally.statements[r["label"]] = r["statements"]
        tally.stories[r["label"]] = r["stories"]
        tally.latest[r["label"]] = ("", r["latest_id"])
    for r in db.execute(f"SELECT * FROM stance_cell_sets WHERE {clause}", args):
        tallies[(r["subject"], r["issue"], r["period"])].sets[frozenset(r["labels"].split(","))] = r["stories"]
    return dict(tallies)


def _evidence_rows(store: Store, ids: list[int]) -> dict[int, sqlite3.Row]:
    out: dict[int, sqlite3.Row] = {}
    for chunk in range(0, len(ids), 500):
        part = ids[chunk:chunk + 500]
        for row in store.db.execute(EVIDENCE_SQL + f" WHERE s.id IN ({','.join('?' * len(part))})", part):
            out[row["id"]] = row
    return out


def _cells(store: Store, tallies: dict[tuple[str, str, str], CellTally], known: dict[str, Issue], period: str,
           issue: str | None, states: list[str] | None, evidence: bool, packs: str) -> list[MatrixCell]:
    kb = knowledge_base(packs)
    chosen: dict[tuple[str, str, str], tuple[str | None, int]] = {}
    for key, tally in tallies.items():
        prevailing = cell_position(dict(tally.stories), _issue_of(key[1], known))
        chosen[key] = (prevailing, tally.latest[prevailing][1] if prevailing else tally.latest_all[1])
    shown = _evidence_rows(store, [latest for _, latest in chosen.values()])
    every = _all_evidence(store, period, issue, states) if evidence else {}
    cells = []
    for key in sorted(tallies):
        tally, (prevailing, latest) = tallies[key], chosen[key]
        definition = _issue_of(key[1], known)
        entity = kb.get(key[0])
        stories = tally.stories[prevailing] if prevailing else tally.total_stories
        cells.append(MatrixCell(
            state=key[0], state_name=entity.canonical if entity else key[0], issue=key[1],
            issue_name=definition.name, period=key[2], counts=dict(tally.statements),
            independent=dict(tally.stories), prevailing=prevailing, contested=prevailing is None,
            label=prevailing or CONTESTED,
            short=definition.short.get(prevailing, prevailing[:3].upper()) if prevailing else CONTESTED_SHORT,
            stories=stories, total_stories=tally.total_stories, sources=stories,
            contradiction=sets_contradict(tally.sets, definition.contradicts),
            latest=evidence_record(shown[latest]), evidence=every.get(key, [])))
    return cells


def _all_evidence(store: Store, period: str, issue: str | None,
                  states: list[str] | None) -> dict[tuple[str, str, str], list[dict[str, Any]]]:
    where, params = _filters(issue, states, "s.")
    into: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for r in store.db.execute(EVIDENCE_SQL + " WHERE s.kind = 'stance' AND s.subject IS NOT NULL "
                              "AND s.issue IS NOT NULL" + where, params):
        into[(r["subject"], r["issue"], period_of(r["time"] or r["published"], period))].append(evidence_record(r))
    return into


def evidence_record(row: sqlite3.Row) -> dict[str, Any]:
    return {"statement": row["uid"], "article": row["export_id"], "source": row["source"], "url": row["url"],
            "time": row["time"] or row["published"], "label": row["predicate"], "speaker": row["speaker"],
            "modality": row["modality"], "text": row["evidence"]}


def latest_changes(cells: list[MatrixCell]) -> list[dict[str, Any]]:
    """Cells of the latest dated period whose position (a label or contested) differs from the
    state's previous one."""
    by_key: dict[tuple[str, str], list[MatrixCell]] = defaultdict(list)
    for cell in cells:
        if cell.period not in ("undated", "all"):
            by_key[(cell.state, cell.issue)].append(cell)
    changes = []
    for (state, issue), history in by_key.items():
        history.sort(key=lambda c: c.period)
        if len(history) >= 2 and history[-1].label != history[-2].label:
            changes.append({"state": state, "state_name": history[-1].state_name, "issue": issue,
                            "from": history[-2].label, "from_period": history[-2].period, "to": history[-1].label,
                            "to_period": history[-1].period, "evidence": history[-1].latest})
    return sorted(changes, key=lambda c: c["to_period"], reverse=True)
