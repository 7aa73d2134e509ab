"""The fast paths of speed9 give what the plain code gave: the quantities' end-anchored searches
started near the end (``NumberRules.referring_before``, ``quantities._name_before``) against the
searches of the whole text, and the per-pack patterns and unions of the rule modules against the
plain joins made on each call."""

from __future__ import annotations

import random
import re

from allegiance.kb.langdata import languages
from allegiance.nlp.frame_types import language_pack
from allegiance.nlp.numbers import number_rules
from allegiance.nlp.quantities import _NAME_BEFORE, _name_before
from allegiance.nlp.stances import _contrast_cut


def _pieces(rng: random.Random, words: list[str], n: int) -> str:
    return "".join(rng.choice(words) + rng.choice(["", " ", " ", "  ", "\n", "\t", "\u00a0", ".", "-", "’", "("])
                   for _ in range(rng.randint(0, n)))


def test_referring_search_from_the_tail_finds_what_the_whole_search_finds():
    rng = random.Random(9)
    for code in languages():
        rules = number_rules(code)
        listed = [w for w in re.findall(r"\(\?:(.*)\)\\s\+\$", rules.referring.pattern)[0].split("|") if w != "(?!)"]
        words = [w.replace("\\", "") for w in listed]
        words += [w.upper() for w in words] + [w[1:] for w in words if len(w) > 1] + \
            ["x" + w for w in words] + ["the", "BOTH", "Эти", "ці", "a", "1", "_", "ß", "İ"]
        for _ in range(3000):
            text = _pieces(rng, words, 6)
            assert rules.referring_before(text) == bool(rules.referring.search(text)), (code, text)


def test_name_search_from_the_last_space_finds_what_the_whole_search_finds():
    rng = random.Random(11)
    words = ["France", "Россия", "Їжак", "O'Brien", "d’Arc", "x", "Ab-Cd", "ab", "A", "Ё", "1", "_", "24", "é",
             "Élysée", "«Київ", "(Kyiv", "—"]
    for _ in range(20000):
        text = _pieces(rng, words, 7) + rng.choice(["", " ", " \n", "\n", "  "])
        plain, fast = _NAME_BEFORE.search(text), _name_before(text)
        assert (plain and (plain.start(1), plain.group(1))) == (fast and (fast.start(1), fast.group(1))), text


def test_contrast_cut_is_the_pattern_joined_per_call():
    for code in languages():
        pack = language_pack(code)
        if pack is None:
            continue
        joins = pack.grammar.get("concession_breaks", frozenset()) | pack.grammar.get("contrast_joins", frozenset())
        plain = re.compile(r",\s+(?:" + "|".join(map(re.escape, sorted(joins))) + r")\s", re.I) if joins else None
        assert (plain and plain.pattern) == (_contrast_cut(pack) and _contrast_cut(pack).pattern), code
