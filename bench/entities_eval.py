"""Organisations, persons and states on the team-written entity check set
(``tests/fixtures/entities_check/*.jsonl``) and on the two halves of the dev set, per language.

Each line of the check set: ``{"id", "lang", "text", "organizations": [...], "persons": [...],
"states"?: [...], "page"?: true, "batch"?, "note"?}``. Sentences go through the analysis pipeline
as they are; a ``page`` (a scraped-style text with a byline, share bar or footer) goes through the
real ingest (chrome removal, language detection) into a fresh store, as the main job reads a page.
Names are matched as ``../shared/eval/score.py`` matches them (leniently, one to one); states as
codes, only on the cases that give them (so that "a state's name inside a name adds no state" is
checked). The cases of ``batch`` "fresh" (``fresh_*.jsonl``) were written after the first entity
rules of this round, before they were run on them: they are also scored apart
(``fresh.organizations``), as the warning light of the check set.

Dev halves (``bench/statements_eval.py``'s split): figures of half B are aggregates only.
``--errors`` lists the check set's misses and false finds, and half A's entity errors; never B's.

Usage: python bench/entities_eval.py [--no-dev] [--errors] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path
from typing import Any

from quality import _scorer, by_language, load_gold, predict, score_groups
from statements_eval import dev_halves

ROOT = Path(__file__).resolve().parents[1]
CHECK = ROOT / "tests" / "fixtures" / "entities_check"
NAME_KINDS = ("organizations", "persons")
KINDS = (*NAME_KINDS, "states")


def load_cases(folder: Path = CHECK) -> list[dict[str, Any]]:
    cases = []
    for path in sorted(folder.glob("*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                case = json.loads(line)
                case["where"] = f"{path.name}:{n}"
                cases.append(case)
    return cases


def _predict_pages(pages: list[dict[str, Any]]) -> dict[str, dict[str, list[str]]]:
    """The main job (ingest, analyse, export) on the page cases, written as ``<id>.txt`` files."""
    from allegiance import Settings, Store, ingest
    from allegiance.query.export import eval_records
    from allegiance.runner import analyze_store

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "pages"
        folder.mkdir()
        for case in pages:
            (folder / f"{case['id']}.txt").write_text(case["text"], encoding="utf-8")
        settings = Settings(db=str(Path(tmp) / "entities.db"), progress=False)
        with Store(settings.db) as store:
            ingest([str(p) for p in sorted(folder.glob("*.txt"))], store, settings)
            analyze_store(store, settings=settings)
            return {r["id"]: r["entities"] for r in eval_records(store)}


def predict_cases(cases: list[dict[str, Any]]) -> dict[str, dict[str, list[str]]]:
    """The entities found in each case, by case id, in the scoring format's groups."""
    from allegiance.nlp import Doc
    from allegiance.nlp.pipeline import default_pipeline
    from allegiance.query.export import doc_eval_record

    pipeline = default_pipeline()
    out = {}
    for case in cases:
        if not case.get("page"):
            doc = pipeline(Doc(case["id"], case["text"], case["lang"], case.get("published")))
            out[case["id"]] = doc_eval_record(doc)["entities"]
    out.update(_predict_pages([c for c in cases if c.get("page")]))
    return out


def _tally(gold: list[str], pred: list[str], kind: str) -> tuple[int, int, int]:
    score = _scorer()
    if kind == "states":
        return len(set(gold) & set(pred)), len(set(gold)), len(set(pred))
    return score.match_count(gold, pred, score.same_name), len(gold), len(pred)


def _prf(tp: int, gold: int, pred: int) -> dict[str, float | int]:
    p = tp / pred if pred else 1.0
    r = tp / gold if gold else 1.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
            "gold": gold, "pred": pred, "matched": tp}


def score_cases(cases: list[dict[str, Any]] | None = None) -> tuple[dict[str, dict[str, Any]], list[str]]:
    """P/R/F per kind, overall (``organizations``) and per language (``organizations.ru``), and the
    errors as lines."""
    cases = load_cases() if cases is None else cases
    pred = predict_cases(cases)
    sums: dict[str, list[int]] = {}
    errors = []
    for case in cases:
        found = pred.get(case["id"], {})
        for kind in KINDS:
            if kind not in case:
                continue
            tp, g, p = _tally(case[kind], found.get(kind, []), kind)
            keys = [kind, f"{kind}.{case['lang']}"]
            if case.get("batch"):  # a batch written after the rules, scored apart too
                keys += [f"{case['batch']}.{kind}", f"{case['batch']}.{kind}.{case['lang']}"]
            for key in keys:
                total = sums.setdefault(key, [0, 0, 0])
                total[0] += tp
                total[1] += g
                total[2] += p
            if tp != g or tp != p:
                errors.append(f"{case['where']} {kind}: gold {case[kind]} found {found.get(kind, [])}")
    return {key: _prf(*v) for key, v in sorted(sums.items())}, errors


def score_dev() -> tuple[dict[str, dict[str, Any]], list[str]]:
    """Entity figures of dev halves A and B, each all together and per language; half A's errors."""
    gold = load_gold("dev")
    pred, _ = predict("dev")
    halves = dev_halves(list(gold))
    results: dict[str, dict[str, Any]] = {}
    for half, ids in halves.items():
        for group, figures in score_groups(gold, pred, by_language(gold, ids)).items():
            if figures["articles"]:
                results[f"{half}.{group}"] = {k: figures[k] for k in KINDS} | {"articles": figures["articles"]}
    errors = []
    score = _scorer()
    for doc_id in halves["A"]:  # half A only: half B's errors are never shown
        found = pred.get(doc_id, {}).get("entities", {}) if isinstance(pred.get(doc_id), dict) else {}
        for kind in NAME_KINDS:
            g, p = gold[doc_id]["entities"][kind], found.get(kind, [])
            missed = [x for x in g if not any(score.same_name(x, y) for y in p)]
            extra = [y for y in p if not any(score.same_name(x, y) for x in g)]
            if missed or extra:
                errors.append(f"A {doc_id} {kind}: missed {missed} extra {extra}")
    return results, errors


def _print(title: str, results: dict[str, dict[str, Any]]) -> None:
    print(title)
    print(f"  {'group':<22}{'P':>7}{'R':>7}{'F1':>7}{'gold':>6}{'pred':>6}")
    for key, v in results.items():
        if "f1" in v:
            print(f"  {key:<22}{v['precision']:>7.3f}{v['recall']:>7.3f}{v['f1']:>7.3f}{v['gold']:>6}{v['pred']:>6}")
        else:
            row = "".join(f"{kind[:4]} {v[kind]['f1']:.3f}  " for kind in KINDS)
            print(f"  {key:<22}{row}({v['articles']} articles)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-dev", action="store_true", help="the check set only")
    parser.add_argument("--errors", action="store_true", help="list the check set's and dev half A's errors")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    check, errors = score_cases()
    _print("entity check set", check)
    out: dict[str, Any] = {"check": check}
    if not args.no_dev:
        dev, dev_errors = score_dev()
        _print("dev halves (A: rules may be read from; B: aggregates only)", dev)
        out["dev"] = dev
        errors += dev_errors
    if args.errors:
        print("\n".join(errors))
    if args.json:
        args.json.write_text(json.dumps(out, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
