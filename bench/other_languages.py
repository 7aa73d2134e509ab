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

from blindset import ARTICLE_FIELDS, score_articles  # noqa: E402
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
    sentences = results["sentences"]
    langs = ["all"] + sorted({k.split(".", 1)[1] for k in sentences if "." in k})
    print("sentences (P/R/F1, gold/predicted)")
    for kind in KINDS:
        for lang in langs:
            f = sentences[kind if lang == "all" else f"{kind}.{lang}"]
            print(f"  {kind:<13} {lang:<4} P {f['precision']:.2f}  R {f['recall']:.2f}  F1 {f['f1']:.3f}"
                  f"  ({f['gold']}/{f['predicted']})")
    articles = results["articles"]
    print("articles (F1 per field)")
    print(f"  {'field':<14}" + "".join(f"{k:>8}" for k in articles))
    for field in ARTICLE_FIELDS:
        print(f"  {field:<14}" + "".join(f"{articles[k][field]['f1']:>8.3f}" for k in articles))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
