"""Quality on the seed and the dev set, overall and per language, with ../shared/eval/score.py.

Runs the main job into a fresh database, exports the scoring format, and scores it all together
and for each language of the gold file (English, Russian, Ukrainian, then the rest pooled), so
that weak spots show. Usage: python bench/quality.py [--json OUT]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from allegiance import Settings, Store, ingest
from allegiance.query.export import export_articles
from allegiance.runner import analyze_store

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
FIELDS = ("states", "alliances", "persons", "organizations", "stances", "events", "quantities", "predictions")


def _scorer():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def load_gold(*corpora: str) -> dict[str, dict]:
    """The gold records of ``../shared/corpus/<name>/gold.jsonl`` for each name, by article id."""
    lines: list[str] = []
    for name in corpora:
        lines += (SHARED / "corpus" / name / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    return {d["id"]: d for d in (json.loads(x) for x in lines if x.strip())}


def predict(*corpora: str, with_store: Callable[[Store], Any] | None = None) -> tuple[dict[str, Any], Any]:
    """The main job on the articles of each named corpus, in a fresh database: the predictions as
    score.py loads them, and what ``with_store`` (if given) read from the analysed store."""
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(db=str(Path(tmp) / "q.db"), progress=False)
        with Store(settings.db) as store:
            ingest([str(SHARED / "corpus" / name / "articles") for name in corpora], store, settings)
            analyze_store(store, settings=settings)
            pred_path = Path(tmp) / "pred.jsonl"
            with pred_path.open("w", encoding="utf-8") as out:
                export_articles(store, out, "eval")
            extra = with_store(store) if with_store else None
        return dict(_scorer().load(pred_path)), extra


def matrix_agreement(store: Store, gold: dict[str, dict]) -> dict[str, object]:
    """For every (state, issue) with a gold stance on the seed plus the dev set: the matrix cell's
    position (all periods together: a label, or contested) against the gold majority label. A
    label agrees when it is a majority label (any of tied ones); a contested cell agrees when the
    gold is tied too, and is counted apart (``contested``) when the gold has one majority label."""
    from collections import Counter

    from allegiance.query.views import stance_matrix

    votes: dict[tuple[str, str], Counter[str]] = {}
    for g in gold.values():
        for s in g.get("stances", []):
            votes.setdefault((s["actor"], s["issue"]), Counter())[s["stance"]] += 1
    cells = {(c.state, c.issue): c for c in stance_matrix(store, "all")}
    rows = []
    for key, counter in sorted(votes.items()):
        top = counter.most_common()
        majority = {label for label, n in top if n == top[0][1]}  # ties: any tied label agrees
        cell = cells.get(key)
        shown = None if cell is None else getattr(cell, "label", cell.prevailing)
        contested = bool(cell is not None and getattr(cell, "contested", False))
        agree = (len(majority) > 1) if contested else shown in majority
        rows.append({"state": key[0], "issue": key[1], "gold": "/".join(sorted(majority)), "matrix": shown,
                     "stories": None if cell is None else cell.independent, "agree": agree,
                     "contested": contested and not agree})
    agreed = sum(r["agree"] for r in rows)
    return {"agreement": round(agreed / len(rows), 3) if rows else None, "pairs": len(rows), "agreed": agreed,
            "contested": sum(r["contested"] for r in rows),
            "different": sum(1 for r in rows if not r["agree"] and not r["contested"]), "rows": rows}


def by_language(gold: dict[str, dict], ids: list[str]) -> dict[str, list[str]]:
    """``ids`` all together, then by the gold's language: English, Russian, Ukrainian, the rest pooled."""
    groups: dict[str, list[str]] = {"all": list(ids), "en": [], "ru": [], "uk": [], "other": []}
    for doc_id in ids:
        language = gold[doc_id]["language"]
        groups[language if language in ("en", "ru", "uk") else "other"].append(doc_id)
    return groups


def stance_free(gold: dict[str, dict], pred: dict[str, Any], ids: list[str]) -> dict[str, int]:
    """Of the articles in ``ids`` whose gold has no stance, how many were given one: the false stances
    that per-stance precision spreads thin (issue 8 counted 6 of 27 such held-out articles)."""
    free = [i for i in ids if not gold[i].get("stances")]
    return {"articles": len(free), "with_stances": sum(1 for i in free if (pred.get(i) or {}).get("stances"))}


def score_groups(gold: dict[str, dict], pred: dict[str, Any], groups: dict[str, list[str]],
                 texts: Path = SHARED / "corpus/dev/articles") -> dict[str, dict]:
    """score.py's figures for each named group of article ids, with the group's article count and
    its stance-free articles given a stance."""
    score = _scorer()
    results = {}
    for name, ids in groups.items():
        figures, _problems = score.score({i: gold[i] for i in ids}, pred, texts)
        figures["articles"] = len(ids)
        figures["stance_free"] = stance_free(gold, pred, ids)
        results[name] = figures
    return results


def print_f1_table(results: dict[str, dict]) -> None:
    """One row per field, one column of F1 per group."""
    print(f"{'field':<14}" + "".join(f"{k:>9}" for k in results))
    for field in FIELDS:
        print(f"{field:<14}" + "".join(f"{results[k][field]['f1']:>9.3f}" for k in results))


def run() -> dict[str, dict[str, object]]:
    gold = load_gold("dev", "seed")
    pred, agreement = predict("dev", "seed", with_store=lambda store: matrix_agreement(store, gold))
    results: dict[str, dict[str, object]] = dict(score_groups(gold, pred, by_language(gold, list(gold))))
    results["matrix_agreement"] = agreement
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    results = run()
    agreement = results.pop("matrix_agreement")
    print_f1_table(results)
    print(f"{'articles':<14}" + "".join(f"{results[k]['articles']:>9}" for k in results))
    print(f"{'evidence err':<14}" + "".join(f"{results[k]['evidence_errors']:>9}" for k in results))
    print(f"{'no-stance gold':<14}" + "".join(
        f"{results[k]['stance_free']['with_stances']:>5}/{results[k]['stance_free']['articles']:<3}" for k in results)
        + "  (articles whose gold has no stance that were given one)")
    print(f"matrix agreement with the gold majority label: {agreement['agreed']}/{agreement['pairs']} "
          f"= {agreement['agreement']}; contested where the gold has a majority {agreement['contested']}, "
          f"another label {agreement['different']}")
    for row in agreement["rows"]:  # type: ignore[union-attr]
        if not row["agree"]:
            what = "contested" if row["contested"] else "disagree"
            print(f"  {what}: {row['state']} {row['issue']}: gold {row['gold']}, matrix {row['matrix']} "
                  f"(stories per label {row['stories']})")
    results["matrix_agreement"] = agreement
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
