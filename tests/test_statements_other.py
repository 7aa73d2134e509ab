"""French, Italian, Polish, Romanian and Bulgarian statements: languages added as pack folders
(``lang/fr``, ``lang/it``, ``lang/pl``, ``lang/ro``, ``lang/bg``) read through form tables
(``nlp/frames_forms.py``, selected by ``clause_rules = ["forms"]``), gated on their team-written
check-set sentences (tests/fixtures/checkset/{fr,it,pl,ro,bg}.jsonl)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from allegiance.nlp import Doc
from allegiance.nlp.frames import language_pack

_BENCH = Path(__file__).resolve().parents[1] / "bench"
_SPEC = importlib.util.spec_from_file_location("checkset", _BENCH / "checkset.py")
checkset = importlib.util.module_from_spec(_SPEC)  # type: ignore[arg-type]
_SPEC.loader.exec_module(checkset)  # type: ignore[union-attr]

#: (precision, recall) floors, a little under what was measured on 60 French, 45 Italian, 45 Polish and 40
#: Romanian sentences (fr 1.00/0.94, 0.96/1.00, 1.00/0.89; it, pl and ro 1.00/1.00 for all three kinds),
#: the last ten or so of each written after the lexicons, in new wording, and scored before any fix
#: (stances 1.00/0.96, events 0.96/0.96, predictions 1.00/0.50 there: the modals were added after)
FLOORS = {
    "stances.fr": (0.95, 0.90), "events.fr": (0.95, 0.99), "predictions.fr": (0.95, 0.85),
    "stances.it": (0.95, 0.95), "events.it": (0.95, 0.95), "predictions.it": (0.95, 0.85),
    "stances.pl": (0.95, 0.95), "events.pl": (0.97, 0.95), "predictions.pl": (0.95, 0.95),
    "stances.ro": (0.95, 0.95), "events.ro": (0.95, 0.95), "predictions.ro": (0.95, 0.95),
    # Bulgarian (30 sentences; measured 1.00/1.00 for the three kinds once its names were in the knowledge base)
    "stances.bg": (0.95, 0.95), "events.bg": (0.95, 0.95), "predictions.bg": (0.95, 0.95),
    # with branch ev6's 114 event sentences (22 to 24 a language, written before its fixes; on the first 72 of
    # them events were 0.947/0.857, typed 0.618/0.560): measured events and typed events fr 0.973/1.00,
    # it 1.00/1.00, pl 0.983/0.983, ro 1.00/0.980, bg 1.00/1.00
    "events_typed.fr": (0.94, 0.98), "events_typed.it": (0.96, 0.98), "events_typed.pl": (0.96, 0.93),
    "events_typed.ro": (0.99, 0.97), "events_typed.bg": (0.96, 0.99),
    # with branch ml7's article-style sentences (8 fr, 7 it, 7 pl, 6 ro, 3 bg; written before its fixes, scored
    # after them): events fr 0.965/1.00, pl 0.985/0.955; typed fr 0.953/0.988, it 0.972/0.986, pl 0.969/0.940;
    # predictions it 1.00/0.857 (a legal consequence, "rischia fino a dieci anni", is not read as one); typed bg
    # 0.963/1.00 once South Korea's Bulgarian names were known ("потвърди южнокорейското разузнаване" gives SAY)
}
LANGUAGES = ("fr", "it", "pl", "ro", "bg")


@pytest.fixture(scope="module")
def figures():
    # branch ml8's page-like sentences (checkset/ml8.jsonl) have their own floors in
    # tests/test_other_language_pages.py; pooled here they would lower these (pl stances 1.00/1.00 ->
    # 0.976/0.932 with them), so a drop on the older sentences is still caught at the old floors
    cases = [c for c in checkset.load_checkset() if c["lang"] in LANGUAGES and not c["id"].startswith("ml8")]
    return checkset.score_checkset(cases)


def test_each_language_has_its_check_sentences():
    cases = checkset.load_checkset()
    counts = {lang: sum(c["lang"] == lang for c in cases) for lang in LANGUAGES}
    assert counts["fr"] >= 40 and all(counts[lang] >= 30 for lang in ("it", "pl", "ro", "bg")), counts


@pytest.mark.parametrize("lang", LANGUAGES)
def test_language_is_a_pack_folder_read_through_forms(lang):
    pack = language_pack(lang)
    assert pack is not None
    assert "forms" in pack.grammar["clause_rules"]
    assert pack.stance_classes["support"] and pack.event_types


@pytest.mark.parametrize("kind", sorted(FLOORS))
def test_other_language_quality_gate(figures, kind):
    precision, recall = FLOORS[kind]
    assert figures[kind]["precision"] >= precision, figures[kind]
    assert figures[kind]["recall"] >= recall, figures[kind]


def _stances(pipeline, text, lang):
    doc = pipeline(Doc("t", text, lang, None))
    return sorted((s.subject, s.predicate) for s in doc.statements if s.kind == "stance"), doc


def test_polish_perfective_present_is_a_future_and_negated_sending_is_distance(pipeline):
    stances, doc = _stances(pipeline, "Gruzja nie wyśle żołnierzy do Rosji.", "pl")
    assert stances == [("GEO", "distance")]
    assert [s.kind for s in doc.statements if s.kind == "prediction"] == ["prediction"]
    assert not [s for s in doc.statements if s.kind == "event"]  # a future is no event


def test_polish_noun_after_a_finite_verb_is_no_verb(pipeline):
    """«broni» after «dostarcza» is the genitive of «broń» (weapons), not «bronić» (defend): read as
    the verb it gave support where the sentence denies sending."""
    stances, _ = _stances(pipeline, "Armenia nie dostarcza broni Rosji.", "pl")
    assert stances == [("ARM", "distance")]


def test_french_passe_compose_is_done_and_elided_negation_counts(pipeline):
    stances, doc = _stances(pipeline, "La Moldavie a condamné l'agression russe contre l'Ukraine.", "fr")
    assert stances == [("MDA", "oppose")]
    assert [(s.subject, s.predicate) for s in doc.statements if s.kind == "event"] == [("MDA", "ACCUSE")]
    stances, _ = _stances(pipeline, "L'Arménie n'a pas reconnu l'annexion de la Crimée.", "fr")
    assert stances == [("ARM", "distance")]


def test_italian_opinion_and_question_state_nothing(pipeline):
    for text in ("Molti esperti pensano che la Serbia sostenga la guerra.", "La Serbia sostiene la guerra?"):
        doc = pipeline(Doc("t", text, "it", None))
        assert not [s for s in doc.statements if s.kind in ("stance", "event")], text


def test_romanian_compound_past_and_subjunctive_complement(pipeline):
    """"a condamnat" (auxiliary + participle) is done; "refuză să recunoască": the subjunctive after
    "să" stands for an infinitive, so the refusal carries the stance and recognition is no act."""
    stances, doc = _stances(pipeline, "Georgia a condamnat agresiunea Rusiei împotriva Ucrainei.", "ro")
    assert stances == [("GEO", "oppose")]
    stances, doc = _stances(pipeline, "Armenia refuză să recunoască anexarea Crimeei.", "ro")
    assert stances == [("ARM", "distance")]
    assert [(s.subject, s.predicate) for s in doc.statements if s.kind == "event"] == [("ARM", "REJECT")]


def test_modal_with_an_infinitive_is_a_prediction_not_an_event(pipeline):
    for text, lang in (("La Turquie pourrait fermer les détroits.", "fr"), ("Turcja może zamknąć cieśniny.", "pl")):
        doc = pipeline(Doc("t", text, lang, None))
        assert [s.kind for s in doc.statements if s.kind in ("event", "prediction")] == ["prediction"], text


def test_bulgarian_negative_future_and_aorist(pipeline):
    """«няма да изпрати» is a negated future (distance, a forecast, no event); a perfective's bare third
    person «изпрати» is its aorist, a done act; a Cyrillic name is the subject without Russian cases."""
    stances, doc = _stances(pipeline, "Грузия няма да изпрати войници в Русия.", "bg")
    assert stances == [("GEO", "distance")]
    assert [s.kind for s in doc.statements if s.kind in ("event", "prediction")] == ["prediction"]
    doc = pipeline(Doc("t", "Съединените щати изпратиха нови ракети на Украйна.", "bg", None))
    assert [(s.subject, s.predicate) for s in doc.statements if s.kind == "event"] == [("USA", "AID")]
