"""Quality on the two halves of the dev set (articles sorted by id; even positions are the half that
rules may be written from, odd positions the half kept unseen), with ../shared/eval/score.py.

Usage: python bench/dev_halves.py [--json OUT]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from quality import FIELDS, SHARED, _scorer, load_gold, predict
from statements_eval import dev_halves


def run() -> dict[str, dict[str, object]]:
    score = _scorer()
    gold = load_gold("dev")
    pred, _ = predict("dev")
    halves = dev_halves(list(gold))
    groups = {"seen": halves["A"], "unseen": halves["B"]}
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
