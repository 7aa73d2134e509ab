"""German, a fourth language added as a folder (``lang/de/``): team-written sentences for sentence
splitting, dates, numbers and names outside the knowledge base."""

from __future__ import annotations

import pytest

from allegiance.nlp import Doc


def _doc(pipeline, text: str, published: str | None = "2024-05-10") -> Doc:
    return pipeline(Doc("t", text, "de", published))


def test_abbreviations_and_ordinal_dates_do_not_end_a_sentence(pipeline):
    doc = _doc(pipeline, "Dr. Weber sprach am 24. Februar mit Prof. Braun. Danach reiste er z.B. nach Wien. Ende.")
    assert [doc.text[s.start:s.end] for s in doc.sentences] == [
        "Dr. Weber sprach am 24. Februar mit Prof. Braun.", "Danach reiste er z.B. nach Wien.", "Ende."]


@pytest.mark.parametrize(("text", "expected"), [
    ("Am 24. Februar 2022 begann der Angriff.", [("24. Februar 2022", "2022-02-24")]),
    ("Vor zwei Jahren wurde der Vertrag unterzeichnet.", [("Vor zwei Jahren", "2022")]),
    ("Gestern traf sich der Rat, letztes Jahr nicht.", [("Gestern", "2024-05-09"), ("letztes Jahr", "2023")]),
    ("Am Montag kündigte die Regierung Gespräche an.", [("Am Montag", "2024-05-06")]),
    ("Im März 2023 stieg die Zahl der Rekruten.", [("März 2023", "2023-03")]),
])
def test_german_time_expressions(pipeline, text, expected):
    assert [(t.text, t.value) for t in _doc(pipeline, text).times] == expected


@pytest.mark.parametrize(("text", "values"), [
    ("Rund 35.000 Soldaten und 2,5 Millionen Euro wurden zugesagt.", [35_000, 2_500_000]),
    ("Mehr als 1.200 Freiwillige meldeten sich in zwölf Tagen.", [1_200, 12]),
    ("Zwischen 35 und 40 Tausend Reservisten wurden einberufen.", [35_000, 40_000]),
    ("Am 24. Februar um 10 Uhr führte der 45-jährige Oberst die 3. Brigade.", []),
])
def test_german_quantities(pipeline, text, values):
    doc = _doc(pipeline, text + " Ende.")
    assert [s.value for s in doc.statements if s.kind == "quantity"] == values


def test_german_names_states_people_and_organisations(pipeline):
    doc = _doc(pipeline, "Laut Reuters sagte Außenministerin Annalena Baerbock, die Deutsche Bank und das "
                         "Bundesamt für Migration und Flüchtlinge prüften die Lage in Kasachstan.")
    found = {(m.text, m.type) for m in doc.mentions}
    assert ("Annalena Baerbock", "person") in found
    assert ("Deutsche Bank", "organization") in found
    assert ("Bundesamt für Migration und Flüchtlinge", "organization") in found
    assert ("Kasachstan", "state") in found
    assert not any(m.type == "person" and m.text.startswith("Deutsche") for m in doc.mentions)
