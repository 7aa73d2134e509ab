"""The optional natasha component: used when installed, a clear error when asked for and missing."""

import pytest

from allegiance import AllegianceError, Settings
from allegiance.nlp import Doc
from allegiance.nlp.pipeline import default_pipeline
from allegiance.nlp.russian_ner import natasha_available


@pytest.mark.skipif(not natasha_available(), reason="the russian-ner extra (natasha) is not installed")
def test_natasha_adds_unlisted_russian_people_and_organisations():
    pipeline = default_pipeline(settings=Settings(russian_ner=True))
    assert pipeline.version.endswith("+natasha")
    # a given name and a surname are found by the rules (slavic_persons); a surname alone, by natasha:
    # both unlinked and written in Latin letters
    doc = pipeline(Doc("r", "Глава компании «Северсталь» Алексей Мордашов встретился с Токаевым в Астане. "
                            "Совладелец «Северстали» Мордашов и губернатор Дрозденко обсудили завод.", "ru"))
    found = {(m.canonical, m.entity_id, m.kind) for m in doc.mentions}
    assert ("Aleksey Mordashov", None, "pattern") in found
    assert ("Drozdenko", None, "ner") in found
    assert any(e == "person:kassym_jomart_tokayev" for _, e, _ in found)


@pytest.mark.skipif(natasha_available(), reason="natasha is installed here")
def test_missing_natasha_is_a_clear_error():
    with pytest.raises(AllegianceError, match="russian-ner"):
        default_pipeline(settings=Settings(russian_ner=True))
