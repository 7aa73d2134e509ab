"""What the tests of the team's page folders share (``tests/test_pages_ev11.py``, ``_even12``,
``_evot12``, ``_evsl12``): the check that every gold event's evidence stands in its page, the floor
test of the pages' event figures (skipped where ``../shared/eval/score.py``, which scores them, is not
beside the checkout), and the events the pipeline gives a text, as (subject, predicate) pairs."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from tests.blind_gates import blindset

__all__ = ["check_page_evidence", "event_floor_tests", "page_events"]


def check_page_evidence(folder: Path, languages: set[str] | None = None, pages: int | None = None) -> None:
    """Every page of ``folder``'s ``gold.jsonl`` has its text, and each gold event's evidence is in it;
    ``languages`` and ``pages``, where given, are the gold's languages and its number of pages."""
    lines = (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    gold = {d["id"]: d for d in (json.loads(x) for x in lines if x.strip())}
    if languages is not None:
        assert {g["language"] for g in gold.values()} == languages
    if pages is not None:
        assert len(gold) == pages
    for doc_id, page in gold.items():
        text = (folder / f"{doc_id}.txt").read_text(encoding="utf-8")
        for event in page["events"]:
            assert event["evidence"] in text, (doc_id, event["evidence"])


def event_floor_tests(folder: Path, floors: dict[str, float]) -> tuple[Callable[..., Any], ...]:
    """(figures fixture, floor test) of the pages in ``folder``: score.py's events F1 of each language
    group in ``floors`` stays above its floor; to be bound to module names the tests collect."""

    @pytest.fixture(scope="module")
    def figures() -> dict[str, dict[str, Any]]:
        if not (blindset.SHARED / "eval" / "score.py").exists():
            pytest.skip("../shared/eval/score.py is not beside this checkout")
        return blindset.score_articles(folder)  # type: ignore[no-any-return]

    @pytest.mark.parametrize("group", sorted(floors))
    def page_events_stay_above_their_floor(figures: dict[str, dict[str, Any]], group: str) -> None:
        events = figures[group]["events"]
        assert events["f1"] >= floors[group], events

    return figures, page_events_stay_above_their_floor


def page_events(pipeline, text: str, language: str = "en") -> list[tuple[str | None, str | None]]:
    from allegiance.nlp import Doc

    doc = pipeline(Doc("t", text, language, "2025-01-01"))
    return [(s.subject, s.predicate) for s in doc.statements if s.kind == "event"]
