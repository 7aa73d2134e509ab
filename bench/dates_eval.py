"""Publication dates of the dev articles as a scraper delivers them: each article's text and URL
as a JSON Lines record with no date field, ingested into a fresh store; the stored day against
the gold ``published`` of the articles that have one. Prints the count right, each miss with where
the date came from, the share by source (url, text, archive), and how many articles the gold
leaves undated get a date here (each worth a look: a dateline the annotators missed, or a wrong one).

Usage: python bench/dates_eval.py [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import tempfile
from collections import Counter
from pathlib import Path

from allegiance import Settings, Store, ingest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def run() -> dict[str, object]:
    gold = [json.loads(x) for x in (SHARED / "corpus/dev/gold.jsonl").read_text(encoding="utf-8").splitlines()
            if x.strip()]
    dated = [g for g in gold if g.get("published")]
    with tempfile.TemporaryDirectory() as tmp:
        records = Path(tmp) / "scraped.jsonl"
        with records.open("w", encoding="utf-8") as out:
            for g in gold:
                text = (SHARED / "corpus/dev/articles" / f"{g['id']}.txt").read_text(encoding="utf-8")
                out.write(json.dumps({"id": g["id"], "url": g.get("url"), "text": text}, ensure_ascii=False) + "\n")
        settings = Settings(db=str(Path(tmp) / "d.db"), progress=False)
        with Store(settings.db) as store:
            ingest([str(records)], store, settings)
            columns = {r[1] for r in store.db.execute("PRAGMA table_info(articles)")}
            source = "date_source" if "date_source" in columns else "NULL"
            stored = {r["file_name"]: (r["published"], r["src"]) for r in store.db.execute(
                f"SELECT file_name, published, {source} AS src FROM articles")}
    rows = []
    for g in dated:
        got, where = stored.get(g["id"], (None, None))
        rows.append({"id": g["id"], "gold": g["published"], "stored": got, "source": where,
                     "right": got == g["published"]})
    right = sum(r["right"] for r in rows)
    undated_gold = [g["id"] for g in gold if not g.get("published")]
    given = Counter(stored[i][1] for i in undated_gold if i in stored and stored[i][0])
    return {"articles": len(rows), "right": right, "wrong": sum(1 for r in rows if r["stored"] and not r["right"]),
            "undated": sum(1 for r in rows if not r["stored"]),
            "by_source": dict(Counter(r["source"] for r in rows if r["right"])), "rows": rows,
            "gold_undated": len(undated_gold), "gold_undated_given_a_date": dict(given)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    result = run()
    print(f"right day: {result['right']} of {result['articles']} gold-dated dev articles (text plus URL); "
          f"wrong day {result['wrong']}, undated {result['undated']}; right by source {result['by_source']}")
    print(f"of the {result['gold_undated']} articles the gold leaves undated, dated here by source: "
          f"{result['gold_undated_given_a_date']}")
    for row in result["rows"]:  # type: ignore[attr-defined]
        if not row["right"]:
            print(f"  {row['id']}: gold {row['gold']}, stored {row['stored']} ({row['source']})")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
