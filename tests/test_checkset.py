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
    # 586 stances with the 170 sentences of branch en4 (en601-en770, new wording; batch 2, en720-en770, is
    # its transfer test and keeps its misses), and the ru/uk batches 1 and 2 of branch slavic4 (written
    # before the rules were read or after they were frozen): measured 0.984/0.925 on en, ru, uk, de and nl
    "stances": (0.97, 0.92),  # 0.979/0.925 with ev5's event sentences (three stance false alarms)
    # 0.967 recall with the 294 sentences of new wording of en3; lower with en4's and with the 191 ru/uk
    # sentences of slavic4's batches: measured 0.950/0.913 on en, ru, uk, de and nl
    # 0.948/0.913 with the 127 stance sentences of branch en5 (en5-001...; their events unfixed, misses kept)
    # 0.933/0.903 with branch en6's 376 en/ru/uk stance sentences (their events a by-product, misses kept;
    # 0.944/0.918 without them)
    "events": (0.93, 0.90),  # 0.945/0.909 with en5's batch 3 (36 sentences, half held back untuned)
    # 0.972/0.977 with branch ev5's event sentences (a conditional "could" read as a forecast); 0.968/0.978
    # with en5's (a pledge in an "in line with" phrase read as a forecast)
    "predictions": (0.96, 0.97),
    # events with their PLOVER type, after branch ev6 set the golds to the conventions of docs/statements.md
    # (signing SUPPORT, denials SAY, summons ACCUSE, recalls SANCTION): measured 0.928/0.895 before en5's sentences
    # 0.884/0.857 with branch en6's 376 en/ru/uk stance sentences (their events a by-product, misses kept;
    # 0.898/0.872 without them)
    # 0.880/0.849 with branch st14's 135 en/ru/uk sentences (20 long agency-style ones with every act coded,
    # written before that branch's rules; their misses kept)
    "events_typed": (0.87, 0.84),  # 0.89-0.91 / 0.89 with en5's sentences merged
}

#: German (``de.jsonl``) and Dutch (``nl.jsonl``), added as pack folders read by one set of clause
#: rules (``frames_de.py``, selected by ``clause_rules = ["v2"]`` in their grammar.toml): own floors.
FLOORS_DE = {
    "stances.de": (0.95, 0.85),
    # 0.978/0.956 both with ev6's sentences; with branch ml7's 11 article-style sentences (written before its
    # fixes, scored with them: events 0.961/0.971, typed 0.961/0.952 on 104 events)
    "events.de": (0.95, 0.95), "events_typed.de": (0.95, 0.94),
    "predictions.de": (0.90, 0.85),
    "stances.nl": (0.90, 0.85),
    # 1.00/0.949 both with ev6's sentences; 0.977/0.933 both with branch ml7's 6 article-style sentences
    "events.nl": (0.97, 0.92), "events_typed.nl": (0.97, 0.92),
    "predictions.nl": (0.85, 0.80),
}

#: (precision, recall) floors per kind and language, measured on each language's sentences.
LANGUAGE_FLOORS = {
    # English alone (652 sentences: en401-en567 of branch en3, en601-en770 of branch en4, written in new
    # wording before each branch's fixes; measured 0.992/0.933, 0.942/0.932, 0.988/0.988)
    # (events.en 0.916/0.925 with branch en6's 177 English sentences, their events a by-product, misses kept;
    # 0.928/0.927 without them)
    # (with branch ev9's 90 event sentences, their stances and predictions a by-product with the misses kept:
    # stances.en 0.978/0.940 and predictions.en 0.970/0.977; 0.981/0.945 and 0.969/0.984 without them)
    "stances.en": (0.97, 0.92), "events.en": (0.91, 0.91), "predictions.en": (0.95, 0.97),
    # (with branch ev5's 90 event sentences: 0.987/0.933, 0.945/0.935, 0.966/0.989; with branch en5's 127
    # stance sentences, a third of them held back untuned, and en5's rules: 0.99/0.93, 0.935/0.920, 0.959/0.989;
    # with en5's batch 3, half of it held back, stances 0.985/0.929: its held-back half's misses kept; with
    # en5's 175 sentences in all, events 0.927/0.923: their events were written as a by-product, misses kept)
    # Russian and Ukrainian (162 and 131 sentences, 70 and 57 of them agency-style wording added after the
    # rules were written; measured stances 1.00/0.98 both, events 0.99/0.97 and 0.98/0.96, predictions 1.00/1.00)
    # With batches 1 and 2 of branch slavic4 (62 + 31 ru, 53 + 25 uk agency-style sentences: batch 1 written
    # before reading the rules, batch 2 after they were frozen and not tuned on; measured stances 0.978/0.911
    # and 0.967/0.937, events 0.949/0.874 and 0.956/0.878, predictions 1.00/0.976 and 1.00/0.967)
    # (with branch en6's 101 Russian sentences, their events a by-product with the misses kept: events.ru
    # 0.944/0.856, 0.954/0.887 without them)
    "stances.ru": (0.97, 0.90), "events.ru": (0.94, 0.85), "predictions.ru": (0.97, 0.96),
    # (Ukrainian predictions 0.967/0.967 with branch ev5's batch)
    # (events.uk 0.946/0.872 with branch en6's 98 Ukrainian sentences, their events a by-product; 0.964/0.900
    # without them)
    "stances.uk": (0.96, 0.93), "events.uk": (0.94, 0.87), "predictions.uk": (0.96, 0.96),
    **FLOORS_DE,
}


#: the languages of the overall floors (FLOORS); French, Italian, Polish and Romanian, read through form tables
#: (``frames_forms.py``), have their own floors in tests/test_statements_other.py
BASE_LANGUAGES = {"en", "ru", "uk", "de", "nl"}


@pytest.fixture(scope="module")
def figures():
    cases = [c for c in checkset.load_checkset() if c["lang"] in BASE_LANGUAGES]
    return checkset.score_checkset(cases)


def test_checkset_is_large_and_covers_five_languages():
    cases = checkset.load_checkset()
    assert len(cases) >= 150
    assert {c["lang"] for c in cases} == BASE_LANGUAGES | {"fr", "it", "pl", "ro", "bg"}
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


#: branch ev9's English page-like sentences (``ev9.jsonl``: batch 1, 60 written before its fixes; batch 2,
#: 30 written after round 1 and measured before their own fixes): events measured 0.882/0.926 (F1 0.837 before
#: the branch -> 0.904: batch 1 0.909 -> 0.929, batch 2 0.680 -> 0.735 after round 1 -> 0.852)
EV9_FLOORS = {"events": (0.85, 0.89)}


def test_ev9_page_sentences_floor():
    cases = [c for c in checkset.load_checkset() if c["id"].startswith("ev9-")]
    assert len(cases) >= 90
    got = checkset.score_checkset(cases)
    for kind, (precision, recall) in EV9_FLOORS.items():
        assert got[kind]["precision"] >= precision, got[kind]
        assert got[kind]["recall"] >= recall, got[kind]


#: branch ev10's page-like sentences (``ev10.jsonl``: en 52, ru 21, uk 21; batch 1, 70 written before its fixes;
#: batch 2, 24 written after round 1 and measured before their own fixes): events measured 0.940/0.940 (batch 1
#: F1 0.538 before the branch -> 0.938; batch 2 0.231 before the branch, 0.889 after round 1 -> 0.947)
EV10_FLOORS = {"events": (0.90, 0.89)}


def test_ev10_page_sentences_floor():
    cases = [c for c in checkset.load_checkset() if c["id"].startswith("ev10-")]
    assert len(cases) >= 94
    got = checkset.score_checkset(cases)
    for kind, (precision, recall) in EV10_FLOORS.items():
        assert got[kind]["precision"] >= precision, got[kind]
        assert got[kind]["recall"] >= recall, got[kind]


#: branch even12's English event sentences (``even12.jsonl``: batch 1, 60 written before its fixes; batch 2, 25
#: written after round 1 and measured before their own fixes): events measured 0.959/0.922 on 85 (batch 1 F1 0.933
#: before the branch -> 0.933; batch 2 0.818 before the branch, 0.818 after round 1 -> 0.957), typed 0.874
EVEN12_FLOORS = {"events": (0.92, 0.89), "events_typed": (0.85, 0.81)}


def test_even12_english_event_sentences_floor():
    cases = [c for c in checkset.load_checkset() if c["id"].startswith("even12-")]
    assert len(cases) >= 85
    got = checkset.score_checkset(cases)
    for kind, (precision, recall) in EVEN12_FLOORS.items():
        assert got[kind]["precision"] >= precision, got[kind]
        assert got[kind]["recall"] >= recall, got[kind]


#: branch st9's sentences on subjects read from clause structure (``st9.jsonl``: batch 1, 52 written before its
#: fixes; batch 2, 30 written after round 1 and measured before their own fixes; batch 3, 10 written after the
#: fixes, misses kept): stances measured 0.971/0.917 on 109 (batches 1-2: F1 0.720 before the branch -> 0.952;
#: batch 1 0.721 -> 0.931, batch 2 0.719 -> 0.914 after round 1 -> 0.986; batch 3 0.870); events of the
#: listed states 1.00/1.00 on 16 (0.857/0.545 on batches 1-2 before)
ST9_FLOORS = {"stances": (0.94, 0.89), "events": (0.90, 0.90)}


def test_st9_clause_structure_floor():
    cases = [c for c in checkset.load_checkset() if c["id"].startswith("st9-")]
    assert len(cases) >= 90
    got = checkset.score_checkset(cases)
    for kind, (precision, recall) in ST9_FLOORS.items():
        assert got[kind]["precision"] >= precision, got[kind]
        assert got[kind]["recall"] >= recall, got[kind]


#: the lead's sentences of this session (``lead10.jsonl``): a relative clause after a document noun is the
#: document's act, or its adopter's ("voted against the resolution, which condemns"; "adopted a declaration,
#: which condemns"), Ukrainian «яка» read as the relative pronoun, recognising Donetsk, Luhansk, Kherson or
#: Zaporizhzhia as recognising the entities. Batch 1 (13, written with the fixes): stances 0.600 -> 1.000;
#: batch 2 (11, written after them and scored before any fix of its own): 0.706 -> 0.900, two misses kept
#: (opposing a condemning draft; a communique on territorial integrity)
LEAD10_FLOORS = {"stances": (0.97, 0.88)}


def test_lead10_relative_clauses_and_recognition_floor():
    cases = [c for c in checkset.load_checkset() if c["id"].startswith("lead10-")]
    assert len(cases) >= 24
    got = checkset.score_checkset(cases)
    for kind, (precision, recall) in LEAD10_FLOORS.items():
        assert got[kind]["precision"] >= precision, got[kind]
        assert got[kind]["recall"] >= recall, got[kind]


#: branch evsl13's sentences on who acts in a Russian or Ukrainian sentence (``evsl13.jsonl``: ru 31, uk 31; batch
#: 1, 40 written before its fixes; batch 2, 15 written after round 1 and measured before their own fixes; batch 3,
#: 7 written with round 2): several states listed after one plural body («Вооружённые силы Казахстана и
#: Узбекистана провели»), an instrumental agent, members of a body, a body acting «в лице» a person. Events
#: measured 0.929/0.806 on 98 gold events (batch 1 F1 0.667 before the branch -> 0.842; batch 2 0.683 before
#: the branch, 0.851 after round 1, the transfer figure, 0.898 at the end; batch 3 0.375 -> 0.900; all 0.641
#: -> 0.863)
EVSL13_FLOORS = {"events": (0.90, 0.77)}


def test_evsl13_slavic_event_actors_floor():
    cases = [c for c in checkset.load_checkset() if c["id"].startswith("evsl13-")]
    assert len(cases) >= 60
    got = checkset.score_checkset(cases)
    for kind, (precision, recall) in EVSL13_FLOORS.items():
        assert got[kind]["precision"] >= precision, got[kind]
        assert got[kind]["recall"] >= recall, got[kind]
