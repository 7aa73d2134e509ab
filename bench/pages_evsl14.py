"""Team-written Russian and Ukrainian news pages for page-level events (``tests/fixtures/pages_evsl14/``,
branch evsl14): eight Russian and six Ukrainian pages of agency copy (headline, rubric and date line,
byline, dateline lede, caption, «Читайте также»/«Читайте також» link, share labels and tags) around a
body of 6-10 sentences. The bodies hold the classes of error issue 8 names: imperfective and ongoing
acts («проверяют», «продолжает проверки», «посилюють»), light-verb acts («нанёс визит», «вынесли
приговоры», «відкрила справу»), revoked and expanded measures («аннулировало лицензии», «розширив
санкційний список», «позбавила громадянства»), a decree given by a participle with its agent in the
instrumental, a passive with an instrumental agent, two acts of one actor in one sentence, a joint act
of two states, officials against their states, and the non-events around them: appraisals
(«назвали»), opinions («считают», «вважають»), speech frames whose clause is a claim, modals,
conditions, futures and negated acts. Only the events (and the states, alliances and persons named)
are coded in the gold, written from the guidelines before the pipeline was run on the pages.

The main job runs on them in a fresh database and ``../shared/eval/score.py`` scores the export, as
``bench/pages_evsl12.py`` does. ``tests/test_pages_evsl14.py`` pins floors.

Usage: python bench/pages_evsl14.py [--errors]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pages_ev11 import event_errors  # noqa: E402
from pages_evsl12 import print_event_figures  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT / "tests" / "fixtures" / "pages_evsl14"


def main() -> int:
    if "--errors" in sys.argv:
        print("\n".join(event_errors(PAGES)))
    print_event_figures(PAGES)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
