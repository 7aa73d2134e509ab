"""The team-written page-like articles of branch ev11 (``tests/fixtures/pages_ev11/``, scored by
``bench/pages_ev11.py``): page-level events (which lines of a page count, who "it", "the ministry"
or «вона» is). Floors about 0.03 under the figures when they were pinned."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from blindset import load_article_gold, score_articles  # noqa: E402
from pages_ev11 import PAGES  # noqa: E402

EVENT_FLOORS = {"all": 0.70, "en": 0.69, "uk": 0.77}


@pytest.fixture(scope="module")
def figures():
    return score_articles(PAGES)


def test_the_gold_names_a_text_for_every_page_and_its_evidence_is_in_it():
    for doc_id, gold in load_article_gold(PAGES).items():
        text = (PAGES / f"{doc_id}.txt").read_text(encoding="utf-8")
        for event in gold["events"]:
            assert event["evidence"] in text, (doc_id, event["evidence"])


@pytest.mark.parametrize("group", sorted(EVENT_FLOORS))
def test_page_events_stay_above_their_floor(figures, group):
    assert figures[group]["events"]["f1"] >= EVENT_FLOORS[group]
