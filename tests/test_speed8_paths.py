"""The fast paths of speed8 give what the plain code gave: a pack's lists joined once per pack
(``LanguagePack.union``, the frame builder's negatable nouns) against the union made on each call,
the pack's ``english``/``slavic`` read once against its clause rules, and the genre cues counted in
one automaton pass against ``str.count`` per cue."""

from __future__ import annotations

import itertools
import random

import pytest

from allegiance.kb.langdata import languages
from allegiance.nlp.frame_types import language_pack, pack_union
from allegiance.nlp.frames import _negatable_nouns
from allegiance.nlp.genre import GenreClassifier, cue_automaton, cue_counts
from allegiance.nlp.lexicons import load_lexicons


def _packs():
    return [p for p in (language_pack(code) for code in languages()) if p is not None]


def test_pack_unions_are_the_unions_of_their_lists():
    packs = _packs()
    assert packs
    for pack in packs:
        for table in ("grammar", "stance_classes", "targets"):
            source = getattr(pack, table)
            keys = sorted(source)[:6] + ["no_such_key"]
            for n in (1, 2, 3):
                for chosen in itertools.islice(itertools.combinations(keys, n), 40):
                    plain = frozenset().union(*(source.get(k, frozenset()) for k in chosen))
                    assert pack.union(table, *chosen) == plain
                    assert pack.union(table, *chosen) is pack.union(table, *chosen)  # made once
                    assert pack_union(pack, table, *chosen) == plain
        assert _negatable_nouns(pack) == pack.nouns | pack.stance_classes.get("ally", frozenset()) | \
            pack.stance_classes.get("conduit", frozenset()) | pack.stance_classes.get("accomplice", frozenset())
        assert pack.english == ("english" in pack.rules)
        assert pack.slavic == ("slavic" in pack.rules)
    assert pack_union(None, "grammar", "negation") == frozenset()


def test_genre_cue_counts_are_str_count():
    rng = random.Random(8)
    cues = {"a", "aa", "aba", "b a", "ab", "aaa", "ba ", " a"}
    automaton = cue_automaton(cues)
    for _ in range(5000):
        text = "".join(rng.choice("ab ") for _ in range(rng.randint(0, 40)))
        assert cue_counts(text, cues, automaton) == {c: text.count(c) for c in cues}, text
    lexicon_cues = {c for _w, cs in load_lexicons().genre.values() for c in cs}
    automaton = cue_automaton(lexicon_cues)
    words = sorted({w for c in lexicon_cues for w in c.split()}) + ["the", "war", "of", ",", "."]
    for _ in range(300):
        text = " " + " ".join(rng.choice(words) for _ in range(rng.randint(0, 80)))
        assert cue_counts(text, lexicon_cues, automaton) == {c: text.count(c) for c in lexicon_cues}
    assert cue_automaton(set()) is None and cue_automaton({"", "a"}) is None
    assert cue_counts("aaa", {"", "a"}, None) == {"": 4, "a": 3}


@pytest.mark.parametrize("text", ["", "I think we must act. Of course, it is so.", "(AP) — The ministry said ..."])
def test_genre_as_the_plain_scores_give(text):
    from allegiance.nlp import Doc

    lex = load_lexicons()
    low = " " + text.casefold()
    scores = {name: weight * sum(low.count(cue) for cue in cues) for name, (weight, cues) in lex.genre.items()}
    best = max(scores.items(), key=lambda kv: (kv[1], kv[0] == "reporting"))
    plain = best[0] if best[1] > 0 else "reporting"
    assert GenreClassifier(lex)(Doc("x", text, "en", "2024-03-01")).genre == plain


def test_quantities_end_checks_answer_as_their_end_anchored_searches():
    import re
    import sys

    from allegiance.nlp.quantities import _digit_mark_at_end, _last_run, _letter_hyphen_at_end

    hyphen, mark, run = re.compile(r"[^\W\d_]-$"), re.compile(r"\d[./]$"), re.compile(r"\S*$")
    for code in itertools.chain(range(0x10000), range(0x10000, sys.maxunicode + 1, 7)):  # the BMP, the rest sampled
        c = chr(code)
        for text in (c + "-", c + "/", c + ".", c + ".\n", "x" + c):
            assert _letter_hyphen_at_end(text) is bool(hyphen.search(text)), (hex(code), text)
            assert _digit_mark_at_end(text) is bool(mark.search(text)), (hex(code), text)
        text = "ab" + c + "cd" + c
        assert _last_run(text) == run.search(text).group(0), hex(code)  # type: ignore[union-attr]
    rng = random.Random(8)
    alphabet = ["a", "Я", "1", "٣", "²", "Ⅻ", "_", "-", ".", "/", " ", "\n", "\t", "\u00a0", "\u2028", "\x1c"]
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 8)))
        assert _letter_hyphen_at_end(text) is bool(hyphen.search(text)), repr(text)
        assert _digit_mark_at_end(text) is bool(mark.search(text)), repr(text)
        assert _last_run(text) == run.search(text).group(0), repr(text)  # type: ignore[union-attr]


def test_qualifier_search_from_the_tail_finds_what_the_whole_search_finds():
    from allegiance.nlp.numbers import number_rules

    rng = random.Random(5)
    for code in languages():
        rules = number_rules(code)
        words = sorted(rules.qualifier_words) + ["the", "of", "ab", "A", "about", "ABOUT", "Около", "нА", "ß"]
        for _ in range(3000):
            text = "".join(rng.choice(words) + rng.choice(["", " ", "\n", "\t", "\u00a0", "."])
                           for _ in range(rng.randint(0, 6)))
            plain, fast = rules.qualifier.search(text), rules.qualifier_of(text)
            assert (plain and (plain.span(), plain.group(1))) == (fast and (fast.span(), fast.group(1))), \
                (code, text)
