"""The eighth blind check set (``tests/fixtures/blindset8/``, scored by ``bench/blindset.py --set
blindset8``): its shape, its gold's consistency, and a quality gate whose floors sit a little under
what the statement stage scored on it on the day it was written, so that a drop on wording nobody
tuned on fails.

The set was written for issue 8, as a before/after measure, from the annotation guidelines, the
scoring schema, the PLOVER type names, the issue files, the state and alliance codes and the knowledge
base's canonical names alone, by a helper who read neither the lexicons and rules, nor the check sets,
nor the other blind sets (beyond the first two lines of two files of the sixth, for the format), nor
the dev articles. It has sentences in en, ru and uk (long attributed sentences, lists of states,
speech frames, "we", officials vs states, and hard negatives: attacks on Russia, other conflicts,
firms evading sanctions, opposition demands, conditions, modals of ability, disclaimers, negated acts,
headline fragments) and twelve pages ``h01`` ... shaped like scraped pages. Nobody who writes rules or
lexicon entries reads it; a failure here is reported by its figures, not by the sentences behind it."""

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

SET: Path = blindset.set_folder("blindset8")
ARTICLES = SET / "articles"
MINIMUM = {"en": 90, "ru": 40, "uk": 35}
ARTICLE_LANGS = {"en": 7, "ru": 3, "uk": 2}
ALLIANCES = {"CSTO", "CIS", "NATO", "EAEU", "SCO", "CoE", "EU", "UN"}
# one line of each kind of page furniture, in any of the pages' languages
FURNITURE = {
    "read also": re.compile(r"^(Read also|Читайте также|Читайте також) ?:", re.M),
    "caption with a credit": re.compile(r"^.*(Photo|Фото) ?:? .*$", re.M),
    "share labels": re.compile(r"^.*(Share|Tweet|Поделиться|Поширити).*$", re.M),
    "related list": re.compile(r"^(Related|Most read|Еще по теме|Новости по теме|Більше новин)", re.M),
    "comment counter": re.compile(r"(Comments|comments|Комментарии|Коментарі)", re.M),
}

# F1 less about 0.03 (rounded down) under the figures of main's tip when the gold was final (b01390f, one run
# of bench/blindset.py --set blindset8, read as aggregates only): sentences stances 0.833, events 0.744,
# typed events 0.544, predictions 0.922, speakers 0.667; pages states 0.973, alliances 1.000, persons 0.957,
# organizations 0.800, stances 0.872, events 0.644, quantities 0.907, predictions 0.902 (overall 0.882, no
# evidence errors, no stance on any of the 3 pages whose gold has none).
SENTENCE_FLOORS = {"stances": 0.80, "events": 0.71, "events_typed": 0.51, "predictions": 0.89,
                   "predictions_speaker": 0.63}
ARTICLE_FLOORS = {"states": 0.94, "alliances": 0.97, "persons": 0.92, "organizations": 0.77, "stances": 0.84,
                  "events": 0.61, "quantities": 0.87, "predictions": 0.87}


def _cases() -> list[dict[str, Any]]:
    return blindset.load_checkset(SET)  # type: ignore[no-any-return]


def _gold() -> dict[str, dict[str, Any]]:
    return blindset.load_article_gold(ARTICLES)  # type: ignore[no-any-return]


def test_the_sentence_set_has_its_size_and_languages() -> None:
    cases = _cases()
    check_size_and_languages(cases, MINIMUM)
    assert len(cases) >= 165


def test_sentence_ids_are_unique_prefixed_and_every_case_says_what_it_tests() -> None:
    cases = _cases()
    check_ids_and_notes(cases)
    assert all(re.fullmatch(rf"b8-{c['lang']}-\d{{3}}", c["id"]) for c in cases)


def test_sentence_gold_uses_the_pack_issues_labels_and_event_types() -> None:
    check_gold_vocabulary(_cases())


def test_every_language_holds_each_label_the_csto_issue_traps_and_predictions() -> None:
    check_language_coverage(_cases(), MINIMUM, (0.3, 0.7), 12)


def test_sentences_are_long_like_lines_lifted_from_real_pages() -> None:
    cases = _cases()
    words = sorted(len(c["text"].split()) for c in cases)
    assert words[len(words) // 2] >= 15  # the median sentence
    assert sum(1 for w in words if w >= 30) >= 20


def test_the_articles_are_twelve_pages_in_three_languages_with_their_furniture() -> None:
    check_pages(ARTICLES, 12, ARTICLE_LANGS, (150, 600), FURNITURE, head_lines=4)


def test_some_pages_have_no_stance_or_no_date_and_every_page_has_events_quantities_and_predictions() -> None:
    gold = _gold()
    assert sum(1 for g in gold.values() if not g["stances"]) >= 3
    assert sum(1 for g in gold.values() if g["published"] is None) >= 2
    assert all(g["events"] and g["quantities"] and g["predictions"] for g in gold.values())


def test_every_article_evidence_is_a_substring_and_every_stance_actor_a_listed_state() -> None:
    check_page_gold(ARTICLES, ALLIANCES)
    for doc_id, g in _gold().items():  # this set's only stance on another issue is Armenia's on the CSTO
        for s in g["stances"]:
            assert s["issue"] == "russia_war_in_ukraine" or s["actor"] == "ARM", (doc_id, s)


def test_the_gold_scores_one_against_itself() -> None:
    check_gold_scores_itself(ARTICLES)


(sentence_figures, article_figures, test_blind8_sentences_stay_above_their_floor,
 test_blind8_articles_stay_above_their_floor) = floor_tests(SET, ARTICLES, SENTENCE_FLOORS, ARTICLE_FLOORS)
