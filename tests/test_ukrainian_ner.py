"""The optional Ukrainian NER component (non-commercial model): off by default, a clear error when asked
for and missing, unlinked people and organisations when present."""

import pytest

from allegiance import AllegianceError, Settings
from allegiance.nlp import Doc
from allegiance.nlp.pipeline import default_pipeline
from allegiance.nlp.ukrainian_ner import _canonical, ukrainian_ner_available

needs_model = pytest.mark.skipif(not ukrainian_ner_available(),
                                 reason="the Ukrainian NER model (allegiance/models/uk_ner_nc) is not built here")


def test_off_by_default():
    assert Settings().ukrainian_ner is False
    assert "uk_ner_nc" not in default_pipeline().version


def test_person_names_are_put_in_the_nominative():
    assert _canonical("Олени Зеленської", "person") == "Олена Зеленська"
    assert _canonical("Петру Порошенку", "person") == "Петро Порошенко"
    assert _canonical("Юлія Тимошенко", "person") == "Юлія Тимошенко"
    assert _canonical("Нафтогазу України", "organization") == "Нафтогазу України"


@pytest.mark.skipif(ukrainian_ner_available(), reason="the model is installed here")
def test_missing_model_is_a_clear_error():
    with pytest.raises(AllegianceError, match="ukrainian-ner-noncommercial"):
        default_pipeline(settings=Settings(ukrainian_ner=True))


@needs_model
def test_model_adds_unlisted_ukrainian_people_and_organisations_are_found():
    pipeline = default_pipeline(settings=Settings(ukrainian_ner=True))
    assert pipeline.version.endswith("+uk_ner_nc")
    text = ("Голова правління компанії «Укрметалінвест» Андрій Коваленко заявив журналістам, що підприємство "
            "відновить роботу. Про це повідомила Марина Петренко, речниця Київської міської ради. "
            "Рішення підтримав Шевчук.")
    doc = pipeline(Doc("u", text, "uk"))
    ner = [m for m in doc.mentions if m.kind == "ner"]
    assert all(m.entity_id is None for m in ner)
    # a given name and a surname are found by the rules (slavic_persons), a surname alone by the
    # model; all in Latin letters by the official romanisation
    people = {m.canonical for m in doc.mentions if m.type == "person"}
    assert {"Andrii Kovalenko", "Maryna Petrenko", "Shevchuk"} <= people
    assert any(m.type == "person" for m in ner)
    # both organisations: the rules now read the company in quotes and the city council (orgs10's regional
    # bodies), which the model used to add; whichever finds them, they are found
    organisations = {m.text for m in doc.mentions if m.type in ("organization", "company", "government_body")}
    assert {"Укрметалінвест", "Київської міської ради"} <= organisations
    for m in doc.mentions:
        assert text[m.start:m.end] == m.text


@needs_model
def test_model_leaves_other_languages_alone():
    pipeline = default_pipeline(settings=Settings(ukrainian_ner=True))
    doc = pipeline(Doc("e", "Andriy Kovalenko, head of Ukrmetalinvest, spoke to reporters.", "en"))
    assert not [m for m in doc.mentions if m.kind == "ner"]
