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
import logging
import re
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

__all__ = [
    "NatashaParser",
    "SpacyParser",
    "morphology_parser",
    "ParsedSentence",
    "SentenceParser",
    "SyntaxToken",
    "available_parsers",
    "get_parser",
    "register_parser",
    "spacy_model_parser",
    "strip_span",
    "word_spans",
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


def word_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Words (with inner apostrophes and hyphens) and single other characters of ``text[start:end]``."""
    for m in _TOKEN.finditer(text, start, end):
        yield m.start(), m.end()


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
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
        bounds = [strip_span(text, s, e) for s, e in spans]
        docs = self._nlp.pipe((text[s:e] for s, e in bounds), batch_size=64)
        return [self._sentence(doc, s, e) for doc, (s, e) in zip(docs, bounds, strict=True)]

    def parse_tokens(self, text: str, sentences: Sequence[Sequence[tuple[int, int]]]) -> list[ParsedSentence]:
        """Parse sentences already split into words (spans of ``text``), keeping those words."""
        from spacy.tokens import Doc as SpacyDoc

        docs = []
        for words in sentences:
            spaces = [b < len(text) and text[b:b + 1].isspace() for _, b in words]
            docs.append(SpacyDoc(self._nlp.vocab, words=[text[a:b] for a, b in words], spaces=spaces))
        out = []
        for doc, words in zip(self._nlp.pipe(docs, batch_size=64), sentences, strict=True):
            parsed = self._sentence(doc, 0, 0)
            tokens = tuple(dataclasses.replace(t, start=a, end=b, text=text[a:b])
                           for t, (a, b) in zip(parsed.tokens, words, strict=True))
            out.append(ParsedSentence(words[0][0] if words else 0, words[-1][1] if words else 0, tokens, True))
        return out

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

        bounds = [strip_span(text, s, e) for s, e in spans]
        words = [[(s + t.start, s + t.stop) for t in tokenize(text[s:e])] for s, e in bounds]
        return self._parse_words(text, bounds, words)

    def parse_tokens(self, text: str, sentences: Sequence[Sequence[tuple[int, int]]]) -> list[ParsedSentence]:
        """Parse sentences already split into words (spans of ``text``), keeping those words."""
        words = [list(w) for w in sentences]
        bounds = [(w[0][0], w[-1][1]) if w else (0, 0) for w in words]
        return self._parse_words(text, bounds, words)

    def _parse_words(self, text: str, bounds: list[tuple[int, int]],
                     words: list[list[tuple[int, int]]]) -> list[ParsedSentence]:
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
        return morphology_parser("ru")
    return NatashaParser()


def morphology_parser(lang: str) -> SentenceParser:
    """The pymorphy3 morphology parser for ``lang`` (``ru`` or ``uk``)."""
    from .morphology import MorphologyParser

    return MorphologyParser(lang)


register_parser("en", lambda: spacy_model_parser("en", "en_ewt"))
register_parser("ru", _russian_parser)
register_parser("uk", lambda: morphology_parser("uk"))
