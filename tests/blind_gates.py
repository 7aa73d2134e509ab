"""What both blind sets' tests share (``tests/test_blindset.py``, ``tests/test_blindset2.py``): the
shape checks of a sentence set, the pack's issue labels and event types its gold must use, and the
quality gate (the figures of ``bench/blindset.py`` on a set's sentences and pages, each kind and field
above its floor; :func:`floor_tests` makes the module's fixtures and tests for one set)."""

from __future__ import annotations

import importlib.util
import re
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

_ROOT = Path(__file__).resolve().parents[1]
_SPEC = importlib.util.spec_from_file_location("blindset", _ROOT / "bench" / "blindset.py")
blindset = importlib.util.module_from_spec(_SPEC)  # type: ignore[arg-type]
_SPEC.loader.exec_module(blindset)  # type: ignore[union-attr]

PACK = _ROOT / "src" / "allegiance" / "packs" / "core"

__all__ = ["PACK", "blindset", "check_ids_and_notes", "check_size_and_languages", "event_types", "floor_tests",
           "issue_labels"]


def issue_labels() -> dict[str, set[str]]:
    """Each issue of the bundled pack with its stance labels."""
    issues = {}
    for path in (PACK / "issues").glob("*.toml"):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        issues[data["id"]] = set(data["labels"])
    return issues


def event_types() -> set[str]:
    """The PLOVER event types of the bundled pack."""
    return set(tomllib.loads((PACK / "event_types.toml").read_text(encoding="utf-8")))


def check_size_and_languages(cases: list[dict[str, Any]], minimum: dict[str, int]) -> None:
    """Every case sits in its language's file, and each language has at least its minimum of cases."""
    counts: dict[str, int] = {}
    for case in cases:
        assert case["where"].startswith(case["lang"] + "."), case["where"]
        counts[case["lang"]] = counts.get(case["lang"], 0) + 1
    for lang, least in minimum.items():
        assert counts.get(lang, 0) >= least, (lang, counts)


def check_ids_and_notes(cases: list[dict[str, Any]]) -> None:
    """Ids are unique and every case has a note saying what it tests."""
    ids = [c["id"] for c in cases]
    assert len(ids) == len(set(ids))
    assert all(c.get("note") for c in cases)


def check_gold_vocabulary(cases: list[dict[str, Any]]) -> None:
    """Every case's gold uses the pack's issues, labels and event types: stances once each, by a
    three-letter state, never Russia or Ukraine on the war, Armenia alone on the CSTO issue."""
    issues = issue_labels()
    types = event_types()
    for case in cases:
        assert len({tuple(s) for s in case["stances"]}) == len(case["stances"]), case["where"]
        for actor, issue, label in case["stances"]:
            assert re.fullmatch(r"[A-Z]{3}", actor), case["where"]
            assert label in issues[issue], case["where"]
            if issue == "russia_war_in_ukraine":
                assert actor not in {"RUS", "UKR"}, case["where"]
            else:
                assert actor == "ARM", case["where"]
        for actor, kind in case["events"]:
            assert actor and kind in types, case["where"]
        assert all(s is None or isinstance(s, str) for s in case["predictions"]), case["where"]


def floor_tests(folder: Path, articles: Path, sentence_floors: dict[str, float],
                article_floors: dict[str, float]) -> tuple[Callable[..., Any], ...]:
    """(sentence figures fixture, page figures fixture, sentence floor test, page floor test) of the
    set in ``folder`` (pages in ``articles``), to be bound to module names the tests collect."""

    @pytest.fixture(scope="module")
    def sentence_figures() -> dict[str, dict[str, Any]]:
        return blindset.score_sentences(folder)  # type: ignore[no-any-return]

    @pytest.fixture(scope="module")
    def article_figures() -> dict[str, dict[str, Any]]:
        if not (blindset.SHARED / "eval" / "score.py").exists():
            pytest.skip("../shared/eval/score.py is not beside this checkout")
        return blindset.score_articles(articles)  # type: ignore[no-any-return]

    @pytest.mark.parametrize("kind", sorted(sentence_floors))
    def sentences_stay_above_their_floor(kind: str, sentence_figures: dict[str, dict[str, Any]]) -> None:
        figures = sentence_figures[kind]
        assert figures["f1"] >= sentence_floors[kind], figures

    @pytest.mark.parametrize("field", sorted(article_floors))
    def articles_stay_above_their_floor(field: str, article_figures: dict[str, dict[str, Any]]) -> None:
        figures = article_figures["all"][field]
        assert figures["f1"] >= article_floors[field], figures
        assert article_figures["all"]["evidence_errors"] == 0

    return sentence_figures, article_figures, sentences_stay_above_their_floor, articles_stay_above_their_floor
