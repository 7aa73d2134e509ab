"""Team-written Russian and Ukrainian news pages for page-level events (``tests/fixtures/pages_evsl12/``,
branch evsl12): a headline, a rubric and date line, a byline, a dateline lede («МОСКВА, 3 дек — РИА
Новости.», «ТБІЛІСІ, 5 лютого —»), captions, «Читайте также»/«Читайте також» links, «Подписывайтесь»,
tags, share labels and partner links around a body of 8-12 sentences with recaps («Напомним»,
«Нагадаємо», «Ранее»), appraisals («назвали недружественным»), speech frames whose said clause is a
claim, a plan or a forecast, state bodies named by common nouns («ведомство», «сотрудники ГКНБ»), an
office holder's «он»/«вона», and several states in one act or vote. Only the events (and the states,
alliances and persons named) are coded in the gold; the other fields are left empty, so the script
reports events alone.

The main job runs on them in a fresh database and ``../shared/eval/score.py`` scores the export, as
``bench/pages_ev11.py`` does. ``--batch 1`` scores the eight pages written before any fix
(``evsl12_r01``-``r04``, ``evsl12_u01``-``u04``), ``--batch 2`` the three written after the first
fixes (``r05``, ``r06``, ``u05``: the transfer figure). ``tests/test_pages_evsl12.py`` pins floors.

Usage: python bench/pages_evsl12.py [--errors] [--batch 1|2]
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from blindset import score_articles  # noqa: E402
from pages_ev11 import event_errors  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT / "tests" / "fixtures" / "pages_evsl12"
BATCHES = {"1": ("r01", "r02", "r03", "r04", "u01", "u02", "u03", "u04"), "2": ("r05", "r06", "u05")}


def page_subset(pages: Path, ids: set[str], into: Path) -> Path:
    """``into`` holding the pages of ``pages`` with these ids and their gold lines (a batch of a team
    page folder, scored on its own)."""
    lines = [line for line in (pages / "gold.jsonl").read_text(encoding="utf-8").splitlines()
             if any(f'"id": "{i}"' in line for i in ids)]
    (into / "gold.jsonl").write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    for i in ids:
        shutil.copy(pages / f"{i}.txt", into / f"{i}.txt")
    return into


def batch_folder(batch: str, into: Path) -> Path:
    """A folder holding one batch's pages and their gold lines."""
    return page_subset(PAGES, {f"evsl12_{k}" for k in BATCHES[batch]}, into)


def print_event_figures(folder: Path) -> None:
    """Events precision, recall and F1 per language group, one line each."""
    for group, ev in event_figures(folder).items():
        print(f"  events {group:<4} P {ev.get('precision', 0):.3f} R {ev.get('recall', 0):.3f} F1 {ev['f1']:.3f}")


def event_figures(folder: Path = PAGES) -> dict[str, dict[str, float]]:
    """Events precision, recall and F1 per language group ("all", "ru", "uk")."""
    results = score_articles(folder)
    return {k: v["events"] for k, v in results.items() if k in ("all", "ru", "uk")}


def main() -> int:
    batch = sys.argv[sys.argv.index("--batch") + 1] if "--batch" in sys.argv else None
    with tempfile.TemporaryDirectory() as tmp:
        folder = batch_folder(batch, Path(tmp)) if batch else PAGES
        if "--errors" in sys.argv:
            print("\n".join(event_errors(folder)))
        print_event_figures(folder)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
