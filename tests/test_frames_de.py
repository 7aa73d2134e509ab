"""German clause frames (nlp/frames_de.py, data in packs/core/lang/de): the word source's lemmas
for separable, strong and inseparable verbs, the scope of negation, the future and reported speech,
and bad input. Sentences written by the team."""

from __future__ import annotations

import pytest

from allegiance.nlp import Doc
from allegiance.nlp.frames import language_pack
from allegiance.nlp.pipeline import default_pipeline


def _builder(pipeline, text):
    """The document through the real pipeline, and a frame builder over it as the statement stage builds one."""
    from allegiance.kb.knowledge import load_knowledge_base
    from allegiance.nlp.actors import ActorResolver
    from allegiance.nlp.frames import FrameBuilder

    doc = pipeline(Doc("t", text, "de", "2024-05-01"))
    return doc, FrameBuilder(doc, ActorResolver(load_knowledge_base(), doc))


def _words(pipeline, text):
    doc, builder = _builder(pipeline, text)
    return [(w.text, w.lemma, w.upos) for s in doc.sentences for w in builder.words(s)], builder, doc


def test_german_has_a_language_pack_from_its_folder():
    pack = language_pack("de")
    assert pack is not None and pack.code == "de"
    assert pack.event_types["verhängen"] == "SANCTION"
    assert "ablehnen" in pack.stance_classes["refuse"]


@pytest.mark.parametrize("text, form, lemma", [
    ("Kasachstan lehnte die Bitte Moskaus ab.", "lehnte", "ablehnen"),  # particle at the clause end
    ("Kasachstan erkennt die Volksrepubliken Donezk und Luhansk nicht an.", "erkennt", "anerkennen"),
    ("Armenien hat die Republiken nicht anerkannt.", "anerkannt", "anerkennen"),  # sep + insep participle
    ("Usbekistan weigert sich, die Republiken anzuerkennen.", "anzuerkennen", "anerkennen"),  # zu-infinitive
    ("Die Polizei nahm drei Anwerber fest.", "nahm", "festnehmen"),  # strong verb, separable
    ("Der Präsident traf den Außenminister.", "traf", "treffen"),  # strong past
    ("Deutschland hat den Krieg verurteilt.", "verurteilt", "verurteilen"),  # no ge- after ver-
    ("Die EU hat Kirgisistan sanktioniert.", "sanktioniert", "sanktionieren"),  # no ge- for -ieren
    ("Armenien und Aserbaidschan unterzeichneten ein Abkommen.", "unterzeichneten", "unterzeichnen"),
    ("Die Sanktionen wurden von der EU verhängt.", "verhängt", "verhängen"),  # weak, not hängen's hing
])
def test_german_verb_lemmas_from_the_lexicons(pipeline, text, form, lemma):
    words, _, _ = _words(pipeline, text)
    assert (form, lemma, "VERB") in words


def test_separable_particle_is_no_preposition_once_attached(pipeline):
    words, _, _ = _words(pipeline, "Kasachstan lehnte die Bitte Moskaus ab.")
    assert ("ab", "ab", "PART") in words


def test_compound_noun_read_by_its_last_part(pipeline):
    words, _, _ = _words(pipeline, "Deutschland verurteilte den Angriffskrieg und die EU-Sanktionen.")
    assert ("Angriffskrieg", "angriffskrieg", "NOUN") in words or ("Angriffskrieg", "krieg", "NOUN") in words
    assert ("EU-Sanktionen", "sanktion", "NOUN") in words


def _statements(pipeline, text):
    doc = pipeline(Doc("t", text, "de", "2024-05-01"))
    return doc.statements


def test_negation_stays_in_its_own_clause(pipeline):
    st = _statements(pipeline, "China verurteilt den Krieg nicht und ruft zu Gesprächen auf.")
    assert [(s.subject, s.predicate) for s in st if s.kind == "stance"] == [("CHN", "neutral")]
    assert ("CHN", "REQUEST") in [(s.subject, s.predicate) for s in st if s.kind == "event"]


def test_konjunktiv_future_in_reported_speech_is_a_pledge_with_its_speaker(pipeline):
    st = _statements(pipeline, "Tokajew sagte, Kasachstan werde die Volksrepubliken nicht anerkennen.")
    stance = [s for s in st if s.kind == "stance"]
    assert [(s.subject, s.predicate, s.speaker) for s in stance] == [("KAZ", "distance", "Kassym-Jomart Tokayev")]
    assert not [s for s in st if s.kind == "event"]  # a future is no event
    assert [s.speaker for s in st if s.kind == "prediction"] == ["Kassym-Jomart Tokayev"]


def test_werden_passive_is_no_future(pipeline):
    st = _statements(pipeline, "Die Sanktionen wurden von der EU verhängt.")
    assert [(s.subject, s.predicate) for s in st if s.kind == "event"] == [("EU", "SANCTION")]
    assert not [s for s in st if s.kind == "prediction"]


@pytest.mark.parametrize("text", [
    "", "...", "🙂 🙂 🙂", "nicht " * 3000, "Kasachstan " * 500 + "lehnte ab.", "ab ab ab zu zu an.",
    "Россия lehnte ab, und Kasachstan sagte: «нет».", "Kasachstan\u0000lehnte\u200bab.", "-" * 10000,
])
def test_german_bad_input_gives_no_crash(pipeline, text):
    doc = pipeline(Doc("t", text, "de", None))
    assert all(0 <= s.start <= s.end <= len(text) for s in doc.statements)
    assert not [s for s in doc.statements if s.kind == "stance" and s.subject is None]


def test_frames_parse_setting_leaves_german_as_it_is(pipeline):
    """German frames read their lexicons' words; the dependency-parse setting (for Russian) neither
    changes nor slows them (the de_gsd model is not run for frames)."""
    from allegiance.settings import Settings

    parsed = default_pipeline(settings=Settings(frames_parse=True))
    text = "Kasachstan lehnte die Bitte Moskaus ab, Truppen zu schicken. Belarus unterstützt den Krieg."
    plain = [(s.kind, s.subject, s.predicate) for s in pipeline(Doc("t", text, "de", None)).statements]
    assert [(s.kind, s.subject, s.predicate) for s in parsed(Doc("t", text, "de", None)).statements] == plain
    assert ("stance", "KAZ", "distance") in plain


def test_support_that_the_state_denies_in_german_is_dropped(pipeline):
    """A German denial ("bestreitet") marks the article's claim about the state as disputed, as the
    English and Russian denial words do (modality.toml's de entries)."""
    doc = pipeline(Doc("t", "Nordkorea hat Soldaten nach Russland geschickt. Pjöngjang bestreitet das.", "de", None))
    assert not [s for s in doc.statements if s.kind == "stance"]
    assert ("PRK", "AID") in [(s.subject, s.predicate) for s in doc.statements if s.kind == "event"]
