"""The team-written page-like articles of branch evot12 (``tests/fixtures/pages_evot12/``: German,
French, Italian and Polish pages, scored by ``bench/pages_ev11.py --pages tests/fixtures/pages_evot12``):
page-level events in the languages read by the German clause rules and the form tables (which lines
of a page count, who «le ministère», «il dicastero», «Resort» or «es» is, a dateline with its agency in
brackets). Floors about 0.03 under the figures when they were pinned."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from tests.page_gates import check_page_evidence, event_floor_tests
from tests.page_gates import page_events as _events

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))


PAGES = Path(__file__).resolve().parent / "fixtures" / "pages_evot12"
EVENT_FLOORS = {"all": 0.73, "de": 0.67, "fr": 0.73, "it": 0.73, "pl": 0.80}


figures, test_page_events_stay_above_their_floor = event_floor_tests(PAGES, EVENT_FLOORS)


def test_the_gold_names_a_text_for_every_page_and_its_evidence_is_in_it():
    check_page_evidence(PAGES, languages={"de", "fr", "it", "pl"})


@pytest.mark.parametrize(("language", "text", "actor"), [
    ("it", "L'Estonia ha espulso un diplomatico. Il governo ha inoltre sospeso i contributi al fondo comune.", "EST"),
    ("fr", "La Lettonie a expulsé un diplomate. Le ministère a par ailleurs suspendu deux licences.", "LVA"),
    ("pl", "Estonia zamknęła przejście graniczne. Ministerstwo wprowadziło także zakaz wjazdu.", "EST"),
    ("de", "Lettland hat einen Diplomaten ausgewiesen. Das Ministerium entzog zudem zwei Firmen die Lizenz.", "LVA"),
])
def test_a_definite_organ_opening_a_sentence_is_the_state_of_the_sentence_before(pipeline, language, text, actor):
    assert [a for a, _t in _events(pipeline, text, language)].count(actor) == 2


def test_a_body_with_no_state_by_it_is_the_state_the_page_is_about(pipeline):
    text = "Litwa zamknęła granicę. Ministerstwo Obrony Narodowej przekazało Ukrainie amunicję."
    assert [a for a, _t in _events(pipeline, text, "pl")] == ["LTU", "LTU"]


def test_a_dateline_with_its_agency_in_brackets_opens_the_body_and_its_standfirst_is_no_second_event(pipeline):
    from allegiance.nlp.actors import DATELINE

    for line in ("VILNIUS (AFP) - ", "(ANSA) - BRUXELLES, 27 GEN - ", "WARSZAWA (PAP) – "):
        assert DATELINE.match(line + "Litwa zamknęła granicę."), line
    text = ("L'Estonie ferme un poste-frontière\n"
            "Tallinn suspend le trafic avec la Russie.\n"
            "TALLINN (AFP) - L'Estonie a fermé mardi un poste-frontière avec la Russie pour des raisons de sécurité.\n")
    assert [a for a, _t in _events(pipeline, text, "fr")].count("EST") == 1
