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


def m008_statement_uids(db: sqlite3.Connection) -> None:
    """A stable identity per statement (see ``store.db.statement_uid``): what an analyst records
    about a statement refers to it, so re-analysis cannot orphan it."""
    from .db import assign_uids

    _run(db, "ALTER TABLE statements ADD COLUMN uid TEXT")
    rows = db.execute("SELECT id, article_id, kind, start, end, subject, predicate FROM statements "
                      "ORDER BY article_id, id").fetchall()
    db.executemany("UPDATE statements SET uid = ? WHERE id = ?", assign_uids(rows))
    _run(db, "CREATE UNIQUE INDEX statements_uid ON statements(uid)")


def m009_analyst_history(db: sqlite3.Connection) -> None:
    """Outcomes of predictions and corrections of statements: append-only, by uid, with who and
    when; the latest entry is in force (``current_outcomes`` keeps it, by trigger). Outcomes
    recorded before are carried over."""
    _run(
        db,
        """
        CREATE TABLE prediction_outcome_history (
            id INTEGER PRIMARY KEY,
            statement_uid TEXT NOT NULL,
            outcome TEXT NOT NULL CHECK (outcome IN ('true', 'false', 'partly')),
            note TEXT NOT NULL DEFAULT '',
            evidence TEXT,
            analyst TEXT NOT NULL,
            recorded TEXT NOT NULL
        );
        CREATE INDEX prediction_outcome_history_uid ON prediction_outcome_history(statement_uid, id);
        CREATE TABLE current_outcomes (
            statement_uid TEXT PRIMARY KEY,
            outcome TEXT NOT NULL,
            note TEXT NOT NULL,
            evidence TEXT,
            analyst TEXT NOT NULL,
            recorded TEXT NOT NULL,
            outcomes INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE statement_corrections (
            id INTEGER PRIMARY KEY,
            statement_uid TEXT NOT NULL,
            action TEXT NOT NULL CHECK (action IN ('wrong', 'confirm', 'relabel')),
            label TEXT,
            note TEXT NOT NULL DEFAULT '',
            analyst TEXT NOT NULL,
            recorded TEXT NOT NULL,
            CHECK ((action = 'relabel') = (label IS NOT NULL))
        );
        CREATE INDEX statement_corrections_uid ON statement_corrections(statement_uid, id)
        """,
    )
    db.execute("""CREATE TRIGGER current_outcome AFTER INSERT ON prediction_outcome_history
                  BEGIN INSERT OR REPLACE INTO current_outcomes
                        VALUES (NEW.statement_uid, NEW.outcome, NEW.note, NEW.evidence, NEW.analyst, NEW.recorded,
                                (SELECT count(*) FROM prediction_outcome_history
                                 WHERE statement_uid = NEW.statement_uid));
                  END""")
    _run(db, """INSERT INTO prediction_outcome_history(statement_uid, outcome, note, evidence, analyst, recorded)
                    SELECT s.uid, o.outcome, o.note, o.evidence, 'unknown', o.resolved
                    FROM prediction_outcomes o JOIN statements s ON s.id = o.statement_id ORDER BY o.resolved;
                DROP TABLE prediction_outcomes""")
    for table in ("prediction_outcome_history", "statement_corrections"):  # append-only: history is kept
        for event in ("UPDATE", "DELETE"):
            db.execute(f"CREATE TRIGGER {table}_no_{event.lower()} BEFORE {event} ON {table} "
                       f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END")


def m010_effective_statements(db: sqlite3.Connection) -> None:
    """``effective_statements``: the statements with the analyst's latest correction applied
    (wrong ones left out, relabelled ones under their new label); every view reads it. Triggers
    keep ``current_corrections`` (the latest correction per uid, derived from the history) and
    the ``corrected`` flag of the statements it touches, also of statements re-inserted by a
    re-analysis, so that an uncorrected statement costs the view nothing. Stance cells are
    refreshed incrementally: triggers note the (state, issue) pairs whose stance statements or
    corrections changed, and the refresh rebuilds those cells only."""
    _run(
        db,
        """
        ALTER TABLE statements ADD COLUMN corrected INTEGER NOT NULL DEFAULT 0;
        CREATE TABLE current_corrections (
            statement_uid TEXT PRIMARY KEY,
            action TEXT NOT NULL,
            label TEXT,
            note TEXT NOT NULL,
            analyst TEXT NOT NULL,
            recorded TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE VIEW effective_statements AS
            SELECT s.id, s.uid, s.article_id, s.kind, s.start, s.end, s.subject,
                   CASE WHEN s.corrected = 0 THEN s.predicate
                        ELSE COALESCE((SELECT c.label FROM current_corrections c
                                       WHERE c.statement_uid = s.uid AND c.action = 'relabel'), s.predicate)
                   END AS predicate,
                   s.object, s.issue, s.polarity, s.modality, s.speaker, s.time, s.value, s.unit, s.topics,
                   s.confidence, s.extractor, s.cue, s.pack_version, s.predicate AS extracted_predicate,
                   CASE WHEN s.corrected = 0 THEN NULL
                        ELSE (SELECT c.action FROM current_corrections c WHERE c.statement_uid = s.uid)
                   END AS correction,
                   CASE WHEN s.corrected = 0 THEN NULL
                        ELSE (SELECT c.note FROM current_corrections c WHERE c.statement_uid = s.uid)
                   END AS correction_note,
                   CASE WHEN s.corrected = 0 THEN NULL
                        ELSE (SELECT c.analyst FROM current_corrections c WHERE c.statement_uid = s.uid)
                   END AS corrected_by,
                   CASE WHEN s.corrected = 0 THEN NULL
                        ELSE (SELECT c.recorded FROM current_corrections c WHERE c.statement_uid = s.uid)
                   END AS corrected_at
            FROM statements s
            WHERE s.corrected = 0 OR NOT EXISTS (SELECT 1 FROM current_corrections c
                                                 WHERE c.statement_uid = s.uid AND c.action = 'wrong');
        CREATE INDEX statements_on_topic ON statements(article_id) WHERE kind = 'stance' OR topics != '[]';
        CREATE TABLE stance_dirty (
            subject TEXT NOT NULL,
            issue TEXT NOT NULL,
            PRIMARY KEY (subject, issue)
        ) WITHOUT ROWID;
        CREATE TABLE stance_cell_sets (
            period_kind TEXT NOT NULL,
            period TEXT NOT NULL,
            subject TEXT NOT NULL,
            issue TEXT NOT NULL,
            labels TEXT NOT NULL,
            stories INTEGER NOT NULL,
            PRIMARY KEY (period_kind, subject, issue, period, labels)
        );
        INSERT OR IGNORE INTO stance_dirty(subject, issue)
            SELECT DISTINCT subject, issue FROM statements
            WHERE kind = 'stance' AND subject IS NOT NULL AND issue IS NOT NULL;
        DELETE FROM aggregate_state WHERE name = 'stance_cells'
        """,
    )
    for trigger in _DIRTY_TRIGGERS:
        db.execute(trigger)


_DIRTY_TRIGGERS = (
    """CREATE TRIGGER stance_dirty_insert AFTER INSERT ON statements
       WHEN NEW.kind = 'stance' AND NEW.subject IS NOT NULL AND NEW.issue IS NOT NULL
       BEGIN INSERT OR IGNORE INTO stance_dirty(subject, issue) VALUES (NEW.subject, NEW.issue); END""",
    """CREATE TRIGGER stance_dirty_delete AFTER DELETE ON statements
       WHEN OLD.kind = 'stance' AND OLD.subject IS NOT NULL AND OLD.issue IS NOT NULL
       BEGIN INSERT OR IGNORE INTO stance_dirty(subject, issue) VALUES (OLD.subject, OLD.issue); END""",
    """CREATE TRIGGER current_correction AFTER INSERT ON statement_corrections
       BEGIN INSERT OR REPLACE INTO current_corrections(statement_uid, action, label, note, analyst, recorded)
             VALUES (NEW.statement_uid, NEW.action, NEW.label, NEW.note, NEW.analyst, NEW.recorded);
             UPDATE statements SET corrected = 1 WHERE uid = NEW.statement_uid;
       END""",
    """CREATE TRIGGER statement_corrected AFTER INSERT ON statements
       WHEN EXISTS (SELECT 1 FROM current_corrections WHERE statement_uid = NEW.uid)
       BEGIN UPDATE statements SET corrected = 1 WHERE id = NEW.id; END""",
    """CREATE TRIGGER statement_uid_corrected AFTER UPDATE OF uid ON statements
       WHEN EXISTS (SELECT 1 FROM current_corrections WHERE statement_uid = NEW.uid)
       BEGIN UPDATE statements SET corrected = 1 WHERE id = NEW.id; END""",
    """CREATE TRIGGER stance_dirty_correction AFTER INSERT ON statement_corrections
       BEGIN INSERT OR IGNORE INTO stance_dirty(subject, issue)
             SELECT subject, issue FROM statements
             WHERE uid = NEW.statement_uid AND kind = 'stance' AND subject IS NOT NULL AND issue IS NOT NULL;
       END""",
)


def m011_article_dates(db: sqlite3.Connection) -> None:
    """The publication date as the input gave it, and where the stored date came from."""
    _run(db, "ALTER TABLE articles ADD COLUMN published_raw TEXT; ALTER TABLE articles ADD COLUMN date_source TEXT")


def m012_fact_groups(db: sqlite3.Connection) -> None:
    """Corroboration groups, pre-aggregated: statements that state the same fact (see
    ``store.facts``). Triggers note in ``fact_dirty`` each (kind, subject, predicate, object) whose
    statements or corrections changed; the refresh rebuilds those groups only."""
    _run(
        db,
        """
        CREATE TABLE fact_dirty (
            kind TEXT NOT NULL,
            subject TEXT NOT NULL,
            predicate TEXT NOT NULL,
            object TEXT NOT NULL,
            PRIMARY KEY (kind, subject, predicate, object)
        ) WITHOUT ROWID;
        CREATE TABLE fact_groups (
            kind TEXT NOT NULL,
            subject TEXT NOT NULL,
            predicate TEXT NOT NULL,
            object TEXT NOT NULL,
            first TEXT,
            last TEXT,
            stories INTEGER NOT NULL,
            outlets INTEGER NOT NULL,
            articles TEXT NOT NULL,
            outlet_names TEXT NOT NULL,
            first_id INTEGER NOT NULL
        );
        CREATE INDEX fact_groups_key ON fact_groups(kind, subject, predicate, object);
        CREATE INDEX fact_groups_stories ON fact_groups(stories);
        INSERT OR IGNORE INTO fact_dirty SELECT kind, subject, predicate, obj FROM (
            SELECT kind, subject, predicate, CASE WHEN kind = 'stance' THEN issue ELSE trim(object) END AS obj
            FROM statements WHERE kind IN ('stance', 'event') AND subject IS NOT NULL)
            WHERE COALESCE(obj, '') != '';
        DELETE FROM aggregate_state WHERE name = 'fact_groups'
        """,
    )
    for trigger in _FACT_TRIGGERS:
        db.execute(trigger)


_FACT_KEY = "CASE WHEN {r}.kind = 'stance' THEN {r}.issue ELSE trim({r}.object) END"
_FACT_TRIGGERS = tuple(
    f"""CREATE TRIGGER fact_dirty_{name} AFTER {event} ON statements
        WHEN {r}.kind IN ('stance', 'event') AND {r}.subject IS NOT NULL AND COALESCE({_FACT_KEY.format(r=r)}, '') != ''
        BEGIN INSERT OR IGNORE INTO fact_dirty VALUES ({r}.kind, {r}.subject, {r}.predicate, {_FACT_KEY.format(r=r)});
        END""" for name, event, r in (("insert", "INSERT", "NEW"), ("delete", "DELETE", "OLD"))) + (
    f"""CREATE TRIGGER fact_dirty_correction AFTER INSERT ON statement_corrections
        BEGIN INSERT OR IGNORE INTO fact_dirty
              SELECT s.kind, s.subject, p.predicate, {_FACT_KEY.format(r="s")}
              FROM statements s JOIN (SELECT s2.predicate FROM statements s2 WHERE s2.uid = NEW.statement_uid
                                      UNION SELECT NEW.label WHERE NEW.label IS NOT NULL
                                      UNION SELECT label FROM statement_corrections
                                            WHERE statement_uid = NEW.statement_uid AND label IS NOT NULL) p
              WHERE s.uid = NEW.statement_uid AND s.kind IN ('stance', 'event') AND s.subject IS NOT NULL
                AND COALESCE({_FACT_KEY.format(r="s")}, '') != '';
        END""",)


def m013_evidence_views(db: sqlite3.Connection) -> None:
    """Views for SQL and Datasette users: each statement with its evidence text, article, source and
    date (corrections applied: read from ``effective_statements``); articles with their source, cluster
    and analysis; the prediction ledger with the outcome in force."""
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
        SELECT s.id AS statement_id, s.uid, s.kind, s.subject, s.predicate, s.object, s.issue, s.polarity, s.modality,
               s.speaker, s.time, COALESCE(s.time, a.published) AS date, s.value, s.unit, s.topics, s.confidence,
               substr(a.text, s.start + 1, s.end - s.start) AS evidence, s.start, s.end,
               a.id AS article_id, COALESCE(a.file_name, a.id) AS export_id, a.title, src.name AS source,
               a.published, a.language, COALESCE(a.url, a.canonical_url) AS url,
               COALESCE(c.cluster_id, a.id) AS cluster_id, s.extractor, s.pack_version, s.correction
        FROM effective_statements s
        JOIN articles a ON a.id = s.article_id
        LEFT JOIN sources src ON src.id = a.source_id
        LEFT JOIN clusters c ON c.article_id = a.id;
        CREATE VIEW stance_evidence AS
        SELECT statement_id, uid, subject AS state, issue, predicate AS stance, modality, speaker, date, evidence,
               export_id, title, source, url, cluster_id
        FROM statement_evidence WHERE kind = 'stance';
        CREATE VIEW event_evidence AS
        SELECT statement_id, uid, subject AS actor, predicate AS plover_type, unit AS action, object AS target,
               modality, date, evidence, export_id, title, source, url, cluster_id
        FROM statement_evidence WHERE kind = 'event';
        CREATE VIEW prediction_evidence AS
        SELECT e.statement_id, e.uid, e.speaker, e.subject, NULLIF(e.time, e.published) AS horizon, e.published,
               e.evidence, e.export_id, e.title, e.source, e.url, o.outcome, o.note AS outcome_note,
               o.evidence AS outcome_evidence, o.recorded AS resolved, o.analyst AS resolved_by
        FROM statement_evidence e LEFT JOIN current_outcomes o ON o.statement_uid = e.uid
        WHERE e.kind = 'prediction'
        """,
    )


def m015_statement_targets_by_statement(db: sqlite3.Connection) -> None:
    """Replacing an article's analysis deletes its statements' targets by statement id: without
    this index every replacement scanned the whole table (analysis grew quadratic in the store)."""
    _run(db, "CREATE INDEX statement_targets_statement ON statement_targets(statement_id)")


def m016_lsh_bands(db: sqlite3.Connection) -> None:
    """The near-duplicate index in the store: one row per (band, band hash, article). Filled by
    ingest (stores from before are backfilled from ``articles.minhash`` on the next ingest)."""
    _run(
        db,
        """
        CREATE TABLE lsh_bands (
            band INTEGER NOT NULL,
            hash INTEGER NOT NULL,
            article_id TEXT NOT NULL REFERENCES articles(id),
            PRIMARY KEY (band, hash, article_id)
        ) WITHOUT ROWID
        """,
    )


def m014_search_index(db: sqlite3.Connection) -> None:
    """FTS5 indexes over article titles and text and over statement evidence, kept in step with
    the articles and statements tables by triggers (re-analysis deletes and re-inserts statements,
    and the triggers follow). The evidence index holds its own copy of each sentence, rowid =
    statement id, so that a snippet can be cut from it. Statements are run one by one: trigger
    bodies hold semicolons."""
    evidence = "substr(a.text, new.start + 1, new.end - new.start) FROM articles a WHERE a.id = new.article_id"
    drop_article = ("INSERT INTO articles_fts(articles_fts, rowid, title, text) "
                    "VALUES ('delete', old.rowid, old.title, old.text)")
    for statement in (
        "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='rowid', "
        "tokenize='unicode61 remove_diacritics 2')",
        "CREATE VIRTUAL TABLE statements_fts USING fts5(evidence, tokenize='unicode61 remove_diacritics 2')",
        "CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN "
        "INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text); END",
        f"CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN {drop_article}; END",
        f"CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN {drop_article}; "
        "INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text); END",
        f"CREATE TRIGGER statements_fts_insert AFTER INSERT ON statements BEGIN "
        f"INSERT INTO statements_fts(rowid, evidence) SELECT new.id, {evidence}; END",
        "CREATE TRIGGER statements_fts_delete AFTER DELETE ON statements BEGIN "
        "DELETE FROM statements_fts WHERE rowid = old.id; END",
        f"CREATE TRIGGER statements_fts_update AFTER UPDATE OF article_id, start, end ON statements BEGIN "
        f"DELETE FROM statements_fts WHERE rowid = old.id; "
        f"INSERT INTO statements_fts(rowid, evidence) SELECT new.id, {evidence}; END",
        "INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')",
        "INSERT INTO statements_fts(rowid, evidence) SELECT s.id, substr(a.text, s.start + 1, s.end - s.start) "
        "FROM statements s JOIN articles a ON a.id = s.article_id",
    ):
        db.execute(statement)


def m017_analysed_chars(db: sqlite3.Connection) -> None:
    """How many characters of the text the analysis read (``NULL``: all of it; fewer when the
    text was over ``max_analysed_chars`` and was cut)."""
    _run(db, "ALTER TABLE analyses ADD COLUMN analysed_chars INTEGER")


def m018_statement_factuality(db: sqlite3.Connection) -> None:
    """How the clause holds each statement, and the spans of its subject's and speaker's mentions."""
    for column in ("factuality TEXT", "subject_start INTEGER", "subject_end INTEGER", "speaker_start INTEGER",
                   "speaker_end INTEGER"):
        _run(db, f"ALTER TABLE statements ADD COLUMN {column}")


def m019_effective_statements_carry_the_clause(db: sqlite3.Connection) -> None:
    """``effective_statements`` carries what m018 added to ``statements`` (factuality and the subject's
    and speaker's mention spans), so that views and exports read them with corrections applied."""
    _run(
        db,
        """
        DROP VIEW effective_statements;
        CREATE VIEW effective_statements AS
            SELECT s.id, s.uid, s.article_id, s.kind, s.start, s.end, s.subject,
                   CASE WHEN s.corrected = 0 THEN s.predicate
                        ELSE COALESCE((SELECT c.label FROM current_corrections c
                                       WHERE c.statement_uid = s.uid AND c.action = 'relabel'), s.predicate)
                   END AS predicate,
                   s.object, s.issue, s.polarity, s.modality, s.speaker, s.time, s.value, s.unit, s.topics,
                   s.confidence, s.extractor, s.cue, s.pack_version, s.predicate AS extracted_predicate,
                   CASE WHEN s.corrected = 0 THEN NULL
                        ELSE (SELECT c.action FROM current_corrections c WHERE c.statement_uid = s.uid)
                   END AS correction,
                   CASE WHEN s.corrected = 0 THEN NULL
                        ELSE (SELECT c.note FROM current_corrections c WHERE c.statement_uid = s.uid)
                   END AS correction_note,
                   CASE WHEN s.corrected = 0 THEN NULL
                        ELSE (SELECT c.analyst FROM current_corrections c WHERE c.statement_uid = s.uid)
                   END AS corrected_by,
                   CASE WHEN s.corrected = 0 THEN NULL
                        ELSE (SELECT c.recorded FROM current_corrections c WHERE c.statement_uid = s.uid)
                   END AS corrected_at,
                   s.factuality, s.subject_start, s.subject_end, s.speaker_start, s.speaker_end
            FROM statements s
            WHERE s.corrected = 0 OR NOT EXISTS (SELECT 1 FROM current_corrections c
                                                 WHERE c.statement_uid = s.uid AND c.action = 'wrong');
        """,
    )

def m020_evidence_index_without_copy(db: sqlite3.Connection) -> None:
    """The statement evidence index without its own copy of each sentence (a third of the store):
    ``statements_fts`` becomes an external-content FTS5 table over the view
    ``statement_evidence_text`` (each statement's evidence cut from its article's text), so
    snippets are cut from the article. Entries are removed with FTS5's ``'delete'`` command and
    the indexed text, which the article still holds when its statements are replaced; a change of
    an article's text re-indexes its statements. ``statements_kind_subject`` goes: its columns
    lead ``statements_kind_subject_time``, which serves the same lookups."""
    evidence = "substr(a.text, {r}.start + 1, {r}.end - {r}.start) FROM articles a WHERE a.id = {r}.article_id"
    drop = ("INSERT INTO statements_fts(statements_fts, rowid, evidence) SELECT 'delete', old.id, "
            + evidence.format(r="old"))
    add = "INSERT INTO statements_fts(rowid, evidence) SELECT new.id, " + evidence.format(r="new")
    for statement in (
        "DROP TRIGGER statements_fts_insert", "DROP TRIGGER statements_fts_delete",
        "DROP TRIGGER statements_fts_update",
        "DROP TABLE statements_fts",
        "DROP INDEX statements_kind_subject",
        "CREATE VIEW statement_evidence_text AS SELECT s.id AS id, substr(a.text, s.start + 1, s.end - s.start) "
        "AS evidence FROM statements s JOIN articles a ON a.id = s.article_id",
        "CREATE VIRTUAL TABLE statements_fts USING fts5(evidence, content='statement_evidence_text', "
        "content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
        f"CREATE TRIGGER statements_fts_insert AFTER INSERT ON statements BEGIN {add}; END",
        f"CREATE TRIGGER statements_fts_delete AFTER DELETE ON statements BEGIN {drop}; END",
        f"CREATE TRIGGER statements_fts_update AFTER UPDATE OF article_id, start, end ON statements "
        f"BEGIN {drop}; {add}; END",
        "CREATE TRIGGER statements_fts_article_text AFTER UPDATE OF text ON articles BEGIN "
        "INSERT INTO statements_fts(statements_fts, rowid, evidence) SELECT 'delete', s.id, "
        "substr(old.text, s.start + 1, s.end - s.start) FROM statements s WHERE s.article_id = old.id; "
        "INSERT INTO statements_fts(rowid, evidence) SELECT s.id, substr(new.text, s.start + 1, s.end - s.start) "
        "FROM statements s WHERE s.article_id = new.id; END",
        "INSERT INTO statements_fts(statements_fts) VALUES ('rebuild')",
    ):
        db.execute(statement)


def m021_articles_by_file_name(db: sqlite3.Connection) -> None:
    """Articles are looked up by their export id (the file name) as often as by id (``show``,
    the report's citations, the web pages): without an index each lookup read every article."""
    _run(db, "CREATE INDEX articles_file_name ON articles(file_name)")


def m022_partial_indexes(db: sqlite3.Connection) -> None:
    """Two indexes hold only the rows their queries read: canonical names of unlisted mentions
    (those with no entity id: the dossier of a name the knowledge base does not list; a listed
    entity's mentions are found by id), and the issue index of the statements that have an
    issue (stances: a tenth of the statements). 2.5 KB less per article of the benchmark."""
    _run(
        db,
        """
        DROP INDEX mentions_canonical;
        CREATE INDEX mentions_unlisted_canonical ON mentions(canonical) WHERE entity_id IS NULL;
        DROP INDEX statements_issue;
        CREATE INDEX statements_issue ON statements(issue, subject, time) WHERE issue IS NOT NULL
        """,
    )


def m023_search_indexed_in_bulk(db: sqlite3.Connection) -> None:
    """A writer may index what it writes in one statement at the end of its batch
    (``Store.search_index_deferred``) instead of through the insert triggers row by row: FTS5 writes
    out its pending entries at the end of every SQL statement, so a trigger made one index segment
    per row (merged again later): 60% of the CPU of storing an analysis (``statements_fts``) and of
    storing an article's text (``articles_fts``). The two insert triggers are off while
    ``search_index_deferred`` holds its one row, which such a writer inserts and deletes inside its
    own transaction (no other connection ever sees it); every other writer (ad hoc SQL included) is
    indexed by the triggers as before."""
    evidence = "substr(a.text, new.start + 1, new.end - new.start) FROM articles a WHERE a.id = new.article_id"
    off = "WHEN NOT EXISTS (SELECT 1 FROM search_index_deferred)"
    for statement in (
        "CREATE TABLE search_index_deferred (one INTEGER PRIMARY KEY CHECK (one = 1))",
        "DROP TRIGGER statements_fts_insert",
        f"CREATE TRIGGER statements_fts_insert AFTER INSERT ON statements {off} BEGIN "
        f"INSERT INTO statements_fts(rowid, evidence) SELECT new.id, {evidence}; END",
        "DROP TRIGGER articles_fts_insert",
        f"CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles {off} BEGIN "
        "INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text); END",
    ):
        db.execute(statement)


def m024_signature_scheme(db: sqlite3.Connection) -> None:
    """The scheme of the stored MinHash signatures (``ingest.dedup.SCHEME``), one row. Every store
    before held ``affine32``; a store recording another scheme than the code's is re-signed from
    its texts before the next ingest compares signatures (``ingest.dedup.resign_signatures``)."""
    db.execute("CREATE TABLE signature_scheme (one INTEGER PRIMARY KEY CHECK (one = 1), scheme TEXT NOT NULL)")
    db.execute("INSERT INTO signature_scheme(one, scheme) VALUES (1, 'affine32')")


MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (
    m001_ingest, m002_mentions, m003_statements, m004_prediction_outcomes, m005_stance_aggregates,
    m006_analysis_errors, m007_ingest_fidelity, m008_statement_uids, m009_analyst_history,
    m010_effective_statements, m011_article_dates, m012_fact_groups, m013_evidence_views, m014_search_index,
    m015_statement_targets_by_statement, m016_lsh_bands, m017_analysed_chars,
    m018_statement_factuality, m019_effective_statements_carry_the_clause, m020_evidence_index_without_copy,
    m021_articles_by_file_name, m022_partial_indexes, m023_search_indexed_in_bulk, m024_signature_scheme)


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
