"""People outside the knowledge base in Russian and Ukrainian text, found by the morphology (a given
name and a surname agreeing in case), put in the nominative and romanised; and the bylines and
staff credits that are never persons of the story. Team-written sentences."""

from __future__ import annotations

import pytest

from allegiance.nlp import Doc, EntityLinker
from allegiance.nlp.slavic_persons import romanise


@pytest.fixture(scope="module")
def linker():
    return EntityLinker()


def _people(linker, text: str, language: str) -> list[str]:
    return [m.canonical for m in linker(Doc("t", text, language)).mentions if m.type == "person"]


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("Официальный представитель ведомства Айбек Смадияров заявил, что запроса не было.", "ru", ["Aybek Smadiyarov"]),
    ("Встреча с Евгением Сергеевым прошла в понедельник.", "ru", ["Yevgeny Sergeyev"]),
    ("Депутат Андрей Картаполов предложил продлить сроки.", "ru", ["Andrey Kartapolov"]),
    ("Вера Павловна Иванова сказала, что школа откроется.", "ru", ["Vera Pavlovna Ivanova"]),
    ("Речник Юрій Ігнат повідомив, що вночі збито дрони.", "uk", ["Yurii Ihnat"]),
    ("Зустріч з Юлією Тимошенко та Ігорем Тереховим відбулася у вівторок.", "uk",
     ["Yuliia Tymoshenko", "Ihor Terekhov"]),
])
def test_russian_and_ukrainian_people_in_the_nominative_in_latin_letters(linker, text, language, expected):
    assert _people(linker, text, language) == expected


@pytest.mark.parametrize(("text", "language"), [
    ("Роман Толстого вышел в 1869 году.", "ru"),  # a novel: the words do not agree in case
    ("Влада Башкортостану виплачує добровольцям по 200 тисяч рублів.", "uk"),  # a place is no surname
    ("Надежда Украины угасла.", "ru"),
])
def test_a_given_name_before_a_thing_or_a_place_is_no_person(linker, text, language):
    assert _people(linker, text, language) == []


def test_the_sentence_opening_noun_is_no_part_of_a_listed_name(linker):
    doc = linker(Doc("t", "Речник Повітряних сил Юрій Ігнат повідомив про атаку.", "uk"))
    assert "Ukrainian Air Force" in {m.canonical for m in doc.mentions}


@pytest.mark.parametrize(("text", "language"), [
    ("Russia's envoy left.\n\nReporting by Jane Doe; Editing by Mark Smith", "en"),
    ("Москва готова к переговорам.\n\nАвтор: Ирина Смирнова", "ru"),
    ("Мигрантов отправляют в военкоматы\nАнна Павлова\nОблавы прошли в регионах.", "ru"),
])
def test_bylines_and_staff_credits_are_no_persons(linker, text, language):
    assert _people(linker, text, language) == []


@pytest.mark.parametrize(("name", "language", "latin"), [
    ("Дмитрий Кулебин", "ru", "Dmitry Kulebin"), ("Евгений Пригожин", "ru", "Yevgeny Prigozhin"),
    ("Щукин", "ru", "Shchukin"), ("Євген Згурський", "uk", "Yevhen Zghurskyi"), ("Юлія", "uk", "Yuliia"),
    ("Хабар 24", "uk", "Khabar 24"), ("Reuters", "ru", "Reuters"), ("ВТБ", "ru", "VTB"),
])
def test_romanisation(name, language, latin):
    assert romanise(name, language) == latin


@pytest.mark.parametrize(("text", "language", "state"), [
    ("У Києві заявили, що Мінськ готує провокації.", "uk", "UKR"),  # likeliest lemma: the first name Кий
    ("В Киеве заявили, что это провокация.", "ru", "UKR"),
    ("У Мінську заявили, що війська не братимуть участі у війні.", "uk", "BLR"),  # likeliest: the adjective
])
def test_a_capitalised_seat_whose_likeliest_reading_is_another_word_is_still_the_seat(linker, text, language, state):
    found = [(m.entity_id, text[m.start:m.end]) for m in linker(Doc("t", text, language)).mentions]
    assert found and found[0][0] == state and found[0][1].startswith(text.split()[1][:3])


def test_the_seats_other_readings_do_not_make_a_seat_of_a_name_or_an_adjective(linker):
    assert not linker(Doc("t", "Кий, Щек і Хорив заснували місто.", "uk")).mentions
    assert not [m for m in linker(Doc("t", "Мінські домовленості так і не виконали.", "uk")).mentions
                if m.entity_id == "BLR"]
