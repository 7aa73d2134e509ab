"""Matrix cells: the number behind the label shown, contested cells, one contradiction rule from
the issue files, undated statements under 'all', names, and the incremental refresh."""

from __future__ import annotations

from pathlib import Path

from tests.storebuild import WAR, add_article, analyse, stance

from allegiance.query.matrix import stance_matrix
from allegiance.query.views import corroboration
from allegiance.store.aggregates import aggregates_fresh

ROOT = Path(__file__).resolve().parent.parent


def _cell(store, state, period="all"):
    return next(c for c in stance_matrix(store, period) if (c.state, c.period, c.issue) == (state, period, WAR))


def test_cell_number_counts_the_stories_behind_the_label_shown(store):
    for n in range(3):
        add_article(store, f"uzb-dis-{n}", [stance("UZB", "distance")], published="2023-05-0" + str(n + 1))
    add_article(store, "uzb-neu", [stance("UZB", "neutral")], published="2023-05-09")
    cell = _cell(store, "UZB")
    assert cell.prevailing == "distance" and cell.label == "distance" and cell.short == "DIS"
    assert cell.stories == cell.sources == 3 and cell.total_stories == 4
    assert cell.latest["label"] == "distance"  # the evidence shown is behind the label shown


def test_tie_shows_as_contested(store):
    # the case of the issue: two stories say distance, two say neutral
    for n, label in enumerate(("distance", "distance", "neutral", "neutral")):
        add_article(store, f"uzb-{n}", [stance("UZB", label)], published="2023-06-1" + str(n))
    cell = _cell(store, "UZB")
    assert cell.prevailing is None and cell.contested and cell.label == "contested" and cell.short == "CON"
    assert cell.stories == cell.total_stories == 4


def test_split_shows_as_contested(store):
    # support leads 2 to 1, but oppose and neutral (both contradicting support) match it
    for n, label in enumerate(("support", "support", "oppose", "neutral")):
        add_article(store, f"x-{n}", [stance("SRB", label)], published="2023-01-1" + str(n))
    cell = _cell(store, "SRB")
    assert cell.contested and cell.prevailing is None


def test_contradiction_mark_follows_the_issue_file_like_most_contested(store):
    add_article(store, "blr-sup", [stance("BLR", "support")], published="2023-02-01")
    add_article(store, "blr-dis", [stance("BLR", "distance")], published="2023-02-02")
    add_article(store, "blr-sup2", [stance("BLR", "support")], published="2023-02-03")
    add_article(store, "arm-neu", [stance("ARM", "neutral")], published="2023-02-01")
    add_article(store, "arm-dis", [stance("ARM", "distance")], published="2023-02-02")
    blr, arm = _cell(store, "BLR"), _cell(store, "ARM")
    assert blr.contradiction and not arm.contradiction  # neutral and distance are no contradicting pair
    contested = {g["subject"] for g in corroboration(store) if g["contradicted_by"]}
    assert contested == {"BLR"}  # "Most contested" reads the same pairs


def test_one_story_giving_two_labels_is_no_contradiction(store):
    add_article(store, "blr-both", [stance("BLR", "support", start=0), stance("BLR", "distance", start=30)],
                published="2022-03-01")
    assert not _cell(store, "BLR").contradiction


def test_period_all_holds_undated_statements(store):
    add_article(store, "kaz-undated", [stance("KAZ", "distance")], published=None)
    assert _cell(store, "KAZ", "all").stories == 1
    assert {c.period for c in stance_matrix(store, "year") if c.state == "KAZ"} == {"undated"}


def test_cell_carries_the_state_name(store):
    add_article(store, "eri", [stance("ERI", "support")], published="2022-03-02")
    add_article(store, "mli", [stance("MLI", "neutral")], published="2022-03-02")
    names = {c.state: c.state_name for c in stance_matrix(store, "all")}
    assert names["ERI"] != names["MLI"] and "Eritrea" in names["ERI"] and "Mali" in names["MLI"]
    assert _cell(store, "ERI").issue_name == "Russia's war in Ukraine"


def test_parties_take_no_stance_on_their_war(store):
    add_article(store, "rus", [stance("RUS", "support"), stance("KAZ", "neutral", start=30)], published="2022-03-02")
    assert {c.state for c in stance_matrix(store, "all")} == {"KAZ"}


def test_refresh_rebuilds_only_the_cells_of_changed_pairs(store):
    add_article(store, "geo", [stance("GEO", "oppose")], published="2022-04-01")
    kaz_id = add_article(store, "kaz", [stance("KAZ", "distance")], published="2022-04-02")
    geo_rows = store.db.execute("SELECT rowid, * FROM stance_cells WHERE subject = 'GEO'").fetchall()
    with store.transaction():
        store.replace_analysis(__import__("allegiance.nlp.doc", fromlist=["Doc"]).Doc(
            kaz_id, "x" * 200, "en", "2022-04-02", statements=(stance("KAZ", "neutral"),)), "test@2")
    assert [tuple(r) for r in store.db.execute("SELECT * FROM stance_dirty")] == [("KAZ", WAR)]
    assert not aggregates_fresh(store.db)
    analyse(store, kaz_id, "x" * 200, "2022-04-02", [stance("KAZ", "neutral")], pack="test@2")
    assert aggregates_fresh(store.db)
    assert [tuple(r) for r in store.db.execute("SELECT rowid, * FROM stance_cells WHERE subject = 'GEO'")] == \
        [tuple(r) for r in geo_rows]  # untouched: same rows, same rowids
    assert _cell(store, "KAZ").prevailing == "neutral"


def test_stale_cells_give_the_same_matrix_as_fresh_ones(store):
    for n, (state, label) in enumerate([("KAZ", "distance"), ("KAZ", "neutral"), ("BLR", "support"),
                                        ("BLR", "oppose"), ("ARM", "distance")]):
        add_article(store, f"a{n}", [stance(state, label)], published=f"2022-0{n + 1}-01" if n % 2 else None,
                    cluster="a0" if n == 1 else None)
    for period in ("month", "quarter", "year", "all"):
        fresh = [c.as_dict() for c in stance_matrix(store, period)]
        store.db.execute("INSERT INTO stance_dirty VALUES ('KAZ', ?)", (WAR,))
        assert [c.as_dict() for c in stance_matrix(store, period)] == fresh, period
        store.db.execute("DELETE FROM stance_dirty")


def test_no_issue_ids_or_label_tables_hard_coded_in_the_views_and_store():
    for path in ("query/views.py", "query/matrix.py", "query/record.py", "query/topics.py", "store/aggregates.py"):
        source = (ROOT / "src/allegiance" / path).read_text(encoding="utf-8")
        assert "russia_war_in_ukraine" not in source and "csto_participation" not in source, path
        assert "'support'" not in source and '"support"' not in source, path


def test_rebuild_one_pair_and_one_fact_at_a_time_gives_the_cells_and_groups_of_all_rows_at_once(store):
    """The rebuild streams one (state, issue) pair's rows and one fact's rows at a time (memory flat
    as the store grows); its tables are those of the tally and grouping of every row at once."""
    import json

    from tests.storebuild import event

    from allegiance.kb.langdata import load_issues
    from allegiance.store.aggregates import PERIOD_KINDS, rebuild_stance_aggregates, stance_rows, tally_cells
    from allegiance.store.facts import fact_rows, group_facts, on_topic_condition

    plan = [("KAZ", "distance", "2022-03-01"), ("KAZ", "neutral", None), ("BLR", "support", "2022-05-02"),
            ("BLR", "oppose", "2023-01-09"), ("ARM", "distance", "2022-03-03"), ("KAZ", "distance", "2022-07-01")]
    for n, (state, label, when) in enumerate(plan):
        add_article(store, f"p{n}", [stance(state, label, when), event(state, "strike", "UKR", when, start=30),
                                     event("RUS", "vote", "UNGA", "2022-03-02", start=60)],
                    published="2022-02-28" if n % 2 else None, cluster="p0" if n in (2, 4) else None,
                    source=f"Outlet {n % 3}")
    with store.transaction() as db:
        rebuild_stance_aggregates(db, full=True)
    db = store.db
    rows = stance_rows(db)
    want_cells = set()
    for kind in PERIOD_KINDS:
        for (subject, issue, period), cell in tally_cells(rows, kind).items():
            want_cells |= {(kind, period, subject, issue, label, n, cell.stories[label], cell.latest[label][1])
                           for label, n in cell.statements.items()}
    assert len(want_cells) > 8
    assert {tuple(r) for r in db.execute("SELECT * FROM stance_cells")} == want_cells
    parties = frozenset().union(*(i.excluded_actors for i in load_issues().values()))
    topic, params = on_topic_condition("s.article_id", parties)
    want_groups = {(g.kind, g.subject, g.predicate, g.object, g.first, g.last, g.stories, g.outlets,
                    json.dumps(g.articles, ensure_ascii=False), json.dumps(g.outlet_names, ensure_ascii=False),
                    g.first_id) for g in group_facts(fact_rows(db, " AND " + topic, params))}
    assert len(want_groups) > 3
    assert {tuple(r) for r in db.execute("SELECT * FROM fact_groups")} == want_groups
