"""The other statement languages (de, fr, it, pl, ro, nl, bg) on article-like prose: the team-written
articles of ``tests/fixtures/ml7_articles/`` (long sentences, reported speech, titles and names as
actors, participles, pronoun subjects) through the main job, scored by ``../shared/eval/score.py``
per field and per language, and the check-set sentences of ``tests/fixtures/checkset/ml7.jsonl``
per kind and language. ``tests/test_other_language_articles.py`` pins floors under these figures.
``--set ml8`` scores branch ml8's set instead: longer team-written pages (``tests/fixtures/ml8_articles/``:
page furniture lines, long sentences, attributions, officials by title, UN vote lists) and the sentences
of ``tests/fixtures/checkset/ml8.jsonl`` (floors in ``tests/test_other_language_pages.py``).

Usage: python bench/other_languages.py [--set ml7|ml8] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from blindset import print_figures, score_articles  # noqa: E402
from checkset import CHECKSET, load_checkset, score_checkset  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "tests" / "fixtures" / "ml7_articles"
#: the team-written sets: name -> (folder of articles, prefix of the check-set sentence ids)
SETS = {"ml7": (ARTICLES, "ml7-"), "ml8": (ROOT / "tests" / "fixtures" / "ml8_articles", "ml8-")}
KINDS = ("stances", "events", "events_typed", "predictions")


def sentence_cases(name: str = "ml7") -> list[dict[str, Any]]:
    prefix = SETS[name][1]
    return [c for c in load_checkset(CHECKSET) if str(c["id"]).startswith(prefix)]


def run(name: str = "ml7") -> dict[str, dict[str, Any]]:
    return {"sentences": score_checkset(sentence_cases(name)), "articles": score_articles(SETS[name][0])}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", choices=sorted(SETS), default="ml7", help="which team-written set (default ml7)")
    parser.add_argument("--json", type=Path, help="also write the figures here as JSON")
    args = parser.parse_args()
    results = run(args.set)
    print_figures(results, KINDS)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
