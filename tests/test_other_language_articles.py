"""The other statement languages on article prose: seven team-written short articles in German,
French, Italian, Polish, Dutch and Romanian (``tests/fixtures/ml7_articles``: datelines, long
sentences, reported speech, titles and names as actors, relative clauses, pronoun subjects, voting
lists) through the main job, scored by ``../shared/eval/score.py``, and the 63 check-set sentences
in the same style (``tests/fixtures/checkset/ml7.jsonl``), both scored by ``bench/other_languages.py``.

Floors a little under what was measured after branch ml7's rules. The articles and the first 51
sentences were written and measured before any rule was changed, the 12 ``ml7-b2-`` sentences after the
first fixes and measured before the next (stances 0.833/0.455 there, then 1.00/0.818). Before any of
branch ml7's rules, on all 63: stances 0.925/0.638, events 0.818/0.714, typed 0.764/0.667, predictions
1.00/0.588; articles F1: stances 0.643, events 0.627, predictions 0.667 (the golds' SAY events for
declarations made consistent with de.jsonl's after the first measure)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

_BENCH = Path(__file__).resolve().parents[1] / "bench"
_SPEC = importlib.util.spec_from_file_location("other_languages", _BENCH / "other_languages.py")
other_languages = importlib.util.module_from_spec(_SPEC)  # type: ignore[arg-type]
_SPEC.loader.exec_module(other_languages)  # type: ignore[union-attr]

#: (precision, recall) on the sentences; measured stances 0.982/0.966, events 0.919/0.905, typed
#: 0.871/0.857, predictions 1.00/0.882
SENTENCE_FLOORS = {
    "stances": (0.95, 0.93), "events": (0.88, 0.87), "events_typed": (0.83, 0.82), "predictions": (0.95, 0.85),
}
#: F1 per field on the articles; measured stances 0.944, events 0.750, predictions 0.947
ARTICLE_FLOORS = {"stances": 0.90, "events": 0.70, "predictions": 0.90}


@pytest.fixture(scope="module")
def sentences():
    return other_languages.score_checkset(other_languages.sentence_cases())


@pytest.fixture(scope="module")
def articles():
    return other_languages.score_articles(other_languages.ARTICLES)


def test_the_sets_cover_the_other_languages():
    cases = other_languages.sentence_cases()
    assert len(cases) >= 40
    assert {c["lang"] for c in cases} >= {"de", "fr", "it", "pl", "nl", "ro", "bg"}
    texts = sorted(other_languages.ARTICLES.glob("*.txt"))
    assert len(texts) >= 6
    assert {p.name.split("-")[1] for p in texts} >= {"de", "fr", "it", "pl", "nl", "ro"}


@pytest.mark.parametrize("kind", sorted(SENTENCE_FLOORS))
def test_article_style_sentences_quality_gate(sentences, kind):
    precision, recall = SENTENCE_FLOORS[kind]
    assert sentences[kind]["precision"] >= precision, sentences[kind]
    assert sentences[kind]["recall"] >= recall, sentences[kind]


@pytest.mark.parametrize("field", sorted(ARTICLE_FLOORS))
def test_articles_quality_gate(articles, field):
    assert articles["all"][field]["f1"] >= ARTICLE_FLOORS[field], articles["all"][field]
