"""Corroboration groups, pre-aggregated: statements from different articles that state the same
fact, with their independent stories and outlets.

A fact is a kind (stance or event), subject, predicate and object (a stance's issue; an event's
target, never an empty one), and the statements of one fact are grouped while their dates stay
within a window of each other (365 days for stances, 7 for events: three votes months apart are
three facts; undated events are not pooled, undated stances form one group). Groups are built
from ``effective_statements`` of the articles on the packs' topics, kept in ``fact_groups`` and
refreshed for the facts ``fact_dirty`` notes as changed (triggers, see ``migrations``). The same
grouping (:func:`group_facts`) serves the views when the groups are not fresh or other windows
or articles are asked for.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable

__all__ = ["FactGroup", "STANCE_WINDOW_DAYS", "EVENT_WINDOW_DAYS", "fact_rows", "group_facts",
           "refresh_fact_groups", "facts_fresh", "on_topic_condition", "read_fact_groups", "sort_groups", "FACT_ORDER"]

STANCE_WINDOW_DAYS = 365
EVENT_WINDOW_DAYS = 7
FACT_KEY = "CASE WHEN s.kind = 'stance' THEN s.issue ELSE trim(s.object) END"

_FACT_ROWS_SQL = f"""
    SELECT s.kind, s.subject, s.predicate, {FACT_KEY} AS obj, COALESCE(s.time, a.published) AS t,
           COALESCE(c.cluster_id, a.id) AS cluster, COALESCE(a.file_name, a.id) AS article, a.source_id,
           src.name AS outlet, s.id
    FROM effective_statements s JOIN articles a ON a.id = s.article_id LEFT JOIN clusters c ON c.article_id = a.id
    LEFT JOIN sources src ON src.id = a.source_id
    WHERE s.kind IN ('stance', 'event') AND s.subject IS NOT NULL AND COALESCE({FACT_KEY}, '') != '' {{where}}
"""


@dataclasses.dataclass
class FactGroup:
    kind: str
    subject: str
    predicate: str
    object: str
    first: str | None
    last: str | None
    stories: int
    outlets: int
    articles: list[str]
    outlet_names: list[str]
    first_id: int


def on_topic_condition(article: str, parties: Iterable[str], per_row: bool = False) -> tuple[str, list[str]]:
    """An SQL condition: the article (an id expression) has a stance statement, a statement on a
    pack topic, a party to an issue as a statement's subject or target, or a mention of a party.
    ``per_row`` probes per row; otherwise the on-topic articles are gathered once, by probing each
    stored article with the same indexed lookups (gathering every statement and mention of a party
    into one set instead, as this did, read most of the mentions table: 6 times slower at 20,000
    articles)."""
    named = sorted(parties)
    marks = ",".join("?" * len(named)) or "NULL"
    if per_row:
        # the first probe is the partial index's own condition (statements_on_topic holds those
        # rows only: found at once, where the one probe of the three conditions read every statement)
        return (f"""(EXISTS (SELECT 1 FROM statements x WHERE x.article_id = {article}
                              AND (x.kind = 'stance' OR x.topics != '[]'))
                     OR EXISTS (SELECT 1 FROM statements x WHERE x.article_id = {article} AND x.subject IN ({marks}))
                     OR EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = {article}
                                AND m.entity_id IN ({marks}))
                     OR EXISTS (SELECT 1 FROM statement_targets t JOIN statements y ON y.id = t.statement_id
                                WHERE y.article_id = {article} AND t.target IN ({marks})))""", named * 3)
    probe, params = on_topic_condition("topic_a.id", named, per_row=True)
    return f"{article} IN (SELECT topic_a.id FROM articles topic_a WHERE {probe})", params


def fact_rows(db: sqlite3.Connection, where: str = "", params: Iterable[object] = ()) -> list[sqlite3.Row]:
    return list(db.execute(_FACT_ROWS_SQL.format(where=where), tuple(params)))


def _day(t: str | None) -> int | None:
    if not t or not t[:4].isdigit():
        return None
    text = t + "-07-01" if len(t) == 4 else t + "-15" if len(t) == 7 else t[:10]
    try:
        return dt.date.fromisoformat(text).toordinal()
    except ValueError:
        return None


def group_facts(rows: Iterable[sqlite3.Row], stance_window: int = STANCE_WINDOW_DAYS,
                event_window: int = EVENT_WINDOW_DAYS) -> list[FactGroup]:
    """The fact groups of ``fact_rows`` rows."""
    by_key: dict[tuple[str, str, str, str], list[tuple[int | None, sqlite3.Row]]] = defaultdict(list)
    for r in rows:
        day = _day(r["t"])
        if day is None and r["kind"] == "event":
            continue  # an undated event cannot be told from another act of the same kind
        by_key[(r["kind"], r["subject"], r["predicate"], r["obj"])].append((day, r))
    groups = []
    for key, members in by_key.items():
        window = stance_window if key[0] == "stance" else event_window
        undated = [r for day, r in members if day is None]
        dated = sorted(((day, r) for day, r in members if day is not None), key=lambda m: (m[0], m[1]["id"]))
        island: list[sqlite3.Row] = []
        previous: int | None = None
        for day, r in dated:
            if previous is not None and day - previous > window:
                groups.append(_group(key, island))
                island = []
            island.append(r)
            previous = day
        for part in (island, undated):
            if part:
                groups.append(_group(key, part))
    return groups


def _group(key: tuple[str, str, str, str], members: list[sqlite3.Row]) -> FactGroup:
    times = sorted(r["t"] for r in members if r["t"])
    return FactGroup(key[0], key[1], key[2], key[3], times[0] if times else None, times[-1] if times else None,
                     len({r["cluster"] for r in members}), len({r["source_id"] for r in members} - {None}),
                     sorted({r["article"] for r in members}), sorted({r["outlet"] for r in members} - {None}),
                     min(r["id"] for r in members))


def facts_fresh(db: sqlite3.Connection) -> bool:
    built = db.execute("SELECT 1 FROM aggregate_state WHERE name = 'fact_groups'").fetchone()
    return built is not None and db.execute("SELECT 1 FROM fact_dirty LIMIT 1").fetchone() is None


def refresh_fact_groups(db: sqlite3.Connection, parties: Iterable[str], full: bool = False) -> None:
    """Rebuild the groups of the facts noted as changed (every group with ``full`` or when never
    built), over the on-topic articles (inside the caller's transaction)."""
    full = full or db.execute("SELECT 1 FROM aggregate_state WHERE name = 'fact_groups'").fetchone() is None
    scope = "" if full else (f" AND (s.kind, s.subject, s.predicate, {FACT_KEY}) IN "
                             "(SELECT kind, subject, predicate, object FROM fact_dirty)")
    db.execute("DELETE FROM fact_groups" + ("" if full else " WHERE (kind, subject, predicate, object) IN "
                                            "(SELECT kind, subject, predicate, object FROM fact_dirty)"))
    topic, params = on_topic_condition("s.article_id", parties)
    # one fact's rows at a time (SQLite sorts them by fact): memory is the largest fact's rows, not
    # every stance and event statement of the store (a list of all of them grew with the corpus)
    rows = db.execute(_FACT_ROWS_SQL.format(where=scope + " AND " + topic) + " ORDER BY 1, 2, 3, 4", params)
    for _key, members in itertools.groupby(rows, key=lambda r: (r[0], r[1], r[2], r[3])):
        db.executemany("INSERT INTO fact_groups VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       [(g.kind, g.subject, g.predicate, g.object, g.first, g.last, g.stories, g.outlets,
                         json.dumps(g.articles, ensure_ascii=False), json.dumps(g.outlet_names, ensure_ascii=False),
                         g.first_id) for g in group_facts(members)])
    db.execute("DELETE FROM fact_dirty")
    db.execute("INSERT INTO aggregate_state(name, statements, max_id, built) VALUES ('fact_groups', 0, 0, ?) "
               "ON CONFLICT(name) DO UPDATE SET built = excluded.built",
               (dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),))


FACT_ORDER = "stories DESC, outlets DESC, subject, predicate, object, first, first_id"


def sort_groups(groups: list[FactGroup]) -> list[FactGroup]:
    """Most stories first, then most outlets, then by subject, predicate, object and date (``FACT_ORDER``)."""
    return sorted(groups, key=lambda g: (-g.stories, -g.outlets, g.subject, g.predicate, g.object, g.first or "",
                                         g.first_id))


def read_fact_groups(db: sqlite3.Connection, min_stories: int = 1, kind: str | None = None,
                     limit: int | None = None) -> list[FactGroup]:
    """The stored groups with at least ``min_stories`` stories (of one kind), in ``FACT_ORDER``."""
    where, params = "stories >= ?", [min_stories]
    if kind is not None:
        where += " AND kind = ?"
        params.append(kind)  # type: ignore[arg-type]
    rows = db.execute(f"SELECT * FROM fact_groups WHERE {where} ORDER BY {FACT_ORDER} "
                      f"LIMIT {-1 if limit is None else int(limit)}", params)
    return [FactGroup(r["kind"], r["subject"], r["predicate"], r["object"], r["first"], r["last"], r["stories"],
                      r["outlets"], json.loads(r["articles"]), json.loads(r["outlet_names"]), r["first_id"])
            for r in rows]
