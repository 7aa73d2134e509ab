"""Morphology without a parser: pymorphy3's likeliest analysis of each word in its sentence, as UD v2
parts of speech, lemmas and features (the Ukrainian parser of :mod:`allegiance.nlp.syntax`, and the
Russian one where natasha is not installed). Heads are not known (``has_heads`` False).

pymorphy3's Ukrainian analyses carry no frequencies, so the reading is chosen by context (see
:func:`_choose`). The closed-class words pymorphy3 misreads are pack data: ``lang/<code>/morphology.toml``.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..kb.langdata import language_data
from .syntax import ParsedSentence, SyntaxToken, strip_span, word_spans

__all__ = ["ClosedClass", "MorphologyParser", "closed_class"]

_UPOS = {"NOUN": "NOUN", "ADJF": "ADJ", "ADJS": "ADJ", "COMP": "ADJ", "VERB": "VERB", "INFN": "VERB",
         "PRTF": "ADJ", "PRTS": "ADJ", "GRND": "VERB", "NUMR": "NUM", "ADVB": "ADV", "NPRO": "PRON",
         "PRED": "ADV", "PREP": "ADP", "CONJ": "CCONJ", "PRCL": "PART", "INTJ": "INTJ"}
_PROPER = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})
_CASES = {"nomn": "Nom", "gent": "Gen", "gen2": "Gen", "datv": "Dat", "accs": "Acc", "acc2": "Acc", "ablt": "Ins",
          "loct": "Loc", "loc2": "Loc", "voct": "Voc"}
_GRAMMEMES = (("number", "Number", {"sing": "Sing", "plur": "Plur"}),
              ("gender", "Gender", {"masc": "Masc", "femn": "Fem", "neut": "Neut"}),
              ("person", "Person", {"1per": "1", "2per": "2", "3per": "3"}),
              ("tense", "Tense", {"past": "Past", "pres": "Pres", "futr": "Fut"}),
              ("aspect", "Aspect", {"impf": "Imp", "perf": "Perf"}),
              ("animacy", "Animacy", {"anim": "Anim", "inan": "Inan"}),
              ("mood", "Mood", {"indc": "Ind", "impr": "Imp"}),
              ("voice", "Voice", {"actv": "Act", "pssv": "Pass"}))
_VERBFORM = {"INFN": "Inf", "GRND": "Conv", "PRTF": "Part", "PRTS": "Part", "VERB": "Fin"}
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_NOMINAL = frozenset({"NOUN", "ADJF", "PRTF", "NPRO", "NUMR"})
_CLAUSE_BREAK = frozenset({",", ";", ":", "—", "–", "(", ")", "«", "»", '"'})


@dataclasses.dataclass(frozen=True)
class ClosedClass:
    """A language's closed-class words as the morphology parser needs them (pack data)."""

    upos: dict[str, str]
    determiners: frozenset[str]
    subordinators: frozenset[str]
    auxiliaries: frozenset[str]
    local_pronouns: frozenset[str]


@functools.lru_cache(maxsize=8)
def closed_class(lang: str, folders: tuple[Path, ...] | None = None) -> ClosedClass:
    """``lang/<lang>/morphology.toml`` merged over the pack folders (the bundled and installed packs
    by default, as every lexicon): ``[upos]`` word -> UD part of speech,
    ``determiners.lemmas``, ``subordinators.words``, ``auxiliaries.lemmas``, ``pronouns.local`` (first and
    second person, whose presence makes first and second-person verb readings likely)."""
    data = language_data("morphology", lang, folders)

    def words(table: str, key: str) -> frozenset[str]:
        return frozenset(str(w).casefold() for w in data.get(table, {}).get(key, []))

    return ClosedClass({str(k).casefold(): str(v) for k, v in data.get("upos", {}).items()},
                       words("determiners", "lemmas"), words("subordinators", "words"),
                       words("auxiliaries", "lemmas"), words("pronouns", "local"))


@functools.lru_cache(maxsize=2)
def _analyzer(lang: str) -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=lang)


def _parses(analyzer: Any, word: str) -> list[Any]:
    """pymorphy3's analyses of one word; [] where it cannot analyse it (it raises on some characters,
    e.g. a single Tangut character)."""
    try:
        return list(analyzer.parse(word))
    except Exception:
        return []


def _upos(tag: Any, word: str, lemma: str, first: bool, lex: ClosedClass) -> str:
    pos = tag.POS
    override = lex.upos.get(word.casefold())
    if override and _UPOS.get(pos or "") != override:
        return override
    if lemma in lex.determiners and pos in ("NPRO", "ADJF"):
        return "DET"
    if pos is None:
        if "PNCT" in tag:
            return "PUNCT"
        if "NUMB" in tag or word.isdigit():
            return "NUM"
        if word.isalpha():
            return "PROPN" if word[:1].isupper() else "X"
        return "PUNCT" if not word.isalnum() else "X"
    if pos == "NOUN" and word[:1].isupper() and (_PROPER & set(tag.grammemes) or not first):
        return "PROPN"
    if pos == "CONJ" and lemma in lex.subordinators:
        return "SCONJ"
    if pos == "VERB" and lemma in lex.auxiliaries:
        return "AUX"
    return _UPOS.get(pos, "X")


def _morph_feats(tag: Any) -> tuple[tuple[str, str], ...]:
    out = []
    if tag.case in _CASES:
        out.append(("Case", _CASES[tag.case]))
    for attr, name, values in _GRAMMEMES:
        value = getattr(tag, attr, None)
        if value in values:
            out.append((name, values[value]))
    if tag.POS in _VERBFORM:
        out.append(("VerbForm", _VERBFORM[tag.POS]))
    return tuple(sorted(out))


def _agrees(adj: Any, noun: Any) -> bool:
    a, n = adj.tag, noun.tag
    if a.case != n.case or a.number != n.number:
        return False
    return a.number == "plur" or a.gender is None or n.gender is None or a.gender == n.gender


def _prior(p: Any, n: int, speech: bool, word: str, next_oblique: bool, lex: ClosedClass) -> float:
    """A preference from the word and its neighbour: vocatives, first/second-person verbs (unless the
    sentence has such a pronoun), rare readings and proper-noun readings of a lower-case word are
    unlikely; a function-word reading is likelier than a content-word one; a subordinator is a
    conjunction; a word that can be a preposition is one before an oblique noun phrase."""
    tag = p.tag
    grammemes = tag.grammemes
    score = -0.01 * n
    if tag.POS in ("PREP", "CONJ", "PRCL", "PRED", "NPRO"):
        score += 0.3
    if tag.POS == "CONJ" and word.casefold() in lex.subordinators:
        score += 0.5
    if tag.POS == "PREP" and next_oblique:
        score += 0.5
    if "Infr" in grammemes or "Arch" in grammemes or "Slng" in grammemes:
        score -= 0.3
    if word[:1].islower() and _PROPER & grammemes:
        score -= 0.5
    if tag.case == "voct":
        score -= 1.0
    if tag.POS == "VERB" and tag.person in ("1per", "2per") and not speech:
        score -= 0.8
    return score


def _in_context(p: Any, prev: Any | None, after_prep: bool, verb_before: bool, subject_before: bool) -> float:
    tag = p.tag
    score = 0.0
    if after_prep:
        if tag.case in (None, "nomn"):
            score -= 0.6
        if tag.animacy == "inan":
            score += 0.05
    elif tag.POS == "NOUN" and prev is not None and prev.tag.POS == "NOUN" and tag.case == "gent":
        score += 0.4  # a noun after a noun is most often its genitive attribute
    if tag.POS in ("NOUN", "NPRO", "ADJF") and not after_prep:
        if tag.case == "accs" and verb_before and subject_before:
            score += 0.5
        if tag.case == "nomn" and not subject_before:
            score += 0.3
    return score


def _choose(options: list[list[Any]], words: list[str], lex: ClosedClass) -> list[Any | None]:
    """The likeliest analysis of each word in its context (pymorphy3's Ukrainian analyses carry no
    frequencies): after a preposition a noun phrase is not nominative; a noun after a noun is its genitive;
    after a subject and a verb comes the accusative; an adjective agrees with the noun after it and is read
    as a noun when no noun follows."""
    speech = any(w.casefold() in lex.local_pronouns for w in words)
    chosen: list[Any | None] = []
    after_prep = verb_before = subject_before = False
    for n, opts in enumerate(options):
        if words[n] in _CLAUSE_BREAK or words[n].casefold() in lex.subordinators:
            verb_before = subject_before = after_prep = False
        if not opts:
            chosen.append(None)
            continue
        prev = chosen[-1] if chosen else None
        word = words[n]
        next_oblique = n + 1 < len(options) and any(
            q.tag.POS in _NOMINAL and q.tag.case not in (None, "nomn", "voct") for q in options[n + 1])
        best = max(enumerate(opts), key=lambda kv: _prior(kv[1], kv[0], speech, word, next_oblique, lex)
                   + _in_context(kv[1], prev, after_prep, verb_before, subject_before))[1]
        chosen.append(best)
        pos = best.tag.POS
        after_prep = pos == "PREP" or (after_prep and pos in ("ADJF", "PRTF", "NUMR", "NPRO", "ADVB"))
        if pos == "VERB":
            verb_before = True
        if pos in ("NOUN", "NPRO") and best.tag.case == "nomn":
            subject_before = True
    for n in range(len(options) - 1, -1, -1):
        current = chosen[n]
        if current is None or current.tag.POS not in ("ADJF", "PRTF"):
            continue
        noun = chosen[n + 1] if n + 1 < len(options) else None
        if noun is not None and noun.tag.POS == "NOUN":
            matching = [p for p in options[n] if p.tag.POS in _NOMINAL and _agrees(p, noun)]
            chosen[n] = matching[0] if matching else current
        elif noun is None or noun.tag.POS in ("PREP", "VERB", "CONJ") or n + 1 == len(options):
            # no noun to agree with: a homonymous noun («травні» → травень), not the adjective turned noun
            nouns = [p for p in options[n] if p.tag.POS == "NOUN" and p.normal_form != current.normal_form[:-2]
                     and not p.normal_form.startswith(current.normal_form[:-2])]
            if nouns:
                same_case = [p for p in nouns if p.tag.case == current.tag.case]
                oblique = [p for p in nouns if p.tag.case not in (None, "nomn", "voct")]
                chosen[n] = (same_case or oblique or nouns)[0] if not _after_prep(chosen, n) else \
                    (oblique or nouns)[0]
    return chosen


def _after_prep(chosen: list[Any | None], n: int) -> bool:
    prev = chosen[n - 1] if n > 0 else None
    return prev is not None and prev.tag.POS == "PREP"


def _proper_first(word: str, parses: list[Any], first_word: bool) -> list[Any]:
    if not word[:1].isupper() or first_word:
        return parses
    proper = [p for p in parses if p.tag.POS == "NOUN" and _PROPER & set(p.tag.grammemes)]
    return proper + [p for p in parses if p not in proper] if proper else parses


class MorphologyParser:
    """Lemmas, UPOS and features from pymorphy3's likeliest analysis in context; no heads."""

    def __init__(self, lang: str, folders: tuple[Path, ...] | None = None) -> None:
        self.lang = lang
        self._analyzer = _analyzer(lang)
        self._lex = closed_class(lang, folders)

    def parse(self, text: str, spans: Sequence[tuple[int, int]]) -> list[ParsedSentence]:
        out = []
        for s, e in spans:
            s, e = strip_span(text, s, e)
            words = list(word_spans(text, s, e))
            out.append(ParsedSentence(s, e, self.tokens(text, words), False))
        return out

    def parse_tokens(self, text: str, sentences: Sequence[Sequence[tuple[int, int]]]) -> list[ParsedSentence]:
        """Analyse sentences already split into words (spans of ``text``)."""
        return [ParsedSentence(w[0][0] if w else 0, w[-1][1] if w else 0, self.tokens(text, w), False)
                for w in sentences]

    def tokens(self, text: str, words: Sequence[tuple[int, int]]) -> tuple[SyntaxToken, ...]:
        """Tokens for the given word spans of ``text``, in order."""
        options = []
        for n, (ws, we) in enumerate(words):
            word = text[ws:we]
            key = word.casefold().replace("’", "'").replace("ʼ", "'")
            parses = _parses(self._analyzer, key) if any(c.isalnum() for c in word) else []
            options.append(_proper_first(word, parses, n == 0))
        chosen = _choose(options, [text[ws:we] for ws, we in words], self._lex)
        return tuple(self._token(n, text, ws, we, best) for n, ((ws, we), best) in enumerate(zip(words, chosen,
                                                                                                   strict=True)))

    def _token(self, n: int, text: str, start: int, end: int, best: Any | None) -> SyntaxToken:
        word = text[start:end]
        if best is None:
            if not any(c.isalnum() for c in word):
                return SyntaxToken(n, start, end, word, word, "PUNCT")
            upos = "NUM" if word.isdigit() else ("PROPN" if word[:1].isupper() and word.isalpha()
                                                 and not _CYRILLIC.search(word) else "X")
            return SyntaxToken(n, start, end, word, word.casefold(), self._lex.upos.get(word.casefold(), upos))
        lemma = str(best.normal_form)
        for mark in "’ʼ":
            if mark in word:
                lemma = lemma.replace("'", mark)
        upos = _upos(best.tag, word, lemma, n == 0, self._lex)
        return SyntaxToken(n, start, end, word, lemma, upos, _morph_feats(best.tag))


