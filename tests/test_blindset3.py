"""The third blind check set (``tests/fixtures/blindset3/``, scored by ``bench/blindset.py --set
blindset3``): its shape, its gold's consistency, and a quality gate whose floors sit a little under
what the statement stage scored on it on the day it was written (main at c79e3dd), so that a drop
on wording nobody tuned on fails.

The set was written from the annotation guidelines, the PLOVER types and the issue files alone, by
a helper who read neither the lexicons and rules, nor the check set, nor the other blind sets, nor
the dev articles. It is heavier on pages than the first two and adds French, Italian, Polish and
German sentences and French, Italian and Polish pages. Nobody who writes rules or lexicon entries
reads it; a failure here is reported by its figures, not by the sentences behind it."""

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

SET: Path = blindset.set_folder("blindset3")
ARTICLES = SET / "articles"
MINIMUM = {"en": 70, "ru": 45, "uk": 35, "fr": 25, "it": 25, "pl": 25, "de": 20}
ARTICLE_LANGS = {"en": 9, "ru": 4, "uk": 2, "fr": 1, "it": 1, "pl": 1}
ALLIANCES = {"CSTO", "CIS", "NATO", "EAEU", "SCO", "CoE", "EU", "UN"}
# one line of each kind of page furniture, in any of the pages' languages
FURNITURE = {
    "read also": re.compile(r"^(Read also|Читайте также|Читайте також|À lire aussi|Leggi anche|Czytaj także) ?:", re.M),
    "caption with a credit": re.compile(r"(Photo|Фото|Foto|Fot\.)(?!\w).*$", re.M | re.I),
    "share labels": re.compile(r"^.*(Share|Tweet|Facebook|Поделиться|Поширити|Partager|Condividi|Udostępnij).*$",
                               re.M | re.I),
    "related list": re.compile(r"^(Related|More on|More from|Most read|Новости по теме|Популярное|Еще по теме|"
                               r"Більше новин|Sur le même sujet|Articoli correlati|Zobacz też)", re.M | re.I),
}

# F1 less about 0.03 under the figures of main at c79e3dd when the set was written (French,
# Italian and Polish had no language data then, so their sentences gave nothing): sentences
# stances 0.688, events 0.615, typed events 0.472, predictions 0.778, speakers 0.600; pages
# states 0.862, alliances 0.903, persons 0.886, organizations 0.696, stances 0.741, events 0.594,
# quantities 0.857, predictions 0.800.
# Floors raised on 2026-12-02 to 0.03 under the figures of main after that day's statement work, where that
# is above the floor of the day the set was written (aggregates only; a gain is kept, a drop fails).
# Floors raised on 2026-12-03 to 0.03 under the figures of main after that day's work, where that is
# above the floor before (aggregates only; a gain is kept, a drop fails).
SENTENCE_FLOORS = {"stances": 0.87, "events": 0.75, "events_typed": 0.56, "predictions": 0.82,
                   "predictions_speaker": 0.69}
ARTICLE_FLOORS = {"states": 0.86, "alliances": 0.90, "persons": 0.92, "organizations": 0.72, "stances": 0.82,
                  "events": 0.62, "quantities": 0.86, "predictions": 0.80}


def _cases() -> list[dict[str, Any]]:
    return blindset.load_checkset(SET)  # type: ignore[no-any-return]


def _gold() -> dict[str, dict[str, Any]]:
    return blindset.load_article_gold(ARTICLES)  # type: ignore[no-any-return]


def test_the_sentence_set_has_its_size_and_languages() -> None:
    check_size_and_languages(_cases(), MINIMUM)


def test_sentence_ids_are_unique_and_every_case_says_what_it_tests() -> None:
    check_ids_and_notes(_cases())


def test_sentence_gold_uses_the_pack_issues_labels_and_event_types() -> None:
    check_gold_vocabulary(_cases())


def test_every_language_holds_each_label_the_csto_issue_and_traps() -> None:
    check_language_coverage(_cases(), MINIMUM, (0.25, 0.65), 25, predictions=False)


def test_the_articles_are_eighteen_pages_in_six_languages_with_their_furniture() -> None:
    check_pages(ARTICLES, 18, ARTICLE_LANGS, (170, 400), FURNITURE, head_lines=4)


def test_some_pages_have_no_stance_and_every_page_has_events_and_quantities() -> None:
    gold = _gold()
    assert sum(1 for g in gold.values() if not g["stances"]) >= 4
    assert all(g["events"] and g["quantities"] and g["predictions"] for g in gold.values())


def test_every_article_evidence_is_a_substring_and_every_stance_actor_a_listed_state() -> None:
    check_page_gold(ARTICLES, ALLIANCES)


def test_the_gold_scores_one_against_itself() -> None:
    check_gold_scores_itself(ARTICLES)


(sentence_figures, article_figures, test_blind3_sentences_stay_above_their_floor,
 test_blind3_articles_stay_above_their_floor) = floor_tests(SET, ARTICLES, SENTENCE_FLOORS, ARTICLE_FLOORS)
