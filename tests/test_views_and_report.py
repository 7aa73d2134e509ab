"""The cross-source views, the report and the exports on the bundled team-written samples."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner
from lxml import etree, html
from tests.conftest import SAMPLES

from allegiance import AllegianceError, Settings, Store, ingest
from allegiance.cli.main import cli
from allegiance.query.report import render_report
from allegiance.query.tables import matrix_rows, statement_rows, write_graphml, write_table
from allegiance.query.views import (
    corroboration,
    dossier,
    latest_changes,
    period_of,
    prediction_ledger,
    prediction_records,
    resolve_prediction,
    source_profiles,
    stance_matrix,
    timeline,
)
from allegiance.runner import analyze_store


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    settings = Settings(db=str(path), progress=False)
    with Store(path) as store:
        ingest([str(SAMPLES)], store, settings)
        analyze_store(store, settings=settings)
    return path


@pytest.fixture
def store(demo):
    with Store(demo) as s:
        yield s


def _cell(cells, state, period, issue="russia_war_in_ukraine"):
    return next(c for c in cells if (c.state, c.period, c.issue) == (state, period, issue))


def test_periods():
    assert [period_of(t, "month") for t in ("2023-06-14", "2023", None)] == ["2023-06", "2023", "undated"]
    assert period_of("2023-11-02", "quarter") == "2023-Q4" and period_of("2023-11-02", "year") == "2023"


def test_matrix_counts_copies_once_and_flags_contradictions(store):
    cells = stance_matrix(store, "year", evidence=True)
    kaz = _cell(cells, "KAZ", "2022")
    assert kaz.prevailing == "distance"
    assert kaz.counts["distance"] > kaz.independent["distance"] == kaz.sources == 1  # the copy is the same story
    blr = _cell(cells, "BLR", "2023")
    assert blr.contradiction and {"support", "distance"} <= set(blr.counts)
    assert not _cell(cells, "BLR", "2022").contradiction  # one story: territory lent, troops withheld
    assert all(ev["text"] for ev in blr.evidence) and blr.latest["article"] == "2023-10-blr-support"


def test_latest_change_is_reported(store):
    changes = latest_changes(stance_matrix(store, "year"))
    assert {(c["state"], c["from"], c["to"]) for c in changes} >= {("GEO", "oppose", "neutral")}


def test_dossier_timeline_and_corroboration(store):
    kaz = dossier(store, "Kazakhstan")
    assert kaz["entity"] == "KAZ" and kaz["stances"] and kaz["events"]
    assert any(p["person"] == "Kassym-Jomart Tokayev" for p in kaz["people"])
    assert {s["source"] for s in kaz["sources"]} >= {"Steppe Herald", "NewsMirror24"}
    events = timeline(store, actor="KAZ")
    assert events and all(e["actor"] == "KAZ" for e in events)
    assert [e["time"] for e in events] == sorted(e["time"] for e in events)
    assert all(e["time"] >= "2023" for e in timeline(store, start="2023"))
    assert all(e["time"] <= "2022-12-31" for e in timeline(store, end="2022"))
    groups = corroboration(store, min_sources=2)
    assert any(g["subject"] == "ARM" and g["predicate"] == "distance" and g["independent_sources"] == 2
               for g in groups)


def test_prediction_ledger_resolution_and_records(store):
    ledger = prediction_ledger(store, today="2030-01-01")
    assert ledger and all(p["evidence"] for p in ledger)
    target = ledger[0]["id"]
    resolve_prediction(store, target, "true", note="it happened", evidence="https://example.org/x")
    resolved = next(p for p in prediction_ledger(store) if p["id"] == target)
    assert resolved["outcome"] == "true" and resolved["note"] == "it happened"
    record = next(r for r in prediction_records(store, "source") if r["source"] == resolved["source"])
    assert record["true"] == 1 and record["accuracy"] == 1.0
    with pytest.raises(AllegianceError) as err:
        resolve_prediction(store, target, "maybe")
    assert err.value.code == "bad_outcome"


def test_source_profiles_mark_the_copy(store):
    profiles = {p["source"]: p for p in source_profiles(store)}
    assert profiles["NewsMirror24"]["copy_share"] == 1.0 and profiles["Steppe Herald"]["copy_share"] == 0.0


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_report_formats(store, fmt):
    out = render_report(store, fmt, "year", today="2026-01-01")
    assert "GEO" in out and "BLR" in out
    if fmt == "json":
        data = json.loads(out)
        assert {"matrix", "changes", "corroborated", "contested", "predictions", "sources"} <= set(data)


def _report_of(tmp_path, text: str, fmt: str, with_samples: bool = False) -> str:
    """The report of a store holding one team-written page (and the samples, if asked)."""
    page = tmp_path / "page.txt"
    page.write_text(text, encoding="utf-8")
    settings = Settings(db=str(tmp_path / "r.db"), progress=False)
    with Store(settings.db) as store:
        ingest([str(page), *([str(SAMPLES)] if with_samples else [])], store, settings)
        analyze_store(store, settings=settings)
        return render_report(store, fmt)


def test_html_report_is_self_contained_and_escapes_article_text(tmp_path):
    page = _report_of(tmp_path, "Belarus fully supports Russia's war <script>alert('x')</script>, officials said.\n"
                                "Source: <img src=x onerror=alert(1)>", "html", with_samples=True)
    tree = html.fromstring(page)
    assert not tree.xpath("//script") and not tree.xpath("//img") and not tree.xpath("//*[@onerror]")
    assert "<script>alert" not in page and "&lt;script&gt;" in page
    assert not tree.xpath("//@src")  # nothing is loaded; links only to http(s) pages, in <a> elements
    assert all(a.tag == "a" and (a.get("href").startswith(("#", "http://", "https://")))
               for a in tree.xpath("//*[@href]"))
    assert tree.xpath("//svg") or "<svg" in page
    assert tree.xpath("//details")


def test_table_exports_and_graphml(store, tmp_path):
    rows = statement_rows(store)
    assert rows and {"kind", "subject", "evidence", "article", "source"} <= set(rows[0])
    buffer = io.StringIO()
    assert write_table(matrix_rows(store), "csv", out=buffer) > 0
    parsed = list(csv.DictReader(io.StringIO(buffer.getvalue())))
    assert {"state", "issue", "period", "label", "prevailing", "stories", "total_stories"} <= set(parsed[0])
    graph = io.StringIO()
    assert write_graphml(store, graph) > 0
    root = etree.fromstring(graph.getvalue().encode())
    assert root.tag.endswith("graphml") and root.findall(".//{*}edge")


def test_parquet_export_when_pyarrow_is_there(store, tmp_path):
    pytest.importorskip("pyarrow", reason="the parquet extra is not installed")
    import pyarrow.parquet as pq

    path = tmp_path / "s.parquet"
    write_table(statement_rows(store), "parquet", path=path)
    assert pq.read_table(path).num_rows == len(statement_rows(store))


def test_cli_views(demo):
    runner = CliRunner()
    db = ["--db", str(demo)]
    for args in (["matrix", "--format", "jsonl"], ["timeline", "--actor", "KAZ", "--format", "csv"],
                 ["corroboration", "--format", "jsonl"], ["sources"], ["predictions", "list", "--open"],
                 ["predictions", "record", "--by", "speaker"], ["dossier", "BLR"], ["report", "--format", "markdown"],
                 ["show", "2022-02-kaz-troops"], ["export", "--table", "matrix", "--format", "csv"],
                 ["export", "--format", "graphml"]):
        result = runner.invoke(cli, [*args, *db])
        assert result.exit_code == 0, (args, result.output)
    assert runner.invoke(cli, ["show", "no-such-article", *db]).exit_code == 1


def test_pre_aggregated_matrix_equals_the_direct_one(demo, tmp_path):
    import shutil

    copy = tmp_path / "copy.db"
    shutil.copy(demo, copy)
    with Store(copy) as store:
        for period in ("month", "quarter", "year", "all"):
            fast = [c.as_dict() for c in stance_matrix(store, period)]
            store.db.execute("DELETE FROM aggregate_state")  # stale: the views fall back to the statements
            slow = [c.as_dict() for c in stance_matrix(store, period)]
            assert fast == slow, period
            from allegiance.store.aggregates import rebuild_stance_aggregates

            with store.transaction() as db:
                rebuild_stance_aggregates(db)


def test_markdown_report_escapes_article_text(tmp_path):
    out = _report_of(tmp_path, "Belarus voted against the resolution on Ukraine, together with Syria.\n"
                               "Source: [click](http://evil.example) <img src=x>\n", "markdown")
    assert "click" in out and "[click](http" not in out and "<img" not in out
