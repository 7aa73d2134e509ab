"""German through the real main job: team-written German articles (tests/fixtures/de_articles) go
through ``allegiance run`` (ingest, language detection, analysis, a real SQLite store), and the
stored statements hold German stances and events, read by the pack folder ``lang/de/``."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from click.testing import CliRunner

from allegiance.cli.main import cli

ARTICLES = Path(__file__).parent / "fixtures" / "de_articles"


def _rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(db) as con:
        return con.execute(sql).fetchall()


def test_german_articles_through_the_main_job_give_stances_and_events(tmp_path):
    db = tmp_path / "de.db"
    result = CliRunner().invoke(cli, ["run", str(ARTICLES), "--db", str(db), "--no-report"])
    assert result.exit_code == 0, result.output
    languages = {r[0] for r in _rows(db, "SELECT language FROM articles")}
    assert languages == {"de"}
    stances = set(_rows(db, "SELECT subject, issue, predicate FROM statements WHERE kind = 'stance'"))
    assert ("KAZ", "russia_war_in_ukraine", "distance") in stances  # "hat ... abgelehnt, Truppen ... zu entsenden"
    assert ("ARM", "csto_participation", "distance") in stances  # "hat seine Teilnahme an der OVKS eingefroren"
    assert ("ARM", "russia_war_in_ukraine", "oppose") in stances  # aid with "Solidarität"
    assert ("PRK", "russia_war_in_ukraine", "support") in stances  # "hat ... Soldaten nach Russland geschickt"
    events = set(_rows(db, "SELECT subject, predicate FROM statements WHERE kind = 'event'"))
    assert {("EU", "SANCTION"), ("KAZ", "REJECT"), ("PRK", "AID")} <= events
    # "besuchte der armenische Außenminister Kiew": the office holder (or the state) visits
    assert {("ARM", "CONSULT"), ("Ararat Mirzoyan", "CONSULT")} & events
    predictions = _rows(db, "SELECT COUNT(*) FROM statements WHERE kind = 'prediction'")
    assert predictions[0][0] >= 2  # "werde ... respektieren", "könnte weitere Truppen schicken"


def test_dutch_article_through_the_main_job_gives_stances_and_events(tmp_path):
    """Dutch is a folder too (lang/nl, read by the same clause rules as German): no Python names it."""
    db = tmp_path / "nl.db"
    folder = Path(__file__).parent / "fixtures" / "nl_articles"
    result = CliRunner().invoke(cli, ["run", str(folder), "--db", str(db), "--no-report"])
    assert result.exit_code == 0, result.output
    assert {r[0] for r in _rows(db, "SELECT language FROM articles")} == {"nl"}
    stances = set(_rows(db, "SELECT subject, issue, predicate FROM statements WHERE kind = 'stance'"))
    assert ("KAZ", "russia_war_in_ukraine", "distance") in stances  # "heeft ... afgewezen om ... te sturen"
    events = set(_rows(db, "SELECT subject, predicate FROM statements WHERE kind = 'event'"))
    assert {("KAZ", "REJECT"), ("EU", "SANCTION")} <= events


def test_a_language_without_a_lexicon_folder_gives_no_stance():
    """The mechanism is the folder: a language whose folder has no lexicons (Norwegian here; Polish had
    none until lang/pl got its lexicons) yields no stance or event from the same kind of sentence, and
    nothing crashes."""
    from allegiance.nlp import Doc
    from allegiance.nlp.frames import language_pack
    from allegiance.nlp.pipeline import default_pipeline

    assert language_pack("no") is None
    doc = default_pipeline()(Doc("no1", "Russland nektet å sende soldater til Ukraina.", "no", None))
    assert not [s for s in doc.statements if s.kind in ("stance", "event")]
