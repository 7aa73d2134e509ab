"""Speed of German analysis: ``allegiance run`` on German articles of about 5 KB against English
ones of the same size, in one run (articles per CPU-second, and the ratio).

The German articles are stitched from the team's own German sentences (the articles of
``tests/fixtures/de_articles`` and the German check set), seeded per article as ``bench/run.py``
stitches the English ones from the dev set. The German pool is small (about 70 sentences), so the
word caches help German more than they would on real text: read the ratio as an upper bound.

Usage: python bench/german_speed.py [--articles N]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import articles_from, articles_of_about, run_line, write_folder  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def german_sentences() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests/fixtures/de_articles").glob("*.txt"))]
    out = [s.strip() for t in texts for s in re.split(r"(?<=[.!?])\s+", t) if len(s.strip()) > 30]
    checkset = ROOT / "tests/fixtures/checkset/de.jsonl"
    out += [json.loads(x)["text"] for x in checkset.read_text(encoding="utf-8").splitlines() if x.strip()]
    return out


def german_articles(size: int, count: int) -> list[str]:
    return articles_from(german_sentences(), size, count, "Artikel")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        en = write_folder(articles_of_about("en", 5000, args.articles), tmp / "en")
        de = write_folder(german_articles(5000, args.articles), tmp / "de")
        r_en, r_de = run_line(en, tmp / "en.db"), run_line(de, tmp / "de.db")
    for name, r in (("English", r_en), ("German", r_de)):
        print(f"run, {name} 5 KB x {args.articles}: {args.articles / r['cpu_s']:.1f} articles/CPU-s "
              f"({r['cpu_s']} CPU-s, peak {r['peak_mb']} MB)")
    print(f"German/English CPU: {r_de['cpu_s'] / r_en['cpu_s']:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
