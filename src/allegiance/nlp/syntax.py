"""The syntactic layer: sentences parsed into tokens with lemmas, UD parts of speech, morphology and,
where a parser exists for the language, dependency heads and UD v2 relations.

Parsers are registered by language, the way spaCy registers factories, and built lazily on first use:

- ``en``: the small spaCy pipeline trained by ``scripts/train_parser_en.py`` on UD English-EWT and shipped
  in ``allegiance/models/en_ewt`` (``None``, with a logged warning, when spaCy or the model is missing);
- ``ru``: natasha's slovnet morphology tagger and syntax parser (the ``russian-ner`` extra) when natasha is
  installed, else the pymorphy3 morphology parser;
- ``uk``: the pymorphy3 morphology parser (``has_heads`` False). natasha's Russian models are not used on
  Ukrainian.

A parser only parses the sentence spans it is given, so callers pay only for sentences that can yield a
statement. Offsets are always into the text passed to :meth:`SentenceParser.parse`.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import re
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

__all__ = [
    "MorphologyParser",
    "ParsedSentence",
    "SentenceParser",
    "SyntaxToken",
    "available_parsers",
    "get_parser",
    "register_parser",
]

log = logging.getLogger(__name__)

MODELS = Path(__file__).resolve().parent.parent / "models"


@dataclasses.dataclass(frozen=True, slots=True)
class SyntaxToken:
    """One word of a parsed sentence. ``i`` is its index in the sentence; ``start``/``end`` are character
    offsets into the parsed text; ``head`` is the index of its head in the sentence (-1 for the root or where
    no parse is known); ``deprel`` is the UD v2 relation ("" where unparsed)."""

    i: int
    start: int
    end: int
    text: str
    lemma: str
    upos: str
    feats: tuple[tuple[str, str], ...] = ()
    head: int = -1
    deprel: str = ""

    def feat(self, name: str) -> str | None:
        """The value of one UD feature (``"Case"``, ``"Tense"``...), or None."""
        for key, value in self.feats:
            if key == name:
                return value
        return None


@dataclasses.dataclass(frozen=True)
class ParsedSentence:
    """One sentence span and its tokens. ``has_heads`` is False where only morphology is known."""

    start: int
    end: int
    tokens: tuple[SyntaxToken, ...]
    has_heads: bool

    def children(self, i: int) -> list[SyntaxToken]:
        """The tokens whose head is token ``i``, in text order."""
        return [t for t in self.tokens if t.head == i and t.i != i]

    def subtree(self, i: int) -> list[SyntaxToken]:
        """Token ``i`` and everything below it, in text order (just the token where there are no heads)."""
        if not self.has_heads:
            return [self.tokens[i]]
        below = {i}
        frontier = [i]
        while frontier:
            head = frontier.pop()
            for t in self.tokens:
                if t.head == head and t.i not in below:
                    below.add(t.i)
                    frontier.append(t.i)
        return [t for t in self.tokens if t.i in below]

    def roots(self) -> list[SyntaxToken]:
        return [t for t in self.tokens if t.head < 0] if self.has_heads else []


@runtime_checkable
class SentenceParser(Protocol):
    lang: str

    def parse(self, text: str, spans: Sequence[tuple[int, int]]) -> list[ParsedSentence]:
        """Parse the sentence spans ``(start, end)`` of ``text``; one :class:`ParsedSentence` per span."""
        ...


# --- the registry ---------------------------------------------------------------------------------------

ParserFactory = Callable[[], "SentenceParser | None"]
_FACTORIES: dict[str, ParserFactory] = {}
_BUILT: dict[str, SentenceParser | None] = {}
_LOCK = threading.Lock()


def register_parser(lang: str, factory: ParserFactory) -> None:
    """Register (or replace) the factory that builds the parser for ``lang``. The factory is called once,
    on the first :func:`get_parser` for the language; it may return None when its model is missing."""
    with _LOCK:
        _FACTORIES[lang] = factory
        _BUILT.pop(lang, None)


def get_parser(lang: str | None) -> SentenceParser | None:
    """The parser registered for ``lang``, built on first use and cached; None when there is none."""
    if lang is None:
        return None
    with _LOCK:
        if lang in _BUILT:
            return _BUILT[lang]
        factory = _FACTORIES.get(lang)
    parser: SentenceParser | None = None
    if factory is not None:
        try:
            parser = factory()
        except Exception:  # a broken model must not stop the analysis: the layer is then absent
            log.warning("the %s parser could not be built; sentences go unparsed", lang, exc_info=True)
            parser = None
    with _LOCK:
        _BUILT.setdefault(lang, parser)
        return _BUILT[lang]


def available_parsers() -> tuple[str, ...]:
    """The languages with a registered parser factory (whether or not its model is installed)."""
    return tuple(sorted(_FACTORIES))


# --- shared helpers ---------------------------------------------------------------------------------------

_TOKEN = re.compile(r"[^\W_]+(?:['’ʼ\-][^\W_]+)*|\S", re.UNICODE)


def _word_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Words (with inner apostrophes and hyphens) and single other characters of ``text[start:end]``."""
    for m in _TOKEN.finditer(text, start, end):
        yield m.start(), m.end()


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _feats(pairs: Any) -> tuple[tuple[str, str], ...]:
    return tuple(sorted((str(k), str(v)) for k, v in pairs))


# --- English (and any language with a shipped spaCy model) ------------------------------------------------


class SpacyParser:
    """A spaCy pipeline with a parser, run over each sentence span on its own."""

    def __init__(self, lang: str, nlp: Any) -> None:
        self.lang = lang
        self._nlp = nlp

    def parse(self, text: str, spans: Sequence[tuple[int, int]]) -> list[ParsedSentence]:
        bounds = [_strip(text, s, e) for s, e in spans]
        docs = self._nlp.pipe((text[s:e] for s, e in bounds), batch_size=64)
        return [self._sentence(doc, s, e) for doc, (s, e) in zip(docs, bounds, strict=True)]

    @staticmethod
    def _sentence(doc: Any, start: int, end: int) -> ParsedSentence:
        keep = [t for t in doc if not t.is_space]
        index = {t.i: n for n, t in enumerate(keep)}
        tokens = []
        for n, t in enumerate(keep):
            head = index.get(t.head.i, -1) if t.head.i != t.i else -1
            tokens.append(SyntaxToken(n, start + t.idx, start + t.idx + len(t.text), t.text, t.lemma_ or t.lower_,
                                      t.pos_ or "X", _feats(t.morph.to_dict().items()), head,
                                      _ud_deprel(t.dep_, head)))
        return ParsedSentence(start, end, tuple(tokens), True)


def _ud_deprel(dep: str, head: int) -> str:
    if head < 0:
        return "root"
    return "" if dep in ("", "ROOT") else dep


def spacy_model_parser(lang: str, folder: str) -> SentenceParser | None:
    """The shipped spaCy model in ``allegiance/models/<folder>``, or None (logged) when it cannot load."""
    path = MODELS / folder
    try:
        import spacy
    except ImportError:
        log.warning("spaCy is not installed: %s sentences go unparsed", lang)
        return None
    if not (path / "meta.json").exists():
        log.warning("no parser model at %s: %s sentences go unparsed (make parser-%s builds it)", path, lang, lang)
        return None
    return SpacyParser(lang, spacy.load(path))


# --- Ukrainian and Russian morphology (pymorphy3) ---------------------------------------------------------

_UPOS = {"NOUN": "NOUN", "ADJF": "ADJ", "ADJS": "ADJ", "COMP": "ADJ", "VERB": "VERB", "INFN": "VERB",
         "PRTF": "ADJ", "PRTS": "ADJ", "GRND": "VERB", "NUMR": "NUM", "ADVB": "ADV", "NPRO": "PRON",
         "PRED": "ADV", "PREP": "ADP", "CONJ": "CCONJ", "PRCL": "PART", "INTJ": "INTJ"}
_PROPER = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})
_SUBORDINATORS = frozenset({"що", "щоб", "якщо", "коли", "бо", "хоча", "оскільки", "поки", "доки", "ніби", "наче",
                            "что", "чтобы", "если", "когда", "потому", "хотя", "пока", "будто", "ли"})
_AUXILIARIES = frozenset({"бути", "быть"})
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


def _upos(tag: Any, word: str, lemma: str, first: bool = False) -> str:
    pos = tag.POS
    if pos is None:
        if "PNCT" in tag:
            return "PUNCT"
        if "NUMB" in tag or word.isdigit():
            return "NUM"
        if word.isalpha():
            return "PROPN" if word[:1].isupper() else "X"
        return "PUNCT" if not word.isalnum() else "X"
    if pos == "NOUN" and (_PROPER & set(tag.grammemes) or (word[:1].isupper() and not mid_word_caps(word)
                                                            and not first)):
        return "PROPN"
    if pos == "CONJ" and lemma in _SUBORDINATORS:
        return "SCONJ"
    if pos == "VERB" and lemma in _AUXILIARIES:
        return "AUX"
    return _UPOS.get(pos, "X")


def mid_word_caps(word: str) -> bool:
    """True for an all-capital abbreviation-like word of two or more letters (ЗСУ, НАТО)."""
    return len(word) > 1 and word.isupper()


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


_NOMINAL = frozenset({"NOUN", "ADJF", "PRTF", "NPRO", "NUMR"})
_CLAUSE_BREAK = frozenset({",", ";", ":", "—", "–", "(", ")", "«", "»", '"'})
_LOCAL_PRONOUNS = frozenset({"я", "ти", "ми", "ви", "мене", "нас", "вас", "тебе", "мы", "вы"})


def _prior(p: Any, n: int, speech: bool, word: str, next_oblique: bool) -> float:
    """A preference from the word and its neighbour: vocatives and first/second-person verbs are rare in
    reported text unless the sentence has a first or second-person pronoun; a subordinator is a
    conjunction; a word that can be a preposition is one before an oblique noun phrase."""
    tag = p.tag
    score = -0.01 * n
    if tag.POS == "CONJ" and word in _SUBORDINATORS:
        score += 0.5
    if tag.POS == "PREP" and next_oblique:
        score += 0.5
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


def _choose(options: list[list[Any]], words: list[str]) -> list[Any | None]:
    """The likeliest analysis of each word in its context (pymorphy3's Ukrainian analyses carry no
    frequencies): after a preposition a noun phrase is not nominative; a noun after a noun is its genitive;
    after a subject and a verb comes the accusative; an adjective agrees with the noun after it and is read
    as a noun when no noun follows."""
    speech = any(w.casefold() in _LOCAL_PRONOUNS for w in words)
    chosen: list[Any | None] = []
    after_prep = verb_before = subject_before = False
    for n, opts in enumerate(options):
        if words[n] in _CLAUSE_BREAK or words[n].casefold() in _SUBORDINATORS:
            verb_before = subject_before = after_prep = False
        if not opts:
            chosen.append(None)
            continue
        prev = chosen[-1] if chosen else None
        word = words[n].casefold()
        next_oblique = n + 1 < len(options) and any(
            q.tag.POS in _NOMINAL and q.tag.case not in (None, "nomn", "voct") for q in options[n + 1])
        best = max(enumerate(opts), key=lambda kv: _prior(kv[1], kv[0], speech, word, next_oblique)
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
        else:
            nouns = [p for p in options[n] if p.tag.POS == "NOUN"]
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

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._analyzer = _analyzer(lang)

    def parse(self, text: str, spans: Sequence[tuple[int, int]]) -> list[ParsedSentence]:
        out = []
        for s, e in spans:
            s, e = _strip(text, s, e)
            words = list(_word_spans(text, s, e))
            out.append(ParsedSentence(s, e, self.tokens(text, words), False))
        return out

    def tokens(self, text: str, words: Sequence[tuple[int, int]]) -> tuple[SyntaxToken, ...]:
        """Tokens for the given word spans of ``text``, in order."""
        options = []
        for n, (ws, we) in enumerate(words):
            word = text[ws:we]
            key = word.casefold().replace("’", "'").replace("ʼ", "'")
            parses = _parses(self._analyzer, key) if any(c.isalnum() for c in word) else []
            options.append(_proper_first(word, parses, n == 0))
        chosen = _choose(options, [text[ws:we] for ws, we in words])
        return tuple(self._token(n, text, ws, we, best) for n, ((ws, we), best) in enumerate(zip(words, chosen,
                                                                                                   strict=True)))

    @staticmethod
    def _token(n: int, text: str, start: int, end: int, best: Any | None) -> SyntaxToken:
        word = text[start:end]
        if best is None:
            if not any(c.isalnum() for c in word):
                return SyntaxToken(n, start, end, word, word, "PUNCT")
            upos = "NUM" if word.isdigit() else ("PROPN" if word[:1].isupper() and word.isalpha()
                                                 and not _CYRILLIC.search(word) else "X")
            return SyntaxToken(n, start, end, word, word.casefold(), upos)
        lemma = str(best.normal_form)
        for mark in "’ʼ":
            if mark in word:
                lemma = lemma.replace("'", mark)
        return SyntaxToken(n, start, end, word, lemma, _upos(best.tag, word, lemma, n == 0), _morph_feats(best.tag))


# --- Russian: natasha's slovnet models ---------------------------------------------------------------------


class NatashaParser:
    """natasha's NewsMorphTagger and NewsSyntaxParser over razdel's tokens, one sentence per span."""

    lang = "ru"

    def __init__(self) -> None:
        from natasha import MorphVocab, NewsEmbedding, NewsMorphTagger, NewsSyntaxParser

        emb = NewsEmbedding()
        self._tagger = NewsMorphTagger(emb)
        self._parser = NewsSyntaxParser(emb)
        self._vocab = MorphVocab()

    def parse(self, text: str, spans: Sequence[tuple[int, int]]) -> list[ParsedSentence]:
        from razdel import tokenize

        bounds = [_strip(text, s, e) for s, e in spans]
        words = [[(s + t.start, s + t.stop) for t in tokenize(text[s:e])] for s, e in bounds]
        out: list[ParsedSentence] = []
        todo = [(n, w) for n, w in enumerate(words) if w]
        texts = [[text[a:b] for a, b in w] for _, w in todo]
        parsed = dict(zip((n for n, _ in todo), zip(self._tagger.map(texts), self._parser.map(texts),
                                                     strict=True), strict=True))
        for n, (s, e) in enumerate(bounds):
            if n not in parsed:
                out.append(ParsedSentence(s, e, (), True))
                continue
            morph, syntax = parsed[n]
            out.append(ParsedSentence(s, e, self._tokens(text, words[n], morph.tokens, syntax.tokens), True))
        return out

    def _tokens(self, text: str, words: list[tuple[int, int]], morph: Any, syntax: Any) -> tuple[SyntaxToken, ...]:
        ids = {t.id: n for n, t in enumerate(syntax)}
        out = []
        for n, ((a, b), m, x) in enumerate(zip(words, morph, syntax, strict=True)):
            head = ids.get(x.head_id, -1)
            if head == n:
                head = -1
            out.append(SyntaxToken(n, a, b, text[a:b], self._lemma(text[a:b], m.pos, m.feats), m.pos or "X",
                                   _feats((m.feats or {}).items()), head, "root" if head < 0 else x.rel))
        return tuple(out)

    def _lemma(self, word: str, pos: str, feats: dict[str, str] | None) -> str:
        if pos == "PUNCT" or not any(c.isalnum() for c in word):
            return word
        try:
            return str(self._vocab.lemmatize(word, pos, feats or {}))
        except Exception:  # pymorphy raises on characters it has no table for
            return word.casefold()


def _russian_parser() -> SentenceParser:
    try:
        import natasha  # noqa: F401
    except ImportError:
        log.info("natasha is not installed: Russian sentences get morphology only (pip install "
                 "'allegiance[russian-ner]' for the syntax parser)")
        return MorphologyParser("ru")
    return NatashaParser()


register_parser("en", lambda: spacy_model_parser("en", "en_ewt"))
register_parser("ru", _russian_parser)
register_parser("uk", lambda: MorphologyParser("uk"))
