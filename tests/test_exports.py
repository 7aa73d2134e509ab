"""Exports and interop: flat, whole, formula-safe CSV; whole titles and cluster ids in machine
formats; GraphML that networkx reads back with names, types, dates, articles and evidence; an
export that fails leaves its target as it was; the eval format documented in docs/."""

from __future__ import annotations

import csv
import io
import json

import networkx as nx
import pytest
from click.testing import CliRunner
from tests.conftest import ROOT, SAMPLES

from allegiance import AllegianceError, Settings, Store, ingest
from allegiance.cli.main import cli
from allegiance.query.export import eval_records
from allegiance.query.tables import csv_cell, write_csv, write_graphml
from allegiance.runner import analyze_store

LONG_TITLE = ("Belarus says it will keep its army at home while Russian units train on its ranges, and the opposition "
              "in exile warns that this may change after the spring")
FORMULA_SOURCES = ["=HYPERLINK(\"https://evil.example\",\"x\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)"]

ARTICLES = [
    {"id": "x-long", "title": LONG_TITLE, "source": FORMULA_SOURCES[0], "url": "https://a.example/long",
     "published": "2023-03-01",
     "text": "Belarus fully supports Russia's war against Ukraine, President Alexander Lukashenko said in Minsk on "
             "Wednesday, adding that his army would nevertheless stay at home unless Belarus itself were attacked "
             "by anyone."},
    *({"id": f"x-f{i}", "title": f"Formula {i}", "source": src, "published": "2023-04-0" + str(i + 1),
       "text": f"Kazakhstan will not send troops to fight in Ukraine, a ministry spokesman said in statement {i}."}
      for i, src in enumerate(FORMULA_SOURCES[1:])),
]


@pytest.fixture(scope="module")
def export_db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("export")
    feed = folder / "team.jsonl"
    feed.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    settings = Settings(db=str(folder / "e.db"), progress=False)
    with Store(settings.db) as store:
        ingest([str(feed), str(SAMPLES)], store, settings)
        analyze_store(store, settings=settings)
    return settings.db


def _csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_cells_hold_no_python_dicts_and_whole_text(export_db):
    runner = CliRunner()
    listing = runner.invoke(cli, ["matrix", "--db", export_db, "--format", "csv"])
    assert listing.exit_code == 0, listing.output
    rows = _csv(listing.stdout)
    assert rows and "count_support" in rows[0] and "counts" not in rows[0]
    for row in rows:
        assert not any(v.startswith("{") for v in row.values()), row
    with Store(export_db, readonly=True) as store:
        evidence = {r["evidence"] for r in store.db.execute("SELECT evidence FROM statement_evidence")}
    long = [r["latest_evidence"] for r in rows if len(r["latest_evidence"]) > 90]
    assert long and all(text in evidence for text in long)  # whole sentences, not cut
    exported = runner.invoke(cli, ["export", "--db", export_db, "--table", "statements", "--format", "csv"])
    statements = _csv(exported.stdout)
    assert all(not r["topics"].startswith("[") or r["topics"] == "" for r in statements)
    assert write_csv([{"a": {"b": 1}, "c": [1, 2]}], out := io.StringIO()) == 1
    assert _csv(out.getvalue()) == [{"a": '{"b": 1}', "c": "[1, 2]"}]


def test_csv_cells_that_look_like_formulas_are_neutralised(export_db):
    for value in FORMULA_SOURCES + ["\tx", "\rx"]:
        assert csv_cell(value) == "'" + value
    assert csv_cell("Reuters") == "Reuters" and csv_cell(-5) == -5 and csv_cell(None) is None
    runner = CliRunner()
    for args in (["articles", "--format", "csv"], ["sources", "--format", "csv"],
                 ["export", "--table", "statements", "--format", "csv"]):
        out = runner.invoke(cli, [*args, "--db", export_db])
        assert out.exit_code == 0, out.output
        cells = [v for row in csv.reader(io.StringIO(out.stdout)) for v in row]
        assert not [c for c in cells if c[:1] in ("=", "+", "-", "@")], args
        assert "'" + FORMULA_SOURCES[0] in cells


def test_articles_machine_formats_keep_whole_titles_and_cluster_ids(export_db):
    runner = CliRunner()
    records = [json.loads(x) for x in runner.invoke(cli, ["articles", "--db", export_db, "--format", "jsonl"])
               .stdout.splitlines()]
    long = next(r for r in records if r["id"] == "x-long")
    assert long["title"] == LONG_TITLE and len(long["title"]) > 70
    assert long["url"] == "https://a.example/long" and len(long["cluster"]) == 16
    rows = _csv(runner.invoke(cli, ["articles", "--db", export_db, "--format", "csv"]).stdout)
    assert next(r for r in rows if r["id"] == "x-long")["title"] == LONG_TITLE
    table = runner.invoke(cli, ["articles", "--db", export_db], terminal_width=400).stdout
    assert LONG_TITLE not in table  # only the table on a terminal shortens


def test_graphml_through_networkx_has_names_types_dates_articles_and_evidence(export_db, tmp_path):
    out = tmp_path / "relations.graphml"
    result = CliRunner().invoke(cli, ["export", "--db", export_db, "--format", "graphml", "-o", str(out)])
    assert result.exit_code == 0, result.output
    graph = nx.read_graphml(out)
    assert graph.number_of_edges() > 0
    assert graph.nodes["BLR"]["name"] == "Belarus" and graph.nodes["BLR"]["type"] == "state"
    with Store(export_db, readonly=True) as store:
        texts = {r["export_id"]: r["text"] for r in store.articles()}
    for _source, _target, data in graph.edges(data=True):
        assert data["relation"] and data["article"] in texts
        assert data["evidence"] and data["evidence"] in texts[data["article"]]
        assert data["date"][:4].isdigit()
    buffer = io.StringIO()
    with Store(export_db, readonly=True) as store:
        assert write_graphml(store, buffer) == graph.number_of_edges()


def test_failed_export_leaves_the_target_untouched(export_db, tmp_path, monkeypatch):
    target = tmp_path / "articles.jsonl"
    target.write_text("the earlier export\n", encoding="utf-8")

    def broken(store, out, fmt="jsonl"):
        out.write('{"id": "half a record')
        raise AllegianceError("the disk went away", code="store_error")

    monkeypatch.setattr("allegiance.cli.main.export_articles", broken)
    result = CliRunner().invoke(cli, ["export", "--db", export_db, "-o", str(target)])
    assert result.exit_code == 1 and "[store_error]" in result.output
    assert target.read_text(encoding="utf-8") == "the earlier export\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["articles.jsonl"]  # no temporary file left
    monkeypatch.undo()
    ok = CliRunner().invoke(cli, ["export", "--db", export_db, "-o", str(target)])
    assert ok.exit_code == 0 and target.read_text(encoding="utf-8").count("\n") == len(ARTICLES) + 17


def test_eval_format_is_documented_in_docs(export_db):
    doc = (ROOT / "docs" / "eval-format.md").read_text(encoding="utf-8")
    help_text = CliRunner().invoke(cli, ["export", "--help"]).output
    assert "docs/eval-format.md" in help_text and "../shared" not in help_text
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "--format eval -o pred.jsonl        # the scoring format: docs/eval-format.md" in readme
    with Store(export_db, readonly=True) as store:
        record = next(iter(eval_records(store)))
    for key in record:
        assert f"`{key}" in doc, key
    for group in record["entities"]:
        assert f"`entities.{group}`" in doc, group
    for label in ("support", "oppose", "neutral", "distance"):
        assert f"`{label}`" in doc
