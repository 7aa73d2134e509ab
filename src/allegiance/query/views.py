"""The cross-source views: the stance matrix, an entity's dossier, the event timeline,
corroboration of statements across independent sources, the prediction ledger, source profiles
and the share of the corpus on the packs' topics. Each is a library function over a
:class:`Store` returning plain records, so the command line, the report and a web page share them.

Every view reads ``effective_statements`` (the statements with the analyst's corrections
applied: see :mod:`allegiance.query.record`). Independence: articles in one near-duplicate
cluster (copies and spun rewrites) are one story; corroboration counts both the stories and the
outlets. Off-topic articles (see :func:`topic_coverage`) are left out unless asked for with
``include_off_topic=True``. A filter that matches nothing gives an empty result, never a guess;
an unknown name or a date that is not a date is an error.
"""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict
from typing import Any

from ..errors import AllegianceError
from ..kb.langdata import Issue
from ..store.db import Store
from ..store.facts import (
    EVENT_WINDOW_DAYS,
    STANCE_WINDOW_DAYS,
    FactGroup,
    fact_rows,
    facts_fresh,
    group_facts,
    read_fact_groups,
    sort_groups,
)
from .lookup import check_date, issues, knowledge_base, resolve_state
from .matrix import PERIODS, MatrixCell, latest_changes, period_of, stance_matrix
from .record import correct_statement, period_end, prediction_ledger, prediction_records, resolve_prediction
from .topics import on_topic_sql, topic_coverage, topic_filter

__all__ = [
    "MatrixCell", "stance_matrix", "period_of", "latest_changes", "dossier", "timeline", "corroboration",
    "prediction_ledger", "resolve_prediction", "prediction_records", "source_profiles", "PERIODS",
    "correct_statement", "period_end", "topic_coverage", "on_topic_sql", "MAX_PAGING",
]

#: The largest ``limit`` or ``offset`` a listing takes (command line and web): far past any store,
#: and inside SQLite's 64-bit integers (a larger one ended in an OverflowError)
MAX_PAGING = 10**12


def dossier(store: Store, entity: str, limit: int = 500, packs: str = "",
            include_off_topic: bool = False) -> dict[str, Any]:
    """Everything about one entity (an id in any case or a name; never a guess: an unknown name is
    an ``unknown_entity`` error naming close ones, unless the corpus holds it as an unlisted name):
    stances over time, events as actor or target, quantities and predictions about it (the latest
    ``limit`` of each), people in its roles, and the sources that write about it."""
    kb = knowledge_base(packs)
    try:
        record = kb.lookup(entity)
    except AllegianceError:
        if store.db.execute("SELECT 1 FROM mentions WHERE canonical = ? AND entity_id IS NULL LIMIT 1",
                            (entity,)).fetchone() is None:
            raise
        record = None  # an unlisted name the corpus holds: found by its canonical form
    key = record.id if record else entity
    names = tuple(sorted({key} | ({record.canonical} if record else set())))
    # an unlisted name's mentions have no entity id (the index of canonical names holds only those)
    column = "entity_id" if record else "canonical"
    only = "" if record else " AND {m}entity_id IS NULL"
    topic, topic_params = topic_filter(include_off_topic, "s.article_id", packs, per_row=True)
    stances = [cell.as_dict() for cell in stance_matrix(store, "quarter", states=[key], packs=packs)]
    about = _about(store, column, only, names, limit, topic, topic_params)
    people = [{"person": e.canonical, "role": r.role, "from": r.start, "to": r.end}
              for e in kb.entities.values() for r in e.roles if r.of == key]
    marks = ",".join("?" * len(names))
    sources = [dict(r) for r in store.db.execute(
        f"""SELECT src.name AS source, count(*) AS articles
            FROM (SELECT DISTINCT article_id FROM mentions WHERE {column} IN ({marks}){only.format(m="")}) m
            JOIN articles a ON a.id = m.article_id LEFT JOIN sources src ON src.id = a.source_id
            GROUP BY src.name ORDER BY articles DESC""", names)]
    return {"entity": key, "name": record.canonical if record else entity, "type": record.type if record else None,
            "stances": stances, "events": _events_of(store, names, limit, topic, topic_params),
            "quantities": about["quantity"], "predictions": about["prediction"], "people": people, "sources": sources}


_STATEMENT_COLUMNS = """s.uid AS statement, s.kind, s.subject, s.predicate, s.object, s.value, s.unit, s.time,
    s.speaker, COALESCE(a.file_name, a.id) AS article, src.name AS source, a.url,
    substr(a.text, s.start + 1, s.end - s.start) AS evidence"""


def _events_of(store: Store, names: tuple[str, ...], limit: int, topic: str,
               topic_params: list[str]) -> list[dict[str, Any]]:
    marks = ",".join("?" * len(names))
    return [dict(r) for r in store.db.execute(
        f"""SELECT {_STATEMENT_COLUMNS}
            FROM effective_statements s JOIN articles a ON a.id = s.article_id
            LEFT JOIN sources src ON src.id = a.source_id
            WHERE s.id IN (SELECT id FROM statements WHERE kind = 'event' AND subject IN ({marks})
                           UNION SELECT statement_id FROM statement_targets WHERE target IN ({marks})) {topic}
            ORDER BY s.time DESC LIMIT ?""", (*names, *names, *topic_params, limit))]


_MANY_MENTIONS = 2000  # past this, statements are read newest first and checked for a mention


def _about(store: Store, column: str, only: str, names: tuple[str, ...], limit: int, topic: str,
           topic_params: list[str]) -> dict[str, list[dict[str, Any]]]:
    """Quantities and predictions whose span holds a mention of the entity, newest first. An entity
    with few mentions is read from them; one most articles mention (RUS) from the statements,
    newest first, stopping at ``limit``."""
    marks = ",".join("?" * len(names))
    mentions = store.db.execute(f"SELECT count(*) FROM (SELECT 1 FROM mentions WHERE {column} IN ({marks})"
                                f"{only.format(m='')} LIMIT {_MANY_MENTIONS})", names).fetchone()[0]
    out: dict[str, list[dict[str, Any]]] = {}
    for kind in ("quantity", "prediction"):
        if mentions < _MANY_MENTIONS:
            sql = f"""SELECT DISTINCT {_STATEMENT_COLUMNS}
                      FROM mentions m JOIN effective_statements s ON s.article_id = m.article_id
                           AND s.start <= m.start AND m.end <= s.end
                      JOIN articles a ON a.id = s.article_id LEFT JOIN sources src ON src.id = a.source_id
                      WHERE m.{column} IN ({marks}){only.format(m="m.")} AND s.kind = ? {topic}
                      ORDER BY s.time DESC LIMIT ?"""
        else:
            sql = f"""SELECT {_STATEMENT_COLUMNS}
                      FROM effective_statements s JOIN articles a ON a.id = s.article_id
                      LEFT JOIN sources src ON src.id = a.source_id
                      WHERE s.kind = ? AND EXISTS (
                          SELECT 1 FROM mentions m WHERE m.article_id = s.article_id AND m.start >= s.start
                          AND m.start < s.end AND m.end <= s.end AND m.{column} IN ({marks}){only.format(m="m.")})
                      {topic}
                      ORDER BY s.time DESC LIMIT ?"""
        params = (*names, kind, *topic_params, limit) if mentions < _MANY_MENTIONS else \
            (kind, *names, *topic_params, limit)
        out[kind] = [dict(r) for r in store.db.execute(sql, params)]
    return out


def timeline(store: Store, actor: str | None = None, target: str | None = None, event_type: str | None = None,
             country: str | None = None, source: str | None = None, start: str | None = None,
             end: str | None = None, limit: int = 1000, offset: int = 0, packs: str = "",
             include_off_topic: bool = False, undated: bool = True) -> list[dict[str, Any]]:
    """Events in time order, filtered by actor, target, country (actor or target; each an id or a
    name, resolved without guessing), PLOVER type, source and period (dates checked, inclusive).
    Events with no date follow the dated ones (``time`` None; ``undated=False`` leaves them out;
    a date filter leaves them out). ``limit`` and ``offset`` page through them."""
    start, end = check_date(start, "--since"), check_date(end, "--until")
    actor, target, country = (resolve_state(x, packs) for x in (actor, target, country))
    where, params = ["s.kind = 'event'"], []
    for clause, value in (("s.subject = ?", actor), ("s.predicate = ?", event_type), ("src.name = ?", source),
                          ("s.time >= ?", start)):
        if value is not None:
            where.append(clause)
            params.append(value)
    if target is not None:
        where.append("s.id IN (SELECT statement_id FROM statement_targets WHERE target = ?)")
        params.append(target)
    if end is not None:
        where.append(f"substr(s.time, 1, {len(end)}) <= ?")
        params.append(end)
    if country is not None:
        where.append("(s.subject = ? OR s.id IN (SELECT statement_id FROM statement_targets WHERE target = ?))")
        params.extend([country, country])
    topic, topic_params = topic_filter(include_off_topic, "s.article_id", packs, per_row=True)
    dated = _events(store, [*where, "s.time IS NOT NULL"], [*params, *topic_params], topic, limit, offset)
    if len(dated) == limit or not undated or start is not None or end is not None:
        return dated
    skipped = offset - _count_events(store, [*where, "s.time IS NOT NULL"], [*params, *topic_params], topic) \
        if not dated else 0
    return dated + _events(store, [*where, "s.time IS NULL"], [*params, *topic_params], topic,
                           limit - len(dated), max(0, skipped))


_EVENT_SQL = """SELECT s.id, s.uid AS statement, s.time, s.subject AS actor, s.predicate AS type, s.object AS target,
                       s.unit AS action, s.modality, src.name AS source, COALESCE(a.file_name, a.id) AS article, a.url,
                       substr(a.text, s.start + 1, s.end - s.start) AS evidence
                FROM effective_statements s JOIN articles a ON a.id = s.article_id
                LEFT JOIN sources src ON src.id = a.source_id"""


def _events(store: Store, where: list[str], params: list[Any], topic: str, limit: int,
            offset: int) -> list[dict[str, Any]]:
    """One page of events in time order (the time index gives the order: no sort of every event)."""
    rows = store.db.execute(f"{_EVENT_SQL} WHERE {' AND '.join(where)} {topic} ORDER BY s.time, s.id "
                            "LIMIT ? OFFSET ?", (*params, limit, offset))
    return [dict(r) for r in rows]


def _count_events(store: Store, where: list[str], params: list[Any], topic: str) -> int:
    return int(store.db.execute(
        f"""SELECT count(*) FROM effective_statements s JOIN articles a ON a.id = s.article_id
            LEFT JOIN sources src ON src.id = a.source_id WHERE {' AND '.join(where)} {topic}""",
        params).fetchone()[0])


def corroboration(store: Store, window_days: int = STANCE_WINDOW_DAYS, min_sources: int = 1,
                  event_window_days: int = EVENT_WINDOW_DAYS, packs: str = "", include_off_topic: bool = False,
                  limit: int | None = None, contested: bool = False) -> list[dict[str, Any]]:
    """Statements from different articles that state the same fact: the same kind, subject,
    predicate and object (a stance's issue, an event's resolved target; an event with no target
    is no fact to pool), and dates no further apart than ``window_days`` for stances and
    ``event_window_days`` for events (three votes on three days are three facts; undated events are
    not pooled). Each group gives its independent ``stories`` and its ``outlets``, and for a stance
    the articles that contradict it (the same state and issue with a label the issue file pairs
    as contradicting, in articles that do not give both). Groups with fewer than ``min_sources``
    stories are left out; ``contested`` keeps only contradicted stances; ``limit`` the first
    groups (most stories, then most outlets). Read from the pre-aggregated groups
    (``store.facts``) when they are fresh and the default windows, packs and articles are asked for."""
    default = (window_days, event_window_days, packs, include_off_topic) == \
        (STANCE_WINDOW_DAYS, EVENT_WINDOW_DAYS, "", False)
    if default and facts_fresh(store.db):
        stances = read_fact_groups(store.db, kind="stance")
        shown = stances if contested else read_fact_groups(store.db, min_sources, limit=limit)
    else:
        topic, params = topic_filter(include_off_topic, "s.article_id", packs, per_row=False)
        every = sort_groups(group_facts(fact_rows(store.db, topic, params), window_days, event_window_days))
        stances = [g for g in every if g.kind == "stance"]
        shown = stances if contested else every
    contradicted = _contradicting_articles(stances, issues(packs))
    shown = [g for g in shown if g.stories >= min_sources and (not contested or g.first_id in contradicted)]
    shown = shown[:limit] if limit is not None else shown
    evidence = _first_evidence(store, [g.first_id for g in shown])
    return [{"kind": g.kind, "subject": g.subject, "predicate": g.predicate, "object": g.object, "first": g.first,
             "last": g.last, "stories": g.stories, "independent_sources": g.stories, "outlet_count": g.outlets,
             "outlets": g.outlet_names, "articles": g.articles,
             "contradicted_by": contradicted.get(g.first_id, []) if g.kind == "stance" else [],
             "evidence": evidence.get(g.first_id, "")} for g in shown]


def _contradicting_articles(stances: list[FactGroup], known: dict[str, Issue]) -> dict[int, list[str]]:
    """Per stance group (by its first statement, which no other group holds): the articles of
    groups on the same state and issue with a contradicting label, less the group's own articles
    (one that gives both labels, for different acts, contradicts nothing)."""
    by_pair: dict[tuple[str, str], list[FactGroup]] = defaultdict(list)
    for g in stances:
        by_pair[(g.subject, g.object)].append(g)
    out: dict[int, list[str]] = {}
    for g in stances:
        issue = known.get(g.object)
        if issue is None:
            continue
        found = {a for other in by_pair[(g.subject, g.object)] if issue.contradict(g.predicate, other.predicate)
                 for a in other.articles} - set(g.articles)
        if found:
            out[g.first_id] = sorted(found)
    return out


def _first_evidence(store: Store, ids: list[int]) -> dict[int, str]:
    out: dict[int, str] = {}
    for chunk in range(0, len(ids), 500):
        part = ids[chunk:chunk + 500]
        out.update((r[0], r[1]) for r in store.db.execute(
            f"""SELECT s.id, substr(a.text, s.start + 1, s.end - s.start) FROM statements s
                JOIN articles a ON a.id = s.article_id WHERE s.id IN ({','.join('?' * len(part))})""", part))
    return out


def source_profiles(store: Store, ledger: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """Per outlet: articles, languages, share of opinion and reporting, share of copies of other
    outlets' stories, and its prediction record (from ``ledger``, the default ``prediction_ledger``,
    when the caller has read it already)."""
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
    records = {r["source"]: r for r in prediction_records(store, "source", ledger=ledger)}
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
