"""The quality gate on the team-written check set (tests/fixtures/checkset): precision and recall
per kind, pinned at what the statement stage reaches, so that they cannot silently drop. The dev
set's figures go in the benchmark (bench/statements_eval.py), not in a gate."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

_BENCH = Path(__file__).resolve().parents[1] / "bench"
_SPEC = importlib.util.spec_from_file_location("checkset", _BENCH / "checkset.py")
checkset = importlib.util.module_from_spec(_SPEC)  # type: ignore[arg-type]
_SPEC.loader.exec_module(checkset)  # type: ignore[union-attr]

#: (precision, recall) floors per kind, measured on the check set.
FLOORS = {
    "stances": (0.98, 0.96),
    "events": (0.96, 0.96),  # 0.967 recall with the 294 sentences of new wording added this round
    "predictions": (0.97, 0.97),
}

#: German (``de.jsonl``) and Dutch (``nl.jsonl``), added as pack folders read by one set of clause
#: rules (``frames_de.py``, selected by ``clause_rules = ["v2"]`` in their grammar.toml): own floors.
FLOORS_DE = {
    "stances.de": (0.95, 0.85),
    "events.de": (0.95, 0.90),
    "predictions.de": (0.90, 0.85),
    "stances.nl": (0.90, 0.85),
    "events.nl": (0.90, 0.85),
    "predictions.nl": (0.85, 0.80),
}

#: (precision, recall) floors per kind and language, measured on each language's sentences.
LANGUAGE_FLOORS = {
    # English alone (482 sentences with en401-en567, written in new wording before the fixes of branch
    # en3; measured 0.996/0.976, 0.971/0.963, 1.00/1.00; events recall was 0.97 on the 311 before)
    "stances.en": (0.99, 0.97), "events.en": (0.96, 0.96), "predictions.en": (0.97, 0.98),
    # (prediction precision 0.974 with branch ev5's 90 sentences: "if ..., X could close" read as a forecast)
    # Russian and Ukrainian (162 and 131 sentences, 70 and 57 of them agency-style wording added after the
    # rules were written; measured stances 1.00/0.98 both, events 0.99/0.97 and 0.98/0.96, predictions 1.00/1.00)
    "stances.ru": (0.97, 0.97), "events.ru": (0.97, 0.95), "predictions.ru": (0.96, 0.97),
    "stances.uk": (0.97, 0.97), "events.uk": (0.97, 0.95), "predictions.uk": (0.95, 0.97),
    # (prediction precision 0.969 and 0.958 with branch ev5's batch: a conditional «сможет» / «зможе»
    # after «если» / «якщо» is read as a forecast, one sentence in each language)
    **FLOORS_DE,
}


@pytest.fixture(scope="module")
def figures():
    return checkset.score_checkset()


def test_checkset_is_large_and_covers_five_languages():
    cases = checkset.load_checkset()
    assert len(cases) >= 150
    assert {c["lang"] for c in cases} == {"en", "ru", "uk", "de", "nl"}
    assert sum(c["lang"] == "de" for c in cases) >= 40
    assert sum(c["lang"] == "nl" for c in cases) >= 20
    assert len({c["id"] for c in cases}) == len(cases)


@pytest.mark.parametrize("kind", sorted(FLOORS))
def test_checkset_quality_gate(figures, kind):
    precision, recall = FLOORS[kind]
    assert figures[kind]["precision"] >= precision, figures[kind]
    assert figures[kind]["recall"] >= recall, figures[kind]


@pytest.mark.parametrize("kind", sorted(LANGUAGE_FLOORS))
def test_checkset_quality_gate_per_language(figures, kind):
    precision, recall = LANGUAGE_FLOORS[kind]
    assert figures[kind]["precision"] >= precision, figures[kind]
    assert figures[kind]["recall"] >= recall, figures[kind]
