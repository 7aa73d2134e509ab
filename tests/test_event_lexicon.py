"""The English event lexicon is derived from CAMEO by scripts/build_event_lexicon.py, not written by hand."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from tests.conftest import needs_shared

ROOT = Path(__file__).resolve().parents[1]
_SPEC = importlib.util.spec_from_file_location("build_event_lexicon", ROOT / "scripts" / "build_event_lexicon.py")
lexicon = importlib.util.module_from_spec(_SPEC)  # type: ignore[arg-type]
_SPEC.loader.exec_module(lexicon)  # type: ignore[union-attr]

TABLE = {"01": "SAY", "02": "REQUEST", "04": "CONSULT", "05": "SUPPORT", "06": "COOPERATE", "07": "AID",
         "08": "CONCEDE", "17": "COERCE"}
CODES = {v: k + "0" for k, v in TABLE.items()}


def _patterns(**counts: int) -> list[tuple[list[str], str]]:
    return [(["*", "X"], CODES[kind]) for kind, n in counts.items() for _ in range(n)]


def test_a_block_without_a_code_takes_a_clear_plurality_of_its_patterns():
    # like CAMEO's SEND block: AID is 20 of 61, short of a third, but a quarter and twice the next type
    send = _patterns(AID=20, CONSULT=9, CONCEDE=8, COERCE=8, SAY=8, SUPPORT=8)
    assert len(send) == 61 and lexicon._shared_type(send, TABLE) == "AID"
    # a third of the patterns is enough
    assert lexicon._shared_type(_patterns(AID=4, CONSULT=3, CONCEDE=3, COERCE=2), TABLE) == "AID"
    # like AVERT: two patterns agree out of eight: too few to say
    assert lexicon._shared_type(_patterns(AID=2, CONSULT=1, CONCEDE=1, COERCE=1, SAY=1, SUPPORT=1, REQUEST=1),
                                TABLE) is None
    # like CANCEL: two types tie
    assert lexicon._shared_type(_patterns(AID=24, COERCE=24, CONCEDE=14, SAY=16), TABLE) is None


def test_refinements_only_where_the_words_first_pattern_differs():
    block = {"name": "SEND", "code": "---", "verbs": [("send", [])],
             "patterns": [(["*", "AID"], "070")] * 5 + [(["*", "TROOP"], "070"), (["*", "TROOP"], "170"),
                                                        (["*", "ENVOY"], "040")]}
    verbs, objects, _forms = lexicon.build([block], TABLE)
    assert verbs == {"send": "AID"}
    assert objects == {"send": {"envoy": "CONSULT"}}


@needs_shared
def test_the_shipped_lexicon_is_what_the_script_derives():
    verbs, objects, forms = lexicon.build(lexicon.parse_dictionary(), lexicon.load_mapping())
    shipped = (ROOT / "src/allegiance/packs/core/lang/en/event_predicates.toml").read_text(encoding="utf-8")
    assert shipped == lexicon.render(verbs, objects, forms)
    assert verbs["send"] == "AID" and verbs["expel"] and "be" not in verbs
