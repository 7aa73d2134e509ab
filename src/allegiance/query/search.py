"""Full-text search over article titles and text and over statement evidence (SQLite FTS5).

The indexes (``articles_fts``, ``statements_fts``) are built by a store migration and kept in
step with the articles and statements tables by triggers. A query uses FTS5 syntax: words (all
must occur), ``"a phrase"``, ``OR``, ``NOT``, ``prefix*``. A malformed query is an
:class:`AllegianceError` with code ``bad_query``, never a crash.

Hits from both indexes are merged by rank (bm25, best first). A hit on evidence names the
statement: its id, kind, label (predicate) and subject. A word found in more than
:data:`RANK_WINDOW` rows is ranked among the most recently stored matches first, so that a
common word costs a bounded time.
"""

from __future__ import annotations

import dataclasses
import re
import sqlite3
from typing import Any

from ..errors import AllegianceError
from ..store.db import Store
from .lookup import check_date, resolve_state

__all__ = ["SearchHit", "search", "SEARCH_SCOPES", "RANK_WINDOW"]

SEARCH_SCOPES = ("all", "articles", "evidence")
_OPEN, _CLOSE = "\ue000", "\ue001"  # private-use marks around matched words in a snippet


@dataclasses.dataclass(frozen=True)
class SearchHit:
    """One match. ``highlights`` are (start, end) offsets of matched words within ``snippet``."""

    kind: str  # "article" (title or text) or "evidence" (a statement's sentence)
    article: str  # export id (file name, else article id): the key of the article view
    article_id: str
    title: str | None
    source: str | None
    date: str | None
    language: str | None
    snippet: str
    highlights: tuple[tuple[int, int], ...]
    rank: float
    statement_id: int | None = None
    statement_kind: str | None = None
    label: str | None = None
    subject: str | None = None

    def as_dict(self) -> dict[str, Any]:
        record = dataclasses.asdict(self)
        record["highlights"] = [list(h) for h in self.highlights]
        return record


def _split_marks(marked: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    length, start = 0, -1
    for piece in re.split(f"([{_OPEN}{_CLOSE}])", marked or ""):
        if piece == _OPEN:
            start = length
        elif piece == _CLOSE:
            if start >= 0:
                spans.append((start, length))
            start = -1
        else:
            out.append(piece)
            length += len(piece)
    return "".join(out), tuple(spans)


def _filters(alias: str, date: str, since: str | None, until: str | None, source: str | None,
             language: str | None) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if since:
        where.append(f"{date} >= ?")
        params.append(since)
    if until:
        where.append(f"substr({date}, 1, {len(until)}) <= ?")
        params.append(until)
    if source:
        where.append("src.name = ?")
        params.append(source)
    if language:
        where.append(f"{alias}.language = ?")
        params.append(language)
    return where, params


# Two steps, so that a word found in a million rows costs one ranking pass and a snippet for the
# few hits shown only: the best rowids first (joining the tables only when a filter needs them),
# then the snippets and metadata of those rowids.
_JOIN_EVIDENCE = ("JOIN effective_statements s ON s.id = statements_fts.rowid JOIN articles a ON a.id = s.article_id "
                  "LEFT JOIN sources src ON src.id = a.source_id")
_JOIN_ARTICLES = "JOIN articles a ON a.rowid = articles_fts.rowid LEFT JOIN sources src ON src.id = a.source_id"

_TOP_SQL = """
    SELECT {table}.rowid AS id, {rank} AS rank FROM {table} {join}
    WHERE {table} MATCH ? {where} ORDER BY rank LIMIT ?
"""

_EVIDENCE_SQL = """
    SELECT statements_fts.rowid AS id, snippet(statements_fts, 0, '{o}', '{c}', '…', 32) AS snippet,
           s.kind AS statement_kind, s.predicate AS label, s.subject,
           a.id AS article_id, COALESCE(a.file_name, a.id) AS article, a.title, src.name AS source,
           COALESCE(s.time, a.published) AS date, a.language
    FROM statements_fts {join}
    WHERE statements_fts MATCH ? AND statements_fts.rowid IN ({ids})
"""

_ARTICLE_SQL = """
    SELECT articles_fts.rowid AS id, snippet(articles_fts, -1, '{o}', '{c}', '…', 32) AS snippet,
           a.id AS article_id, COALESCE(a.file_name, a.id) AS article, a.title, src.name AS source,
           a.published AS date, a.language
    FROM articles_fts {join}
    WHERE articles_fts MATCH ? AND articles_fts.rowid IN ({ids})
"""


#: A word found in more rows than this is ranked among the most recently stored matches this many
#: first (bm25 reads every match's length: a million matches cost seconds); when that window
#: holds too few hits for the page asked, or a filter thins it out, the whole index is ranked.
RANK_WINDOW = 10_000


def _best(store: Store, table: str, rank: str, join: str, where: list[str], params: list[Any], query: str,
          wanted: int) -> list[tuple[int, float]]:
    def ranked(bound: int | None) -> list[tuple[int, float]]:
        clauses = ([f"{table}.rowid >= ?"] if bound is not None else []) + where
        sql = _TOP_SQL.format(table=table, rank=rank, join=join if where else "",
                              where="".join(f" AND {w}" for w in clauses))
        args = [query, *([bound] if bound is not None else []), *params, wanted]
        return [(int(r["id"]), float(r["rank"])) for r in _run(store, sql, args)]

    if wanted <= RANK_WINDOW:
        edge = _run(store, f"SELECT rowid FROM {table} WHERE {table} MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?",
                    [query, RANK_WINDOW - 1])
        if edge:
            found = ranked(int(edge[0][0]))
            if len(found) >= wanted:
                return found
    return ranked(None)


def _details(store: Store, template: str, join: str, query: str, best: list[tuple[int, float]]) -> list[Any]:
    if not best:
        return []
    sql = template.format(o=_OPEN, c=_CLOSE, join=join, ids=",".join("?" * len(best)))
    rows = {int(r["id"]): r for r in _run(store, sql, [query, *(i for i, _ in best)])}
    return [(rows[i], rank) for i, rank in best if i in rows]


def _run(store: Store, sql: str, params: list[Any]) -> list[sqlite3.Row]:
    try:
        return list(store.db.execute(sql, params))
    except sqlite3.OperationalError as exc:
        message = str(exc)
        if "no such table" in message and "_fts" in message:
            raise AllegianceError(f"{store.path} has no search index yet: open it once with a command that writes "
                                  "(allegiance analyze) to upgrade it", code="no_search_index") from exc
        raise AllegianceError(f"cannot search for that: {message.removeprefix('fts5: ')} (FTS5 syntax: words, "
                              '"a phrase", OR, NOT, prefix*; put other punctuation inside quotes)',
                              code="bad_query") from exc


def search(store: Store, query: str, *, since: str | None = None, until: str | None = None,
           source: str | None = None, language: str | None = None, actor: str | None = None,
           scope: str = "all", limit: int = 50, offset: int = 0) -> list[SearchHit]:
    """Articles and statement evidence matching ``query`` (FTS5 syntax), best first, filtered by
    date (the statement's time or the article's date, YYYY[-MM[-DD]], inclusive), source name,
    language code and actor (an id or name: the statement's subject or target; for articles, an
    entity the article mentions). ``scope`` is all, articles or evidence."""
    if not query or not query.strip():
        raise AllegianceError("empty search query", code="bad_query")
    if scope not in SEARCH_SCOPES:
        raise AllegianceError(f"unknown scope {scope!r}; one of {', '.join(SEARCH_SCOPES)}", code="bad_query")
    if limit < 0 or offset < 0:
        raise AllegianceError("limit and offset must not be negative", code="bad_query")
    since, until = check_date(since or None, "since"), check_date(until or None, "until")
    actor_id = resolve_state(actor) if actor else None
    wanted = offset + limit
    hits: list[SearchHit] = []
    if scope in ("all", "evidence"):
        where, params = _filters("a", "COALESCE(s.time, a.published)", since, until, source, language)
        if actor_id:
            where.append("(s.subject = ? OR EXISTS (SELECT 1 FROM statement_targets t "
                         "WHERE t.statement_id = s.id AND t.target = ?))")
            params += [actor_id, actor_id]
        best = _best(store, "statements_fts", "statements_fts.rank", _JOIN_EVIDENCE, where, params, query, wanted)
        for r, rank in _details(store, _EVIDENCE_SQL, _JOIN_EVIDENCE, query, best):
            text, marks = _split_marks(r["snippet"])
            hits.append(SearchHit("evidence", r["article"], r["article_id"], r["title"], r["source"], r["date"],
                                  r["language"], text, marks, rank, r["id"], r["statement_kind"], r["label"],
                                  r["subject"]))
    if scope in ("all", "articles"):
        where, params = _filters("a", "a.published", since, until, source, language)
        if actor_id:
            where.append("EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = a.id AND m.entity_id = ?)")
            params.append(actor_id)
        best = _best(store, "articles_fts", "bm25(articles_fts, 2.0, 1.0)", _JOIN_ARTICLES, where, params, query,
                     wanted)
        for r, rank in _details(store, _ARTICLE_SQL, _JOIN_ARTICLES, query, best):
            text, marks = _split_marks(r["snippet"])
            hits.append(SearchHit("article", r["article"], r["article_id"], r["title"], r["source"], r["date"],
                                  r["language"], text, marks, rank))
    hits.sort(key=lambda h: (h.rank, h.kind, h.article, h.statement_id or 0))
    return hits[offset:offset + limit]
