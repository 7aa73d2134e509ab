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


def m007_ingest_fidelity(db: sqlite3.Connection) -> None:
    """Per article: bytes replaced in decoding, share of lines dropped as chrome, an ingest note."""
    _run(db, """ALTER TABLE articles ADD COLUMN decode_replacements INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE articles ADD COLUMN chrome_dropped_share REAL NOT NULL DEFAULT 0;
                ALTER TABLE articles ADD COLUMN ingest_note TEXT""")


def m008_evidence_views(db: sqlite3.Connection) -> None:
    """Views for SQL and Datasette users: each statement with its evidence text, article, source and
    date; articles with their source, cluster and analysis; the prediction ledger with outcomes."""
    _run(
        db,
        """
        CREATE VIEW article_overview AS
        SELECT a.id AS article_id, COALESCE(a.file_name, a.id) AS export_id, a.title, src.name AS source, a.author,
               a.published, a.language, a.url, a.canonical_url, COALESCE(c.cluster_id, a.id) AS cluster_id,
               a.chars, n.genre, n.pack_version, n.error AS analysis_error, a.ingested
        FROM articles a
        LEFT JOIN sources src ON src.id = a.source_id
        LEFT JOIN clusters c ON c.article_id = a.id
        LEFT JOIN analyses n ON n.article_id = a.id;
        CREATE VIEW statement_evidence AS
        SELECT s.id AS statement_id, s.kind, s.subject, s.predicate, s.object, s.issue, s.polarity, s.modality,
               s.speaker, s.time, COALESCE(s.time, a.published) AS date, s.value, s.unit, s.topics, s.confidence,
               substr(a.text, s.start + 1, s.end - s.start) AS evidence, s.start, s.end,
               a.id AS article_id, COALESCE(a.file_name, a.id) AS export_id, a.title, src.name AS source,
               a.published, a.language, COALESCE(a.url, a.canonical_url) AS url,
               COALESCE(c.cluster_id, a.id) AS cluster_id, s.extractor, s.pack_version
        FROM statements s
        JOIN articles a ON a.id = s.article_id
        LEFT JOIN sources src ON src.id = a.source_id
        LEFT JOIN clusters c ON c.article_id = a.id;
        CREATE VIEW stance_evidence AS
        SELECT statement_id, subject AS state, issue, predicate AS stance, modality, speaker, date, evidence,
               export_id, title, source, url, cluster_id
        FROM statement_evidence WHERE kind = 'stance';
        CREATE VIEW event_evidence AS
        SELECT statement_id, subject AS actor, predicate AS plover_type, unit AS action, object AS target, modality,
               date, evidence, export_id, title, source, url, cluster_id
        FROM statement_evidence WHERE kind = 'event';
        CREATE VIEW prediction_evidence AS
        SELECT e.statement_id, e.speaker, e.subject, NULLIF(e.time, e.published) AS horizon, e.published,
               e.evidence, e.export_id, e.title, e.source, e.url, o.outcome, o.note AS outcome_note,
               o.evidence AS outcome_evidence, o.resolved
        FROM statement_evidence e LEFT JOIN prediction_outcomes o ON o.statement_id = e.statement_id
        WHERE e.kind = 'prediction'
        """,
    )


MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (
    m001_ingest, m002_mentions, m003_statements, m004_prediction_outcomes, m005_stance_aggregates,
    m006_analysis_errors, m007_ingest_fidelity, m008_evidence_views)


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
