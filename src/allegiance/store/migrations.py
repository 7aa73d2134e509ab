"""Numbered schema migrations. Each is a function applied once, in order, in its own transaction
(the connection is in autocommit mode); ``PRAGMA user_version`` records how many have run.
Never edit a released one: add the next."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

__all__ = ["MIGRATIONS", "migrate", "schema_version"]


def _run(db: sqlite3.Connection, script: str) -> None:
    """Run DDL statements one by one, inside the caller's transaction (executescript would commit)."""
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


def m001_ingest(db: sqlite3.Connection) -> None:
    _run(
        db,
        """
        CREATE TABLE runs (
            id INTEGER PRIMARY KEY,
            command TEXT NOT NULL,
            started TEXT NOT NULL,
            finished TEXT,
            settings TEXT NOT NULL,
            versions TEXT NOT NULL,
            counts TEXT
        );
        CREATE TABLE sources (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE
        );
        CREATE TABLE articles (
            id TEXT PRIMARY KEY,
            text TEXT NOT NULL,
            title TEXT,
            author TEXT,
            published TEXT,
            site TEXT,
            source_id INTEGER REFERENCES sources(id),
            language TEXT,
            url TEXT,
            canonical_url TEXT,
            kind TEXT NOT NULL,
            encoding TEXT,
            file_name TEXT,
            chars INTEGER NOT NULL,
            minhash BLOB,
            run_id INTEGER REFERENCES runs(id),
            ingested TEXT NOT NULL
        );
        CREATE INDEX articles_published ON articles(published);
        CREATE INDEX articles_source ON articles(source_id);
        CREATE TABLE article_inputs (
            origin TEXT PRIMARY KEY,
            article_id TEXT NOT NULL REFERENCES articles(id),
            file_name TEXT,
            run_id INTEGER REFERENCES runs(id)
        );
        CREATE INDEX article_inputs_article ON article_inputs(article_id);
        CREATE TABLE clusters (
            article_id TEXT PRIMARY KEY REFERENCES articles(id),
            cluster_id TEXT NOT NULL,
            similarity REAL NOT NULL
        );
        CREATE INDEX clusters_cluster ON clusters(cluster_id);
        CREATE TABLE rejections (
            origin TEXT PRIMARY KEY,
            code TEXT NOT NULL,
            message TEXT NOT NULL,
            run_id INTEGER REFERENCES runs(id)
        );
        """
    )


def m002_mentions(db: sqlite3.Connection) -> None:
    _run(
        db,
        """
        CREATE TABLE analyses (
            article_id TEXT PRIMARY KEY REFERENCES articles(id),
            pack_version TEXT NOT NULL,
            analysed TEXT NOT NULL
        );
        CREATE TABLE mentions (
            article_id TEXT NOT NULL REFERENCES articles(id),
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            text TEXT NOT NULL,
            entity_id TEXT,
            type TEXT NOT NULL,
            kind TEXT NOT NULL,
            confidence REAL NOT NULL,
            canonical TEXT NOT NULL,
            PRIMARY KEY (article_id, start, end, kind)
        );
        CREATE INDEX mentions_entity ON mentions(entity_id)
        """,
    )


def m003_statements(db: sqlite3.Connection) -> None:
    _run(
        db,
        """
        ALTER TABLE analyses ADD COLUMN genre TEXT;
        CREATE TABLE statements (
            id INTEGER PRIMARY KEY,
            article_id TEXT NOT NULL REFERENCES articles(id),
            kind TEXT NOT NULL,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            subject TEXT,
            predicate TEXT NOT NULL,
            object TEXT,
            issue TEXT,
            polarity TEXT NOT NULL,
            modality TEXT NOT NULL,
            speaker TEXT,
            time TEXT,
            value REAL,
            unit TEXT,
            topics TEXT NOT NULL,
            confidence REAL NOT NULL,
            extractor TEXT NOT NULL,
            cue TEXT NOT NULL,
            pack_version TEXT NOT NULL
        );
        CREATE INDEX statements_article ON statements(article_id);
        CREATE INDEX statements_kind_subject ON statements(kind, subject);
        CREATE INDEX statements_issue ON statements(issue, subject, time)
        """,
    )


def m004_prediction_outcomes(db: sqlite3.Connection) -> None:
    _run(
        db,
        """
        CREATE TABLE prediction_outcomes (
            statement_id INTEGER PRIMARY KEY,
            outcome TEXT NOT NULL CHECK (outcome IN ('true', 'false', 'partly')),
            note TEXT NOT NULL DEFAULT '',
            evidence TEXT,
            resolved TEXT NOT NULL
        );
        CREATE INDEX statements_time ON statements(kind, time)
        """,
    )


def m005_stance_aggregates(db: sqlite3.Connection) -> None:
    _run(
        db,
        """
        CREATE TABLE stance_cells (
            period_kind TEXT NOT NULL,
            period TEXT NOT NULL,
            subject TEXT NOT NULL,
            issue TEXT NOT NULL,
            label TEXT NOT NULL,
            statements INTEGER NOT NULL,
            stories INTEGER NOT NULL,
            latest_id INTEGER NOT NULL,
            PRIMARY KEY (period_kind, subject, issue, period, label)
        );
        CREATE TABLE stance_cell_flags (
            period_kind TEXT NOT NULL,
            period TEXT NOT NULL,
            subject TEXT NOT NULL,
            issue TEXT NOT NULL,
            stories INTEGER NOT NULL,
            contradiction INTEGER NOT NULL,
            latest_id INTEGER NOT NULL,
            PRIMARY KEY (period_kind, subject, issue, period)
        );
        CREATE TABLE aggregate_state (
            name TEXT PRIMARY KEY,
            statements INTEGER NOT NULL,
            max_id INTEGER NOT NULL,
            built TEXT NOT NULL
        );
        CREATE TABLE statement_targets (
            statement_id INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
            target TEXT NOT NULL,
            PRIMARY KEY (target, statement_id)
        ) WITHOUT ROWID;
        CREATE INDEX mentions_canonical ON mentions(canonical);
        CREATE INDEX statements_kind_subject_time ON statements(kind, subject, time)
        """,
    )


def m006_analysis_errors(db: sqlite3.Connection) -> None:
    _run(db, "ALTER TABLE analyses ADD COLUMN error TEXT")


def m007_statement_factuality(db: sqlite3.Connection) -> None:
    """How the clause holds each statement, and the spans of its subject's and speaker's mentions."""
    for column in ("factuality TEXT", "subject_start INTEGER", "subject_end INTEGER", "speaker_start INTEGER",
                   "speaker_end INTEGER"):
        _run(db, f"ALTER TABLE statements ADD COLUMN {column}")


MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (
    m001_ingest, m002_mentions, m003_statements, m004_prediction_outcomes, m005_stance_aggregates,
    m006_analysis_errors, m007_statement_factuality)


def schema_version(db: sqlite3.Connection) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def migrate(db: sqlite3.Connection) -> int:
    """Apply the pending migrations; return the schema version reached."""
    version = schema_version(db)
    for number, step in enumerate(MIGRATIONS[version:], start=version + 1):
        db.execute("BEGIN IMMEDIATE")
        try:
            step(db)
            db.execute(f"PRAGMA user_version = {number}")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")
    return schema_version(db)
