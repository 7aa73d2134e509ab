"""Tokens with offsets and their matching keys: case-folded words, and pymorphy3 lemmas of Cyrillic
words so that inflected forms match ("Казахстана" → "казахстан"). Which pymorphy3 dictionary reads
a language is pack data (``lang/<code>/morphology.toml``, ``languages.toml``)."""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any, NamedTuple

from ..errors import PackError
from ..kb.langdata import every_language_data, language_data, pack_data

__all__ = ["Token", "alias_keys", "tokenize", "word_key", "analyzer_for", "has_morphology", "is_noun"]

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


class Token(NamedTuple):
    start: int
    end: int
    text: str


def tokenize(text: str) -> list[Token]:
    """Letters and digits; hyphens, apostrophes and dots separate tokens."""
    make = Token._make
    return [make((m.start(), m.end(), m.group(0))) for m in _WORD.finditer(text)]


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
def _morph(lang: str) -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=lang)


_PROPER = ("Surn", "Name", "Geox", "Orgn", "Patr")


@functools.lru_cache(maxsize=200_000)
def word_key(word: str, analyzer: str | None = None) -> str:
    """The matching key of one word: its lemma when Cyrillic, else its case-folded form.

    A capitalised Cyrillic word takes the lemma of its likeliest proper-noun reading, so that
    "Пригожина" is the surname Пригожин and not the adjective пригожий."""
    lowered = word.casefold().replace("ё", "е")
    if not _CYRILLIC.search(lowered):
        return lowered
    parses = _morph(analyzer or analyzer_for(None)).parse(lowered)
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
    options = [{word_key(t.text, analyzer), t.text.casefold().replace("ё", "е")} for t in tokens[:4]]
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
    parses = _morph(analyzer or analyzer_for(None)).parse(word.casefold())
    return bool(parses) and parses[0].tag.POS == "NOUN"
