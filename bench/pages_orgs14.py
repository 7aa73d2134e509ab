"""Team-written news pages of branch orgs14 (``tests/fixtures/pages_orgs14/``: 6 English, 6 Russian, 4
Ukrainian) for organisations the knowledge base does not list: ministries, agencies, courts, parties,
blocs, companies after a legal form («ТОО», «ПрАТ»), NGOs and cited outlets, among page furniture
(rubric and date lines, bylines, captions, "Read also" links, share bars, tags) and distractors named
like organisations (streets, venues, forums, exhibitions, products). The gold was written before the
pipeline was run on them; it codes the entities (states, alliances, persons, organisations) and leaves
the statement fields empty.

The main job runs on them in a fresh database and ``../shared/eval/score.py`` scores the export, as
``bench/pages_ev11.py`` does. ``--errors`` lists each page's missed and false organisations.
``--batch 1`` scores the sixteen pages written before any fix (e01-e06, r01-r06, u01-u04), ``--batch 2``
the four written after the fixes, before they were run (e07, r07, r08, u05: the transfer figure).
``tests/test_pages_orgs14.py`` pins floors on the organisations F1.

Usage: python bench/pages_orgs14.py [--errors] [--batch 1|2]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from blindset import load_article_gold, predict_articles, score_articles  # noqa: E402
from pages_evsl12 import page_subset  # noqa: E402
from quality import _scorer  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT / "tests" / "fixtures" / "pages_orgs14"
ENTITY_FIELDS = ("states", "alliances", "persons", "organizations")
BATCHES = {"1": ("e01", "e02", "e03", "e04", "e05", "e06", "r01", "r02", "r03", "r04", "r05", "r06",
                 "u01", "u02", "u03", "u04"),
           "2": ("e07", "r07", "r08", "u05")}


def batch_folder(batch: str, into: Path) -> Path:
    """A folder holding one batch's pages and their gold lines."""
    return page_subset(PAGES, {f"orgs14_{k}" for k in BATCHES[batch]}, into)


def organisation_errors(folder: Path = PAGES) -> list[str]:
    """Per page, the gold organisations no prediction matches and the predicted ones no gold matches."""
    same_name = _scorer().same_name
    gold = load_article_gold(folder)
    pred = predict_articles(folder)
    lines = []
    for doc_id, g in sorted(gold.items()):
        golds = sorted(set(g["entities"].get("organizations") or []))
        preds = sorted(set((pred.get(doc_id, {}).get("entities") or {}).get("organizations") or []))
        lines += [f"{doc_id} missed {n}" for n in golds if not any(same_name(n, p) for p in preds)]
        lines += [f"{doc_id} false  {n}" for n in preds if not any(same_name(n, q) for q in golds)]
    return lines


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        folder = PAGES
        if "--batch" in sys.argv:
            folder = batch_folder(sys.argv[sys.argv.index("--batch") + 1], Path(tmp))
        return report(folder)


def report(folder: Path) -> int:
    if "--errors" in sys.argv:
        print("\n".join(organisation_errors(folder)))
    results = score_articles(folder)
    print(f"  {'field':<14}" + "".join(f"{k:>8}" for k in results))
    for field in ENTITY_FIELDS:
        print(f"  {field:<14}" + "".join(f"{results[k][field]['f1']:>8.3f}" for k in results))
    org = results["all"]["organizations"]
    print(f"  organizations P {org['precision']:.3f} R {org['recall']:.3f} "
          f"({org['gold']} gold, {org['pred']} predicted)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
