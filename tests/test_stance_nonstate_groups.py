"""A group inside a country that does not speak for its state (an opposition party, a bloc, the
diaspora) holds its own position: the guidelines give the state no stance from it. The neutral
stance's fallback, which takes the last state named before the predicate, took the country of the
party ("Georgia's main opposition party has taken a neutral stance" gave Georgia neutral). The
sentences are the team's own wording."""

from __future__ import annotations

import pytest

from allegiance.nlp import Doc


def _stances(pipeline, text, lang):
    doc = pipeline(Doc("t", text, lang, None))
    return {(s.subject, s.predicate) for s in doc.statements if s.kind == "stance"}


@pytest.mark.parametrize("text,lang", [
    ("Georgia's main opposition party has taken a neutral stance on the war.", "en"),
    ("The opposition bloc in Armenia remains neutral on the war in Ukraine.", "en"),
    ("In Armenia, the opposition bloc Hayastan said it remains neutral on the war.", "en"),
    ("Крупнейшая оппозиционная партия Грузии заняла нейтральную позицию по войне.", "ru"),
    ("Найбільша опозиційна партія Грузії зайняла нейтральну позицію щодо війни.", "uk"),
])
def test_a_party_or_bloc_taking_a_neutral_stance_gives_its_country_none(pipeline, text, lang):
    assert _stances(pipeline, text, lang) == set()


@pytest.mark.parametrize("text,lang,state", [
    ("Georgia has taken a neutral stance on the war.", "en", "GEO"),
    ("The government of Armenia remains neutral on the war.", "en", "ARM"),
    ("Kazakhstan's position on the war is neutral.", "en", "KAZ"),
    ("Грузия заняла нейтральную позицию по войне в Украине.", "ru", "GEO"),
    ("Грузія зайняла нейтральну позицію щодо війни в Україні.", "uk", "GEO"),
])
def test_the_state_or_its_government_taking_a_neutral_stance_keeps_it(pipeline, text, lang, state):
    assert _stances(pipeline, text, lang) == {(state, "neutral")}
