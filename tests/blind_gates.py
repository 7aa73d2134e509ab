"""The quality gate both blind sets share (``tests/test_blindset.py``, ``tests/test_blindset2.py``):
the figures of ``bench/blindset.py`` on a set's sentences and pages, each kind and field above its
floor. :func:`floor_tests` makes the module's fixtures and tests for one set."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

_ROOT = Path(__file__).resolve().parents[1]
_SPEC = importlib.util.spec_from_file_location("blindset", _ROOT / "bench" / "blindset.py")
blindset = importlib.util.module_from_spec(_SPEC)  # type: ignore[arg-type]
_SPEC.loader.exec_module(blindset)  # type: ignore[union-attr]

__all__ = ["blindset", "floor_tests"]


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
