"""The embedded store: one SQLite file in WAL mode, one writer, many readers, batched writes."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import json
import logging
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from ..errors import StoreError
from ..records import Article, Rejection
from .migrations import MIGRATIONS, migrate, schema_version

if TYPE_CHECKING:
    from ..nlp.doc import Mention, Statement

__all__ = ["Store", "ArticleRow", "AnalysisLayers", "AnalysisRows", "BUSY_TIMEOUT_S", "analysis_rows", "statement_uid",
           "assign_uids"]

log = logging.getLogger(__name__)

ArticleRow = sqlite3.Row

#: How long a writer waits for another writer's transaction before giving up with a StoreError.
BUSY_TIMEOUT_S = 60.0


class AnalysisLayers(Protocol):
    """What :meth:`Store.replace_analysis` stores: a :class:`~allegiance.nlp.doc.Doc` after the
    pipeline, or a :class:`~allegiance.runner.work.AnalysisResult` from a worker."""

    @property
    def id(self) -> str: ...
    @property
    def mentions(self) -> tuple[Mention, ...]: ...
    @property
    def statements(self) -> tuple[Statement, ...]: ...
    @property
    def genre(self) -> str | None: ...


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


@functools.lru_cache(maxsize=4096)
def _topics_json(topics: tuple[str, ...]) -> str:
    """A statement's topics as stored (a JSON list); most statements share a handful of tuples."""
    return json.dumps(list(topics))


def statement_uid(article_id: str, kind: str, start: int, end: int, subject: str | None, predicate: str) -> str:
    """A statement's stable identity: a hash of its article, kind, evidence span, subject and
    predicate, so the same statement found again by a re-analysis keeps it (and what an analyst
    recorded about it). A second statement with the same identity in one article gets ``~2``, ..."""
    key = "\x1f".join((article_id, kind, str(start), str(end), subject or "", predicate))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]


def assign_uids(rows: Iterable[Any]) -> list[tuple[str, Any]]:
    """``(uid, id)`` for statement rows ``(id, article_id, kind, start, end, subject, predicate)``,
    duplicates within the rows numbered in their order."""
    seen: dict[str, int] = {}
    out = []
    for row in rows:
        uid = statement_uid(row[1], row[2], row[3], row[4], row[5], row[6])
        seen[uid] = seen.get(uid, 0) + 1
        out.append((uid if seen[uid] == 1 else f"{uid}~{seen[uid]}", row[0]))
    return out


class AnalysisRows(NamedTuple):
    """One article's analysis as the rows the store inserts: plain tuples, made from the layers
    by :func:`analysis_rows` where the analysis ran (a worker process pickles these, cheaper than
    the layers' objects, and the writer only runs ``executemany``)."""

    article_id: str
    pack_version: str
    genre: str | None
    analysed_chars: int | None
    mentions: list[tuple[Any, ...]]
    statements: list[tuple[Any, ...]]
    targets: list[tuple[int, str]]  #: (index of the statement in ``statements``, target state)


def _mention_rows(article_id: str, mentions: Iterable[Mention]) -> list[tuple[Any, ...]]:
    return [(article_id, m.start, m.end, m.text, m.entity_id, m.type, m.kind, m.confidence, m.canonical)
            for m in mentions]


def analysis_rows(doc: AnalysisLayers, pack_version: str, analysed_chars: int | None = None) -> AnalysisRows:
    """The rows :meth:`Store.write_analysis` inserts for one article's layers: the mentions, the
    statements with their uids, and each event's target states."""
    article_id, statements = doc.id, doc.statements
    uids = assign_uids((i, article_id, st.kind, st.start, st.end, st.subject, st.predicate)
                       for i, st in enumerate(statements))
    rows = [(article_id, st.kind, st.start, st.end, st.subject, st.predicate, st.object, st.issue, st.polarity,
             st.modality, st.speaker, st.time, st.value, st.unit, _topics_json(tuple(st.topics)), st.confidence,
             st.extractor, st.cue, pack_version, uid, st.factuality or None,
             *(st.subject_span or (None, None)), *(st.speaker_span or (None, None)))
            for (uid, _), st in zip(uids, statements, strict=True)]
    targets = [(i, t.strip()) for i, st in enumerate(statements)
               if st.kind == "event" and st.object for t in st.object.split(";") if t.strip()]
    return AnalysisRows(article_id, pack_version, doc.genre, analysed_chars, _mention_rows(article_id, doc.mentions),
                        rows, targets)


class Store:
    """A database file. Open with ``Store(path)``; use as a context manager to close it."""

    def __init__(self, path: str | Path, *, readonly: bool = False, busy_timeout: float = BUSY_TIMEOUT_S) -> None:
        self.path = Path(path)
        self.busy_timeout = busy_timeout
        #: Inside :meth:`search_index_deferred`: the articles whose statements await indexing,
        #: and the rowids of the articles added, whose text awaits it.
        self._deferred: dict[str, None] | None = None
        self._deferred_rowids: list[int] = []
        self._can_defer: bool | None = None
        try:
            if readonly:
                if not self.path.exists():
                    raise StoreError(f"no database at {self.path}")
                uri = f"file:{self.path.resolve()}?mode=ro"
                self.db = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False,
                                          timeout=busy_timeout)
            else:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self.db = sqlite3.connect(self.path, isolation_level=None, timeout=busy_timeout,
                                          check_same_thread=False)
                self.db.execute("PRAGMA journal_mode=WAL")
                self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA foreign_keys=ON")
            if not readonly:
                migrate(self.db)
            elif schema_version(self.db) < len(MIGRATIONS):
                self.db.close()
                raise StoreError(f"{self.path} was written by an older Allegiance: open it once for writing "
                                 "(allegiance analyze) to update it")
        except sqlite3.OperationalError as exc:
            raise self._error(exc, "cannot open the database") from exc
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot open the database: {exc}") from exc

    def _error(self, exc: sqlite3.Error, doing: str) -> StoreError:
        if "locked" in str(exc) or "busy" in str(exc):
            return StoreError(f"{self.path}: {doing}: another process held the database for more than "
                              f"{self.busy_timeout:g} s ({exc}); try again when it has finished")
        return StoreError(f"{self.path}: {doing}: {exc}")

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: everything inside commits together or not at all. Waiting for
        another writer longer than the busy timeout raises a :class:`StoreError`."""
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise self._error(exc, "cannot start a write") from exc
        try:
            yield self.db
        except BaseException as exc:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            if isinstance(exc, sqlite3.OperationalError):
                raise self._error(exc, "cannot write") from exc
            raise
        try:
            self.db.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            raise self._error(exc, "cannot commit") from exc

    @contextlib.contextmanager
    def search_index_deferred(self) -> Iterator[None]:
        """Inside a transaction: the articles :meth:`add_article` adds in the block and the
        statements :meth:`replace_analysis` writes are indexed for search (``articles_fts``,
        ``statements_fts``) at its end, one SQL statement each, instead of by the insert triggers
        row by row (FTS5 writes out a segment at the end of every statement: the triggers cost 60%
        of the CPU of those writes). The triggers are off while the table ``search_index_deferred``
        holds its row, which only this transaction sees; the indexes hold the same entries either
        way. Outside a transaction, on a store without that table, or nested, the block is plain.
        Nothing in the block may change the title or text of an article it adds or analyses
        (those triggers index it themselves)."""
        if self._deferred is not None or not self.db.in_transaction or not self._deferral_available():
            yield
            return
        self.db.execute("INSERT INTO search_index_deferred(one) VALUES (1)")
        self._deferred, self._deferred_rowids = {}, []
        try:
            yield
        finally:
            analysed, added = list(self._deferred), self._deferred_rowids
            self._deferred, self._deferred_rowids = None, []
            if self.db.in_transaction:  # else SQLite rolled it back already, the row included
                self.db.execute("DELETE FROM search_index_deferred")
                self._index_articles(added)
                self._index_evidence(analysed)

    def _deferral_available(self) -> bool:
        if self._can_defer is None:
            self._can_defer = self.db.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'search_index_deferred'"
            ).fetchone() is not None
        return self._can_defer

    _INDEX_EVIDENCE_SQL = """INSERT INTO statements_fts(rowid, evidence)
        SELECT s.id, substr(a.text, s.start + 1, s.end - s.start) FROM statements s
        JOIN articles a ON a.id = s.article_id WHERE s.article_id IN ({marks}) ORDER BY s.id"""
    _INDEX_ARTICLES_SQL = """INSERT INTO articles_fts(rowid, title, text)
        SELECT rowid, title, text FROM articles WHERE rowid IN ({marks}) ORDER BY rowid"""

    def _index_evidence(self, article_ids: list[str]) -> None:
        """Index the evidence of every statement of these articles (none of them indexed yet)."""
        for start in range(0, len(article_ids), 500):
            part = article_ids[start:start + 500]
            self.db.execute(self._INDEX_EVIDENCE_SQL.format(marks=",".join("?" * len(part))), part)

    def _index_articles(self, rowids: list[int]) -> None:
        """Index the title and text of these articles (none of them indexed yet)."""
        for start in range(0, len(rowids), 500):
            part = rowids[start:start + 500]
            self.db.execute(self._INDEX_ARTICLES_SQL.format(marks=",".join("?" * len(part))), part)

    # runs ---------------------------------------------------------------------------------
    def start_run(self, command: str, settings: dict[str, Any], versions: dict[str, str]) -> int:
        with self.transaction() as db:
            cur = db.execute(
                "INSERT INTO runs(command, started, settings, versions) VALUES (?, ?, ?, ?)",
                (command, _now(), json.dumps(settings, sort_keys=True), json.dumps(versions, sort_keys=True)),
            )
        return int(cur.lastrowid or 0)

    def finish_run(self, run_id: int, counts: dict[str, int]) -> None:
        with self.transaction() as db:
            db.execute("UPDATE runs SET finished = ?, counts = ? WHERE id = ?",
                       (_now(), json.dumps(counts, sort_keys=True), run_id))

    # ingest writes (call inside a transaction) ---------------------------------------------
    def has_origin(self, origin: str) -> bool:
        return self.db.execute("SELECT 1 FROM article_inputs WHERE origin = ?", (origin,)).fetchone() is not None

    def has_article(self, article_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def _source_id(self, name: str | None) -> int | None:
        if not name:
            return None
        self.db.execute("INSERT OR IGNORE INTO sources(name) VALUES (?)", (name,))
        row = self.db.execute("SELECT id FROM sources WHERE name = ?", (name,)).fetchone()
        return int(row[0])

    def add_article(self, article: Article, minhash: bytes | None, run_id: int) -> None:
        cur = self.db.execute(
            """INSERT OR IGNORE INTO articles(id, text, title, author, published, site, source_id, language,
                   url, canonical_url, kind, encoding, file_name, chars, minhash, run_id, ingested,
                   published_raw, date_source)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (article.id, article.text, article.title, article.author, article.published, article.site,
             self._source_id(article.source), article.language, article.url, article.canonical_url,
             article.kind, article.encoding, article.file_name, len(article.text), minhash, run_id, _now(),
             article.published_raw, article.date_source),
        )
        if self._deferred is not None and cur.rowcount == 1:  # added, not ignored: index it at the end
            self._deferred_rowids.append(int(cur.lastrowid or 0))
        self._add_fidelity(article)

    def _add_fidelity(self, article: Article) -> None:
        """How faithful the stored text is to its input (decoding, chrome removal, notes)."""
        if article.decode_replacements or article.chrome_dropped_share or article.ingest_note:
            self.db.execute("UPDATE articles SET decode_replacements = ?, chrome_dropped_share = ?, ingest_note = ? "
                            "WHERE id = ?", (article.decode_replacements, article.chrome_dropped_share,
                                             article.ingest_note, article.id))

    def free_file_name(self, name: str | None, article_id: str) -> str | None:
        """``name`` where no other article of the store is known by it, else the first of
        ``name@2``, ``name@3``... that none is: two files ``ru/001.txt`` and ``uk/001.txt`` (or
        ``x.html`` and ``x.txt``, or one name in two runs) are two export ids."""
        if name is None:
            return None
        taken = self.db.execute("SELECT 1 FROM articles WHERE file_name = ? AND id != ? LIMIT 1", (name, article_id))
        if taken.fetchone() is None:
            return name
        n = 2
        while self.db.execute("SELECT 1 FROM articles WHERE file_name = ? LIMIT 1", (f"{name}@{n}",)).fetchone():
            n += 1
        return f"{name}@{n}"

    def fill_metadata(self, article: Article) -> list[str]:
        """The metadata a copy of a stored article brings that the stored one lacks (its date, URL,
        title, author, source), filled in, so that a later copy's date is not lost; the article is
        analysed again when its date was filled (its time expressions resolve against it). The
        fields filled."""
        row = self.db.execute("SELECT published, url, title, author, source_id FROM articles WHERE id = ?",
                              (article.id,)).fetchone()
        if row is None:
            return []
        filled: dict[str, Any] = {}
        if row["published"] is None and article.published:
            filled.update(published=article.published, published_raw=article.published_raw,
                          date_source=article.date_source)
        for name in ("url", "title", "author"):
            if row[name] is None and getattr(article, name):
                filled[name] = getattr(article, name)
        if row["source_id"] is None and article.source:
            filled["source_id"] = self._source_id(article.source)
        if filled:
            self.db.execute(f"UPDATE articles SET {', '.join(f'{k} = ?' for k in filled)} WHERE id = ?",
                            (*filled.values(), article.id))
        if "published" in filled:  # another version than any pack's: pending again
            self.db.execute("UPDATE analyses SET pack_version = '' WHERE article_id = ?", (article.id,))
        return [k for k in filled if k not in ("published_raw", "date_source")]

    def add_input(self, origin: str, article_id: str, file_name: str | None, run_id: int) -> None:
        self.db.execute(
            "INSERT OR IGNORE INTO article_inputs(origin, article_id, file_name, run_id) VALUES (?, ?, ?, ?)",
            (origin, article_id, file_name, run_id),
        )
        self.db.execute("DELETE FROM rejections WHERE origin = ?", (origin,))

    def set_cluster(self, article_id: str, cluster_id: str, similarity: float) -> None:
        self.db.execute("INSERT OR IGNORE INTO clusters(article_id, cluster_id, similarity) VALUES (?, ?, ?)",
                        (article_id, cluster_id, similarity))

    def add_rejection(self, rejection: Rejection, run_id: int) -> None:
        self.db.execute(
            """INSERT INTO rejections(origin, code, message, run_id) VALUES (?, ?, ?, ?)
               ON CONFLICT(origin) DO UPDATE SET code = excluded.code, message = excluded.message""",
            (rejection.origin, rejection.code, rejection.message, run_id),
        )

    def replace_analysis(self, doc: AnalysisLayers, pack_version: str, analysed_chars: int | None = None) -> None:
        """Store one article's layers (mentions, statements, genre), replacing an earlier analysis.
        ``analysed_chars`` records a cut: the analysis read only that many characters."""
        self.write_analysis(analysis_rows(doc, pack_version, analysed_chars))

    def write_analysis(self, rows: AnalysisRows) -> None:
        """Store one article's layers from their rows (:func:`analysis_rows`, which a worker process
        can make), replacing an earlier analysis."""
        article_id = rows.article_id
        pending = self._deferred
        if pending is not None:
            if article_id in pending:  # replaced twice in one deferred block: index the first before it goes
                self._index_evidence([article_id])
            pending[article_id] = None
        self._replace_mention_rows(article_id, rows.mentions, rows.pack_version, rows.genre, rows.analysed_chars)
        self.db.execute("DELETE FROM statement_targets WHERE statement_id IN "
                        "(SELECT id FROM statements WHERE article_id = ?)", (article_id,))
        self.db.execute("DELETE FROM statements WHERE article_id = ?", (article_id,))
        self.db.executemany(
            """INSERT INTO statements(article_id, kind, start, end, subject, predicate, object, issue, polarity,
                   modality, speaker, time, value, unit, topics, confidence, extractor, cue, pack_version, uid,
                   factuality, subject_start, subject_end, speaker_start, speaker_end)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            rows.statements)
        if not rows.targets:
            return
        ids = [r[0] for r in self.db.execute("SELECT id FROM statements WHERE article_id = ? ORDER BY id",
                                             (article_id,))]
        self.db.executemany("INSERT OR IGNORE INTO statement_targets(statement_id, target) VALUES (?, ?)",
                            [(ids[i], target) for i, target in rows.targets])

    def record_analysis_error(self, article_id: str, pack_version: str, error: str) -> None:
        """An article the analysis failed on: kept (its text is intact), marked with the error, and
        retried when the pack or extractor version changes."""
        self.db.execute(
            "INSERT INTO analyses(article_id, pack_version, analysed, error) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(article_id) DO UPDATE SET pack_version = excluded.pack_version, "
            "analysed = excluded.analysed, error = excluded.error",
            (article_id, pack_version, _now(), error[:2000]),
        )

    def statements(self, article_id: str) -> list[sqlite3.Row]:
        """An article's statements with the analyst's corrections applied (``effective_statements``)."""
        return list(self.db.execute("SELECT * FROM effective_statements WHERE article_id = ? ORDER BY start, kind",
                                    (article_id,)))

    def analysis(self, article_id: str) -> sqlite3.Row | None:
        row = self.db.execute("SELECT * FROM analyses WHERE article_id = ?", (article_id,)).fetchone()
        return row  # type: ignore[no-any-return]

    def replace_mentions(self, article_id: str, mentions: Iterable[Mention], pack_version: str,
                         genre: str | None = None, analysed_chars: int | None = None) -> None:
        """Store an article's mentions from one analysis, replacing those of an earlier one."""
        self._replace_mention_rows(article_id, _mention_rows(article_id, mentions), pack_version, genre,
                                   analysed_chars)

    def _replace_mention_rows(self, article_id: str, mentions: list[tuple[Any, ...]], pack_version: str,
                              genre: str | None, analysed_chars: int | None) -> None:
        self.db.execute("DELETE FROM mentions WHERE article_id = ?", (article_id,))
        self.db.executemany(
            """INSERT OR IGNORE INTO mentions(article_id, start, end, text, entity_id, type, kind, confidence,
                   canonical) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", mentions)
        self.db.execute(
            "INSERT INTO analyses(article_id, pack_version, analysed, genre, analysed_chars) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT(article_id) DO UPDATE SET pack_version = excluded.pack_version, "
            "analysed = excluded.analysed, genre = excluded.genre, error = NULL, "
            "analysed_chars = excluded.analysed_chars",
            (article_id, pack_version, _now(), genre, analysed_chars),
        )

    _PENDING_SQL = """SELECT a.rowid AS row, a.id, {text} AS text, a.chars, a.language, a.published FROM articles a
                      LEFT JOIN analyses n ON n.article_id = a.id
                      WHERE a.rowid > ? AND (n.pack_version IS NULL OR n.pack_version != ?)
                      ORDER BY a.rowid LIMIT ?"""

    def iter_unanalysed(self, pack_version: str, page: int = 100, max_chars: int = 0) -> Iterator[sqlite3.Row]:
        """Articles never analysed, or analysed with another pack version, in ingest order, read
        ``page`` rows at a time, each text cut to ``max_chars`` characters (0: whole) in SQLite,
        so memory stays flat however many are pending and however long they are. ``chars`` is
        the length of the whole text."""
        text = f"substr(a.text, 1, {int(max_chars)})" if max_chars > 0 else "a.text"
        sql = self._PENDING_SQL.format(text=text)
        last = 0
        while True:
            rows = self.db.execute(sql, (last, pack_version, page)).fetchall()
            yield from rows
            if len(rows) < page:
                return
            last = int(rows[-1]["row"])

    def count_unanalysed(self, pack_version: str) -> int:
        return int(self.db.execute(
            """SELECT count(*) FROM articles a LEFT JOIN analyses n ON n.article_id = a.id
               WHERE n.pack_version IS NULL OR n.pack_version != ?""", (pack_version,)).fetchone()[0])

    def unanalysed_languages(self, pack_version: str) -> list[tuple[str | None, bool]]:
        """The languages of the articles :meth:`count_unanalysed` counts, each with whether one of
        its texts holds a Cyrillic letter (U+0400-U+04FF), so that a runner builds before forking
        its workers what their analysis will read (the lemma automaton, the pymorphy3 dictionaries)."""
        return [(row[0], bool(row[1])) for row in self.db.execute(
            """SELECT a.language, max(a.text GLOB '*[\u0400-\u04ff]*') FROM articles a
               LEFT JOIN analyses n ON n.article_id = a.id
               WHERE n.pack_version IS NULL OR n.pack_version != ? GROUP BY a.language""", (pack_version,))]

    def mentions(self, article_id: str) -> list[sqlite3.Row]:
        return list(self.db.execute("SELECT * FROM mentions WHERE article_id = ? ORDER BY start", (article_id,)))

    # reads --------------------------------------------------------------------------------
    def cluster_of(self, article_id: str) -> str | None:
        row = self.db.execute("SELECT cluster_id FROM clusters WHERE article_id = ?", (article_id,)).fetchone()
        return str(row[0]) if row else None

    _ARTICLES_SQL = """SELECT a.*, s.name AS source,
                             COALESCE(a.file_name, a.id) AS export_id,
                             COALESCE(c.cluster_id, a.id) AS cluster_id
                      FROM articles a
                      LEFT JOIN sources s ON s.id = a.source_id
                      LEFT JOIN clusters c ON c.article_id = a.id"""

    def articles(self) -> Iterator[sqlite3.Row]:
        """Every article with its source name, export id and cluster, in ingest order."""
        yield from self.db.execute(self._ARTICLES_SQL + " ORDER BY a.rowid")

    def article(self, key: str) -> sqlite3.Row | None:
        """One article by its id or its export id (file name), as :meth:`articles` gives it."""
        row = self.db.execute(self._ARTICLES_SQL + " WHERE a.id = ? OR a.file_name = ? ORDER BY a.rowid LIMIT 1",
                              (key, key)).fetchone()
        return row  # type: ignore[no-any-return]

    def rejections(self) -> list[sqlite3.Row]:
        return list(self.db.execute("SELECT * FROM rejections ORDER BY rowid"))

    def count(self, table: str) -> int:
        if table not in {"articles", "article_inputs", "clusters", "rejections", "runs", "sources", "mentions",
                         "analyses", "statements"}:
            raise StoreError(f"unknown table {table!r}")
        return int(self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
