"""The other statement languages (de, fr, it, pl, ro, nl, bg) on article-like prose: the team-written
articles of ``tests/fixtures/ml7_articles/`` (long sentences, reported speech, titles and names as
actors, participles, pronoun subjects) through the main job, scored by ``../shared/eval/score.py``
per field and per language, and the check-set sentences of ``tests/fixtures/checkset/ml7.jsonl``
per kind and language. ``tests/test_other_language_articles.py`` pins floors under these figures.

Usage: python bench/other_languages.py [--json OUT]
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
KINDS = ("stances", "events", "events_typed", "predictions")


def sentence_cases() -> list[dict[str, Any]]:
    return [c for c in load_checkset(CHECKSET) if str(c["id"]).startswith("ml7-")]


def run() -> dict[str, dict[str, Any]]:
    return {"sentences": score_checkset(sentence_cases()), "articles": score_articles(ARTICLES)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", type=Path, help="also write the figures here as JSON")
    args = parser.parse_args()
    results = run()
    print_figures(results, KINDS)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
