"""Query speed of the cross-source views on generated stores of 10 thousand, 100 thousand and
1 million statements (20 per article: 400,000 statements is a store of 20,000 articles): the
stance matrix, dossiers (a rare state and RUS, which most articles mention), the timeline (first
page, a later page, one actor), corroboration and the prediction ledger, each the best of three
runs, with the growth factor from the smallest store. Synthetic data (random states, labels,
dates, outlets and copies; every statement's subject mentioned in its span, RUS in most
articles), written straight into a real store file.

Usage: python bench/query_speed.py [--sizes 10000,100000,1000000] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

from allegiance import Store
from allegiance.kb.langdata import default_issue, load_issues
from allegiance.query import views
from allegiance.query.views import corroboration, dossier, prediction_ledger, stance_matrix, timeline
from allegiance.store.aggregates import rebuild_stance_aggregates

STATES = ["ARM", "AZE", "BLR", "CHN", "CUB", "ERI", "GEO", "HUN", "IND", "IRN", "KAZ", "KGZ", "MDA", "MLI", "NIC",
          "PRK", "SRB", "SYR", "TJK", "TKM", "TUR", "UZB", "USA", "GBR", "DEU", "FRA", "POL", "LTU", "LVA", "EST"]
KINDS = ["stance"] * 15 + ["event"] * 35 + ["quantity"] * 15 + ["prediction"] * 10 + ["claim"] * 25
LABELS = ["support", "oppose", "neutral", "distance"]
TYPES = ["AGREE", "CONSULT", "SUPPORT", "AID", "MOBILIZE", "REJECT", "ACCUSE", "THREATEN", "SANCTION", "COERCE"]
PER_ARTICLE = 20
#: the issues of the stances: the bundled packs' default issue, and one in ten on another of theirs
MAIN_ISSUE = default_issue()
OTHER_ISSUE = next(i for i in sorted(load_issues()) if i != MAIN_ISSUE)
RUS_MENTIONS = 8


def generate(path: Path, statements: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    articles = max(1, statements // PER_ARTICLE)
    text = ("Synthetic sentence about a state and the war, written for the benchmark. " * 6).strip()
    with Store(path) as store, store.transaction() as db:
        db.executemany("INSERT INTO sources(id, name) VALUES (?, ?)", [(i, f"outlet-{i}") for i in range(1, 101)])
        art_rows, clusters = [], []
        for i in range(articles):
            day = f"{rng.randint(2022, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            aid = f"a{i:08d}"
            art_rows.append((aid, text, day, rng.randint(1, 100), "text", len(text), aid))
            root = f"a{rng.randrange(i):08d}" if i and rng.random() < 0.1 else aid
            clusters.append((aid, root, 1.0))
        db.executemany("INSERT INTO articles(id, text, published, source_id, kind, chars, file_name, ingested) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, '2026-01-01')", art_rows)
        db.executemany("INSERT INTO clusters(article_id, cluster_id, similarity) VALUES (?, ?, ?)", clusters)
        st_rows, mentions = [], []
        for n in range(statements):
            aid, published = art_rows[n // PER_ARTICLE][0], art_rows[n // PER_ARTICLE][2]
            kind = rng.choice(KINDS)
            subject = rng.choice(STATES)
            start = rng.randrange(0, 300)
            predicate = rng.choice(LABELS) if kind == "stance" else rng.choice(TYPES)
            issue = (OTHER_ISSUE if rng.random() < 0.1 else MAIN_ISSUE) if kind == "stance" \
                else None
            obj = rng.choice(STATES) if kind == "event" else issue
            st_rows.append((aid, kind, start, start + 60, subject, predicate, obj, issue, "positive", "asserted",
                            None, published, None, None, "[]", 0.5, "bench", "", "bench@1"))
            mentions.append((aid, start + n % 50, start + n % 50 + 5, "State", subject, "state", f"name{n}", 0.9,
                             subject))
            if n % PER_ARTICLE == 0 and rng.random() < 0.8:  # most articles name Russia, several times
                mentions.extend((aid, 7 + 50 * k, 13 + 50 * k, "Russia", "RUS", "state", "name", 0.9, "RUS")
                                for k in range(RUS_MENTIONS))
        db.executemany(
            """INSERT INTO statements(article_id, kind, start, end, subject, predicate, object, issue, polarity,
                   modality, speaker, time, value, unit, topics, confidence, extractor, cue, pack_version)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", st_rows)
        if _has_column(db, "statements", "uid"):
            from allegiance.store.db import assign_uids

            rows = db.execute("SELECT id, article_id, kind, start, end, subject, predicate FROM statements "
                              "ORDER BY article_id, id").fetchall()
            db.executemany("UPDATE statements SET uid = ? WHERE id = ?", assign_uids(rows))
        db.execute("INSERT INTO statement_targets(statement_id, target) "
                   "SELECT id, object FROM statements WHERE kind = 'event'")
        db.executemany("INSERT OR IGNORE INTO mentions(article_id, start, end, text, entity_id, type, kind, confidence,"
                       " canonical) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", mentions)
    with Store(path) as store:
        with store.transaction() as db:  # what an analysis run does after writing statements
            rebuild_stance_aggregates(db)
        store.db.execute("ANALYZE")


def _has_column(db, table: str, column: str) -> bool:  # type: ignore[no-untyped-def]
    return any(r[1] == column for r in db.execute(f"PRAGMA table_info({table})"))


def best_of(fn, runs: int = 3) -> float:  # type: ignore[no-untyped-def]
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def measure(path: Path) -> dict[str, float]:
    paging = "offset" in views.timeline.__code__.co_varnames
    with Store(path, readonly=True) as store:
        figures = {
            "matrix_year": best_of(lambda: stance_matrix(store, "year")),
            "matrix_quarter_kaz": best_of(lambda: stance_matrix(store, "quarter", states=["KAZ"])),
            "dossier_kaz": best_of(lambda: dossier(store, "KAZ")),
            "dossier_rus": best_of(lambda: dossier(store, "RUS")),
            "timeline_actor": best_of(lambda: timeline(store, actor="KAZ", limit=1000)),
            "timeline_first_1000": best_of(lambda: timeline(store, limit=1000)),
            "corroboration": best_of(lambda: corroboration(store, min_sources=2)),
            "prediction_ledger": best_of(lambda: prediction_ledger(store)),
        }
        if paging:
            figures["timeline_page_at_5000"] = best_of(lambda: timeline(store, limit=100, offset=5000))
        return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    sizes = [int(x) for x in args.sizes.split(",")]
    results: dict[int, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            path = Path(tmp) / f"s{size}.db"
            started = time.perf_counter()
            generate(path, size)
            print(f"generated {size} statements in {time.perf_counter() - started:.1f} s", file=sys.stderr)
            results[size] = measure(path)
    queries = list(results[sizes[0]])
    print(f"(allegiance from {views.__file__})")
    print(f"{'query':<22}" + "".join(f"{s:>12}" for s in sizes) + f"{'growth':>10}")
    for q in queries:
        growth = results[sizes[-1]][q] / max(results[sizes[0]][q], 1e-9)
        print(f"{q:<22}" + "".join(f"{results[s][q]:>11.3f}s" for s in sizes) + f"{growth:>9.1f}x")
    print(f"statements grew {sizes[-1] / sizes[0]:.0f}x")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
