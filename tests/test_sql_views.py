"""SQL and Datasette users: views that show each statement with its evidence text, article,
source and date, and Datasette metadata that describes only what the store holds."""

from __future__ import annotations

import json
import sqlite3

from click.testing import CliRunner

from allegiance import Store, ingest
from allegiance.cli.main import cli
from allegiance.query.datasette import TABLES, datasette_metadata
from allegiance.runner import analyze_store

TEXT = ("Kazakhstan will not send its troops to fight in Ukraine, the foreign ministry in Astana said on Monday. "
        "Officials expect that Russia will announce a new call-up in the spring.")


def _store_with_one_article(tmp_path, settings):
    feed = tmp_path / "one.jsonl"
    feed.write_text(json.dumps({"id": "v-kaz", "text": TEXT, "title": "Astana keeps its troops home",
                                "source": "Steppe Test", "url": "https://steppe.example/kaz",
                                "published": "2023-03-06"}) + "\n", encoding="utf-8")
    with Store(settings.db) as store:
        ingest([str(feed)], store, settings)
        analyze_store(store, settings=settings)


def test_sql_views_return_the_evidence_text_of_a_stored_statement(tmp_path, settings):
    _store_with_one_article(tmp_path, settings)
    db = sqlite3.connect(settings.db)  # a plain SQL client, as Datasette or DuckDB would be
    db.row_factory = sqlite3.Row
    stored = db.execute("SELECT id, start, end FROM statements WHERE kind = 'stance'").fetchone()
    assert stored is not None
    row = db.execute("SELECT * FROM statement_evidence WHERE statement_id = ?", (stored["id"],)).fetchone()
    assert row["evidence"] == TEXT[stored["start"]:stored["end"]]
    assert "Kazakhstan will not send its troops" in row["evidence"]
    assert (row["export_id"], row["source"], row["url"], row["title"]) == (
        "v-kaz", "Steppe Test", "https://steppe.example/kaz", "Astana keeps its troops home")
    assert row["date"].startswith("2023")
    stance = db.execute("SELECT * FROM stance_evidence WHERE statement_id = ?", (stored["id"],)).fetchone()
    assert (stance["state"], stance["issue"], stance["evidence"]) == ("KAZ", "russia_war_in_ukraine",
                                                                      row["evidence"])
    for view in ("event_evidence", "prediction_evidence", "article_overview"):
        assert db.execute(f"SELECT count(*) FROM {view}").fetchone()[0] >= 0
    assert tuple(db.execute("SELECT source, url FROM article_overview").fetchone()) == (
        "Steppe Test", "https://steppe.example/kaz")
    db.close()


def test_datasette_metadata_describes_the_tables_views_and_columns_that_exist(tmp_path, settings):
    _store_with_one_article(tmp_path, settings)
    out = tmp_path / "metadata.json"
    result = CliRunner().invoke(cli, ["datasette-metadata", "--db", settings.db, "-o", str(out)])
    assert result.exit_code == 0, result.output
    metadata = json.loads(out.read_text(encoding="utf-8"))
    assert metadata == datasette_metadata(settings.db)
    tables = metadata["databases"]["test"]["tables"]  # Datasette names a database by its file stem
    with Store(settings.db, readonly=True) as store:
        present = {r[0] for r in store.db.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
        for name, entry in tables.items():
            assert name in present, name
            assert entry["description"]
            columns = {r[1] for r in store.db.execute(f"PRAGMA table_info({name})")}
            assert set(entry["columns"]) <= columns, (name, set(entry["columns"]) - columns)
        for name in ("articles", "statements", "statement_evidence", "stance_evidence"):
            columns = {r[1] for r in store.db.execute(f"PRAGMA table_info({name})")}
            assert columns <= set(TABLES[name][1]), (name, columns - set(TABLES[name][1]))
