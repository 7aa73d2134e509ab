"""The query fast paths give what the plain code gave: the text and Markdown reports built without
what they do not show, the statement counts read from the index less the corrections, and the
on-topic article set gathered by probing each article. Stores are written through the real write
path (``tests/storebuild.py``) from team-written sentences."""

from __future__ import annotations

import pytest
from tests.storebuild import add_article, event, stance

from allegiance import Store
from allegiance.nlp.doc import Mention, Statement
from allegiance.query.record import correct_statement
from allegiance.query.report import _plain, build_report, render_report, report_view, statement_counts
from allegiance.query.topics import on_topic_sql


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "fast.db") as s:
        for i, outlet in enumerate(["Outlet A", "Outlet B", "Outlet C", "Outlet D"]):
            add_article(s, f"blr-{i}", [stance("BLR", "support", f"2023-0{i + 1}-10"),
                                        event("BLR", "SUPPORT", "RUS", f"2023-0{i + 1}-11", start=25)],
                        published=f"2023-0{i + 1}-10", source=outlet)
        add_article(s, "geo-1", [stance("GEO", "neutral", "2023-05-01")], published="2023-05-01", source="Outlet B")
        add_article(s, "geo-2", [stance("GEO", "oppose", "2023-05-03")], published="2023-05-03", source="Outlet C")
        add_article(s, "kaz", [Statement("prediction", 0, 20, subject="KAZ", predicate="forecast",
                                         time="2024")], published="2023-06-01", source="Outlet A")
        add_article(s, "mention-only", [Statement("claim", 0, 20, subject="Someone", predicate="claim")],
                    published="2023-06-02", mentions=(Mention(0, 6, "Russia", "RUS", "state", "name", 0.9,
                                                              "Russia"),))
        add_article(s, "off-topic", [Statement("claim", 0, 20, subject="Cyclist", predicate="claim")],
                    published="2023-06-03")
        yield s


def _wrong(store: Store, subject: str) -> None:
    uid = store.db.execute("SELECT uid FROM statements WHERE subject = ? ORDER BY id LIMIT 1", (subject,)).fetchone()[0]
    correct_statement(store, uid, "wrong", note="test", by="tester")


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_text_and_markdown_built_without_what_they_do_not_show_equal_the_whole_report(store, fmt):
    _wrong(store, "GEO")
    whole = _plain(report_view(build_report(store, "year")), markdown=fmt == "markdown")
    assert render_report(store, fmt) == whole
    assert "Outlet D" in whole  # a group of four stories is in it, cited by its first article


def test_statement_counts_from_the_index_equal_the_view_after_a_correction(store):
    def by_view() -> dict[str, int]:
        return dict(store.db.execute("SELECT kind, count(*) FROM effective_statements GROUP BY kind").fetchall())

    assert statement_counts(store) == by_view() == {"claim": 2, "event": 4, "prediction": 1, "stance": 6}
    _wrong(store, "GEO")
    _wrong(store, "KAZ")  # the only prediction: the kind goes from the counts, as from the view
    assert statement_counts(store) == by_view() == {"claim": 2, "event": 4, "stance": 5}
    assert statement_counts(store)["stance"] == 5


def test_the_on_topic_set_is_the_articles_the_per_row_probe_finds(store):
    def chosen(per_row: bool) -> list[str]:
        condition, params = on_topic_sql("a.id", per_row=per_row)
        return [r[0] for r in store.db.execute(f"SELECT a.file_name FROM articles a WHERE {condition} "
                                               "ORDER BY a.file_name", params)]

    assert chosen(per_row=False) == chosen(per_row=True)
    one_probe = [r[0] for r in store.db.execute(  # the condition as one probe of statements, as it was
        """SELECT a.file_name FROM articles a WHERE EXISTS (SELECT 1 FROM statements x WHERE x.article_id = a.id
               AND (x.kind = 'stance' OR x.topics != '[]' OR x.subject IN ('RUS', 'UKR')))
           OR EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = a.id AND m.entity_id IN ('RUS', 'UKR'))
           OR EXISTS (SELECT 1 FROM statement_targets t JOIN statements y ON y.id = t.statement_id
                      WHERE y.article_id = a.id AND t.target IN ('RUS', 'UKR')) ORDER BY a.file_name""")]
    assert chosen(per_row=True) == one_probe
    assert "mention-only" in chosen(per_row=False) and "off-topic" not in chosen(per_row=False)
    assert {f"blr-{i}" for i in range(4)} | {"geo-1", "geo-2"} <= set(chosen(per_row=False))


def test_the_lean_ledger_is_the_whole_ledger_cut_to_its_columns(store):
    from allegiance.query.record import ledger_entries, prediction_ledger, resolve_prediction

    for name, horizon, published in (("p-old", "2023-03", "2023-01-05"), ("p-new", "2031", "2023-02-01"),
                                     ("p-none", None, "2023-02-02"), ("p-same", "2023-02-03", "2023-02-03")):
        add_article(store, name, [stance("BLR", "support", published),
                                  Statement("prediction", 30, 50, subject="BLR", predicate="forecast", time=horizon)],
                    published=published, source="Outlet E")
    uid = store.db.execute("SELECT uid FROM statements WHERE kind = 'prediction' AND time = '2031'").fetchone()[0]
    resolve_prediction(store, uid, "true", by="tester")
    whole = prediction_ledger(store, "2026-01-01")
    lean = prediction_ledger(store, "2026-01-01", lean=True)
    assert [{k: p[k] for k in ("id", "horizon", "date", "source", "outcome", "overdue")} for p in whole] == lean
    assert any(p["overdue"] for p in lean) and any(p["outcome"] for p in lean)
    assert ledger_entries(store, [p["id"] for p in lean], "2026-01-01") == {p["id"]: p for p in whole}


@pytest.mark.parametrize("shown", [1, 8])
def test_the_reports_groups_are_the_first_of_every_group_filtered(store, monkeypatch, shown):
    from allegiance.query import report
    from allegiance.query.views import corroboration

    add_article(store, "geo-3", [stance("GEO", "neutral", "2023-05-04")], published="2023-05-04", source="Outlet D")
    monkeypatch.setattr(report, "SECTION_GROUPS", shown)
    every = corroboration(store)
    built = build_report(store)
    assert built["corroborated"] == [g for g in every if g["independent_sources"] > 1][:shown]
    assert built["contested"] == [g for g in every if g["contradicted_by"] and g["kind"] == "stance"][:shown]
    assert built["corroborated"] and built["contested"]


def test_the_partial_indexes_serve_the_unlisted_dossier_and_the_issue_lookups(store):
    from allegiance.query.views import dossier

    add_article(store, "unlisted", [Statement("prediction", 0, 40, subject="Someone", predicate="forecast")],
                published="2023-07-01", text="Ivan Petrovsky-Test said Belarus would wait and see what comes. " * 2,
                mentions=(Mention(0, 23, "Ivan Petrovsky-Test", None, "person", "name", 0.8, "Ivan Petrovsky-Test"),))
    found = dossier(store, "Ivan Petrovsky-Test", include_off_topic=True)
    assert found["type"] is None and [p["subject"] for p in found["predictions"]] == ["Someone"]

    def plan(sql: str, params: tuple) -> str:
        return " ".join(str(tuple(r)) for r in store.db.execute("EXPLAIN QUERY PLAN " + sql, params))

    assert "mentions_unlisted_canonical" in plan(
        "SELECT 1 FROM mentions WHERE canonical = ? AND entity_id IS NULL LIMIT 1", ("Ivan Petrovsky-Test",))
    assert "statements_issue" in plan("SELECT id FROM statements WHERE issue = ? AND subject IS NOT NULL", ("x",))
    sizes = dict(store.db.execute("SELECT name, count(*) FROM (SELECT 'issue' AS name FROM statements "
                                  "INDEXED BY statements_issue WHERE issue IS NOT NULL)"))
    assert sizes["issue"] == store.db.execute("SELECT count(*) FROM statements WHERE issue IS NOT NULL").fetchone()[0]
