"""Generalisation of the statement stage: score.py figures on two halves of the dev set, the seed,
and the team-written check set, so that the gap between the half the rules were written from and
the half they were not is in plain view.

The dev set is split by article, deterministically: the sorted ids alternate, the first, third,
fifth ... going to half A (the half the rules may be read against), the others to half B (never
read while writing rules). Each part is scored per language (English, Russian, Ukrainian, the rest
pooled). The check set (``tests/fixtures/checkset``) is scored per kind with precision and recall.

Usage: python bench/statements_eval.py [--json OUT] [--errors]
(``--errors`` lists half A's misses and false alarms; half B's are never listed, so that nobody
writes rules from them) [--errors A]  (``--errors A`` lists half A's misses)
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from quality import _scorer, by_language, load_gold, predict, score_groups  # noqa: E402

KINDS = ("stances", "events", "predictions", "quantities")


def dev_halves(gold_ids: list[str]) -> dict[str, list[str]]:
    ids = sorted(gold_ids)
    return {"A": ids[0::2], "B": ids[1::2]}


def run() -> dict[str, dict[str, object]]:
    gold = load_gold("dev", "seed")
    pred, _ = predict("dev", "seed")
    dev_ids = [i for i in gold if i != "seed"]
    parts = {**{f"dev{k}": v for k, v in dev_halves(dev_ids).items()}, "seed": [i for i in gold if i == "seed"]}
    results: dict[str, dict[str, object]] = {}
    for part, ids in parts.items():
        groups = {name: group for name, group in by_language(gold, ids).items() if group}
        for name, figures in score_groups(gold, pred, groups).items():
            results[f"{part}.{name}"] = {k: figures[k] for k in KINDS} | {
                "articles": figures["articles"], "stance_free": figures["stance_free"]}
    from checkset import score_checkset

    results["checkset"] = score_checkset()
    return results


def list_errors(kinds: tuple[str, ...] = ("stances", "events", "predictions")) -> None:
    """Print half A's misses (``-``) and false alarms (``+``) per article and kind."""
    score = _scorer()
    gold = load_gold("dev")
    pred, _ = predict("dev")
    for doc_id in dev_halves(list(gold))["A"]:
        g, p = gold[doc_id], pred.get(doc_id, {})
        for kind in kinds:
            if kind == "stances":
                gs, ps = score.stance_keys(g), score.stance_keys(p)
                rows = [("-", k) for k in sorted(gs - ps, key=repr)] + [("+", k) for k in sorted(ps - gs, key=repr)]
            else:
                same = score.same_event if kind == "events" else score.same_prediction
                gl, pl = list(g.get(kind) or []), list(p.get(kind) or [])
                hit_g, hit_p = set(), set()
                for i, gi in enumerate(gl):
                    for j, pj in enumerate(pl):
                        if j not in hit_p and same(gi, pj):
                            hit_g.add(i)
                            hit_p.add(j)
                            break
                rows = [("-", (x.get("actor"), x.get("evidence", "")[:110]))
                        for i, x in enumerate(gl) if i not in hit_g]
                rows += [("+", (x.get("actor"), x.get("evidence", "")[:110]))
                         for j, x in enumerate(pl) if j not in hit_p]
            for sign, row in rows:
                print(f"{doc_id} {g.get('language', '?')} {kind[:5]} {sign} {row}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", type=Path)
    parser.add_argument("--errors", action="store_true", help="list half A's errors instead of scoring")
    args = parser.parse_args()
    if args.errors:
        list_errors()
        return 0
    results = run()
    print(f"{'part':<14}{'n':>4}" + "".join(f"{k[:5] + ' P/R/F':>20}" for k in KINDS) + "  no-stance gold given one")
    for part, figures in results.items():
        if part == "checkset":
            continue
        cells = "".join(f"{figures[k]['precision']:>7.2f}{figures[k]['recall']:>6.2f}{figures[k]['f1']:>7.3f}"  # type: ignore[index]
                        for k in KINDS)
        free = figures["stance_free"]
        print(f"{part:<14}{figures['articles']:>4}{cells}  {free['with_stances']}/{free['articles']}")  # type: ignore[index]
    print("check set (team-written sentences):")
    for key, figures in results["checkset"].items():
        print(f"  {key:<22} P {figures['precision']:.2f}  R {figures['recall']:.2f}  F1 {figures['f1']:.3f}  "  # type: ignore[index]
              f"(gold {figures['gold']}, predicted {figures['predicted']})")  # type: ignore[index]
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
