"""Organisations the knowledge base does not list, in team-written sentences (en/ru/uk/de): state
bodies with their state, names headed by an organisation noun, quoted names after one, legal forms,
cited sources; never a state, a person or a place, nor an outlet in a dateline or a photo credit."""

from __future__ import annotations

import pytest

from allegiance.nlp import Doc, EntityLinker


@pytest.fixture(scope="module")
def linker():
    return EntityLinker()


def _organisations(linker, text: str, language: str) -> list[tuple[str, str]]:
    doc = linker(Doc("t", text, language))
    return [(m.canonical, m.type) for m in doc.mentions if m.type not in ("state", "person")]


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("The Interbank Processing Center of Kyrgyzstan said the Moscow Exchange halted dollar trading.", "en",
     [("Interbank Processing Center of Kyrgyzstan", "organization"), ("Moscow Exchange", "organization")]),
    ("Kyrgyzstan's Ministry of External Affairs summoned the ambassador on Monday.", "en",
     [("Kyrgyz Foreign Ministry", "government_body")]),
    ("BISHKEK, March 24 (Interfax) - The Uzbek Migration Agency warned citizens against joining foreign armies.",
     "en", [("Uzbek Migration Agency", "government_body")]),
    ("Photo: Jane Doe/AFP. The Brookings Institution published a report on recruitment.", "en",
     [("Brookings Institution", "organization")]),
    ("According to Kloop, the Tajik Border Service detained two men.", "en",
     [("Kloop", "media"), ("Tajik Border Service", "government_body")]),
    ("Министерство обороны Кыргызстана сообщило, что кыргызский МИД вызвал посла.", "ru",
     [("Kyrgyz Defense Ministry", "government_body"), ("Kyrgyz Foreign Ministry", "government_body")]),
    ("Партия «Новые люди» и ООО «Ромашка» не прокомментировали решение.", "ru",
     [("New People", "party"), ("Romashka", "company")]),
    ("ПАО Сбербанк и Национальный банк Казахстана обсудили платежи.", "ru",
     [("Sberbank", "company"), ("National Bank of Kazakhstan", "government_body")]),
    ("В Москве глава партии заявил, что Казахстан не поддержит войну.", "ru", []),
    ('Партія "Слуга народу" та ТОВ «Світанок» підтримали рішення.', "uk",
     [("Servant of the People", "party"), ("Svitanok", "company")]),
    ("Міністерство оборони Киргизстану і киргизьке МЗС мовчать.", "uk",
     [("Kyrgyz Defense Ministry", "government_body"), ("Kyrgyz Foreign Ministry", "government_body")]),
    ("Служба безпеки Казахстану затримала двох осіб, повідомив телеканал «Хабар 24».", "uk",
     [("Security Service of Kazakhstan", "government_body"), ("Khabar 24", "media")]),
    ("Die Deutsche Bank und das Bundesamt für Migration und Flüchtlinge prüfen die Lage.", "de",
     [("Deutsche Bank", "organization"), ("Bundesamt für Migration und Flüchtlinge", "organization")]),
    ("The drones were made by Albatross LLC and shipped by PJSC Kamaz.", "en",
     [("Albatross LLC", "company"), ("Kamaz", "company")]),
    ("Die Beispiel Logistik GmbH lieferte Ersatzteile.", "de", [("Beispiel Logistik GmbH", "company")]),
])
def test_unlisted_organisations(linker, text, language, expected):
    assert _organisations(linker, text, language) == expected


def test_a_state_inside_an_outlets_name_is_the_name(linker):
    doc = linker(Doc("t", "Телеканал «Россия 24» сообщил о потерях.", "ru"))
    assert [(m.text, m.type) for m in doc.mentions] == [("Россия 24", "media")]
