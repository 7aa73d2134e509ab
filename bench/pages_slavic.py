"""The team-written Russian and Ukrainian scraped-style pages (``tests/fixtures/pages_slavic/``):
four short pages shaped as agencies and outlets publish them (a headline, a byline or date line,
«Читайте также» / «Читайте також», a photo caption, share labels, a related list, then a body of
6-10 sentences), with gold in the scoring format (``../shared/eval/SCHEMA.md``).

The main job runs on them in a fresh database and ``../shared/eval/score.py`` scores the export per
field, as ``bench/blindset.py`` does for the blind pages. Unlike the blind set, these pages may be
read and their errors studied: they were written to show how page furniture and agency bylines are
read, not as a warning light. ``tests/test_statements_slavic.py`` pins floors under the figures.

Usage: python bench/pages_slavic.py [--errors]
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from blindset import ARTICLE_FIELDS, load_article_gold, predict_articles, score_articles  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT / "tests" / "fixtures" / "pages_slavic"


def score_pages(folder: Path = PAGES) -> dict[str, dict[str, Any]]:
    """score.py's figures per field on the pages, all together and per language."""
    return score_articles(folder)


def page_errors(folder: Path = PAGES) -> list[str]:
    """Gold and predicted stances, events and predictions of each page side by side."""
    gold = load_article_gold(folder)
    pred = predict_articles(folder)
    lines = []
    for doc_id, g in sorted(gold.items()):
        p = pred.get(doc_id, {})
        for field in ("stances", "events", "predictions"):
            for name, items in (("gold", g.get(field) or []), ("pred", p.get(field) or [])):
                for item in items:
                    who = item.get("actor", "")
                    extra = item.get("stance", "") or item.get("action", "")
                    evidence = item.get("evidence", "")[:70]
                    lines.append(f"{doc_id} {field:<11} {name} {who!s:<22} {extra[:30]:<30} {evidence}")
    return lines


def main() -> int:
    if "--errors" in sys.argv:
        print("\n".join(page_errors()))
    results = score_pages()
    print(f"  {'field':<14}" + "".join(f"{k:>8}" for k in results))
    for field in ARTICLE_FIELDS:
        print(f"  {field:<14}" + "".join(f"{results[k][field]['f1']:>8.3f}" for k in results))
    print(f"  {'overall F1':<14}" + "".join(f"{results[k]['overall_f1']:>8.3f}" for k in results))
    print(f"  {'evidence err':<14}" + "".join(f"{results[k]['evidence_errors']:>8}" for k in results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
