"""The fast paths of the analysis give what the plain code gave: the tokenizer against ``finditer``,
the per-word memos of the frame words against a fresh reading, the future-verb cache, the
web-address gate, and the pipeline's warm-up (which must never make a pipeline fail to build)."""

from __future__ import annotations

import logging
import random
import re

import pytest

from allegiance.nlp import Doc, frames_en
from allegiance.nlp import frames as frames_module
from allegiance.nlp.doc import Sentence
from allegiance.nlp.modality import _future_word, has_future_verb
from allegiance.nlp.pipeline import Pipeline, default_pipeline
from allegiance.nlp.tokens import _WORD, Token, _morph, tokenize
from allegiance.nlp.unlisted import _domain_gate


def _finditer_tokens(text: str) -> list[Token]:
    return [Token(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(text)]


def test_tokenize_gives_the_offsets_finditer_gives():
    rng = random.Random(7)
    alphabet = "ab_ -'’.,1Яяё\u0301é\u00a0中Ⅻ\t\n"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        assert tokenize(text) == _finditer_tokens(text), text
    text = "aa_aa a aaa.aa a-a 'a' a"  # a word that also occurs inside the word before it
    assert tokenize(text) == _finditer_tokens(text)


def _words(reader, text: str, language: str) -> list[tuple]:
    pack = frames_module.language_pack(language)
    doc = Doc("t", text, language)
    return [(w.i, w.start, w.end, w.text, w.lemma, w.upos, w.feats, w.low)
            for w in reader(doc, Sentence(0, len(text)), pack)]


@pytest.mark.parametrize(("reader", "language", "text"), [
    (frames_en._en_words, "en", "Russia said Russia's allies said nothing; Said and Russia met."),
    (frames_module._ru_words, "ru", "Россия заявила, что Россия не будет поставлять оружие, заявила она."),
    (frames_module._ru_words, "uk", "Україна заявила, що Україна не буде воювати."),
])
def test_frame_words_read_from_the_memo_equal_a_fresh_reading(reader, language, text):
    frames_en._EN_SEEN.clear()
    frames_module._RU_SEEN.clear()
    fresh = _words(reader, text, language)  # each repeated word comes from the memo the second time
    again = _words(reader, text, language)  # every word from the memo
    assert fresh == again
    first = fresh[0]
    later = next(w for w in fresh[1:] if w[3] == first[3])
    if language == "en":
        assert (first[5], later[5]) == ("X", "PROPN")  # a capitalised first word is no proper noun


def test_future_word_cache_reads_as_pymorphy3_does():
    for word in ("введут", "вводят", "будет", "війну", "скажу", "казав", "завтра"):
        parse = _morph("ru").parse(word)[0]
        assert _future_word(word, "ru") == (parse.tag.POS == "VERB" and "futr" in parse.tag.grammemes)
    assert has_future_verb("Россия введёт войска.", "ru")
    assert not has_future_verb("Россия ввела войска.", "ru")


def test_domain_gate_finds_every_address_the_pattern_finds():
    from allegiance.kb.langdata import pack_data

    pattern = str(pack_data("organization_patterns.toml").get("domain_pattern"))
    full, gate = re.compile(pattern), _domain_gate(pattern)
    assert gate is not None
    for text in ("Read it on example.com today.", "www.site.ru/path and t.me", "Mail me at a@b.org", "Kyiv.ua.",
                 "the end. Com is", "reuters.com.", "No address here.", "news.bbc.co.uk", "ria.ru"):
        assert bool(full.search(text)) <= bool(gate.search(text)), text
    assert _domain_gate(r"\bwww\.\w+") is None  # another shape: no gate, the pattern runs on every text


def test_warm_up_failure_is_left_to_the_analysis(caplog):
    class Breaks:
        name, requires, provides = "breaks", ("text",), ()

        def warm(self, languages: tuple[str, ...]) -> None:
            raise RuntimeError("no lexicon")

        def __call__(self, doc: Doc) -> Doc:
            return doc

    with caplog.at_level(logging.DEBUG, logger="allegiance.nlp.pipeline"):
        Pipeline([Breaks()], version="t").warm(("en",))
    assert "warming breaks failed" in caplog.text


def test_warmed_pipeline_reads_like_a_cold_one():
    frames_module.language_pack.cache_clear()
    text = "Kazakhstan refused to send troops. Belarus allowed Russia to use its territory."
    warm = default_pipeline()
    assert frames_module.language_pack.cache_info().currsize > 0  # built before any article
    cold = Pipeline(warm.components, version=warm.version)
    assert warm(Doc("a", text, "en")).statements == cold(Doc("a", text, "en")).statements


def test_last_word_reads_as_the_end_anchored_search():
    from allegiance.nlp.doc import _last_word

    rng = random.Random(3)
    alphabet = "ab .\n\t\u00a0\u2003x\u200b\u3000\x1c\x85"
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        found = re.search(r"(\S+)$", text[start:end])
        assert _last_word(text, start, end) == (found.group(1) if found else ""), (text, start, end)


def test_topics_in_one_pass_equal_each_topic_pattern():
    from allegiance.nlp.claims import _topics
    from allegiance.nlp.lexicons import load_lexicons, topic_finder

    lex = load_lexicons()
    assert topic_finder(lex) is not None
    cues = [c for words in lex.topic_cues.values() for c in words]
    rng = random.Random(5)
    texts = ["Sanctions on oil and gas hit the economy.", "Nothing here.", "САНКЦИИ и нефть", ""]
    texts += [" ".join(rng.choice(cues + ["and", "the", "войска"]) for _ in range(rng.randint(1, 6)))
              for _ in range(300)]
    for text in texts:
        expected = tuple(t for t, p in lex.topic_patterns.items() if p.search(text.casefold()))
        assert _topics.__wrapped__(text, lex) == expected, text


def test_statement_replace_gives_what_dataclasses_replace_gives():
    import dataclasses
    import pickle

    from allegiance.nlp.doc import Statement
    from allegiance.nlp.statements import _replace

    s = Statement("event", 1, 5, subject="RUS", topics=("a",), subject_span=(1, 3))
    fast, plain = _replace(s, time="2024", topics=("b",)), dataclasses.replace(s, time="2024", topics=("b",))
    assert fast == plain and repr(fast) == repr(plain) and hash(fast) == hash(plain)
    assert pickle.loads(pickle.dumps(fast)) == plain and s.time is None  # the original is unchanged
    with pytest.raises(TypeError):
        _replace(s, no_such_field=1)
