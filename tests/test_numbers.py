"""Quantities read as each language writes numbers (team-written sentences in en/ru/uk/de/no), and
the things that are no quantity: dates, times, ages, web addresses, numbers inside names."""

from __future__ import annotations

import pytest

from allegiance.nlp import Doc
from allegiance.nlp.numbers import number_rules


def _values(pipeline, text: str, language: str) -> list[float]:
    doc = pipeline(Doc("t", text + " Конец." if language in ("ru", "uk") else text + " End.", language))
    return [s.value for s in doc.statements if s.kind == "quantity" and s.value is not None]


@pytest.mark.parametrize(("text", "language", "values"), [
    # ranges: both ends take the multiplier written after the second
    ("Between 35 and 40 thousand troops crossed the border.", "en", [35_000, 40_000]),
    ("Later 35-40 thousand more followed them.", "en", [35_000, 40_000]),
    ("По данным ведомства, 35−40 тысяч мобилизованных отправлены на фронт.", "ru", [35_000, 40_000]),
    ("Близько 35−40 тисяч військових перебувають біля кордону.", "uk", [35_000, 40_000]),
    ("Etwa 35 bis 40 Tausend Menschen blieben in der Stadt.", "de", [35_000, 40_000]),
    # letters and words that multiply
    ("The channel claims 25 K subscribers and 25K views.", "en", [25_000, 25_000]),
    ("The fund paid out $5bn over the year.", "en", [5_000_000_000]),
    ("Eine Million Menschen flohen aus dem Land.", "de", [1_000_000]),
    ("Es wurden 2,5 Millionen Euro und 3 Mio. Dollar zugesagt.", "de", [2_500_000, 3_000_000]),
    # thousands separators and decimal marks of each language
    ("Rund 35.000 Soldaten wurden verlegt.", "de", [35_000]),
    ("Det kom 35.000 soldater og 2,5 millioner kroner.", "no", [35_000, 2_500_000]),
    ("Armenia hosts 3,500 Russian troops and paid 2.5 million.", "en", [3_500, 2_500_000]),
    ("Бюджет вырос на 1,5 млн рублей, а армия на 12 000 человек.", "ru", [1_500_000, 12_000]),
    # one, counted only where the text says so; a multiplier word alone after a qualifier
    ("Just one soldier survived the attack, and only one tank returned.", "en", [1, 1]),
    ("Больше тысячи человек вышли на акцию, и только один депутат выступил против.", "ru", [1_000, 1]),
    ("Понад тисячу людей евакуювали, лише один автобус не доїхав.", "uk", [1_000, 1]),
    ("Nur ein Soldat überlebte den Angriff.", "de", [1]),
    ("More than a thousand people signed the letter.", "en", [1_000]),
])
def test_numbers_as_the_language_writes_them(pipeline, text, language, values):
    assert _values(pipeline, text, language) == values


@pytest.mark.parametrize(("text", "language", "values"), [
    ("France 24 reported that 300 soldiers died at 10 a.m. on May 5.", "en", [300]),
    ("The video at https://example.com/news/2023/4512 showed 12 drones.", "en", [12]),
    ("The 45-year-old commander was seen with his unit in 2022.", "en", []),
    ("The Group of Seven threatened new sanctions.", "en", []),
    ("В 10:30 24 февраля 2022 года 45-летний генерал приказал начать.", "ru", []),
    ("Телеканал «Россия 24» сообщил о 300 погибших.", "ru", [300]),
    ("Указ № 64 від 24 лютого 2022 року підписав 44-річний президент.", "uk", []),
    ("Am 24. Februar 2022 um 10 Uhr griffen 1.200 Soldaten an.", "de", [1_200]),
    ("Der 45-jährige Kommandeur führte die 3. Brigade mit zwölf Panzern.", "de", [12]),
    ("Nur ein Soldat überlebte, berichtete France 24 am Montag.", "de", [1]),
    ("The state channel (Rossiya 1) showed 30 tanks.", "en", [30]),
    ("Recruiting resumed two months ago with 300 fighters.", "en", [300]),
    ("Vor zwei Jahren kamen 300 Freiwillige.", "de", [300]),
    # a list's markers at the start of a line ("Read also" lists, numbered points)
    ("Read also:\n1. Kazakhstan turns down troop request\n2. Ministry sends 40 trucks", "en", [40]),
    ("Читайте также:\n1) Казахстан отказал в просьбе\n2) Армения заморозила участие", "ru", []),
])
def test_dates_times_ages_addresses_and_names_are_no_quantities(pipeline, text, language, values):
    assert _values(pipeline, text, language) == values


def test_a_language_without_a_folder_reads_numbers_by_the_default_conventions():
    rules = number_rules("es")
    match = rules.number.search("llegaron 3,500 soldados")
    assert match is not None and rules.value(match) == 3_500
    assert rules.words == {}  # no number words are guessed for it


def test_an_unknown_language_reads_as_the_fallback_language(pipeline):
    assert _values(pipeline, "Officials said twelve thousand volunteers joined.", None) == [12_000]  # type: ignore[arg-type]


@pytest.mark.parametrize(("text", "language", "values"), [
    ("У Харкові 5 людей загинули, а в Києві 3 поранені.", "uk", [5, 3]),
    ("В Харькове 3 человека погибли.", "ru", [3]),
])
def test_a_place_before_a_count_is_not_a_name(pipeline, text, language, values):
    assert _values(pipeline, text, language) == values


def test_a_russian_quote_in_a_ukrainian_text_is_read_with_russian_words(pipeline):
    text = "Як повідомило джерело, «погибли пять тысяч человек», пишуть ЗМІ."
    assert _values(pipeline, text, "uk") == [5_000]


@pytest.mark.parametrize(("text", "language", "values"), [
    # French, Italian, Polish, Romanian and Dutch multipliers and ranges (branch pred2, team-written)
    ("La Russie a perdu plus de 5 milliards d'euros et 2 millions de barils.", "fr", [5_000_000_000, 2_000_000]),
    ("Entre 35 et 40 mille soldats ont franchi la frontière.", "fr", [35_000, 40_000]),
    ("Sono arrivati circa 10 mila profughi e 3 miliardi di aiuti.", "it", [10_000, 3_000_000_000]),
    ("Rosja straciła ponad 5 tys. żołnierzy i 2 mld złotych.", "pl", [5_000, 2_000_000_000]),
    ("Do Polski przybyło od 35 do 40 tysięcy uchodźców.", "pl", [35_000, 40_000]),
    ("Au sosit peste 12 mii de refugiați.", "ro", [12_000]),
    ("Er kwamen 3 miljoen vluchtelingen en 25 duizend soldaten.", "nl", [3_000_000, 25_000]),
])
def test_multipliers_of_the_form_table_languages(pipeline, text, language, values):
    assert _values(pipeline, text, language) == values
