"""Tokens with offsets and their matching keys: case-folded words, and pymorphy3 lemmas of Cyrillic
words so that inflected forms match ("Казахстана" → "казахстан"). Which pymorphy3 dictionary reads
a language is pack data (``lang/<code>/morphology.toml``, ``languages.toml``)."""

from __future__ import annotations

import functools
import logging
import re
import unicodedata
from pathlib import Path
from typing import Any, NamedTuple

from ..errors import PackError
from ..kb.langdata import every_language_data, language_data, pack_data

__all__ = ["Token", "alias_keys", "folded", "tokenize", "tokenized", "word_key", "analyzer_for", "has_morphology",
           "is_noun", "morph_parse"]

log = logging.getLogger(__name__)

#: a word: letters and digits, with an apostrophe inside a Cyrillic word kept (Ukrainian and
#: Belarusian spelling: «В'ячеслав», «Слов’янськ»; «О'Салливан»), and a name of one capital (not
#: "L", the elided article of "L'Ukraine"), an apostrophe and a capitalised word ("O'Brien",
#: "D’Alema") kept whole. Any other apostrophe separates: "Russia's", "don't", "l'Ukraine".
#: ``ʼ`` (U+02BC) is a letter to the regex already.
_WORD = re.compile(r"[^\W_]+(?:['\u2019](?:(?<=[\u0400-\u04ff]['\u2019])(?=[\u0400-\u04ff])"
                   r"|(?<=(?<![^\W_])[A-KM-Z]['\u2019])(?=[A-Z][a-z]))[^\W_]+)*", re.UNICODE)
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
#: the apostrophes a word may hold, read as the ``'`` that pymorphy3's dictionaries and the packs write
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'"})


class Token(NamedTuple):
    start: int
    end: int
    text: str


_NEW_TUPLE = tuple.__new__


def tokenize(text: str) -> list[Token]:
    """Letters and digits; hyphens, dots and apostrophes separate tokens, but for an apostrophe
    inside a Cyrillic word or a name such as "O'Brien" (:data:`_WORD`).

    Every component tokenises, so this is written for speed: the words come from one ``findall``
    and each one's offset from ``str.find`` after the previous word (exact: the characters between
    two words are none of a word's, so a word's next occurrence is where the regex found it), and
    the tuples are built with ``tuple.__new__``; three times as fast as ``finditer`` and
    ``Token._make``."""
    out: list[Token] = []
    append, find, new = out.append, text.find, _NEW_TUPLE
    pos = 0
    for word in _WORD.findall(text):
        pos = find(word, pos)
        end = pos + len(word)
        append(new(Token, (pos, end, word)))  # type: ignore[arg-type]
        pos = end
    return out


@functools.lru_cache(maxsize=1024)
def tokenized(text: str) -> tuple[Token, ...]:
    """:func:`tokenize` of a sentence, remembered: the quantities and the sentence modality both
    tokenise every Russian sentence of a document, and a page repeats its lines. A tuple, so that
    no caller can change what another reads. 1,024 sentences (a few MB at most): the quantities
    read all of a document's sentences before the modality does, so a document of more sentences
    tokenises its first ones again, as before."""
    return tuple(tokenize(text))


@functools.lru_cache(maxsize=64)
def analyzer_for(language: str | None, folders: tuple[Path, ...] | None = None) -> str:
    """The pymorphy3 dictionary that reads Cyrillic words of a text in ``language``: the language's
    own (``lang/<code>/morphology.toml`` ``analyzer``), else the packs' ``cyrillic_analyzer``."""
    own = language_data("morphology", language, folders).get("analyzer") if language else None
    fallback = pack_data("languages.toml", folders).get("cyrillic_analyzer")
    if own or fallback:
        return str(own or fallback)
    declared = [str(d["analyzer"]) for d in every_language_data("morphology", folders).values() if d.get("analyzer")]
    if not declared:
        raise PackError("no pack names a pymorphy3 dictionary (lang/<code>/morphology.toml 'analyzer')")
    return declared[0]


def has_morphology(language: str | None, folders: tuple[Path, ...] | None = None) -> bool:
    """True when the language's words are matched through lemmas (it names a pymorphy3 dictionary)."""
    return bool(language and language_data("morphology", language, folders).get("analyzer"))


@functools.lru_cache(maxsize=2)
def _pymorphy(lang: str) -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=lang)


def _nameless(char: str) -> bool:
    return char.isalpha() and not unicodedata.name(char, "")


def morph_parse(word: str, analyzer: str = "ru") -> list[Any]:
    """pymorphy3's readings of ``word``, never an exception and never an empty list: the one way
    to call the morphology. pymorphy3 raises on a letter Unicode gives no name (a Tangut
    ideograph, U+17000-U+18D08: ``ValueError: no such name``); such letters are read as absent,
    and a word of nothing else reads as punctuation, so one character never costs an article its
    analysis. A word's apostrophes are read as ``'``, as the dictionaries write it."""
    morph = _pymorphy(analyzer)
    if "\u2019" in word or "\u02bc" in word:  # the dictionaries write the apostrophe as '
        word = word.translate(_APOSTROPHES)
    try:
        return list(morph.parse(word))
    except (ValueError, KeyError, IndexError) as exc:
        log.debug("pymorphy3 cannot read %r (%s); reading it without its nameless letters", word, exc)
    safe = "".join(c for c in word if not _nameless(c))
    try:
        return list(morph.parse(safe or "-"))
    except (ValueError, KeyError, IndexError):
        return list(morph.parse("-"))


class _GuardedMorph:
    """A pymorphy3 analyzer whose ``parse`` is :func:`morph_parse`; everything else is the analyzer's."""

    def __init__(self, lang: str) -> None:
        self._lang = lang

    def parse(self, word: str) -> list[Any]:
        return morph_parse(word, self._lang)

    def __getattr__(self, name: str) -> Any:
        return getattr(_pymorphy(self._lang), name)


@functools.lru_cache(maxsize=2)
def _morph(lang: str) -> Any:
    """The analyzer for ``lang`` with its ``parse`` guarded (see :func:`morph_parse`)."""
    return _GuardedMorph(lang)


_PROPER = ("Surn", "Name", "Geox", "Orgn", "Patr")


def folded(word: str) -> str:
    """``word`` case-folded, with «ё» as «е» and its apostrophes as ``'`` (:data:`_APOSTROPHES`)."""
    lowered = word.casefold().replace("ё", "е")
    return lowered.translate(_APOSTROPHES) if "\u2019" in lowered or "\u02bc" in lowered else lowered


@functools.lru_cache(maxsize=200_000)
def word_key(word: str, analyzer: str | None = None) -> str:
    """The matching key of one word: its lemma when Cyrillic, else its case-folded form.

    A capitalised Cyrillic word takes the lemma of its likeliest proper-noun reading, so that
    "Пригожина" is the surname Пригожин and not the adjective пригожий."""
    lowered = folded(word)
    if not _CYRILLIC.search(lowered):
        return lowered
    parses = morph_parse(lowered, analyzer or analyzer_for(None))
    if not parses:
        return lowered
    if word[:1].isupper():
        for tag in _PROPER:
            for parse in parses:
                if tag in parse.tag.grammemes:
                    return str(parse.normal_form).replace("ё", "е")
    return str(parses[0].normal_form).replace("ё", "е")


def alias_keys(tokens: list[Token], analyzer: str) -> set[tuple[str, ...]]:
    """The key sequences an alias is indexed under: each word as its lemma and as written, so that
    a surname the dictionary does not know ("Токаев") still meets its inflected forms' lemma."""
    options = [{word_key(t.text, analyzer), folded(t.text)} for t in tokens[:4]]
    keys: set[tuple[str, ...]] = {()}
    for choice in options:
        keys = {k + (c,) for k in keys for c in choice}
    return {k + tuple(word_key(t.text, analyzer) for t in tokens[4:]) for k in keys}


@functools.lru_cache(maxsize=100_000)
def is_noun(word: str, analyzer: str | None = None) -> bool:
    """True when the likeliest reading of a Cyrillic word is a noun (names written in lower case,
    as some outlets do on purpose, still match; verbs and pronouns that look like names do not)."""
    if not _CYRILLIC.search(word):
        return False
    parses = morph_parse(word.casefold(), analyzer or analyzer_for(None))
    return bool(parses) and parses[0].tag.POS == "NOUN"
