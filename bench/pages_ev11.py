"""Team-written page-like articles for page-level events (``tests/fixtures/pages_ev11/``, branch ev11):
English, Russian and Ukrainian pages with the furniture scraped pages carry (a headline, a byline or
date line, a standfirst, "Read also" links, a caption, share labels, a related list) around a body of
6-10 sentences, with gold in the scoring format (``../shared/eval/SCHEMA.md``). The events there test
which lines of a page count, who "it", "the ministry", "he" or «ведомство» is, and several acts in one
sentence.

The main job runs on them in a fresh database and ``../shared/eval/score.py`` scores the export per
field, as ``bench/blindset.py`` does for the blind pages. These pages may be read and their errors
studied. ``tests/test_pages_ev11.py`` pins floors under the figures.

Usage: python bench/pages_ev11.py [--errors] [--pages FOLDER]

``--pages`` scores another folder of such pages: ``tests/fixtures/pages_even12/`` (English, branch even12),
``tests/fixtures/pages_evot12/`` (German, French, Italian and Polish, branch evot12).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from blindset import ARTICLE_FIELDS, load_article_gold, predict_articles, score_articles  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT / "tests" / "fixtures" / "pages_ev11"


def event_errors(folder: Path = PAGES) -> list[str]:
    """Each page's gold and predicted events side by side (actor, evidence opening)."""
    gold = load_article_gold(folder)
    pred = predict_articles(folder)
    lines = []
    for doc_id, g in sorted(gold.items()):
        for name, items in (("gold", g.get("events") or []), ("pred", pred.get(doc_id, {}).get("events") or [])):
            for item in items:
                lines.append(f"{doc_id} {name} {item.get('actor')!s:<22} {item.get('action', '')[:28]:<28} "
                             f"{item.get('evidence', '')[:80]}")
    return lines


def main() -> int:
    folder = PAGES
    if "--pages" in sys.argv:
        folder = Path(sys.argv[sys.argv.index("--pages") + 1]).resolve()
    if "--errors" in sys.argv:
        print("\n".join(event_errors(folder)))
    results = score_articles(folder)
    print(f"  {'field':<14}" + "".join(f"{k:>8}" for k in results))
    for field in ARTICLE_FIELDS:
        print(f"  {field:<14}" + "".join(f"{results[k][field]['f1']:>8.3f}" for k in results))
    ev = results["all"]["events"]
    print(f"  events P {ev.get('precision', 0):.3f} R {ev.get('recall', 0):.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
