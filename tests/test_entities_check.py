"""The quality gate on the team-written entity check set (tests/fixtures/entities_check): precision
and recall of organisations, persons and states per language, pinned at what the entity stage
reaches, so that they cannot silently drop. Sentences run through the pipeline, page-like texts
through the real ingest into a fresh SQLite store. The dev halves' figures are in the benchmark
(bench/entities_eval.py), not in a gate."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

_BENCH = Path(__file__).resolve().parents[1] / "bench"
sys.path.insert(0, str(_BENCH))  # entities_eval imports its sibling bench modules
_SPEC = importlib.util.spec_from_file_location("entities_eval", _BENCH / "entities_eval.py")
entities_eval = importlib.util.module_from_spec(_SPEC)  # type: ignore[arg-type]
_SPEC.loader.exec_module(entities_eval)  # type: ignore[union-attr]

#: (precision, recall) floors, a little under the figures measured when they were pinned
FLOORS = {
    "organizations": (0.95, 0.80), "organizations.en": (0.95, 0.95), "organizations.ru": (0.95, 0.95),
    "organizations.uk": (0.95, 0.90),
    "persons": (0.95, 0.90), "persons.en": (0.95, 0.95), "persons.ru": (0.95, 0.90), "persons.uk": (0.95, 0.95),
    "states": (0.85, 0.90),
    # people after role nouns and given names in fr/it/pl/ro (lang/<code>/persons.toml; ents6)
    "persons.fr": (0.95, 0.95), "persons.it": (0.95, 0.95), "persons.pl": (0.95, 0.95), "persons.ro": (0.95, 0.95),
    "ents6.organizations": (0.95, 0.85), "ents6.persons": (0.95, 0.95),
    # ents6's cases held out from its rules, scored once when they were done (1.000 both)
    "ents6held.organizations": (0.95, 0.95), "ents6held.persons": (0.95, 0.95),
    # the batch written after the rules, never tuned on until it was first scored (see bench/entities_eval.py)
    "fresh.organizations": (0.95, 0.95), "fresh.persons": (0.95, 0.95),
    # organisations the knowledge base does not list, in de, it, pl, fr and the rest (orgs7: state bodies
    # around their state, names after a type noun); orgs7held written with them, scored apart
    "orgs7.organizations": (0.95, 0.90), "orgs7held.organizations": (0.95, 0.95),
    "organizations.de": (0.95, 0.90), "organizations.fr": (0.95, 0.90), "organizations.it": (0.95, 0.95),
    "organizations.pl": (0.90, 0.90),
    # orgs7late, written after orgs7's rules: first scored 0.889/0.970, 1.000 both after the fixes it
    # showed (de/it/pl page chrome, an apposition, Polish ł)
    "orgs7late.organizations": (0.95, 0.95),
    # orgs8 (en/ru/uk/de/fr/pl: legal forms, parties, courts, cited agencies, credits, bylines, bare
    # "the ministry"): first scored 0.925/0.961, 0.980/0.961 after its fixes (outlets on the byline,
    # "Fot." credits, marks inside an alias, a weekday after a name)
    "orgs8.organizations": (0.95, 0.93),
    # orgs8late, written after orgs8's rules: first scored 0.833/0.909, 1.000 both after the fixes it
    # showed (an article after a sentence's first word, "Follow Civil.ge on ...", German "Firma", AB)
    "orgs8late.organizations": (0.95, 0.95),
    # orgs9 (en/ru/uk/de/fr/pl: committees, bodies of several states, "its foreign ministry", A/S,
    # units, French courts, other-language states): first scored 0.889/0.741, 0.904/0.870 after
    # its fixes (misses left: Russian and Ukrainian units, names the gold words otherwise than the
    # knowledge base: FSB, AFP, GUR, SBU in Ukrainian)
    "orgs9.organizations": (0.87, 0.84),
    # orgs9late, written after orgs9's first rules: first scored 0.846/0.880, 0.889/0.923 after the
    # fixes it showed ("its central bank" with its sentence's state, Bundesgerichtshof)
    "orgs9late.organizations": (0.86, 0.89),
    # orgs10 (en/ru/uk/de/pl: acronyms in brackets, "the ministry" after its name, outlets cited in
    # the body, legal forms, regional administrations and prosecutors, courts, numbered units in
    # Russian and Ukrainian, Ukrainian companies): first scored 0.891/0.722, 0.987/0.987 after its
    # fixes (left: "the HUR", which the knowledge base names Ukrainian Military Intelligence (GUR))
    "orgs10.organizations": (0.95, 0.95),
    # orgs10late, written after orgs10's first rules: its sentences first scored 0.939/0.886, its four
    # pages (written after the sentences' fixes) took it to 0.938/0.957; 0.979/0.958 after the fixes
    # they showed (a possessive inside a name, a legal form ending a name before "and", a listed name
    # inside a region's body: «Курская областная дума», a "More from <site>" footer). Left: the
    # dateline agency ("KHARKIV (Reuters) -", as orgs9 left it), a Ukrainian company's name in Latin
    # letters where the gold translates it
    "orgs10late.organizations": (0.95, 0.93),
    # orgsl12 (ru/uk/de: bodies in oblique cases, quoted names after a type noun, cited outlets, the
    # Red Cross, IAEA and OSCE in their spellings, German federal ministries, page furniture): first
    # scored 0.983/0.906, 1.000 both after its fixes (a demonym's lemma inside «Українська правда»,
    # one National Police of Ukraine, «Рада» with its capital's lemma)
    "orgsl12.organizations": (0.97, 0.97),
    # orgsl12late, written after orgsl12's first fixes: first scored 0.920/0.885, 1.000 both after
    # the fixes it showed (a capitalised article opening a title, "© <outlet>", the State Bureau of
    # Investigation, a court's adjective with an apostrophe: «Солом'янський районний суд»)
    "orgsl12late.organizations": (0.97, 0.97),
}


@pytest.fixture(scope="module")
def figures():
    results, errors = entities_eval.score_cases()
    return results, errors


def test_check_set_has_every_language_and_kind():
    cases = entities_eval.load_cases()
    assert {c["lang"] for c in cases} >= {"en", "ru", "uk", "fr", "it", "pl", "ro"}
    assert len(cases) >= 150
    assert sum(1 for c in cases if c.get("page")) >= 12
    for c in cases:
        assert {"id", "lang", "text", "organizations", "persons"} <= set(c), c["where"]


@pytest.mark.parametrize("key", sorted(FLOORS))
def test_entity_floors(figures, key):
    results, errors = figures
    p_floor, r_floor = FLOORS[key]
    got = results[key]
    assert got["precision"] >= p_floor and got["recall"] >= r_floor, (key, got, errors)
