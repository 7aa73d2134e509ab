"""The team-written check set (``tests/fixtures/checkset/*.jsonl``): sentences in the team's own
words, each with its gold statements, scored per kind with precision and recall.

Each line: ``{"id", "lang", "text", "published"?, "stances": [[actor, issue, label]],
"events": [[actor, PLOVER type]], "predictions": [speaker or null, ...], "note"?}``. A stance is
matched on (actor, issue, label); an event on its actor (as score.py does) and, for ``events_typed``,
on actor and type as well; a prediction on its sentence (and, for ``predictions_speaker``, on its
speaker too). Used by the quality gate (``tests/test_checkset.py``) and ``bench/statements_eval.py``.
A case without an ``events`` (or ``predictions``) key is scored on its stances alone: written to
test stances, it gives no gold for the rest.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CHECKSET = ROOT / "tests" / "fixtures" / "checkset"


def load_checkset(folder: Path = CHECKSET) -> list[dict[str, Any]]:
    cases = []
    for path in sorted(folder.glob("*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                case = json.loads(line)
                case["where"] = f"{path.name}:{n}"
                cases.append(case)
    return cases


def _hits(gold: list[tuple[Any, ...]], pred: list[tuple[Any, ...]]) -> int:
    left = Counter(gold)
    hits = 0
    for p in pred:
        if left[p] > 0:
            left[p] -= 1
            hits += 1
    return hits


def predict(cases: list[dict[str, Any]]) -> list[dict[str, list[tuple[Any, ...]]]]:
    from allegiance.nlp import Doc
    from allegiance.nlp.pipeline import default_pipeline

    pipeline = default_pipeline()
    out = []
    for case in cases:
        doc = pipeline(Doc(case["id"], case["text"], case["lang"], case.get("published")))
        st = [s for s in doc.statements]
        out.append({
            "stances": sorted({(s.subject, s.issue, s.predicate) for s in st if s.kind == "stance"}),
            "events": [(s.subject, s.predicate) for s in st if s.kind == "event"],
            "predictions": [(s.speaker,) for s in st if s.kind == "prediction"],
        })
    return out


def score_checkset(cases: list[dict[str, Any]] | None = None,
                   predictions: list[dict[str, list[tuple[Any, ...]]]] | None = None) -> dict[str, dict[str, Any]]:
    """Precision, recall and F1 per kind (overall and per language), with the counts behind them."""
    cases = cases if cases is not None else load_checkset()
    predictions = predictions if predictions is not None else predict(cases)
    tallies: dict[str, list[int]] = {}

    def add(key: str, gold: list[tuple[Any, ...]], pred: list[tuple[Any, ...]]) -> None:
        t = tallies.setdefault(key, [0, 0, 0])
        t[0] += _hits(gold, pred)
        t[1] += len(gold)
        t[2] += len(pred)

    for case, pred in zip(cases, predictions, strict=True):
        gold_stances = [tuple(s) for s in case.get("stances", [])]
        gold_events = [tuple(e) for e in case.get("events", [])]
        gold_preds = [(s,) for s in case.get("predictions", [])]
        for lang in ("all", case["lang"]):
            suffix = "" if lang == "all" else f".{lang}"
            add("stances" + suffix, gold_stances, pred["stances"])
            if "events" in case:
                add("events" + suffix, [(e[0],) for e in gold_events], [(e[0],) for e in pred["events"]])
                add("events_typed" + suffix, gold_events, pred["events"])
            if "predictions" in case:
                add("predictions" + suffix, [("x",)] * len(gold_preds), [("x",)] * len(pred["predictions"]))
                add("predictions_speaker" + suffix, gold_preds, pred["predictions"])
    out = {}
    for key in sorted(tallies):
        hits, n_gold, n_pred = tallies[key]
        p = hits / n_pred if n_pred else 1.0
        r = hits / n_gold if n_gold else 1.0
        out[key] = {"precision": round(p, 3), "recall": round(r, 3),
                    "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0, "gold": n_gold, "predicted": n_pred}
    return out


def errors(cases: list[dict[str, Any]] | None = None) -> list[str]:
    """Each case whose predicted statements differ from its gold (for reading while writing rules)."""
    cases = cases if cases is not None else load_checkset()
    lines = []
    for case, pred in zip(cases, predict(cases), strict=True):
        gold = {"stances": sorted(tuple(s) for s in case.get("stances", [])),
                "events": sorted(tuple(e) for e in case.get("events", [])),
                "predictions": len(case.get("predictions", []))}
        got = {"stances": pred["stances"], "events": sorted(pred["events"], key=str),
               "predictions": len(pred["predictions"])}
        diff = [f"{k}: gold {gold[k]} got {got[k]}" for k in gold if sorted(map(str, [gold[k]])) != sorted(
            map(str, [got[k]])) and not (k == "events" and sorted(gold[k]) == sorted(got[k]))]  # type: ignore[type-var]
        if diff:
            lines.append(f"{case['where']} {case['text'][:90]}\n    " + "\n    ".join(diff))
    return lines


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(ROOT / "src"))
    if "--errors" in sys.argv:
        print("\n".join(errors()))
    for key, figures in score_checkset().items():
        print(f"{key:<24} P {figures['precision']:.2f}  R {figures['recall']:.2f}  F1 {figures['f1']:.3f}  "
              f"(gold {figures['gold']}, predicted {figures['predicted']})")
