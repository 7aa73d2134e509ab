"""Floors on branch st8's check-set sentences (tests/fixtures/checkset/st8.jsonl): paraphrases of each
stance kind of the guidelines, tempting non-stances (other conflicts, attacks on Russia, sanctions
evasion, opposition and commentators, platitudes, refusals to join sanctions, abstentions) and
article-style wording. Measured 0.995/0.941 on 203 stances (en 0.993/0.925, ru and uk 1.000/1.000);
before st8's rules 1.000/1.000 on batch 1,
1.000/0.829 on batch 2, 1.000/0.862 on batch 3; batch 5, written after the first rules, 0.941/0.696 and
batch 6 (ru, uk, en) 0.952/0.800 before their own fixes (misses kept: "thrown its weight behind", "helped
Russia's war effort" (a "help" verb of support took false stances on the dev set),
"dragged into this war", "neither for Russia nor for Ukraine", a demonym's lawmakers praising)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

_BENCH = Path(__file__).resolve().parents[1] / "bench"
_SPEC = importlib.util.spec_from_file_location("checkset", _BENCH / "checkset.py")
checkset = importlib.util.module_from_spec(_SPEC)  # type: ignore[arg-type]
_SPEC.loader.exec_module(checkset)  # type: ignore[union-attr]

#: (precision, recall) floors, about 0.03 under what st8's rules reach
FLOORS = {"stances": (0.97, 0.91), "stances.en": (0.96, 0.89), "stances.ru": (0.97, 0.97),
          "stances.uk": (0.97, 0.97)}


@pytest.fixture(scope="module")
def figures():
    cases = [c for c in checkset.load_checkset() if c["id"].startswith("st8-")]
    assert len(cases) >= 80
    return checkset.score_checkset(cases)


@pytest.mark.parametrize("kind", sorted(FLOORS))
def test_st8_stance_floors(figures, kind):
    precision, recall = FLOORS[kind]
    assert figures[kind]["precision"] >= precision, figures[kind]
    assert figures[kind]["recall"] >= recall, figures[kind]
