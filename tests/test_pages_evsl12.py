"""The team-written Russian and Ukrainian news pages of branch evsl12 (``tests/fixtures/pages_evsl12/``,
scored by ``bench/pages_evsl12.py``): page-level events among the furniture of Slavic news sites, speech
frames whose said clause describes a state, and recaps of other acts. Floors about 0.03 under the
figures when they were pinned."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from tests.page_gates import check_page_evidence, event_floor_tests
from tests.page_gates import page_events as _events

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from pages_evsl12 import PAGES  # noqa: E402

EVENT_FLOORS = {"all": 0.84, "ru": 0.72, "uk": 0.95}


figures, test_page_events_stay_above_their_floor = event_floor_tests(PAGES, EVENT_FLOORS)


def test_the_gold_names_a_text_for_every_page_and_its_evidence_is_in_it():
    check_page_evidence(PAGES, pages=11)


@pytest.mark.parametrize("text, language", [
    ("Никол Пашинян заявил, что решение отвечает национальным интересам страны.", "ru"),
    ("Ираклий Кобахидзе сказал журналистам, что расследование будет объективным.", "ru"),
    ("В Кремле заявили, что новых призывов не планируется.", "ru"),
    ("Іраклій Кобахідзе заявив, що рішення не пов'язане з політикою.", "uk"),
    ("У МЗС Росії заявили, що перевірки проводилися в звичайному порядку.", "uk"),
    ("У Кремлі заявили, що результати будуть визнані наступного тижня.", "uk"),
])
def test_a_plain_verb_of_saying_whose_clause_describes_a_state_is_no_event(pipeline, text, language):
    assert _events(pipeline, text, language) == []


@pytest.mark.parametrize("text, language, event", [
    ("Токаев заявил, что Казахстан не признаёт так называемые республики.", "ru", ("Kassym-Jomart Tokayev", "SAY")),
    ("Шойгу сообщил журналистам, что все призванные уже направлены в части.", "ru", ("Sergei Shoigu", "SAY")),
    ("Минск признал, что наступление велось в том числе с белорусской территории.", "ru", ("BLR", "SAY")),
    ("У МЗС Білорусі заявили, що Мінськ вживатиме дзеркальних заходів.", "uk", ("BLR", "SAY")),
])
def test_a_named_subject_an_act_reported_or_an_admission_stays_a_statement(pipeline, text, language, event):
    assert event in _events(pipeline, text, language)


def test_a_recap_of_another_act_of_the_same_type_is_an_event_of_its_own(pipeline):
    text = ("Молдавия выслала сотрудника посольства России. Напомним, летом Кишинев уже сократил штат "
            "российского посольства.")
    assert _events(pipeline, text, "ru").count(("MDA", "SANCTION")) == 2
    text = "Молдова заморозила активи двох банків. Нагадаємо, у березні Кишинів вислав трьох російських дипломатів."
    assert _events(pipeline, text, "uk").count(("MDA", "SANCTION")) == 2


def test_a_recap_telling_the_same_act_again_is_counted_once(pipeline):
    text = "Армения отозвала постпреда при ОДКБ. Напомним, Армения отозвала постпреда при ОДКБ в марте."
    assert _events(pipeline, text, "ru").count(("ARM", "RETREAT")) == 1


def test_boycott_and_a_court_choosing_a_measure_of_restraint_are_acts(pipeline):
    assert ("ARM", "COERCE") in _events(pipeline, "Ереван бойкотировал саммит ОДКБ в Минске.", "ru")
    assert ("ARM", "COERCE") in _events(pipeline, "Вірменія бойкотувала саміт ОДКБ у Мінську.", "uk")
    assert ("GEO", "COERCE") in _events(pipeline, "Суд в Тбилиси избрал им меру пресечения.", "ru")
    assert ("GEO", "COERCE") in _events(pipeline, "Суд у Тбілісі обрав їм запобіжний захід.", "uk")
