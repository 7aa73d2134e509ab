"""The fourth blind check set (``tests/fixtures/blindset4/``, scored by ``bench/blindset.py --set
blindset4``): its shape, its gold's consistency, and a quality gate whose floors sit a little under
what the statement stage scored on it on the day it was written, so that a drop on wording nobody
tuned on fails.

The set was written from the annotation guidelines, the PLOVER types, the issue files and the state
codes alone, by a helper who read neither the lexicons and rules, nor the check set, nor the other
blind sets, nor the dev articles. It has sentences in en, ru, uk, de and fr and fourteen pages
``d01`` ... in the same five languages. Nobody who writes rules or lexicon entries reads it; a
failure here is reported by its figures, not by the sentences behind it."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from tests.blind_gates import (
    blindset,
    check_gold_scores_itself,
    check_gold_vocabulary,
    check_ids_and_notes,
    check_language_coverage,
    check_page_gold,
    check_pages,
    check_size_and_languages,
    floor_tests,
)

SET: Path = blindset.set_folder("blindset4")
ARTICLES = SET / "articles"
MINIMUM = {"en": 90, "ru": 45, "uk": 35, "de": 20, "fr": 20}
ARTICLE_LANGS = {"en": 7, "ru": 3, "uk": 2, "de": 1, "fr": 1}
ALLIANCES = {"CSTO", "CIS", "NATO", "EAEU", "SCO", "CoE", "EU", "UN"}
# one line of each kind of page furniture, in any of the pages' languages
FURNITURE = {
    "read also": re.compile(r"^(Read also|Читайте также|Читайте також|Lesen Sie auch|À lire aussi) ?:", re.M),
    "caption with a credit": re.compile(r"(Photo|Фото|Foto)(?!\w) ?:.*$", re.M),
    "share labels": re.compile(r"^.*(Share|Tweet|Поделиться|Поширити|Teilen|Partager).*$", re.M | re.I),
    "related list": re.compile(r"^(Related|More on|Most read|Popular|Новости по теме|Популярное|Еще по теме|"
                               r"Більше новин|Mehr zum Thema|Sur le même sujet)", re.M),
}

# F1 less about 0.03 under the figures of main at b832001 when the set was written (one run of
# bench/blindset.py --set blindset4, read as aggregates only): sentences stances 0.839, events 0.694,
# typed events 0.575, predictions 0.902, speakers 0.639; pages states 0.921, alliances 1.000,
# persons 0.885, organizations 0.636, stances 0.800, events 0.540, quantities 0.909, predictions 0.821.
# Floors raised on 2026-12-02 to 0.03 under the figures of main after that day's statement work, where that
# is above the floor of the day the set was written (aggregates only; a gain is kept, a drop fails).
# Floors raised on 2026-12-03 to 0.03 under the figures of main after that day's work, where that is
# above the floor before (aggregates only; a gain is kept, a drop fails).
SENTENCE_FLOORS = {"stances": 0.83, "events": 0.69, "events_typed": 0.56, "predictions": 0.94,
                   "predictions_speaker": 0.73}
ARTICLE_FLOORS = {"states": 0.94, "alliances": 0.97, "persons": 0.85, "organizations": 0.65, "stances": 0.81,
                  "events": 0.52, "quantities": 0.87, "predictions": 0.83}


def _cases() -> list[dict[str, Any]]:
    return blindset.load_checkset(SET)  # type: ignore[no-any-return]


def _gold() -> dict[str, dict[str, Any]]:
    return blindset.load_article_gold(ARTICLES)  # type: ignore[no-any-return]


def test_the_sentence_set_has_its_size_and_languages() -> None:
    check_size_and_languages(_cases(), MINIMUM)


def test_sentence_ids_are_unique_prefixed_and_every_case_says_what_it_tests() -> None:
    cases = _cases()
    check_ids_and_notes(cases)
    assert all(re.fullmatch(rf"b4-{c['lang']}-\d{{3}}", c["id"]) for c in cases)


def test_sentence_gold_uses_the_pack_issues_labels_and_event_types() -> None:
    check_gold_vocabulary(_cases())


def test_every_language_holds_each_label_the_csto_issue_traps_and_predictions() -> None:
    check_language_coverage(_cases(), MINIMUM, (0.3, 0.7), 25)


def test_the_articles_are_fourteen_pages_in_five_languages_with_their_furniture() -> None:
    check_pages(ARTICLES, 14, ARTICLE_LANGS, (130, 400), FURNITURE, head_lines=4)


def test_some_pages_have_no_stance_or_no_date_and_every_page_has_events_quantities_and_predictions() -> None:
    gold = _gold()
    assert sum(1 for g in gold.values() if not g["stances"]) >= 4
    assert sum(1 for g in gold.values() if g["published"] is None) >= 3
    assert all(g["events"] and g["quantities"] and g["predictions"] for g in gold.values())


def test_every_article_evidence_is_a_substring_and_every_stance_actor_a_listed_state() -> None:
    check_page_gold(ARTICLES, ALLIANCES)
    for doc_id, g in _gold().items():  # this set's only stances on another issue are Armenia's on the CSTO
        for s in g["stances"]:
            assert s["issue"] == "russia_war_in_ukraine" or s["actor"] == "ARM", (doc_id, s)


def test_the_gold_scores_one_against_itself() -> None:
    check_gold_scores_itself(ARTICLES)


(sentence_figures, article_figures, test_blind4_sentences_stay_above_their_floor,
 test_blind4_articles_stay_above_their_floor) = floor_tests(SET, ARTICLES, SENTENCE_FLOORS, ARTICLE_FLOORS)
