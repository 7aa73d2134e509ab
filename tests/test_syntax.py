"""The syntactic layer: offsets, heads, subjects and objects, Ukrainian case marks, the registry."""

from __future__ import annotations

import pytest

from allegiance.nlp import syntax
from allegiance.nlp.morphology import MorphologyParser
from allegiance.nlp.syntax import ParsedSentence, SyntaxToken, get_parser, register_parser


def _spans(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for n, ch in enumerate(text):
        if ch in ".!?":
            out.append((start, n + 1))
            start = n + 1
    if text[start:].strip():
        out.append((start, len(text)))
    return out


def _check_offsets(text: str, sentences: list[ParsedSentence]) -> None:
    for s in sentences:
        assert text[s.start:s.end] == text[s.start:s.end].strip()
        for t in s.tokens:
            assert text[t.start:t.end] == t.text
            assert s.start <= t.start < t.end <= s.end
            assert t.i == s.tokens.index(t)
            assert -1 <= t.head < len(s.tokens)
            assert t.head != t.i


def _by_rel(s: ParsedSentence, rel: str) -> list[str]:
    return [t.lemma.casefold() for t in s.tokens if t.deprel == rel]


def _en_parser() -> syntax.SentenceParser:
    parser = get_parser("en")
    if parser is None:
        pytest.skip("the English parser model (src/allegiance/models/en_ewt) or spaCy is not installed")
    return parser


def _ru_needs_natasha() -> syntax.SentenceParser:
    parser = get_parser("ru")
    if not isinstance(parser, syntax.NatashaParser):
        pytest.skip("natasha (the russian-ner extra) is not installed: Russian has morphology only")
    return parser


def test_token_feat_reads_one_feature():
    t = SyntaxToken(0, 0, 5, "Kyiv", "Kyiv", "PROPN", (("Case", "Nom"), ("Number", "Sing")))
    assert t.feat("Case") == "Nom"
    assert t.feat("Tense") is None


def test_children_and_subtree_follow_heads():
    toks = tuple(SyntaxToken(i, i, i + 1, w, w, "X", (), h, r) for i, (w, h, r) in
                 enumerate([("a", 1, "amod"), ("b", -1, "root"), ("c", 1, "obj"), ("d", 2, "nmod")]))
    s = ParsedSentence(0, 4, toks, True)
    assert [t.text for t in s.children(1)] == ["a", "c"]
    assert [t.text for t in s.subtree(2)] == ["c", "d"]
    assert [t.text for t in s.roots()] == ["b"]
    flat = ParsedSentence(0, 4, toks, False)
    assert [t.text for t in flat.subtree(2)] == ["c"]


def test_registry_caches_and_replaces_a_factory():
    calls = []

    def factory() -> syntax.SentenceParser:
        calls.append(1)
        return MorphologyParser("uk")

    register_parser("xx-test", factory)
    try:
        assert get_parser("xx-test") is get_parser("xx-test")
        assert len(calls) == 1
        register_parser("xx-test", lambda: None)
        assert get_parser("xx-test") is None
    finally:
        syntax._FACTORIES.pop("xx-test", None)
        syntax._BUILT.pop("xx-test", None)
    assert get_parser("zz") is None
    assert get_parser(None) is None
    assert {"en", "ru", "uk"} <= set(syntax.available_parsers())


def test_a_factory_that_raises_leaves_the_language_unparsed(caplog):
    def broken() -> syntax.SentenceParser:
        raise OSError("model files damaged")

    register_parser("xx-broken", broken)
    try:
        assert get_parser("xx-broken") is None
        assert "could not be built" in caplog.text
    finally:
        syntax._FACTORIES.pop("xx-broken", None)
        syntax._BUILT.pop("xx-broken", None)


def test_ukrainian_morphology_marks_case_tense_and_aspect():
    text = "Уряд Польщі передасть Україні нові літаки у травні. Міністр заявив, що Росія продовжує війну."
    sentences = get_parser("uk").parse(text, _spans(text))
    _check_offsets(text, sentences)
    assert not any(s.has_heads for s in sentences)
    first = {t.text: t for t in sentences[0].tokens}
    assert first["Уряд"].feat("Case") == "Nom"
    assert first["Польщі"].feat("Case") == "Gen"
    assert first["передасть"].lemma == "передати"
    assert first["передасть"].feat("Tense") == "Fut" and first["передасть"].feat("Aspect") == "Perf"
    assert first["Україні"].feat("Case") == "Dat"
    assert first["літаки"].feat("Case") == "Acc"
    assert first["травні"].lemma == "травень" and first["травні"].feat("Case") == "Loc"
    second = {t.text: t for t in sentences[1].tokens}
    assert second["що"].upos == "SCONJ"
    assert second["продовжує"].feat("Tense") == "Pres" and second["продовжує"].feat("Aspect") == "Imp"
    assert second["війну"].upos == "NOUN" and second["війну"].feat("Case") == "Acc"  # not a verb «війнути»
    assert second["Росія"].upos == "PROPN"


def test_regression_tangut_character_does_not_crash_pymorphy():
    text = "\U00017000 Зеленський \U00018d08 зустрівся з прем’єром."
    for lang in ("uk", "ru"):
        (s,) = MorphologyParser(lang).parse(text, [(0, len(text))])
        _check_offsets(text, [s])
        odd = [t for t in s.tokens if t.text in ("\U00017000", "\U00018d08")]
        assert [t.upos for t in odd] == ["X", "X"]
        assert [t.lemma for t in odd] == [t.text.casefold() for t in odd]
    (s,) = get_parser("uk").parse(text, [(0, len(text))])
    assert {t.text: t.lemma for t in s.tokens}["прем’єром"] == "прем’єр"


def test_empty_and_blank_spans_give_empty_sentences():
    text = "   \n  "
    for lang in ("uk", "ru"):
        assert [s.tokens for s in get_parser(lang).parse(text, [(0, len(text)), (2, 2)])] == [(), ()]


def test_english_subject_and_object_of_a_simple_clause():
    parser = _en_parser()
    text = "Poland sent tanks to Ukraine in March.  The minister said that Hungary opposed new sanctions."
    sentences = parser.parse(text, _spans(text))
    _check_offsets(text, sentences)
    assert all(s.has_heads for s in sentences)
    first = sentences[0]
    assert _by_rel(first, "nsubj") == ["poland"]
    assert "tank" in _by_rel(first, "obj")
    root = first.roots()[0]
    assert root.lemma == "send" and root.upos == "VERB"
    second = sentences[1]
    assert "say" in [t.lemma for t in second.roots()]
    assert "hungary" in _by_rel(second, "nsubj")


def test_english_spans_with_whitespace_and_newlines_keep_offsets():
    parser = _en_parser()
    text = "  Germany\n\nwill  deliver   air defence systems.\t"
    (s,) = parser.parse(text, [(0, len(text))])
    _check_offsets(text, [s])
    assert [t.text for t in s.tokens][:2] == ["Germany", "will"]


def test_russian_subject_and_object_from_natasha():
    parser = _ru_needs_natasha()
    text = "Казахстан не признал независимость Крыма. Министр заявил журналистам, что Иран поставляет дроны."
    sentences = parser.parse(text, _spans(text))
    _check_offsets(text, sentences)
    first = sentences[0]
    assert _by_rel(first, "nsubj") == ["казахстан"]
    assert "независимость" in _by_rel(first, "obj")
    assert first.roots()[0].lemma == "признать"
    second = sentences[1]
    assert "иран" in _by_rel(second, "nsubj")
    assert {t.text: t.feat("Case") for t in second.tokens}["дроны"] == "Acc"


def test_russian_without_natasha_falls_back_to_morphology():
    parser = MorphologyParser("ru")
    text = "Правительство одобрило новые санкции."
    (s,) = parser.parse(text, [(0, len(text))])
    tokens = {t.text: t for t in s.tokens}
    assert tokens["одобрило"].lemma == "одобрить" and tokens["одобрило"].feat("Tense") == "Past"
    assert tokens["санкции"].feat("Case") == "Acc"
