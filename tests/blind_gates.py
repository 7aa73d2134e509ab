"""What the blind sets' tests share (``tests/test_blindset.py`` ... ``tests/test_blindset8.py``): the
shape checks of a sentence set, the pack's issue labels and event types its gold must use, the shape
and consistency checks of a set's pages and their gold, and the quality gate (the figures of
``bench/blindset.py`` on a set's sentences and pages, each kind and field above its floor;
:func:`floor_tests` makes the module's fixtures and tests for one set)."""

from __future__ import annotations

import importlib.util
import json
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

__all__ = ["PACK", "blindset", "check_gold_scores_itself", "check_ids_and_notes", "check_language_coverage",
           "check_page_gold", "check_pages", "check_size_and_languages", "event_types", "floor_tests", "issue_labels"]


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


def check_language_coverage(cases: list[dict[str, Any]], languages: Any, stance_share: tuple[float, float],
                            empty_minimum: int, predictions: bool = True) -> list[list[dict[str, Any]]]:
    """The share of cases with a stance lies within ``stance_share``; every language of ``languages`` has
    each stance label, a CSTO stance, an event that is no stance and a case with nothing to find (and,
    with ``predictions``, a forecast with and one without a named speaker, a list of three states and
    an event by a named official or group); at least ``empty_minimum`` cases hold nothing at all. The
    cases of each language, in the order of ``languages``, for a set's own checks."""
    with_stance = sum(1 for c in cases if c["stances"])
    low, high = stance_share
    assert low * len(cases) <= with_stance <= high * len(cases)
    per_language = []
    for lang in languages:
        mine = [c for c in cases if c["lang"] == lang]
        labels = {s[2] for c in mine for s in c["stances"]}
        assert labels == {"support", "oppose", "neutral", "distance"}, lang
        assert any(s[1] == "csto_participation" for c in mine for s in c["stances"]), lang
        assert any(not c["stances"] and c["events"] for c in mine), lang  # an event that is no stance
        assert any(not c["stances"] and not c["events"] and not c["predictions"] for c in mine), lang
        if predictions:
            assert any(None in c["predictions"] for c in mine), lang  # a forecast with no named speaker
            assert any(p for c in mine for p in c["predictions"]), lang  # a forecast with its speaker
            assert any(len(c["stances"]) >= 3 for c in mine), lang  # a list of states
            people = {e[0] for c in mine for e in c["events"] if not re.fullmatch(r"[A-Z]{2,3}", e[0])}
            assert people, lang  # an event by a named official or group, not by a state
        per_language.append(mine)
    assert sum(1 for c in cases if not c["stances"] and not c["events"] and not c["predictions"]) >= empty_minimum
    return per_language


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


def check_pages(articles: Path, count: int, languages: dict[str, int], words: tuple[int, int],
                furniture: dict[str, re.Pattern[str]], head_lines: int = 0) -> None:
    """The set's pages in ``articles``: ``count`` ``.txt`` files, each with its gold line, so many per
    language, ``words`` (least, most) words each, every kind of page furniture, and at least
    ``head_lines`` lines before the first blank line (headline, date line, caption, share labels)."""
    gold = blindset.load_article_gold(articles)
    files = {p.stem for p in articles.glob("*.txt")}
    assert set(gold) == files and len(files) == count
    langs: dict[str, int] = {}
    for doc_id, g in gold.items():
        langs[g["language"]] = langs.get(g["language"], 0) + 1
        text = (articles / f"{doc_id}.txt").read_text(encoding="utf-8")
        assert words[0] <= len(text.split()) <= words[1], doc_id
        assert len(text.split("\n\n")[0].splitlines()) >= head_lines, doc_id
        for what, pattern in furniture.items():
            assert pattern.search(text), (doc_id, what)
    assert langs == languages


def check_page_gold(articles: Path, alliances: set[str], strict: bool = True) -> None:
    """The pages' gold (``articles/gold.jsonl``): unique ids, the scoring format's fields, every
    evidence a substring of its page, stances unique, by listed states, with the issue's labels and no
    Russia or Ukraine stance on the war, event actors that are listed states where they are codes,
    state codes unique, alliances among ``alliances``, quantities with a value and a unit. The second
    set's gold was written before the checks ``strict`` adds (Russia and Ukraine, event actors, unique
    state codes), so its test leaves them out."""
    lines = (articles / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    ids = [json.loads(x)["id"] for x in lines if x.strip()]
    assert len(ids) == len(set(ids))
    issues = issue_labels()
    for doc_id, g in blindset.load_article_gold(articles).items():
        text = (articles / f"{doc_id}.txt").read_text(encoding="utf-8")
        assert set(g) >= {"id", "language", "published", "entities", "stances", "events", "quantities", "predictions"}
        assert g["published"] is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", g["published"]), doc_id
        for field in ("stances", "events", "quantities", "predictions"):
            for item in g[field]:
                assert item["evidence"] and item["evidence"] in text, (doc_id, field, item["evidence"][:60])
        triples = [(s["actor"], s["issue"], s["stance"]) for s in g["stances"]]
        assert len(triples) == len(set(triples)), doc_id
        states = g["entities"]["states"]
        for s in g["stances"]:
            assert s["actor"] in states and s["stance"] in issues[s["issue"]], (doc_id, s)
            assert not strict or s["issue"] != "russia_war_in_ukraine" or s["actor"] not in {"RUS", "UKR"}, (doc_id, s)
        for e in g["events"] if strict else ():
            assert e["actor"] and (not re.fullmatch(r"[A-Z]{3}", e["actor"]) or e["actor"] in states), (doc_id, e)
        assert all(re.fullmatch(r"[A-Z]{3}", c) for c in states), doc_id
        assert not strict or len(states) == len(set(states)), doc_id
        assert set(g["entities"]["alliances"]) <= alliances, doc_id
        assert all(isinstance(q["value"], int | float) and q["unit"] for q in g["quantities"]), doc_id


def check_gold_scores_itself(articles: Path) -> None:
    """score.py gives the pages' gold F1 1.0 against itself, with no problem (skipped without it)."""
    if not (blindset.SHARED / "eval" / "score.py").exists():
        pytest.skip("../shared/eval/score.py is not beside this checkout")
    from quality import _scorer  # bench/ is on the path once blindset is loaded

    gold = blindset.load_article_gold(articles)
    figures, problems = _scorer().score(gold, gold, articles)
    assert not problems
    assert figures["overall_f1"] == 1.0


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
        # issue 8 found stances on 6 of 27 held-out articles whose gold has none; every set has 0 today
        assert article_figures["all"]["stance_free"]["with_stances"] <= 1, article_figures["all"]["stance_free"]

    return sentence_figures, article_figures, sentences_stay_above_their_floor, articles_stay_above_their_floor
