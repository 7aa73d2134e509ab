"""Quality on the two halves of the dev set (articles sorted by id; even positions are the half that
rules may be written from, odd positions the half kept unseen), with ../shared/eval/score.py.

Usage: python bench/dev_halves.py [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from quality import FIELDS, SHARED, _scorer

from allegiance import Settings, Store, ingest
from allegiance.query.export import export_articles
from allegiance.runner import analyze_store


def run() -> dict[str, dict[str, object]]:
    score = _scorer()
    lines = (SHARED / "corpus/dev/gold.jsonl").read_text(encoding="utf-8").splitlines()
    gold = {d["id"]: d for d in (json.loads(x) for x in lines if x.strip())}
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(db=str(Path(tmp) / "q.db"), progress=False)
        with Store(settings.db) as store:
            ingest([str(SHARED / "corpus/dev/articles")], store, settings)
            analyze_store(store, settings=settings)
            pred_path = Path(tmp) / "pred.jsonl"
            with pred_path.open("w", encoding="utf-8") as out:
                export_articles(store, out, "eval")
        pred = score.load(pred_path)
    ids = sorted(gold)
    groups = {"seen": ids[0::2], "unseen": ids[1::2]}
    results = {}
    for name, chosen in groups.items():
        figures, _problems = score.score({i: gold[i] for i in chosen}, pred, SHARED / "corpus/dev/articles")
        figures["articles"] = len(chosen)
        results[name] = figures
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    results = run()
    print(f"{'field':<14}" + "".join(f"{k:>9}" for k in results))
    for field in FIELDS:
        print(f"{field:<14}" + "".join(f"{results[k][field]['f1']:>9.3f}" for k in results))  # type: ignore[index]
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
