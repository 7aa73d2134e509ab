"""What an analyst records survives: stable statement uids across re-analysis, outcomes and
corrections as append-only histories with who and when, and every view honouring corrections."""

from __future__ import annotations

import sqlite3

import pytest
from click.testing import CliRunner
from tests.conftest import SAMPLES
from tests.storebuild import WAR, add_article, event, stance

from allegiance import AllegianceError, Settings, Store, ingest
from allegiance.cli.main import cli
from allegiance.nlp.doc import Statement
from allegiance.query.matrix import stance_matrix
from allegiance.query.record import (
    correct_statement,
    ledger_summary,
    prediction_ledger,
    prediction_records,
    resolve_prediction,
    statement_history,
)
from allegiance.query.views import corroboration, dossier, timeline
from allegiance.runner import analyze_store


@pytest.fixture
def samples(tmp_path):
    settings = Settings(db=str(tmp_path / "s.db"), progress=False)
    with Store(settings.db) as store:
        ingest([str(SAMPLES)], store, settings)
        analyze_store(store, settings=settings)
        yield store, settings


def test_reanalysis_with_a_new_pack_version_keeps_outcomes_and_corrections(samples):
    store, settings = samples
    prediction = prediction_ledger(store, include_off_topic=True)[0]
    resolve_prediction(store, prediction["uid"], "true", note="it happened", by="ana")
    stance_row = store.db.execute("SELECT uid, id FROM statements WHERE kind = 'stance' LIMIT 1").fetchone()
    correct_statement(store, stance_row["uid"], "wrong", note="misread", by="ana")
    old_ids = {r[0] for r in store.db.execute("SELECT id FROM statements")}
    store.db.execute("UPDATE analyses SET pack_version = 'core@0-old'")  # as after a pack version bump
    summary = analyze_store(store, settings=settings)
    assert summary.analysed > 0
    assert not old_ids & {r[0] for r in store.db.execute("SELECT id FROM statements")}  # new row ids ...
    again = next(p for p in prediction_ledger(store, include_off_topic=True) if p["uid"] == prediction["uid"])
    assert again["outcome"] == "true" and again["resolved_by"] == "ana"  # ... the same uid, the outcome found
    assert store.db.execute("SELECT count(*) FROM effective_statements WHERE uid = ?",
                            (stance_row["uid"],)).fetchone()[0] == 0  # still marked wrong


def test_statement_uid_is_unique_and_derived_from_the_statement(store):
    from allegiance.store.db import statement_uid

    twice = [Statement("event", 0, 20, subject="KAZ", predicate="REJECT", object="RUS"),
             Statement("event", 0, 20, subject="KAZ", predicate="REJECT", object="BLR")]
    add_article(store, "twice", twice)
    uids = [r[0] for r in store.db.execute("SELECT uid FROM statements ORDER BY uid")]
    base = statement_uid("id-twice", "event", 0, 20, "KAZ", "REJECT")
    assert uids == [base, base + "~2"]
    with pytest.raises(sqlite3.IntegrityError):
        store.db.execute("INSERT INTO statements(article_id, kind, start, end, predicate, polarity, modality, topics,"
                         " confidence, extractor, cue, pack_version, uid) VALUES ('id-twice', 'event', 0, 1, 'X', "
                         "'positive', 'asserted', '[]', 0.5, '', '', 'x', ?)", (base,))


def test_predictions_resolve_appends_instead_of_overwriting(store):
    add_article(store, "p", [Statement("prediction", 0, 20, subject="KAZ", predicate="forecast", time="2024")],
                published="2023-01-01", text="Kazakhstan will join the talks by 2024, analysts said. " * 3)
    uid = store.db.execute("SELECT uid FROM statements").fetchone()[0]
    resolve_prediction(store, uid, "false", note="first reading", by="ana")
    resolve_prediction(store, uid, "partly", note="on reflection", by="ben")
    ledger = prediction_ledger(store, include_off_topic=True)
    assert (ledger[0]["outcome"], ledger[0]["note"], ledger[0]["resolved_by"], ledger[0]["outcomes"]) == \
        ("partly", "on reflection", "ben", 2)
    history = statement_history(store, uid)["outcomes"]
    assert [(h["outcome"], h["by"]) for h in history] == [("false", "ana"), ("partly", "ben")]
    with pytest.raises(sqlite3.IntegrityError):  # the history cannot be rewritten
        store.db.execute("UPDATE prediction_outcome_history SET outcome = 'true'")
    with pytest.raises(AllegianceError) as err:
        resolve_prediction(store, uid, "maybe")
    assert err.value.code == "bad_outcome"


def test_resolve_records_the_os_user_by_default(store, monkeypatch):
    monkeypatch.setattr("getpass.getuser", lambda: "analyst7")
    add_article(store, "p", [Statement("prediction", 0, 20, subject="KAZ", predicate="forecast", time="2031")])
    entry = resolve_prediction(store, store.db.execute("SELECT uid FROM statements").fetchone()[0], "true")
    assert entry["by"] == "analyst7"


def test_overdue_count_and_the_listed_predictions_agree(store):
    for n in range(15):
        add_article(store, f"open{n}", [Statement("prediction", 0, 20, subject="KAZ", predicate="f")],
                    published=f"2023-01-{n + 1:02d}")
    for n in range(3):
        add_article(store, f"due{n}", [Statement("prediction", 0, 20, subject="KAZ", predicate="f", time="2024-06")],
                    published="2024-01-0" + str(n + 1))
    ledger = prediction_ledger(store, today="2026-01-01", include_off_topic=True)
    summary = ledger_summary(ledger)
    assert summary["overdue"] == 3
    assert sum(p["overdue"] for p in [p for p in ledger if p["outcome"] is None][:12]) == summary["overdue"]


def test_record_by_speaker_keeps_each_outlets_writers_apart(store):
    add_article(store, "a", [Statement("prediction", 0, 20, predicate="f")], source="Outlet A", author="Ann Writer")
    add_article(store, "b", [Statement("prediction", 0, 20, predicate="f")], source="Outlet B")
    add_article(store, "c", [Statement("prediction", 0, 20, predicate="f")], source="Outlet C")
    speakers = {r["speaker"] for r in prediction_records(store, "speaker", include_off_topic=True)}
    assert speakers == {"Ann Writer (Outlet A)", "author at Outlet B", "author at Outlet C"}


def _stores_with_a_wrong_stance(store):
    add_article(store, "kaz1", [stance("KAZ", "support"), event("KAZ", "REJECT", "RUS", start=30)],
                published="2022-03-01", source="Outlet A")
    add_article(store, "kaz2", [stance("KAZ", "support")], published="2022-03-02", source="Outlet B")
    add_article(store, "kaz3", [stance("KAZ", "distance")], published="2022-03-03", source="Outlet C")
    return {r["predicate"] + r["article_id"]: r["uid"] for r in store.db.execute("SELECT * FROM statements")}


def test_corrections_are_honoured_by_every_view(store):
    uids = _stores_with_a_wrong_stance(store)
    cell = next(c for c in stance_matrix(store, "all") if c.state == "KAZ")
    assert cell.prevailing == "support" and cell.stories == 2
    correct_statement(store, uids["supportid-kaz1"], "wrong", note="the sentence says the opposite", by="ana")
    correct_statement(store, uids["supportid-kaz2"], "relabel", label="distance", note="holds back", by="ana")
    correct_statement(store, uids["REJECTid-kaz1"], "relabel", label="accuse", note="an accusation", by="ana")
    cell = next(c for c in stance_matrix(store, "all") if c.state == "KAZ")
    assert cell.prevailing == "distance" and cell.counts == {"distance": 2} and not cell.contradiction
    assert [e["type"] for e in timeline(store, include_off_topic=True)] == ["ACCUSE"]
    kaz = dossier(store, "KAZ", include_off_topic=True)
    assert [e["predicate"] for e in kaz["events"]] == ["ACCUSE"]
    groups = {(g["predicate"], g["stories"]) for g in corroboration(store, include_off_topic=True)
              if g["kind"] == "stance"}
    assert groups == {("distance", 2)}
    history = statement_history(store, uids["supportid-kaz1"])["corrections"]
    assert history[0]["action"] == "wrong" and history[0]["by"] == "ana" and history[0]["at"]


def test_a_later_confirm_restores_the_statement(store):
    uids = _stores_with_a_wrong_stance(store)
    correct_statement(store, uids["supportid-kaz1"], "wrong", note="?", by="ana")
    correct_statement(store, uids["supportid-kaz1"], "confirm", note="read again: right", by="ben")
    assert next(c for c in stance_matrix(store, "all") if c.state == "KAZ").counts["support"] == 2


def test_bad_corrections_are_refused(store):
    uids = _stores_with_a_wrong_stance(store)
    for uid, action, label, code in ((uids["supportid-kaz1"], "relabel", "enthusiasm", "bad_correction"),
                                     (uids["supportid-kaz1"], "relabel", None, "bad_correction"),
                                     (uids["supportid-kaz1"], "delete", None, "bad_correction"),
                                     ("no-such-uid", "wrong", None, "not_found")):
        with pytest.raises(AllegianceError) as err:
            correct_statement(store, uid, action, label=label, note="x", by="ana")
        assert err.value.code == code


def test_correct_command(store, settings):
    uids = _stores_with_a_wrong_stance(store)
    runner = CliRunner()
    db = ["--db", settings.db]
    result = runner.invoke(cli, ["correct", uids["supportid-kaz2"], "--relabel", "neutral", "--note", "n", "--by",
                                 "ana", *db])
    assert result.exit_code == 0, result.output
    assert runner.invoke(cli, ["correct", uids["supportid-kaz2"], "--note", "n", *db]).exit_code == 2
    bad = runner.invoke(cli, ["correct", "nope", "--wrong", "--note", "n", *db])
    assert bad.exit_code == 1 and "not_found" in bad.output
    shown = runner.invoke(cli, ["history", uids["supportid-kaz2"], *db])
    assert shown.exit_code == 0 and '"relabel"' in shown.output and '"ana"' in shown.output
    cells = stance_matrix(store, "all")
    assert next(c for c in cells if c.state == "KAZ").counts.get("neutral") == 1
    assert any(c.issue == WAR for c in cells)


def test_an_old_store_is_migrated_with_uids_and_its_outcomes_kept(tmp_path):
    from allegiance.store.migrations import MIGRATIONS

    path = tmp_path / "old.db"
    db = sqlite3.connect(path, isolation_level=None)
    for number, step in enumerate(MIGRATIONS[:6], start=1):  # the schema before uids
        db.execute("BEGIN")
        step(db)
        db.execute(f"PRAGMA user_version = {number}")
        db.execute("COMMIT")
    db.execute("INSERT INTO articles(id, text, kind, chars, ingested) VALUES ('a', 'Some text here.', 'text', 15, "
               "'2026-01-01')")
    db.execute("INSERT INTO statements(id, article_id, kind, start, end, subject, predicate, polarity, modality, "
               "topics, confidence, extractor, cue, pack_version, time) VALUES (7, 'a', 'prediction', 0, 4, 'KAZ', "
               "'f', 'positive', 'asserted', '[]', 0.5, '', '', 'old', '2024')")
    db.execute("INSERT INTO prediction_outcomes VALUES (7, 'true', 'seen', NULL, '2025-01-01')")
    db.close()
    with pytest.raises(AllegianceError) as err:
        Store(path, readonly=True)
    assert err.value.code == "store_error" and "older" in err.value.message
    with Store(path) as store:
        row = store.db.execute("SELECT uid FROM statements").fetchone()
        assert row["uid"]
        history = statement_history(store, row["uid"])["outcomes"]
        assert [(h["outcome"], h["note"]) for h in history] == [("true", "seen")]


def test_exports_and_show_read_the_corrected_statements(store, settings):
    import io

    from allegiance.query.export import export_articles

    uids = _stores_with_a_wrong_stance(store)
    correct_statement(store, uids["supportid-kaz1"], "wrong", note="misread", by="ana")
    correct_statement(store, uids["supportid-kaz2"], "relabel", label="neutral", note="n", by="ana")
    out = io.StringIO()
    export_articles(store, out, "jsonl")
    text = out.getvalue()
    labels = [st["predicate"] for line in text.splitlines() for st in __import__("json").loads(line)["statements"]
              if st["kind"] == "stance"]
    assert sorted(labels) == ["distance", "neutral"]


def test_effective_statements_carry_the_clause_factuality_and_mention_spans(samples):
    store, _ = samples
    raw = {r["uid"]: r for r in store.db.execute(
        "SELECT uid, factuality, subject_start, subject_end, speaker_start, speaker_end FROM statements")}
    seen = {r["uid"]: r for r in store.db.execute(
        "SELECT uid, factuality, subject_start, subject_end, speaker_start, speaker_end FROM effective_statements")}
    assert raw and set(seen) == set(raw)
    assert any(r["factuality"] for r in seen.values()) and any(r["subject_start"] is not None for r in seen.values())
    assert all(tuple(seen[u]) == tuple(raw[u]) for u in raw)
    uid = next(u for u, r in raw.items() if r["factuality"])
    correct_statement(store, uid, "relabel", label="distance", note="reads as distance", by="ana")
    kept = store.db.execute("SELECT factuality, predicate FROM effective_statements WHERE uid = ?", (uid,)).fetchone()
    assert kept["factuality"] == raw[uid]["factuality"]
    from allegiance.query.export import article_records

    exported = [st for record in article_records(store) for st in record["statements"]]
    assert any(st["factuality"] for st in exported) and any(st["subject_span"] for st in exported)
