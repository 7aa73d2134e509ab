"""The other statement languages on page-like prose: branch ml8's five team-written pages in Polish,
Romanian, Bulgarian, Dutch and French (``tests/fixtures/ml8_articles``: page furniture lines, long
sentences, attributions, officials by title, ministries, quotes, UN vote lists) through the main job,
scored by ``../shared/eval/score.py``, and the 40 check-set sentences of
``tests/fixtures/checkset/ml8.jsonl``, both scored by ``bench/other_languages.py --set ml8``.

Floors a little under what was measured after branch ml8's rules. Written and measured before any rule
was changed (then the golds aligned with the team's conventions: arms delivered with no word of aid get
no stance, Russia no vote event in a voting list, summoning an ambassador is ACCUSE): sentences stances
0.94/0.38, events 0.92/0.55, typed 0.78/0.47; pages F1 stances 0.537, events 0.612, predictions 0.800."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

_BENCH = Path(__file__).resolve().parents[1] / "bench"
_SPEC = importlib.util.spec_from_file_location("other_languages", _BENCH / "other_languages.py")
other_languages = importlib.util.module_from_spec(_SPEC)  # type: ignore[arg-type]
_SPEC.loader.exec_module(other_languages)  # type: ignore[union-attr]

#: (precision, recall) on the sentences; measured stances 0.97/0.80, events 0.95/0.90, typed 0.92/0.87,
#: predictions 0.67/1.00 (two gold)
SENTENCE_FLOORS = {
    "stances": (0.94, 0.77), "events": (0.92, 0.87), "events_typed": (0.89, 0.84), "predictions": (0.64, 0.97),
}
#: F1 per field on the pages; measured stances 0.829, events 0.692, predictions 0.800
PAGE_FLOORS = {"stances": 0.80, "events": 0.66, "predictions": 0.77}


@pytest.fixture(scope="module")
def sentences():
    return other_languages.score_checkset(other_languages.sentence_cases("ml8"))


@pytest.fixture(scope="module")
def pages():
    return other_languages.score_articles(other_languages.SETS["ml8"][0])


def test_the_set_covers_five_languages():
    cases = other_languages.sentence_cases("ml8")
    assert len(cases) >= 40
    assert {c["lang"] for c in cases} >= {"pl", "ro", "bg", "nl", "fr"}
    texts = sorted(other_languages.SETS["ml8"][0].glob("*.txt"))
    assert {p.name.split("-")[1] for p in texts} >= {"pl", "ro", "bg", "nl", "fr"}


@pytest.mark.parametrize("kind", sorted(SENTENCE_FLOORS))
def test_page_style_sentences_quality_gate(sentences, kind):
    precision, recall = SENTENCE_FLOORS[kind]
    assert sentences[kind]["precision"] >= precision, sentences[kind]
    assert sentences[kind]["recall"] >= recall, sentences[kind]


@pytest.mark.parametrize("field", sorted(PAGE_FLOORS))
def test_pages_quality_gate(pages, field):
    assert pages["all"][field]["f1"] >= PAGE_FLOORS[field], pages["all"][field]
    assert pages["all"]["evidence_errors"] == 0
