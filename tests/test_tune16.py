"""The tune16 tuning set (``tests/fixtures/tune16/``): page-style English sentences aimed at stance decisions, written
from the guidelines alone and then read by the rule writers (see its README). Floors a little under
today's figures, so that a drop on this wording fails; it is kept out of the check set's gate, as
tune15 is."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

_ROOT = Path(__file__).resolve().parents[1]
_SPEC = importlib.util.spec_from_file_location("checkset", _ROOT / "bench" / "checkset.py")
checkset = importlib.util.module_from_spec(_SPEC)  # type: ignore[arg-type]
_SPEC.loader.exec_module(checkset)  # type: ignore[union-attr]
FOLDER = _ROOT / "tests" / "fixtures" / "tune16"

# F1 on main at 3db7eb6, the tree before the day's rules: stances 0.795, events 0.731, predictions 0.886; on the
# day's tree before any rule was written from this set (written after those rules, by a writer who read none
# of them: the transfer figure) 0.807, 0.730, 0.886; after its first reading's fixes 0.829, 0.720, 0.886.
FLOORS = {"stances": 0.80, "events": 0.69, "predictions": 0.86}


@pytest.fixture(scope="module")
def figures():
    return checkset.score_checkset(checkset.load_checkset(FOLDER))


def test_the_set_has_its_languages_and_unique_ids():
    cases = checkset.load_checkset(FOLDER)
    assert len(cases) == 120
    assert {c["lang"] for c in cases} == {"en"}
    assert len({c["id"] for c in cases}) == len(cases)
    assert all(c["note"].startswith("tune16") for c in cases)


@pytest.mark.parametrize("kind", sorted(FLOORS))
def test_tune16_stays_above_its_floor(figures, kind):
    assert figures[kind]["f1"] >= FLOORS[kind], figures[kind]
