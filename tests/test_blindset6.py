"""The sixth blind check set (``tests/fixtures/blindset6/``, scored by ``bench/blindset.py --set
blindset6``): its shape, its gold's consistency, and a quality gate whose floors sit a little under
what the statement stage scored on it on the day it was written, so that a drop on wording nobody
tuned on fails.

The set was written to be closer to real scraped pages than the earlier team-written sets: long
sentences with attributions, appositions, titles, nested quotes, hedges and several actors, page
furniture as lines of their own (menus, share labels, captions, counters), and hard non-statements.
It was written from the annotation guidelines, the scoring schema, the PLOVER type names, the issue
files, the state and alliance codes and the knowledge base's canonical names alone, by a helper who
read neither the lexicons and rules, nor the check sets, nor the other blind sets (beyond the first
line of two files of the fifth, for the format), nor the dev articles. It has sentences in en, ru,
uk, pl and de and fourteen pages ``f01`` ... in en, ru, uk and pl. Nobody who writes rules or lexicon
entries reads it; a failure here is reported by its figures, not by the sentences behind it."""

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

SET: Path = blindset.set_folder("blindset6")
ARTICLES = SET / "articles"
MINIMUM = {"en": 90, "ru": 40, "uk": 35, "pl": 20, "de": 15}
ARTICLE_LANGS = {"en": 8, "ru": 3, "uk": 2, "pl": 1}
ALLIANCES = {"CSTO", "CIS", "NATO", "EAEU", "SCO", "CoE", "EU", "UN"}
# one line of each kind of page furniture, in any of the pages' languages
FURNITURE = {
    "read also": re.compile(r"^(Read also|Читайте также|Читайте також|Czytaj także) ?:", re.M),
    "caption with a credit": re.compile(r"^.*(Photo|Фото|Fot\.) ?:? .*$", re.M),
    "share labels": re.compile(r"^.*(Share|Tweet|Поделиться|Поширити|Udostępnij).*$", re.M),
    "related list": re.compile(r"^(Related|Most read|Еще по теме|Новости по теме|Більше новин|Polecamy)", re.M),
    "comment counter": re.compile(r"(Comments|comments|Комментарии|Коментарі|Komentarze)", re.M),
}

# F1 less about 0.03 (rounded down) under the figures of the tree the set was written on (main at 3fd047e, one
# run of bench/blindset.py --set blindset6 after the gold was final, read as aggregates only): sentences
# stances 0.810, events 0.712, typed events 0.530, predictions 0.833, speakers 0.562; pages states 0.969,
# alliances 0.947, persons 0.821, organizations 0.795, stances 0.936, events 0.596, quantities 0.872,
# predictions 0.821 (overall 0.845, no evidence errors).
# Floors raised on 2026-12-03 to 0.03 under the figures of main after that day's work, where that is
# above the floor before (aggregates only; a gain is kept, a drop fails).
SENTENCE_FLOORS = {"stances": 0.78, "events": 0.68, "events_typed": 0.50, "predictions": 0.80,
                   "predictions_speaker": 0.57}
ARTICLE_FLOORS = {"states": 0.93, "alliances": 0.91, "persons": 0.80, "organizations": 0.77, "stances": 0.90,
                  "events": 0.57, "quantities": 0.84, "predictions": 0.79}


def _cases() -> list[dict[str, Any]]:
    return blindset.load_checkset(SET)  # type: ignore[no-any-return]


def _gold() -> dict[str, dict[str, Any]]:
    return blindset.load_article_gold(ARTICLES)  # type: ignore[no-any-return]


def test_the_sentence_set_has_its_size_and_languages() -> None:
    cases = _cases()
    check_size_and_languages(cases, MINIMUM)
    assert len(cases) >= 200


def test_sentence_ids_are_unique_prefixed_and_every_case_says_what_it_tests() -> None:
    cases = _cases()
    check_ids_and_notes(cases)
    assert all(re.fullmatch(rf"b6-{c['lang']}-\d{{3}}", c["id"]) for c in cases)


def test_sentence_gold_uses_the_pack_issues_labels_and_event_types() -> None:
    check_gold_vocabulary(_cases())


def test_every_language_holds_each_label_the_csto_issue_traps_and_predictions() -> None:
    check_language_coverage(_cases(), MINIMUM, (0.3, 0.7), 25)


def test_sentences_are_long_like_lines_lifted_from_real_pages() -> None:
    cases = _cases()
    words = sorted(len(c["text"].split()) for c in cases)
    assert words[len(words) // 2] >= 15  # the median sentence
    assert sum(1 for w in words if w >= 30) >= 40


def test_the_articles_are_fourteen_pages_in_four_languages_with_their_furniture() -> None:
    check_pages(ARTICLES, 14, ARTICLE_LANGS, (250, 600), FURNITURE, head_lines=4)


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


(sentence_figures, article_figures, test_blind6_sentences_stay_above_their_floor,
 test_blind6_articles_stay_above_their_floor) = floor_tests(SET, ARTICLES, SENTENCE_FLOORS, ARTICLE_FLOORS)
