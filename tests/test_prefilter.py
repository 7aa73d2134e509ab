"""The sentence prefilter (``nlp/prefilter.py``) answers as the word-by-word tests it replaced, and
its sets come from the packs' lexicons, so that no lexicon entry can be filtered out; the
quantities' early rejection of a token and the shared sentence tokens give what the plain code
gave."""

from __future__ import annotations

import re

import pytest

from allegiance.nlp.frames import _plain_speech, language_pack
from allegiance.nlp.frames_en import _en_forms
from allegiance.nlp.numbers import number_rules
from allegiance.nlp.prefilter import frame_triggers, future_triggers, may_hold_frame, may_speak_of_future
from allegiance.nlp.quantities import QuantityExtractor
from allegiance.nlp.tokens import tokenize, tokenized

SENTENCES = [
    "Kazakhstan condemned the annexation and said it would not recognise the referendums.",
    "The minister noted that talks will resume in May if both sides agree to meet.",
    "Uzbekistan's president plans to visit Moscow, officials said.",
    "Armenia won't join the sanctions, the ministry stated; it'll review the decision.",
    "Nothing here but weather: rain and wind over the hills.",
    "Georgia is sending aid; Moldova sent troops? No, it supplied fuel and backed the resolution.",
    "He’ll decide later whether to attend.",
]


def _english() -> object:
    pack = language_pack("en")
    assert pack is not None
    return pack


def test_frame_triggers_hold_every_inflection_of_every_pack_predicate_but_plain_speech():
    pack = _english()
    plain = _plain_speech(pack)  # type: ignore[arg-type]
    triggers = frame_triggers(pack)  # type: ignore[arg-type]
    for lemma in pack.predicates:  # type: ignore[attr-defined]
        for form in _en_forms(lemma.split("_")[0]):
            assert (form in triggers) is (form not in plain), (lemma, form)
    for form in pack.forms:  # type: ignore[attr-defined]  (the listed irregular forms: "fought", "sent")
        assert (form in triggers) is (form not in plain), form


def test_a_new_lexicon_entry_reaches_the_prefilter(tmp_path):
    """An event verb added in a pack of one's own passes the filter: the set is read from the packs."""
    from allegiance.kb.langdata import pack_folders

    folders = pack_folders("")
    extra = tmp_path / "mypack"
    (extra / "lang" / "en").mkdir(parents=True)
    (extra / "manifest.toml").write_text('name = "mypack"\nversion = "0.1"\nlicence = "CC0"\ndescription = "t"\n',
                                         encoding="utf-8")
    (extra / "lang" / "en" / "event_predicates.toml").write_text('[verbs]\nzorble = "ATTACK"\n', encoding="utf-8")
    base = language_pack("en", folders)
    assert base is not None and not may_hold_frame(base, "russia zorbled the town.")
    mine = language_pack("en", (*folders, extra))
    assert mine is not None and may_hold_frame(mine, "russia zorbled the town.")


@pytest.mark.parametrize("text", SENTENCES)
def test_may_hold_frame_answers_as_the_word_by_word_test(text):
    pack = _english()
    low = text.casefold()
    plain = _plain_speech(pack)  # type: ignore[arg-type]
    word_by_word = any(w in pack.surface and w not in plain for w in re.findall(r"[a-z]+", low))  # type: ignore[attr-defined]
    assert may_hold_frame(pack, low) is word_by_word  # type: ignore[arg-type]


@pytest.mark.parametrize("text", SENTENCES)
def test_may_speak_of_future_answers_as_the_word_by_word_test(text):
    pack = _english()
    g = pack.grammar  # type: ignore[attr-defined]
    low = text.casefold().replace("’", "'")
    cues = g.get("future", frozenset()) | g.get("conditional", frozenset()) | g.get("condition", frozenset()) \
        | {"won't", "wo"}
    plans = g.get("plan", frozenset()) if " to " in low else frozenset()
    word_by_word = "'ll" in low or any(w in cues or w in plans for w in re.findall(r"[a-z']+", low))
    assert may_speak_of_future(pack, low) is word_by_word  # type: ignore[arg-type]
    assert future_triggers(pack)[0] <= future_triggers(pack)[1]  # type: ignore[arg-type]


NUMBER_SENTENCES = {
    "en": ["About a thousand soldiers and two hundred tanks crossed; a million people fled, 35 thousand stayed.",
           "A dozen drones hit one of the three bridges in 2023."],
    "ru": ["Более тысячи военных и двести танков пересекли границу; около миллиона человек уехали.",
           "Два батальона и 35 тысяч добровольцев прибыли, сказал один из командиров."],
    "uk": ["Понад тисячу військових і двісті танків; близько мільйона людей виїхали, 5 тис. залишилися."],
    "de": ["Mehr als tausend Soldaten und zweihundert Panzer, eine Million Menschen flohen."],
}


@pytest.mark.parametrize("language", sorted(NUMBER_SENTENCES))
def test_the_quantities_reject_only_tokens_the_number_reader_rejects(language):
    rules = number_rules(language)
    for text in NUMBER_SENTENCES[language]:
        tokens = tokenized(text)
        keys = [QuantityExtractor._key(t, rules) for t in tokens]
        for i, token in enumerate(tokens):
            word = token.text
            rejected = word[:1].isdigit() or keys[i] not in rules.words and word.casefold() not in rules.articles \
                and not (rules.has_lone and (rules.multiplier_of(keys[i]) or rules.multiplier_of(word)) > 1)
            # what the quantities read, once per word: the same key and the same test
            assert QuantityExtractor._entry(word, rules) == (keys[i], not rejected)
            if rejected:
                assert QuantityExtractor._word_number(text, tokens, keys, i, rules) is None, (text, word)


def test_shared_sentence_tokens_are_the_tokenizers_and_cannot_be_changed():
    for text in [*SENTENCES, *NUMBER_SENTENCES["ru"]]:
        assert list(tokenized(text)) == tokenize(text)
        assert tokenized(text) is tokenized(text)
        assert isinstance(tokenized(text), tuple)


def test_phrase_matcher_search_is_the_first_of_finditer():
    """``search`` stops at its first match; it must be the one a full ``finditer`` lists first."""
    import random

    from allegiance.nlp.lexicons import load_lexicons

    lexicons = load_lexicons()
    rng = random.Random(7)
    vocabulary = ["the", "minister", "said", "may", "will", "not", "reportedly", "denied", "could", "according",
                  "to", "sources", "it", "is", "likely", "that", "Kyiv", "won't", "claimed", "if", ",", "."]
    for matcher in lexicons.modality_en.values():
        for _ in range(300):
            text = " ".join(rng.choice(vocabulary) for _ in range(rng.randint(0, 20)))
            every = matcher.finditer(text)
            first = matcher.search(text)
            assert (first is None) is (not every), text
            if first is not None:
                assert (first.start(), first.end(), first.phrase) == (every[0].start(), every[0].end(),
                                                                      every[0].phrase), text
