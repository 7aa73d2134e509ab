"""The one place where the web meets the query layer: each function calls the library's views
(``query/views.py``, ``query/search.py``) and shapes their records for a page or the API.

Keep the coupling here. When the views' records change (contested cells, names, outlets,
corrections, statement uids), this module is what adapts; the templates and the API read the
shapes documented in ``docs/web.md``. The few queries below answer what no view answers yet
(corpus counts, the filter choices, undated events, an article's cluster); each says so.
"""

from __future__ import annotations

import dataclasses
import functools
from collections import Counter, defaultdict
from typing import Any

from ..errors import AllegianceError
from ..kb.langdata import Issue, load_issues
from ..query import views
from ..query.lookup import check_date, resolve_state
from ..query.matrix import CONTESTED, cell_position
from ..query.search import search
from ..store.aggregates import sets_contradict
from ..store.db import Store

__all__ = [
    "corpus_numbers", "filter_choices", "matrix", "cell_evidence", "entity_dossier", "timeline_page",
    "article_page", "search_page", "ledger", "correct", "sources", "rejections", "entity_name", "issue_meta",
]

LABELS = ("support", "oppose", "neutral", "distance")


@functools.lru_cache(maxsize=1)
def _kb() -> Any:
    from ..kb.knowledge import load_knowledge_base

    return load_knowledge_base()


def entity_name(entity_id: str | None) -> str:
    """The knowledge base's canonical name of an id (``KAZ`` → Kazakhstan); the id when unknown."""
    if not entity_id:
        return ""
    record = _kb().get(entity_id)
    return str(record.canonical) if record else entity_id


@functools.lru_cache(maxsize=1)
def _issues() -> dict[str, Any]:
    from ..kb.langdata import load_issues

    return load_issues()


def issue_meta(issue: str) -> dict[str, Any]:
    """Name, label names, short labels and colours of an issue from its pack file."""
    found = _issues().get(issue)
    if found is None:
        return {"id": issue, "name": issue, "labels": {}, "short": {}, "colours": {}}
    return {"id": issue, "name": found.name, "labels": dict(found.label_names), "short": dict(found.short),
            "colours": dict(found.colours)}


_CACHE: dict[tuple[str, str], tuple[tuple[int, ...], Any]] = {}


def _state_key(store: Store) -> tuple[int, ...]:
    """What changes whenever the store does: the highest row ids of articles, statements and
    rejections (ingest and analysis write new rows) and the outcomes recorded."""
    key = [int(store.db.execute(f"SELECT COALESCE(max(rowid), 0) FROM {table}").fetchone()[0])
           for table in ("articles", "statements", "rejections", "clusters")]
    outcomes = store.db.execute("SELECT count(*), COALESCE(max(id), 0) FROM prediction_outcome_history").fetchone()
    corrections = store.db.execute("SELECT count(*), COALESCE(max(id), 0) FROM statement_corrections").fetchone()
    return (*key, int(outcomes[0]), int(outcomes[1]), int(corrections[0]), int(corrections[1]))


def _cached(store: Store, name: str, compute: Any) -> Any:
    """``compute(store)``, kept while :func:`_state_key` stays the same (the server reads a store
    that only ingest, analysis and resolving change)."""
    key = _state_key(store)
    hit = _CACHE.get((str(store.path), name))
    if hit is not None and hit[0] == key:
        return hit[1]
    value = compute(store)
    _CACHE[(str(store.path), name)] = (key, value)
    return value


def corpus_numbers(store: Store) -> dict[str, Any]:
    """The corpus in numbers. (No view gives these yet; the report computes them the same way.)"""
    return dict(_cached(store, "numbers", _corpus_numbers))


def _corpus_numbers(store: Store) -> dict[str, Any]:
    db = store.db
    dates = db.execute("SELECT min(published), max(published) FROM articles").fetchone()
    stories = db.execute("SELECT count(DISTINCT COALESCE(c.cluster_id, a.id)) FROM articles a "
                         "LEFT JOIN clusters c ON c.article_id = a.id").fetchone()[0]
    return {"articles": store.count("articles"), "stories": stories, "sources": store.count("sources"),
            "rejected": store.count("rejections"), "first": dates[0], "last": dates[1],
            "statements": dict(db.execute("SELECT kind, count(*) FROM effective_statements GROUP BY kind").fetchall()),
            "languages": dict(db.execute("SELECT COALESCE(language, '?'), count(*) FROM articles "
                                         "GROUP BY language ORDER BY count(*) DESC").fetchall())}


def filter_choices(store: Store) -> dict[str, list[str]]:
    """The values the filters offer: sources, languages, issues, event types, event actors."""
    return dict(_cached(store, "choices", _filter_choices))


def _filter_choices(store: Store) -> dict[str, list[str]]:
    db = store.db
    return {
        "sources": [r[0] for r in db.execute("SELECT name FROM sources ORDER BY name")],
        "languages": [r[0] for r in db.execute("SELECT DISTINCT language FROM articles WHERE language IS NOT NULL "
                                               "ORDER BY language")],
        "issues": sorted(_issues()),
        "event_types": [r[0] for r in db.execute(
            "SELECT DISTINCT predicate FROM effective_statements WHERE kind = 'event' ORDER BY predicate")],
        "actors": [r[0] for r in db.execute("SELECT DISTINCT subject FROM effective_statements WHERE kind = 'event' "
                                            "AND subject IS NOT NULL ORDER BY subject")],
    }


def _in_range(period: str, since: str | None, until: str | None) -> bool:
    """Whether a matrix period (2022, 2022-Q1, 2022-03, all, undated) overlaps [since, until]."""
    if period in ("all", "undated"):
        return period == "all" or not (since or until)
    start = period[:4] + (f"-{(int(period[6]) - 1) * 3 + 1:02d}" if "-Q" in period else period[4:])
    end = views.period_end(period[:4] + (f"-{int(period[6]) * 3:02d}" if "-Q" in period else period[4:]))
    return (not since or end >= since) and (not until or start[:len(until)] <= until)


def _cell_record(cell: views.MatrixCell) -> dict[str, Any]:
    """A cell for a page: contested where labels tie or split (the matrix's own rule) or where
    stories contradict each other (the ``!`` mark)."""
    record = cell.as_dict(with_evidence=False)
    record["tie"] = cell.prevailing is None
    record["contested"] = bool(cell.contested or cell.contradiction)
    return record


def _articles_meta(store: Store) -> dict[str, tuple[str | None, str]]:
    """Export id → (language, story) of every article, for filtering evidence."""
    return {r[0]: (r[1], r[2]) for r in store.db.execute(
        "SELECT COALESCE(a.file_name, a.id), a.language, COALESCE(c.cluster_id, a.id) FROM articles a "
        "LEFT JOIN clusters c ON c.article_id = a.id")}


def _language(meta: dict[str, tuple[str | None, str]], item: dict[str, Any]) -> str | None:
    return meta.get(item["article"], (None, ""))[0]


def _keep(item: dict[str, Any], meta: dict[str, tuple[str | None, str]], filters: dict[str, str | None]) -> bool:
    time = item.get("time") or ""
    since, until = filters.get("since"), filters.get("until")
    return ((not filters.get("source") or item.get("source") == filters["source"])
            and (not filters.get("language") or _language(meta, item) == filters["language"])
            and (not since or (bool(time) and time >= since))
            and (not until or (bool(time) and time[:len(until)] <= until)))


def _refilter(cell: views.MatrixCell, meta: dict[str, tuple[str | None, str]],
              filters: dict[str, str | None]) -> views.MatrixCell | None:
    """The cell recounted over the evidence the filters keep, by the matrix's own rules
    (:func:`cell_position`, the issue file's contradiction pairs); ``None`` when nothing is left."""
    kept = [e for e in cell.evidence if _keep(e, meta, filters)]
    if not kept:
        return None
    stories: dict[str, set[str]] = defaultdict(set)
    for e in kept:
        stories[meta.get(e["article"], (None, e["article"]))[1]].add(e["label"])
    independent: Counter[str] = Counter()
    for labels in stories.values():
        independent.update(labels)
    issue = load_issues().get(cell.issue) or Issue(cell.issue, cell.issue, (), {}, {}, {}, frozenset(), {})
    prevailing = cell_position(dict(independent), issue)
    shown = [e for e in kept if prevailing is None or e["label"] == prevailing]
    latest = max(shown, key=lambda e: e.get("time") or "")
    count = independent[prevailing] if prevailing else len(stories)
    return dataclasses.replace(
        cell, counts=dict(Counter(e["label"] for e in kept)), independent=dict(independent), prevailing=prevailing,
        contested=prevailing is None, label=prevailing or CONTESTED,
        short=issue.short.get(prevailing, prevailing[:3].upper()) if prevailing else "CON",
        stories=count, total_stories=len(stories), sources=count,
        contradiction=sets_contradict([frozenset(x) for x in stories.values()], issue.contradicts),
        latest=latest, evidence=kept)


def _cells(store: Store, period: str, issue: str | None, state: str | None,
           filters: dict[str, str | None], evidence: bool) -> list[views.MatrixCell]:
    for name in ("since", "until"):
        check_date(filters.get(name) or None, name)
    narrowed = bool(filters.get("source") or filters.get("language") or filters.get("since") or filters.get("until"))
    cells = views.stance_matrix(store, period, issue or None, [state] if state else None,
                                evidence=evidence or narrowed)
    if not narrowed:
        return cells
    meta = _articles_meta(store)
    out = []
    for cell in cells:
        if _in_range(cell.period, filters.get("since"), filters.get("until")):
            recounted = _refilter(cell, meta, filters)
            if recounted is not None:
                out.append(recounted)
    return out


def matrix(store: Store, period: str = "year", issue: str | None = None,
           filters: dict[str, str | None] | None = None) -> dict[str, Any]:
    """The stance matrix per issue: its periods, and per state a row of cells keyed by period."""
    cells = _cells(store, period, issue, None, filters or {}, evidence=False)
    by_issue: dict[str, dict[str, Any]] = {}
    for cell in cells:
        block = by_issue.setdefault(cell.issue, {"issue": issue_meta(cell.issue), "periods": set(), "rows": {}})
        block["periods"].add(cell.period)
        row = block["rows"].setdefault(cell.state, {"state": cell.state, "name": entity_name(cell.state),
                                                    "cells": {}})
        row["cells"][cell.period] = _cell_record(cell)
    out = []
    for key in sorted(by_issue):
        block = by_issue[key]
        periods = sorted(p for p in block["periods"] if p != "undated") + (
            ["undated"] if "undated" in block["periods"] else [])
        rows = sorted(block["rows"].values(), key=lambda r: r["name"])
        out.append({"issue": block["issue"], "periods": periods, "rows": rows})
    return {"period": period, "issues": out, "cells": sum(len(r["cells"]) for b in out for r in b["rows"])}


def cell_evidence(store: Store, state: str, issue: str, period: str, kind: str = "year",
                  filters: dict[str, str | None] | None = None) -> dict[str, Any]:
    """One cell of the matrix with every evidence sentence behind it."""
    cells = [c for c in _cells(store, kind, issue, state, filters or {}, evidence=True) if c.period == period]
    if not cells:
        raise AllegianceError(f"no stance of {state} on {issue} in {period}", code="not_found")
    record = _cell_record(cells[0])
    record["evidence"] = sorted(cells[0].evidence, key=lambda e: e.get("time") or "", reverse=True)
    record["issue_meta"] = issue_meta(issue)
    return record


def entity_dossier(store: Store, entity: str, limit: int = 100) -> dict[str, Any]:
    """The dossier of a state or person, looked up strictly (an unknown name is a 404), with the
    latest ``limit`` events, quantities and predictions."""
    key = str(resolve_state(entity))
    record = views.dossier(store, key, limit=limit)
    record["limit"] = limit
    found = _kb().get(key)
    record["roles"] = [{"role": r.role, "of": r.of, "of_name": entity_name(r.of), "from": r.start, "to": r.end}
                       for r in (found.roles if found else ())]
    record["stances"] = [{**s, "state_name": entity_name(s["state"]), "issue_name": issue_meta(s["issue"])["name"]}
                         for s in record["stances"]]
    return record


def timeline_page(store: Store, actor: str | None = None, event_type: str | None = None, since: str | None = None,
                  until: str | None = None, limit: int = 200, offset: int = 0) -> dict[str, Any]:
    """Dated events from the timeline view, and the undated ones apart (the view leaves them out)."""
    since, until = check_date(since or None, "since"), check_date(until or None, "until")
    if actor:
        actor = resolve_state(actor)
    events = views.timeline(store, actor=actor or None, event_type=event_type or None, start=since, end=until,
                            limit=offset + limit + 1)
    more = len(events) > offset + limit
    where, params = ["s.kind = 'event'", "s.time IS NULL"], []
    if actor:
        where.append("s.subject = ?")
        params.append(actor)
    if event_type:
        where.append("s.predicate = ?")
        params.append(event_type)
    undated = [] if since or until else [dict(r) for r in store.db.execute(
        f"""SELECT s.id, s.subject AS actor, s.predicate AS type, s.object AS target, s.unit AS action, s.modality,
                   src.name AS source, COALESCE(a.file_name, a.id) AS article,
                   substr(a.text, s.start + 1, s.end - s.start) AS evidence
            FROM effective_statements s JOIN articles a ON a.id = s.article_id
            LEFT JOIN sources src ON src.id = a.source_id
            WHERE {' AND '.join(where)} ORDER BY a.rowid, s.start LIMIT ?""", (*params, limit))]
    for item in [*events, *undated]:
        item["actor_name"] = entity_name(item["actor"])
    return {"events": events[offset:offset + limit], "undated": undated, "more": more, "limit": limit,
            "offset": offset}


def _segments(text: str, statements: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The text cut at every statement boundary; each piece lists the statements covering it."""
    cuts = {0, len(text)}
    for st in statements:
        cuts.update((max(0, min(st["start"], len(text))), max(0, min(st["end"], len(text)))))
    edges = sorted(cuts)
    out = []
    for start, end in zip(edges, edges[1:], strict=False):
        covering = [st["id"] for st in statements if st["start"] <= start and end <= st["end"]]
        out.append({"text": text[start:end], "statements": covering})
    return out


_KIND_ORDER = {"stance": 0, "prediction": 1, "event": 2, "quantity": 3, "claim": 4}


def article_page(store: Store, key: str) -> dict[str, Any]:
    """An article with its statements and where each sits in the text, its cluster and copies."""
    from ..query.show import find_article

    article = find_article(store, key)
    article.pop("minhash", None)
    statements = [dict(r) for r in store.statements(article["id"])]
    for st in statements:
        st["evidence"] = article["text"][st["start"]:st["end"]]
        st["subject_name"] = entity_name(st["subject"])
    segments = _segments(article["text"], statements)
    by_id = {st["id"]: st for st in statements}
    for seg in segments:
        top = sorted((by_id[i] for i in seg["statements"]), key=lambda s: _KIND_ORDER.get(s["kind"], 9))
        seg["top"] = top[0] if top else None
    copies = [dict(r) for r in store.db.execute(  # no view lists a story's members yet
        """SELECT COALESCE(a.file_name, a.id) AS article, a.title, a.published, src.name AS source, c.similarity
           FROM clusters c JOIN articles a ON a.id = c.article_id LEFT JOIN sources src ON src.id = a.source_id
           WHERE c.cluster_id = ? AND c.article_id != ? ORDER BY a.published""",
        (article["cluster_id"], article["id"]))]
    return {"article": article, "statements": statements, "segments": segments, "copies": copies,
            "analysis": dict(store.analysis(article["id"]) or {})}


def search_page(store: Store, query: str, **filters: Any) -> list[dict[str, Any]]:
    hits = search(store, query, **filters)
    out = []
    for hit in hits:
        record = hit.as_dict()
        pieces, last = [], 0
        for start, end in hit.highlights:
            pieces += [{"text": hit.snippet[last:start], "mark": False}, {"text": hit.snippet[start:end], "mark": True}]
            last = end
        pieces.append({"text": hit.snippet[last:], "mark": False})
        record["pieces"] = pieces
        out.append(record)
    return out


LEDGER_STATUSES = ("all", "open", "overdue", "resolved")


def _status(item: dict[str, Any]) -> str:
    return "resolved" if item.get("outcome") else "overdue" if item.get("overdue") else "open"


def ledger(store: Store, status: str = "all") -> dict[str, Any]:
    """The prediction ledger with each prediction's status, the counts, and the records by
    source and by speaker."""
    if status not in LEDGER_STATUSES:
        raise AllegianceError(f"unknown status {status!r}; one of {', '.join(LEDGER_STATUSES)}", code="bad_status")
    data = _cached(store, "ledger", _ledger)
    return {**data, "predictions": [i for i in data["predictions"] if status == "all" or i["status"] == status]}


def _ledger(store: Store) -> dict[str, Any]:
    items = views.prediction_ledger(store)
    for item in items:
        item["status"] = _status(item)
    counts = Counter(item["status"] for item in items)
    return {"predictions": items, "counts": {s: counts.get(s, 0) for s in LEDGER_STATUSES[1:]},
            "by_source": views.prediction_records(store, "source"),
            "by_speaker": views.prediction_records(store, "speaker")}


def sources(store: Store) -> list[dict[str, Any]]:
    return list(_cached(store, "sources", views.source_profiles))


def rejections(store: Store) -> list[dict[str, Any]]:
    from ..errors import REJECTION_CODES

    return [{"origin": r["origin"], "code": r["code"], "message": r["message"],
             "meaning": REJECTION_CODES.get(r["code"], "")} for r in store.rejections()]


def correct(store: Store, statement: str, action: str, label: str | None, note: str) -> str:
    """Record an analyst's correction of ``statement`` (its uid; appended to its history, honoured
    by every view) and return the export id of its article."""
    if action not in ("wrong", "confirm", "relabel"):
        raise AllegianceError("action must be wrong, confirm or relabel", code="bad_correction")
    if not note.strip():
        raise AllegianceError("a correction needs a note: what the evidence says", code="bad_correction")
    views.correct_statement(store, statement, action, label=label or None, note=note, by="web")
    row = store.db.execute("SELECT COALESCE(a.file_name, a.id) FROM statements s "
                           "JOIN articles a ON a.id = s.article_id WHERE s.uid = ?", (statement,)).fetchone()
    return str(row[0]) if row else ""


def resolve(store: Store, statement: str, outcome: str, note: str, evidence: str | None) -> None:
    """Record an outcome (appended to the prediction's history) for ``statement``, its uid."""
    views.resolve_prediction(store, statement, outcome, note, evidence or None, by="web")
