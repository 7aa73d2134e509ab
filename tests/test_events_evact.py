"""Event actors of branch evact, through the real pipeline (sentences written for these tests): a
first-person act inside a quote, reported as done, is the act of the quote's speaker (of the state
an official speaks for); a first-person present or future stays no event."""

from __future__ import annotations

import pytest

from allegiance.nlp import Doc


def actors(pipeline, text: str, lang: str = "en") -> list[str | None]:
    doc = pipeline(Doc("t", text, lang, None))
    return sorted(s.subject for s in doc.statements if s.kind == "event")


@pytest.mark.parametrize("text, actor", [
    ("\"We have closed the Russian cultural centre,\" the Latvian foreign ministry said.", "LVA"),
    ("Tokayev said: \"We have closed the border with Russia.\"", "KAZ"),  # an official's "we": the state
])
def test_a_quoted_first_person_act_done_is_the_speakers(pipeline, text, actor):
    assert actors(pipeline, text) == [actor]


@pytest.mark.parametrize("text", [
    "\"We will ban the export of drones,\" the Kyrgyz finance ministry said.",
    "\"We call on both sides to negotiate,\" the Kyrgyz foreign ministry said.",
])
def test_a_quoted_first_person_plan_or_call_is_no_event(pipeline, text):
    assert actors(pipeline, text) == []
