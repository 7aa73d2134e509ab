"""Lookups that never guess, date filters that are dates, the timeline with undated events and
paging, corroboration of facts (not of look-alikes), and off-topic articles kept out."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from tests.storebuild import add_article, event, stance

from allegiance import AllegianceError
from allegiance.cli.main import cli
from allegiance.nlp.doc import Mention, Statement
from allegiance.query.lookup import check_date, resolve_entity
from allegiance.query.views import corroboration, dossier, prediction_ledger, timeline, topic_coverage


@pytest.mark.parametrize("name", ["ZZZZ", "Narnia"])
def test_unknown_names_are_errors_not_guesses(store, name):
    with pytest.raises(AllegianceError) as err:
        dossier(store, name)
    assert err.value.code == "unknown_entity"
    with pytest.raises(AllegianceError):
        resolve_entity(name)


def test_unknown_name_error_suggests_close_names():
    with pytest.raises(AllegianceError) as err:
        resolve_entity("Kazakstan")
    assert "KAZ" in err.value.message


@pytest.mark.parametrize("name", ["Kazakhstan", "kaz", "KAZ", "kazakhstan"])
def test_names_and_ids_in_any_case_work(store, name):
    assert dossier(store, name)["entity"] == "KAZ"
    assert timeline(store, actor=name) == []  # found, and nothing matches: an empty list


def test_cli_lookups(settings, store):
    runner = CliRunner()
    for args in (["dossier", "Narnia", "--db", settings.db], ["kb", "show", "Narnia"], ["kb", "show", "ZZZZ"],
                 ["timeline", "--since", "2022-13", "--db", settings.db]):
        result = runner.invoke(cli, args)
        assert result.exit_code == 1 and "[" in result.output, (args, result.output)
    shown = runner.invoke(cli, ["kb", "show", "kaz", "--format", "jsonl"])
    assert shown.exit_code == 0 and '"KAZ"' in shown.output


def test_kb_show_and_dossier_honour_the_packs_setting(tmp_path, settings, store):
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "manifest.toml").write_text('name = "extra"\nversion = "1"\nlicence = "CC0"\n', encoding="utf-8")
    (pack / "organizations.jsonl").write_text(
        '{"id": "org:steppe_watch", "type": "think_tank", "canonical": "Steppe Watch", '
        '"names": {"en": ["Steppe Watch"]}}\n', encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(cli, ["kb", "show", "Steppe Watch", "--set", f"packs={pack}"])
    assert result.exit_code == 0, result.output
    assert runner.invoke(cli, ["kb", "show", "Steppe Watch"]).exit_code == 1
    assert dossier(store, "Steppe Watch", packs=str(pack))["entity"] == "org:steppe_watch"


@pytest.mark.parametrize("value", ["2022-13", "2022-02-30", "22", "2022/01", "soon"])
def test_bad_date_filters_are_rejected(value):
    with pytest.raises(AllegianceError) as err:
        check_date(value)
    assert err.value.code == "bad_date"


def test_timeline_keeps_undated_events_apart_and_pages(store):
    for n in range(5):
        add_article(store, f"e{n}", [event("KAZ", "REJECT", "RUS", time=f"2022-0{n + 1}-01")])
    add_article(store, "undated", [event("BLR", "SUPPORT", "RUS")], published=None)
    everything = timeline(store)
    assert [e["time"] for e in everything][-1] is None and everything[-1]["actor"] == "BLR"
    assert [e["time"] for e in everything[:-1]] == sorted(e["time"] for e in everything[:-1])
    assert timeline(store, limit=2, offset=2) == everything[2:4]
    assert all(e["time"] for e in timeline(store, start="2022-02"))
    assert timeline(store, target="Russia", actor="Belarus")[0]["actor"] == "BLR"
    assert timeline(store, source="No Such Outlet") == []


def test_different_facts_are_not_pooled(store):
    # three votes on three resolutions months apart are three facts, not one
    for n, day in enumerate(("2022-03-02", "2022-10-12", "2023-02-23")):
        for copy in range(2):
            add_article(store, f"vote{n}{copy}", [event("BLR", "REJECT", "UN", time=day)],
                        source=f"Outlet {copy}")
    # events with no object are no fact to pool
    add_article(store, "empty1", [event("KAZ", "MOBILIZE", None, time="2022-03-02")])
    add_article(store, "empty2", [event("KAZ", "MOBILIZE", "", time="2022-03-03")])
    groups = [g for g in corroboration(store, min_sources=1, include_off_topic=True) if g["kind"] == "event"]
    votes = [g for g in groups if g["subject"] == "BLR"]
    assert len(votes) == 3 and all(g["stories"] == 2 and g["outlet_count"] == 2 for g in votes)
    assert not [g for g in groups if g["subject"] == "KAZ"]


def test_corroboration_counts_outlets_and_stories(store):
    add_article(store, "s1", [stance("ARM", "distance")], source="Outlet A", published="2023-01-01")
    add_article(store, "s1copy", [stance("ARM", "distance")], source="Outlet B", published="2023-01-02", cluster="s1")
    add_article(store, "s2", [stance("ARM", "distance")], source="Outlet A", published="2023-01-05")
    group = next(g for g in corroboration(store) if g["subject"] == "ARM")
    assert (group["stories"], group["outlet_count"], group["outlets"]) == (2, 2, ["Outlet A", "Outlet B"])


def test_off_topic_articles_are_kept_out_unless_asked(store):
    bike = "This gravel bike will be the best of the season, reviewers predict, with its light frame. " * 2
    add_article(store, "bike", [Statement("prediction", 0, 40, predicate="forecast", time="2030")], text=bike)
    war = "Russia will call up more reservists next year, the ministry said. " * 2
    add_article(store, "war", [Statement("prediction", 0, 40, subject="RUS", predicate="forecast", time="2030")],
                text=war, mentions=(Mention(0, 6, "Russia", "RUS", "state", "name", 0.9, "Russia"),))
    assert [p["article"] for p in prediction_ledger(store)] == ["war"]
    assert {p["article"] for p in prediction_ledger(store, include_off_topic=True)} == {"war", "bike"}
    assert topic_coverage(store) == {"analysed": 2, "on_topic": 1, "off_topic": 1, "share": 0.5}


def test_pre_aggregated_fact_groups_equal_the_direct_grouping(tmp_path):
    from tests.conftest import SAMPLES

    from allegiance import Settings, Store, ingest
    from allegiance.runner import analyze_store

    settings = Settings(db=str(tmp_path / "s.db"), progress=False)
    with Store(settings.db) as store:
        ingest([str(SAMPLES)], store, settings)
        analyze_store(store, settings=settings)
        fast = corroboration(store)
        store.db.execute("INSERT INTO fact_dirty VALUES ('event', 'x', 'y', 'z')")  # stale: grouped directly
        assert corroboration(store) == fast and fast
        assert any(g["contradicted_by"] for g in fast) or any(g["stories"] > 1 for g in fast)


def test_a_relabel_moves_the_statement_to_its_new_fact_group(store):
    from allegiance.query.record import correct_statement

    add_article(store, "v1", [event("BLR", "REJECT", "RUS", time="2022-03-02")], source="Outlet A")
    add_article(store, "v2", [event("BLR", "REJECT", "RUS", time="2022-03-02")], source="Outlet B")
    assert [(g["predicate"], g["stories"]) for g in corroboration(store)] == [("REJECT", 2)]
    uid = store.db.execute("SELECT uid FROM statements WHERE article_id = 'id-v2'").fetchone()[0]
    correct_statement(store, uid, "relabel", label="ABSTAIN", note="abstained", by="ana")
    groups = {(g["predicate"], g["stories"]) for g in corroboration(store)}
    direct = {(g["predicate"], g["stories"]) for g in corroboration(store, include_off_topic=True)}
    assert groups == direct == {("REJECT", 1), ("ABSTAIN", 1)}


def test_the_timeline_table_shows_a_page_and_says_how_to_see_the_next(store, settings):
    for n in range(6):  # 6 articles x 25 events: 150 events
        add_article(store, f"t{n}", [event("KAZ", "REJECT", "RUS", time=f"2022-03-{n + 1:02}", start=k)
                                    for k in range(25)], published=f"2022-03-{n + 1:02}")
    runner = CliRunner()
    table = runner.invoke(cli, ["timeline", "--all-articles", "--db", settings.db])
    assert table.exit_code == 0 and "--offset 100 for the next page" in table.stderr
    lines = runner.invoke(cli, ["timeline", "--all-articles", "--format", "jsonl", "--db", settings.db])
    assert len(lines.stdout.splitlines()) == 150 and "next page" not in lines.stderr
    page = runner.invoke(cli, ["timeline", "--all-articles", "--format", "jsonl", "--limit", "40", "--offset", "120",
                               "--db", settings.db])
    assert len(page.stdout.splitlines()) == 30
