"""Event recall of branch ev8, through the real pipeline (sentences written for these tests): two
verbs of one type joined in a clause are two acts, a listed object noun in its other number, a
phrasal verb's objects, verbs the CAMEO dictionary knows only by their objects, and Russian and
Ukrainian light verbs with the noun that carries the act."""

from __future__ import annotations

import pytest

from allegiance.nlp import Doc


def events(pipeline, text: str, lang: str = "en") -> list[tuple[str | None, str | None]]:
    doc = pipeline(Doc("t", text, lang, None))
    return sorted((s.subject, s.predicate) for s in doc.statements if s.kind == "event")


@pytest.mark.parametrize("text, lang, n", [
    ("Estonia signed and ratified the border treaty with Latvia.", "en", 2),
    ("Latvia expelled a Russian diplomat and closed the consulate in Pskov.", "en", 2),
    ("Литва подписала и ратифицировала договор о границе.", "ru", 1),  # the object types the second AGREE:
    # a said act (one per actor), as before
    ("Литва підписала та ратифікувала договір про кордон.", "uk", 1),
    ("Латвія закрила консульство та вислала двох дипломатів.", "uk", 2),
])
def test_two_verbs_of_one_type_in_a_clause_are_two_acts(pipeline, text, lang, n):
    assert len(events(pipeline, text, lang)) == n


def test_a_verb_of_a_later_clause_is_no_second_act_of_the_type(pipeline):
    # the second verb follows a colon: the same raids told again, one event
    text = "Полиция Казахстана проводит рейды на рынках: сотрудники приезжают на склады и задерживают работников."
    assert len(events(pipeline, text, "ru")) == 1


def test_listed_object_in_its_other_number(pipeline):
    # CAMEO lists "receive ... ministers"; the singular is the same act
    assert events(pipeline, "Edgars Rinkevics received the Estonian foreign minister in Riga.") == [
        ("Edgars Rinkēvičs", "CONSULT")]


def test_phrasal_verb_with_listed_object(pipeline):
    assert events(pipeline, "Belarus has handed over artillery shells to Russia.") == [("BLR", "AID")]


def test_verb_known_only_by_its_objects(pipeline):
    assert events(pipeline, "Russia mounted an attack on Sumy.") == [("RUS", "ASSAULT")]
    assert events(pipeline, "Russia mounted a new campaign.") == []  # no listed noun: no act


@pytest.mark.parametrize("text, lang, expected", [
    ("Венгрия наложила вето на заявление Евросоюза.", "ru", [("HUN", "REJECT")]),
    ("Угорщина наклала вето на заяву Євросоюзу.", "uk", [("HUN", "REJECT")]),
    ("Китай оказал давление на Литву.", "ru", [("CHN", "COERCE")]),
])
def test_slavic_light_verb_with_its_noun(pipeline, text, lang, expected):
    assert events(pipeline, text, lang) == expected


def test_talking_about_after_a_meeting_is_no_second_act(pipeline):
    # «обсудил» tells what the meeting was about (topic_verbs); a visit and a meeting are two acts
    assert len(events(pipeline, "Никол Пашинян встретился с Эммануэлем Макроном и обсудил поставки вооружений.",
                      "ru")) == 1
    assert len(events(pipeline, "Никол Пашинян посетил Париж и встретился с Эммануэлем Макроном.", "ru")) == 2
