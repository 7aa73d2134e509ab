"""The fast paths of spd12 give what the plain code gave: the entity linker's token keys of a text
with no Cyrillic letter (case-folded forms) against ``word_key`` per token, and the predictions'
whole-word phrase search by ``str.find`` against ``re.finditer`` of the escaped phrase."""

from __future__ import annotations

import random
import re

from allegiance.nlp.entities import EntityLinker
from allegiance.nlp.predictions import _phrase_at
from allegiance.nlp.tokens import analyzer_for, tokenize, word_key


def _plain_phrase_at(low: str, phrase: str) -> int:
    for match in re.finditer(re.escape(phrase.strip()), low):
        start, end = match.span()
        if (start == 0 or not low[start - 1].isalnum()) and (end == len(low) or not low[end].isalnum()):
            return start
    return -1


def test_phrase_search_by_find_is_the_regex_search():
    rng = random.Random(12)
    pieces = ["aa", "a", "b", "ab", "ba", " ", ",", "laut", "verlautbarung", "according to", "à", "1", "_", "é",
              "по словам", "ё", ".", "(", "a.b", "*", "\n"]
    phrases = ["a", "aa", "aba", "ab a", " a ", "laut", "according to", "по словам", "a.b", "(", "*", "", "  ",
               "é", "1", "_a"]
    for _ in range(20000):
        low = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        phrase = rng.choice(phrases)
        assert _phrase_at(low, phrase) == _plain_phrase_at(low, phrase), (low, phrase)


def test_token_keys_of_a_text_without_cyrillic_are_the_word_keys():
    linker = EntityLinker()
    rng = random.Random(13)
    # U+1C80 has no Cyrillic letter's code point but case-folds to one (в): such a text goes the
    # plain way; «ё» is Cyrillic
    words = ["Kyiv", "NATO", "Straße", "ß", "İstanbul", "Ǆ", "ﬁ", "1,5", "Müller", "\u1c80", "Ёлка", "Москва", "x",
             "O’Brien", "ΣΑΣ", "the"]
    for _ in range(2000):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(0, 10)))
        for language in ("en", "ru", None):
            analyzer = analyzer_for(language)
            linker._last_keyed = None
            tokens, keys = linker._keyed_tokens(text, analyzer)
            assert tokens == tokenize(text)
            if not re.search(r"[\u0400-\u04ff]", text):  # the Cyrillic path is the one it was
                assert keys == [word_key(t.text, analyzer) for t in tokens], text


def test_elided_denial_gate_passes_every_sentence_the_pattern_matches():
    from allegiance.nlp.frame_types import language_pack
    from allegiance.nlp.stances_en import _elided_denial, _elided_denial_gate

    pack = language_pack("en")
    assert pack is not None
    rng = random.Random(14)
    joins = list(pack.ordered.get("elided_denial_joins", ()))
    assert joins
    pieces = joins + [w.upper() for w in joins] + [w.title() for w in joins] + [
        " ", " ", "  ", "\n", "\t", "\u00a0", ",", ".", "Kazakhstan", "and", "Belarus", "do", "does", "not",
        "n't", "n’t", "never", "either", "so", "ſ", "x", "b", "ut"]
    hits = 0
    for _ in range(30000):
        spaces = [" ", "", "  ", "\n", "\t", "\u00a0", "x"]
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 6))) + rng.choice([",", ""]) + \
            rng.choice(spaces) + rng.choice(pieces[:3 * len(joins)] + ["b"]) + rng.choice(spaces) + \
            rng.choice(["Kazakhstan and Belarus", "ab", "Belarus"]) + rng.choice(spaces) + \
            rng.choice(["do", "DOES", "will", "x"]) + rng.choice([" not", "n't", "n’t", " never", "not"]) + \
            rng.choice(["", " so", " either"]) + rng.choice(["", ".", " .", "!", "\n"]) + \
            "".join(rng.choice(pieces) for _ in range(rng.randint(0, 1)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        full = _elided_denial(pack).search(text, start, end)
        hits += full is not None
        if _elided_denial_gate(pack).search(text, start, end) is None:
            assert full is None, text
    assert hits > 20  # the strings reach the pattern


def test_word_before_read_from_the_end_is_the_search():
    from allegiance.nlp.entities import _WORD_BEFORE, _word_before

    def plain(text: str, start: int, end: int) -> tuple[str, str]:
        found = _WORD_BEFORE.search(text[start:end])
        return (found.group(1), found.group(2)) if found else ("", "")

    for code in range(0x110000):  # every code point, as a word and as a mark
        ch = chr(code)
        for text in (f"a{ch}", f"{ch} ", f"{ch}"):
            assert _word_before(text, 0, len(text)) == plain(text, 0, len(text)), hex(code)
    rng = random.Random(15)
    pieces = ["Kyiv", "the", "U", ".", "S", "_", " ", "  ", "\n", ",", "«", "»", "1", "²", "é", "Ё", "—", "ٱ", "x_y"]
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        end = rng.randint(0, len(text))
        start = rng.randint(0, end)
        assert _word_before(text, start, end) == plain(text, start, end), (text, start, end)
