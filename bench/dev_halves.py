"""Quality on the two halves of the dev set (articles sorted by id; even positions are the half that
rules may be written from, odd positions the half kept unseen), with ../shared/eval/score.py.

Usage: python bench/dev_halves.py [--json OUT]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from quality import load_gold, predict, print_f1_table, score_groups
from statements_eval import dev_halves


def run() -> dict[str, dict[str, object]]:
    gold = load_gold("dev")
    pred, _ = predict("dev")
    halves = dev_halves(list(gold))
    return score_groups(gold, pred, {"seen": halves["A"], "unseen": halves["B"]})


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    results = run()
    print_f1_table(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
