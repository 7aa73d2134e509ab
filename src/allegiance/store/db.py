"""The embedded store: one SQLite file in WAL mode, one writer, many readers, batched writes."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import StoreError
from ..records import Article, Rejection
from .migrations import migrate

if TYPE_CHECKING:
    from ..nlp.doc import Doc, Mention

__all__ = ["Store", "ArticleRow"]

log = logging.getLogger(__name__)

ArticleRow = sqlite3.Row


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class Store:
    """A database file. Open with ``Store(path)``; use as a context manager to close it."""

    def __init__(self, path: str | Path, *, readonly: bool = False) -> None:
        self.path = Path(path)
        try:
            if readonly:
                if not self.path.exists():
                    raise StoreError(f"no database at {self.path}")
                uri = f"file:{self.path.resolve()}?mode=ro"
                self.db = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
            else:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self.db = sqlite3.connect(self.path, isolation_level=None, timeout=30, check_same_thread=False)
                self.db.execute("PRAGMA journal_mode=WAL")
                self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA foreign_keys=ON")
            if not readonly:
                migrate(self.db)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot open the database: {exc}") from exc

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: everything inside commits together or not at all."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

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
        self.db.execute(
            """INSERT OR IGNORE INTO articles(id, text, title, author, published, site, source_id, language,
                   url, canonical_url, kind, encoding, file_name, chars, minhash, run_id, ingested)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (article.id, article.text, article.title, article.author, article.published, article.site,
             self._source_id(article.source), article.language, article.url, article.canonical_url,
             article.kind, article.encoding, article.file_name, len(article.text), minhash, run_id, _now()),
        )

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

    def replace_analysis(self, doc: Doc, pack_version: str) -> None:
        """Store one article's layers (mentions, statements, genre), replacing an earlier analysis."""
        self.replace_mentions(doc.id, doc.mentions, pack_version, genre=doc.genre)
        self.db.execute("DELETE FROM statement_targets WHERE statement_id IN "
                        "(SELECT id FROM statements WHERE article_id = ?)", (doc.id,))
        self.db.execute("DELETE FROM statements WHERE article_id = ?", (doc.id,))
        for st in doc.statements:
            cur = self.db.execute(
                """INSERT INTO statements(article_id, kind, start, end, subject, predicate, object, issue, polarity,
                       modality, speaker, time, value, unit, topics, confidence, extractor, cue, pack_version,
                       factuality, subject_start, subject_end, speaker_start, speaker_end)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                (doc.id, st.kind, st.start, st.end, st.subject, st.predicate, st.object, st.issue, st.polarity,
                 st.modality, st.speaker, st.time, st.value, st.unit, json.dumps(list(st.topics)), st.confidence,
                 st.extractor, st.cue, pack_version, st.factuality or None,
                 *(st.subject_span or (None, None)), *(st.speaker_span or (None, None))))
            if st.kind == "event" and st.object:
                self.db.executemany("INSERT OR IGNORE INTO statement_targets(statement_id, target) VALUES (?, ?)",
                                    [(cur.lastrowid, t.strip()) for t in st.object.split(";") if t.strip()])

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
        return list(self.db.execute("SELECT * FROM statements WHERE article_id = ? ORDER BY start, kind",
                                    (article_id,)))

    def analysis(self, article_id: str) -> sqlite3.Row | None:
        row = self.db.execute("SELECT * FROM analyses WHERE article_id = ?", (article_id,)).fetchone()
        return row  # type: ignore[no-any-return]

    def replace_mentions(self, article_id: str, mentions: Iterable[Mention], pack_version: str,
                         genre: str | None = None) -> None:
        """Store an article's mentions from one analysis, replacing those of an earlier one."""
        self.db.execute("DELETE FROM mentions WHERE article_id = ?", (article_id,))
        self.db.executemany(
            """INSERT OR IGNORE INTO mentions(article_id, start, end, text, entity_id, type, kind, confidence,
                   canonical) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            [(article_id, m.start, m.end, m.text, m.entity_id, m.type, m.kind, m.confidence, m.canonical)
             for m in mentions],
        )
        self.db.execute(
            "INSERT INTO analyses(article_id, pack_version, analysed, genre) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(article_id) DO UPDATE SET pack_version = excluded.pack_version, "
            "analysed = excluded.analysed, genre = excluded.genre, error = NULL",
            (article_id, pack_version, _now(), genre),
        )

    def unanalysed(self, pack_version: str) -> list[sqlite3.Row]:
        """Articles never analysed, or analysed with another pack version."""
        return list(self.db.execute(
            """SELECT a.id, a.text, a.language, a.published FROM articles a
               LEFT JOIN analyses n ON n.article_id = a.id
               WHERE n.pack_version IS NULL OR n.pack_version != ? ORDER BY a.rowid""", (pack_version,)))

    def mentions(self, article_id: str) -> list[sqlite3.Row]:
        return list(self.db.execute("SELECT * FROM mentions WHERE article_id = ? ORDER BY start", (article_id,)))

    # reads --------------------------------------------------------------------------------
    def cluster_of(self, article_id: str) -> str | None:
        row = self.db.execute("SELECT cluster_id FROM clusters WHERE article_id = ?", (article_id,)).fetchone()
        return str(row[0]) if row else None

    def signatures(self) -> Iterator[tuple[str, bytes]]:
        yield from self.db.execute("SELECT id, minhash FROM articles WHERE minhash IS NOT NULL ORDER BY rowid")

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
