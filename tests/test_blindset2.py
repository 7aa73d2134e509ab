"""The second blind check set (``tests/fixtures/blindset2/``, scored by ``bench/blindset.py --set
blindset2``): its shape, its gold's consistency, and a quality gate whose floors sit a little under
what the statement stage scored on it on the day it was written (main at 51fe6c5), so that a drop
on wording nobody tuned on fails.

The set was written from the annotation guidelines, the PLOVER types and the issue files alone,
by a helper who read neither the lexicons and rules nor the check set nor the first blind set.
Nobody who writes rules or lexicon entries reads it; a failure here is reported by its figures,
not by the sentences behind it."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from tests.blind_gates import (
    blindset,
    check_gold_scores_itself,
    check_gold_vocabulary,
    check_ids_and_notes,
    check_page_gold,
    check_pages,
    check_size_and_languages,
    floor_tests,
)

SET: Path = blindset.set_folder("blindset2")
ARTICLES = SET / "articles"
MINIMUM = {"en": 140, "ru": 80, "uk": 50}
ARTICLE_LANGS = {"en": 7, "ru": 3, "uk": 2}
# one line of each kind of page furniture, in any of the pages' languages
FURNITURE = {
    "read also": re.compile(r"^(Read also|Читайте также|Читайте також):", re.M),
    "caption with a credit": re.compile(r"(Photo|Фото)[:]?.*$|\(AP Photo", re.M),
    "share labels": re.compile(r"^.*(Share|Tweet|Facebook|Поделиться|Поширити).*$", re.M),
    "related list": re.compile(r"^(Related|More on|Most read|You may also like|Новости по теме|Популярное|Еще по теме|"
                               r"Більше новин)", re.M),
}

# F1 less about 0.03 under the figures of main at 51fe6c5 when the set was written: sentences
# stances 0.670, events 0.731, typed events 0.578, predictions 0.877, speakers 0.596; pages
# states 0.939, organizations 0.679, stances 0.702, events 0.653, quantities 0.974, predictions 0.841.
# Floors raised on 2026-12-02 to 0.03 under the figures of main after that day's statement work, where that
# is above the floor of the day the set was written (aggregates only; a gain is kept, a drop fails).
# Floors raised on 2026-12-03 to 0.03 under the figures of main after that day's work, where that is
# above the floor before (aggregates only; a gain is kept, a drop fails).
SENTENCE_FLOORS = {"stances": 0.72, "events": 0.74, "events_typed": 0.57, "predictions": 0.90,
                   "predictions_speaker": 0.73}
ARTICLE_FLOORS = {"states": 0.92, "organizations": 0.74, "stances": 0.81, "events": 0.66, "quantities": 0.94,
                  "predictions": 0.88}


def _cases() -> list[dict[str, Any]]:
    return blindset.load_checkset(SET)  # type: ignore[no-any-return]




def test_set_folder_refuses_a_path_or_a_missing_set() -> None:
    for name in ("../blindset2", "", ".hidden", "no-such-set"):
        with pytest.raises(ValueError):
            blindset.set_folder(name)


def test_the_sentence_set_has_its_size_and_languages() -> None:
    check_size_and_languages(_cases(), MINIMUM)


def test_sentence_ids_are_unique_and_every_case_says_what_it_tests() -> None:
    check_ids_and_notes(_cases())


def test_sentence_gold_uses_the_pack_issues_labels_andevent_types() -> None:
    check_gold_vocabulary(_cases())


def test_the_set_holds_traps_as_well_as_stances() -> None:
    cases = _cases()
    with_stance = sum(1 for c in cases if c["stances"])
    assert 0.25 * len(cases) <= with_stance <= 0.65 * len(cases)
    for lang in MINIMUM:
        labels = {s[2] for c in cases if c["lang"] == lang for s in c["stances"]}
        assert labels == {"support", "oppose", "neutral", "distance"}, lang
        assert any(s[1] == "csto_participation" for c in cases if c["lang"] == lang for s in c["stances"]), lang
    assert sum(1 for c in cases if not c["stances"] and not c["events"] and not c["predictions"]) >= 30


def test_some_pages_have_no_stance_at_all() -> None:
    gold = blindset.load_article_gold(ARTICLES)
    assert sum(1 for g in gold.values() if not g["stances"]) >= 3


def test_the_articles_are_twelve_short_pages_with_their_furniture() -> None:
    check_pages(ARTICLES, 12, ARTICLE_LANGS, (150, 300), FURNITURE, head_lines=0)


def test_every_article_evidence_is_a_substring_and_every_stance_actor_a_listed_state() -> None:
    check_page_gold(ARTICLES, {"CSTO", "CIS", "NATO", "EAEU", "SCO", "CoE", "EU", "UN"}, strict=False)


def test_the_gold_scores_one_against_itself() -> None:
    check_gold_scores_itself(ARTICLES)


(sentence_figures, article_figures, test_blind2_sentences_stay_above_their_floor,
 test_blind2_articles_stay_above_their_floor) = floor_tests(SET, ARTICLES, SENTENCE_FLOORS, ARTICLE_FLOORS)
