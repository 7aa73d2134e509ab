"""The seventh blind check set (``tests/fixtures/blindset7/``, scored by ``bench/blindset.py --set
blindset7``): its shape, its gold's consistency, and a quality gate whose floors sit a little under
what the statement stage scored on it on the day it was written, so that a drop on wording nobody
tuned on fails.

The set was written for issue 8 as an honest before/after measure: a helper who read neither the
lexicons and rules, nor the check sets, nor the other blind sets (beyond the first two lines of two
files of the sixth, for the format), nor the dev articles, wrote it from the annotation guidelines,
the scoring schema, the PLOVER type names, the issue files and the state and alliance codes alone. It
has sentences in en, ru, uk and de (long attributed lines, speech frames, "we", lists of states,
officials against states, passives, and hard negatives: attacks on Russia, other conflicts, firms
evading sanctions, opposition demands, headline fragments, modals of ability, disclaimers, negated
acts, conditions) and fourteen pages ``g01`` ... in en, ru, uk and de shaped like scraped pages.
Nobody who writes rules or lexicon entries reads it; a failure here is reported by its figures, not by
the sentences behind it."""

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

SET: Path = blindset.set_folder("blindset7")
ARTICLES = SET / "articles"
MINIMUM = {"en": 100, "ru": 45, "uk": 40, "de": 15}
ARTICLE_LANGS = {"en": 8, "ru": 3, "uk": 2, "de": 1}
ALLIANCES = {"CSTO", "CIS", "NATO", "EAEU", "SCO", "CoE", "EU", "UN"}
# one line of each kind of page furniture, in any of the pages' languages
FURNITURE = {
    "read also": re.compile(r"^(Read also|Читайте также|Читайте також|Lesen Sie auch) ?:", re.M),
    "caption with a credit": re.compile(r"^.*(Photo|Фото|Foto) ?: .*$", re.M),
    "share labels": re.compile(r"^.*(Share|Tweet|Поделиться|Поширити|Teilen).*$", re.M),
    "related list": re.compile(r"^(Related|Most read|Еще по теме|Новости по теме|Більше новин|Mehr zum Thema)", re.M),
    "comment counter": re.compile(r"(Comments|comments|Комментарии|Коментарі|Kommentare)", re.M),
}

# F1 less 0.03 (rounded down) under the figures of the tree the set was written on (main at 3db7eb6, one run
# of bench/blindset.py --set blindset7 after the gold was final and committed, read as aggregates only):
# sentences stances 0.787, events 0.681, typed events 0.464, predictions 0.954, speakers 0.738; pages states
# 0.933, alliances 0.923, persons 0.941, organizations 0.697, stances 0.784, events 0.618, quantities 0.938,
# predictions 0.868 (overall 0.838, no evidence errors, no stance on the 4 pages whose gold has none).
SENTENCE_FLOORS = {"stances": 0.75, "events": 0.65, "events_typed": 0.43, "predictions": 0.92,
                   "predictions_speaker": 0.70}
ARTICLE_FLOORS = {"states": 0.90, "alliances": 0.89, "persons": 0.91, "organizations": 0.66, "stances": 0.75,
                  "events": 0.58, "quantities": 0.90, "predictions": 0.83}


def _cases() -> list[dict[str, Any]]:
    return blindset.load_checkset(SET)  # type: ignore[no-any-return]


def _gold() -> dict[str, dict[str, Any]]:
    return blindset.load_article_gold(ARTICLES)  # type: ignore[no-any-return]


def test_the_sentence_set_has_its_size_and_languages() -> None:
    cases = _cases()
    check_size_and_languages(cases, MINIMUM)
    assert len(cases) >= 220


def test_sentence_ids_are_unique_prefixed_and_every_case_says_what_it_tests() -> None:
    cases = _cases()
    check_ids_and_notes(cases)
    assert all(re.fullmatch(rf"b7-{c['lang']}-\d{{3}}", c["id"]) for c in cases)


def test_sentence_gold_uses_the_pack_issues_labels_and_event_types() -> None:
    check_gold_vocabulary(_cases())


def test_every_language_holds_each_label_the_csto_issue_traps_and_predictions() -> None:
    per_language = check_language_coverage(_cases(), MINIMUM, (0.4, 0.6), 25)  # about half have no stance
    for lang, mine in zip(MINIMUM, per_language, strict=True):
        # a vote against and an abstention of the same list of states, each its own event
        assert any(any(e[1] == "ABSTAIN" for e in c["events"]) and any(e[1] == "REJECT" for e in c["events"])
                   for c in mine), lang


def test_sentences_are_long_like_lines_lifted_from_real_pages() -> None:
    cases = _cases()
    words = sorted(len(c["text"].split()) for c in cases)
    assert words[len(words) // 2] >= 15  # the median sentence
    assert sum(1 for w in words if w >= 25) >= 50


def test_the_articles_are_fourteen_pages_in_four_languages_with_their_furniture() -> None:
    check_pages(ARTICLES, 14, ARTICLE_LANGS, (220, 600), FURNITURE, head_lines=4)


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


(sentence_figures, article_figures, test_blind7_sentences_stay_above_their_floor,
 test_blind7_articles_stay_above_their_floor) = floor_tests(SET, ARTICLES, SENTENCE_FLOORS, ARTICLE_FLOORS)
