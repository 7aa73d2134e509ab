"""The team-written English pages of branch even12 (``tests/fixtures/pages_even12/``, scored by
``bench/pages_ev11.py --pages tests/fixtures/pages_even12``): page-level events on pages with their
furniture (a lower-case field ministry opening a sentence, a person and "his French counterpart",
several acts in one sentence). Written before the branch's fixes: events 0.727 before -> 0.800.
Floors about 0.03 under the figures when they were pinned."""

from __future__ import annotations

import sys
from pathlib import Path

from tests.page_gates import check_page_evidence, event_floor_tests
from tests.page_gates import page_events as _events

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))


PAGES = Path(__file__).resolve().parent / "fixtures" / "pages_even12"
EVENT_FLOORS = {"all": 0.77}


figures, test_page_events_stay_above_their_floor = event_floor_tests(PAGES, EVENT_FLOORS)


def test_the_gold_names_a_text_for_every_page_and_its_evidence_is_in_it():
    check_page_evidence(PAGES)


def test_a_lower_case_field_ministry_opening_a_sentence_is_the_earlier_state(pipeline):
    text = "Georgia closed the crossing for trucks. The economy ministry also suspended fuel imports from Russia."
    assert _events(pipeline, text).count(("GEO", "SANCTION")) == 2


def test_a_person_and_his_counterpart_both_act(pipeline):
    text = "Foreign Minister Bakhtiyor Saidov and his Kazakh counterpart signed a protocol on the border."
    actors = {a for a, _t in _events(pipeline, text)}
    assert {"Bakhtiyor Saidov", "KAZ"} <= actors


def test_a_noun_after_said_that_opens_the_clause_said_gives_no_type(pipeline):
    assert _events(pipeline, "Peskov said the sanctions would fail.") == []


def test_drills_begun_are_mobilisation(pipeline):
    assert ("BLR", "MOBILIZE") in _events(pipeline, "Belarus began drills near the Ukrainian border.")


def test_forces_trained_by_a_passive_are_no_act_of_their_state(pipeline):
    assert _events(pipeline, "Ukrainian soldiers were trained in Poland.") == []
    assert ("PRK", "AID") in _events(pipeline, "North Korean troops were sent to Russia.")


def test_he_in_a_clause_said_by_a_ministry_is_no_state(pipeline):
    text = "Azerbaijan detained a Russian journalist in Baku. The interior ministry said he had entered the country."
    assert _events(pipeline, text) == [("AZE", "COERCE")]
    assert ("Nikol Pashinyan", "SANCTION") in _events(pipeline, "Pashinyan said he had frozen the participation.")
