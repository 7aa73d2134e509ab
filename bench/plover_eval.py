"""Event typing on the PLOVER gold standard records (dev half, ../shared/datasets/plover-gsr):
one English sentence per record, coded with one PLOVER 0.5b1 event type.

Each sentence goes through the whole analysis; its first event other than a speech act gives the
predicted type (PLOVER 2021 names mapped to the 0.5b1 names of the file: REQUEST is DEMAND,
ACCUSE is DISAPPROVE). Reports coverage (sentences with an event), type accuracy on the covered
sentences, and macro-F1 over the gold types (an uncovered sentence counts as a miss); and the last
two again with the 0.5b1 types that the 2021 table merges folded (FIGHT into ASSAULT, INVESTIGATE
into ACCUSE), which no 2021 type can match otherwise.

Usage: python bench/plover_eval.py [--json OUT] [--errors]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "datasets" / "plover-gsr" / "PLOVER_GSR_CAMEO.dev.json"
#: PLOVER 2021 type -> the 0.5b1 name the gold file uses
TO_GSR = {"REQUEST": "DEMAND", "ACCUSE": "DISAPPROVE"}
#: 0.5b1 gold types the 2021 table (CAMEO2PLOVER-2021.txt) merges into another: conventional force
#: (CAMEO 19) is ASSAULT there, investigation (CAMEO 09) ACCUSE; no 2021 type can match them unfolded
FOLD_2021 = {"FIGHT": "ASSAULT", "INVESTIGATE": "DISAPPROVE"}


def evaluate(path: Path = DATA, errors: bool = False) -> dict[str, float]:
    from allegiance.nlp import Doc
    from allegiance.nlp.pipeline import default_pipeline

    records = [r for r in json.loads(path.read_text(encoding="utf-8")) if r.get("event") != "DOCUMENT"]
    pipeline = default_pipeline()
    pairs: list[tuple[str, str | None]] = []
    for r in records:
        doc = pipeline(Doc(r["id"], r["text"], "en", r.get("date")))
        events = [s for s in doc.statements if s.kind == "event"]
        typed = [e.predicate for e in events if e.predicate not in ("SAY", "DECLARE")] or \
            [e.predicate for e in events]
        guess = TO_GSR.get(typed[0], typed[0]) if typed else None
        pairs.append((r["event"], guess))
        if errors and guess != r["event"]:
            print(f"{r['event']:<11} {guess or '-':<11} {r['text'][:110]}")
    covered = [(g, p) for g, p in pairs if p is not None]
    folded = [(FOLD_2021.get(g, g), p) for g, p in pairs]
    folded_covered = [(g, p) for g, p in folded if p is not None]
    return {
        "sentences": len(pairs),
        "coverage": round(len(covered) / len(pairs), 3),
        "accuracy_on_covered": round(sum(g == p for g, p in covered) / len(covered), 3) if covered else 0.0,
        "macro_f1": _macro_f1(pairs),
        # the same with the 0.5b1 types the 2021 table merges folded into the 2021 ones
        "accuracy_on_covered_2021": round(sum(g == p for g, p in folded_covered) / len(folded_covered), 3)
        if folded_covered else 0.0,
        "macro_f1_2021": _macro_f1(folded),
        "predicted_types": dict(Counter(p for _, p in covered)),  # type: ignore[dict-item]
    }


def _macro_f1(pairs: list[tuple[str, str | None]]) -> float:
    f1s = []
    for label in sorted({g for g, _ in pairs}):
        tp = sum(1 for g, p in pairs if g == label and p == label)
        fp = sum(1 for g, p in pairs if g != label and p == label)
        fn = sum(1 for g, p in pairs if g == label and p != label)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1s.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    return round(sum(f1s) / len(f1s), 3)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", type=Path)
    parser.add_argument("--errors", action="store_true")
    args = parser.parse_args()
    result = evaluate(errors=args.errors)
    print(f"PLOVER GSR dev: {result['sentences']} sentences, coverage {result['coverage']}, "
          f"type accuracy on covered {result['accuracy_on_covered']}, macro-F1 {result['macro_f1']}")
    print(f"  with FIGHT and INVESTIGATE folded into ASSAULT and ACCUSE (the 2021 table): type accuracy on "
          f"covered {result['accuracy_on_covered_2021']}, macro-F1 {result['macro_f1_2021']}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
