"""The blind check set (``tests/fixtures/blindset/``, scored by ``bench/blindset.py``): its shape,
its gold's consistency, and a quality gate whose floors sit a little under what the statement
stage scored on it when it was written, so that a drop on wording nobody tuned on fails.

Nobody who writes rules or lexicon entries reads the set; a failure here is reported by its
figures, not by the sentences behind it."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from tests.blind_gates import (
    blindset,
    check_ids_and_notes,
    check_size_and_languages,
    event_types,
    floor_tests,
    issue_labels,
)

BLINDSET: Path = blindset.BLINDSET
ARTICLES: Path = blindset.ARTICLES
MINIMUM = {"en": 110, "ru": 55, "uk": 30, "de": 20}
ARTICLE_LANGS = {"en": 6, "ru": 3, "uk": 3}

# F1 less 0.03 to 0.05: when the set was written (main at e5e4723) stances 0.585, events 0.692,
# predictions 0.850, speakers 0.614; pages stances 0.711, events 0.588, predictions 0.857,
# quantities 0.880. Raised after the session's statement work: 0.774, 0.803, 0.875, 0.734; pages
# 0.816, 0.637, 0.857, 0.917.
# Floors raised on 2026-12-02 to 0.03 under the figures of main after that day's statement work, where that
# is above the floor of the day the set was written (aggregates only; a gain is kept, a drop fails).
# Floors raised on 2026-12-03 to 0.03 under the figures of main after that day's work, where that is
# above the floor before (aggregates only; a gain is kept, a drop fails).
SENTENCE_FLOORS = {"stances": 0.92, "events": 0.87, "predictions": 0.95, "predictions_speaker": 0.92}
ARTICLE_FLOORS = {"stances": 0.83, "events": 0.77, "predictions": 0.93, "quantities": 0.88}


def _cases() -> list[dict[str, Any]]:
    return blindset.load_checkset(BLINDSET)  # type: ignore[no-any-return]



def test_the_sentence_set_has_its_size_and_languages() -> None:
    check_size_and_languages(_cases(), MINIMUM)


def test_sentence_ids_are_unique_and_every_case_says_what_it_tests() -> None:
    check_ids_and_notes(_cases())


def test_sentence_gold_uses_the_pack_issues_labels_andevent_types() -> None:
    issues = issue_labels()
    types = event_types()
    for case in _cases():
        for actor, issue, label in case["stances"]:
            assert re.fullmatch(r"[A-Z]{3}", actor), case["where"]
            assert label in issues[issue], case["where"]
        for actor, kind in case["events"]:
            assert actor and kind in types, case["where"]
        assert all(s is None or isinstance(s, str) for s in case["predictions"]), case["where"]


def test_the_set_holds_traps_as_well_as_stances() -> None:
    cases = _cases()
    with_stance = sum(1 for c in cases if c["stances"])
    assert 0.25 * len(cases) <= with_stance <= 0.65 * len(cases)
    labels = {s[2] for c in cases for s in c["stances"]}
    assert labels == {"support", "oppose", "neutral", "distance"}
    assert any(s[1] == "csto_participation" for c in cases for s in c["stances"])


def test_the_articles_are_twelve_short_pages_with_gold() -> None:
    gold = blindset.load_article_gold(ARTICLES)
    files = {p.stem for p in ARTICLES.glob("*.txt")}
    assert set(gold) == files and len(files) == 12
    langs: dict[str, int] = {}
    for doc_id, g in gold.items():
        langs[g["language"]] = langs.get(g["language"], 0) + 1
        words = len((ARTICLES / f"{doc_id}.txt").read_text(encoding="utf-8").split())
        assert 150 <= words <= 300, (doc_id, words)
    assert langs == ARTICLE_LANGS


def test_every_article_evidence_is_a_substring_of_its_text() -> None:
    lines = (ARTICLES / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    ids = [json.loads(x)["id"] for x in lines if x.strip()]
    assert len(ids) == len(set(ids))
    issues = issue_labels()
    for doc_id, g in blindset.load_article_gold(ARTICLES).items():
        text = (ARTICLES / f"{doc_id}.txt").read_text(encoding="utf-8")
        assert set(g) >= {"id", "language", "published", "entities", "stances", "events", "quantities", "predictions"}
        for field in ("stances", "events", "quantities", "predictions"):
            for item in g[field]:
                assert item["evidence"] and item["evidence"] in text, (doc_id, field, item["evidence"][:60])
        for s in g["stances"]:
            assert s["actor"] in g["entities"]["states"] and s["stance"] in issues[s["issue"]], (doc_id, s)


(sentence_figures, article_figures, test_blind_sentences_stay_above_their_floor,
 test_blind_articles_stay_above_their_floor) = floor_tests(BLINDSET, ARTICLES, SENTENCE_FLOORS, ARTICLE_FLOORS)
